import type { IsoDate, Pair, Person } from '@nastavnik/core';
import {
  createPairSnapshot,
  pairTransition as machineTransition,
  migratePairSnapshot,
  PairEventSchema,
  type PairPhase,
  type PairRefusalCode,
  type PairSnapshot,
  type PersistedPair,
  pairPhase,
  parsePairEvent,
  persistPair,
  type Refusal,
} from '@nastavnik/machines';
import type { TransitionFn } from './store';

export type { PairSnapshot, PersistedPair };

/** The machine's refusal, as returned with a 409. @example const r: PairRefusal = { code: 'consents_incomplete', message: '…', messageEn: '…' }; */
export type PairRefusal = Refusal<PairRefusalCode>;

/** The schema pair events are validated with before they reach the store. @example pairEventSchema.safeParse(body.event) */
export const pairEventSchema = PairEventSchema;

/**
 * The stored snapshot a new pair starts from: the machine's
 * `createPairSnapshot`, told about each participant (id, category, birth date
 * for the parent-consent rule), in the versioned form of `persistPair`.
 *
 * @example
 * const s = initialPairSnapshot(pair, await registry.persons([pair.mentorId, ...pair.menteeIds]), '2023-09-20');
 */
export function initialPairSnapshot(pair: Pair, people: readonly Person[], date: IsoDate): PersistedPair {
  return persistPair(
    createPairSnapshot(pair, {
      date,
      participants: people.map((p) => ({
        id: p.id,
        category: p.category,
        ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}),
      })),
    }),
  );
}

/**
 * A stored snapshot read back: migrated to the current format
 * (`migratePairSnapshot`), so rows written by an older release still load.
 *
 * @example
 * const s = readPairSnapshot(row.snapshot); pairPhase(s);
 */
export function readPairSnapshot(stored: unknown): PairSnapshot {
  return migratePairSnapshot(stored);
}

/**
 * A stored pair as the API shows it: the phase, the snapshot format and the
 * machine's snapshot.
 *
 * @example
 * c.json({ ...stored, ...pairView(stored.snapshot) });
 */
export function pairView(stored: unknown): {
  phase: PairPhase;
  snapshotFormat: number;
  snapshot: PairSnapshot;
} {
  const snapshot = readPairSnapshot(stored);
  return { phase: pairPhase(snapshot), snapshotFormat: persistPair(snapshot).version, snapshot };
}

/**
 * The pair machine's pure transition in the store's shape, over stored
 * (versioned) snapshots.
 *
 * @example
 * await store.appendEvent(id, version, event, pairTransition);
 */
export const pairTransition: TransitionFn<PersistedPair, unknown, PairRefusal> = (stored, event) => {
  // The store hands over events of unknown shape (a request body, a stored row): validate first.
  const r = machineTransition(readPairSnapshot(stored), parsePairEvent(event));
  return r.refused ? { snapshot: stored, refused: r.refused } : { snapshot: persistPair(r.snapshot) };
};
