import {
  type Consent,
  ConsentPolicySchema,
  isNastavnikError,
  type NastavnikError,
  parse,
} from '@nastavnik/core';
import {
  computeIndicators,
  type DatasetReleaseOptions,
  depersonaliseDataset,
  type IndicatorConsentCheck,
  type IndicatorDatasetInput,
  type IndicatorValue,
  withholdWithoutConsent,
} from '@nastavnik/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinAttack } from './__fixtures__/joinAttacker';
import { randomRegion } from './__fixtures__/random';
import { pitfall, pupilPairs, pupils } from './__fixtures__/small';

const asOf = '2024-05-31';
const period = { kind: 'academicYear', year: '2023-2024' } as const;
const secret = 'kept-by-the-school-dpo';

/** Every id the dataset names, with a personal-data consent in force (a parent's for pupils); unknown ids are pupils. */
function consentsFor(ds: IndicatorDatasetInput, except: readonly string[] = []): IndicatorConsentCheck {
  const ids = new Set<string>();
  for (const p of ds.persons ?? []) ids.add(p.id);
  for (const p of ds.pairs ?? []) for (const id of [p.mentorId, ...p.menteeIds]) ids.add(id);
  for (const m of ds.mentors ?? []) ids.add(m.personId);
  for (const q of ds.requests ?? []) ids.add(q.menteeId);
  for (const r of ds.responses ?? []) ids.add(r.respondentId);
  const known = new Set((ds.persons ?? []).map((p) => p.id));
  const consents = [...ids]
    .filter((id) => !except.includes(id))
    .map(
      (id, i) =>
        ({
          id: `c-${i}`,
          personId: id,
          purpose: 'personalData',
          givenBy: 'parent',
          representative: { lastName: 'Р', firstName: 'Р' },
          givenAt: '2023-09-01',
        }) as unknown as Consent,
    );
  const people = [...ids].filter((id) => !known.has(id)).map((id) => ({ id, category: 'pupil' as const }));
  return { consents, date: asOf, people };
}

const release = (
  ds: IndicatorDatasetInput,
  o: Omit<DatasetReleaseOptions, 'consentCheck' | 'asOf'> & { asOf?: string },
) => depersonaliseDataset(ds, { asOf, ...o, consentCheck: consentsFor(ds) });

