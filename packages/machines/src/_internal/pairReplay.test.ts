import {
  migratePairSnapshot,
  PairEventSchema,
  type PairSnapshot,
  pairMachine,
  pairTransition,
  persistPair,
} from '@nastavnik/machines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { candidates, makeWorld } from '../__fixtures__/pairWorld';
import { pairSnapshotOf, pairStateOf } from '../pairSnapshot';
import { allPairEventTypesListed, pairEventIndex, pairEventTypes } from './pairEventTypes';
import { PairWork } from './pairReplay';

const worlds = [
  makeWorld(),
  makeWorld({ mentees: 2, pupils: true, id: 'grp' }),
  makeWorld({ mentees: 3, id: 'big' }),
];

const walkArb = fc.record({
  world: fc.constantFrom(...worlds),
  choices: fc.array(
    fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(40) }),
    { minLength: 1, maxLength: 80, size: 'large' },
  ),
  cut: fc.nat(),
});

const snapshotOf = (w: PairWork): PairSnapshot => pairSnapshotOf(w.state());

describe('pair replay over a working state', () => {
  it('numbers every event type, without using the type as a key', () => {
    expect(allPairEventTypesListed).toBe(true);
    expect(pairEventTypes.map(pairEventIndex)).toEqual(pairEventTypes.map((_, i) => i));
    expect(pairEventIndex('constructor')).toBe(-1);
  });

  it('steps like the pure transition and an xstate actor, refused events included, across a storage round trip', () => {
    fc.assert(
      fc.property(walkArb, ({ world, choices, cut }) => {
        const actor = createActor(pairMachine, { snapshot: world.initial }).start();
        let s = world.initial;
        let work = new PairWork(pairStateOf(world.initial, []));
        const at = cut % (choices.length + 1);
        for (const [i, choice] of choices.entries()) {
          if (i === at) {
            // Store the working state (compact format) and go on from what was read back.
            const restored = migratePairSnapshot(JSON.parse(JSON.stringify(persistPair(snapshotOf(work)))));
            work = new PairWork(pairStateOf(restored, []));
          }
          const cs = candidates(s, choice);
          // Stored events come back from JSON: fresh objects, as from a database.
          const e = JSON.parse(JSON.stringify(PairEventSchema.parse(cs[choice % cs.length])));
          const r = pairTransition(s, e);
          const refusal = work.step(e);
          actor.send(e);
          expect(refusal ?? undefined).toEqual(r.refused);
          if (!r.refused) s = r.snapshot;
          const fast = snapshotOf(work);
          expect(fast).toEqual(s);
          // The same JSON, key order included.
          expect(JSON.stringify(fast)).toBe(JSON.stringify(s));
          expect(actor.getSnapshot().value).toEqual(fast.value);
          expect(actor.getSnapshot().context).toEqual(fast.context);
          expect(actor.getSnapshot().status).toBe(fast.status);
        }
        actor.stop();
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('never changes the snapshot it starts from', () => {
    fc.assert(
      fc.property(walkArb, ({ world, choices }) => {
        const before = JSON.stringify(world.initial);
        const work = new PairWork(pairStateOf(world.initial, []));
        let s = world.initial;
        for (const choice of choices) {
          const cs = candidates(s, choice);
          const e = PairEventSchema.parse(cs[choice % cs.length]);
          const r = pairTransition(s, e);
          if (!r.refused) s = r.snapshot;
          work.step(e);
        }
        expect(JSON.stringify(world.initial)).toBe(before);
      }),
      { numRuns: 40 },
    );
  });
});
