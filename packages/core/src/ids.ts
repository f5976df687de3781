import type { z } from 'zod';
import { safeText } from './text';

const id = <B extends string>(_brand: B) => safeText().trim().min(1).max(200).brand<B>();

/** Id of an {@link Organization} (school, college, authority, region). @category Ids @example const id = OrganizationIdSchema.parse('sch-7'); */
export const OrganizationIdSchema = id('OrganizationId');
/** Branded id of an organization. @category Ids @example const id: OrganizationId = OrganizationIdSchema.parse('sch-7'); */
export type OrganizationId = z.infer<typeof OrganizationIdSchema>;

/** Id of a {@link Person}. @category Ids @example const id = PersonIdSchema.parse('t-001'); */
export const PersonIdSchema = id('PersonId');
/** Branded id of a person. @category Ids @example const id: PersonId = PersonIdSchema.parse('t-001'); */
export type PersonId = z.infer<typeof PersonIdSchema>;

/** Id of a mentee's {@link Request}. @category Ids @example const id = RequestIdSchema.parse('req-1'); */
export const RequestIdSchema = id('RequestId');
/** Branded id of a request. @category Ids @example const id: RequestId = RequestIdSchema.parse('req-1'); */
export type RequestId = z.infer<typeof RequestIdSchema>;

/** Id of a {@link Pair} (or group). @category Ids @example const id = PairIdSchema.parse('pair-1'); */
export const PairIdSchema = id('PairId');
/** Branded id of a pair. @category Ids @example const id: PairId = PairIdSchema.parse('pair-1'); */
export type PairId = z.infer<typeof PairIdSchema>;

/** Id of a {@link PersonalProgramme}. @category Ids @example const id = PersonalProgrammeIdSchema.parse('pp-1'); */
export const PersonalProgrammeIdSchema = id('PersonalProgrammeId');
/** Branded id of a personal programme. @category Ids @example const id: PersonalProgrammeId = PersonalProgrammeIdSchema.parse('pp-1'); */
export type PersonalProgrammeId = z.infer<typeof PersonalProgrammeIdSchema>;

/** Id of a {@link PlanItem}. @category Ids @example const id = PlanItemIdSchema.parse('item-1'); */
export const PlanItemIdSchema = id('PlanItemId');
/** Branded id of a plan item. @category Ids @example const id: PlanItemId = PlanItemIdSchema.parse('item-1'); */
export type PlanItemId = z.infer<typeof PlanItemIdSchema>;

/** Id of a {@link Meeting}. @category Ids @example const id = MeetingIdSchema.parse('m-1'); */
export const MeetingIdSchema = id('MeetingId');
/** Branded id of a meeting. @category Ids @example const id: MeetingId = MeetingIdSchema.parse('m-1'); */
export type MeetingId = z.infer<typeof MeetingIdSchema>;

/** Id of a {@link Consent}. @category Ids @example const id = ConsentIdSchema.parse('c-1'); */
export const ConsentIdSchema = id('ConsentId');
/** Branded id of a consent. @category Ids @example const id: ConsentId = ConsentIdSchema.parse('c-1'); */
export type ConsentId = z.infer<typeof ConsentIdSchema>;

/** Id of an {@link Order}. @category Ids @example const id = OrderIdSchema.parse('ord-348'); */
export const OrderIdSchema = id('OrderId');
/** Branded id of an order. @category Ids @example const id: OrderId = OrderIdSchema.parse('ord-348'); */
export type OrderId = z.infer<typeof OrderIdSchema>;

/** Id of a {@link Roadmap}. @category Ids @example const id = RoadmapIdSchema.parse('rm-004'); */
export const RoadmapIdSchema = id('RoadmapId');
/** Branded id of a roadmap. @category Ids @example const id: RoadmapId = RoadmapIdSchema.parse('rm-004'); */
export type RoadmapId = z.infer<typeof RoadmapIdSchema>;

/** Id of a {@link RoadmapActivity}. @category Ids @example const id = ActivityIdSchema.parse('1.1'); */
export const ActivityIdSchema = id('ActivityId');
/** Branded id of a roadmap activity. @category Ids @example const id: ActivityId = ActivityIdSchema.parse('1.1'); */
export type ActivityId = z.infer<typeof ActivityIdSchema>;

/** Id of a {@link Programme}. @category Ids @example const id = ProgrammeIdSchema.parse('prog-2023'); */
export const ProgrammeIdSchema = id('ProgrammeId');
/** Branded id of a programme. @category Ids @example const id: ProgrammeId = ProgrammeIdSchema.parse('prog-2023'); */
export type ProgrammeId = z.infer<typeof ProgrammeIdSchema>;

/** Id of a {@link Questionnaire}. @category Ids @example const id = QuestionnaireIdSchema.parse('q-needs'); */
export const QuestionnaireIdSchema = id('QuestionnaireId');
/** Branded id of a questionnaire. @category Ids @example const id: QuestionnaireId = QuestionnaireIdSchema.parse('q-needs'); */
export type QuestionnaireId = z.infer<typeof QuestionnaireIdSchema>;

/** Id of a questionnaire {@link Response}. @category Ids @example const id = ResponseIdSchema.parse('r-1'); */
export const ResponseIdSchema = id('ResponseId');
/** Branded id of a response. @category Ids @example const id: ResponseId = ResponseIdSchema.parse('r-1'); */
export type ResponseId = z.infer<typeof ResponseIdSchema>;

/** Id of a {@link Competition}. @category Ids @example const id = CompetitionIdSchema.parse('nastavnik-plus-2023'); */
export const CompetitionIdSchema = id('CompetitionId');
/** Branded id of a competition. @category Ids @example const id: CompetitionId = CompetitionIdSchema.parse('nastavnik-plus-2023'); */
export type CompetitionId = z.infer<typeof CompetitionIdSchema>;

/** Id of a {@link TrainingCourse}. @category Ids @example const id = TrainingCourseIdSchema.parse('dpp-36'); */
export const TrainingCourseIdSchema = id('TrainingCourseId');
/** Branded id of a training course. @category Ids @example const id: TrainingCourseId = TrainingCourseIdSchema.parse('dpp-36'); */
export type TrainingCourseId = z.infer<typeof TrainingCourseIdSchema>;
