import { type Db, type Queryable, sqlState, UNIQUE_VIOLATION } from './db';

/**
 * What a transition function returns: the next snapshot, or the unchanged
 * one with the reason the event was refused. The store is generic over it, so
 * any pure `(snapshot, event) → result` function can drive a pair (the
 * service uses `pairTransition` of `@nastavnik/machines`).
 *
 * @example
 * const step: TransitionFn<{ n: number }, { type: 'inc' }, string> = (s) => ({ snapshot: { n: s.n + 1 } });
 */
export interface TransitionResult<S, R> {
  readonly snapshot: S;
  readonly refused?: R | undefined;
}

/** A pure transition: no clock, no I/O; replaying the same events gives the same snapshot. @example const t: TransitionFn<S, E, R> = pairTransition; */
export type TransitionFn<S, E, R> = (snapshot: S, event: E) => TransitionResult<S, R>;

/**
 * A pair as stored: the pair record, the machine's snapshot and the number of
 * events applied to it (`version`).
 *
 * @example
 * const p = await store.getPair('pair-1'); if (p) console.log(p.version);
 */
export interface StoredPair<P, S> {
  readonly id: string;
  readonly pair: P;
  readonly snapshot: S;
  readonly version: number;
}

/** An event as stored: its place in the pair's log, the client's id for it, the event itself. @example const e: StoredEvent<E> = events[0]!; */
export interface StoredEvent<E> {
  readonly seq: number;
  readonly eventId: string;
  readonly event: E;
  readonly recordedAt: string;
}

/**
 * The outcome of {@link EventStore.appendEvent}.
 * - `applied`: stored with sequence number `seq`; `version === seq`.
 * - `duplicate`: an event with this `eventId` is already stored (a retried
 *   request); nothing was written.
 * - `refused`: the transition refused the event; nothing was written.
 * - `conflict`: the pair is not at `expectedVersion` (another event won).
 * - `not_found`: no such pair.
 *
 * @example
 * const r = await store.appendEvent('pair-1', 3, event, pairTransition);
 * if (r.kind === 'conflict') console.log(r.actualVersion);
 */
export type AppendResult<S, R> =
  | { readonly kind: 'applied'; readonly seq: number; readonly version: number; readonly snapshot: S }
  | { readonly kind: 'duplicate'; readonly seq: number; readonly version: number; readonly snapshot: S }
  | { readonly kind: 'refused'; readonly refused: R; readonly version: number; readonly snapshot: S }
  | { readonly kind: 'conflict'; readonly expectedVersion: number; readonly actualVersion: number }
  | { readonly kind: 'not_found' };

/** Options of {@link EventStore.appendEvent}. @example { eventId: crypto.randomUUID() } */
export interface AppendOptions {
  /** The client's id for the event: a retry with the same id is not applied twice. */
  readonly eventId?: string;
  /** With `expectedVersion: 'latest'`: how many times to re-read and retry after a conflict. */
  readonly maxAttempts?: number;
  /** Runs in the append's transaction once the event is written (the service's audit entry). */
  readonly inTransaction?: (tx: Queryable) => Promise<void>;
}

/**
 * The result of replaying a pair's log (see {@link EventStore.verifyPair}).
 *
 * @example
 * const v = await store.verifyPair('pair-1', pairTransition); expect(v.ok).toBe(true);
 */
export interface Verification {
  readonly ok: boolean;
  readonly version: number;
  readonly eventCount: number;
  /** seq runs 1…eventCount without a gap or a repeat. */
  readonly contiguous: boolean;
  /** Replaying every event from the initial snapshot gives the stored snapshot. */
  readonly replayMatches: boolean;
  /** Events the transition refused during replay (a stored event must never be refused). */
  readonly refusedOnReplay: number;
}

type PairRow = { id: string; data: unknown; snapshot: unknown; version: number };
type EventRow = { seq: number; event_id: string; event: unknown; recorded_at: string };

const json = (value: unknown): string => JSON.stringify(value);

