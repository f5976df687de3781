import type { IsoDate } from '@nastavnik/core';

const DAY = 86_400_000;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/**
 * @internal Days since 1970-01-01 of an ISO date, from its character codes
 * (Hinnant's days-from-civil: no `Date`, no substring; the same number as
 * `Date.UTC` for every valid date). Not a number when `date` is not `YYYY-MM-DD`.
 */
export function dayOf(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  // A non-digit is NaN, which fails every comparison.
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
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
      s = new Date(day * DAY).toISOString().slice(0, 10) as IsoDate;
      this.#iso.set(day, s);
    }
    return s;
  }
}
