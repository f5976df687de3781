import {
  addDaysIso,
  addMonthsIso,
  ageOn,
  dateParts,
  dayNumber,
  dayNumberFromParts,
  daysBetween,
  daysInMonth,
  endOfMonthIso,
  type IsoDate,
  isLeapYear,
  isoFromDayNumber,
  isoFromParts,
  isoToDate,
  NastavnikError,
  partsOfDayNumber,
  quarterOf,
  termMonths,
  toIsoDate,
  weekdayOf,
} from '@nastavnik/core';
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  differenceInYears,
  endOfMonth,
  format,
  getISODay,
  getQuarter,
  isLeapYear as isLeapYearFns,
  isValid,
  parseISO,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// date-fns is the oracle: the calendar must give the answers date-fns gives
// on local `Date` objects, without making any.

const fns = (d: Date): string => format(d, 'yyyy-MM-dd');
const EPOCH = parseISO('1970-01-01');
/** Day numbers of 0001-01-01 … 9999-12-31 (date-fns' `yyyy` writes year 0 as 0001 BC's era). */
const dayNo = fc.integer({ min: dayNumberFromParts(1, 1, 1), max: dayNumberFromParts(9999, 12, 31) });
const date = dayNo.map((n) => isoFromDayNumber(n));
/** Dates near today, where the SDK lives, drawn more densely. */
const nearDate = fc
  .integer({ min: dayNumberFromParts(1990, 1, 1), max: dayNumberFromParts(2100, 12, 31) })
  .map(isoFromDayNumber);
const anyDate = fc.oneof(date, nearDate);
const RUNS = { numRuns: 2000 };

/** The former date-fns version of termMonths, kept as its oracle. */
function termMonthsFns(start: IsoDate, end: IsoDate): number {
  const s = parseISO(start);
  const endExclusive = addDays(parseISO(end), 1);
  const months = differenceInCalendarMonths(endExclusive, s);
  return addMonths(s, months) > endExclusive ? months - 1 : months;
}

describe('calendar: Date-free day numbers agree with date-fns', () => {
  it('dayNumber and isoFromDayNumber are inverse and count days as date-fns does', () => {
    fc.assert(
      fc.property(dayNo, (n) => {
        const iso = isoFromDayNumber(n);
        expect(dayNumber(iso)).toBe(n);
        expect(differenceInCalendarDays(parseISO(iso), EPOCH)).toBe(n);
        const p = partsOfDayNumber(n);
        expect(dateParts(iso)).toEqual(p);
        expect(isoFromParts(p.year, p.month, p.day)).toBe(iso);
      }),
      RUNS,
    );
  });

  it('addDaysIso, daysBetween, weekdayOf, endOfMonthIso and quarterOf agree with date-fns', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -1000, max: 1000 }), (a, b, k) => {
        const d = parseISO(a);
        fc.pre(
          dayNumber(a) + k >= dayNumberFromParts(1, 1, 1) &&
            dayNumber(a) + k <= dayNumberFromParts(9999, 12, 31),
        );
        expect(addDaysIso(a, k)).toBe(fns(addDays(d, k)));
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(parseISO(b), d));
        expect(weekdayOf(a)).toBe(getISODay(d));
        expect(endOfMonthIso(a)).toBe(fns(endOfMonth(d)));
        expect(quarterOf(a)).toBe(getQuarter(d));
        expect(isLeapYear(d.getFullYear())).toBe(isLeapYearFns(d));
      }),
      RUNS,
    );
  });

  it('addMonthsIso clamps to the month end as addMonths does', () => {
    fc.assert(
      fc.property(nearDate, fc.integer({ min: -240, max: 240 }), (a, k) => {
        expect(addMonthsIso(a, k)).toBe(fns(addMonths(parseISO(a), k)));
      }),
      RUNS,
    );
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2023-03-31', -1)).toBe('2023-02-28');
  });

  it('termMonths and ageOn keep their date-fns answers', () => {
    fc.assert(
      fc.property(nearDate, nearDate, (a, b) => {
        const [s, e] = a <= b ? [a, b] : [b, a];
        expect(termMonths(s, e)).toBe(termMonthsFns(s, e));
        expect(ageOn(a, b)).toBe(differenceInYears(parseISO(b), parseISO(a)));
      }),
      RUNS,
    );
  });

  it('isoToDate and toIsoDate round-trip through local midnight, years 0001–0099 included', () => {
    fc.assert(
      fc.property(date, (a) => {
        const d = isoToDate(a);
        expect(d.getTime()).toBe(parseISO(a).getTime());
        expect(toIsoDate(d)).toBe(a);
      }),
      RUNS,
    );
  });

  it('dateParts accepts exactly the YYYY-MM-DD strings date-fns finds valid', () => {
    const digits = (n: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), digits(2), digits(2), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${m}-${d}`;
        const valid = isValid(parseISO(s)) && fns(parseISO(s)) === s;
        let ok = true;
        try {
          dateParts(s);
        } catch (e) {
          expect(e).toBeInstanceOf(NastavnikError);
          expect((e as NastavnikError).code).toBe('invalid_format');
          ok = false;
        }
        expect(ok).toBe(valid);
      }),
      RUNS,
    );
  });

  it('refuses what is not a date with a NastavnikError, never a wrong date', () => {
    for (const bad of [
      '2023-02-29',
      '2023-13-01',
      '2023-00-10',
      '2023-1-01',
      '2023-01-01T00:00',
      '',
      'abcd-ef-gh',
    ]) {
      expect(() => dayNumber(bad)).toThrow(NastavnikError);
    }
    expect(() => isoFromDayNumber(1.5)).toThrow(NastavnikError);
    expect(() => isoFromDayNumber(dayNumberFromParts(10000, 1, 1))).toThrow(NastavnikError);
    expect(() => addDaysIso('9999-12-31', 1)).toThrow(NastavnikError);
    expect(() => addMonthsIso('2023-01-01', 0.5)).toThrow(NastavnikError);
    expect(() => toIsoDate(new Date(Number.NaN))).toThrow(NastavnikError);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(isoFromDayNumber(dayNumberFromParts(0, 1, 1))).toBe('0000-01-01');
  });
});
