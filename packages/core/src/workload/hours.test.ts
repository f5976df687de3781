import {
  mentorMonthHours,
  programmeMonthHours,
  remainingHours,
  type WorkloadEntryInput,
  workloadFindings,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const e = (mentorId: string, pairId: string, date: string, durationMinutes: number): WorkloadEntryInput => ({
  mentorId,
  pairId,
  programmeId: 'prog-1',
  date,
  durationMinutes,
});

const entryArb = fc.record({
  mentorId: fc.constantFrom('t-1', 't-2', 't-3'),
  pairId: fc.constantFrom('p-1', 'p-2', 'p-3', 'p-4'),
  programmeId: fc.constantFrom('prog-1', 'prog-2'),
  date: fc.constantFrom('2025-09-15', '2025-09-30', '2025-10-01', '2025-10-20', '2026-01-12'),
  durationMinutes: fc.integer({ min: 1, max: 240 }),
});

describe('hours per mentor per month', () => {
  it('sums minutes by mentor, month and pair', () => {
    const rows = mentorMonthHours([
      e('t-1', 'p-1', '2025-10-01', 45),
      e('t-1', 'p-2', '2025-10-20', 60),
      e('t-1', 'p-1', '2025-10-31', 45),
      e('t-1', 'p-1', '2025-11-03', 30),
    ]);
    expect(rows).toEqual([
      {
        mentorId: 't-1',
        month: '2025-10',
        minutes: 150,
        hours: 2.5,
        byPair: [
          { pairId: 'p-1', minutes: 90, hours: 1.5 },
          { pairId: 'p-2', minutes: 60, hours: 1 },
        ],
      },
      {
        mentorId: 't-1',
        month: '2025-11',
        minutes: 30,
        hours: 0.5,
        byPair: [{ pairId: 'p-1', minutes: 30, hours: 0.5 }],
      },
    ]);
    expect(programmeMonthHours(rows.length ? [e('t-1', 'p-1', '2025-10-01', 90)] : [])).toEqual([
      { programmeId: 'prog-1', month: '2025-10', minutes: 90, hours: 1.5 },
    ]);
  });

  it('loses no minute: mentor rows, pair splits and programme rows all add up to the input (property)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), (entries) => {
        const total = entries.reduce((s, x) => s + x.durationMinutes, 0);
        const rows = mentorMonthHours(entries);
        expect(rows.reduce((s, r) => s + r.minutes, 0)).toBe(total);
        for (const r of rows) expect(r.byPair.reduce((s, p) => s + p.minutes, 0)).toBe(r.minutes);
        expect(programmeMonthHours(entries).reduce((s, r) => s + r.minutes, 0)).toBe(total);
      }),
    );
  });
});

describe('hours against limits', () => {
  it('flags a mentor over the policy limit and over their own capacity, and too many mentees', () => {
    const entries = [e('t-1', 'p-1', '2025-10-01', 300), e('t-2', 'p-2', '2025-10-01', 240)];
    const findings = workloadFindings(
      entries,
      [
        { mentorId: 't-1', availableHoursPerMonth: 4 },
        { mentorId: 't-2', availableHoursPerMonth: 6, menteeCount: 4 },
      ],
      { maxHoursPerMonth: 4.5, maxMenteesPerMentor: 3 },
    );
    expect(
      findings.map((f) => [f.params?.mentorId, f.params?.limit, f.params?.value, f.params?.maximum]),
    ).toEqual([
      ['t-1', 'maxHoursPerMonth', 5, 4.5],
      ['t-1', 'availableHoursPerMonth', 5, 4],
      ['t-2', 'maxMenteesPerMentor', 4, 3],
    ]);
    expect(findings[0]?.code).toBe('workload_over_limit');
    expect(findings[0]?.message).toBe('Наставник t-1 в 2025-10: 5 ч при пределе 4.5 ч в месяц по положению');
  });

  it('flags exactly the mentor-months above the limit, and remaining hours never go below zero (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        (entries, max, own) => {
          const mentors = ['t-1', 't-2', 't-3'].map((mentorId) => ({
            mentorId,
            availableHoursPerMonth: own,
          }));
          const findings = workloadFindings(entries, mentors, { maxHoursPerMonth: max });
          const over = mentorMonthHours(entries).filter((r) => r.minutes > Math.min(max, own ?? max) * 60);
          const flagged = new Set(findings.map((f) => `${f.params?.mentorId} ${f.params?.month}`));
          expect([...flagged].sort()).toEqual(over.map((r) => `${r.mentorId} ${r.month}`).sort());
          for (const r of mentorMonthHours(entries)) {
            const left = remainingHours(r.mentorId, r.month, entries, mentors[0], { maxHoursPerMonth: max });
            expect(left).toBeGreaterThanOrEqual(0);
            expect(left === 0).toBe(r.minutes >= Math.min(max, own ?? max) * 60);
          }
        },
      ),
    );
  });

  it('has no remaining-hours limit when neither the policy nor the profile sets one', () => {
    expect(remainingHours('t-1', '2025-10', [], { mentorId: 't-1' })).toBeUndefined();
    expect(
      remainingHours('t-1', '2025-10', [e('t-1', 'p-1', '2025-10-02', 90)], {
        mentorId: 't-1',
        availableHoursPerMonth: 4,
      }),
    ).toBe(2.5);
  });
});
