import { z } from 'zod';
import { addDaysIso, addMonthsIso, dateParts, isoFromParts } from './calendar';
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
 * Turn an {@link IsoDate} into a local `Date` at midnight (as date-fns'
 * `parseISO` does), for code that hands dates to a `Date` API. The SDK's own
 * calendar arithmetic does not need it (see {@link dayNumber}).
 *
 * @category Dates
 * @example
 * isoToDate('2023-09-01').getMonth(); // 8
 */
export function isoToDate(date: IsoDate): Date {
  const p = dateParts(date);
  const d = new Date(p.year, p.month - 1, p.day);
  // The Date constructor maps the years 0–99 to 1900–1999.
  d.setFullYear(p.year);
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
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw fail('invalid_format', [], { format: 'date' });
  }
  return isoFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * Full years between a birth date and a date (the age on that date).
 *
 * @category Dates
 * @example
 * ageOn('2008-05-10', '2023-09-01'); // 15
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const b = dateParts(birthDate);
  const d = dateParts(date);
  // As date-fns' differenceInYears: whole years, the month and day compared
  // as in a leap year (a birthday on 29 February comes on 1 March otherwise).
  const later = date >= birthDate;
  const [hi, lo] = later ? [d, b] : [b, d];
  const years =
    hi.year - lo.year - (hi.month < lo.month || (hi.month === lo.month && hi.day < lo.day) ? 1 : 0);
  return later ? years : years === 0 ? 0 : -years;
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
  const s = dateParts(start);
  // An inclusive end: the term 1 Sep – 30 Nov is three full months.
  const endExclusive = addDaysIso(end, 1);
  const e = dateParts(endExclusive);
  const months = (e.year - s.year) * 12 + e.month - s.month;
  return addMonthsIso(start, months) > endExclusive ? months - 1 : months;
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
  const d = dateParts(date);
  const startYear = d.month >= 9 ? d.year : d.year - 1;
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
