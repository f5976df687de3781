/**
 * @nastavnik/indicators: monitoring indicators computed for every school and
 * rolled up to the municipality and the region, compared between checkpoints
 * and against targets, then suppressed for publication.
 */
import {
  againstTargets,
  compareIndicators,
  computeIndicators,
  type IndicatorValue,
  suppress,
} from '@nastavnik/indicators';
import { municipalityDataset } from './dataset';

export interface IndicatorsSummary {
  values: number;
  organizations: number;
  municipalPairs: number | null;
  schoolPairsSum: number;
  shareIsSumOverSum: boolean;
  behindTarget: number;
  improved: number;
  suppressed: number;
  published: number;
}

export function main(): IndicatorsSummary {
  const { municipality, dataset } = municipalityDataset(1);

  // #region compute
  // Indicators at the May checkpoint, for every organization of the tree:
  // each school, the municipal authority above them and the region on top.
  const mayResults = computeIndicators(dataset, {
    asOf: '2024-05-31',
    period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'may' },
    params: { pupilAgeBand: { min: 10, max: 18 }, youngSpecialistMaxYears: 3 }, // the age band differs by source
  });
  // The values travel with the definitions that made them (for suppression below).
  const may = mayResults.values;
  const at = (id: string, orgId: string): IndicatorValue | undefined =>
    may.find((v) => v.indicatorId === id && v.organizationId === orgId && v.breakdown === undefined);
  const municipal = at('coverage.pupilMentees', municipality.authority.id);
  console.log(
    `Доля обучающихся — наставляемых в муниципалитете: ${municipal?.numerator} из ${municipal?.denominator} = ${municipal?.value?.toFixed(1)} %`,
  );
  // #endregion compute

  // #region rollup
  // A share rolls up as Σ numerators / Σ denominators, never as a mean of percentages.
  const schools = municipality.schools.map((s) => at('coverage.pupilMentees', s.organization.id)!);
  const sumNum = schools.reduce((s, v) => s + (v.numerator ?? 0), 0);
  const sumDen = schools.reduce((s, v) => s + (v.denominator ?? 0), 0);
  const shareIsSumOverSum =
    municipal?.value !== null && Math.abs((municipal?.value ?? 0) - (100 * sumNum) / sumDen) < 1e-9;
  // #endregion rollup

  // #region compare
  // The December checkpoint against May; and who is behind a target (70 % coverage by 2024, Р-145).
  const december = computeIndicators(dataset, {
    asOf: '2023-12-31',
    period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'december' },
  }).values;
  const deltas = compareIndicators(december, may);
  const behind = againstTargets(may).filter((t) => t.meetsTarget === false);
  const improved = deltas.filter((d) => d.improved === true).length; // by each indicator's direction
  console.log(`Улучшилось показателей: ${improved}; ниже цели: ${behind.length}`);
  // #endregion compare

  // #region suppress
  // Before publishing (003 §8): counts from 1 to 4 are hidden, and so is any
  // cell that could be worked out from the published ones.
  const published = suppress(mayResults, { threshold: 5 });
  const hidden = published.filter((v) => v.suppression !== undefined);
  console.log(
    `Скрыто ячеек: ${hidden.length} из ${published.length}; пример: ${hidden[0]?.suppression?.note.ru}`,
  );
  // #endregion suppress

  const pairsOf = (orgId: string) => at('process.pairs', orgId)?.numerator ?? null;
  return {
    values: may.length,
    organizations: new Set(may.map((v) => v.organizationId)).size,
    municipalPairs: pairsOf(municipality.authority.id),
    schoolPairsSum: municipality.schools.reduce((s, x) => s + (pairsOf(x.organization.id) ?? 0), 0),
    shareIsSumOverSum,
    behindTarget: behind.length,
    improved,
    suppressed: hidden.length,
    published: published.length,
  };
}
