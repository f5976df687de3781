import {
  AcademicYearSchema,
  academicYearBounds,
  domainRule,
  fail,
  type IsoDate,
  IsoDateSchema,
  OrganizationSchema,
  PersonCategorySchema,
  parse,
  registerCatalogue,
  TerminationReasonSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { fastDataset } from './_internal/fastDataset';

registerCatalogue();

const Id = z.string().min(1).max(200);
const Key = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/);

/**
 * A person as indicators need them: no names, only what counting needs
 * (category, birth date or age, pedagogical experience, the date they left).
 *
 * @category Dataset
 * @example
 * PersonRecordSchema.parse({ id: 'p-1', organizationId: 'sch-1', category: 'pupil', birthDate: '2010-03-01' });
 */
export const PersonRecordSchema = z.object({
  id: Id,
  organizationId: Id,
  category: PersonCategorySchema,
  /** Used for the pupils' age band; `age` may be given instead. */
  birthDate: IsoDateSchema.optional(),
  /** Full years on the as-of date, when the birth date is not passed on. */
  age: z.number().int().min(0).max(120).optional(),
  /** Pedagogical experience in full years (стаж), for young specialists. */
  experienceYears: z.number().min(0).max(70).optional(),
  /** The day the person left the organization, if they did. */
  leftAt: IsoDateSchema.optional(),
});
/** A person record. @category Dataset @example const p: PersonRecord = { id: 'p-1', organizationId: 'sch-1', category: 'teacher', experienceYears: 2 }; */
export type PersonRecord = z.input<typeof PersonRecordSchema>;

/**
 * A mentor in the mentor registry: capacity (mentees at once) and completed
 * trainings (e.g. the 36-hour course of 001 4.3).
 *
 * @category Dataset
 * @example
 * MentorRecordSchema.parse({ personId: 't-7', organizationId: 'sch-1', capacity: 2,
 *   training: [{ hours: 36, completedAt: '2023-11-30' }] });
 */
export const MentorRecordSchema = z.object({
  personId: Id,
  organizationId: Id,
  capacity: z.number().int().min(0).max(1000),
  training: z
    .array(z.object({ hours: z.number().positive().max(2000), completedAt: IsoDateSchema }))
    .default([]),
});
/** A mentor registry record. @category Dataset @example const m: MentorRecord = { personId: 't-7', organizationId: 'sch-1', capacity: 2 }; */
export type MentorRecord = z.input<typeof MentorRecordSchema>;

/**
 * A mentee's request (запрос) with the day it was made; a pair answers it
 * through the pair's `requestIds`.
 *
 * @category Dataset
 * @example
 * RequestRecordSchema.parse({ id: 'req-1', menteeId: 'p-1', organizationId: 'sch-1', createdAt: '2023-09-10' });
 */
export const RequestRecordSchema = z.object({
  id: Id,
  menteeId: Id,
  organizationId: Id,
  createdAt: IsoDateSchema,
});
/** A request record. @category Dataset @example const r: RequestRecord = { id: 'req-1', menteeId: 'p-1', organizationId: 'sch-1', createdAt: '2023-09-10' }; */
export type RequestRecord = z.input<typeof RequestRecordSchema>;

/**
 * The status of a pair as an integrator reads it from the pair machine's
 * snapshot (this package does not depend on `@nastavnik/machines`).
 *
 * @category Dataset
 * @example
 * PairStatusSchema.parse('active');
 */
export const PairStatusSchema = z.enum(['proposed', 'approved', 'active', 'completed', 'terminated']);
/** A pair status. @category Dataset @example const s: PairStatus = 'completed'; */
export type PairStatus = z.infer<typeof PairStatusSchema>;

/**
 * A pair (or group) as indicators need it: participants, form and formats,
 * status with its dates, termination reason, extension, meetings held and
 * planned, the requests it answers. Filled from a machine snapshot.
 *
 * @category Dataset
 * @example
 * PairRecordSchema.parse({ id: 'pair-1', organizationId: 'sch-1', mentorId: 't-7', menteeIds: ['t-2'],
 *   form: 'educatorEducator', formats: ['traditional'], status: 'completed',
 *   approvedAt: '2023-10-01', completedAt: '2024-05-25', meetingsHeld: 9, meetingsPlanned: 10 });
 */
