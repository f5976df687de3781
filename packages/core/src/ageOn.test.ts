import { ageOn, type IsoDate } from '@nastavnik/core';
import { differenceInYears, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const iso = (d: Date): IsoDate =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map(iso);

describe('ageOn: full years between two dates, as date-fns counts them', () => {
  it('agrees with differenceInYears on any two dates, 29 February and dates before the birth included', () => {
    fc.assert(
      fc.property(day, day, (birth, date) => {
        expect(ageOn(birth, date)).toBe(differenceInYears(parseISO(date), parseISO(birth)));
      }),
      { numRuns: 5000, seed: 29 },
    );
    for (const [birth, date] of [
      ['2008-02-29', '2026-02-28'],
      ['2008-02-29', '2026-03-01'],
      ['2007-03-01', '2024-02-29'],
      ['2006-09-01', '2024-09-01'],
      ['2006-09-02', '2024-09-01'],
    ] as const) {
      expect(ageOn(birth, date)).toBe(differenceInYears(parseISO(date), parseISO(birth)));
    }
  });

  it('still refuses a date that does not exist', () => {
    expect(() => ageOn('2008-02-30', '2024-01-01')).toThrow();
    expect(() => ageOn('2008-01-01', '2023-02-29')).toThrow();
    expect(() => ageOn('2008-01-01', '2023- 1-05')).toThrow();
  });
});