/**
 * A JSON text with object keys sorted at every level: the same for two values
 * that are equal as JSON (jsonb does not keep key order).
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  // The round trip drops `undefined` members exactly as storing does.
  return JSON.stringify(sort(JSON.parse(JSON.stringify(value) ?? 'null')));
}

/**
 * Fold events over a snapshot with a transition function.
 *
 * @example
 * const { snapshot, refused } = replay(initial, events.map((e) => e.event), pairTransition);
 */
export function replay<S, E, R>(
  initial: S,
  events: readonly E[],
  transition: TransitionFn<S, E, R>,
): { snapshot: S; refused: number } {
  let snapshot = initial;
  let refused = 0;
  for (const event of events) {
    const r = transition(snapshot, event);
    if (r.refused !== undefined) refused += 1;
    snapshot = r.snapshot;
  }
  return { snapshot, refused };
}

/**
 * The event store of pairs over a {@link Db}: a row per pair (record,
 * snapshot, version) and an append-only log of events. An event is appended
 * in one transaction with the new snapshot, guarded twice: the snapshot update
 * only matches the expected version, and `(pair_id, seq)` is unique.
 *
 * @example
 * const store = createEventStore(db);
 * await store.createPair('pair-1', pair, createPairSnapshot(pair));
 * await store.appendEvent('pair-1', 0, { type: 'CONSENTS_COLLECTED', date: '2023-09-10' }, pairTransition);
 */
