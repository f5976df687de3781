import {
  migratePairSnapshot,
  type PairEvent,
  PairEventSchema,
  type PairSnapshot,
  pairMachine,
  pairPhase,
  pairTransition,
  persistPair,
  type ReplayItem,
  replayMany,
  replayPair,
  replayPairUntrusted,
} from '@nastavnik/machines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { candidates, makeWorld } from './__fixtures__/pairWorld';

interface Walk {
  readonly initial: PairSnapshot;
  readonly final: PairSnapshot;
  readonly log: readonly PairEvent[];
  readonly refused: number;
}

/**
 * A random walk through the pair's life: at each step, candidate events
 * (valid ones and noise) from the current snapshot; greedy walks take the
 * first accepted one from a random offset, others a random one.
 */
function walk(world: ReturnType<typeof makeWorld>, choices: readonly number[], greedy: boolean): Walk {
  let s = world.initial;
  const log: PairEvent[] = [];
  let refused = 0;
  for (const choice of choices) {
    const cs = candidates(s, choice);
    const tries = greedy ? Math.min(10, cs.length) : 1;
    for (let k = 0; k < tries; k++) {
      const pick = cs[(choice + k) % cs.length]!;
      const r = pairTransition(s, pick);
      if (r.refused) {
        refused++;
        continue;
      }
      s = r.snapshot;
      log.push(r.event);
      break;
    }
    if (s.status === 'done') break;
  }
  return { initial: world.initial, final: s, log, refused };
}

const worlds = [
  makeWorld(),
  makeWorld({ mentees: 2, pupils: true, id: 'grp' }),
  makeWorld({ mentees: 3, id: 'big' }),
];

const walkArb = fc.record({
  world: fc.constantFrom(...worlds),
  // Greedy walks mostly take the first accepted candidate (progress); the offset adds noise.
  choices: fc.array(
    fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(40) }),
    {
      minLength: 1,
      maxLength: 70,
      size: 'large',
    },
  ),
  greedy: fc.boolean(),
});

function checkInvariants(s: PairSnapshot): void {
  const c = s.context;
  const phase = pairPhase(s);
  const kinds = c.meetings.map((m) => m.kind);
  const dates = c.meetings.map((m) => m.date);
  expect([...dates].sort()).toEqual(dates);
  expect(dates.every((d) => d <= c.lastDate)).toBe(true);
  if (phase !== 'collectingConsents' && phase !== 'consented' && phase !== 'terminated') {
    expect(c.order).not.toBeNull();
  }
  if (phase === 'completed') {
    // A completed pair had consents, an order, all meetings in order, the plan done, the surveys in.
    expect(c.order).not.toBeNull();
    expect(c.consents.length).toBeGreaterThanOrEqual(2 * (1 + c.mentees.length));
    expect(kinds.slice(0, 3)).toEqual(['organizational', 'trial', 'planning']);
    expect(kinds.at(-1)).toBe('final');
    expect(kinds.slice(3, -1).every((k) => k === 'regular')).toBe(true);
    expect(c.programme?.plan.every((i) => i.doneAt !== null)).toBe(true);
    const answered = new Set(c.finalSurveys.map((x) => x.respondentId));
    expect([c.mentor, ...c.mentees].every((p) => answered.has(p.id))).toBe(true);
    expect(c.completedAt).toBe(c.lastDate);
    expect(c.termination).toBeNull();
  }
  if (phase === 'terminated') {
    // A terminated pair has a reason and an initiator.
    expect(c.termination?.reason).toBeTypeOf('string');
    expect(c.termination?.initiator.role).toBeTypeOf('string');
    expect(c.completedAt).toBeNull();
  }
  if (c.order !== null) {
    expect(kinds.slice(0, 3)).toEqual(
      ['organizational', 'trial', 'planning'].slice(0, Math.min(3, kinds.length)),
    );
  }
}