function refusal(f: () => unknown): NastavnikError {
  try {
    f();
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const values = (ds: IndicatorDatasetInput) =>
  computeIndicators(ds, { asOf, period }).values.map((v: IndicatorValue) => [
    v.indicatorId,
    v.organizationId,
    v.breakdown ?? null,
    v.numerator,
    v.denominator,
    v.value,
  ]);

// 152-ФЗ ст. 3 п. 9 and Roskomnadzor order № 140: records leave the school for the municipality or the
// region only depersonalised, and only when no small group of people can be picked out of them.
describe('depersonaliseDataset: the records indicators and a region receive', () => {
  it('replaces every person, request and pair id consistently, drops birth dates, and keeps every indicator exact', () => {
    const released = release(pitfall, { secret, k: 2 });
    const text = JSON.stringify(released.dataset);
    for (const p of pitfall.persons ?? []) expect(text).not.toContain(`"${p.id}"`);
    expect(text).not.toContain('birthDate');
    expect(released.report.ok).toBe(true);
    expect(values(released.dataset)).toEqual(values(pitfall));
  });

  it('property: on random regions every indicator is the same after depersonalisation (or the release is refused)', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 5 }), (seed, k) => {
        // Leaving dates single people out (the refusal test below); here everyone is on the roll.
        const raw = randomRegion(seed, 2, 3, 60);
        const ds = { ...raw, persons: (raw.persons ?? []).map(({ leftAt: _, ...p }) => p) };
        let released: IndicatorDatasetInput;
        try {
          released = release(ds, { secret, k }).dataset;
        } catch (e) {
          expect(isNastavnikError(e) && e.code === 'k_anonymity_failed').toBe(true);
          return;
        }
        compared++;
        expect(values(released)).toEqual(values(ds));
      }),
      { numRuns: 25 },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it('leavers released together (five young teachers who left on one day) keep retention exact', () => {
    const leavers = Array.from({ length: 5 }, (_, i) => ({
      id: `t-${i}`,
      organizationId: 'b',
      category: 'teacher' as const,
      experienceYears: i % 2,
      leftAt: '2024-03-15',
    }));
    const stayers = Array.from({ length: 5 }, (_, i) => ({
      id: `s-${i}`,
      organizationId: 'b',
      category: 'teacher' as const,
      experienceYears: 2,
    }));
    const pairs = leavers.map((t, i) => ({
      id: `tp-${i}`,
      organizationId: 'b',
      mentorId: `s-${i}`,
      menteeIds: [t.id],
      form: 'educatorEducator',
      formats: ['traditional'],
      status: 'active' as const,
      approvedAt: '2023-10-01',
    }));
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      persons: [...(pitfall.persons ?? []), ...leavers, ...stayers],
      pairs: [...(pitfall.pairs ?? []), ...pairs],
    };
    const released = release(ds, { secret, k: 2 });
    expect(values(released.dataset)).toEqual(values(ds));
  });

  it('property: leaving dates reduced to «retained a year after the first pair» or not keep retention exact', () => {
    const approvals = ['2023-03-01', '2023-05-31', '2023-06-01', '2022-02-28'];
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            approval: fc.constantFrom(...approvals),
            left: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
            experience: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 20, maxLength: 40 },
        ),
        (teachers) => {
          const day = (n: number) => new Date(Date.UTC(2023, 4, 1 + n)).toISOString().slice(0, 10);
          const ds: IndicatorDatasetInput = {
            ...pitfall,
            persons: [
              ...(pitfall.persons ?? []),
              ...teachers.map((t, i) => ({
                id: `t-${i}`,
                organizationId: 'b',
                category: 'teacher' as const,
                experienceYears: t.experience,
                ...(t.left !== undefined ? { leftAt: day(t.left) } : {}),
              })),
            ],
            pairs: [
              ...(pitfall.pairs ?? []),
              ...teachers.map((t, i) => ({
                id: `tp-${i}`,
                organizationId: 'b',
                mentorId: 'mentor-1',
                menteeIds: [`t-${i}`],
                form: 'educatorEducator',
                formats: ['traditional'],
                status: 'active' as const,
                approvedAt: t.approval,
              })),
            ],
          };
          let r: ReturnType<typeof release>;
          try {
            r = release(ds, { secret, k: 2 });
          } catch (e) {
            expect(isNastavnikError(e) && e.code === 'k_anonymity_failed').toBe(true);
            return;
          }
          for (const p of r.dataset.persons ?? [])
            if (p.leftAt !== undefined) expect([asOf, ...approvals]).toContain(p.leftAt);
          expect(values(r.dataset)).toEqual(values(ds));
          compared++;
        },
      ),
      { numRuns: 30 },
    );
    expect(compared).toBeGreaterThan(5);
  });

  it('the key reverses the identifiers and is not part of what is sent', () => {
    const { dataset, key } = release(pitfall, { secret, k: 2 });
    const table = key.identifiers.personId ?? {};
    const back = (dataset.persons ?? []).map((p) => table[p.id]);
    expect(new Set(back)).toEqual(new Set((pitfall.persons ?? []).map((p) => p.id)));
    expect(JSON.stringify(dataset)).not.toContain('nastavnik.depersonalisationKey');
  });

  it('refuses a release in which an attacker joining on the quasi-identifiers picks out fewer than k people', () => {
    // One young teacher in the retention cohort (a pair as a mentee approved a year before) who left in
    // March: organization, category, experience and «retained» single them out.
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      persons: [
        ...(pitfall.persons ?? []),
        { id: 't-1', organizationId: 'a', category: 'teacher', experienceYears: 1, leftAt: '2024-03-15' },
      ],
      pairs: [
        ...(pitfall.pairs ?? []),
        {
          id: 'tp-1',
          organizationId: 'a',
          mentorId: 't-0',
          menteeIds: ['t-1'],
          form: 'educatorEducator',
          formats: ['traditional'],
          status: 'completed',
          approvedAt: '2023-03-01',
          completedAt: '2023-12-20',
        },
      ],
    };
    const e = refusal(() => release(ds, { secret, k: 2 }));
    expect(e.code).toBe('k_anonymity_failed');
    expect(JSON.stringify(e.toJSON())).not.toContain('t-1');
    // School «a» has 2 pupils: with the default k = 5 they are exposed as well.
    expect(refusal(() => release(pitfall, { secret })).issues[0]?.params).toMatchObject({
      k: 5,
      found: 2,
      exposed: 2,
    });
  });

  it('refuses a release whose people table passes but whose joined view does not (a pair of another school)', () => {
    // a-1 is mentored in a pair of school «b»: the people table has 2 pupils of «a» (k = 2 holds), but joined
    // with the pairs on the key a-1 is the only pupil of «a» tied to «b».
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      pairs: [...(pitfall.pairs ?? []), { ...pupilPairs('b', 'x', 1)[0]!, id: 'cross', menteeIds: ['a-1'] }],
    };
    const e = refusal(() => release(ds, { secret, k: 2 }));
    expect([e.code, e.issues[0]?.path, e.issues[0]?.params]).toEqual([
      'k_anonymity_failed',
      ['persons'],
      { k: 2, found: 1, exposed: 2 },
    ]);
    // With generalise, the component goes up to «mun» (the person and the pair): nothing names «a» or «b».
    const r = release(ds, { secret, k: 2, smallClasses: 'generalise' });
    for (const p of joinAttack(r.dataset).people) expect(p.size).toBeGreaterThanOrEqual(2);
    expect(values(r.dataset).filter((v) => v[1] === 'mun')).toEqual(values(ds).filter((v) => v[1] === 'mun'));
  });

  it('answers: under keys of their own; a school with fewer than k respondents goes up, and the municipality takes in a sibling rather than lose them', () => {
    const answer = (id: string, org: string, score: number) => ({
      respondentId: id,
      organizationId: org,
      role: 'mentee' as const,
      kind: 'satisfaction' as const,
      score,
      submittedAt: '2024-05-20',
    });
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      responses: [
        ...[0, 1].map((i) => answer(`a-${i}`, 'a', 3)),
        ...Array.from({ length: 6 }, (_, i) => answer(`b-${i}`, 'b', 9)),
      ],
    };
    // One respondent of «b»: the people pass at k = 2, the answers do not.
    const one = refusal(() => release({ ...ds, responses: [answer('b-0', 'b', 9)] }, { secret, k: 2 }));
    expect([one.code, one.issues[0]?.path, one.issues[0]?.params]).toEqual([
      'k_anonymity_failed',
      ['responses'],
      { k: 2, found: 1, exposed: 1 },
    ]);
    const r = release(ds, { secret, smallClasses: 'suppress' });
    // «a» (2 respondents) goes up to «mun», still 2 there: «mun» takes in «b» (6) instead of losing them.
    expect(r.suppressed.responses).toBe(0);
    expect(r.generalised.linked.responses).toBe(8);
    expect(new Set((r.dataset.responses ?? []).map((x) => x.organizationId))).toEqual(new Set(['mun']));
    const keys = new Set((r.dataset.persons ?? []).map((p) => p.id));
    for (const x of r.dataset.responses ?? []) expect(keys.has(x.respondentId)).toBe(false);
    const sat = (vs: ReturnType<typeof values>) =>
      vs.filter((v) => String(v[0]).startsWith('satisfaction.') && v[1] === 'mun');
    expect(sat(values(r.dataset))).toEqual(sat(values(ds)));
  });

  it("sends records in the order of their identifiers, not in the school's order", () => {
    const r = release(pitfall, { secret, k: 2 });
    const ids = (r.dataset.persons ?? []).map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    const table = r.key.identifiers.personId ?? {};
    const original = (pitfall.persons ?? []).map((p) => p.id);
    expect(ids.map((id) => table[id])).not.toEqual(original);
  });

  it('a release without the consent check is a typed error, not an unchecked transfer', () => {
    const e = refusal(() =>
      depersonaliseDataset(pitfall, { secret, asOf } as unknown as DatasetReleaseOptions),
    );
    expect([e.code, e.issues[0]?.path]).toEqual(['invalid_type', ['options', 'consentCheck']]);
    expect(e.message.length).toBeGreaterThan(0);
  });

  it('is deterministic for a secret, and another secret gives other identifiers', () => {
    const a = release(pitfall, { secret, k: 2 });
    expect(release(pitfall, { secret, k: 2 })).toEqual(a);
    const b = release(pitfall, { secret: 'another-long-secret', k: 2 });
    expect(b.dataset.persons).not.toEqual(a.dataset.persons);
  });

  it("people no indicator counts are not sent (a leaver outside any retention cohort, the authority's curator)", () => {
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      persons: [
        ...(pitfall.persons ?? []),
        { id: 't-1', organizationId: 'a', category: 'teacher', experienceYears: 1, leftAt: '2024-03-15' },
        { id: 'cur', organizationId: 'mun', category: 'other' },
      ],
    };
    const r = release(ds, { secret, k: 2 });
    expect(r.deleted).toBe(2);
    expect(r.dataset.persons).toHaveLength(102);
    expect(values(r.dataset)).toEqual(values(ds));
  });

  it('smallClasses: generalise moves a small class up the tree; only the schools it left change, the municipality stays exact', () => {
    const three: IndicatorDatasetInput = {
      ...pitfall,
      organizations: [
        ...pitfall.organizations,
        { id: 'c', kind: 'school', name: 'МОУ СОШ № 3', parentId: 'mun' },
      ],
      persons: [...(pitfall.persons ?? []), ...pupils('c', 'c', 3)],
      pairs: [...(pitfall.pairs ?? []), ...pupilPairs('c', 'c', 2)],
    };
    expect(refusal(() => release(three, { secret })).code).toBe('k_anonymity_failed');
    const r = release(three, { secret, smallClasses: 'generalise' });
    expect(r.report).toMatchObject({ ok: true, required: 5 });
    // The pupils' pairs go up with them: no pair names the school they left.
    expect(r.generalised).toEqual({
      records: 5,
      linked: { pairs: 3, requests: 0, mentors: 0, responses: 0 },
      from: ['a', 'c'],
    });
    expect(r.suppressed.records).toBe(0);
    // By indicator, organization and breakdown: a school whose pairs all went up has no breakdown by form left.
    const byKey = (vs: ReturnType<typeof values>) =>
      new Map(vs.map((v) => [JSON.stringify(v.slice(0, 3)), v]));
    const before = byKey(values(three));
    const after = byKey(values(r.dataset));
    const changed = new Set<string>();
    for (const k of new Set([...before.keys(), ...after.keys()]))
      if (JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k))) changed.add(JSON.parse(k)[1]);
    expect([...changed].sort()).toEqual(['a', 'c']);
  });

  it('regression: a person moved up is not tied back to their school through a pair (the joined view is k-anonymous)', () => {
    const three: IndicatorDatasetInput = {
      ...pitfall,
      organizations: [
        ...pitfall.organizations,
        { id: 'c', kind: 'school', name: 'МОУ СОШ № 3', parentId: 'mun' },
      ],
      persons: [...(pitfall.persons ?? []), ...pupils('c', 'c', 3)],
      pairs: [...(pitfall.pairs ?? []), ...pupilPairs('c', 'c', 2)],
    };
    const r = release(three, { secret, smallClasses: 'generalise' });
    const pairOrg = new Map((three.pairs ?? []).map((p) => [p.id, p.organizationId]));
    const originalPair = r.key.identifiers.pairId ?? {};
    // The previous behaviour: the people moved to «mun», their pairs still naming the school.
    const before = {
      ...r.dataset,
      pairs: (r.dataset.pairs ?? []).map((p) => ({
        ...p,
        organizationId: pairOrg.get(String(originalPair[p.id])) as string,
      })),
    };
    const hole = joinAttack(before).people.filter((p) => p.size < 5);
    // The attacker joins people and pairs on the key and reads the school back (1 pupil of «a», 2 of «c»);
    // the 2 left at «mun» without a pair are then a class of 2: all 5 moved pupils are exposed.
    expect(hole.map((p) => JSON.stringify([p.orgs, p.size])).sort()).toEqual([
      '[["a"],1]',
      '[["c"],2]',
      '[["c"],2]',
      '[["mun"],2]',
      '[["mun"],2]',
    ]);
    // Closed: every combination the joined view offers has at least k = 5 people.
    for (const p of joinAttack(r.dataset).people) expect(p.size).toBeGreaterThanOrEqual(5);
    const moved = new Set(
      (r.dataset.persons ?? []).filter((p) => p.organizationId === 'mun').map((p) => p.id),
    );
    expect(moved.size).toBe(5);
    for (const p of r.dataset.pairs ?? [])
      if ([p.mentorId, ...p.menteeIds].some((id) => moved.has(id))) expect(p.organizationId).toBe('mun');
  });

  it('the joined view moves the other participants of a pair with the person (a teacher of the school mentoring a moved pupil)', () => {
    // School «c»: 3 pupils (too few), 6 teachers; teacher c-t0 mentors the 3 pupils. Moving the pupils alone
    // leaves c-t0 in «c» and the pair names c-t0: the pupils' school is read back through their mentor.
    const teachers = Array.from({ length: 6 }, (_, i) => ({
      id: `c-t${i}`,
      organizationId: 'c',
      category: 'teacher' as const,
      experienceYears: 10,
    }));
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      organizations: [
        ...pitfall.organizations,
        { id: 'c', kind: 'school', name: 'МОУ СОШ № 3', parentId: 'mun' },
      ],
      persons: [...(pitfall.persons ?? []), ...pupils('c', 'c', 3), ...teachers],
      pairs: [
        ...(pitfall.pairs ?? []),
        ...[0, 1, 2].map((i) => ({
          ...pupilPairs('c', 'c', 3)[i]!,
          mentorId: 'c-t0',
          form: 'educatorStudent',
        })),
      ],
      responses: [0, 1, 2].map((i) => ({
        respondentId: `c-${i}`,
        organizationId: 'c',
        role: 'mentee' as const,
        kind: 'satisfaction' as const,
        score: 9,
        submittedAt: '2024-05-20',
      })),
    };
    const r = release(ds, { secret, smallClasses: 'suppress' });
    const attack = joinAttack(r.dataset);
    for (const p of attack.people) expect(p.size).toBeGreaterThanOrEqual(5);
    expect(attack.answerKeysJoined).toBe(0);
    for (const n of attack.answers) expect(n).toBeGreaterThanOrEqual(5);
    // c-t0 went up with the pupils; alone among «mun»'s teachers, it is left out and reported.
    expect(r.suppressed.classes).toContainEqual({
      organizationId: 'mun',
      category: 'teacher',
      records: 1,
      from: ['c'],
    });
    expect((r.dataset.persons ?? []).filter((p) => p.organizationId === 'c')).toHaveLength(5);
    // Three answers of «c» from 3 respondents: moved to «mun», where they are still 3 — left out.
    expect(r.suppressed.responses).toBe(3);
    expect(r.generalised.linked).toMatchObject({ pairs: 4, responses: 3 });
  });

  it('smallClasses: young specialists too few even at the top are sent without the mark, counted as teachers', () => {
    const teachers = Array.from({ length: 7 }, (_, i) => ({
      id: `t-${i}`,
      organizationId: 'b',
      category: 'teacher' as const,
      experienceYears: i < 2 ? 1 : 12,
    }));
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      persons: [...(pitfall.persons ?? []).filter((p) => p.organizationId === 'b'), ...teachers],
    };
    const r = release(ds, { secret, smallClasses: 'generalise' });
    expect(r.unmarked).toEqual({ records: 2, from: ['b'] });
    expect(r.generalised.records).toBe(0);
    expect((r.dataset.persons ?? []).filter((p) => p.category === 'teacher')).toHaveLength(7);
    expect((r.dataset.persons ?? []).some((p) => p.experienceYears !== undefined)).toBe(false);
    const changed = values(r.dataset).filter((v, i) => JSON.stringify(v) !== JSON.stringify(values(ds)[i]));
    expect(new Set(changed.map((v) => String(v[0]).split('.')[1]))).toEqual(new Set(['youngTeacherMentees']));
  });

  it('smallClasses: suppress leaves out what is still smaller than k at the top and reports the classes', () => {
    const r = release(pitfall, { secret, smallClasses: 'suppress' });
    // What is suppressed is not counted as sent one level up; their pair stays up (it no longer names «a»).
    expect(r.generalised).toEqual({
      records: 0,
      linked: { pairs: 1, requests: 0, mentors: 0, responses: 0 },
      from: ['a'],
    });
    expect(r.suppressed).toEqual({
      records: 2,
      classes: [{ organizationId: 'mun', category: 'pupil', age: 10, records: 2, from: ['a'] }],
      responses: 0,
    });
    expect((r.dataset.pairs ?? []).filter((p) => p.organizationId === 'a')).toEqual([]);
    expect(r.dataset.persons).toHaveLength(100);
    expect(r.report.ok).toBe(true);
  });

  it('property: with suppress every release passes the attacker join at k, and the root is exact when nothing is suppressed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 6 }),
        fc.nat(4),
        (seed, k, cross) => {
          const raw = randomRegion(seed, 2, 3, 40);
          // Some pairs, requests and mentor records held by another organization than their people's:
          // the joined view then ties people to two schools.
          const orgs = raw.organizations.map((o) => o.id);
          const moved = <T extends { organizationId: string }>(rows: T[] | undefined) =>
            (rows ?? []).map((x, i) =>
              cross > 0 && i % (cross + 2) === 0
                ? { ...x, organizationId: orgs[i % orgs.length] as string }
                : x,
            );
          const ds = {
            ...raw,
            pairs: moved(raw.pairs),
            requests: moved(raw.requests),
            mentors: moved(raw.mentors),
          };
          const r = release(ds, { secret, k, smallClasses: 'suppress' });
          // The attacker knows each released person's quasi-identifiers and joins on them: at least k match.
          const persons = r.dataset.persons ?? [];
          const key = (p: (typeof persons)[number]) =>
            JSON.stringify([
              p.organizationId,
              p.category,
              p.age ?? null,
              p.experienceYears ?? null,
              p.leftAt ?? null,
            ]);
          const sizes = new Map<string, number>();
          for (const p of persons) sizes.set(key(p), (sizes.get(key(p)) ?? 0) + 1);
          for (const p of persons) expect(sizes.get(key(p))).toBeGreaterThanOrEqual(k);
          // The attacker joins people with pairs, requests, mentor records and answers on the keys (and
          // answers on organization): every combination finds 0 or at least k.
          const attack = joinAttack(r.dataset);
          for (const p of attack.people) expect(p.size).toBeGreaterThanOrEqual(k);
          for (const n of attack.answers) expect(n).toBeGreaterThanOrEqual(k);
          for (const n of attack.answersOnOrganization) expect(n === 0 || n >= k).toBe(true);
          expect(attack.answerKeysJoined).toBe(0);
          expect(r.suppressed.records).toBe(r.suppressed.classes.reduce((s, c) => s + c.records, 0));
          if (r.suppressed.records === 0 && r.suppressed.responses === 0 && r.unmarked.records === 0) {
            const root = (ds.organizations.find((o) => o.parentId === undefined) ?? { id: '' }).id;
            const at = (vs: ReturnType<typeof values>) => vs.filter((v) => v[1] === root);
            expect(at(values(r.dataset))).toEqual(at(values(ds)));
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('the records of a person without the consent to pass them on are kept back, counted and listed by id', () => {
    const check = consentsFor(pitfall);
    const without = { ...check, consents: check.consents.filter((c) => c.personId !== 'b-3') };
    const { dataset, withheld } = withholdWithoutConsent(pitfall, without);
    // The default policy: the roster record goes (education law, statistics), the pair of a mentee does not.
    expect(dataset.persons.map((p) => p.id)).toContain('b-3');
    expect(dataset.pairs.flatMap((p) => p.menteeIds)).not.toContain('b-3');
    expect(withheld).toMatchObject({
      persons: 0,
      pairs: 1,
      mentors: 0,
      requests: 0,
      responses: 0,
      unknown: [],
    });
    expect(withheld.gaps).toEqual([
      { personId: 'b-3', purpose: 'personalData', cause: 'consent_missing', role: 'mentee' },
    ]);
    // A region's policy that asks the consent for the roster record too keeps that back as well.
    const strict = {
      ...without,
      policy: parse(ConsentPolicySchema, {
        id: 'strict',
        rules: [{ activities: ['export'], purposes: ['personalData'] }],
      }),
    };
    const s = withholdWithoutConsent(pitfall, strict);
    expect(s.dataset.persons.map((p) => p.id)).not.toContain('b-3');
    expect(s.withheld.gaps.map((g) => g.role)).toEqual(['participant', 'mentee']);
    const r = depersonaliseDataset(pitfall, { secret, asOf, k: 2, consentCheck: without });
    expect(r.withheld).toEqual(withheld);
    expect(r.dataset.pairs).toHaveLength(99);
    // A mentor named by id only, with nobody to judge by, is not assumed to have consented.
    const unknown = withholdWithoutConsent(pitfall, { ...check, people: [] });
    expect(unknown.withheld.pairs).toBe(100);
    expect(unknown.withheld.unknown).toHaveLength(100);
  });
});
