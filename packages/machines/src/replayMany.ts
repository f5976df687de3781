import { fail, type InvalidInputReason, registerCatalogue } from '@nastavnik/core';
import { PairWork } from './_internal/pairReplay';
import { ProgrammeWork } from './_internal/programmeReducer';
import type { PairEvent } from './pairEvents';
import { type PairSnapshot, pairSnapshotOf, pairStateOf } from './pairSnapshot';
import { foldPair, type PairReplayResult, stepPair } from './pairTransition';
import type { ProgrammeEvent } from './programmeEvents';
import { type ProgrammeSnapshot, programmeContextOf, programmeSnapshotOf } from './programmeSnapshot';
import { foldProgramme, type ProgrammeReplayResult } from './programmeTransition';

registerCatalogue();

/**
 * One item of the stream {@link replayMany} reads: the start of a pair's or a
 * programme's log (its id and initial snapshot), or the next stored events of
 * the log started last — one (`event`) or a batch (`events`), in order.
 *
 * @category Replay
 * @example
 * const items: ReplayItem[] = [
 *   { kind: 'pair', id: 'pair-1', initial },
 *   { id: 'pair-1', event: log[0] },
 *   { id: 'pair-1', events: log.slice(1) },
 * ];
 */
export type ReplayItem =
  | { readonly kind: 'pair'; readonly id: string; readonly initial: PairSnapshot }
  | { readonly kind: 'programme'; readonly id: string; readonly initial: ProgrammeSnapshot }
  | { readonly id: string; readonly event: PairEvent | ProgrammeEvent }
  | { readonly id: string; readonly events: ReadonlyArray<PairEvent | ProgrammeEvent> };

/**
 * What {@link replayMany} yields for each log, when the stream moves past it:
 * the rebuilt snapshot, how many events were applied and, if the log breaks
 * the rules, the first refusal (the events after it are not applied).
 *
 * @category Replay
 * @example
 * for await (const r of replayMany(rows)) if (r.kind === 'pair') save(r.id, persistPair(r.snapshot));
 */
export type ReplayOutcome =
  | ({ readonly kind: 'pair'; readonly id: string } & PairReplayResult)
  | ({ readonly kind: 'programme'; readonly id: string } & ProgrammeReplayResult);

type Current =
  | {
      kind: 'pair';
      id: string;
      initial: PairSnapshot;
      work: PairWork;
      applied: number;
      refused?: PairReplayResult['refused'];
    }
  | {
      kind: 'programme';
      id: string;
      initial: ProgrammeSnapshot;
      work: ProgrammeWork;
      applied: number;
      refused?: ProgrammeReplayResult['refused'];
    };

function outcome(c: Current): ReplayOutcome {
  if (c.kind === 'pair') {
    const snapshot = c.applied === 0 ? c.initial : pairSnapshotOf(c.work.state());
    const base = { kind: 'pair' as const, id: c.id, snapshot, applied: c.applied };
    return c.refused ? { ...base, refused: c.refused } : base;
  }
  const snapshot = c.applied === 0 ? c.initial : programmeSnapshotOf(c.work.context);
  const base = { kind: 'programme' as const, id: c.id, snapshot, applied: c.applied };
  return c.refused ? { ...base, refused: c.refused } : base;
}

const badItem = (index: number, reason: InvalidInputReason) =>
  fail('invalid_input', ['source', index], { reason });

function apply(c: Current, events: ReadonlyArray<PairEvent | ProgrammeEvent>): void {
  if (c.refused || events.length === 0) return;
  if (c.kind === 'pair') {
    const r = foldPair(c.work, events as readonly PairEvent[], c.applied);
    c.applied = r.applied;
    if (r.refused) c.refused = r.refused;
  } else {
    const r = foldProgramme(c.work, events as readonly ProgrammeEvent[], c.applied);
    c.applied = r.applied;
    if (r.refused) c.refused = r.refused;
  }
}

/**
 * Rebuild many pairs and programmes from one stream of stored logs — e.g.
 * rows read from PostgreSQL with a cursor, ordered by log and sequence — with
 * the pure reducers of {@link replayPair} and {@link replayProgramme}: no
 * actors, no validation of events that were validated when appended. Yields
 * each log's outcome as soon as the stream moves past it, so memory stays
 * flat however many logs the stream holds. The stream must be grouped by
 * log: a log's events follow its start item.
 *
 * @category Replay
 * @throws NastavnikError when an item is malformed, an event belongs to a log
 *   other than the one started last, or an event is malformed (a TypeError
 *   never escapes).
 * @example
 * async function* rows() {
 *   yield { kind: 'pair', id: 'pair-1', initial } as const;
 *   for (const event of log) yield { id: 'pair-1', event };
 * }
 * for await (const r of replayMany(rows())) console.log(r.id, pairPhase(r.snapshot));
 */
export async function* replayMany(
  source: AsyncIterable<ReplayItem> | Iterable<ReplayItem>,
): AsyncGenerator<ReplayOutcome, void, undefined> {
  let current: Current | undefined;
  let index = 0;
  for await (const item of source) {
    if (typeof item !== 'object' || item === null || typeof item.id !== 'string') {
      throw badItem(index, 'streamItemWithoutId');
    }
    if ('initial' in item) {
      if (current) yield outcome(current);
      current =
        item.kind === 'pair'
          ? {
              kind: 'pair',
              id: item.id,
              initial: item.initial,
              work: new PairWork(pairStateOf(item.initial, ['source', index, 'initial'])),
              applied: 0,
            }
          : item.kind === 'programme'
            ? {
                kind: 'programme',
                id: item.id,
                initial: item.initial,
                work: new ProgrammeWork(programmeContextOf(item.initial, ['source', index, 'initial'])),
                applied: 0,
              }
            : (() => {
                throw badItem(index, 'streamLogKind');
              })();
    } else {
      if (current === undefined || current.id !== item.id) {
        throw badItem(index, 'streamNotGrouped');
      }
      if ('events' in item) {
        if (!Array.isArray(item.events)) {
          throw badItem(index, 'streamEventsNotArray');
        }
        apply(current, item.events);
      } else if (current.kind === 'pair') {
        if (current.refused === undefined) {
          const refusal = stepPair(current.work, item.event as PairEvent, current.applied);
          if (refusal) current.refused = { index: current.applied, refusal };
          else current.applied++;
        }
      } else apply(current, [item.event]);
    }
    index++;
  }
  if (current) yield outcome(current);
}
