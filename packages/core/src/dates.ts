import {
  addDays,
  addMonths,
  differenceInCalendarMonths,
  differenceInYears,
  format,
  isValid,
  parseISO,
} from 'date-fns';
import { z } from 'zod';
import { domainRule, fail } from './errors';
import { calendarMessagesEn, calendarMessagesRu } from './messages/calendar';
import { registerMessages } from './messages/registry';

registerMessages(calendarMessagesRu, calendarMessagesEn);

/**
 * A calendar date as an ISO string `YYYY-MM-DD`. Dates are data in the SDK:
 * they serialise as they are, and no function reads the clock.
 *
 * @category Dates
 * @example
 * const d = IsoDateSchema.parse('2023-08-31');
 */
export const IsoDateSchema = z.iso.date();
/** A calendar date as `YYYY-MM-DD`. @category Dates @example const d: IsoDate = '2023-08-31'; */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/**
 * Turn an {@link IsoDate} into a local `Date` at midnight (as date-fns does).
 *
 * @category Dates
 * @example
 * isoToDate('2023-09-01').getMonth(); // 8
 */
export function isoToDate(date: IsoDate): Date {
  const d = parseISO(date);
  if (!isValid(d)) {
    throw fail('invalid_format', [], { format: 'date' });
  }
  return d;
}

/**
 * The former name of {@link isoToDate} (it shadowed date-fns' `toDate`).
 *
 * @deprecated Use {@link isoToDate}; `toDate` goes in the next minor release.
 * @category Dates
 * @example
 * isoToDate('2023-09-01'); // instead of toDate('2023-09-01')
 */
export const toDate: (date: IsoDate) => Date = isoToDate;

/**
 * Format a `Date` as an {@link IsoDate} in local time.
 *
 * @category Dates
 * @example
 * toIsoDate(new Date(2023, 8, 1)); // '2023-09-01'
 */
export function toIsoDate(date: Date): IsoDate {
  if (!isValid(date)) {
    throw fail('invalid_format', [], { format: 'date' });
  }
  return format(date, 'yyyy-MM-dd');
}

/**
 * Full years between a birth date and a date (the age on that date).
 *
 * @category Dates
 * @example
 * ageOn('2008-05-10', '2023-09-01'); // 15
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  // Hot in replays (every consent check of a minor): compare the calendar
  // fields directly; date-fns decides the rare cases (29 February, a date
  // before the birth, anything not a valid YYYY-MM-DD).
  const b = calendarFields(birthDate);
  const d = calendarFields(date);
  if (
    b !== null &&
    d !== null &&
    date >= birthDate &&
    !(b[1] === 2 && b[2] === 29) &&
    !(d[1] === 2 && d[2] === 29)
  ) {
    return d[0] - b[0] - (d[1] < b[1] || (d[1] === b[1] && d[2] < b[2]) ? 1 : 0);
  }
  return differenceInYears(isoToDate(date), isoToDate(birthDate));
}

const DIGITS = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Year, month, day of a valid `YYYY-MM-DD` (29 February only in leap years), else null. */
function calendarFields(date: string): [number, number, number] | null {
  if (!DIGITS.test(date)) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (y < 1) return null;
  if (m < 1 || m > 12 || d < 1 || d > (DAYS_IN_MONTH[m - 1] as number)) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return [y, m, d];
}

/**
 * Add whole months to a date (end-of-month clamped, as date-fns does).
 *
 * @category Dates
 * @example
 * addMonthsIso('2023-09-01', 9); // '2024-06-01'
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonths(isoToDate(date), months));
}

/**
 * The length of a term in months, counting a month as complete when the end
 * reaches the same day of the month (1 Sep → 30 Nov is 3 months, as is
 * 1 Sep → 1 Dec minus a day).
 *
 * @category Dates
 * @example
 * termMonths('2023-09-01', '2024-05-31'); // 9
 */
export function termMonths(start: IsoDate, end: IsoDate): number {
  const s = isoToDate(start);
  const e = isoToDate(end);
  // An inclusive end: the term 1 Sep – 30 Nov is three full months.
  // addDays, not `new Date(y, m, d + 1)`: the Date constructor maps years 0–99 to 1900–1999.
  const endExclusive = addDays(e, 1);
  const months = differenceInCalendarMonths(endExclusive, s);
  const anchor = addMonths(s, months);
  return anchor > endExclusive ? months - 1 : months;
}

/**
 * An academic year `YYYY-YYYY` (1 September – 31 August), e.g. `2023-2024`.
 *
 * @category Dates
 * @example
 * AcademicYearSchema.parse('2023-2024');
 */
export const AcademicYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .superRefine((value, ctx) => {
    const [a, b] = value.split('-').map(Number);
    if (a === undefined || b === undefined || b !== a + 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'academic year',
        params: domainRule('invalid_academic_year'),
      });
    }
  });
/** An academic year such as `2023-2024`. @category Dates @example const y: AcademicYear = '2023-2024'; */
export type AcademicYear = z.infer<typeof AcademicYearSchema>;

/**
 * The academic year a date falls in (it starts on 1 September).
 *
 * @category Dates
 * @example
 * academicYearOf('2024-03-15'); // '2023-2024'
 * academicYearOf('2023-09-01'); // '2023-2024'
 */
export function academicYearOf(date: IsoDate): AcademicYear {
  const d = isoToDate(date);
  const startYear = d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
  return `${startYear}-${startYear + 1}`;
}

/**
 * First and last day of an academic year.
 *
 * @category Dates
 * @example
 * academicYearBounds('2023-2024'); // { start: '2023-09-01', end: '2024-08-31' }
 */
export function academicYearBounds(year: AcademicYear): { start: IsoDate; end: IsoDate } {
  const parsed = AcademicYearSchema.safeParse(year);
  if (!parsed.success) {
    throw fail('invalid_academic_year', []);
  }
  const startYear = Number(year.slice(0, 4));
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}
