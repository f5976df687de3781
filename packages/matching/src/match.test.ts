import { isNastavnikError } from '@nastavnik/core';
import {
  findBlockingPairs,
  type MatchingInput,
  matchOptimal,
  matchStable,
  verifyStableMatching,
} from '@nastavnik/matching';
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

/** instanceArb plus survey answers by id (strict lists, or with ties). */
const surveyArb = (maxMentees: number, maxMentors: number, ties: boolean) =>
  fc
    .record({
      mentors: fc.array(
        fc.record({
          caps: fc.integer({ min: 0, max: 2 }),
          consent: fc.boolean(),
          org: fc.constantFrom('s1', 's2'),
        }),
        { minLength: 0, maxLength: maxMentors },
      ),
      mentees: fc.array(fc.record({ consent: fc.boolean(), org: fc.constantFrom('s1', 's2') }), {
        minLength: 0,
        maxLength: maxMentees,
      }),
    })
    .chain(({ mentors, mentees }) => {
      const mentorIds = mentors.map((_, j) => `t${j}`);
      const menteeIds = mentees.map((_, i) => `m${i}`);
      const ranked = (ids: string[]) =>
        fc.shuffledSubarray(ids).chain((xs) =>
          ties
            ? fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length }).map((cut) => {
                const out: (string | string[])[] = [];
                let group: string[] = [];
                xs.forEach((x, k) => {
                  group.push(x);
                  if (cut[k] || k === xs.length - 1) {
                    out.push(group.length === 1 ? group[0]! : group);
                    group = [];
                  }
                });
                return out;
              })
            : fc.constant(xs as (string | string[])[]),
        );
      // some people leave the survey unanswered: they are ranked by score
      const answers = (ids: string[], other: string[]) =>
        fc
          .array(fc.option(ranked(other), { freq: 4 }), { minLength: ids.length, maxLength: ids.length })
          .map((lists) => {
            const out: Record<string, (string | string[])[]> = {};
            lists.forEach((l, k) => {
              if (l !== null) out[ids[k]!] = l;
            });
            return out;
          });
      return fc
        .record({
          menteePreferences: answers(menteeIds, mentorIds),
          mentorPreferences: answers(mentorIds, menteeIds),
          fixFirst: fc.boolean(),
        })
        .map(({ menteePreferences, mentorPreferences, fixFirst }): MatchingInput => {
          const fixed =
            fixFirst && mentors.length > 0 && mentees.length > 0 && mentors[0]!.caps > 0
              ? [{ mentorId: 't0', menteeId: 'm0' }]
              : [];
          return {
            date: '2024-09-20',
            mentors: mentors.map((m, j) => ({
              person: person(`t${j}`, m.org, 'teacher', 10),
              profile: { personId: `t${j}`, capacity: m.caps, formats: ['virtual'] },
            })),
            mentees: mentees.map((m, i) => ({
              person: person(`m${i}`, m.org, 'teacher', 1),
              profile: { personId: `m${i}`, group: 'youngSpecialist', preferredFormats: ['virtual'] },
            })),
            consents: [
              ...mentors.flatMap((m, j) => (m.consent ? [consent(`t${j}`)] : [])),
              ...mentees.flatMap((m, i) => (m.consent || fixed.length > 0 ? [consent(`m${i}`)] : [])),
            ],
            fixedPairs: fixed,
            menteePreferences,
            mentorPreferences,
          };
        });
    });

function loads(input: MatchingInput, pairs: ReadonlyArray<{ mentorId: string }>) {
  const load = new Map<string, number>();
  for (const p of pairs) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
  for (const m of input.mentors) expect(load.get(m.person.id) ?? 0).toBeLessThanOrEqual(m.profile.capacity);
}

