import { isNastavnikError, type NastavnikError } from '@nastavnik/core';
import {
  computeIndicators,
  depersonaliseDataset,
  type IndicatorDatasetInput,
  type IndicatorValue,
} from '@nastavnik/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomRegion } from './__fixtures__/random';
import { pitfall } from './__fixtures__/small';

const asOf = '2024-05-31';
const period = { kind: 'academicYear', year: '2023-2024' } as const;
const secret = 'kept-by-the-school-dpo';

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
    const released = depersonaliseDataset(pitfall, { secret, asOf, k: 2 });
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
          released = depersonaliseDataset(ds, { secret, asOf, k }).dataset;
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
    const released = depersonaliseDataset(ds, { secret, asOf, k: 2 });
    expect(values(released.dataset)).toEqual(values(ds));
  });

  it('the key reverses the identifiers and is not part of what is sent', () => {
    const { dataset, key } = depersonaliseDataset(pitfall, { secret, asOf, k: 2 });
    const table = key.identifiers.personId ?? {};
    const back = (dataset.persons ?? []).map((p) => table[p.id]);
    expect(new Set(back)).toEqual(new Set((pitfall.persons ?? []).map((p) => p.id)));
    expect(JSON.stringify(dataset)).not.toContain('nastavnik.depersonalisationKey');
  });

  it('refuses a release in which an attacker joining on the quasi-identifiers picks out fewer than k people', () => {
    // One young teacher who left in March: organization, category, experience and leaving date single them out.
    const ds: IndicatorDatasetInput = {
      ...pitfall,
      persons: [
        ...(pitfall.persons ?? []),
        { id: 't-1', organizationId: 'a', category: 'teacher', experienceYears: 1, leftAt: '2024-03-15' },
      ],
    };
    const e = refusal(() => depersonaliseDataset(ds, { secret, asOf, k: 2 }));
    expect(e.code).toBe('k_anonymity_failed');
    expect(JSON.stringify(e.toJSON())).not.toContain('t-1');
    // School «a» has 2 pupils: with the default k = 5 they are exposed as well.
    expect(refusal(() => depersonaliseDataset(pitfall, { secret, asOf })).issues[0]?.params).toMatchObject({
      k: 5,
      found: 2,
      exposed: 2,
    });
  });

  it('is deterministic for a secret, and another secret gives other identifiers', () => {
    const a = depersonaliseDataset(pitfall, { secret, asOf, k: 2 });
    expect(depersonaliseDataset(pitfall, { secret, asOf, k: 2 })).toEqual(a);
    const b = depersonaliseDataset(pitfall, { secret: 'another-long-secret', asOf, k: 2 });
    expect(b.dataset.persons).not.toEqual(a.dataset.persons);
  });
});
