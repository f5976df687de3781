import { computeIndicators, type IndicatorValue } from '@nastavnik/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomRegion, unionOfLeaves } from './__fixtures__/random';

const rowKey = (v: IndicatorValue) => `${v.indicatorId}|${v.breakdown?.key ?? ''}`;
const shape = (values: readonly IndicatorValue[], org: string) =>
  new Map(
    values
      .filter((v) => v.organizationId === org)
      .map((v) => [
        rowKey(v),
        [v.numerator, v.denominator, v.value === null ? null : Number(v.value.toFixed(9))],
      ]),
  );

describe('rollUp (property)', () => {
  it('the rollup of a tree equals the computation on the union of its leaves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('2023-12-31', '2024-01-31', '2024-05-31', '2024-08-31'),
        (seed, municipalities, maxSchools, size, asOf) => {
          const ds = randomRegion(seed, municipalities, maxSchools, size);
          const opts = { asOf, period: { kind: 'academicYear', year: '2023-2024' } } as const;
          const tree = computeIndicators(ds, opts).values;
          const union = computeIndicators(unionOfLeaves(ds), opts).values;
          expect(shape(tree, 'reg')).toEqual(shape(union, 'u'));
          // And every authority equals the sum of its schools' numerators.
          for (let m = 0; m < municipalities; m++) {
            const mun = tree.find(
              (v) => v.organizationId === `m${m}` && v.indicatorId === 'coverage.teacherMentors',
            )!;
            const schools = tree.filter(
              (v) => v.parentId === `m${m}` && v.indicatorId === 'coverage.teacherMentors',
            );
            expect(mun.numerator).toBe(schools.reduce((s, v) => s + (v.numerator ?? 0), 0));
            expect(mun.denominator).toBe(schools.reduce((s, v) => s + (v.denominator ?? 0), 0));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
