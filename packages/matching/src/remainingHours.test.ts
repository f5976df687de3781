import { limitByRemainingHours, type MatchingInput, matchOptimal } from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const person = (id: string) => ({
  id,
  organizationId: 's1',
  category: 'teacher' as const,
  name: { lastName: 'Иванов', firstName: 'Иван' },
});
const consent = (id: string) => ({
  id: `c-${id}`,
  personId: id,
  purpose: 'personalData' as const,
  givenBy: 'self' as const,
  givenAt: '2024-01-10',
});

function instance(caps: readonly number[], mentees: number, fixed: number): MatchingInput {
  const mentorIds = caps.map((_, j) => `t${j}`);
  const menteeIds = Array.from({ length: mentees }, (_, i) => `m${i}`);
  return {
    date: '2024-09-10',
    mentors: caps.map((capacity, j) => ({
      person: person(`t${j}`),
      profile: { personId: `t${j}`, capacity, availableHoursPerMonth: 20 },
    })),
    mentees: menteeIds.map((id) => ({
      person: person(id),
      profile: { personId: id, group: 'youngSpecialist' },
    })),
    consents: [...mentorIds, ...menteeIds].map(consent),
    // the first `fixed` mentees are already with t0 (when t0 has room for them)
    fixedPairs: menteeIds
      .slice(0, Math.min(fixed, caps[0] ?? 0))
      .map((menteeId) => ({ mentorId: 't0', menteeId })),
  };
}

describe('remaining hours as a hard constraint', () => {
  it('gives a mentor with no hours left no new mentee, and one with 8 hours at most two', () => {
    const input = instance([3, 3], 5, 0);
    const result = matchOptimal(
      limitByRemainingHours(input, { remainingHours: { t0: 2, t1: 8 }, hoursPerMentee: 4 }),
    );
    expect(result.pairs.filter((p) => p.mentorId === 't0')).toHaveLength(0);
    expect(result.pairs.filter((p) => p.mentorId === 't1')).toHaveLength(2);
    expect(result.unmatched).toHaveLength(3);
  });

  it('never gives a mentor more new mentees than the hours cover, and keeps fixed pairs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (caps, mentees, fixed, hours, per) => {
          const input = instance(caps, mentees, fixed);
          const remainingHours = Object.fromEntries(caps.map((_, j) => [`t${j}`, hours[j] ?? 0]));
          const result = matchOptimal(limitByRemainingHours(input, { remainingHours, hoursPerMentee: per }));
          caps.forEach((cap, j) => {
            const mine = result.pairs.filter((p) => p.mentorId === `t${j}`);
            const fresh = mine.filter((p) => !p.fixed).length;
            expect(fresh).toBeLessThanOrEqual(Math.floor((hours[j] ?? 0) / per));
            expect(mine.length).toBeLessThanOrEqual(cap);
          });
          expect(result.pairs.filter((p) => p.fixed)).toHaveLength(input.fixedPairs?.length ?? 0);
        },
      ),
    );
  });
});
