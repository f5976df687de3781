import { nastavnikError, parse } from '@nastavnik/core';
import { z } from 'zod';
import { PairContextSchema, PairStateValueSchema } from './_internal/pairSchemas';
import { ProgrammeContextSchema, ProgrammeStateValueSchema } from './_internal/programmeSchemas';
import { type PairSnapshot, type PairStateValue, pairPhase, pairSnapshotOf } from './pairSnapshot';
import { type ProgrammeSnapshot, programmeSnapshotOf } from './programmeSnapshot';

/**
 * The current version of the stored pair and programme snapshot formats.
 * Bumped when a release changes the context; {@link migratePairSnapshot}
 * brings older ones up.
 *
 * @category Persistence
 * @example
 * persistPair(snapshot).version === SNAPSHOT_VERSION; // true
 */
export const SNAPSHOT_VERSION = 1;

/**
 * A stored pair: the format version and the xstate persisted snapshot.
 *
 * @category Persistence
 * @example
 * const row: PersistedPair = persistPair(snapshot);
 * db.save(pairId, JSON.stringify(row));
 */
export interface PersistedPair {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly snapshot: PairSnapshot;
}

/**
 * A stored programme: the format version and the xstate persisted snapshot.
 *
 * @category Persistence
 * @example
 * const row: PersistedProgramme = persistProgramme(snapshot);
 */
export interface PersistedProgramme {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly snapshot: ProgrammeSnapshot;
}

/**
 * A migration hook: turns a stored value of version `n` into version `n + 1`.
 * Version 0 is a bare xstate persisted snapshot, as `actor.getPersistedSnapshot()`
 * returns it, without our version wrapper.
 *
 * @category Persistence
 * @example
 * const migrations: SnapshotMigrations = { ...pairSnapshotMigrations, 1: (v1) => toV2(v1) };
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

/**
 * The migrations of stored pair snapshots, by the version they start from.
 *
 * @category Persistence
 * @example
 * Object.keys(pairSnapshotMigrations); // ['0']
 */
export const pairSnapshotMigrations: SnapshotMigrations = { 0: wrapBare };

/**
 * The migrations of stored programme snapshots, by the version they start from.
 *
 * @category Persistence
 * @example
 * Object.keys(programmeSnapshotMigrations); // ['0']
 */
export const programmeSnapshotMigrations: SnapshotMigrations = { 0: wrapBare };

function versionOf(stored: unknown): number {
  if (isRecord(stored) && typeof stored.version === 'number') return stored.version;
  if (isRecord(stored) && 'value' in stored && 'context' in stored) return 0;
  throw nastavnikError(
    'invalid_input',
    [],
    'Это не сохранённый снимок машины',
    'Not a stored machine snapshot',
  );
}

function migrate(stored: unknown, migrations: SnapshotMigrations): unknown {
  let value = stored;
  let version = versionOf(value);
  if (version > SNAPSHOT_VERSION) {
    throw nastavnikError(
      'invalid_value',
      ['version'],
      `Снимок сохранён более новой версией библиотеки (формат ${version}, поддерживается до ${SNAPSHOT_VERSION})`,
      `The snapshot was stored by a newer release (format ${version}, this release reads up to ${SNAPSHOT_VERSION})`,
      { version, supported: SNAPSHOT_VERSION },
    );
  }
  while (version < SNAPSHOT_VERSION) {
    const step = migrations[version];
    if (!step) {
      throw nastavnikError(
        'invalid_value',
        ['version'],
        `Нет миграции снимка с версии ${version}`,
        `No snapshot migration from version ${version}`,
        { version },
      );
    }
    value = step(value);
    const next = versionOf(value);
    if (next <= version) {
      throw nastavnikError(
        'internal',
        ['version'],
        'Миграция не повысила версию',
        'A migration did not raise the version',
      );
    }
    version = next;
  }
  return value;
}

const PersistedPairSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  snapshot: z.object({ value: PairStateValueSchema, context: PairContextSchema }),
});

const PersistedProgrammeSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  snapshot: z.object({ value: ProgrammeStateValueSchema, context: ProgrammeContextSchema }),
});

/**
 * The stored form of a pair snapshot, with the format version.
 *
 * @category Persistence
 * @example
 * localStorage.setItem('pair-1', JSON.stringify(persistPair(snapshot)));
 */
export function persistPair(snapshot: PairSnapshot): PersistedPair {
  return { version: SNAPSHOT_VERSION, snapshot };
}

/**
 * The stored form of a programme snapshot, with the format version.
 *
 * @category Persistence
 * @example
 * const row = persistProgramme(snapshot);
 */
export function persistProgramme(snapshot: ProgrammeSnapshot): PersistedProgramme {
  return { version: SNAPSHOT_VERSION, snapshot };
}

/**
 * Read a stored pair (from this or an older release, or a bare xstate
 * persisted snapshot): migrate it to the current format and validate it.
 *
 * @category Persistence
 * @throws NastavnikError when the value is not a pair snapshot, is from a
 *   newer release, or fails validation.
 * @example
 * const snapshot = migratePairSnapshot(JSON.parse(row));
 * const r = pairTransition(snapshot, event);
 */
export function migratePairSnapshot(
  stored: unknown,
  migrations: SnapshotMigrations = pairSnapshotMigrations,
): PairSnapshot {
  const p = parse(PersistedPairSchema, migrate(stored, migrations), ['stored']);
  const value = p.snapshot.value as PairStateValue;
  return pairSnapshotOf({ phase: pairPhase({ value }), context: p.snapshot.context });
}

/**
 * Read a stored programme: migrate it to the current format and validate it.
 *
 * @category Persistence
 * @throws NastavnikError when the value is not a programme snapshot, is from
 *   a newer release, or fails validation.
 * @example
 * const snapshot = migrateProgrammeSnapshot(JSON.parse(row));
 */
export function migrateProgrammeSnapshot(
  stored: unknown,
  migrations: SnapshotMigrations = programmeSnapshotMigrations,
): ProgrammeSnapshot {
  const p = parse(PersistedProgrammeSchema, migrate(stored, migrations), ['stored']);
  // The state value follows from the context: resolve it afresh rather than trust the stored one.
  return programmeSnapshotOf(p.snapshot.context);
}