export const PairRecordSchema = z
  .object({
    id: Id,
    organizationId: Id,
    mentorId: Id,
    menteeIds: z.array(Id).min(1),
    /** Catalogue `mentorshipForms`, or a region's own form. */
    form: Key,
    /** Catalogue `mentorshipFormats`; formats combine. */
    formats: z.array(Key).min(1),
    status: PairStatusSchema,
    /** The day of the order approving the pair. */
    approvedAt: IsoDateSchema.optional(),
    completedAt: IsoDateSchema.optional(),
    terminatedAt: IsoDateSchema.optional(),
    terminationReason: TerminationReasonSchema.optional(),
    /** The personal programme was extended by mutual agreement (003 §7.2). */
    extended: z.boolean().default(false),
    meetingsHeld: z.number().int().min(0).max(10000).default(0),
    meetingsPlanned: z.number().int().min(0).max(10000).default(0),
    requestIds: z.array(Id).default([]),
  })
  .superRefine((p, ctx) => {
    const need = (field: 'approvedAt' | 'completedAt' | 'terminatedAt' | 'terminationReason') =>
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: 'status',
        params: domainRule('required', { reason: 'statusField', status: p.status }),
      });
    if (p.status !== 'proposed' && p.approvedAt === undefined) need('approvedAt');
    if (p.status === 'completed' && p.completedAt === undefined) need('completedAt');
    if (p.status === 'terminated') {
      if (p.terminatedAt === undefined) need('terminatedAt');
      if (p.terminationReason === undefined) need('terminationReason');
    }
    const closed =
      p.status === 'completed' ? p.completedAt : p.status === 'terminated' ? p.terminatedAt : undefined;
    if (closed !== undefined && p.approvedAt !== undefined && closed < p.approvedAt) {
      ctx.addIssue({
        code: 'custom',
        path: [p.status === 'completed' ? 'completedAt' : 'terminatedAt'],
        message: 'range',
        params: domainRule('invalid_date_range', { reason: 'pairEndsBeforeApproval' }),
      });
    }
  });
/** A pair record. @category Dataset @example const p: PairRecord = { id: 'pair-1', organizationId: 'sch-1', mentorId: 't-7', menteeIds: ['t-2'], form: 'educatorEducator', formats: ['traditional'], status: 'active', approvedAt: '2023-10-01' }; */
export type PairRecord = z.input<typeof PairRecordSchema>;

/**
 * The kinds of survey answer indicators read: the 1–10 score of the final
 * satisfaction survey (001 7.1), and the entry and final self-assessment.
 *
 * @category Dataset
 * @example
 * SurveyKindSchema.parse('satisfaction');
 */
export const SurveyKindSchema = z.enum(['satisfaction', 'selfAssessmentEntry', 'selfAssessmentFinal']);
/** A survey kind. @category Dataset @example const k: SurveyKind = 'selfAssessmentEntry'; */
export type SurveyKind = z.infer<typeof SurveyKindSchema>;

/**
 * One scored survey answer (a 1–10 score) of a mentor or a mentee.
 *
 * @category Dataset
 * @example
 * ResponseRecordSchema.parse({ respondentId: 'p-1', organizationId: 'sch-1', role: 'mentee',
 *   kind: 'satisfaction', score: 9, submittedAt: '2024-05-20' });
 */
export const ResponseRecordSchema = z.object({
  respondentId: Id,
  organizationId: Id,
  role: z.enum(['mentor', 'mentee']),
  kind: SurveyKindSchema,
  score: z.number().int().min(1).max(10),
  submittedAt: IsoDateSchema,
});
/** A scored answer. @category Dataset @example const r: ResponseRecord = { respondentId: 'p-1', organizationId: 'sch-1', role: 'mentor', kind: 'satisfaction', score: 8, submittedAt: '2024-05-20' }; */
export type ResponseRecord = z.input<typeof ResponseRecordSchema>;

/**
 * A roadmap activity of an organization with its resolved due date (use
 * core's due resolution for «Сентябрь», «декабрь, май»…) and the day it
 * was done.
 *
 * @category Dataset
 * @example
 * ActivityRecordSchema.parse({ organizationId: 'sch-1', activityId: '2.6', due: '2024-01-31', doneAt: '2024-01-25' });
 */
export const ActivityRecordSchema = z.object({
  organizationId: Id,
  activityId: Id,
  due: IsoDateSchema,
  doneAt: IsoDateSchema.optional(),
});
/** An activity record. @category Dataset @example const a: ActivityRecord = { organizationId: 'sch-1', activityId: '1.1', due: '2023-09-30' }; */
export type ActivityRecord = z.input<typeof ActivityRecordSchema>;

/**
 * A region's own additive counter (e.g. sessions of the School of the Young
 * Teacher held): summed per organization and rolled up like every count, so
 * a regional indicator can use it.
 *
 * @category Dataset
 * @example
 * CounterRecordSchema.parse({ organizationId: 'sch-1', key: 'youngTeacherSchool.sessions', value: 8 });
 */
export const CounterRecordSchema = z.object({
  organizationId: Id,
  key: Key,
  value: z.number().finite(),
});
/** A counter record. @category Dataset @example const c: CounterRecord = { organizationId: 'sch-1', key: 'competition.entries', value: 3 }; */
export type CounterRecord = z.input<typeof CounterRecordSchema>;

/**
 * Everything indicators are computed from: the organization tree (school →
 * authority → region) and the records of each organization.
 *
 * @category Dataset
 * @example
 * const ds = parseDataset({ organizations: [{ id: 'sch-1', kind: 'school', name: 'МОУ СОШ № 1' }], persons: [] });
 */
