import { nastavnikError, parse } from '@nastavnik/core';
import { explainPairEvent, withVerified } from './_internal/pairRules';
import { inertScope } from './_internal/scope';
import { type PairEvent, PairEventSchema } from './pairEvents';
import { pairMachine } from './pairMachine';
import { type PairSnapshot, pairPhase, persistLive, restorePair, unlinkedPersist } from './pairSnapshot';
import type { PairRefusalCode, Refusal } from './refusal';

/**
 * The outcome of {@link pairTransition}: the next snapshot and the validated
 * event to append to the log; or the same snapshot with the reason the rules
 * refused the event.
 *
 * @category Pair machine
 * @example
 * const r: PairTransitionResult = pairTransition(s, e);
 * if (r.refused) show(r.refused.message); else { save(r.snapshot); log.push(r.event); }
 */
export type PairTransitionResult =
  | { readonly snapshot: PairSnapshot; readonly event: PairEvent; readonly refused?: undefined }
  | {
      readonly snapshot: PairSnapshot;
      readonly event?: undefined;
      readonly refused: Refusal<PairRefusalCode>;
    };

/**
 * Apply one event to a pair, without actors: a pure function of the snapshot
 * and the event. Bad input throws a `NastavnikError`; a valid event that the
 * rules refuse returns `refused` with a typed reason (never a throw).
 *
 * @category Pair machine
 * @throws NastavnikError when the event does not match {@link PairEventSchema}.
 * @example
 * const r = pairTransition(snapshot, {
 *   type: 'orderIssued', date: '2023-09-25', by: { role: 'head' },
 *   order: { id: 'ord-12', organizationId: 'lyceum-7', kind: 'approvePairs', number: '12-р', date: '2023-09-25',
 *     title: 'О закреплении наставнических пар', signatory: { position: 'директор', name: { lastName: 'Иванова', firstName: 'Анна' } } },
 * });
 * if (r.refused?.code === 'consents_incomplete') console.log(r.refused.message);
 */
export function pairTransition(snapshot: PairSnapshot, event: unknown): PairTransitionResult {
  const parsed = parse(PairEventSchema, event, ['event']);
  return step(snapshot, parsed);
}

type Live = ReturnType<typeof restorePair>;

/** One step on a live xstate snapshot: the next live snapshot, or the refusal. */
function stepLive(before: Live, event: PairEvent): Live | Refusal<PairRefusalCode> {
  const phase = pairPhase(before);
  const refused = explainPairEvent(phase, before.context, event);
  if (refused) return refused;
  const after = withVerified(before.context, event, () =>
    pairMachine.transition(before, event, inertScope(pairMachine, before)),
  );
  if (after === before) {
    // The rules accepted what the statechart has no transition for: a bug, not the caller's fault.
    throw nastavnikError(
      'internal',
      ['event', 'type'],
      'Внутренняя ошибка: машина пары не приняла допустимое событие',
      'Internal error: the pair machine did not take an accepted event',
      { event: event.type, phase },
    );
  }
  return after;
}

function step(snapshot: PairSnapshot, event: PairEvent): PairTransitionResult {
  const r = stepLive(restorePair(snapshot), event);
  return 'code' in r ? { snapshot, refused: r } : { snapshot: persistLive(r), event };
}

/**
 * The outcome of {@link replayPair}: the snapshot after the accepted events,
 * how many were applied, and the first refusal if the log breaks the rules.
 *
 * @category Pair machine
 * @example
 * const { snapshot, applied, refused } = replayPair(initial, log);
 */
export interface PairReplayResult {
  readonly snapshot: PairSnapshot;
  readonly applied: number;
  readonly refused?: { readonly index: number; readonly refusal: Refusal<PairRefusalCode> };
}

/**
 * Replay a stored event log from an initial snapshot (from
 * {@link createPairSnapshot}). Stops at the first refused event and says which.
 * Replaying the log of a stored snapshot gives that snapshot again.
 *
 * @category Pair machine
 * @throws NastavnikError when an event does not match {@link PairEventSchema}
 *   (its path starts with `events`, index).
 * @example
 * const { snapshot } = replayPair(createPairSnapshot(pair, options), storedEvents);
 */
export function replayPair(initial: PairSnapshot, events: readonly unknown[]): PairReplayResult {
  let live = restorePair(initial);
  for (let i = 0; i < events.length; i++) {
    const r = stepLive(live, parse(PairEventSchema, events[i], ['events', i]));
    if ('code' in r)
      return {
        snapshot: i === 0 ? initial : unlinkedPersist(live),
        applied: i,
        refused: { index: i, refusal: r },
      };
    live = r;
  }
  return { snapshot: events.length === 0 ? initial : unlinkedPersist(live), applied: events.length };
}
