import {
  assertProgrammeTerm,
  checkExtension,
  checkProgrammeTerm,
  defaultTermPolicy,
  PersonalProgrammeSchema,
  safeParse,
  TermPolicySchema,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const pp = (over: Record<string, unknown>) => ({
  id: 'pp-1',
  pairId: 'pair-1',
  start: '2023-09-01',
  end: '2024-05-31',
  goals: ['Адаптация'],
  ...over,
});

describe('terms as policy', () => {
  it('003 §1.2: a personal programme lasts from 3 months to 1 year', () => {
    expect(checkProgrammeTerm({ start: '2023-09-01', end: '2023-11-30' })).toBeNull();
    expect(checkProgrammeTerm({ start: '2023-09-01', end: '2023-11-29' })?.code).toBe('programme_too_short');
    expect(checkProgrammeTerm({ start: '2023-09-01', end: '2024-08-31' })).toBeNull();
    // The pairs order of the issue: a 32-month term.
    const v = checkProgrammeTerm({ start: '2023-09-01', end: '2026-04-30' });
    expect(v).toMatchObject({ code: 'programme_too_long', rule: '003 §1.2', params: { maximum: 12 } });
  });

  it('003 §2.3: a speed (single-meeting) format has no minimum term', () => {
    expect(checkProgrammeTerm({ start: '2023-10-05', end: '2023-10-05', formats: ['speed'] })).toBeNull();
    expect(
      checkProgrammeTerm({ start: '2023-10-05', end: '2023-10-05', formats: ['traditional'] })?.code,
    ).toBe('programme_too_short');
  });

  it('003 §6.2: a programme starts on or after its approval, and has not ended by then', () => {
    expect(
      checkProgrammeTerm({ start: '2023-09-01', end: '2024-05-31', approvedAt: '2023-09-20' })?.code,
    ).toBe('programme_before_approval');
    expect(
      checkProgrammeTerm({ start: '2022-09-01', end: '2023-05-31', approvedAt: '2023-09-20' })?.code,
    ).toBe('programme_already_ended');
    expect(
      checkProgrammeTerm({ start: '2023-09-20', end: '2024-05-31', approvedAt: '2023-09-20' }),
    ).toBeNull();
  });

  it('003 §7.2: an extension is agreed before the end and stays within the policy', () => {
    const base = { start: '2023-09-01', end: '2024-05-31' };
    expect(checkExtension({ ...base, newEnd: '2024-12-31', agreedAt: '2024-05-20' })).toBeNull();
    // Agreed 81 days after the programme ended.
    expect(checkExtension({ ...base, newEnd: '2024-12-31', agreedAt: '2024-08-20' })?.code).toBe(
      'extension_after_end',
    );
    expect(checkExtension({ ...base, newEnd: '2034-05-31', agreedAt: '2024-05-20' })).toMatchObject({
      code: 'extension_too_long',
      rule: '003 §7.2',
    });
    expect(checkExtension({ ...base, newEnd: '2024-05-01', agreedAt: '2024-05-20' })?.code).toBe(
      'extension_not_later',
    );
    const lax = TermPolicySchema.parse({ maxExtendedMonths: 240 });
    expect(checkExtension({ ...base, newEnd: '2034-05-31', agreedAt: '2024-05-20' }, lax)).toBeNull();
  });

  it('003 §1.2: an order or a service refuses a term outside the policy with a typed error', () => {
    expect(() =>
      assertProgrammeTerm({ start: '2023-09-01', end: '2026-04-30' }, defaultTermPolicy, ['end']),
    ).toThrow(expect.objectContaining({ code: 'programme_too_long' }));
    expect(() => assertProgrammeTerm({ start: '2023-09-01', end: '2024-05-31' })).not.toThrow();
  });

  it('a policy is consistent: minimum ≤ maximum ≤ maximum with extensions', () => {
    expect(TermPolicySchema.safeParse({ minMonths: 13 }).success).toBe(false);
    expect(TermPolicySchema.parse({})).toEqual(defaultTermPolicy);
  });

  it('003 §1.2, §7.2: the personal programme schema applies the default policy', () => {
    const late = safeParse(
      PersonalProgrammeSchema,
      pp({ extensions: [{ newEnd: '2024-12-31', agreedAt: '2024-08-20', reason: 'Аттестация' }] }),
    );
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.issues[0]?.path).toEqual(['extensions', 0, 'agreedAt']);
      expect(late.error.issues[0]?.messageEn).toBe(
        'An extension is agreed before the programme ends (003 §7.2)',
      );
    }
    const far = safeParse(
      PersonalProgrammeSchema,
      pp({ extensions: [{ newEnd: '2034-05-31', agreedAt: '2024-05-20', reason: 'Аттестация' }] }),
    );
    expect(far.ok).toBe(false);
    if (!far.ok) {
      expect(far.error.issues[0]?.code).toBe('extension_too_long');
      expect(far.error.issues[0]?.message).toBe(
        'С продлениями персонализированная программа длится не более 24 месяцев',
      );
    }
    expect(safeParse(PersonalProgrammeSchema, pp({ end: '2023-09-01', formats: ['speed'] })).ok).toBe(true);
    expect(safeParse(PersonalProgrammeSchema, pp({ end: '2023-09-01' })).ok).toBe(false);
  });

  it('property: any term within 3–12 months from any start is accepted; one day more is not', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2090, 0, 1), noInvalidDate: true }),
        fc.integer({ min: 3, max: 12 }),
        (d, months) => {
          const start = d.toISOString().slice(0, 10);
          const [y, m, day] = start.split('-').map(Number) as [number, number, number];
          const endEx = new Date(Date.UTC(y, m - 1 + months, day));
          // When the day overflows the month (31 Aug + 3 months), date-fns clamps to the month's end.
          if (endEx.getUTCDate() !== day) return;
          const end = new Date(endEx.getTime() - 86_400_000).toISOString().slice(0, 10);
          expect(checkProgrammeTerm({ start, end })).toBeNull();
          if (months === 12) {
            expect(checkProgrammeTerm({ start, end: endEx.toISOString().slice(0, 10) })?.code).toBe(
              'programme_too_long',
            );
          }
        },
      ),
    );
  });
});
