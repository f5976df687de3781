/**
 * Recipe: a regional indicator. Two kinds: one computed from what the SDK
 * already counts (trained mentors among mentors who have mentees), and one
 * from the region's own counters (sessions of the Young Teacher School, 001 6.5).
 */
import type { CounterRecord } from '@nastavnik/indicators';
import { computeIndicators, defaultIndicators, defineIndicator, suppress } from '@nastavnik/indicators';
import { municipalityDataset } from './dataset';

export interface RegionalIndicatorSummary {
  indicators: number;
  schoolSessions: number[];
  municipalSessions: number | null;
  meetsTarget: boolean | undefined;
  busyShareDefined: boolean;
  hiddenSessionCells: number;
}

export function main(): RegionalIndicatorSummary {
  const { municipality, dataset } = municipalityDataset(1);

  // #region counters
  // 1. The region's own data come in as additive counters per organization:
  //    sessions of the Young Teacher School held by each school this year.
  const counters: CounterRecord[] = municipality.schools.map((s, i) => ({
    organizationId: s.organization.id,
    key: 'yts.sessions',
    value: [9, 7, 3, 10][i] ?? 0,
  }));
  // #endregion counters

  // #region define
  // 2. An indicator is data: names and texts in Russian and English, a unit, a
  //    direction, an optional target and a compute function over the
  //    accumulator — the same one for a school, a municipality and the region.
  const ytsSessions = defineIndicator({
    id: 'regional.ytsSessions',
    block: 'regional',
    unit: 'count',
    direction: 'higherIsBetter',
    target: 9, // monthly, September to May (001 6.5)
    source: '001 6.5',
    name: { ru: 'Занятия Школы молодого учителя', en: 'Young Teacher School sessions' },
    description: { ru: 'Проведено занятий ШМУ за учебный год', en: 'Sessions held in the academic year' },
    numerator: { ru: 'Занятия', en: 'Sessions' },
    denominator: { ru: '—', en: '—' },
    compute: (acc) => ({
      numerator: acc.counters.get('yts.sessions') ?? 0,
      denominator: null,
      cells: { numerator: 'yts.sessions' }, // a named cell: suppression protects it
    }),
  });

  // Built from fields the SDK already counts: no new data needed.
  const mentorsWithMentees = defineIndicator({
    id: 'regional.mentorsWithMenteesShare',
    block: 'regional',
    unit: 'percent',
    direction: 'neutral',
    name: { ru: 'Доля наставников, у которых есть наставляемые', en: 'Share of mentors with mentees' },
    description: {
      ru: 'Наставники с действующей парой среди всех наставников базы',
      en: 'Mentors in a working pair',
    },
    numerator: { ru: 'Наставники с наставляемыми', en: 'Mentors with mentees' },
    denominator: { ru: 'Наставники в базе', en: 'Mentors in the registry' },
    compute: (acc) => ({
      numerator: acc.mentorsWithMentees,
      denominator: acc.mentors,
      cells: { numerator: 'mentors.withMentees', denominator: 'mentors.registry' },
    }),
  });
  // #endregion define

  // #region compute
  // 3. Compute it with the standard ones; it rolls up like every count.
  const results = computeIndicators(
    { ...dataset, counters },
    {
      asOf: '2024-05-31',
      period: { kind: 'academicYear', year: '2023-2024' },
      indicators: [...defaultIndicators, ytsSessions, mentorsWithMentees],
    },
  );
  const values = results.values;
  const sessions = values.filter((v) => v.indicatorId === 'regional.ytsSessions');
  const municipal = sessions.find((v) => v.organizationId === municipality.authority.id);
  console.log(
    `ШМУ в муниципалитете: ${municipal?.numerator} занятий, цель достигнута: ${municipal?.meetsTarget}`,
  );

  // A school that held 3 sessions is a small cell: hidden before publication.
  // The results carry the region's own definitions: suppression sees their relations too.
  const published = suppress(results, { threshold: 5 });
  const hidden = published.filter((v) => v.indicatorId === 'regional.ytsSessions' && v.suppression);
  // #endregion compute

  return {
    indicators: new Set(values.map((v) => v.indicatorId)).size,
    schoolSessions: municipality.schools.map(
      (s) => sessions.find((v) => v.organizationId === s.organization.id)?.numerator ?? -1,
    ),
    municipalSessions: municipal?.numerator ?? null,
    meetsTarget: municipal?.meetsTarget,
    busyShareDefined: values.some(
      (v) => v.indicatorId === 'regional.mentorsWithMenteesShare' && v.value !== null && v.value > 0,
    ),
    hiddenSessionCells: hidden.length,
  };
}
