// At-risk detection over 1,000,000 pair snapshots on one date, as ratios to named peers in the same run:
// - `findAttention`: every finding of the seeds (meetings, plan, programme, consents, surveys), with
//   its addressees and seed rule (its key and messages are made when read: not timed here);
// - peer `findPairOverdue` loop: the machine's older check (plan items, weeks without a meeting,
//   programme end) over the same snapshots;
// - peer hand-written loop: only «days since the last meeting ≥ 7» — the floor of any such check.
// Snapshots are the states of 2,000 realistic pair histories (bench/histories.ts) cut at a random
// day of the year (not timed), each reused under 500 pair ids; batches of 10,000 keep memory flat.
// Each method runs in its own child process; peak RSS is the child's.
//   pnpm bench                 (BENCH_ATTENTION_PAIRS=100000 pnpm bench for a quick run)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { publishBench } from '../../../scripts/bench-publish';
import { findAttention, findPairOverdue, PairEventSchema, type PairSnapshot, replayPair } from '../src/index';
import { history, mulberry32 } from './histories';

const PAIRS = Number(process.env.BENCH_ATTENTION_PAIRS ?? 1_000_000);
const POOL = 2000;
const BATCH = 10_000;
const DATE = '2024-01-20';
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

/** Realistic snapshots: each history replayed up to a random cut-off day between September and the date. */
function pool(): PairSnapshot[] {
  const rnd = mulberry32(20240120);
  const out: PairSnapshot[] = [];
  for (let i = 0; i < POOL; i++) {
    const h = history(i, rnd);
    const cut = new Date(Date.UTC(2023, 8, 1) + Math.floor(rnd() * 141) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const events = h.events.filter((e) => e.date <= cut).map((e) => PairEventSchema.parse(e));
    out.push(replayPair(h.world.initial, events).snapshot);
  }
  return out;
}

type Method = 'findAttention' | 'findPairOverdue' | 'minimal';
interface Measure {
  readonly ms: number;
  readonly cpuMs: number;
  readonly findings: number;
  readonly rss: number;
}

const dayNo = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

function measure(method: Method): Measure {
  const base = pool();
  const today = dayNo(DATE);
  let ms = 0;
  let cpuMs = 0;
  let findings = 0;
  for (let b = 0; b < PAIRS; b += BATCH) {
    const n = Math.min(BATCH, PAIRS - b);
    const batch: PairSnapshot[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const s = base[(b + k) % POOL] as PairSnapshot;
      batch[k] = {
        ...s,
        context: { ...s.context, pairId: `p${b + k}` as PairSnapshot['context']['pairId'] },
      };
    }
    const t = performance.now();
    const c = process.cpuUsage();
    if (method === 'findAttention') {
      findings += findAttention({ pairs: batch }, DATE).length;
    } else if (method === 'findPairOverdue') {
      for (const s of batch) findings += findPairOverdue(s, DATE, { maxWeeksWithoutMeeting: 1 }).length;
    } else {
      for (const s of batch) {
        const ctx = s.context;
        if (ctx.order === null || ctx.completedAt !== null || ctx.termination !== null) continue;
        const last = ctx.meetings.at(-1)?.date ?? ctx.order.date;
        if (today - dayNo(last) >= 7) findings++;
      }
    }
    ms += performance.now() - t;
    const u = process.cpuUsage(c);
    cpuMs += (u.user + u.system) / 1000;
  }
  return { ms, cpuMs, findings, rss: process.resourceUsage().maxRSS * 1024 };
}

const child = process.argv[2] as Method | undefined;
if (child) {
  process.stdout.write(JSON.stringify(measure(child)));
} else {
  const run = (m: Method): Measure =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, process.argv[1] as string, m], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    ) as Measure;
  const load = loadavg()[0] ?? 0;
  const ours = run('findAttention');
  const overdue = run('findPairOverdue');
  const minimal = run('minimal');
  const s = (m: Measure) => (m.ms / 1000).toFixed(2);
  const ratio = (m: Measure) => (ours.ms / m.ms).toFixed(1);
  const cpuRatio = (m: Measure) => (ours.cpuMs / m.cpuMs).toFixed(1);
  const md = [
    `At-risk detection over ${PAIRS.toLocaleString('en-US')} pair snapshots on ${DATE} (states of ${POOL.toLocaleString('en-US')} realistic histories cut at a random day, batches of ${BATCH.toLocaleString('en-US')}); each method in its own process. Load average at start ${load.toFixed(2)} on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}. Goal: \`findAttention\` ≤ 10 s.`,
    '',
    '| method | time | CPU time | ratio `findAttention` / method (wall, CPU) | findings | peak RSS |',
    '|---|---|---|---|---|---|',
    `| \`findAttention\` (every finding; its messages made when read) | ${s(ours)} s | ${(ours.cpuMs / 1000).toFixed(2)} s | 1.0, 1.0 | ${ours.findings.toLocaleString('en-US')} | ${mb(ours.rss)} |`,
    `| peer: \`findPairOverdue\` loop (plan items, weeks without a meeting, programme end) | ${s(overdue)} s | ${(overdue.cpuMs / 1000).toFixed(2)} s | ${ratio(overdue)}, ${cpuRatio(overdue)} | ${overdue.findings.toLocaleString('en-US')} | ${mb(overdue.rss)} |`,
    `| peer: hand-written loop (days since the last meeting only) | ${s(minimal)} s | ${(minimal.cpuMs / 1000).toFixed(2)} s | ${ratio(minimal)}, ${cpuRatio(minimal)} | ${minimal.findings.toLocaleString('en-US')} | ${mb(minimal.rss)} |`,
  ].join('\n');
  process.stdout.write(`${md}\n`);
  if (PAIRS === 1_000_000) publishBench('machines', md, 'attention');
}
