// Builds public/data/dashboard.json: a sample region's year run through the SDK
// (core → machines → matching → indicators), rolled up school → municipality →
// region and published with small-cell suppression. No personal data leaves here.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRegion } from '@nastavnik/core/sample';
import { DATES, runMunicipalityYear } from '@nastavnik/example-quickstart';
import {
  computeIndicators,
  defaultIndicators,
  type IndicatorDatasetInput,
  type PublishedValue,
  parseDataset,
  suppress,
} from '@nastavnik/indicators';
import type { DashboardData } from '../src/data';
import { OWN_SUFFIX, SHOWN } from '../src/data';

const here = dirname(fileURLToPath(import.meta.url));

/** The dashboard's data for a generated region. */
export function buildDashboardData(seed = 11, municipalities = 4, schoolsPerMunicipality = 5): DashboardData {
  const region = generateRegion({
    seed,
    municipalities,
    schoolsPerMunicipality,
    pupilsPerSchool: 60,
    teachersPerSchool: 20,
    academicYear: DATES.academicYear,
  });
  const years = region.municipalities.map((m) =>
    runMunicipalityYear(m, {
      seed,
      schools: schoolsPerMunicipality,
      pupilsPerSchool: 60,
      teachersPerSchool: 20,
    }),
  );
  // A municipal authority runs a roadmap of its own besides its schools'. Its
  // activities go to a child node of their own («собственная дорожная карта»),
  // so every total on the page is the sum of the rows under it: without it a
  // municipality showed «< 5» overdue while each of its schools showed 0,0 %.
  const authorities = region.organizations.filter((o) => o.kind === 'authority');
  const ownId = new Map(authorities.map((a) => [a.id as string, `${a.id}${OWN_SUFFIX}`]));
  const ownNodes = authorities.map((a) => ({
    ...a,
    id: ownId.get(a.id) as typeof a.id,
    kind: 'other' as const,
    name: `${a.shortName ?? a.name}: собственная дорожная карта`,
    shortName: 'Собственная дорожная карта',
    parentId: a.id,
  }));
  const merge = (key: 'december' | 'may'): IndicatorDatasetInput => {
    const parts = years.map((y) => y.indicators.datasets[key]);
    return {
      organizations: [...region.organizations, ...ownNodes],
      persons: parts.flatMap((p) => p.persons ?? []),
      mentors: parts.flatMap((p) => p.mentors ?? []),
      requests: parts.flatMap((p) => p.requests ?? []),
      pairs: parts.flatMap((p) => p.pairs ?? []),
      responses: parts.flatMap((p) => p.responses ?? []),
      activities: parts
        .flatMap((p) => p.activities ?? [])
        .map((a) => {
          const own = ownId.get(a.organizationId);
          return own === undefined ? a : { ...a, organizationId: own as typeof a.organizationId };
        }),
    };
  };
  const periods = [
    { id: 'december', label: 'Декабрь 2023 (промежуточный мониторинг)', asOf: DATES.december },
    { id: 'may', label: 'Май 2024 (итоговый мониторинг)', asOf: DATES.may },
  ] as const;
  const shownIds = new Set<string>([...Object.values(SHOWN), 'process.pairsByForm']);
  const values: DashboardData['values'] = [];
  const formBreakdown: DashboardData['formBreakdown'] = [];
  const num = (v: PublishedValue['value']) => (typeof v === 'number' ? v : null);
  for (const p of periods) {
    const computed = computeIndicators(parseDataset(merge(p.id)), {
      asOf: p.asOf,
      period: { kind: 'checkpoint', year: DATES.academicYear, checkpoint: p.id },
    });
    for (const v of suppress(computed, { threshold: 5 })) {
      if (!shownIds.has(v.indicatorId)) continue;
      const suppressed =
        v.value === 'suppressed' || v.numerator === 'suppressed' || v.denominator === 'suppressed';
      if (v.indicatorId === 'process.pairsByForm') {
        if (!v.breakdown) continue;
        formBreakdown.push({
          period: p.id,
          organizationId: v.organizationId,
          form: v.breakdown.key,
          count: suppressed ? null : num(v.numerator as PublishedValue['value']),
          suppressed,
        });
        continue;
      }
      if (v.breakdown) continue;
      values.push({
        period: p.id,
        indicatorId: v.indicatorId,
        organizationId: v.organizationId,
        numerator: suppressed ? null : num(v.numerator as PublishedValue['value']),
        denominator: suppressed ? null : num(v.denominator as PublishedValue['value']),
        value: suppressed ? null : num(v.value),
        suppressed,
      });
    }
  }
  const forms = years[0]?.forms;
  for (const f of formBreakdown) f.form = forms?.byId.get(f.form)?.label.ru ?? f.form;
  return {
    title: `Мониторинг целевой модели наставничества — ${region.region.name}`,
    asOf: DATES.may,
    periods: periods.map(({ id, label }) => ({ id, label })),
    indicators: Object.values(SHOWN).map((id) => {
      const d = defaultIndicators.find((x) => x.id === id);
      if (!d) throw new Error(`unknown indicator ${id}`);
      return { id, name: d.name.ru, unit: d.unit, ...(d.target !== undefined ? { target: d.target } : {}) };
    }),
    organizations: [...region.organizations, ...ownNodes].map((o) => ({
      id: o.id,
      name: o.shortName && (o.kind === 'school' || o.kind === 'other') ? o.shortName : o.name,
      kind:
        o.kind === 'region'
          ? 'region'
          : o.kind === 'authority'
            ? 'authority'
            : o.kind === 'other'
              ? 'own'
              : 'school',
      ...(o.parentId ? { parentId: o.parentId } : {}),
    })),
    values,
    formBreakdown,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = buildDashboardData();
  const file = join(here, '../public/data/dashboard.json');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(data)}\n`);
  process.stdout.write(
    `dashboard data: ${data.organizations.length} organizations, ${data.values.length} values → ${file}\n`,
  );
}
