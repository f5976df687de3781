import {
  computeIndicators,
  defaultIndicators,
  type IndicatorDatasetInput,
  type IndicatorResults,
  type PublishedValue,
  suppress,
  suppressPlan,
} from '@nastavnik/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackSeries } from './__fixtures__/attacker';
import { prng, randomRegion } from './__fixtures__/random';

const asOf = '2024-05-31';
const period = { kind: 'academicYear', year: '2023-2024' } as const;
const compute = (ds: IndicatorDatasetInput) => computeIndicators(ds, { asOf, period });

/** The same data with `n` more pupils, each newly paired with an existing mentor in a random school. */
function withNewlyPaired(ds: IndicatorDatasetInput, seed: number, n: number): IndicatorDatasetInput {
  const r = prng(seed);
  const schools = [...new Set((ds.pairs ?? []).map((p) => p.organizationId))].sort();
  const persons = [...(ds.persons ?? [])];
  const pairs = [...(ds.pairs ?? [])];
  for (let i = 0; i < n; i++) {
    const org = schools[Math.floor(r() * schools.length)]!;
    const mentor = pairs.find((p) => p.organizationId === org)!.mentorId;
    const id = `${org}-new${i}`;
    persons.push({ id, organizationId: org, category: 'pupil', birthDate: '2012-03-04' });
    pairs.push({
      id: `${org}-newpair${i}`,
      organizationId: org,
      mentorId: mentor,
      menteeIds: [id],
      form: 'studentStudent',
      formats: ['traditional'],
      status: 'active',
      approvedAt: '2023-10-02',
    });
  }
  return { ...ds, persons, pairs };
}

const cell = (pub: readonly PublishedValue[], org: string, indicatorId: string) =>
  pub.find((v) => v.organizationId === org && v.indicatorId === indicatorId && v.breakdown === undefined)!;

const only = (raw: IndicatorResults, orgs: readonly string[]): IndicatorResults => ({
  ...raw,
  values: raw.values.filter((v) => orgs.includes(v.organizationId)),
});

describe('publications in a series (#21 item 13)', () => {
  // Region with 3 municipalities; the second release has one more pupil, newly paired.
  const before = randomRegion(1, 3, 3, 30);
  const after = withNewlyPaired(before, 7, 1);
  const rawBefore = compute(before);
  const rawAfter = compute(after);

  it('reproduces the two-release attack: one newly paired pupil shows in the changes (defect)', () => {
    const first = suppress(rawBefore);
    const second = suppress(rawAfter); // suppressed on its own, as before the fix
    const mentees = (pub: readonly PublishedValue[], org: string) =>
      cell(pub, org, 'coverage.pupilMentees').numerator;
    const changed = (org: string) => [mentees(first, org), mentees(second, org)];
    // The region's and the municipality's totals move by one: the new pupil's status is out.
    expect(changed('reg')).toEqual([9, 10]);
    const { smallChanges } = attackSeries(
      [
        { published: first, raw: rawBefore.values },
        { published: second, raw: rawAfter.values },
      ],
      defaultIndicators,
      5,
    );
    expect(smallChanges).toContain('0>1|reg|pupils.mentees = 1');
  });

  it('a release suppressed with the earlier one in view discloses no change and no hidden cell', () => {
    const first = suppress(rawBefore);
    const second = suppress(rawAfter, { earlier: [{ results: rawBefore, published: first }] });
    expect(cell(second, 'reg', 'coverage.pupilMentees').numerator).toBe('suppressed');
    const disclosure = attackSeries(
      [
        { published: first, raw: rawBefore.values },
        { published: second, raw: rawAfter.values },
      ],
      defaultIndicators,
      5,
    );
    expect(disclosure).toEqual({ solved: [], smallChanges: [] });
  });

  it('reproduces the plan attack: a municipality published next to its schools, each suppressed alone (defect)', () => {
    const schools = ['m0s0', 'm0s1', 'm0s2'].filter((s) =>
      rawBefore.values.some((v) => v.organizationId === s),
    );
    const tables = [suppress(only(rawBefore, ['m0'])), ...schools.map((s) => suppress(only(rawBefore, [s])))];
    const { solved } = attackSeries(
      [{ published: tables.flat(), raw: rawBefore.values }],
      defaultIndicators,
      5,
    );
    expect(solved.length).toBe(15);
  });

  it('a publication plan is suppressed as one: no hidden cell from any combination of its tables', () => {
    const schools = ['m0s0', 'm0s1', 'm0s2'].filter((s) =>
      rawBefore.values.some((v) => v.organizationId === s),
    );
    const tables = suppressPlan(rawBefore, {
      tables: [
        { id: 'municipality', organizationIds: ['m0'] },
        ...schools.map((s) => ({ id: s, organizationIds: [s] })),
      ],
    });
    expect(tables.map((t) => t.id)).toEqual(['municipality', ...schools]);
    expect(tables[0]!.values.every((v) => v.organizationId === 'm0')).toBe(true);
    const { solved } = attackSeries(
      [{ published: tables.flatMap((t) => t.values), raw: rawBefore.values }],
      defaultIndicators,
      5,
    );
    expect(solved).toEqual([]);
  });

  it('names an organization of the plan that has no values, and an earlier value it cannot match', () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { issues: { code: string; path: unknown[] }[] }).issues[0];
      }
      return undefined;
    };
    expect(
      issue(() => suppressPlan(rawBefore, { tables: [{ id: 't', organizationIds: ['reg', 'nowhere'] }] })),
    ).toMatchObject({ code: 'unknown_reference', path: ['plan', 'tables', 0, 'organizationIds', 1] });
    const stray = { ...suppress(rawBefore)[0]!, organizationId: 'nowhere' };
    expect(
      issue(() => suppress(rawAfter, { earlier: [{ results: rawBefore, published: [stray] }] })),
    ).toMatchObject({ code: 'unknown_reference', path: ['options', 'earlier', 0, 'published', 0] });
    expect(issue(() => suppress(rawAfter, { earlier: [{ results: rawBefore }] as never }))).toMatchObject({
      path: ['options', 'earlier', 0, 'published'],
    });
  });

  it('no hidden cell and no small change derivable from all tables of two releases (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 4, max: 14 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (seed, municipalities, maxSchools, size, threshold, added, chosen) => {
          const a = randomRegion(seed, municipalities, maxSchools, size);
          if (!(a.pairs ?? []).length) return;
          const b = withNewlyPaired(a, seed ^ 0x5bd1e995, added);
          const rawA = compute(a);
          const rawB = compute(b);
          // A random plan: the region, and some municipalities and schools as tables of their own.
          const orgs = (a.organizations ?? []).map((o) => o.id);
          const picked = orgs.filter((_, i) => i === 0 || chosen[i % chosen.length]);
          const plan = { tables: picked.map((id) => ({ id, organizationIds: [id] })) };
          const first = suppressPlan(rawA, plan, { threshold }).flatMap((t) => t.values);
          const second = suppressPlan(rawB, plan, {
            threshold,
            earlier: [{ results: rawA, published: first }],
          }).flatMap((t) => t.values);
          const disclosure = attackSeries(
            [
              { published: first, raw: rawA.values },
              { published: second, raw: rawB.values },
            ],
            defaultIndicators,
            threshold,
          );
          expect(disclosure).toEqual({ solved: [], smallChanges: [] });
        },
      ),
      { numRuns: 25 },
    );
  });
});
