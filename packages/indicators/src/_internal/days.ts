/**
 * Hot-loop views of core's calendar: `YYYY-MM-DD` strings (validated
 * upstream) read by character code into day numbers (days since 1970-01-01),
 * with the first day of each month cached.
 */
import { dayNumberFromParts, daysInMonth, partsOfDayNumber } from '@nastavnik/core';

/** Day number of the first of each month, by `year * 16 + month`, filled on first use. */
const UNSET = -(2 ** 31);
const monthStart = new Int32Array(10000 * 16).fill(UNSET);

/** Day number of an ISO date string `YYYY-MM-DD` (validated upstream). */
export function isoDay(s: string): number {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const k = y * 16 + m;
  let first = monthStart[k]!;
  if (first === UNSET) {
    first = dayNumberFromParts(y, m, 1);
    monthStart[k] = first;
  }
  // A day number is linear in the day of the month.
  return first + d - 1;
}

/** Year, month and day packed as `y * 10000 + m * 100 + d`, for age arithmetic. */
export function isoPacked(s: string): number {
  return (
    (s.charCodeAt(0) - 48) * 10000000 +
    (s.charCodeAt(1) - 48) * 1000000 +
    (s.charCodeAt(2) - 48) * 100000 +
    (s.charCodeAt(3) - 48) * 10000 +
    (s.charCodeAt(5) - 48) * 1000 +
    (s.charCodeAt(6) - 48) * 100 +
    (s.charCodeAt(8) - 48) * 10 +
    (s.charCodeAt(9) - 48)
  );
}

/** Full years from `birth` to `on`, both packed (see {@link isoPacked}). */
export function fullYears(birthPacked: number, onPacked: number): number {
  const years = Math.floor(onPacked / 10000) - Math.floor(birthPacked / 10000);
  return onPacked % 10000 < birthPacked % 10000 ? years - 1 : years;
}

/** The day number one calendar year after a day number (29 February → 28 February). */
export function dayPlusOneYear(day: number): number {
  const { year, month, day: d } = partsOfDayNumber(day);
  return dayNumberFromParts(year + 1, month, Math.min(d, daysInMonth(year + 1, month)));
}
