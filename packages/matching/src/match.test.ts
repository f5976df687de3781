import { isNastavnikError } from '@nastavnik/core';
import { findBlockingPairs, type MatchingInput, matchOptimal, matchStable } from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceAssignment } from './__fixtures__/bruteForce';

const COMP = ['classroomManagement', 'lessonPlanning', 'assessment', 'digitalTools'];

function person(id: string, org: string, category: 'teacher' | 'pupil', exp?: number) {
  return {
    id,
    organizationId: org,
    category,
    name: { lastName: 'Иванов', firstName: 'Иван' },
    ...(exp === undefined ? {} : { experienceYears: exp }),
    subjects: ['математика'],
  };
}
const consent = (id: string) => ({
  id: `c-${id}`,
  personId: id,
  purpose: 'personalData' as const,
  givenBy: 'self' as const,
  givenAt: '2024-01-10',
});

const instanceArb = fc
  .record({
    mentors: fc.array(
      fc.record({
        caps: fc.integer({ min: 0, max: 2 }),
        comps: fc.subarray(COMP),
        org: fc.constantFrom('s1', 's2'),
        virtual: fc.boolean(),
        exp: fc.integer({ min: 0, max: 30 }),
        consent: fc.boolean(),
      }),
      { minLength: 0, maxLength: 4 },
    ),
    mentees: fc.array(
      fc.record({
        comps: fc.subarray(COMP),
        org: fc.constantFrom('s1', 's2'),
        exp: fc.integer({ min: 0, max: 3 }),
        consent: fc.boolean(),
      }),
      { minLength: 0, maxLength: 6 },
    ),
    forbid: fc.array(fc.tuple(fc.nat(3), fc.nat(5)), { maxLength: 4 }),
  })
  .map(
    ({ mentors, mentees, forbid }): MatchingInput => ({
      date: '2024-09-10',
      mentors: mentors.map((m, j) => ({
        person: person(`t${j}`, m.org, 'teacher', m.exp),
        profile: {
          personId: `t${j}`,
          capacity: m.caps,
          competences: m.comps,
          formats: m.virtual ? ['virtual'] : ['traditional'],
        },
      })),
      mentees: mentees.map((m, i) => ({
        person: person(`m${i}`, m.org, 'teacher', m.exp),
        profile: {
          personId: `m${i}`,
          group: 'youngSpecialist',
          requests: m.comps.map((c, q) => ({
            id: `r${i}-${q}`,
            menteeId: `m${i}`,
            competence: c,
            priority: (['high', 'medium', 'low'] as const)[q % 3],
            source: 'self',
            createdAt: '2024-09-01',
          })),
        },
      })),
      consents: [
        ...mentors.flatMap((m, j) => (m.consent ? [consent(`t${j}`)] : [])),
        ...mentees.flatMap((m, i) => (m.consent ? [consent(`m${i}`)] : [])),
      ],
      forbiddenPairs: forbid.map(([j, i]) => ({ mentorId: `t${j}`, menteeId: `m${i}` })),
    }),
  );

