import { isNastavnikError } from '@nastavnik/core';
import {
  migratePairSnapshot,
  pairMachine,
  pairSnapshotMigrations,
  pairTransition,
  persistPair,
  SNAPSHOT_VERSION,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { candidates, makeWorld } from './__fixtures__/pairWorld';

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('persistence: versioned snapshots with a migration hook', () => {
  const { initial } = makeWorld({ pupils: true });
  let s = initial;
  for (let i = 0; i < 12; i++) {
    const r = pairTransition(s, candidates(s, 0)[0]!);
    if (!r.refused) s = r.snapshot;
  }

  it('stores the format version with the xstate snapshot, as plain JSON', () => {
    const row = persistPair(s);
    expect(row.version).toBe(SNAPSHOT_VERSION);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
    expect(migratePairSnapshot(JSON.parse(JSON.stringify(row)))).toEqual(s);
  });

  it('reads a bare xstate persisted snapshot from an actor (format 0) and continues from it', () => {
    const actor = createActor(pairMachine, { snapshot: s }).start();
    const bare = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const migrated = migratePairSnapshot(bare);
    expect(migrated).toEqual(s);
    const next = candidates(migrated, 0)[0]!;
    expect(pairTransition(migrated, next)).toEqual(pairTransition(s, next));
  });

  it('refuses a snapshot from a newer release, a missing migration, and garbage — as NastavnikError', () => {
    const newer = caught(() => migratePairSnapshot({ version: SNAPSHOT_VERSION + 1, snapshot: s }));
    expect(isNastavnikError(newer) && newer.code).toBe('invalid_value');
    const noHook = caught(() => migratePairSnapshot({ value: s.value, context: s.context }, {}));
    expect(isNastavnikError(noHook) && noHook.code).toBe('invalid_value');
    const garbage = caught(() =>
      migratePairSnapshot({ version: 1, snapshot: { value: 'nowhere', context: {} } }),
    );
    expect(isNastavnikError(garbage)).toBe(true);
    expect(isNastavnikError(caught(() => migratePairSnapshot(42)))).toBe(true);
  });

  it('runs a custom migration hook on an older format', () => {
    const legacy = { format: 'legacy', state: { value: s.value, context: s.context } };
    const migrations = {
      ...pairSnapshotMigrations,
      0: (old: unknown) => {
        const o = old as typeof legacy;
        return {
          version: 1,
          snapshot: {
            status: 'active',
            value: o.state.value,
            context: o.state.context,
            children: {},
            historyValue: {},
          },
        };
      },
    };
    // A legacy row without `version` and without `value`/`context` at the top is not recognised…
    expect(isNastavnikError(caught(() => migratePairSnapshot(legacy, migrations)))).toBe(true);
    // …unless it says its version.
    expect(migratePairSnapshot({ ...legacy, version: 0 }, migrations)).toEqual(s);
  });
});
