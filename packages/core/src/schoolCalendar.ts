import { z } from 'zod';
import { addDaysIso, daysInMonth, isoFromParts } from './calendar';
import { type AcademicYear, academicYearBounds, type IsoDate } from './dates';
import { fail } from './errors';
import { LocalizedTextSchema } from './labels';
import { registerCatalogue } from './messages/catalogue';
import { parse } from './parse';
import { safeText } from './text';

registerCatalogue();

/**
 * A day of the academic year without the year: the month and the day. A
 * month from September to December falls in the first calendar year of the
 * academic year, January to August in the second.
 *
 * @category School calendar
 * @example
 * SchoolDaySchema.parse({ month: 10, day: 27 });
 */
export const SchoolDaySchema = z
  .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  // A day the month has in some year (29 February included).
  .refine((d) => d.day <= daysInMonth(2024, d.month), { message: 'day' });
/** A day of the academic year. @category School calendar @example const d: SchoolDay = { month: 9, day: 1 }; */
export type SchoolDay = z.infer<typeof SchoolDaySchema>;

/**
 * A span of the academic year (a term or a holiday), both ends included.
 *
 * @category School calendar
 * @example
 * SchoolSpanSchema.parse({ label: { ru: 'I четверть', en: 'Term 1' }, start: { month: 9, day: 1 }, end: { month: 10, day: 27 } });
 */
export const SchoolSpanSchema = z.object({
  label: LocalizedTextSchema,
  start: SchoolDaySchema,
  end: SchoolDaySchema,
});
/** A term or a holiday. @category School calendar @example const s: SchoolSpan = standardQuarterCalendar.terms[0]!; */
export type SchoolSpan = z.infer<typeof SchoolSpanSchema>;

/**
 * A school calendar as data: how the academic year is divided (`quarters` —
 * четверти, or `trimesters` — триместры), the terms in order and the
 * holidays between them. A region or a school passes its own (its order on
 * the calendar schedule, «календарный учебный график», ФЗ № 273-ФЗ ст. 2
 * п. 9); terms must follow one another without overlapping.
 *
 * @category School calendar
 * @example
 * const mine = parse(SchoolCalendarSchema, { ...standardQuarterCalendar, id: 'lyceum-7-2023' });
 */
export const SchoolCalendarSchema = z
  .object({
    id: safeText().trim().min(1).max(100),
    system: z.enum(['quarters', 'trimesters']),
    terms: z.array(SchoolSpanSchema).min(2).max(6),
    holidays: z.array(SchoolSpanSchema).max(12).default([]),
  })
  .refine((c) => c.terms.length === (c.system === 'quarters' ? 4 : 3), {
    message: 'termCount',
    path: ['terms'],
  });
/** A school calendar. @category School calendar @example const c: SchoolCalendar = standardQuarterCalendar; */
export type SchoolCalendar = z.infer<typeof SchoolCalendarSchema>;
/** A school calendar as written. @category School calendar @example const c: SchoolCalendarInput = { id: 'x', system: 'trimesters', terms: [] }; */
export type SchoolCalendarInput = z.input<typeof SchoolCalendarSchema>;

const span = (ru: string, en: string, from: [number, number], to: [number, number]) => ({
  label: { ru, en },
  start: { month: from[0], day: from[1] },
  end: { month: to[0], day: to[1] },
});

/**
 * The default calendar: four terms (четверти) with autumn, winter and spring
 * holidays, as the federal educational programmes recommend for a five-day
 * week (I: 1 September – 27 October; II: 6 November – 29 December; III:
 * 9 January – 22 March; IV: 1 April – 26 May). A school's own calendar
 * schedule overrides it.
 *
 * @category School calendar
 * @example
 * schoolTermWindows(standardQuarterCalendar, '2023-2024')[0]; // { term: 1, start: '2023-09-01', end: '2023-10-27', … }
 */
export const standardQuarterCalendar: SchoolCalendar = parse(SchoolCalendarSchema, {
  id: 'standard-quarters',
  system: 'quarters',
  terms: [
    span('I четверть', 'Term 1', [9, 1], [10, 27]),
    span('II четверть', 'Term 2', [11, 6], [12, 29]),
    span('III четверть', 'Term 3', [1, 9], [3, 22]),
    span('IV четверть', 'Term 4', [4, 1], [5, 26]),
  ],
  holidays: [
    span('осенние каникулы', 'autumn holidays', [10, 28], [11, 5]),
    span('зимние каникулы', 'winter holidays', [12, 30], [1, 8]),
    span('весенние каникулы', 'spring holidays', [3, 23], [3, 31]),
    span('летние каникулы', 'summer holidays', [5, 27], [8, 31]),
  ],
});

