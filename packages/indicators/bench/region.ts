/**
 * `pnpm bench`: a generated region (1,000 organizations; at scale 1:
 * 1,000,000 pupils, 70,000 teachers, 300,000 pairs, 2,000,000 answers), all
 * indicators at every level, timed against the same computations as SQL in
 * DuckDB on the same data, asserting equal results; scales 250k, 500k, 1M.
 *
 * Run: node --expose-gc --max-old-space-size=12000 --conditions=nastavnik-source --import tsx bench/region.ts [scales…]
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildOrganizationTree } from '@nastavnik/core';
import { publishBench } from '../../../scripts/bench-publish';
import {
  type Accumulator,
  computeIndicators,
  createAccumulator,
  evaluateIndicators,
  IndicatorDatasetSchema,
  IndicatorParamsSchema,
  type IndicatorValue,
  parseDataset,
  resolvePeriod,
} from '../src/index';
import { computeDuckDb, loadDuckDb, type SqlResult } from './duckdb';
import { generateRegion } from './generate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const REPS = Number(process.env.BENCH_REPS ?? 3);

interface Timing<T> {
  /** The first call (cold), then the median, fastest and slowest of the following calls (warm). */
  cold: number;
  warm: number;
  warmMin: number;
  warmMax: number;
  /** Process CPU time (every thread) of the cold call and the median of the warm ones. */
  cpuCold: number;
  cpuWarm: number;
  result: T;
}

/** The same treatment for both sides: one cold call, then `reps` warm calls. */
async function timeRuns<T>(reps: number, f: () => Promise<T> | T): Promise<Timing<T>> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let result: T | undefined;
  for (let i = 0; i <= reps; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = await f();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const warm = walls.slice(1).sort((a, b) => a - b);
  const warmCpu = cpus.slice(1).sort((a, b) => a - b);
  const mid = Math.floor((warm.length - 1) / 2);
  return {
    cold: walls[0]!,
    warm: warm[mid]!,
    warmMin: warm[0]!,
    warmMax: warm.at(-1)!,
    cpuCold: cpus[0]!,
    cpuWarm: warmCpu[mid]!,
    result: result as T,
  };
}

function expectedFromSql(
  sql: SqlResult,
  ours: readonly IndicatorValue[],
  orgs: Parameters<typeof buildOrganizationTree>[0],
  asOf: string,
) {
  const tree = buildOrganizationTree(orgs);
  const accs = new Map<string, Accumulator>();
  for (const [org, row] of sql) {
    const acc = createAccumulator();
    const get = (k: string) => row.get(k) ?? 0;
    for (const k of Object.keys(acc) as (keyof Accumulator)[]) {
      if (typeof acc[k] === 'number') (acc as unknown as Record<string, number>)[k] = get(k) ?? 0;
    }
    for (const r of Object.keys(acc.terminatedByReason) as (keyof Accumulator['terminatedByReason'])[]) {
      acc.terminatedByReason[r] = get(`reason.${r}`) ?? 0;
    }
    for (let s = 1; s <= 10; s++) {
      acc.satisfactionMentor[s] = get(`satMentor.${s}`) ?? 0;
      acc.satisfactionMentee[s] = get(`satMentee.${s}`) ?? 0;
    }
    for (const [role, sums] of [
      ['saMentor', acc.selfAssessmentMentor],
      ['saMentee', acc.selfAssessmentMentee],
    ] as const) {
      sums.respondents = get(`${role}.n`) ?? 0;
      sums.deltaSum = get(`${role}.delta`) ?? 0;
      sums.improved = get(`${role}.improved`) ?? 0;
    }
    for (const [k, v] of row) {
      if (k.startsWith('form.') && v) acc.pairsByForm.set(k.slice(5), v);
      if (k.startsWith('format.') && v) acc.pairsByFormat.set(k.slice(7), v);
    }
    accs.set(org, acc);
  }
  const period = ours[0]!.period;
  const expected = evaluateIndicators(accs, tree, { asOf, period, params: IndicatorParamsSchema.parse({}) });
  // Medians come straight from SQL `median()` over the underlying values.
  const median = (org: string, k: string) => sql.get(org)?.get(k) ?? null;
  return expected.map((v) => {
    if (v.indicatorId === 'process.daysToPair')
      return { ...v, value: median(v.organizationId, 'daysToPair.median') };
    if (v.indicatorId === 'satisfaction.mentorMedian')
      return { ...v, value: median(v.organizationId, 'satisfaction.mentor.median') };
    if (v.indicatorId === 'satisfaction.menteeMedian')
      return { ...v, value: median(v.organizationId, 'satisfaction.mentee.median') };
    return v;
  });
}

function assertEqual(ours: readonly IndicatorValue[], theirs: IndicatorValue[]): number {
  const key = (v: IndicatorValue) => `${v.indicatorId}|${v.organizationId}|${v.breakdown?.key ?? ''}`;
  const t = new Map(theirs.map((v) => [key(v), v]));
  let checked = 0;
  const problems: string[] = [];
  for (const v of ours) {
    const w = t.get(key(v));
    if (!w) {
      problems.push(`missing in SQL: ${key(v)}`);
      continue;
    }
    const close = (a: number | null, b: number | null) =>
      a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
    if (v.numerator !== w.numerator || v.denominator !== w.denominator || !close(v.value, w.value)) {
      problems.push(
        `${key(v)}: ours ${v.numerator}/${v.denominator}=${v.value}, SQL ${w.numerator}/${w.denominator}=${w.value}`,
      );
    }
    checked++;
  }
  if (ours.length !== theirs.length) problems.push(`row counts differ: ${ours.length} vs ${theirs.length}`);
  if (problems.length > 0) {
    throw new Error(`results differ (${problems.length}):\n${problems.slice(0, 20).join('\n')}`);
  }
  return checked;
}