export const IndicatorDatasetSchema = z.object({
  organizations: z.array(OrganizationSchema).min(1),
  persons: z.array(PersonRecordSchema).default([]),
  mentors: z.array(MentorRecordSchema).default([]),
  requests: z.array(RequestRecordSchema).default([]),
  pairs: z.array(PairRecordSchema).default([]),
  responses: z.array(ResponseRecordSchema).default([]),
  activities: z.array(ActivityRecordSchema).default([]),
  counters: z.array(CounterRecordSchema).default([]),
});
/** A dataset as written. @category Dataset @example const ds: IndicatorDatasetInput = { organizations: [{ id: 'r', kind: 'region', name: 'Область' }] }; */
export type IndicatorDatasetInput = z.input<typeof IndicatorDatasetSchema>;
/** A validated dataset. @category Dataset @example const ds: IndicatorDataset = parseDataset(raw); */
export type IndicatorDataset = z.output<typeof IndicatorDatasetSchema>;

const validated = new WeakSet<object>();

/**
 * Validate a dataset at the boundary. Returns the typed dataset (remembered
 * as validated, so {@link computeIndicators} does not check it again) or
 * throws a `NastavnikError` with a code, a path and Russian/English messages.
 * Valid records are checked by a hand-written fast path equivalent to
 * {@link IndicatorDatasetSchema} and are not copied when already complete
 * (defaults present): the dataset returned shares them with the input, so
 * change neither after validating.
 *
 * @category Dataset
 * @example
 * const ds = parseDataset(raw); // throws NastavnikError on bad input
 * const jan = computeIndicators(ds, { asOf: '2024-01-31', period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'january' } });
 */
export function parseDataset(input: unknown): IndicatorDataset {
  if (typeof input === 'object' && input !== null && validated.has(input)) return input as IndicatorDataset;
  // The hand-written checks first (the same rules, no copy of records already in form); the
  // schema decides whatever they do not accept, with the typed error and its path.
  const data = (fastDataset(input) as IndicatorDataset | null) ?? parse(IndicatorDatasetSchema, input);
  validated.add(data);
  return data;
}

/**
 * A reporting period: an academic year (1 September – 31 August), a
 * monitoring checkpoint of an academic year (January interim, December and
 * May: 001 2.6, 6.6, 7.1–7.2), cumulative from 1 September, or a custom span.
 *
 * @category Periods
 * @example
 * PeriodSchema.parse({ kind: 'checkpoint', year: '2023-2024', checkpoint: 'may' });
 */
export const PeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('academicYear'), year: AcademicYearSchema }),
  z.object({
    kind: z.literal('checkpoint'),
    year: AcademicYearSchema,
    checkpoint: z.enum(['december', 'january', 'may']),
  }),
  z.object({
    kind: z.literal('custom'),
    start: IsoDateSchema,
    end: IsoDateSchema,
    label: z.string().min(1).max(100),
  }),
]);
/** A reporting period. @category Periods @example const p: Period = { kind: 'academicYear', year: '2023-2024' }; */
export type Period = z.input<typeof PeriodSchema>;

/**
 * A period resolved to its first and last day, with a label such as
 * `2023-2024` or `2023-2024/january`.
 *
 * @category Periods
 * @example
 * const p: ResolvedPeriod = resolvePeriod({ kind: 'academicYear', year: '2023-2024' });
 * p.start; // '2023-09-01'
 */
export interface ResolvedPeriod {
  readonly kind: 'academicYear' | 'checkpoint' | 'custom';
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const checkpointEnd = { december: '12-31', january: '01-31', may: '05-31' } as const;

/**
 * Resolve a period to its days. A checkpoint runs from 1 September to the
 * end of its month: December of the first calendar year of the academic
 * year, January and May of the second.
 *
 * @category Periods
 * @example
 * resolvePeriod({ kind: 'checkpoint', year: '2023-2024', checkpoint: 'january' });
 * // { kind: 'checkpoint', label: '2023-2024/january', start: '2023-09-01', end: '2024-01-31' }
 */
export function resolvePeriod(period: Period): ResolvedPeriod {
  const p = parse(PeriodSchema, period, ['period']);
  if (p.kind === 'custom') {
    if (p.end < p.start) {
      throw fail('invalid_date_range', ['period', 'end'], { reason: 'periodEndsBeforeStart' });
    }
    return { kind: 'custom', label: p.label, start: p.start, end: p.end };
  }
  const bounds = academicYearBounds(p.year);
  if (p.kind === 'academicYear') return { kind: 'academicYear', label: p.year, ...bounds };
  const endYear = p.checkpoint === 'december' ? bounds.start.slice(0, 4) : bounds.end.slice(0, 4);
  return {
    kind: 'checkpoint',
    label: `${p.year}/${p.checkpoint}`,
    start: bounds.start,
    end: `${endYear}-${checkpointEnd[p.checkpoint]}`,
  };
}
