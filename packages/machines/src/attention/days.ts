import { dayNumberFromParts, type IsoDate, isoFromDayNumber } from '@nastavnik/core';

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/**
 * @internal Days since 1970-01-01 of an ISO date, from its character codes
 * (core's calendar: no `Date`, no substring; the same number as core's
 * `dayNumber` for every valid date). Not a number when `date` is not `YYYY-MM-DD`.
 */
export function dayOf(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  // A non-digit is NaN, which fails every comparison.
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  return dayNumberFromParts(y, m, d);
}

/**
 * @internal The ISO dates of day numbers, each made once per call of
 * `findAttention` (a region's findings share a few hundred dates).
 */
export class IsoDays {
  readonly #iso = new Map<number, IsoDate>();

  /** The date `days` after `date` (negative: before). */
  add(date: IsoDate, days: number): IsoDate {
    return this.of(dayOf(date) + days);
  }

  /** The date of a day number. */
  of(day: number): IsoDate {
    let s = this.#iso.get(day);
    if (s === undefined) {
      s = isoFromDayNumber(day);
      this.#iso.set(day, s);
    }
    return s;
  }
}
