import {
  ActorSchema,
  CatalogueIdSchema,
  ConsentIdSchema,
  ConsentSchema,
  domainRule,
  ExtensionSchema,
  IsoDateSchema,
  MeetingSchema,
  OrderSchema,
  PersonalProgrammeSchema,
  PersonCategorySchema,
  PersonIdSchema,
  PlanItemIdSchema,
  PlanItemSchema,
  ResponseIdSchema,
  registerCatalogue,
  safeText,
  TerminationReasonSchema,
} from '@nastavnik/core';
import { z } from 'zod';

registerCatalogue();

/**
 * Who did something: a role and, where it matters, the person's id (core
 * `ActorSchema`). The machine checks that a `mentor` or `mentee` id belongs
 * to the pair, that a `parent` acts `onBehalfOf` a minor mentee of the pair,
 * and that the role may record the event (`PairPolicy.authority`).
 *
 * @category Pair events
 * @example
 * PairActorSchema.parse({ role: 'parent', id: 'parent-1', onBehalfOf: 'pupil-1' });
 */
export const PairActorSchema = ActorSchema;
/** Who did something. @category Pair events @example const by: PairActor = { role: 'curator' }; */
export type PairActor = z.infer<typeof PairActorSchema>;

/**
 * What the pair machine keeps about a participant: the id, the category and,
 * only for pupils and minors, the birth date (for the parent-consent rule).
 *
 * @category Pair events
 * @example
 * PairParticipantSchema.parse({ id: 'pupil-1', category: 'pupil', birthDate: '2009-03-01' });
 */
export const PairParticipantSchema = z.object({
  id: PersonIdSchema,
  category: PersonCategorySchema,
  birthDate: IsoDateSchema.optional(),
});
/** A participant as the machine keeps it. @category Pair events @example const p: PairParticipant = { id: PersonIdSchema.parse('t-1'), category: 'teacher' }; */
export type PairParticipant = z.infer<typeof PairParticipantSchema>;

const base = { date: IsoDateSchema, by: PairActorSchema };
const agreedBy = z.array(PersonIdSchema).min(1);

const ConsentRecorded = z
  .object({ type: z.literal('consentRecorded'), ...base, consent: ConsentSchema })
  .superRefine((e, ctx) => {
    if (e.consent.givenAt > e.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent', 'givenAt'],
        message: 'consent after event',
        params: domainRule('invalid_date_range', { reason: 'consentAfterEvent' }),
      });
    }
  });
const ConsentWithdrawn = z.object({
  type: z.literal('consentWithdrawn'),
  ...base,
  consentId: ConsentIdSchema,
});
const OrderIssued = z
  .object({ type: z.literal('orderIssued'), ...base, order: OrderSchema })
  .superRefine((e, ctx) => {
    if (e.order.date !== e.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['order', 'date'],
        message: 'order date',
        params: domainRule('invalid_date_range', { reason: 'eventDateIsOrderDate' }),
      });
    }
  });
const MeetingHeld = z
  .object({ type: z.literal('meetingHeld'), ...base, meeting: MeetingSchema })
  .superRefine((e, ctx) => {
    if (e.meeting.date !== e.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['meeting', 'date'],
        message: 'meeting date',
        params: domainRule('invalid_date_range', { reason: 'eventDateIsMeetingDate' }),
      });
    }
  });
const ProgrammeApproved = z.object({
  type: z.literal('programmeApproved'),
  ...base,
  programme: PersonalProgrammeSchema,
  /** The order approving individual plans, where the school issues one (003 roadmap 8). */
  order: OrderSchema.optional(),
});
const PlanItemDone = z.object({ type: z.literal('planItemDone'), ...base, itemId: PlanItemIdSchema });
const FeedbackSubmitted = z.object({
  type: z.literal('feedbackSubmitted'),
  ...base,
  respondentId: PersonIdSchema,
  responseId: ResponseIdSchema.optional(),
});
const FinalSurveySubmitted = z.object({
  type: z.literal('finalSurveySubmitted'),
  ...base,
  respondentId: PersonIdSchema,
  responseId: ResponseIdSchema.optional(),
});
const Extended = z
  .object({ type: z.literal('extended'), ...base, extension: ExtensionSchema, agreedBy })
  .superRefine((e, ctx) => {
    if (e.extension.agreedAt !== e.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['extension', 'agreedAt'],
        message: 'agreed date',
        params: domainRule('invalid_date_range', { reason: 'eventDateIsAgreementDate' }),
      });
    }
  });