/**
 * The alternative: three terms (триместры) with holidays between them
 * (I: 1 September – 30 November; II: 1 December – 28 February; III:
 * 1 March – 31 May), for schools whose calendar schedule divides the year so.
 *
 * @category School calendar
 * @example
 * schoolTermWindows(standardTrimesterCalendar, '2023-2024').length; // 3
 */
export const standardTrimesterCalendar: SchoolCalendar = parse(SchoolCalendarSchema, {
  id: 'standard-trimesters',
  system: 'trimesters',
  terms: [
    span('I триместр', 'Trimester 1', [9, 1], [11, 30]),
    span('II триместр', 'Trimester 2', [12, 1], [2, 28]),
    span('III триместр', 'Trimester 3', [3, 1], [5, 31]),
  ],
  holidays: [
    span('осенние каникулы', 'autumn holidays', [10, 28], [11, 5]),
    span('зимние каникулы', 'winter holidays', [12, 30], [1, 8]),
    span('весенние каникулы', 'spring holidays', [3, 23], [3, 31]),
    span('летние каникулы', 'summer holidays', [6, 1], [8, 31]),
  ],
});

/**
 * One term of a calendar in a given academic year: its number (1-based), its
 * label, its first and last days, and the last day of the holiday that
 * follows it, two weeks at most (`resultsEnd`: «по итогам четверти» is done
 * by then; the term's last day + 7 when no holiday follows).
 *
 * @category School calendar
 * @example
 * const w: SchoolTermWindow = schoolTermWindows(standardQuarterCalendar, '2023-2024')[1]!;
 */
export interface SchoolTermWindow {
  readonly term: number;
  readonly label: { readonly ru: string; readonly en: string };
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly resultsEnd: IsoDate;
}

/** The date of a school day in an academic year; 29 February becomes 28 in a common year. */
function dateIn(d: SchoolDay, startYear: number): IsoDate {
  return isoFromParts(d.month >= 9 ? startYear : startYear + 1, d.month, d.day);
}

/**
 * The terms of a calendar as dates in an academic year, in order. Throws a
 * {@link NastavnikError} (`invalid_date_range`, path to the term) when a
 * term ends before it starts or overlaps the one before it.
 *
 * @category School calendar
 * @example
 * schoolTermWindows(standardQuarterCalendar, '2023-2024').map((t) => [t.start, t.end]);
 * // [['2023-09-01', '2023-10-27'], ['2023-11-06', '2023-12-29'], ['2024-01-09', '2024-03-22'], ['2024-04-01', '2024-05-26']]
 */
export function schoolTermWindows(
  calendar: SchoolCalendarInput,
  academicYear: AcademicYear,
): SchoolTermWindow[] {
  const c = parse(SchoolCalendarSchema, calendar, ['calendar']);
  const startYear = Number(academicYearBounds(academicYear).start.slice(0, 4));
  const holidays = c.holidays.map((h) => ({
    start: dateIn(h.start, startYear),
    end: dateIn(h.end, startYear),
  }));
  const out: SchoolTermWindow[] = [];
  c.terms.forEach((t, i) => {
    const start = dateIn(t.start, startYear);
    const end = dateIn(t.end, startYear);
    const prev = out[i - 1];
    if (end < start || (prev !== undefined && start <= prev.end)) {
      throw fail('invalid_date_range', ['calendar', 'terms', i], { reason: 'periodEndsBeforeStart' });
    }
    const next = addDaysIso(end, 1);
    const holiday = holidays.find((h) => h.start <= next && next <= h.end);
    out.push({
      term: i + 1,
      label: t.label,
      start,
      end,
      // The holidays after the term, two weeks at most (the summer holidays are not all «results»).
      resultsEnd:
        holiday && holiday.end < addDaysIso(end, 14) ? holiday.end : addDaysIso(end, holiday ? 14 : 7),
    });
  });
  return out;
}