export function createEventStore(db: Db) {
  async function readPair<P, S>(
    q: Queryable,
    pairId: string,
    lock = false,
  ): Promise<StoredPair<P, S> | undefined> {
    const r = await q.query<PairRow>(
      `select id, data, snapshot, version from pairs where id = $1${lock ? ' for update' : ''}`,
      [pairId],
    );
    const row = r.rows[0];
    return row && { id: row.id, pair: row.data as P, snapshot: row.snapshot as S, version: row.version };
  }

  async function attempt<S, E, R>(
    pairId: string,
    expectedVersion: number | 'latest',
    event: E,
    transition: TransitionFn<S, E, R>,
    eventId: string,
    inTransaction?: (tx: Queryable) => Promise<void>,
  ): Promise<AppendResult<S, R>> {
    return db.transaction(async (tx): Promise<AppendResult<S, R>> => {
      // A caller without a version of its own waits for the row instead of
      // retrying: writers of one pair queue up. Callers with a version stay
      // optimistic, and the version check below guards both.
      const current = await readPair<unknown, S>(tx, pairId, expectedVersion === 'latest');
      if (!current) return { kind: 'not_found' };
      const seen = await tx.query<{ seq: number }>(
        'select seq from pair_events where pair_id = $1 and event_id = $2',
        [pairId, eventId],
      );
      const dup = seen.rows[0];
      if (dup)
        return { kind: 'duplicate', seq: dup.seq, version: current.version, snapshot: current.snapshot };
      const expected = expectedVersion === 'latest' ? current.version : expectedVersion;
      if (current.version !== expected) {
        return { kind: 'conflict', expectedVersion: expected, actualVersion: current.version };
      }
      const next = transition(current.snapshot, event);
      if (next.refused !== undefined) {
        return {
          kind: 'refused',
          refused: next.refused,
          version: current.version,
          snapshot: current.snapshot,
        };
      }
      const updated = await tx.query(
        'update pairs set snapshot = $1::text::jsonb, version = version + 1, updated_at = now() where id = $2 and version = $3',
        [json(next.snapshot), pairId, expected],
      );
      if (updated.rowCount !== 1) {
        const now = await readPair<unknown, S>(tx, pairId);
        return { kind: 'conflict', expectedVersion: expected, actualVersion: now?.version ?? -1 };
      }
      const seq = expected + 1;
      await tx.query(
        'insert into pair_events (pair_id, seq, event_id, event) values ($1, $2, $3, $4::text::jsonb)',
        [pairId, seq, eventId, json(event)],
      );
      await inTransaction?.(tx);
      return { kind: 'applied', seq, version: seq, snapshot: next.snapshot };
    });
  }

  return {
    db,

    /** Store a new pair at version 0. `false` when the id is taken (nothing written). */
    async createPair<P, S>(
      pairId: string,
      pair: P,
      initialSnapshot: S,
      inTransaction?: (tx: Queryable) => Promise<void>,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const r = await tx.query(
          `insert into pairs (id, data, initial_snapshot, snapshot, version)
           values ($1, $2::text::jsonb, $3::text::jsonb, $3::text::jsonb, 0) on conflict (id) do nothing returning id`,
          [pairId, json(pair), json(initialSnapshot)],
        );
        if (r.rows.length === 0) return false;
        await inTransaction?.(tx);
        return true;
      });
    },

    getPair<P, S>(pairId: string): Promise<StoredPair<P, S> | undefined> {
      return readPair<P, S>(db, pairId);
    },

    async listPairs<P, S>(): Promise<StoredPair<P, S>[]> {
      const r = await db.query<PairRow>('select id, data, snapshot, version from pairs order by id');
      return r.rows.map((row) => ({
        id: row.id,
        pair: row.data as P,
        snapshot: row.snapshot as S,
        version: row.version,
      }));
    },

    async listEvents<E>(pairId: string): Promise<StoredEvent<E>[]> {
      const r = await db.query<EventRow>(
        `select seq, event_id, event, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at
           from pair_events where pair_id = $1 order by seq`,
        [pairId],
      );
      return r.rows.map((row) => ({
        seq: row.seq,
        eventId: row.event_id,
        event: row.event as E,
        recordedAt: row.recorded_at,
      }));
    },

    /**
     * Append one event if the pair is at `expectedVersion` (or at whatever
     * version it is, with `'latest'`, re-reading after a conflict) and the
     * transition accepts it. The event and the new snapshot are written in one
     * transaction: both or neither.
     */
    async appendEvent<S, E, R>(
      pairId: string,
      expectedVersion: number | 'latest',
      event: E,
      transition: TransitionFn<S, E, R>,
      options: AppendOptions = {},
    ): Promise<AppendResult<S, R>> {
      const eventId = options.eventId ?? crypto.randomUUID();
      const attempts = expectedVersion === 'latest' ? (options.maxAttempts ?? 50) : 1;
      let last: AppendResult<S, R> = { kind: 'not_found' };
      for (let i = 0; i < attempts; i++) {
        try {
          last = await attempt(pairId, expectedVersion, event, transition, eventId, options.inTransaction);
        } catch (error) {
          // A concurrent writer took this seq (or this event id) first.
          if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
          const now = await readPair(db, pairId);
          const expected = expectedVersion === 'latest' ? (now?.version ?? 0) - 1 : expectedVersion;
          last = { kind: 'conflict', expectedVersion: expected, actualVersion: now?.version ?? -1 };
        }
        if (last.kind !== 'conflict') return last;
        if (i + 1 < attempts) await new Promise((r) => setTimeout(r, Math.random() * 5 * (i + 1)));
      }
      return last;
    },

    /**
     * Replay a pair's log from its initial snapshot and compare with what is
     * stored: the check that a crash lost nothing and applied nothing twice.
     */
    async verifyPair<S, E, R>(pairId: string, transition: TransitionFn<S, E, R>): Promise<Verification> {
      return db.transaction(async (tx) => {
        const p = await tx.query<{ initial_snapshot: S; snapshot: S; version: number }>(
          'select initial_snapshot, snapshot, version from pairs where id = $1',
          [pairId],
        );
        const row = p.rows[0];
        if (!row) throw new Error(`no pair ${pairId}`);
        const ev = await tx.query<{ seq: number; event: E }>(
          'select seq, event from pair_events where pair_id = $1 order by seq',
          [pairId],
        );
        const contiguous = ev.rows.every((e, i) => e.seq === i + 1);
        const r = replay(
          row.initial_snapshot,
          ev.rows.map((e) => e.event),
          transition,
        );
        const replayMatches = canonicalJson(r.snapshot) === canonicalJson(row.snapshot);
        return {
          ok: contiguous && replayMatches && r.refused === 0 && row.version === ev.rows.length,
          version: row.version,
          eventCount: ev.rows.length,
          contiguous,
          replayMatches,
          refusedOnReplay: r.refused,
        };
      });
    },
  };
}

/** The event store's interface. @example const store: EventStore = createEventStore(db); */
export type EventStore = ReturnType<typeof createEventStore>;