describe('verifyStableMatching (id level)', () => {
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
    menteePreferences: { m1: ['t2', 't1'], m2: ['t2', 't1'] },
    mentorPreferences: { t1: ['m1', 'm2'], t2: ['m1', 'm2'] },
  };

  it('reports blocking pairs by ids', () => {
    expect(verifyStableMatching(input, matchStable(input))).toEqual({ stable: true, blockingPairs: [] });
    const swapped = [
      { mentorId: 't1', menteeId: 'm1' },
      { mentorId: 't2', menteeId: 'm2' },
    ];
    expect(verifyStableMatching(input, { pairs: swapped })).toEqual({
      stable: false,
      blockingPairs: [{ mentorId: 't2', menteeId: 'm1' }],
    });
    expect(verifyStableMatching(input, { pairs: [] }).blockingPairs).toHaveLength(4);
  });

  it('rejects inadmissible matchings with NastavnikError codes', () => {
    const codeOf = (pairs: Array<{ mentorId: string; menteeId: string }>) => {
      try {
        verifyStableMatching(input, { pairs });
      } catch (e) {
        return isNastavnikError(e) ? [e.code, e.path] : 'not a NastavnikError';
      }
      return 'no error';
    };
    expect(codeOf([{ mentorId: 'tX', menteeId: 'm1' }])).toEqual(['unknown_reference', ['pairs', 0]]);
    expect(
      codeOf([
        { mentorId: 't1', menteeId: 'm1' },
        { mentorId: 't2', menteeId: 'm1' },
      ]),
    ).toEqual(['duplicate_mentee', ['pairs', 1]]);
    expect(
      codeOf([
        { mentorId: 't1', menteeId: 'm1' },
        { mentorId: 't1', menteeId: 'm2' },
      ])[0],
    ).toBe('too_big');
    const narrow = { ...input, menteePreferences: { m1: ['t2'], m2: ['t2', 't1'] } };
    try {
      verifyStableMatching(narrow, { pairs: [{ mentorId: 't1', menteeId: 'm1' }] });
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e) && [e.code, e.path]).toEqual(['invalid_input', ['pairs', 0]]);
    }
  });

  it('matchStable leaves no blocking pair by ids and respects capacities (ties, fixed pairs, both sides)', () => {
    fc.assert(
      fc.property(surveyArb(7, 4, true), fc.boolean(), (input, mentorSide) => {
        const r = matchStable(input, { proposing: mentorSide ? 'mentor' : 'mentee' });
        expect(verifyStableMatching(input, r)).toEqual({ stable: true, blockingPairs: [] });
        loads(input, r.pairs);
        expect(r.pairs.length + r.unmatched.length).toBe(input.mentees.length);
        // every matched pair named each other in the survey (or the side did not answer)
        for (const p of r.pairs) {
          if (p.fixed) continue;
          const a = input.menteePreferences?.[p.menteeId];
          const b = input.mentorPreferences?.[p.mentorId];
          if (a) expect(a.flat()).toContain(p.mentorId);
          if (b) expect(b.flat()).toContain(p.menteeId);
        }
        // the empty matching is blocked exactly when some pair could be formed
        const empty = verifyStableMatching(input, { pairs: r.pairs.filter((p) => p.fixed) });
        expect(empty.stable).toBe(r.pairs.every((p) => p.fixed));
      }),
      { numRuns: 400 },
    );
  });

  it('is mentee-optimal among all stable matchings enumerated by ids', () => {
    fc.assert(
      fc.property(surveyArb(4, 3, false), (input) => {
        const survey = input.menteePreferences ?? {};
        const best = matchStable(input);
        const fixedIds = new Set((input.fixedPairs ?? []).map((p) => p.menteeId));
        const menteeIds = input.mentees.map((m) => m.person.id).filter((id) => !fixedIds.has(id));
        const mentorIds = input.mentors.map((m) => m.person.id);
        const stable: Array<Map<string, string>> = [];
        const cur: Array<{ mentorId: string; menteeId: string }> = [...(input.fixedPairs ?? [])];
        const rec = (k: number) => {
          if (k === menteeIds.length) {
            try {
              if (verifyStableMatching(input, { pairs: cur }).stable)
                stable.push(new Map(cur.map((p) => [p.menteeId, p.mentorId])));
            } catch {
              // not admissible (ineligible pair or over capacity): not a matching at all
            }
            return;
          }
          rec(k + 1);
          for (const t of mentorIds) {
            cur.push({ mentorId: t, menteeId: menteeIds[k]! });
            rec(k + 1);
            cur.pop();
          }
        };
        rec(0);
        expect(stable.length).toBeGreaterThan(0);
        const got = new Map(best.pairs.map((p) => [p.menteeId, p.mentorId]));
        expect(stable.some((s) => menteeIds.every((id) => s.get(id) === got.get(id)))).toBe(true);
        // Mentee-optimality holds for strict preferences. With ties (indifference, e.g. two mentees
        // with the same score for a mentor) matchStable breaks them and reports how; another weakly
        // stable matching may then suit some mentee better, so only stability is asserted above.
        if (best.ties.length > 0) return;
        for (const id of menteeIds) {
          const list = survey[id];
          if (!list) continue; // ranked by score: optimality is by score, checked by stability above
          const rank = (t: string | undefined) => {
            const k = t === undefined ? -1 : (list as string[]).indexOf(t);
            return k < 0 ? Number.POSITIVE_INFINITY : k;
          };
          for (const s of stable) expect(rank(got.get(id))).toBeLessThanOrEqual(rank(s.get(id)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
