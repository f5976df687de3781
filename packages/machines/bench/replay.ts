// Replay throughput, memory and stored size for 100,000 pairs with realistic
// histories, all in one run, as ratios to xstate's own actor loop:
// - fast path: `replayMany` over an async iterable yielding each log's rows as
//   one item (as a PostgreSQL cursor returns a page of rows), events as stored
//   (validated on append);
// - the same, one row per item;
// - `replayPair`: the same pure reducer, one pair at a time, from an array;
// - `replayPairUntrusted`: zod validation of every event, then the reducer;
// - peer: xstate's `createActor` + `send` over the same, already validated, events.
// Each method runs in its own child process over the same deterministic
// histories (generation not timed), so that no method's JIT profile or heap
// slows another; peak RSS is the child's. A last child streams every history
// through `replayMany`, generated on the fly, to show memory flat in the
// number of pairs.
// Programmes (the four seed roadmaps, 58 events each on average) are replayed
// the same way, against their own actor loop.
//   pnpm bench                 (BENCH_PAIRS=20000 pnpm bench for a quick run;
//                               BENCH_ACTOR_PAIRS=n runs the actor peer on the first n pairs only)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import { publishBench } from '../../../scripts/bench-publish';
import { driveProgramme } from '../src/__fixtures__/programmeDriver';
import {
  createProgrammeSnapshot,
  type PairEvent,
  PairEventSchema,
  type PairSnapshot,
  type ProgrammeEvent,
  ProgrammeEventSchema,
  type ProgrammeSnapshot,
  pairMachine,
  persistPair,
  programmeMachine,
  programmePresets,
  type ReplayItem,
  replayMany,
  replayPair,
  replayPairUntrusted,
} from '../src/index';
import { type History, history, mulberry32 } from './histories';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100_000);
const ACTOR_PAIRS = Math.min(PAIRS, Number(process.env.BENCH_ACTOR_PAIRS ?? PAIRS));
const PROGRAMMES = Math.max(100, Math.round(PAIRS / 10));
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
  paged: boolean,
): AsyncGenerator<ReplayItem> {
  for (let k = 0; k < batch.length; k++) {
    const id = `p${from + k}`;
    yield { kind: 'pair', id, initial: (batch[k] as History).world.initial };
    const events = stored[k] as readonly PairEvent[];
    if (paged) yield { id, events };
    else for (const event of events) yield { id, event };
  }
}

