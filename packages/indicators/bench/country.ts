/**
 * `pnpm bench:country [pupils…]`: a synthetic country written straight to
 * Parquet by DuckDB SQL (default 1,000,000 pupils; 18,000,000 is Russia's
 * scale), then, each side in a fresh child process (cold: the first call;
 * warm: the second call in the same process), the same indicators at every
 * level:
 *   - ours: `computeIndicatorsSql` on DuckDB over the Parquet files, then `suppress`;
 *   - peer: hand-written DuckDB SQL of the same numbers (bench/duckdb.ts), no suppression.
 * Reported: wall time (median and range over runs), peak RSS of the process,
 * ratios ours / peer. Results go to bench/results-country.md (the guide includes it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { publishBench } from '../../../scripts/bench-publish';
import { duckDbRunner, syntheticCountrySql } from '../src/duckdb';
import { computeIndicatorsSql, IndicatorParamsSchema, resolvePeriod, suppress } from '../src/index';
import { computeDuckDb } from './duckdb';

const asOf = '2024-05-31';
const period = { kind: 'academicYear', year: '2023-2024' } as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// DuckDB's share of the 4 GiB goal; the rest is the JS side's (values, suppression).
const MEMORY = process.env.BENCH_DUCKDB_MEMORY ?? '2GB';
const dirOf = (pupils: number) => `/tmp/nastavnik-country-${pupils}`;
const rp = (dir: string, t: string) => `read_parquet('${dir}/${t}.parquet')`;

async function open() {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: MEMORY,
    threads: '2',
    temp_directory: '/tmp/nastavnik-duckdb-spill',
  });
  return { instance, connection: await instance.connect() };
}

/** One side, measured in this (child) process: two calls, cold then warm. */
async function side(name: 'ours' | 'peer', pupils: number): Promise<void> {
  const dir = dirOf(pupils);
  const { connection } = await open();
  const times: Timing[] = [];
  if (name === 'peer') {
    // The peer's own tables are views over the same Parquet files.
    const views: Record<string, string> = {
      orgs: `SELECT id, parent_id AS parent FROM ${rp(dir, 'organizations')}`,
      persons: `SELECT id, organization_id AS org, category, birth_date AS birth, age, experience_years AS exp, left_at FROM ${rp(dir, 'persons')}`,
      pairs: `SELECT p.id AS idx, organization_id AS org, mentor_id AS mentor, form, status, approved_at AS approved,
          CASE status WHEN 'completed' THEN completed_at WHEN 'terminated' THEN terminated_at END AS closed,
          termination_reason AS reason, extended, meetings_held AS held, meetings_planned AS planned, coalesce(m.n, 0) AS n_mentees
        FROM ${rp(dir, 'pairs')} p LEFT JOIN (SELECT pair_id, count(*) AS n FROM ${rp(dir, 'pair_mentees')} GROUP BY 1) m ON m.pair_id = p.id`,
      pair_mentees: `SELECT pair_id AS idx, mentee_id AS mentee FROM ${rp(dir, 'pair_mentees')}`,
      pair_formats: `SELECT pair_id AS idx, format FROM ${rp(dir, 'pair_formats')}`,
      pair_requests: `SELECT pair_id AS idx, request_id AS req FROM ${rp(dir, 'pair_requests')}`,
      requests: `SELECT seq AS ridx, id, mentee_id AS mentee, organization_id AS org, created_at AS created FROM ${rp(dir, 'requests')}`,
      mentors: `SELECT seq AS midx, person_id AS person, organization_id AS org, capacity FROM ${rp(dir, 'mentors')}`,
      training: `SELECT mentor_seq AS midx, hours, completed_at AS completed FROM ${rp(dir, 'mentor_trainings')}`,
      responses: `SELECT seq AS ridx, respondent_id AS respondent, organization_id AS org, role, kind, score, submitted_at AS submitted FROM ${rp(dir, 'responses')}`,
      activities: `SELECT organization_id AS org, due, done_at AS done FROM ${rp(dir, 'activities')}`,
      counters: `SELECT organization_id AS org, key, value FROM ${rp(dir, 'counters')}`,
    };
    for (const [v, sql] of Object.entries(views)) await connection.run(`CREATE VIEW ${v} AS ${sql}`);
  }
  for (let call = 0; call < 2; call++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (name === 'ours') {
      const results = await computeIndicatorsSql(duckDbRunner(connection), {
        dialect: 'duckdb',
        asOf,
        period,
        tables: (t) => rp(dir, t),
      });
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      suppress(results, { threshold: 5 });
      const t2 = performance.now();
      // Numbers returned: a numerator, a denominator and a value per row (null where the indicator has none).
      let numbers = 0;
      for (const v of results.values) {
        numbers += Number(v.numerator !== null) + Number(v.denominator !== null) + Number(v.value !== null);
      }
      times.push({
        total: t2 - t0,
        suppress: t2 - t1,
        suppressCpu: cpuSince(c1),
        values: numbers,
        cpu: cpuSince(c0),
      });
    } else {
      await connection.run(`CREATE OR REPLACE TEMP TABLE anc AS WITH RECURSIVE a(org, anc) AS (
        SELECT id, id FROM orgs UNION ALL SELECT a.org, o.parent FROM a JOIN orgs o ON o.id = a.anc WHERE o.parent IS NOT NULL
      ) SELECT * FROM a`);
      const out = await computeDuckDb(
        connection,
        asOf,
        resolvePeriod(period),
        IndicatorParamsSchema.parse({}),
      );
      let numbers = 0;
      for (const m of out.values()) for (const v of m.values()) numbers += Number(v !== null);
      times.push({
        total: performance.now() - t0,
        suppress: 0,
        suppressCpu: 0,
        values: numbers,
        cpu: cpuSince(c0),
      });
    }
  }
  const rss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ name, pupils, cold: times[0], warm: times[1], rss })}\n`);
}

interface Timing {
  total: number;
  suppress: number;
  suppressCpu: number;
  /** Non-null numbers returned, every organization and breakdown. */
  values: number;
  cpu: number;
}
interface Sample {
  cold: Timing;
  warm: Timing;
  rss: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const span = (xs: number[]) => `${sec(median(xs))} (${sec(Math.min(...xs))}–${sec(Math.max(...xs))})`;
const cpuSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;

async function main(): Promise<void> {
  const sideArg = process.argv.find((a) => a.startsWith('--side='));
  const sizes = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'))
    .map(Number)
    .filter((x) => x > 0);
  if (sideArg) {
    await side(sideArg.slice(7) as 'ours' | 'peer', sizes[0]!);
    return;
  }
  const lines: string[] = [];
  const say = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  const load = loadavg().map((x) => x.toFixed(1));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  say(
    `pnpm bench:country ${sizes.join(' ') || '1000000'} — ${new Date().toISOString().slice(0, 16)}Z, commit ${commit}`,
  );
  say(
    `load average at start ${load.join(' ')} on ${process.env.BENCH_MACHINE ?? '2 cores'}; DuckDB memory_limit ${MEMORY}, 2 threads; ${RUNS} runs per side, each in a fresh process`,
  );
  say('');
  say(
    '| pupils | side | cold (median, range) | warm (median, range) | suppression, warm (wall / CPU) | CPU time cold / warm (all threads) | CPU per pupil, warm | peak RSS | numbers returned |',
  );
  say('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  const ratios: string[] = [];
  const perPupil: [number, number, number][] = [];
  for (const pupils of sizes.length > 0 ? sizes : [1_000_000]) {
    const dir = dirOf(pupils);
    if (!existsSync(`${dir}/responses.parquet`)) {
      mkdirSync(dir, { recursive: true });
      const { connection } = await open();
      const t0 = performance.now();
      for (const sql of syntheticCountrySql({ pupils, dir })) await connection.run(sql);
      console.log(`generated ${pupils} pupils to Parquet in ${sec(performance.now() - t0)} (${dir})`);
    }
    const samples: Record<'ours' | 'peer', Sample[]> = { ours: [], peer: [] };
    for (let r = 0; r < RUNS; r++) {
      for (const name of r % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const)) {
        const child = spawnSync(
          process.execPath,
          [...process.execArgv, process.argv[1]!, `--side=${name}`, String(pupils)],
          { encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
        samples[name].push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Sample);
      }
    }
    for (const name of ['ours', 'peer'] as const) {
      const s = samples[name];
      say(
        `| ${pupils.toLocaleString('en')} | ${name === 'ours' ? 'ours: compiled SQL + suppress' : 'peer: hand-written DuckDB SQL'} | ${span(s.map((x) => x.cold.total))} | ${span(s.map((x) => x.warm.total))} | ${name === 'ours' ? `${sec(median(s.map((x) => x.warm.suppress)))} / ${sec(median(s.map((x) => x.warm.suppressCpu)))}` : '—'} | ${sec(median(s.map((x) => x.cold.cpu)))} / ${sec(median(s.map((x) => x.warm.cpu)))} | ${((1000 * median(s.map((x) => x.warm.cpu))) / pupils).toFixed(2)} µs | ${gib(median(s.map((x) => x.rss)))} | ${s[0]!.cold.values.toLocaleString('en')} |`,
      );
    }
    const m = (name: 'ours' | 'peer', f: (x: Sample) => number) => median(samples[name].map(f));
    perPupil.push([pupils, m('ours', (x) => x.warm.cpu) / pupils, m('peer', (x) => x.warm.cpu) / pupils]);
    ratios.push(
      `${pupils.toLocaleString('en')} pupils: ours/peer cold ${(m('ours', (x) => x.cold.total) / m('peer', (x) => x.cold.total)).toFixed(2)}×, warm ${(m('ours', (x) => x.warm.total) / m('peer', (x) => x.warm.total)).toFixed(2)}×; without suppression warm ${(m('ours', (x) => x.warm.total - x.warm.suppress) / m('peer', (x) => x.warm.total)).toFixed(2)}×; CPU time cold ${(m('ours', (x) => x.cold.cpu) / m('peer', (x) => x.cold.cpu)).toFixed(2)}×, warm ${(m('ours', (x) => x.warm.cpu) / m('peer', (x) => x.warm.cpu)).toFixed(2)}×; peak RSS ${(m('ours', (x) => x.rss) / m('peer', (x) => x.rss)).toFixed(2)}×`,
    );
  }
  say('');
  for (const r of ratios) say(`- ${r}`);
  if (perPupil.length > 1) {
    const [p0, ours0, peer0] = perPupil[0]!;
    say(
      `- linear in pupils: warm CPU per pupil relative to ${p0.toLocaleString('en')} pupils — ${perPupil
        .map(
          ([p, ours, peer]) =>
            `${p.toLocaleString('en')}: ours ${(ours / ours0).toFixed(2)}×, peer ${(peer / peer0).toFixed(2)}×`,
        )
        .join('; ')}`,
    );
  }
  say(
    `- load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  writeFileSync(new URL('./results-country.md', import.meta.url), `${lines.join('\n')}\n`);
  publishBench('indicators', lines.join('\n'), 'country');
}

await main();
