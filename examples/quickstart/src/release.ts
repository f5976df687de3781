// What the school sends the municipality and the region: the May indicators records, depersonalised
// (152-ФЗ ст. 3 п. 9, ст. 6 ч. 1 п. 9; Roskomnadzor order № 140 of 19.06.2025), only for people whose
// consent allows the transfer (ст. 9), k-anonymous with the default k = 5. The key that reverses the
// identifiers stays with the school's data-protection officer and is not written; the officer's report
// (what was kept back, deleted, generalised, suppressed) is written apart from what is sent.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Consent } from '@nastavnik/core';
import { computeIndicators, type DatasetRelease, depersonaliseDataset } from '@nastavnik/indicators';
import type { YearResult } from './year';

/** Every consent the year knows: the sample's registry and those collected for the pairs. */
export function yearConsents(year: YearResult): Consent[] {
  return [...year.sample.consents, ...year.consents];
}

/**
 * The May release for the region: consent first (records of people without the consent to pass them
 * on are kept back), people no indicator counts are not sent, ids become identifiers, ages and
 * experience are generalised, a class of fewer than five moves up to the municipality, and whatever is
 * still smaller than five is left out and reported.
 */
export function regionRelease(year: YearResult, k = 5): DatasetRelease {
  return depersonaliseDataset(year.indicators.datasets.may, {
    // The demo's secret; a school keeps its own with the officer, never in code.
    secret: `demo-dpo-secret-${year.options.seed ?? 1}`,
    asOf: year.dates.may,
    k,
    smallClasses: 'suppress',
    consentCheck: { consents: yearConsents(year), date: year.dates.may },
  });
}

/** The officer's account of the release: counts and classes only (ids only in the consent gaps). */
export function releaseReport(release: DatasetRelease) {
  return {
    k: release.report.required,
    smallestClass: release.report.k,
    classes: release.report.classes,
    sent: {
      persons: release.dataset.persons?.length ?? 0,
      pairs: release.dataset.pairs?.length ?? 0,
      requests: release.dataset.requests?.length ?? 0,
      responses: release.dataset.responses?.length ?? 0,
    },
    withheldForConsent: release.withheld,
    deletedNotCounted: release.deleted,
    generalisedToParent: release.generalised,
    youngSpecialistMarkDeleted: release.unmarked,
    suppressed: release.suppressed,
  };
}

/** Write `release/` (what the region receives) and `dpo/` (the officer's report, kept at school). */
export async function writeRelease(year: YearResult, outDir: string): Promise<string[]> {
  const release = regionRelease(year);
  const asOf = year.dates.may;
  const period = { kind: 'checkpoint', year: year.dates.academicYear, checkpoint: 'may' } as const;
  const regional = computeIndicators(release.dataset, { asOf, period }).values;
  await mkdir(join(outDir, 'release'), { recursive: true });
  await mkdir(join(outDir, 'dpo'), { recursive: true });
  const files: [string, unknown][] = [
    ['release/dataset-may.json', release.dataset],
    ['release/indicators-may.json', regional],
    ['dpo/release-report-may.json', releaseReport(release)],
  ];
  for (const [path, data] of files) await writeFile(join(outDir, path), `${JSON.stringify(data, null, 2)}\n`);
  return files.map(([path]) => path);
}