type Method = 'fast' | 'rows' | 'replayPair' | 'untrusted' | 'actor';
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
  const pairs = method === 'actor' ? ACTOR_PAIRS : PAIRS;
  for (let b = 0; b < pairs; b += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, pairs - b) }, (_, k) => history(b + k, rnd));
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
    if (method === 'fast' || method === 'rows') {
      for await (const r of replayMany(rows(batch, stored, b, method === 'fast'))) {
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

// Programmes: the four seed roadmaps started on 25 dates (their whole logs, driven once, not
// timed); each programme replays its log read back from JSON (fresh objects, as from a database).
interface ProgrammeMeasure {
  readonly ms: number;
  readonly cpuMs: number;
  readonly events: number;
  readonly programmes: number;
  readonly rss: number;
}

function programmeLogs(): { initial: ProgrammeSnapshot; json: string }[] {
  const out: { initial: ProgrammeSnapshot; json: string }[] = [];
  for (const preset of Object.values(programmePresets)) {
    for (let d = 0; d < 25; d++) {
      const date = `2023-08-${String(d + 1).padStart(2, '0')}`;
      const initial = createProgrammeSnapshot(preset, { date, period: { academicYear: '2023-2024' } });
      const log = driveProgramme(initial).log.map((e) => ProgrammeEventSchema.parse(e));
      out.push({ initial, json: JSON.stringify(log) });
    }
  }
  return out;
}

async function measureProgrammes(method: 'programme' | 'programmeActor'): Promise<ProgrammeMeasure> {
  const logs = programmeLogs();
  let ms = 0;
  let cpuMs = 0;
  let events = 0;
  for (let b = 0; b < PROGRAMMES; b += BATCH) {
    const n = Math.min(BATCH, PROGRAMMES - b);
    const batch = Array.from({ length: n }, (_, k) => logs[(b + k) % logs.length] as (typeof logs)[number]);
    const stored = batch.map((l) => JSON.parse(l.json) as ProgrammeEvent[]);
    gc?.();
    const t = performance.now();
    const c = process.cpuUsage();
    if (method === 'programme') {
      async function* items(): AsyncGenerator<ReplayItem> {
        for (let k = 0; k < n; k++) {
          const id = `g${b + k}`;
          yield { kind: 'programme', id, initial: (batch[k] as (typeof batch)[number]).initial };
          yield { id, events: stored[k] as ProgrammeEvent[] };
        }
      }
      for await (const r of replayMany(items())) {
        if (r.refused) fail(`${r.id}: event ${r.refused.index} refused: ${r.refused.refusal.code}`);
        events += r.applied;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const actor = createActor(programmeMachine, {
          snapshot: (batch[k] as (typeof batch)[number]).initial,
        }).start();
        for (const e of stored[k] as ProgrammeEvent[]) actor.send(e);
        events += actor.getSnapshot().context.eventCount;
        actor.stop();
      }
    }
    ms += performance.now() - t;
    const used = process.cpuUsage(c);
    cpuMs += (used.user + used.system) / 1000;
  }
  return { ms, cpuMs, events, programmes: PROGRAMMES, rss: process.resourceUsage().maxRSS * 1024 };
}

const child = process.argv[2];
if (child === 'stream') {
  console.log(JSON.stringify(await stream()));
} else if (child === 'programme' || child === 'programmeActor') {
  console.log(JSON.stringify(await measureProgrammes(child)));
} else if (child !== undefined) {
  console.log(JSON.stringify(await measure(child as Method)));
} else {
  const [load1] = loadavg();
  const started = new Date().toISOString().slice(0, 10);
  const run = (arg: string): string =>
    execFileSync(process.execPath, [...process.execArgv, process.argv[1] as string, arg], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 20,
    });
  const m = {} as Record<Method, Measure>;
  for (const method of ['fast', 'rows', 'replayPair', 'untrusted', 'actor'] as const) {
    m[method] = JSON.parse(run(method)) as Measure;
    if ((method !== 'actor' || ACTOR_PAIRS === PAIRS) && m[method].events !== m.fast.events)
      fail(`${method} applied ${m[method].events} events`);
  }
  const g = {
    fast: JSON.parse(run('programme')) as ProgrammeMeasure,
    actor: JSON.parse(run('programmeActor')) as ProgrammeMeasure,
  };
  if (g.fast.events !== g.actor.events) fail(`programme actor applied ${g.actor.events} events`);
  const s = JSON.parse(run('stream')) as { heap: number[]; rss: number };
  const { events, completed, terminated } = m.fast;
  const rate = (x: { events: number }, t: number) => x.events / (t / 1000);
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const row = (name: string, x: Measure | ProgrammeMeasure, peer: Measure | ProgrammeMeasure) =>
    `| ${name} | ${n(rate(x, x.cpuMs))} | ${(rate(x, x.cpuMs) / rate(peer, peer.cpuMs)).toFixed(1)}× | ${n(rate(x, x.ms))} | ${(x.ms / 1000).toFixed(1)} s | ${(rate(x, x.ms) / rate(peer, peer.ms)).toFixed(1)}× | ${mb(x.rss)} |`;
  const [end1] = loadavg();
  const actorNote =
    ACTOR_PAIRS < PAIRS
      ? ` The actor peer ran on the first ${ACTOR_PAIRS.toLocaleString('en')} pairs (${m.actor.events.toLocaleString('en')} events); its rates are per event, so the ratios compare like with like.`
      : '';
  const lines = [
    `Replay of ${PAIRS.toLocaleString('en')} pairs (${completed.toLocaleString('en')} completed, ${terminated.toLocaleString('en')} terminated early), ${events.toLocaleString('en')} stored events (${(events / PAIRS).toFixed(1)} per pair), each method in its own process over the same histories (generation not timed). ${started}, Node ${process.version}, load average ${load1?.toFixed(1)} at the start and ${end1?.toFixed(1)} at the end on a shared 2-core machine: events per CPU-second are the fair figure, wall time is what the load left.${actorNote}`,
    '',
    '| method | events per CPU-second | vs actor (CPU) | events/s (wall) | wall time | vs actor (wall) | peak RSS |',
    '|---|---|---|---|---|---|---|',
    row('fast path: `replayMany`, one item per log (a cursor page of its rows)', m.fast, m.actor),
    row('`replayMany`, one item per row', m.rows, m.actor),
    row('`replayPair`: an array per pair', m.replayPair, m.actor),
    row('`replayPairUntrusted`: zod validation of every event, then the replay', m.untrusted, m.actor),
    row('peer: xstate `createActor` + `send` (validated events)', m.actor, m.actor),
    '',
    `Programmes: ${g.fast.programmes.toLocaleString('en')} (the four seed roadmaps), ${g.fast.events.toLocaleString('en')} events (${(g.fast.events / g.fast.programmes).toFixed(1)} per programme).`,
    '',
    '| method | events per CPU-second | vs actor (CPU) | events/s (wall) | wall time | vs actor (wall) | peak RSS |',
    '|---|---|---|---|---|---|---|',
    row('fast path: `replayMany`, one item per log', g.fast, g.actor),
    row('peer: xstate `createActor` + `send` (validated events)', g.actor, g.actor),
    '',
    `- **Stored size per pair**: ${n(m.fast.sizeBefore / PAIRS)} B in format 1 (the whole xstate persisted snapshot) → ${n(m.fast.sizeAfter / PAIRS)} B in the compact format 2 (\`persistPair\`; largest ${n(m.fast.sizeMax)} B).`,
    `- **Memory when streaming**: all ${PAIRS.toLocaleString('en')} pairs through \`replayMany\`, generated on the fly: heap ${mb(s.heap[0] ?? 0)} after ${Math.ceil(PAIRS / 10).toLocaleString('en')} pairs and ${mb(s.heap[1] ?? 0)} after ${PAIRS.toLocaleString('en')}${gc ? '' : ' (run with --expose-gc for exact figures)'}; peak RSS ${mb(s.rss)}. Peak RSS of the timed children includes the current batch of ${BATCH.toLocaleString('en')} generated histories.`,
  ];
  const md = lines.join('\n');
  console.log(md);
  // The run is 100,000 pairs; on a loaded shared machine 20,000 is what finishes in time.
  if (PAIRS >= 20_000) publishBench('machines', md, 'replay');
}
