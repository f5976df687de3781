// Replay throughput and memory for 100,000 pairs with realistic histories.
// Ours: replayPair (zod validation of every event + the rules that explain
// refusals + xstate's pure transition). Peer: xstate's own createActor + send
// loop over the same, already validated, events (no validation, no reasons).
//   pnpm bench                 (BENCH_PAIRS=20000 pnpm bench for a quick run)
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import {
  type PairEvent,
  PairEventSchema,
  type PairSnapshot,
  pairMachine,
  replayPairUntrusted,
} from '../src/index';
import { history, mulberry32 } from './histories';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100_000);
const BATCH = 1000;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};

gc?.();
const baseHeap = process.memoryUsage().heapUsed;
const rnd = mulberry32(20230901);
const finals: PairSnapshot[] = [];
let events = 0;
let oursMs = 0;
let peerMs = 0;
let completed = 0;
let terminated = 0;

for (let b = 0; b < PAIRS; b += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, PAIRS - b) }, (_, k) => history(b + k, rnd));
  // Stored logs are JSON: replay from JSON, as an integrator would.
  const stored = batch.map((h) => JSON.parse(JSON.stringify(h.events)) as unknown[]);
  const parsed: PairEvent[][] = stored.map((es) => es.map((e) => PairEventSchema.parse(e)));

  let t = performance.now();
  for (let k = 0; k < batch.length; k++) {
    const r = replayPairUntrusted(batch[k]!.world.initial, stored[k]!);
    if (r.refused)
      throw new Error(`pair ${b + k}: event ${r.refused.index} refused: ${r.refused.refusal.code}`);
    finals.push(r.snapshot);
    events += r.applied;
    if (r.snapshot.value === 'completed') completed++;
    if (r.snapshot.value === 'terminated') terminated++;
  }
  oursMs += performance.now() - t;

  t = performance.now();
  for (let k = 0; k < batch.length; k++) {
    const actor = createActor(pairMachine, { snapshot: batch[k]!.world.initial }).start();
    for (const e of parsed[k]!) actor.send(e);
    if (actor.getSnapshot().value !== finals[b + k]!.value) throw new Error('peer disagrees');
    actor.stop();
  }
  peerMs += performance.now() - t;
  sample();
}

// Measure what the final snapshots alone keep alive (the batches are gone).
gc?.();
gc?.();
const retained = process.memoryUsage().heapUsed - baseHeap;
sample();
const kept = finals.reduce((n, s) => n + s.context.eventCount, 0); // keeps `finals` alive up to here
const perSec = (ms: number) => Math.round(events / (ms / 1000));
console.log(
  `pairs: ${PAIRS} (${completed} completed, ${terminated} terminated), events: ${events} (${(events / PAIRS).toFixed(1)} per pair)`,
);
console.log(
  `ours  replayPair (zod + rules + xstate transition): ${perSec(oursMs).toLocaleString('en')} events/s (${(oursMs / 1000).toFixed(1)} s)`,
);
console.log(
  `peer  xstate createActor + send (validated events):  ${perSec(peerMs).toLocaleString('en')} events/s (${(peerMs / 1000).toFixed(1)} s)`,
);
console.log(`ratio ours/peer: ${(perSec(oursMs) / perSec(peerMs)).toFixed(2)}×`);
const perPair = `${Math.round(retained / finals.length / 1024)} KB per pair`;
const exact = gc ? '' : ' (run with --expose-gc for an exact figure)';
console.log(
  `memory: ${finals.length} final snapshots (${kept} events) retained ≈ ${mb(retained)}, ${perPair}${exact}; peak heap ${mb(peakHeap)}, peak RSS ${mb(peakRss)}`,
);
