import {
  academicYearBounds,
  type Due,
  type DuePeriod,
  type DueWindow,
  dueDeadline,
  type IsoDate,
  isNastavnikError,
  isOverdue,
  isoToDate,
  type MonthRef,
  parseDue,
  resolveDue,
  toIsoDate,
} from '@nastavnik/core';
import { addDays, endOfMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const AY: DuePeriod = { academicYear: '2023-2024' };
const Y2023: DuePeriod = { start: '2023-01-01', end: '2023-12-31' };
const w = (start: IsoDate, end: IsoDate): DueWindow => ({ start, end });
const nextDay = (d: IsoDate): IsoDate => toIsoDate(addDays(isoToDate(d), 1));

describe('resolveDue on seed due texts', () => {
  it.each([
    ['Август-сентябрь', AY, [w('2023-08-01', '2023-09-30')]],
    ['Октябрь - май', AY, [w('2023-10-01', '2024-05-31')]],
    ['Январь', AY, [w('2024-01-01', '2024-01-31')]],
    ['Май-июнь', AY, [w('2024-05-01', '2024-06-30')]],
    ['декабрь, май', AY, [w('2023-12-01', '2023-12-31'), w('2024-05-01', '2024-05-31')]],
    ['1 раз в полгода', AY, [w('2023-09-01', '2024-02-29'), w('2024-03-01', '2024-08-31')]],
    ['В течение всего периода реализации ПН', AY, [w('2023-09-01', '2024-08-31')]],
    ['В течение учебного года', AY, [w('2023-09-01', '2024-08-31')]],
    ['Август 2023 г.', AY, [w('2023-08-01', '2023-08-31')]],
    ['2023-2024 учебный год', AY, [w('2023-09-01', '2024-08-31')]],
    ['Сентябрь 2023 г. Октябрь 2023 г.', AY, [w('2023-09-01', '2023-09-30'), w('2023-10-01', '2023-10-31')]],
    ['до 30 января 2023 г.', Y2023, [w('2023-01-01', '2023-01-30')]],
    ['до 30. 01.2023 г.', Y2023, [w('2023-01-01', '2023-01-30')]],
    ['январь— декабрь 2023 г.', Y2023, [w('2023-01-01', '2023-12-31')]],
    ['март – декабрь 2023 г.', Y2023, [w('2023-03-01', '2023-12-31')]],
    ['Март 2023г.', Y2023, [w('2023-03-01', '2023-03-31')]],
    ['в течение года', Y2023, [w('2023-01-01', '2023-12-31')]],
    ['Сентябрь', Y2023, [w('2023-09-01', '2023-09-30')]],
    ['февраль', { start: '2022-02-01', end: '2022-08-31' }, [w('2022-02-01', '2022-02-28')]],
    ['май-июнь', { start: '2022-02-01', end: '2022-08-31' }, [w('2022-05-01', '2022-06-30')]],
  ] satisfies ReadonlyArray<readonly [string, DuePeriod, DueWindow[]]>)(
    '%j in %j',
    (text, period, expected) => {
      expect(resolveDue(parseDue(text), period)).toEqual(expected);
    },
  );

  it('gives the School of the Young Teacher one window a month, September counted once', () => {
    const windows = resolveDue(parseDue('Сентябрь; занятия ШМУ проводятся не реже одного раза в месяц.'), AY);
    expect(windows).toHaveLength(12);
    expect(windows[0]).toEqual(w('2023-09-01', '2023-09-30'));
    expect(windows[5]).toEqual(w('2024-02-01', '2024-02-29'));
    expect(windows[11]).toEqual(w('2024-08-01', '2024-08-31'));
  });

  it.each(['По необходимости', 'по плану ДИРО', 'По итогам реализации НП', '', 'по отдельному графику'])(
    '%j has no window, no deadline and is never overdue',
    (text) => {
      const due = parseDue(text);
      expect(resolveDue(due, AY)).toEqual([]);
      expect(dueDeadline(due, AY)).toBeNull();
      expect(isOverdue(due, AY, '2099-01-01')).toBe(false);
    },
  );
});

describe('resolveDue rules', () => {
  it('resolves `to` first, then `from` as the latest such month not after it', () => {
    const due: Due = { kind: 'period', from: { month: 3 }, to: { month: 12, year: 2023 } };
    expect(resolveDue(due, AY)).toEqual([w('2023-03-01', '2023-12-31')]);
    const wrap: Due = { kind: 'period', from: { month: 11 }, to: { month: 2, year: 2025 } };
    expect(resolveDue(wrap, AY)).toEqual([w('2024-11-01', '2025-02-28')]);
  });

  it('runs forward from an explicit `from` to a yearless `to`', () => {
    const due: Due = { kind: 'period', from: { month: 9, year: 2023 }, to: { month: 5 } };
    expect(resolveDue(due, Y2023)).toEqual([w('2023-09-01', '2024-05-31')]);
  });

  it('starts a deadline window at the deadline when the deadline precedes the period', () => {
    expect(resolveDue({ kind: 'deadline', date: '2023-08-25' }, AY)).toEqual([w('2023-08-25', '2023-08-25')]);
    expect(resolveDue({ kind: 'date', date: '2024-03-15' }, AY)).toEqual([w('2024-03-15', '2024-03-15')]);
  });

  it('counts recurrence units from the start of the period and cuts the last one', () => {
    const p: DuePeriod = { start: '2023-09-01', end: '2023-09-20' };
    expect(resolveDue({ kind: 'recurring', times: 1, per: 'week', atLeast: false }, p)).toEqual([
      w('2023-09-01', '2023-09-07'),
      w('2023-09-08', '2023-09-14'),
      w('2023-09-15', '2023-09-20'),
    ]);
    expect(resolveDue({ kind: 'recurring', times: 2, per: 'quarter', atLeast: true }, AY)).toEqual([
      w('2023-09-01', '2023-11-30'),
      w('2023-12-01', '2024-02-29'),
      w('2024-03-01', '2024-05-31'),
      w('2024-06-01', '2024-08-31'),
    ]);
  });

  it('reports bad input as a NastavnikError', () => {
    const expectCode = (fn: () => unknown, code: string) => {
      let caught: unknown;
      try {
        fn();
      } catch (error) {
        caught = error;
      }
      expect(isNastavnikError(caught)).toBe(true);
      expect((caught as { code: string }).code).toBe(code);
    };
    expectCode(
      () => resolveDue(parseDue('Май'), { start: '2024-01-01', end: '2023-01-01' }),
      'invalid_date_range',
    );
    expectCode(() => resolveDue(parseDue('Май'), { academicYear: '2023-2025' }), 'invalid_academic_year');
    expectCode(() => resolveDue({ kind: 'period' } as unknown as Due, AY), 'required');
    expectCode(() => isOverdue(parseDue('Май'), AY, '31.05.2024'), 'invalid_format');
  });
});

describe('dueDeadline and isOverdue', () => {
  it('takes the end of the last window', () => {
    expect(dueDeadline(parseDue('декабрь, май'), AY)).toBe('2024-05-31');
    expect(dueDeadline(parseDue('Август-сентябрь'), AY)).toBe('2023-09-30');
    expect(dueDeadline(parseDue('до 05 февраля 2023 г.'), Y2023)).toBe('2023-02-05');
  });

  it('is overdue after the deadline unless done by the date', () => {
    const due = parseDue('до 30 января 2023 г.');
    expect(isOverdue(due, Y2023, '2023-01-30')).toBe(false);
    expect(isOverdue(due, Y2023, '2023-01-31')).toBe(true);
    expect(isOverdue(due, Y2023, '2023-02-10', '2023-01-20')).toBe(false);
    expect(isOverdue(due, Y2023, '2023-02-10', '2023-02-05')).toBe(false);
    expect(isOverdue(due, Y2023, '2023-02-10', '2023-02-15')).toBe(true);
  });
});

// ---------------------------------------------------------------- properties

const monthArb = fc.integer({ min: 1, max: 12 });
const yearArb = fc.integer({ min: 2002, max: 2097 });
const yearless: fc.Arbitrary<MonthRef> = monthArb.map((month) => ({ month }));
const dated: fc.Arbitrary<MonthRef> = fc.record({ month: monthArb, year: yearArb });
const isoArb = fc
  .date({ min: new Date(2002, 0, 1), max: new Date(2097, 11, 31), noInvalidDate: true })
  .map((d) => toIsoDate(d));

/** An academic year, or explicit dates spanning one to three years. */
const periodArb: fc.Arbitrary<DuePeriod> = fc.oneof(
  yearArb.map((y) => ({ academicYear: `${y}-${y + 1}` })),
  fc
    .tuple(isoArb, fc.integer({ min: 364, max: 1100 }))
    .map(([start, days]) => ({ start, end: toIsoDate(addDays(isoToDate(start), days)) })),
);

const yearlessDueArb: fc.Arbitrary<Due> = fc.oneof(
  fc.tuple(yearless, yearless).map(([from, to]): Due => ({ kind: 'period', from, to })),
  fc.array(yearless, { minLength: 1, maxLength: 4 }).map((months): Due => ({ kind: 'months', months })),
);
const leafDueArb: fc.Arbitrary<Due> = fc.oneof(
  yearlessDueArb,
  fc.tuple(dated, fc.oneof(dated, yearless)).map(([from, to]): Due => ({ kind: 'period', from, to })),
  fc
    .array(fc.oneof(dated, yearless), { minLength: 1, maxLength: 4 })
    .map((months): Due => ({ kind: 'months', months })),
  isoArb.map((date): Due => ({ kind: 'deadline', date })),
  isoArb.map((date): Due => ({ kind: 'date', date })),
  fc
    .record({
      times: fc.integer({ min: 1, max: 4 }),
      per: fc.constantFrom('week', 'month', 'quarter', 'halfYear', 'year'),
      atLeast: fc.boolean(),
    })
    .map((r): Due => ({ kind: 'recurring', ...r })),
  fc.constantFrom<Due>(
    { kind: 'throughout', scope: 'programme' },
    { kind: 'asNeeded' },
    { kind: 'bySchedule', schedule: 'по плану' },
    { kind: 'afterEvent', event: 'по итогам' },
    { kind: 'unspecified' },
  ),
);
const dueArb: fc.Arbitrary<Due> = fc.oneof(
  { weight: 3, arbitrary: leafDueArb },
  {
    weight: 1,
    arbitrary: fc
      .array(leafDueArb, { minLength: 2, maxLength: 3 })
      .map((parts): Due => ({ kind: 'all', parts })),
  },
);

const boundsOf = (p: DuePeriod) => ('academicYear' in p ? academicYearBounds(p.academicYear) : p);
const firstOfMonth = (d: IsoDate) => d.endsWith('-01');
const lastOfMonth = (d: IsoDate) => toIsoDate(endOfMonth(isoToDate(d))) === d;

describe('resolveDue properties', () => {
  it('windows are valid, start ≤ end, sorted and distinct; the deadline is the latest end', () => {
    fc.assert(
      fc.property(dueArb, periodArb, (due, period) => {
        const windows = resolveDue(due, period);
        for (const x of windows) expect(x.start <= x.end).toBe(true);
        for (let i = 1; i < windows.length; i++) {
          const a = windows[i - 1]!;
          const b = windows[i]!;
          expect(a.start < b.start || (a.start === b.start && a.end < b.end)).toBe(true);
        }
        const deadline = dueDeadline(due, period);
        if (windows.length === 0) {
          expect(deadline).toBeNull();
        } else {
          expect(deadline).toBe(
            windows
              .map((x) => x.end)
              .sort()
              .at(-1),
          );
          expect(isOverdue(due, period, deadline!)).toBe(false);
          expect(isOverdue(due, period, nextDay(deadline!))).toBe(true);
          expect(isOverdue(due, period, nextDay(deadline!), deadline!)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('months without a year end inside the period and cover whole months', () => {
    fc.assert(
      fc.property(yearlessDueArb, periodArb, (due, period) => {
        const b = boundsOf(period);
        for (const x of resolveDue(due, period)) {
          expect(x.end >= b.start && x.end <= b.end).toBe(true);
          expect(firstOfMonth(x.start) && lastOfMonth(x.end)).toBe(true);
          // A range reaches back at most eleven months before its end.
          expect(isoToDate(x.start) > addDays(isoToDate(b.start), -366)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explicit years win: a dated month lands at its year whatever the period', () => {
    fc.assert(
      fc.property(dated, dated, periodArb, (a, b, period) => {
        const [from, to] = a.year! * 12 + a.month <= b.year! * 12 + b.month ? [a, b] : [b, a];
        const [x] = resolveDue({ kind: 'period', from, to }, period);
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(x!.start).toBe(`${from.year}-${pad(from.month)}-01`);
        expect(x!.end.slice(0, 7)).toBe(`${to.year}-${pad(to.month)}`);
        expect(lastOfMonth(x!.end)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('recurring windows and `throughout` tile the period exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('week', 'month', 'quarter', 'halfYear', 'year'),
        periodArb,
        (per, period) => {
          const b = boundsOf(period);
          const windows = resolveDue({ kind: 'recurring', times: 1, per, atLeast: false }, period);
          expect(windows[0]!.start).toBe(b.start);
          expect(windows.at(-1)!.end).toBe(b.end);
          for (let i = 1; i < windows.length; i++)
            expect(windows[i]!.start).toBe(nextDay(windows[i - 1]!.end));
          expect(resolveDue({ kind: 'throughout', scope: 'year' }, period)).toEqual([b]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
