// Replay throughput, memory and stored size for 100,000 pairs with realistic
// histories, all in one run, as ratios to xstate's own actor loop:
// - fast path: `replayMany`, rows streamed one by one from an async iterable
//   (as from a PostgreSQL cursor), events as stored (validated on append);
// - `replayPair`: the same pure reducer, one pair at a time, from an array;
// - `replayPairUntrusted`: zod validation of every event, then the reducer;
// - peer: xstate's `createActor` + `send` over the same, already validated, events.
// Each method runs in its own child process over the same deterministic
// histories (generation not timed), so that no method's JIT profile or heap
// slows another; peak RSS is the child's. A last child streams every history
// through `replayMany`, generated on the fly, to show memory flat in the
// number of pairs.
//   pnpm bench                 (BENCH_PAIRS=20000 pnpm bench for a quick run)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import {
  type PairEvent,
  PairEventSchema,
  type PairSnapshot,
  pairMachine,
  persistPair,
  type ReplayItem,
  replayMany,
  replayPair,
  replayPairUntrusted,
} from '../src/index';
import { type History, history, mulberry32 } from './histories';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100_000);
const BATCH = 1000;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

const fail = (what: string): never => {
  throw new Error(what);
};

async function* rows(
  batch: readonly History[],
  stored: readonly (readonly PairEvent[])[],
  from: number,
): AsyncGenerator<ReplayItem> {
  for (let k = 0; k < batch.length; k++) {
    const id = `p${from + k}`;
    yield { kind: 'pair', id, initial: (batch[k] as History).world.initial };
    for (const event of stored[k] as readonly PairEvent[]) yield { id, event };
  }
}

