import type { IsoDate } from './dates';
import { fail } from './errors';

// Calendar arithmetic on `YYYY-MM-DD` strings without `Date`: a date is a day
// number (days since 1970-01-01, proleptic Gregorian), converted by Howard
// Hinnant's days-from-civil / civil-from-days algorithms. No time zone, no
// clock, no allocation; the same answer in every runtime. This is the one
// calendar of the SDK: the school calendar, dues, retention, the production
// calendar, attention findings, indicators and documents all count with it.

/**
 * A date as its parts, month and day counted from 1.
 *
 * @category Dates
 * @example
 * const p: DateParts = { year: 2023, month: 9, day: 1 };
 */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The day number of 0000-01-01 and of 9999-12-31, the range `YYYY-MM-DD` can write. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

const invalidDate = () => fail('invalid_format', [], { format: 'date' });

/**
 * Whether a year of the Gregorian calendar is a leap year.
 *
 * @category Dates
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(1900); // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month (`month` from 1 to 12).
 *
 * @category Dates
 * @example
 * daysInMonth(2024, 2); // 29
 * daysInMonth(2023, 9); // 30
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number (days since 1970-01-01) of a year, month and day, without
 * checking them: a day past the month's end counts on into the next month.
 * For hot loops that already hold valid parts; {@link dayNumber} reads and
 * checks a string.
 *
 * @category Dates
 * @example
 * dayNumberFromParts(1970, 1, 1); // 0
 * dayNumberFromParts(2023, 9, 1); // 19601
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The year, month and day of a day number (the inverse of
 * {@link dayNumberFromParts}).
 *
 * @category Dates
 * @example
 * partsOfDayNumber(19601); // { year: 2023, month: 9, day: 1 }
 */
export function partsOfDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/**
 * The year, month and day of a `YYYY-MM-DD` string. Throws a
 * {@link NastavnikError} (`invalid_format`, format `date`) for anything else,
 * 2023-02-29 included.
 *
 * @category Dates
 * @example
 * dateParts('2024-02-29'); // { year: 2024, month: 2, day: 29 }
 */
export function dateParts(date: string): DateParts {
  if (typeof date !== 'string' || date.length !== 10 || date[4] !== '-' || date[7] !== '-') {
    throw invalidDate();
  }
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  // NaN fails every comparison, so a non-digit lands here too.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    throw invalidDate();
  }
  return { year, month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Write a year, month and day as `YYYY-MM-DD`; a day past the month's end is
 * clamped to it (31 April → 30 April). Throws `invalid_format` for a year
 * outside 0–9999 or a month outside 1–12.
 *
 * @category Dates
 * @example
 * isoFromParts(2024, 2, 31); // '2024-02-29'
 */
export function isoFromParts(year: number, month: number, day: number): IsoDate {
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < 0 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1
  ) {
    throw invalidDate();
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(day, daysInMonth(year, month)), 2)}`;
}

/**
 * The day number of a date: days since 1970-01-01 (negative before it).
 * Day numbers subtract and compare as plain integers. Throws
 * `invalid_format` for a string that is not a real `YYYY-MM-DD` date.
 *
 * @category Dates
 * @example
 * dayNumber('1970-01-02'); // 1
 * dayNumber('2024-03-01') - dayNumber('2024-02-01'); // 29
 */
export function dayNumber(date: IsoDate): number {
  const p = dateParts(date);
  return dayNumberFromParts(p.year, p.month, p.day);
}

/**
 * The date of a day number (the inverse of {@link dayNumber}). Throws
 * `invalid_type` for a number that is not an integer and `too_small` /
 * `too_big` outside the years 0000–9999.
 *
 * @category Dates
 * @example
 * isoFromDayNumber(0); // '1970-01-01'
 * isoFromDayNumber(19601); // '2023-09-01'
 */
export function isoFromDayNumber(day: number): IsoDate {
  if (!Number.isInteger(day)) throw fail('invalid_type', [], { expected: 'int' });
  if (day < FIRST_DAY) throw fail('too_small', [], { minimum: FIRST_DAY, origin: 'date', inclusive: true });
  if (day > LAST_DAY) throw fail('too_big', [], { maximum: LAST_DAY, origin: 'date', inclusive: true });
  const p = partsOfDayNumber(day);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/**
 * The date `days` after a date (before it when negative).
 *
 * @category Dates
 * @example
 * addDaysIso('2023-12-30', 3); // '2024-01-02'
 * addDaysIso('2024-03-01', -1); // '2024-02-29'
 */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(date) + days);
}

/**
 * Add whole months to a date; a day the target month lacks becomes its last
 * day (31 January + 1 month = 28 or 29 February), as date-fns' `addMonths`.
 *
 * @category Dates
 * @example
 * addMonthsIso('2023-09-01', 9); // '2024-06-01'
 * addMonthsIso('2024-01-31', 1); // '2024-02-29'
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw fail('invalid_type', [], { expected: 'int' });
  const p = dateParts(date);
  const index = p.year * 12 + p.month - 1 + months;
  return isoFromParts(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, p.day);
}

/**
 * Calendar days from one date to another (`to - from`), as date-fns'
 * `differenceInCalendarDays(to, from)`.
 *
 * @category Dates
 * @example
 * daysBetween('2023-09-01', '2023-10-01'); // 30
 * daysBetween('2023-10-01', '2023-09-01'); // -30
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The day of the week of a date, ISO numbering: 1 = Monday … 7 = Sunday (as
 * date-fns' `getISODay`; Russian calendars start the week on Monday).
 *
 * @category Dates
 * @example
 * weekdayOf('2023-09-01'); // 5 (a Friday)
 * weekdayOf('2023-09-03'); // 7 (a Sunday)
 */
export function weekdayOf(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The last day of the month a date falls in.
 *
 * @category Dates
 * @example
 * endOfMonthIso('2024-02-10'); // '2024-02-29'
 */
export function endOfMonthIso(date: IsoDate): IsoDate {
  const p = dateParts(date);
  return isoFromParts(p.year, p.month, 31);
}

/**
 * The quarter of the calendar year a date falls in, 1–4 (January–March is 1).
 *
 * @category Dates
 * @example
 * quarterOf('2023-11-15'); // 4
 */
export function quarterOf(date: IsoDate): number {
  return Math.floor((dateParts(date).month - 1) / 3) + 1;
}