describe('matchOptimal', () => {
  it('explains pairs and unmatched mentees', () => {
    const input: MatchingInput = {
      date: '2024-09-10',
      mentors: [
        {
          person: person('t1', 's1', 'teacher', 20),
          profile: { personId: 't1', capacity: 1, competences: ['assessment'] },
        },
      ],
      mentees: [
        {
          person: person('m1', 's1', 'teacher', 1),
          profile: {
            personId: 'm1',
            group: 'youngSpecialist',
            requests: [
              {
                id: 'r1',
                menteeId: 'm1',
                competence: 'assessment',
                priority: 'high',
                source: 'self',
                createdAt: '2024-09-01',
              },
            ],
          },
        },
        { person: person('m2', 's1', 'teacher', 1), profile: { personId: 'm2', group: 'youngSpecialist' } },
        { person: person('m3', 's1', 'teacher', 1), profile: { personId: 'm3', group: 'youngSpecialist' } },
      ],
      consents: [consent('t1'), consent('m1'), consent('m2')],
    };
    const r = matchOptimal(input);
    expect(r.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual([['t1', 'm1']]);
    const pair = r.pairs[0]!;
    expect(pair.contributions.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(pair.score);
    expect(pair.contributions.find((c) => c.criterion === 'competence')?.value).toBe(1);
    expect(r.unmatched.map((u) => [u.menteeId, u.reason])).toEqual([
      ['m2', 'capacityTaken'],
      ['m3', 'noConsent'],
    ]);
    expect(r.unmatched[0]!.text.ru).toContain('поиск продолжается');
  });

  it('keeps fixed pairs and counts them against capacity', () => {
    const base: MatchingInput = {
      date: '2024-09-10',
      mentors: [{ person: person('t1', 's1', 'teacher', 20), profile: { personId: 't1', capacity: 1 } }],
      mentees: [
        { person: person('m1', 's1', 'teacher', 1), profile: { personId: 'm1', group: 'youngSpecialist' } },
        { person: person('m2', 's1', 'teacher', 1), profile: { personId: 'm2', group: 'youngSpecialist' } },
      ],
      consents: [consent('t1'), consent('m1'), consent('m2')],
      fixedPairs: [{ mentorId: 't1', menteeId: 'm2' }],
    };
    const r = matchOptimal(base);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ mentorId: 't1', menteeId: 'm2', fixed: true });
    expect(r.unmatched[0]).toMatchObject({
      menteeId: 'm1',
      reason: 'noEligibleMentor',
      excluded: { mentorFull: 1 },
    });
  });

  it('throws NastavnikError with a path on bad input', () => {
    try {
      matchOptimal({ date: '10.09.2024', mentors: [], mentees: [] });
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e)).toBe(true);
      if (isNastavnikError(e)) {
        expect(e.path).toEqual(['date']);
        expect(e.messageEn).toMatch(/date/i);
      }
    }
  });

  it('equals the brute-force optimum, never breaks a constraint, dense and sparse agree', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const dense = matchOptimal(input);
        const sparse = matchOptimal(input, { forceSparse: true });
        expect(sparse.pairs.length).toBe(dense.pairs.length);
        expect(sparse.totalScore).toBeCloseTo(dense.totalScore, 9);
        // constraints
        const consented = new Set(input.consents?.map((c) => c.personId));
        const forbidden = new Set(input.forbiddenPairs?.map((p) => `${p.mentorId}/${p.menteeId}`));
        const load = new Map<string, number>();
        const seen = new Set<string>();
        for (const p of dense.pairs) {
          expect(consented.has(p.mentorId) && consented.has(p.menteeId)).toBe(true);
          expect(forbidden.has(`${p.mentorId}/${p.menteeId}`)).toBe(false);
          expect(seen.has(p.menteeId)).toBe(false);
          seen.add(p.menteeId);
          load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
        }
        for (const m of input.mentors)
          expect(load.get(m.person.id) ?? 0).toBeLessThanOrEqual(m.profile.capacity);
        expect(dense.pairs.length + dense.unmatched.length).toBe(input.mentees.length);
        // brute force on the eligible scores
        const mentors = input.mentors;
        const mentees = input.mentees;
        const scoreOf = new Map<string, number>();
        for (const u of [dense, sparse])
          for (const p of u.pairs) scoreOf.set(`${p.mentorId}/${p.menteeId}`, p.score);
        const costs: number[] = [];
        const probe = matchOptimal({ ...input, fixedPairs: [] }); // eligibility reference
        expect(probe.pairs.length).toBe(dense.pairs.length);
        for (const me of mentees) {
          for (const mo of mentors) {
            const single = matchOptimal({
              ...input,
              mentors: [{ ...mo, profile: { ...mo.profile, capacity: Math.min(1, mo.profile.capacity) } }],
              mentees: [me],
            });
            costs.push(single.pairs.length === 1 ? -single.pairs[0]!.score : Number.POSITIVE_INFINITY);
          }
        }
        const best = bruteForceAssignment(
          costs,
          mentees.length,
          mentors.length,
          mentors.map((m) => m.profile.capacity),
        );
        expect(dense.pairs.length).toBe(best.count);
        expect(dense.totalScore).toBeCloseTo(-best.total, 9);
      }),
      { numRuns: 400 },
    );
  });
});

describe('matchStable', () => {
  it('follows the survey and leaves no blocking pair', () => {
    const input: MatchingInput = {
      date: '2024-09-10',
      mentors: ['t1', 't2'].map((id) => ({
        person: person(id, 's1', 'teacher', 10),
        profile: { personId: id, capacity: 1 },
      })),
      mentees: ['m1', 'm2'].map((id) => ({
        person: person(id, 's1', 'teacher', 1),
        profile: { personId: id, group: 'youngSpecialist' },
      })),
      consents: ['t1', 't2', 'm1', 'm2'].map(consent),
      menteePreferences: { m1: ['t2', 't1'], m2: ['t2'] },
      mentorPreferences: { t1: ['m1'], t2: [['m1', 'm2']] },
    };
    const r = matchStable(input);
    expect(r.pairs.map((p) => `${p.mentorId}-${p.menteeId}`)).toEqual(['t2-m1']);
    expect(r.ties).toEqual([{ side: 'mentor', id: 't2', order: ['m1', 'm2'] }]);
    expect(r.unmatched.map((u) => [u.menteeId, u.reason])).toEqual([['m2', 'noMutualPreference']]);
    // index-level check of the same instance
    expect(
      findBlockingPairs(
        { menteePrefs: [[1, 0], [1]], mentorPrefs: [[0], [[0, 1]]], capacities: [1, 1] },
        [1, -1],
      ),
    ).toEqual([]);
  });

  it('ranks by score when there is no survey and respects constraints', () => {
    fc.assert(
      fc.property(instanceArb, fc.boolean(), (input, mentorSide) => {
        const r = matchStable(input, { proposing: mentorSide ? 'mentor' : 'mentee' });
        const forbidden = new Set(input.forbiddenPairs?.map((p) => `${p.mentorId}/${p.menteeId}`));
        for (const p of r.pairs) expect(forbidden.has(`${p.mentorId}/${p.menteeId}`)).toBe(false);
        expect(r.pairs.length + r.unmatched.length).toBe(input.mentees.length);
      }),
      { numRuns: 200 },
    );
  });
});
