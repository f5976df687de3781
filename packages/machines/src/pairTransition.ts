import { fail, type IssuePath, isNastavnikError, parse, registerCatalogue } from '@nastavnik/core';
import { isPairRefusal, reducePair } from './_internal/pairReducer';
import { PairWork } from './_internal/pairReplay';
import { type PairEvent, type PairEventInput, PairEventSchema } from './pairEvents';
import { type PairSnapshot, pairSnapshotOf, pairStateOf } from './pairSnapshot';
import type { PairRefusalCode, Refusal } from './refusal';

registerCatalogue();

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
 * Validate one pair event from an untrusted source (a request body, a log
 * written by another system): the typed event, or a `NastavnikError` whose
 * path starts with `path`.
 *
 * @category Pair machine
 * @throws NastavnikError when the value does not match {@link PairEventSchema}.
 * @example
 * const event = parsePairEvent(JSON.parse(body));
 * const r = pairTransition(snapshot, event);
 */
export function parsePairEvent(value: unknown, path: IssuePath = ['event']): PairEvent {
  return parse(PairEventSchema, value, path);
}

/**
 * Apply one event to a pair, without actors: a pure function of the snapshot
 * and the event — the path for appending a new event to the log. The event
 * is typed by {@link PairEventInput} (a misspelt `type` does not compile) and
 * validated again at run time; bad input throws a `NastavnikError`, never a
 * TypeError. A valid event that the rules refuse returns `refused` with a
 * typed reason (never a throw). For a value of unknown shape, use
 * {@link parsePairEvent} first.
 *
 * @category Pair machine
 * @throws NastavnikError when the snapshot is not a pair's or the event does
 *   not match {@link PairEventSchema}.
 * @example
 * const r = pairTransition(snapshot, {
 *   type: 'orderIssued', date: '2023-09-25', by: { role: 'head' },
 *   order: { id: 'ord-12', organizationId: 'lyceum-7', kind: 'approvePairs', number: '12-р', date: '2023-09-25',
 *     title: 'О закреплении наставнических пар', signatory: { position: 'директор', name: { lastName: 'Иванова', firstName: 'Анна' } } },
 * });
 * if (r.refused?.code === 'consents_incomplete') console.log(r.refused.message);
 */
export function pairTransition(snapshot: PairSnapshot, event: PairEventInput): PairTransitionResult {
  const state = pairStateOf(snapshot, ['snapshot']);
  const parsed = parsePairEvent(event);
  const r = guarded(['snapshot'], () => reducePair(state, parsed));
  return isPairRefusal(r) ? { snapshot, refused: r } : { snapshot: pairSnapshotOf(r), event: parsed };
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
 * Replay a pair's stored log — events that {@link pairTransition} validated
 * and accepted when they were appended — from its initial snapshot (from
 * {@link createPairSnapshot}), without validating them again: the rules run as
 * a pure reducer, over a million events a second. Stops at the first refused
 * event and says which. Replaying the log of a stored snapshot gives that
 * snapshot again. For a log from an untrusted source use
 * {@link replayPairUntrusted}; for many pairs, {@link replayMany}.
 *
 * @category Pair machine
 * @throws NastavnikError when the snapshot is not a pair's, `events` is not an
 *   array, or an event is malformed (its path starts with `events`, index).
 * @example
 * const { snapshot } = replayPair(createPairSnapshot(pair, options), log);
 */
export function replayPair(initial: PairSnapshot, events: readonly PairEvent[]): PairReplayResult {
  const start = pairStateOf(initial, ['initial']);
  if (!Array.isArray(events)) throw notAnArray();
  const work = new PairWork(start);
  const r = foldPair(work, events, 0);
  const snapshot = r.applied === 0 ? initial : pairSnapshotOf(work.state());
  return r.refused ? { snapshot, applied: r.applied, refused: r.refused } : { snapshot, applied: r.applied };
}

/**
 * Replay a log from an untrusted source (another system, an old export):
 * every event is validated with {@link PairEventSchema} first, then replayed
 * as {@link replayPair} does.
 *
 * @category Pair machine
 * @throws NastavnikError when an event does not match {@link PairEventSchema}
 *   (its path starts with `events`, index), or the snapshot is not a pair's.
 * @example
 * const { snapshot, refused } = replayPairUntrusted(initial, JSON.parse(file));
 */
export function replayPairUntrusted(initial: PairSnapshot, events: unknown): PairReplayResult {
  if (!Array.isArray(events)) throw notAnArray();
  return replayPair(
    initial,
    events.map((e: unknown, i) => parsePairEvent(e, ['events', i])),
  );
}

/**
 * @internal Fold events over a working state (offset: the index of
 * `events[0]` in the whole log); the work stops at the first refusal.
 */
export function foldPair(
  work: PairWork,
  events: readonly PairEvent[],
  offset: number,
): { readonly applied: number; readonly refused?: PairReplayResult['refused'] } {
  let i = 0;
  try {
    for (; i < events.length; i++) {
      const r = work.step(checked(events[i] as PairEvent, offset + i));
      if (r) return { applied: offset + i, refused: { index: offset + i, refusal: r } };
    }
  } catch (e) {
    if (isNastavnikError(e) || !(e instanceof TypeError)) throw e;
    throw malformed(['events', offset + i]);
  }
  return { applied: offset + events.length };
}

/**
 * @internal One stored event on a working state (its index in the whole
 * log): the refusal, or null when applied.
 */
export function stepPair(work: PairWork, event: PairEvent, index: number): Refusal<PairRefusalCode> | null {
  try {
    return work.step(checked(event, index));
  } catch (e) {
    if (isNastavnikError(e) || !(e instanceof TypeError)) throw e;
    throw malformed(['events', index]);
  }
}

const notAnArray = () => fail('invalid_type', ['events'], { expected: 'array' });

/** The cheap part of validation for trusted events: an object with a known type. */
function checked(event: PairEvent, index: number): PairEvent {
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof event.type !== 'string' ||
    typeof event.date !== 'string'
  ) {
    throw malformed(['events', index]);
  }
  return event;
}

const malformed = (path: IssuePath) => fail('invalid_input', path, { reason: 'malformedPairEvent' });

/** Run `f`; a TypeError (a malformed trusted value) becomes a `NastavnikError` at `path`. */
function guarded<T>(path: IssuePath, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isNastavnikError(e) || !(e instanceof TypeError)) throw e;
    throw malformed(path);
  }
}
