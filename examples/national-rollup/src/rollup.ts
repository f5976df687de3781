/**
 * The national rollup: every indicator for every school, municipality and
 * region of a country, computed by DuckDB over the Parquet files of the data
 * layout, published with small-cell suppression, and one region exported in
 * the regional dashboard's file format.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  computeIndicatorsSql,
  defaultIndicators,
  type IndicatorResults,
  type Period,
  type PublishedValue,
  suppress,
} from '@nastavnik/indicators';
import { duckDbRunner, syntheticCountrySql } from '@nastavnik/indicators/duckdb';

/** Indicators the regional dashboard shows (the same ids as its own build). */
const SHOWN = [
  'coverage.pupilMentees',
  'satisfaction.menteeMean',
  'satisfaction.mentorMean',
  'process.pairs',
  'process.activitiesOverdue',
] as const;

export interface RollupOptions {
  /** Folder of the Parquet files (organizations.parquet, persons.parquet, …). */
  readonly dir: string;
  readonly asOf: string;
  readonly period: Period;
  readonly threshold?: number;
}

export interface Rollup {
  readonly results: IndicatorResults;
  readonly published: PublishedValue[];
  readonly ms: { readonly compute: number; readonly suppress: number };
}

/** Write a synthetic country of `pupils` pupils to `dir` as Parquet (DuckDB SQL, no JavaScript rows). */
export async function generateCountry(pupils: number, dir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const sql of syntheticCountrySql({ pupils, dir })) await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Compute and publish the whole country. */
export async function nationalRollup(options: RollupOptions): Promise<Rollup> {
  // Under 4 GiB in all: DuckDB gets 2 GB and spills what does not fit to a folder under the
  // system's temp; the rest is for the values and their suppression in this process.
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: '2GB',
    threads: '2',
    temp_directory: join(tmpdir(), 'nastavnik-duckdb-spill'),
  });
  const connection = await instance.connect();
  try {
    const t0 = performance.now();
    const results = await computeIndicatorsSql(duckDbRunner(connection), {
      dialect: 'duckdb',
      asOf: options.asOf,
      period: options.period,
      tables: (t) => `read_parquet('${options.dir}/${t}.parquet')`,
    });
    const t1 = performance.now();
    const published = suppress(results, { threshold: options.threshold ?? 5 });
    return { results, published, ms: { compute: t1 - t0, suppress: performance.now() - t1 } };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The regional dashboard's data file (examples/regional-dashboard/src/data.ts) for one region. */
export interface DashboardFile {
  title: string;
  asOf: string;
  periods: { id: string; label: string }[];
  indicators: {
    id: string;
    name: string;
    unit: 'percent' | 'count' | 'score' | 'days' | 'ratio';
    target?: number;
  }[];
  organizations: { id: string; name: string; kind: 'region' | 'authority' | 'school'; parentId?: string }[];
  values: {
    period: string;
    indicatorId: string;
    organizationId: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    suppressed: boolean;
  }[];
  formBreakdown: {
    period: string;
    organizationId: string;
    form: string;
    count: number | null;
    suppressed: boolean;
  }[];
}

/** One region of the published rollup in the dashboard's format (published values only). */
export function dashboardFile(rollup: Rollup, region: string): DashboardFile {
  const { results, published } = rollup;
  const parent = new Map<string, string | undefined>();
  for (const v of results.values) parent.set(v.organizationId, v.parentId);
  const inRegion = (id: string): boolean => {
    for (let at: string | undefined = id; at !== undefined; at = parent.get(at))
      if (at === region) return true;
    return false;
  };
  const depth = (id: string) => {
    let d = 0;
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) d++;
    return d;
  };
  const kinds = ['region', 'authority', 'school'] as const;
  const ids = [...parent.keys()].filter(inRegion);
  const period = results.period.label;
  const num = (x: PublishedValue['value']) => (typeof x === 'number' ? x : null);
  const file: DashboardFile = {
    title: `Мониторинг целевой модели наставничества — регион ${region} (национальный свод)`,
    asOf: results.asOf,
    periods: [{ id: period, label: period }],
    indicators: SHOWN.map((id) => {
      const d = defaultIndicators.find((x) => x.id === id)!;
      return { id, name: d.name.ru, unit: d.unit, ...(d.target !== undefined ? { target: d.target } : {}) };
    }),
    organizations: ids.map((id) => {
      const p = parent.get(id);
      return {
        id,
        name: id,
        kind: kinds[Math.min(depth(id), 2)]!,
        ...(p !== undefined && id !== region ? { parentId: p } : {}),
      };
    }),
    values: [],
    formBreakdown: [],
  };
  const shown = new Set<string>(SHOWN);
  for (const v of published) {
    if (!inRegion(v.organizationId)) continue;
    const suppressed =
      v.value === 'suppressed' || v.numerator === 'suppressed' || v.denominator === 'suppressed';
    if (v.indicatorId === 'process.pairsByForm' && v.breakdown) {
      file.formBreakdown.push({
        period,
        organizationId: v.organizationId,
        form: v.breakdown.key,
        count: suppressed ? null : num(v.numerator),
        suppressed,
      });
    } else if (shown.has(v.indicatorId) && !v.breakdown) {
      file.values.push({
        period,
        indicatorId: v.indicatorId,
        organizationId: v.organizationId,
        numerator: suppressed ? null : num(v.numerator),
        denominator: suppressed ? null : num(v.denominator),
        value: suppressed ? null : num(v.value),
        suppressed,
      });
    }
  }
  return file;
}