type Method = 'fast' | 'replayPair' | 'untrusted' | 'actor';
interface Measure {
  readonly ms: number;
  /** CPU time of the timed sections (user + system): fairer than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly events: number;
  readonly completed: number;
  readonly terminated: number;
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  readonly sizeMax: number;
  readonly rss: number;
}

async function measure(method: Method): Promise<Measure> {
  const rnd = mulberry32(20230901);
  let ms = 0;
  let cpuMs = 0;
  let events = 0;
  let completed = 0;
  let terminated = 0;
  let sizeBefore = 0;
  let sizeAfter = 0;
  let sizeMax = 0;
  for (let b = 0; b < PAIRS; b += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, PAIRS - b) }, (_, k) => history(b + k, rnd));
    // What the log holds: the validated events pairTransition returned, as JSON.
    const json = batch.map((h) => JSON.stringify(h.events.map((e) => PairEventSchema.parse(e))));
    const stored = json.map((j) => JSON.parse(j) as PairEvent[]);
    const raw = json.map((j) => JSON.parse(j) as unknown[]);
    const finals: PairSnapshot[] = [];
    // The batch's histories are built: collect their garbage and move them out of the young
    // generation, so that the timed section pays for the replay's own allocations only.
    gc?.();
    const t = performance.now();
    const c = process.cpuUsage();
    if (method === 'fast') {
      for await (const r of replayMany(rows(batch, stored, b))) {
        if (r.refused) fail(`${r.id}: event ${r.refused.index} refused: ${r.refused.refusal.code}`);
        finals.push(r.snapshot as PairSnapshot);
        events += r.applied;
      }
    } else if (method === 'replayPair') {
      for (let k = 0; k < batch.length; k++) {
        const r = replayPair((batch[k] as History).world.initial, stored[k] as PairEvent[]);
        finals.push(r.snapshot);
        events += r.applied;
      }
    } else if (method === 'untrusted') {
      for (let k = 0; k < batch.length; k++) {
        const r = replayPairUntrusted((batch[k] as History).world.initial, raw[k]);
        finals.push(r.snapshot);
        events += r.applied;
      }
    } else {
      for (let k = 0; k < batch.length; k++) {
        const actor = createActor(pairMachine, { snapshot: (batch[k] as History).world.initial }).start();
        for (const e of stored[k] as PairEvent[]) actor.send(e);
        const s = actor.getSnapshot();
        finals.push({
          ...s,
          children: {},
          historyValue: {},
          output: undefined,
          error: undefined,
        } as PairSnapshot);
        events += s.context.eventCount;
        actor.stop();
      }
    }
    ms += performance.now() - t;
    const used = process.cpuUsage(c);
    cpuMs += (used.user + used.system) / 1000;
    for (const s of finals) {
      if (s.value === 'completed') completed++;
      if (s.value === 'terminated') terminated++;
      if (method !== 'fast') continue;
      // Before: format 1, the whole xstate persisted snapshot; after: persistPair (compact).
      sizeBefore += JSON.stringify({ version: 1, snapshot: s }).length;
      const after = JSON.stringify(persistPair(s)).length;
      sizeAfter += after;
      sizeMax = Math.max(sizeMax, after);
    }
  }
  const rss = process.resourceUsage().maxRSS * 1024;
  return { ms, cpuMs, events, completed, terminated, sizeBefore, sizeAfter, sizeMax, rss };
}

// Stream every history through replayMany, generated on the fly and dropped
// once replayed; heap measured after a GC at 10 % and at 100 %.
async function* everything(): AsyncGenerator<ReplayItem> {
  const again = mulberry32(20230901);
  for (let i = 0; i < PAIRS; i++) {
    const h = history(i, again);
    const id = `p${i}`;
    yield { kind: 'pair', id, initial: h.world.initial };
    for (const e of h.events) yield { id, event: PairEventSchema.parse(e) };
  }
}

async function stream(): Promise<{ readonly heap: number[]; readonly rss: number }> {
  const heap: number[] = [];
  let seen = 0;
  gc?.();
  for await (const r of replayMany(everything())) {
    if (r.refused) fail(`${r.id} refused`);
    seen++;
    if (seen === Math.ceil(PAIRS / 10) || seen === PAIRS) {
      gc?.();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  return { heap, rss: process.resourceUsage().maxRSS * 1024 };
}

const child = process.argv[2];
if (child === 'stream') {
  console.log(JSON.stringify(await stream()));
} else if (child !== undefined) {
  console.log(JSON.stringify(await measure(child as Method)));
} else {
  const run = (arg: string): string =>
    execFileSync(process.execPath, [...process.execArgv, process.argv[1] as string, arg], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 20,
    });
  const m = {} as Record<Method, Measure>;
  for (const method of ['fast', 'replayPair', 'untrusted', 'actor'] as const) {
    m[method] = JSON.parse(run(method)) as Measure;
    if (m[method].events !== m.fast.events) fail(`${method} applied ${m[method].events} events`);
  }
  const s = JSON.parse(run('stream')) as { heap: number[]; rss: number };
  const { events, completed, terminated } = m.fast;
  const perSec = (t: number) => Math.round(events / (t / 1000));
  const row = (name: string, x: Measure) =>
    `| ${name} | ${perSec(x.ms).toLocaleString('en')} | ${(x.ms / 1000).toFixed(1)} s | ${(perSec(x.ms) / perSec(m.actor.ms)).toFixed(1)}× | ${perSec(x.cpuMs).toLocaleString('en')} | ${(perSec(x.cpuMs) / perSec(m.actor.cpuMs)).toFixed(1)}× | ${mb(x.rss)} |`;
  const [l1, l5] = loadavg();
  console.log(
    `${new Date().toISOString().slice(0, 10)}, node ${process.version}, load average ${l1?.toFixed(1)} / ${l5?.toFixed(1)} (1 / 5 min) at the end`,
  );
  console.log(
    `pairs: ${PAIRS} (${completed} completed, ${terminated} terminated), events: ${events} (${(events / PAIRS).toFixed(1)} per pair)\n`,
  );
  console.log('| method | events/s (wall) | time | vs actor | events per CPU-second | vs actor | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('fast path: `replayMany`, rows streamed one by one (stored events)', m.fast));
  console.log(row('`replayPair`: the same reducer, an array per pair', m.replayPair));
  console.log(row('`replayPairUntrusted`: zod validation + the reducer', m.untrusted));
  console.log(row('peer: xstate `createActor` + `send` (validated events)', m.actor));
  console.log(
    `\nstored size per pair: before (format 1) ${Math.round(m.fast.sizeBefore / PAIRS)} B, after (\`persistPair\`, format 2) ${Math.round(m.fast.sizeAfter / PAIRS)} B (largest ${m.fast.sizeMax} B)`,
  );
  const exact = gc ? '' : ' (run with --expose-gc for exact figures)';
  console.log(
    `streaming all ${PAIRS} pairs through replayMany: heap after ${Math.ceil(PAIRS / 10)} pairs ${mb(s.heap[0] ?? 0)}, after ${PAIRS} ${mb(s.heap[1] ?? 0)}${exact}; peak RSS ${mb(s.rss)}`,
  );
}
