import {
  migratePairSnapshot,
  type PairEvent,
  persistPair,
  type ReplayItem,
  replayMany,
} from '@nastavnik/machines';
import type { Db } from './db';
import { canonicalJson } from './store';

/**
 * Options of {@link rebuildPairs}.
 *
 * @example
 * const o: RebuildOptions = { pageSize: 5000, write: true };
 */
export interface RebuildOptions {
  /** Rows read per query (keyset pages, so memory stays flat however large the log). */
  readonly pageSize?: number;
  /** Write the rebuilt snapshots back (a projection rebuilt after new rules); by default only compare. */
  readonly write?: boolean;
}

/**
 * What {@link rebuildPairs} did.
 *
 * @example
 * const r: RebuildReport = await rebuildPairs(db); r.mismatched.length === 0;
 */
export interface RebuildReport {
  readonly pairs: number;
  readonly events: number;
  /** Pairs whose log a rule now refuses (the events after the refusal are not applied). */
  readonly refused: readonly string[];
  /** Pairs whose stored snapshot differs from the one their log rebuilds. */
  readonly mismatched: readonly string[];
  /** Snapshots written back (with `write`). */
  readonly written: number;
  readonly durationMs: number;
}

type PairRow = { id: string; initial_snapshot: unknown; snapshot: unknown; version: number };
type EventRow = { pair_id: string; seq: number; event: unknown };

async function* pages<R extends object>(
  db: Db,
  query: (after: R | undefined) => readonly [string, readonly unknown[]],
): AsyncGenerator<R> {
  let after: R | undefined;
  for (;;) {
    const [sql, params] = query(after);
    const rows = (await db.query<R>(sql, params)).rows;
    yield* rows;
    if (rows.length === 0) return;
    after = rows[rows.length - 1];
  }
}

/**
 * Rebuild every pair's projection (its stored snapshot) from PostgreSQL
 * through the machines' streaming replay (`replayMany`): pairs and their
 * events are read in keyset pages ordered by pair and sequence, streamed into
 * the pure reducer, and each rebuilt snapshot is compared with (or, with
 * `write`, written over) the stored one. The events were validated when they
 * were appended, so they are not validated again.
 *
 * @example
 * const r = await rebuildPairs(db, { write: true });
 * console.log(`${r.pairs} pairs, ${r.events} events, ${r.mismatched.length} rebuilt differently`);
 */
export async function rebuildPairs(db: Db, options: RebuildOptions = {}): Promise<RebuildReport> {
  const size = Math.max(1, Math.min(100_000, options.pageSize ?? 5000));
  const t0 = performance.now();
  const stored = new Map<string, PairRow>();
  const pairRows = pages<PairRow>(db, (after) => [
    `select id, initial_snapshot, snapshot, version from pairs ${after ? 'where id collate "C" > $2' : ''} order by id collate "C" limit $1`,
    after ? [size, after.id] : [size],
  ]);
  const eventRows = pages<EventRow>(db, (after) => [
    `select pair_id, seq, event from pair_events ${after ? 'where pair_id collate "C" > $2 or (pair_id = $2 and seq > $3)' : ''} order by pair_id collate "C", seq limit $1`,
    after ? [size, after.pair_id, after.seq] : [size],
  ]);
  let events = 0;

  // Both streams are ordered by pair id (byte order, as JavaScript compares): a merge
  // yields each pair's start, then its events.
  async function* items(): AsyncGenerator<ReplayItem> {
    let pending = await eventRows.next();
    for await (const p of pairRows) {
      stored.set(p.id, p);
      yield { kind: 'pair', id: p.id, initial: migratePairSnapshot(p.initial_snapshot) };
      // The pair's rows as one item (one log's events at a time: memory stays flat).
      const log: PairEvent[] = [];
      while (!pending.done && pending.value.pair_id <= p.id) {
        if (pending.value.pair_id === p.id) {
          events += 1;
          log.push(pending.value.event as PairEvent);
        }
        pending = await eventRows.next();
      }
      if (log.length > 0) yield { id: p.id, events: log };
    }
  }

  let pairs = 0;
  let written = 0;
  const refused: string[] = [];
  const mismatched: string[] = [];
  for await (const r of replayMany(items())) {
    if (r.kind !== 'pair') continue;
    pairs += 1;
    if (r.refused) refused.push(r.id);
    const row = stored.get(r.id);
    stored.delete(r.id);
    const rebuilt = persistPair(r.snapshot);
    if (row && canonicalJson(rebuilt) !== canonicalJson(row.snapshot)) {
      mismatched.push(r.id);
      if (options.write) {
        const u = await db.query(
          'update pairs set snapshot = $1::text::jsonb, updated_at = now() where id = $2 and version = $3',
          [JSON.stringify(rebuilt), r.id, row.version],
        );
        written += u.rowCount;
      }
    }
  }
  return { pairs, events, refused, mismatched, written, durationMs: Math.round(performance.now() - t0) };
}
