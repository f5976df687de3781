import {
  isNastavnikError,
  type NastavnikError,
  parse,
  parseDue,
  resolveDue,
  SchoolCalendarSchema,
  schoolTermWindows,
  standardQuarterCalendar,
  standardTrimesterCalendar,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const AY = { academicYear: '2023-2024' } as const;

function refusal(f: () => unknown): NastavnikError {
  try {
    f();
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

// The seeds time monitoring by the school year: 001 6.6 and 7.2 «декабрь, май» (the ends of the first
// and second half-years), 004 §6 «отчёты по итогам». Schools around them write the same times by terms
// («по итогам I четверти», «по итогам триместра»): those resolve against the school calendar, not against
// three-month blocks from 1 September (the last of which fell in the summer holidays).
describe('school calendar: terms and trimesters as data', () => {
  it('the default is four terms with autumn, winter and spring holidays between them', () => {
    expect(schoolTermWindows(standardQuarterCalendar, '2023-2024').map((t) => [t.start, t.end])).toEqual([
      ['2023-09-01', '2023-10-27'],
      ['2023-11-06', '2023-12-29'],
      ['2024-01-09', '2024-03-22'],
      ['2024-04-01', '2024-05-26'],
    ]);
  });

  it('«раз в четверть» is each school term, never a window in the summer holidays (regression)', () => {
    const windows = resolveDue(parseDue('1 раз в четверть'), AY);
    expect(windows).toHaveLength(4);
    for (const w of windows) expect(w.end < '2024-06-01').toBe(true);
    // No window starts in a holiday.
    for (const h of [
      ['2023-10-28', '2023-11-05'],
      ['2023-12-30', '2024-01-08'],
      ['2024-03-23', '2024-03-31'],
    ]) {
      for (const w of windows) expect(w.start >= h[0]! && w.start <= h[1]!).toBe(false);
    }
  });

  it.each([
    ['в конце I четверти', [{ start: '2023-10-14', end: '2023-10-27' }]],
    ['в начале 3-й четверти', [{ start: '2024-01-09', end: '2024-01-22' }]],
    ['во II четверти', [{ start: '2023-11-06', end: '2023-12-29' }]],
    // 001 6.6 / 7.2: the December checkpoint is the results of the II term, with the winter holidays after it.
    ['по итогам II четверти', [{ start: '2023-12-23', end: '2024-01-08' }]],
    ['в конце четвёртой четверти', [{ start: '2024-05-13', end: '2024-05-26' }]],
    ['за I триместр', [{ start: '2023-09-01', end: '2023-11-30' }]],
  ])('«%s» resolves to its window in 2023-2024', (text, expected) => {
    expect(resolveDue(parseDue(text), AY)).toEqual(expected);
  });

  it('«по итогам триместра» is the results of each of the three trimesters', () => {
    const due = parseDue('по итогам триместра');
    expect(due).toEqual({ kind: 'schoolTerm', system: 'trimesters', term: null, part: 'results' });
    expect(resolveDue(due, AY)).toEqual([
      { start: '2023-11-24', end: '2023-12-07' },
      { start: '2024-02-22', end: '2024-03-06' },
      { start: '2024-05-25', end: '2024-06-14' },
    ]);
  });

  it('a school’s own calendar overrides the default for dues of its system only', () => {
    const own = parse(SchoolCalendarSchema, {
      ...standardQuarterCalendar,
      id: 'lyceum-7-2023',
      terms: standardQuarterCalendar.terms.map((t, i) =>
        i === 0 ? { ...t, end: { month: 11, day: 3 } } : t,
      ),
    });
    expect(resolveDue(parseDue('в конце I четверти'), AY, { calendar: own })).toEqual([
      { start: '2023-10-21', end: '2023-11-03' },
    ]);
    // A trimester due with a calendar of terms: the standard trimesters.
    expect(resolveDue(parseDue('за I триместр'), AY, { calendar: own })).toEqual([
      { start: '2023-09-01', end: '2023-11-30' },
    ]);
    expect(
      resolveDue(parseDue('за I триместр'), AY, {
        calendar: {
          ...standardTrimesterCalendar,
          terms: standardTrimesterCalendar.terms.map((t, i) =>
            i === 0 ? { ...t, end: { month: 11, day: 20 } } : t,
          ),
        },
      }),
    ).toEqual([{ start: '2023-09-01', end: '2023-11-20' }]);
  });

  it('a programme across two academic years gets the terms of both that overlap it', () => {
    const windows = resolveDue(parseDue('в конце I четверти'), { start: '2023-01-01', end: '2024-12-31' });
    expect(windows).toEqual([
      { start: '2023-10-14', end: '2023-10-27' },
      { start: '2024-10-14', end: '2024-10-27' },
    ]);
  });

  it('refuses a calendar whose terms overlap, a wrong number of terms, and a term the calendar lacks', () => {
    const overlapping = {
      ...standardQuarterCalendar,
      terms: standardQuarterCalendar.terms.map((t, i) =>
        i === 1 ? { ...t, start: { month: 10, day: 20 } } : t,
      ),
    };
    const e = refusal(() => schoolTermWindows(overlapping, '2023-2024'));
    expect(e.code).toBe('invalid_date_range');
    expect(e.issues[0]?.path).toEqual(['calendar', 'terms', 1]);
    expect(
      refusal(() =>
        parse(SchoolCalendarSchema, {
          ...standardQuarterCalendar,
          terms: standardQuarterCalendar.terms.slice(0, 3),
        }),
      ).issues[0]?.path,
    ).toEqual(['terms']);
    expect(
      refusal(() => resolveDue({ kind: 'schoolTerm', system: 'trimesters', term: 4, part: 'whole' }, AY))
        .code,
    ).toBe('too_big');
    expect(() => parseDue('IV триместр')).toThrow();
  });

  it('property: in any academic year, terms are ordered, disjoint, within the year; every part lies in or just after its term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2098 }),
        fc.constantFrom(standardQuarterCalendar, standardTrimesterCalendar),
        fc.constantFrom('whole', 'start', 'end', 'results'),
        (y, calendar, part) => {
          const year = `${y}-${y + 1}` as const;
          const terms = schoolTermWindows(calendar, year);
          terms.forEach((t, i) => {
            expect(t.start <= t.end).toBe(true);
            expect(t.start >= `${y}-09-01` && t.end <= `${y + 1}-08-31`).toBe(true);
            if (i > 0) expect(terms[i - 1]!.end < t.start).toBe(true);
          });
          const system = calendar.system;
          const windows = resolveDue(
            { kind: 'schoolTerm', system, term: null, part },
            { academicYear: year },
          );
          expect(windows).toHaveLength(terms.length);
          windows.forEach((w, i) => {
            const t = terms[i]!;
            expect(w.start >= t.start && w.start <= t.end).toBe(true);
            expect(w.end <= (part === 'results' ? t.resultsEnd : t.end)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