interface Row {
  scale: string;
  pupils: number;
  responses: number;
  validateMs: number;
  zodMs: number;
  js: Timing<unknown>;
  duck: Timing<unknown>;
  duckLoadMs: number;
  values: number;
  jsHeap: number;
  rss: number;
}

async function main() {
  const scales = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  const list = scales.length > 0 ? scales : [0.25, 0.5, 1];
  const asOf = '2024-05-31';
  const periodInput = { kind: 'academicYear', year: '2023-2024' } as const;
  const rows: Row[] = [];
  const load0 = loadavg()[0]!.toFixed(1);
  for (const scale of list) {
    const g = generateRegion(scale);
    console.log(`scale ${scale}:`, JSON.stringify(g.counts));
    const v0 = performance.now();
    const ds = parseDataset(g.dataset);
    const validateMs = performance.now() - v0;
    gc();
    // The zod schema on the same records, for comparison (what parseDataset ran before its fast path).
    const z0 = performance.now();
    IndicatorDatasetSchema.parse(g.dataset);
    const zodMs = performance.now() - z0;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    let heapPeak = 0;
    const js = await timeRuns(REPS, () => {
      const out = computeIndicators(ds, { asOf, period: periodInput });
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heap0);
      return out;
    });
    const rssAfterJs = peakRss();
    const l0 = performance.now();
    const dir = `/tmp/nastavnik-indicators-bench-${scale}`;
    const conn = await loadDuckDb(ds, dir);
    const duckLoadMs = performance.now() - l0;
    const duck = await timeRuns(REPS, () =>
      computeDuckDb(conn, asOf, resolvePeriod(periodInput), IndicatorParamsSchema.parse({})),
    );
    const checked = assertEqual(
      js.result.values,
      expectedFromSql(duck.result, js.result.values, ds.organizations, asOf),
    );
    console.log(`  equal results: ${checked} values (every indicator × every organization × breakdown)`);
    conn.closeSync();
    rmSync(dir, { recursive: true, force: true });
    rows.push({
      scale: `${scale}`,
      pupils: g.counts.pupils!,
      responses: g.counts.responses!,
      validateMs,
      zodMs,
      js,
      duck,
      duckLoadMs,
      values: checked,
      jsHeap: heapPeak,
      rss: rssAfterJs,
    });
    console.log(
      `  JS cold ${js.cold.toFixed(0)} ms, warm ${js.warm.toFixed(0)} ms; DuckDB cold ${duck.cold.toFixed(0)} ms, warm ${duck.warm.toFixed(0)} ms`,
    );
  }
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  say(
    `pnpm bench:region ${list.join(' ')} — ${new Date().toISOString().slice(0, 16)}Z, commit ${commit}, load average ${load0} at start, ${loadavg()[0]!.toFixed(1)} at end; ${REPS} warm calls after one cold call, each side`,
  );
  say('');
  say(
    '| pupils | answers | validate (parseDataset, once) | zod schema (same records) | JS cold | JS warm (median, range) | DuckDB cold | DuckDB warm (median, range) | JS / DuckDB cold | JS / DuckDB warm | CPU JS cold, warm | CPU DuckDB cold, warm | JS heap growth | peak RSS after JS |',
  );
  say('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    say(
      `| ${r.pupils.toLocaleString('en')} | ${r.responses.toLocaleString('en')} | ${(r.validateMs / 1000).toFixed(1)} s | ${(r.zodMs / 1000).toFixed(1)} s | ${ms(r.js.cold)} | ${ms(r.js.warm)} (${ms(r.js.warmMin)}–${ms(r.js.warmMax)}) | ${ms(r.duck.cold)} | ${ms(r.duck.warm)} (${ms(r.duck.warmMin)}–${ms(r.duck.warmMax)}) | ${(r.js.cold / r.duck.cold).toFixed(2)}× | ${(r.js.warm / r.duck.warm).toFixed(2)}× | ${ms(r.js.cpuCold)}, ${ms(r.js.cpuWarm)} | ${ms(r.duck.cpuCold)}, ${ms(r.duck.cpuWarm)} | ${mib(r.jsHeap)} | ${mib(r.rss)} |`,
    );
  }
  const base = rows[0];
  if (base && rows.length > 1) {
    say('');
    say(
      'Time per pupil relative to the smallest scale (1.00 = linear; wall-clock warm median, then process CPU time warm and cold):',
    );
    for (const r of rows) {
      const f = r.pupils / base.pupils;
      const per = (x: number, b: number) => (x / b / f).toFixed(2);
      say(
        `- ×${f}: JS ${per(r.js.warm, base.js.warm)} (CPU warm ${per(r.js.cpuWarm, base.js.cpuWarm)}, cold ${per(r.js.cpuCold, base.js.cpuCold)}), DuckDB ${per(r.duck.warm, base.duck.warm)} (CPU warm ${per(r.duck.cpuWarm, base.duck.cpuWarm)}, cold ${per(r.duck.cpuCold, base.duck.cpuCold)})`,
      );
    }
  }
  writeFileSync(new URL('./results-region.md', import.meta.url), `${lines.join('\n')}\n`);
  publishBench('indicators', lines.join('\n'), 'region');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
