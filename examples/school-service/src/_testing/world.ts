// Pairs for store-level tests, the crash test and the load test, driven by the real pair machine.
import { type Pair, PairSchema, type Person, PersonSchema, parse } from '@nastavnik/core';
import { initialPairSnapshot, type PersistedPair } from '../pairs';
import type { EventStore } from '../store';
import { consentEvent, orderEvent, pairBody, teacher } from './fixtures';

export function worldPair(id: string): { pair: Pair; people: Person[]; mentorId: string; menteeId: string } {
  const mentorId = `${id}-mentor`;
  const menteeId = `${id}-mentee`;
  const people = [teacher(mentorId, 'Тимофеева', 15), teacher(menteeId, 'Яковлева', 1)].map((p) =>
    parse(PersonSchema, p),
  );
  return { pair: parse(PairSchema, pairBody(id, mentorId, menteeId).pair), people, mentorId, menteeId };
}

/** Store a new pair of two teachers, in phase collectingConsents. */
export async function createWorldPair(
  store: EventStore,
  id: string,
): Promise<{ mentorId: string; menteeId: string }> {
  const w = worldPair(id);
  const created = await store.createPair<Pair, PersistedPair>(
    id,
    w.pair,
    initialPairSnapshot(w.pair, w.people, '2023-09-15'),
  );
  if (!created) throw new Error(`pair ${id} exists`);
  return { mentorId: w.mentorId, menteeId: w.menteeId };
}

/**
 * An event the machine accepts any number of times while the pair is forming:
 * one more consent (to publication) with an id of its own.
 */
export function acceptedEvent(pairId: string, n: string | number) {
  return consentEvent(`${pairId}-pub-${n}`, `${pairId}-mentor`, 'publication');
}

/** An event the machine refuses while consents are missing (the order approving the pair). */
export function refusedEvent() {
  return orderEvent('1-о');
}
