import { fail, type IssuePath, isNastavnikError, parse, registerCatalogue } from '@nastavnik/core';
import { isProgrammeRefusal, ProgrammeWork, reduceProgramme } from './_internal/programmeReducer';
import type { ProgrammeContext } from './programmeContext';
import { type ProgrammeEvent, type ProgrammeEventInput, ProgrammeEventSchema } from './programmeEvents';
import { type ProgrammeSnapshot, programmeContextOf, programmeSnapshotOf } from './programmeSnapshot';
import type { ProgrammeRefusalCode, Refusal } from './refusal';

registerCatalogue();

/**
 * The outcome of {@link programmeTransition}.
 *
 * @category Programme machine
 * @example
 * const r: ProgrammeTransitionResult = programmeTransition(s, e);
 */
export type ProgrammeTransitionResult =
  | { readonly snapshot: ProgrammeSnapshot; readonly event: ProgrammeEvent; readonly refused?: undefined }
  | {
      readonly snapshot: ProgrammeSnapshot;
      readonly event?: undefined;
      readonly refused: Refusal<ProgrammeRefusalCode>;
    };

/**
 * The outcome of {@link replayProgramme}: the snapshot after the accepted
 * events, how many were applied, and the first refusal if the log breaks the rules.
 *
 * @category Programme machine
 * @example
 * const { snapshot, applied, refused }: ProgrammeReplayResult = replayProgramme(initial, log);
 */
export interface ProgrammeReplayResult {
  readonly snapshot: ProgrammeSnapshot;
  readonly applied: number;
  readonly refused?: { readonly index: number; readonly refusal: Refusal<ProgrammeRefusalCode> };
}

/**
 * Validate one programme event from an untrusted source: the typed event, or
 * a `NastavnikError` whose path starts with `path`.
 *
 * @category Programme machine
 * @throws NastavnikError when the value does not match {@link ProgrammeEventSchema}.
 * @example
 * const r = programmeTransition(snapshot, parseProgrammeEvent(JSON.parse(body)));
 */
export function parseProgrammeEvent(value: unknown, path: IssuePath = ['event']): ProgrammeEvent {
  return parse(ProgrammeEventSchema, value, path);
}

/**
 * Apply one event to a programme, without actors — the path for appending a
 * new event to the log. The event is typed by {@link ProgrammeEventInput} and
 * validated again at run time; bad input throws a `NastavnikError`, never a
 * TypeError. A valid event the rules refuse returns `refused`.
 *
 * @category Programme machine
 * @throws NastavnikError when the snapshot is not a programme's or the event
 *   does not match {@link ProgrammeEventSchema}.
 * @example
 * const r = programmeTransition(s, { type: 'stageCompleted', date: '2023-09-30', by: { role: 'curator' }, stage: 'preparation' });
 * if (r.refused?.code === 'gate_deliverable_missing') console.log(r.refused.message);
 */
export function programmeTransition(
  snapshot: ProgrammeSnapshot,
  event: ProgrammeEventInput,
): ProgrammeTransitionResult {
  const context = programmeContextOf(snapshot, ['snapshot']);
  const parsed = parseProgrammeEvent(event);
  let r: ProgrammeContext | Refusal<ProgrammeRefusalCode>;
  try {
    r = reduceProgramme(context, parsed);
  } catch (e) {
    throw malformedOr(e, ['snapshot']);
  }
  return isProgrammeRefusal(r)
    ? { snapshot, refused: r }
    : { snapshot: programmeSnapshotOf(r), event: parsed };
}

/**
 * Replay a programme's stored log — events {@link programmeTransition}
 * validated when they were appended — from its initial snapshot, without
 * validating them again; stops at the first refusal. For a log from an
 * untrusted source use {@link replayProgrammeUntrusted}; for many programmes,
 * {@link replayMany}.
 *
 * @category Programme machine
 * @throws NastavnikError when the snapshot is not a programme's, `events` is
 *   not an array, or an event is malformed.
 * @example
 * const { snapshot, applied } = replayProgramme(initial, log);
 */
export function replayProgramme(
  initial: ProgrammeSnapshot,
  events: readonly ProgrammeEvent[],
): ProgrammeReplayResult {
  const start = programmeContextOf(initial, ['initial']);
  if (!Array.isArray(events)) throw notAnArray();
  const work = new ProgrammeWork(start);
  const r = foldProgramme(work, events, 0);
  const snapshot = r.applied === 0 ? initial : programmeSnapshotOf(work.context);
  return r.refused ? { snapshot, applied: r.applied, refused: r.refused } : { snapshot, applied: r.applied };
}

/**
 * Replay a programme log from an untrusted source: every event is validated
 * with {@link ProgrammeEventSchema} first, then replayed as {@link replayProgramme} does.
 *
 * @category Programme machine
 * @throws NastavnikError when an event does not match the schema (its path
 *   starts with `events`, index), or the snapshot is not a programme's.
 * @example
 * const { snapshot } = replayProgrammeUntrusted(initial, JSON.parse(file));
 */
export function replayProgrammeUntrusted(initial: ProgrammeSnapshot, events: unknown): ProgrammeReplayResult {
  if (!Array.isArray(events)) throw notAnArray();
  return replayProgramme(
    initial,
    events.map((e: unknown, i) => parseProgrammeEvent(e, ['events', i])),
  );
}

/**
 * @internal Fold events over a working context (offset: the index of
 * `events[0]` in the whole log); the work stops at the first refusal.
 */
export function foldProgramme(
  work: ProgrammeWork,
  events: readonly ProgrammeEvent[],
  offset: number,
): { readonly applied: number; readonly refused?: ProgrammeReplayResult['refused'] } {
  let i = 0;
  try {
    for (; i < events.length; i++) {
      const event = events[i] as ProgrammeEvent;
      if (typeof event !== 'object' || event === null || typeof event.type !== 'string')
        throw new TypeError();
      const r = work.step(event);
      if (r) return { applied: offset + i, refused: { index: offset + i, refusal: r } };
    }
  } catch (e) {
    throw malformedOr(e, ['events', offset + i]);
  }
  return { applied: offset + events.length };
}

const notAnArray = () => fail('invalid_type', ['events'], { expected: 'array' });

function malformedOr(e: unknown, path: IssuePath): unknown {
  if (isNastavnikError(e) || !(e instanceof TypeError)) return e;
  return fail('invalid_input', path, { reason: 'malformedProgrammeEvent' });
}
