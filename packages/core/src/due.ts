import { z } from 'zod';
import { daysInMonth } from './calendar';
import { IsoDateSchema } from './dates';
import { safeText } from './text';

/**
 * A month, with the year when the text gives one («январь 2023 г.»).
 * Without a year, the month is placed inside the academic year it is
 * resolved against.
 *
 * @category Due dates
 * @example
 * MonthRefSchema.parse({ month: 1, year: 2023 });
 */
export const MonthRefSchema = z.object({
  month: z.number().int().min(1).max(12),
  year: z.number().int().min(2000).max(2100).optional(),
});
/** A month with an optional year. @category Due dates @example const m: MonthRef = { month: 9 }; */
export type MonthRef = z.infer<typeof MonthRefSchema>;

/**
 * A recurrence unit: «раз в неделю / месяц / квартал / полгода / год».
 *
 * @category Due dates
 * @example
 * RecurrenceUnitSchema.parse('halfYear');
 */
export const RecurrenceUnitSchema = z.enum(['week', 'month', 'quarter', 'halfYear', 'year']);
/** A recurrence unit. @category Due dates @example const u: RecurrenceUnit = 'month'; */
export type RecurrenceUnit = z.infer<typeof RecurrenceUnitSchema>;

const DeadlineDue = z.object({ kind: z.literal('deadline'), date: IsoDateSchema });
const DateDue = z.object({ kind: z.literal('date'), date: IsoDateSchema });
const DayMonthDue = z
  .object({
    kind: z.literal('dayMonth'),
    day: z.number().int().min(1).max(31),
    month: z.number().int().min(1).max(12),
    /** «до 15 сентября»: from the start of the period to that day. */
    deadline: z.boolean(),
  })
  // A day the month has in some year (29 February included).
  .refine((d) => d.day <= daysInMonth(2024, d.month), { message: 'day' });
const PeriodDue = z.object({ kind: z.literal('period'), from: MonthRefSchema, to: MonthRefSchema });
const MonthsDue = z.object({ kind: z.literal('months'), months: z.array(MonthRefSchema).min(1) });
const RecurringDue = z.object({
  kind: z.literal('recurring'),
  times: z.number().int().min(1).max(366),
  per: RecurrenceUnitSchema,
  /** «не реже» — at least that often. */
  atLeast: z.boolean(),
});
const ThroughoutDue = z.object({
  kind: z.literal('throughout'),
  /** What "the whole period" is: the programme, a (calendar or academic) year. */
  scope: z.enum(['programme', 'year', 'academicYear']),
});
const AsNeededDue = z.object({ kind: z.literal('asNeeded') });
const ByScheduleDue = z.object({ kind: z.literal('bySchedule'), schedule: safeText().min(1).max(300) });
const AfterEventDue = z.object({ kind: z.literal('afterEvent'), event: safeText().min(1).max(300) });
const UnspecifiedDue = z.object({ kind: z.literal('unspecified') });
const SchoolTermDue = z.object({
  kind: z.literal('schoolTerm'),
  /** Четверти or триместры: resolved against the school calendar of that system. */
  system: z.enum(['quarters', 'trimesters']),
  /** The term's number; `null`: each term («по итогам триместра», «раз в четверть»). */
  term: z.number().int().min(1).max(4).nullable(),
  /** The whole term, its first or last two weeks, or its results (its last week and the holidays after it). */
  part: z.enum(['whole', 'start', 'end', 'results']),
});

/**
 * A due date that is not a combination: every variant of {@link Due} but `all`.
 *
 * @category Due dates
 * @example
 * const d: DueLeaf = { kind: 'deadline', date: '2023-01-30' };
 */
export type DueLeaf =
  | { kind: 'deadline'; date: string }
  | { kind: 'date'; date: string }
  | { kind: 'dayMonth'; day: number; month: number; deadline: boolean }
  | { kind: 'period'; from: MonthRef; to: MonthRef }
  | { kind: 'months'; months: MonthRef[] }
  | { kind: 'recurring'; times: number; per: RecurrenceUnit; atLeast: boolean }
  | { kind: 'throughout'; scope: 'programme' | 'year' | 'academicYear' }
  | { kind: 'asNeeded' }
  | { kind: 'bySchedule'; schedule: string }
  | { kind: 'afterEvent'; event: string }
  | { kind: 'unspecified' }
  | {
      kind: 'schoolTerm';
      system: 'quarters' | 'trimesters';
      term: number | null;
      part: 'whole' | 'start' | 'end' | 'results';
    };

/**
 * A due date as the seeds write it, typed:
 * - `deadline`: «до 30 января 2023 г.»;
 * - `date`: an exact day;
 * - `dayMonth`: a day and a month without a year, «15 сентября», «до 25 мая» (placed within the
 *   academic year of the programme);
 * - `period`: a month or a month range, «Сентябрь», «Август-сентябрь», «март – декабрь 2023 г.»;
 * - `months`: a list of months, «декабрь, май»;
 * - `recurring`: «1 раз в полгода», «не реже одного раза в месяц»;
 * - `throughout`: «в течение всего периода реализации», «в течение года», «постоянно»;
 * - `asNeeded`: «по необходимости»; `bySchedule`: «по плану ДИРО», «по отдельному графику»;
 * - `afterEvent`: «по итогам реализации НП»; `unspecified`: no due given;
 * - `schoolTerm`: a school term from the school calendar, «в конце I четверти», «по итогам
 *   триместра», «во II четверти», «раз в четверть»;
 * - `all`: several at once, «Сентябрь; занятия … не реже одного раза в месяц».
 *
 * @category Due dates
 * @example
 * DueSchema.parse({ kind: 'period', from: { month: 8 }, to: { month: 9 } });
 */
export type Due = DueLeaf | { kind: 'all'; parts: Due[] };

const DueLeafSchema: z.ZodType<DueLeaf> = z.discriminatedUnion('kind', [
  DeadlineDue,
  DateDue,
  DayMonthDue,
  PeriodDue,
  MonthsDue,
  RecurringDue,
  ThroughoutDue,
  AsNeededDue,
  ByScheduleDue,
  AfterEventDue,
  UnspecifiedDue,
  SchoolTermDue,
]);

/** Schema of {@link Due}. @category Due dates @example DueSchema.parse({ kind: 'throughout', scope: 'programme' }); */
export const DueSchema: z.ZodType<Due> = z.lazy(() =>
  z.union([DueLeafSchema, z.object({ kind: z.literal('all'), parts: z.array(DueSchema).min(2) })]),
) as z.ZodType<Due>;