describe('pair machine: properties over random event sequences', () => {
  it('keeps its invariants, and replaying the log from scratch gives the same snapshot', () => {
    const phases = new Set<string>();
    fc.assert(
      fc.property(walkArb, ({ world, choices, greedy }) => {
        const w = walk(world, choices, greedy);
        phases.add(pairPhase(w.final));
        checkInvariants(w.final);
        expect(w.final.context.eventCount).toBe(w.log.length);
        // The log is stored as JSON and replayed from the initial snapshot.
        const stored = JSON.parse(JSON.stringify(w.log)) as unknown[];
        const replay = replayPairUntrusted(w.initial, stored);
        expect(replay.refused).toBeUndefined();
        expect(replay.snapshot).toEqual(w.final);
        // The snapshot survives JSON and the migration hook.
        expect(migratePairSnapshot(JSON.parse(JSON.stringify(persistPair(w.final))))).toEqual(w.final);
      }),
      { numRuns: 1000, seed: 20240901 },
    );
    // The walks explore the whole life, not just its start.
    expect([...phases].sort()).toEqual(
      expect.arrayContaining(['active', 'collectingConsents', 'completed', 'consented', 'terminated']),
    );
  }, 240_000);

  it('continues identically after a round trip through storage at any point', () => {
    fc.assert(
      fc.property(walkArb, fc.nat(), ({ world, choices, greedy }, cut) => {
        const w = walk(world, choices, greedy);
        const k = cut % (w.log.length + 1);
        const head = replayPair(w.initial, w.log.slice(0, k)).snapshot;
        const restored = migratePairSnapshot(JSON.parse(JSON.stringify(persistPair(head))));
        const tail = replayPairUntrusted(restored, JSON.parse(JSON.stringify(w.log.slice(k))));
        expect(tail.snapshot).toEqual(w.final);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('agrees with an xstate actor sent the same events (refused ones included)', () => {
    fc.assert(
      fc.property(walkArb, ({ world, choices }) => {
        const actor = createActor(pairMachine, { snapshot: world.initial }).start();
        let s = world.initial;
        for (const choice of choices) {
          const cs = candidates(s, choice);
          const e = PairEventSchema.parse(cs[choice % cs.length]);
          const r = pairTransition(s, e);
          actor.send(e);
          if (!r.refused) s = r.snapshot;
          expect(actor.getSnapshot().value).toEqual(s.value);
          expect(actor.getSnapshot().context).toEqual(s.context);
        }
        actor.stop();
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('the fast replay, the pure transition and an xstate actor give the same snapshot, refused events included', async () => {
    await fc.assert(
      fc.asyncProperty(walkArb, fc.nat(), async ({ world, choices }, cut) => {
        const actor = createActor(pairMachine, { snapshot: world.initial }).start();
        let s = world.initial;
        let fast = world.initial;
        const log: PairEvent[] = [];
        for (const choice of choices) {
          const cs = candidates(s, choice);
          const e = PairEventSchema.parse(cs[choice % cs.length]);
          const r = pairTransition(s, e);
          const f = replayPair(fast, [e]);
          actor.send(e);
          // The same verdict, for the same reason.
          expect(f.refused?.refusal).toEqual(r.refused);
          if (!r.refused) {
            s = r.snapshot;
            log.push(r.event);
          }
          fast = f.snapshot;
          expect(fast).toEqual(s);
          expect(actor.getSnapshot().value).toEqual(s.value);
          expect(actor.getSnapshot().context).toEqual(s.context);
          expect(actor.getSnapshot().status).toBe(s.status);
        }
        actor.stop();
        // The streaming replay of the accepted log, one event at a time and in batches,
        // through a round trip of the stored (compact) format at a random point.
        const k = cut % (log.length + 1);
        const head = replayPair(world.initial, log.slice(0, k)).snapshot;
        const restored = migratePairSnapshot(JSON.parse(JSON.stringify(persistPair(head))));
        const items: ReplayItem[] = [
          { kind: 'pair', id: 'a', initial: world.initial },
          ...log.map((event) => ({ id: 'a', event })),
          { kind: 'pair', id: 'b', initial: restored },
          { id: 'b', events: log.slice(k, k + 3) },
          { id: 'b', events: log.slice(k + 3) },
        ];
        const out = [];
        for await (const o of replayMany(items)) out.push(o);
        expect(out.map((o) => [o.id, o.applied, o.refused])).toEqual([
          ['a', log.length, undefined],
          ['b', log.length - k, undefined],
        ]);
        expect(out[0]?.snapshot).toEqual(s);
        expect(out[1]?.snapshot).toEqual(s);
      }),
      { numRuns: 100, seed: 19 },
    );
  }, 240_000);
});
