import { z } from 'zod';
import { AcademicYearSchema, IsoDateSchema } from './dates';
import { DueSchema } from './due';
import { ProgrammeStageSchema } from './enums';
import { ActivityIdSchema, OrganizationIdSchema, RoadmapIdSchema } from './ids';
import { safeText } from './text';

/**
 * Kinds of deliverable a roadmap activity produces; the programme machine
 * can gate stage transitions on them.
 *
 * @category Roadmaps
 * @example
 * DeliverableKindSchema.parse('pairsOrder');
 */
export const DeliverableKindSchema = z.enum([
  'regulation',
  'roadmap',
  'introduceOrder',
  'curatorOrder',
  'pairsOrder',
  'plansOrder',
  'competitionOrder',
  'menteeRegistry',
  'mentorRegistry',
  'curatorRegistry',
  'surveyResults',
  'consents',
  'trainingPlan',
  'trainingCompleted',
  'personalProgrammes',
  'monitoringReport',
  'finalReport',
  'practiceBank',
  'publication',
  'event',
  'minutes',
  'methodicalMaterials',
  'other',
]);
/** A kind of deliverable. @category Roadmaps @example const d: DeliverableKind = 'mentorRegistry'; */
export type DeliverableKind = z.infer<typeof DeliverableKindSchema>;

/**
 * One activity (мероприятие) of a roadmap: number, title, content, due (as
 * written and typed), responsible, expected result / document, and the
 * programme stage it belongs to.
 *
 * @category Roadmaps
 * @example
 * RoadmapActivitySchema.parse({
 *   id: '1.1', number: '1.1', title: 'Обеспечить нормативно-правовое оформление программы наставничества',
 *   dueText: 'Август-сентябрь', due: { kind: 'period', from: { month: 8 }, to: { month: 9 } },
 *   responsible: ['Управление образования', 'образовательные учреждения'], stage: 'preparation',
 *   result: 'Программа наставничества, приказ об утверждении ПН', deliverables: ['regulation', 'introduceOrder'],
 * });
 */
export const RoadmapActivitySchema = z.object({
  id: ActivityIdSchema,
  /** The number as printed («1.1», «4.2.»); empty where the seed has none. */
  number: safeText().max(20),
  title: safeText().trim().min(1).max(2000),
  /** «Содержание деятельности», where the roadmap has that column. */
  content: safeText().trim().min(1).max(5000).optional(),
  /** The due text exactly as written in the source. */
  dueText: safeText().max(300),
  due: DueSchema,
  responsible: z.array(safeText().trim().min(1).max(500)),
  /** «Результат, вид документа». */
  result: safeText().trim().min(1).max(3000).optional(),
  deliverables: z.array(DeliverableKindSchema).default([]),
  stage: ProgrammeStageSchema,
});
/** A roadmap activity. @category Roadmaps @example const a: RoadmapActivity = parse(RoadmapActivitySchema, raw); */
export type RoadmapActivity = z.infer<typeof RoadmapActivitySchema>;

/**
 * A section of a roadmap as the source groups it («Этап 1. Подготовка…»,
 * «Нормативно-правовое регулирование…»), with an optional task statement.
 *
 * @category Roadmaps
 * @example
 * RoadmapSectionSchema.parse({ number: '1', title: 'Подготовка условий', activities: [] });
 */
export const RoadmapSectionSchema = z.object({
  number: safeText().max(20),
  title: safeText().trim().min(1).max(1000),
  task: safeText().trim().min(1).max(2000).optional(),
  activities: z.array(RoadmapActivitySchema),
});
/** A roadmap section. @category Roadmaps @example const s: RoadmapSection = parse(RoadmapSectionSchema, raw); */
export type RoadmapSection = z.infer<typeof RoadmapSectionSchema>;

/**
 * A column of a roadmap table; each seed lays its table out differently.
 *
 * @category Roadmaps
 * @example
 * RoadmapColumnSchema.parse({ key: 'due', header: 'Сроки' });
 */
export const RoadmapColumnSchema = z.object({
  key: z.enum(['number', 'stage', 'activity', 'content', 'due', 'responsible', 'result']),
  header: safeText().trim().min(1).max(200),
});
/** A roadmap column. @category Roadmaps @example const c: RoadmapColumn = { key: 'due', header: 'Срок реализации' }; */
export type RoadmapColumn = z.infer<typeof RoadmapColumnSchema>;

/**
 * A roadmap (дорожная карта, план мероприятий) of a school or a
 * municipality for a period: its table layout, sections and activities.
 *
 * @category Roadmaps
 * @example
 * const rm = parse(RoadmapSchema, seedRoadmaps.lyceum7Tikhvin004);
 */
export const RoadmapSchema = z.object({
  id: RoadmapIdSchema,
  title: safeText().trim().min(1).max(1000),
  organizationId: OrganizationIdSchema.optional(),
  level: z.enum(['school', 'municipality', 'region']),
  academicYear: AcademicYearSchema.optional(),
  /** Explicit period where the roadmap is for a calendar year (002: 2023). */
  period: z.object({ start: IsoDateSchema, end: IsoDateSchema }).optional(),
  /** The approving act, as printed in the annex header. */
  approvedBy: z
    .object({
      act: safeText().trim().min(1).max(300),
      number: safeText().min(1).max(50),
      date: IsoDateSchema,
    })
    .optional(),
  columns: z.array(RoadmapColumnSchema).min(2),
  sections: z.array(RoadmapSectionSchema).min(1),
  /** «Составила: …» line, if any. */
  compiledBy: safeText().trim().min(1).max(500).optional(),
});
/** A roadmap. @category Roadmaps @example const rm: Roadmap = parse(RoadmapSchema, raw); */
export type Roadmap = z.infer<typeof RoadmapSchema>;
/** A roadmap as written. @category Roadmaps @example const rm: RoadmapInput = raw; */
export type RoadmapInput = z.input<typeof RoadmapSchema>;

/**
 * All activities of a roadmap in order.
 *
 * @category Roadmaps
 * @example
 * roadmapActivities(rm).length;
 */
export function roadmapActivities(roadmap: Pick<Roadmap, 'sections'>): RoadmapActivity[] {
  return roadmap.sections.flatMap((s) => s.activities);
}
