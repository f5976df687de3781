/**
 * Child process of `fuzzChild.test.ts`: every public entry of machines that
 * takes data from outside (a stored snapshot, a stored event log, a policy
 * with numbers in it) gets random JSON-like values; each call must return or
 * throw a NastavnikError. Prints one JSON line per case. The parent runs it
 * under a 256 MB heap and a deadline, so a heap overflow, a stack overflow
 * outside a try, or a hang fails the test.
 */
import { isNastavnikError } from '@nastavnik/core';
import {
  findAttention,
  migratePairSnapshot,
  migrateProgrammeSnapshot,
  pairMachine,
  pairPhase,
  pairTransition,
  parsePairEvent,
  replayPairUntrusted,
  toMermaid,
} from '@nastavnik/machines';
import fc from 'fast-check';
import { candidates, makeWorld } from './pairWorld';

const { initial } = makeWorld();
const event = candidates(initial, 0)[0];

let calls = 0;
let typed = 0;
function call(f: () => unknown): void {
  calls++;
  try {
    f();
  } catch (e) {
    if (!isNastavnikError(e)) throw e;
    typed++;
  }
}

// Values a stored row can hold after a bad migration or a hand edit: JSON-like,
// with big numbers and long arrays among them.
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(null, undefined, 0, -1, 1e308, Number.NaN, '', 'x'.repeat(100_000)),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2000 }),
);
const nearSnapshot = fc.record({
  value: fc.oneof(junk, fc.constant(initial.value)),
  context: fc.oneof(junk, fc.constant(initial.context), fc.jsonValue({ maxDepth: 3 })),
});

const CASES: Record<string, () => void> = {
  'stored pair snapshots': () =>
    fc.assert(
      fc.property(fc.oneof(junk, nearSnapshot), (s) => {
        call(() => pairPhase(s as never));
        call(() => migratePairSnapshot(s));
        call(() => migrateProgrammeSnapshot(s));
        call(() => pairTransition(s as never, event as never));
      }),
      { numRuns: 400 },
    ),
  'stored event logs': () =>
    fc.assert(
      fc.property(
        fc.oneof(junk, fc.array(fc.oneof(junk, fc.constant(event)), { maxLength: 500 })),
        (events) => {
          call(() => replayPairUntrusted(initial, events));
          call(() => pairTransition(initial, parsePairEvent(Array.isArray(events) ? events[0] : events)));
        },
      ),
      { numRuns: 300 },
    ),
  'attention over junk, with junk policies': () =>
    fc.assert(
      fc.property(
        junk,
        junk,
        fc.oneof(junk, fc.record({ noMeeting: fc.record({ afterDays: fc.integer() }) })),
        (pairs, date, policy) => {
          call(() => findAttention({ pairs: pairs as never }, date as never, policy as never));
          call(() => findAttention({ pairs: [initial] }, '2026-12-07', policy as never));
        },
      ),
      { numRuns: 300 },
    ),
  'toMermaid with anything in place of the machine or its options': () =>
    fc.assert(
      fc.property(junk, junk, (m, o) => {
        call(() => toMermaid(m as never));
        call(() => toMermaid(pairMachine, o as never));
      }),
      { numRuns: 200 },
    ),
};

for (const name of process.argv.slice(2)) {
  const run = CASES[name];
  if (run === undefined) throw new Error(`no case ${name}`);
  const t0 = performance.now();
  run();
  process.stdout.write(
    `${JSON.stringify({ name, calls, typed, ms: Math.round(performance.now() - t0), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) })}\n`,
  );
}
