import { fail, parse, registerCatalogue } from '@nastavnik/core';
import { z } from 'zod';
import { type ContextCodec, contextCodec } from './_internal/compact';
import { pairTable } from './_internal/pairReducer';
import { PairContextSchema } from './_internal/pairSchemas';
import { ProgrammeContextSchema } from './_internal/programmeSchemas';
import type { PairPhase } from './labels';
import type { PairContext } from './pairContext';
import { type PairSnapshot, pairSnapshotOf, pairStateOf } from './pairSnapshot';
import type { ProgrammeContext } from './programmeContext';
import { type ProgrammeSnapshot, programmeSnapshotOf } from './programmeSnapshot';

registerCatalogue();

/**
 * The current version of the stored pair and programme snapshot formats.
 * Bumped when a release changes the stored form; {@link migratePairSnapshot}
 * brings older ones up. Format 2 is compact (about 1 KB for a typical pair's
 * whole year, against 2.5 KB in format 1).
 *
 * @category Persistence
 * @example
 * persistPair(snapshot).version === SNAPSHOT_VERSION; // true
 */
export const SNAPSHOT_VERSION = 2;

/**
 * A stored pair, in the compact format 2: the phase and the context packed
 * as arrays in the order of the context's fields (dates as days since
 * 2000-01-01, enum values as their index, a repeated string as the index of
 * its first occurrence), with the hash of that `layout`. Plain JSON; read it
 * back with {@link migratePairSnapshot}.
 *
 * @category Persistence
 * @example
 * const row: PersistedPair = persistPair(snapshot);
 * db.save(pairId, JSON.stringify(row));
 */
export interface PersistedPair {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly layout: string;
  readonly phase: PairPhase;
  readonly context: unknown;
}

/**
 * A stored programme, in the compact format 2 (its state value follows from
 * the context). Read it back with {@link migrateProgrammeSnapshot}.
 *
 * @category Persistence
 * @example
 * const row: PersistedProgramme = persistProgramme(snapshot);
 */
export interface PersistedProgramme {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly layout: string;
  readonly context: unknown;
}

/**
 * A migration hook: turns a stored value of version `n` into version `n + 1`.
 * Version 0 is a bare xstate persisted snapshot, as `actor.getPersistedSnapshot()`
 * returns it; version 1 is `{ version: 1, snapshot }` with the whole xstate
 * persisted snapshot; version 2 is compact.
 *
 * @category Persistence
 * @example
 * const migrations: SnapshotMigrations = { ...pairSnapshotMigrations, 2: (v2) => toV3(v2) };
 */
export type SnapshotMigrations = Readonly<Record<number, (stored: unknown) => unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

// Version 0 → 1: wrap a bare xstate persisted snapshot, dropping what the
// machines never use (no children, no history states, no output).
const wrapBare = (stored: unknown): unknown => {
  if (!isRecord(stored)) return stored;
  return {
    version: 1,
    snapshot: {
      status: stored.status,
      value: stored.value,
      context: stored.context,
      children: {},
      historyValue: {},
    },
  };
};

/** How one machine's snapshots are stored: written once for both machines. */
interface Store<S> {
  readonly codec: ContextCodec;
  readonly schema: z.ZodType;
  /** What besides the context format 2 keeps (the pair's phase). */
  readonly extra: (snapshot: S) => Record<string, unknown>;
  /** Format 1's state value → format 2's extra fields. */
  readonly extraOfValue: (value: unknown) => Record<string, unknown>;
  /** The snapshot of a validated context and the stored extra fields. */
  readonly restore: (context: unknown, stored: Record<string, unknown>) => S;
}

const pairPhaseOf = (value: unknown): unknown => {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    const v = Object.values(value);
    return v.length === 1 ? v[0] : undefined;
  }
  return undefined;
};

let pairStore: Store<PairSnapshot> | undefined;
let programmeStore: Store<ProgrammeSnapshot> | undefined;

function pairs(): Store<PairSnapshot> {
  pairStore ??= {
    codec: contextCodec(PairContextSchema),
    schema: PairContextSchema,
    extra: (s) => ({ phase: pairStateOf(s, ['snapshot']).phase }),
    extraOfValue: (value) => ({ phase: pairPhaseOf(value) }),
    restore: (context, stored) => {
      const phase = String(stored.phase);
      if (!pairTable().states.has(phase)) {
        throw fail('invalid_value', ['stored', 'phase'], { reason: 'pairState' });
      }
      return pairSnapshotOf({ phase: phase as PairPhase, context: context as PairContext });
    },
  };
  return pairStore;
}

function programmes(): Store<ProgrammeSnapshot> {
  programmeStore ??= {
    codec: contextCodec(ProgrammeContextSchema),
    schema: ProgrammeContextSchema,
    extra: () => ({}),
    extraOfValue: () => ({}),
    // The state value follows from the context: resolved afresh, never trusted.
    restore: (context) => programmeSnapshotOf(context as ProgrammeContext),
  };
  return programmeStore;
}

