import { isNastavnikError } from '@nastavnik/core';
import { computeIndicators, depersonaliseDataset } from '@nastavnik/indicators';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgrammeYear, type YearResult } from './index';

// 152-ФЗ ст. 3 п. 9 and Roskomnadzor order № 140: the records the demo computes its indicators from leave
// the school (for the municipality, the region) only through depersonaliseDataset and its k-anonymity check.
describe('quickstart: the records a region receives are depersonalised', () => {
  let year: YearResult;
  beforeAll(() => {
    year = runProgrammeYear({ seed: 7, schools: 2, pupilsPerSchool: 60, teachersPerSchool: 14 });
  });

  it('the May records, depersonalised, give the region the same indicators — or the release is refused and only suppressed aggregates leave', () => {
    const asOf = year.dates.may;
    const period = { kind: 'checkpoint', year: year.dates.academicYear, checkpoint: 'may' } as const;
    const original = computeIndicators(year.indicators.datasets.may, { asOf, period }).values;
    for (const k of [2, 5]) {
      try {
        const { dataset, report } = depersonaliseDataset(year.indicators.datasets.may, {
          secret: 'kept-by-the-school-dpo',
          asOf,
          k,
        });
        expect(report.ok).toBe(true);
        const text = JSON.stringify(dataset);
        for (const p of year.sample.persons) expect(text).not.toContain(`"${p.id}"`);
        expect(text).not.toContain('birthDate');
        expect(computeIndicators(dataset, { asOf, period }).values).toEqual(original);
      } catch (e) {
        // A release that fails k-anonymity is refused, never sent half-protected (in this demo the authority's
        // one curator is singled out by organization and category): the region gets the suppressed indicators.
        expect(isNastavnikError(e) && e.code === 'k_anonymity_failed').toBe(true);
        expect(JSON.stringify(e)).not.toMatch(/m1s\d-[tu]\d/);
        const published = JSON.stringify(year.indicators.publishedMay);
        for (const p of year.sample.persons) expect(published).not.toContain(`"${p.id}"`);
      }
    }
  });
});