const PlanCorrected = z
  .object({ type: z.literal('planCorrected'), ...base, plan: z.array(PlanItemSchema).min(1), agreedBy })
  .superRefine((e, ctx) => {
    e.plan.forEach((it, i) => {
      if (e.plan.findIndex((o) => o.id === it.id) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['plan', i, 'id'],
          message: 'duplicate',
          params: domainRule('duplicate_id', { of: 'planItem' }),
        });
      }
    });
  });
const FormChanged = z
  .object({
    type: z.literal('formChanged'),
    ...base,
    form: CatalogueIdSchema.optional(),
    formats: z.array(CatalogueIdSchema).min(1).optional(),
    agreedBy,
  })
  .superRefine((e, ctx) => {
    if (e.form === undefined && e.formats === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['form'],
        message: 'nothing changed',
        params: domainRule('required', { reason: 'changeFormOrFormats' }),
      });
    }
  });
const MentorReplaced = z.object({
  type: z.literal('mentorReplaced'),
  ...base,
  mentor: PairParticipantSchema,
  /** The new mentor's written consents (extra duties, personal data). */
  consents: z.array(ConsentSchema),
  /** Who asked for the replacement (a mentee may ask for another mentor, 003 §5.1). */
  initiator: z.enum(['mentor', 'mentee', 'curator']),
  /** The order on replacing the mentor; required once the pair is approved. */
  order: OrderSchema.optional(),
});
const MenteeAdded = z.object({
  type: z.literal('menteeAdded'),
  ...base,
  /** The new mentee of the group (003 §2.3, §6.2). */
  mentee: PairParticipantSchema,
  /** The new mentee's written consents (participation or extra duties, personal data). */
  consents: z.array(ConsentSchema),
  /** The order changing the group; required once the group is approved (003 §6.2). */
  order: OrderSchema.optional(),
});
const MenteeRemoved = z.object({
  type: z.literal('menteeRemoved'),
  ...base,
  menteeId: PersonIdSchema,
  /** At the mentee's own initiative (003 §7.1), because a consent was withdrawn, or moved elsewhere. */
  reason: z.enum(['ownInitiative', 'consentWithdrawn', 'moved']),
});
const Terminated = z.object({
  type: z.literal('terminated'),
  ...base,
  reason: TerminationReasonSchema,
  /** The good reason (уважительные обстоятельства) or the force majeure, in words. */
  note: safeText().trim().min(1).max(1000),
  /** For a mutual decision: everyone who agreed. */
  agreedBy: z.array(PersonIdSchema).optional(),
});
const Completed = z.object({ type: z.literal('completed'), ...base });

/**
 * The domain events of a pair's life: each with its `date` (the date of the
 * fact, `YYYY-MM-DD`) and `by` (who). They are the append-only log a school
 * information system stores; replaying them gives the pair's snapshot.
 *
 * - `consentRecorded` / `consentWithdrawn`: a written consent (core `Consent`);
 * - `orderIssued`: the head's order approving the pair (kind `approvePairs`);
 * - `meetingHeld`: organizational → trial → planning → regular… → final (004 §5);
 * - `programmeApproved`: the personal programme with its plan (3–12 months);
 * - `planItemDone`, `feedbackSubmitted` (interim), `finalSurveySubmitted`;
 * - `extended`, `planCorrected`, `formChanged`: only by mutual agreement (003 §7.2);
 * - `mentorReplaced`: the curator replaces the mentor, history stays (003 §5.1);
 * - `menteeAdded` / `menteeRemoved`: one mentee joins or leaves a group, the others go on (003 §2.3);
 * - `terminated`: early, with a reason of 003 §7.1; `completed`.
 *
 * @category Pair events
 * @example
 * const e = PairEventSchema.parse({
 *   type: 'planItemDone', date: '2023-10-30', by: { role: 'mentee', id: 't-2' }, itemId: 'i1',
 * });
 */
export const PairEventSchema = z.discriminatedUnion('type', [
  ConsentRecorded,
  ConsentWithdrawn,
  OrderIssued,
  MeetingHeld,
  ProgrammeApproved,
  PlanItemDone,
  FeedbackSubmitted,
  FinalSurveySubmitted,
  Extended,
  PlanCorrected,
  FormChanged,
  MentorReplaced,
  MenteeAdded,
  MenteeRemoved,
  Terminated,
  Completed,
]);
/** A validated pair event. @category Pair events @example const e: PairEvent = PairEventSchema.parse(raw); */
export type PairEvent = z.infer<typeof PairEventSchema>;
/** A pair event as written (plain strings for ids, defaults optional). @category Pair events @example const e: PairEventInput = { type: 'completed', date: '2024-05-30', by: { role: 'curator' } }; */
export type PairEventInput = z.input<typeof PairEventSchema>;