function persist<S extends { readonly context: unknown }>(store: Store<S>, snapshot: S) {
  return {
    version: SNAPSHOT_VERSION,
    layout: store.codec.layout,
    ...store.extra(snapshot),
    context: store.codec.encode(snapshot.context),
  };
}

// Version 1 → 2: pack the context with the codec of this release.
const compactStep =
  <S>(store: () => Store<S>) =>
  (stored: unknown): unknown => {
    if (!isRecord(stored) || !isRecord(stored.snapshot)) return stored;
    const s = store();
    return {
      version: 2,
      layout: s.codec.layout,
      ...s.extraOfValue(stored.snapshot.value),
      context: s.codec.encode(stored.snapshot.context),
    };
  };

/**
 * The migrations of stored pair snapshots, by the version they start from.
 *
 * @category Persistence
 * @example
 * Object.keys(pairSnapshotMigrations); // ['0', '1']
 */
export const pairSnapshotMigrations: SnapshotMigrations = { 0: wrapBare, 1: compactStep(pairs) };

/**
 * The migrations of stored programme snapshots, by the version they start from.
 *
 * @category Persistence
 * @example
 * Object.keys(programmeSnapshotMigrations); // ['0', '1']
 */
export const programmeSnapshotMigrations: SnapshotMigrations = { 0: wrapBare, 1: compactStep(programmes) };

function versionOf(stored: unknown): number {
  if (isRecord(stored) && typeof stored.version === 'number') return stored.version;
  if (isRecord(stored) && 'value' in stored && 'context' in stored) return 0;
  throw fail('invalid_input', [], { reason: 'notSnapshot' });
}

function migrate(stored: unknown, migrations: SnapshotMigrations): unknown {
  let value = stored;
  let version = versionOf(value);
  if (version > SNAPSHOT_VERSION) {
    throw fail('invalid_value', ['version'], {
      reason: 'snapshotTooNew',
      version,
      supported: SNAPSHOT_VERSION,
    });
  }
  while (version < SNAPSHOT_VERSION) {
    const step = migrations[version];
    if (!step) {
      throw fail('invalid_value', ['version'], { reason: 'snapshotNoMigration', version });
    }
    value = step(value);
    const next = versionOf(value);
    if (next <= version) {
      throw fail('internal', ['version'], { reason: 'migrationNoProgress' });
    }
    version = next;
  }
  return value;
}

const StoredSchema = z.object({ version: z.literal(SNAPSHOT_VERSION), layout: z.string() }).loose();

function read<S>(store: Store<S>, stored: unknown, migrations: SnapshotMigrations): S {
  const row = parse(StoredSchema, migrate(stored, migrations), ['stored']);
  if (row.layout !== store.codec.layout) {
    throw fail('invalid_value', ['stored', 'layout'], { reason: 'snapshotLayout' });
  }
  const context = parse(store.schema, store.codec.decode(row.context), ['stored', 'context']);
  return store.restore(context, row);
}

/**
 * The stored form of a pair snapshot: compact (format 2), with the version.
 *
 * @category Persistence
 * @example
 * localStorage.setItem('pair-1', JSON.stringify(persistPair(snapshot)));
 */
export function persistPair(snapshot: PairSnapshot): PersistedPair {
  return persist(pairs(), snapshot) as unknown as PersistedPair;
}

/**
 * The stored form of a programme snapshot: compact (format 2), with the version.
 *
 * @category Persistence
 * @example
 * const row = persistProgramme(snapshot);
 */
export function persistProgramme(snapshot: ProgrammeSnapshot): PersistedProgramme {
  return persist(programmes(), snapshot) as unknown as PersistedProgramme;
}

/**
 * Read a stored pair (from this or an older release, or a bare xstate
 * persisted snapshot): migrate it to the current format and validate it.
 *
 * @category Persistence
 * @throws NastavnikError when the value is not a pair snapshot, is from a
 *   newer release or another layout, or fails validation.
 * @example
 * const snapshot = migratePairSnapshot(JSON.parse(row));
 * const r = pairTransition(snapshot, event);
 */
export function migratePairSnapshot(
  stored: unknown,
  migrations: SnapshotMigrations = pairSnapshotMigrations,
): PairSnapshot {
  return read(pairs(), stored, migrations);
}

/**
 * Read a stored programme: migrate it to the current format and validate it.
 *
 * @category Persistence
 * @throws NastavnikError when the value is not a programme snapshot, is from
 *   a newer release or another layout, or fails validation.
 * @example
 * const snapshot = migrateProgrammeSnapshot(JSON.parse(row));
 */
export function migrateProgrammeSnapshot(
  stored: unknown,
  migrations: SnapshotMigrations = programmeSnapshotMigrations,
): ProgrammeSnapshot {
  return read(programmes(), stored, migrations);
}
