import {
  addWorkingDays,
  russianProductionCalendar as calendar,
  checkOrdersAgainstAgreements,
  earlyTerminationDate,
  extendProductionCalendar,
  isNastavnikError,
  isWorkingDay,
  type MentoringAgreementInput,
  MentoringAgreementSchema,
  monthlyPay,
  safeParse,
  workingDaysBetween,
  workingDaysInMonth,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const agreement = (over: Partial<MentoringAgreementInput> = {}): MentoringAgreementInput => ({
  id: 'ag-1',
  organizationId: 'lyceum-7',
  mentorId: 't-ivanova',
  consentDate: '2025-08-28',
  signedAt: '2025-08-29',
  content: ['Помощь молодому педагогу в освоении навыков работы'],
  term: { start: '2025-09-01', end: '2026-05-31' },
  form: 'teacherTeacher',
  pay: { kind: 'fixed', amountPerMonth: 3000 },
  ...over,
});

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return isNastavnikError(error) ? error.code : 'not a NastavnikError';
  }
  return undefined;
};

function yearDays(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

describe('the production calendar', () => {
  it('has 247 working days in 2025 and in 2026 (the decrees № 1335 and № 1466)', () => {
    expect(yearDays(2025).filter((d) => isWorkingDay(d, calendar))).toHaveLength(247);
    expect(yearDays(2026).filter((d) => isWorkingDay(d, calendar))).toHaveLength(247);
  });

  it('knows the transfers: a working Saturday, moved days off, holidays', () => {
    expect(isWorkingDay('2025-11-01', calendar)).toBe(true); // Saturday made working
    expect(isWorkingDay('2025-11-03', calendar)).toBe(false); // moved from 1 November
    expect(isWorkingDay('2025-05-02', calendar)).toBe(false); // moved from 4 January
    expect(isWorkingDay('2026-01-09', calendar)).toBe(false); // moved from 3 January
    expect(isWorkingDay('2026-03-09', calendar)).toBe(false); // 8 March on a Sunday
    expect(isWorkingDay('2026-02-24', calendar)).toBe(true);
    expect(isWorkingDay('2027-05-03', calendar)).toBe(false); // 1 May 2027 is a Saturday
    expect(workingDaysInMonth('2026-01', calendar)).toBe(15);
    expect(workingDaysInMonth('2025-11', calendar)).toBe(19);
  });

  it('refuses a year it does not know instead of guessing', () => {
    expect(codeOf(() => isWorkingDay('2028-03-01', calendar))).toBe('calendar_year_missing');
    expect(codeOf(() => addWorkingDays('2027-12-28', 5, calendar))).toBe('calendar_year_missing');
    const longer = extendProductionCalendar(calendar, [
      { year: 2028, daysOff: ['2028-01-03'], source: 'тест' },
    ]);
    expect(isWorkingDay('2028-01-03', longer)).toBe(false);
    expect(addWorkingDays('2027-12-28', 5, longer)).toBe('2028-01-05'); // Wed 29, Thu 30, Fri 31, Tue 4, Wed 5
  });

  it('rejects a day off on a weekend and a working weekend on a weekday', () => {
    expect(
      codeOf(() =>
        extendProductionCalendar(calendar, [{ year: 2028, daysOff: ['2028-01-01'], source: 'тест' }]),
      ),
    ).toBe('invalid_value');
    expect(
      codeOf(() =>
        extendProductionCalendar(calendar, [
          { year: 2028, daysOff: [], workingWeekends: ['2028-01-03'], source: 'тест' },
        ]),
      ),
    ).toBe('invalid_value');
  });

  it('addWorkingDays and workingDaysBetween are inverse, and the result is a working day', () => {
    const day = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 5, 30) })
      .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (d, n) => {
        const end = addWorkingDays(d, n, calendar);
        expect(workingDaysBetween(d, end, calendar)).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(end, calendar)).toBe(true);
          expect(end > d).toBe(true);
        } else expect(end).toBe(d);
      }),
    );
  });
});

describe("the mentor's agreement (ТК РФ ст. 351.8)", () => {
  it('counts the notice of early termination in working days across the New Year holidays', () => {
    // notice on Tue 30 Dec 2025: 31 Dec and 1–11 Jan are days off, so the three days are 12, 13, 14 January
    expect(earlyTerminationDate(agreement(), '2025-12-30', calendar)).toBe('2026-01-14');
    // a Friday notice before the May holidays of 2026: 4, 5, 6 May
    expect(earlyTerminationDate(agreement(), '2026-04-30', calendar)).toBe('2026-05-06');
    // a longer notice agreed by the parties
    const five = agreement({ earlyTermination: { noticeWorkingDays: 5 } });
    expect(earlyTerminationDate(five, '2025-12-30', calendar)).toBe('2026-01-16');
    // never after the agreement's own end
    expect(earlyTerminationDate(agreement(), '2026-05-29', calendar)).toBe('2026-05-31');
  });

  it('refuses a notice shorter than the law allows, a term that ends before it starts, a consent after signing', () => {
    const short = safeParse(
      MentoringAgreementSchema,
      agreement({ earlyTermination: { noticeWorkingDays: 2 } }),
    );
    expect(short.ok ? undefined : short.error.code).toBe('too_small');
    const back = safeParse(
      MentoringAgreementSchema,
      agreement({ term: { start: '2025-09-01', end: '2025-08-01' } }),
    );
    expect(back.ok ? undefined : back.error.issues[0]?.params).toEqual({
      reason: 'agreementEndsBeforeStart',
    });
    const late = safeParse(MentoringAgreementSchema, agreement({ consentDate: '2025-08-30' }));
    expect(late.ok ? undefined : late.error.path).toEqual(['consentDate']);
  });

  it('computes the pay: a fixed sum, a percentage of the salary, a prorated month', () => {
    expect(monthlyPay({ kind: 'fixed', amountPerMonth: 3000 })).toBe(3000);
    expect(monthlyPay({ kind: 'percentOfSalary', percent: 12.5 }, { salary: 41_333 })).toBe(5166.63);
    expect(monthlyPay({ kind: 'fixed', amountPerMonth: 3000 }, { share: 0.5 })).toBe(1500);
    expect(codeOf(() => monthlyPay({ kind: 'percentOfSalary', percent: 10 }))).toBe('required');
  });

  it('flags an order that precedes the agreement, and a mentor with no agreement in force', () => {
    const issues = checkOrdersAgainstAgreements(
      [
        { pairId: 'pair-1', mentorId: 't-ivanova', orderDate: '2025-09-05' },
        { pairId: 'pair-2', mentorId: 't-ivanova', orderDate: '2025-08-20' },
        { pairId: 'pair-3', mentorId: 't-petrov', orderDate: '2025-09-05' },
        { pairId: 'pair-4', mentorId: 't-ivanova', orderDate: '2026-06-10' },
      ],
      [agreement()],
    );
    expect(issues.map((i) => [i.code, i.params?.pairId])).toEqual([
      ['order_before_agreement', 'pair-2'],
      ['agreement_missing', 'pair-3'],
      ['agreement_missing', 'pair-4'],
    ]);
    expect(issues[0]?.message).toContain('ст. 351.8 ТК РФ');
    expect(issues[0]?.messageEn).not.toContain('Иванова');
  });

  it('never flags an order dated within the term on or after signing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 272 }), (offset) => {
        const date = new Date(Date.UTC(2025, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const issues = checkOrdersAgainstAgreements(
          [{ pairId: 'p', mentorId: 't-ivanova', orderDate: date }],
          [agreement()],
        );
        expect(issues).toEqual([]);
      }),
    );
  });
});
