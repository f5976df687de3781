/**
 * Recipe: pairs in PostgreSQL as an event store. A row per pair (snapshot +
 * version) and an append-only log of events, appended in one transaction with
 * optimistic concurrency. Runs on PGlite (PostgreSQL compiled to WASM, in
 * memory); with node-postgres the SQL is the same.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  createPairSnapshot,
  migratePairSnapshot,
  type PairEvent,
  type PairEventInput,
  pairPhase,
  pairTransition,
  persistPair,
  replayPair,
} from '@nastavnik/machines';

// #region schema
const SCHEMA = `
  create table pairs (
    id text primary key,
    initial_snapshot jsonb not null,      -- what a replay starts from
    snapshot jsonb not null,              -- persistPair(): compact { version, layout, phase, context }
    version integer not null default 0    -- events applied so far
  );
  create table pair_events (
    pair_id text not null references pairs(id),
    seq integer not null check (seq >= 1),
    event_id text not null,               -- the client's id: a retried request is not applied twice
    event jsonb not null,
    recorded_at timestamptz not null default now(),
    primary key (pair_id, seq),
    unique (pair_id, event_id)
  );`;
// #endregion schema

// #region append
type AppendResult =
  | { kind: 'applied'; version: number }
  | { kind: 'duplicate' }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'conflict'; actualVersion: number }
  | { kind: 'notFound' };

/**
 * Append one event: read the snapshot, let the machine decide, write the new
 * snapshot only if nobody else wrote first, and log the event — all in one
 * transaction. A refusal writes nothing and is answered as data (HTTP 409).
 */
async function appendEvent(
  db: PGlite,
  pairId: string,
  expectedVersion: number,
  eventId: string,
  event: PairEventInput,
): Promise<AppendResult> {
  return db.transaction(async (tx: Transaction): Promise<AppendResult> => {
    const row = (
      await tx.query<{ snapshot: unknown; version: number }>(
        'select snapshot, version from pairs where id = $1 for update',
        [pairId],
      )
    ).rows[0];
    if (!row) return { kind: 'notFound' };
    const seen = await tx.query('select 1 from pair_events where pair_id = $1 and event_id = $2', [
      pairId,
      eventId,
    ]);
    if (seen.rows.length > 0) return { kind: 'duplicate' };
    if (row.version !== expectedVersion) return { kind: 'conflict', actualVersion: row.version };

    const result = pairTransition(migratePairSnapshot(row.snapshot), event);
    if (result.refused)
      return { kind: 'refused', code: result.refused.code, message: result.refused.message };

    const version = row.version + 1;
    await tx.query('update pairs set snapshot = $1, version = $2 where id = $3 and version = $4', [
      JSON.stringify(persistPair(result.snapshot)),
      version,
      pairId,
      row.version,
    ]);
    await tx.query('insert into pair_events (pair_id, seq, event_id, event) values ($1, $2, $3, $4)', [
      pairId,
      version,
      eventId,
      JSON.stringify(result.event), // the validated event, not the raw request
    ]);
    return { kind: 'applied', version };
  });
}
// #endregion append

export interface PostgresSummary {
  results: string[];
  phase: string;
  events: number;
  replayMatches: boolean;
}

export async function main(): Promise<PostgresSummary> {
  const db = await PGlite.create(); // in memory; `new pg.Pool(...)` in production
  try {
    await db.exec(SCHEMA);

    // #region create
    const initial = createPairSnapshot(
      {
        id: 'pair-1',
        organizationId: 'lyceum-7',
        mentorId: 't-7',
        menteeIds: ['t-2'],
        form: 'educatorEducator',
        formats: ['traditional'],
        origin: 'matching',
      },
      {
        date: '2023-09-01',
        participants: [
          { id: 't-7', category: 'teacher' },
          { id: 't-2', category: 'teacher' },
        ],
      },
    );
    const stored = JSON.stringify(persistPair(initial));
    await db.query('insert into pairs (id, initial_snapshot, snapshot) values ($1, $2, $2)', [
      'pair-1',
      stored,
    ]);
    // #endregion create

    // #region use
    const consent = (personId: string, purpose: 'personalData' | 'mentorDuties'): PairEventInput => ({
      type: 'consentRecorded',
      date: '2023-09-10',
      by: { role: 'curator' },
      consent: { id: `c-${personId}-${purpose}`, personId, purpose, givenBy: 'self', givenAt: '2023-09-10' },
    });
    const results: AppendResult[] = [];
    results.push(await appendEvent(db, 'pair-1', 0, 'req-1', consent('t-7', 'personalData')));
    results.push(await appendEvent(db, 'pair-1', 1, 'req-1', consent('t-7', 'personalData'))); // a retry: duplicate
    results.push(await appendEvent(db, 'pair-1', 0, 'req-2', consent('t-7', 'mentorDuties'))); // stale: conflict
    results.push(
      await appendEvent(db, 'pair-1', 1, 'req-3', {
        type: 'orderIssued', // before the mentee's consents: refused
        date: '2023-09-12',
        by: { role: 'head' },
        order: {
          id: 'ord-12',
          organizationId: 'lyceum-7',
          kind: 'approvePairs',
          number: '12-р',
          date: '2023-09-12',
          title: 'О закреплении наставнических пар',
          signatory: { position: 'директор', name: { lastName: 'Иванова', firstName: 'Анна' } },
        },
      }),
    );
    results.push(await appendEvent(db, 'pair-1', 1, 'req-4', consent('t-7', 'mentorDuties')));
    results.push(await appendEvent(db, 'pair-1', 2, 'req-5', consent('t-2', 'personalData')));
    results.push(await appendEvent(db, 'pair-1', 3, 'req-6', consent('t-2', 'mentorDuties')));
    console.log(results.map((r) => r.kind).join(', ')); // applied, duplicate, conflict, refused, applied…
    // #endregion use

    // #region verify
    // The log is the truth: replaying it from the initial snapshot gives the stored snapshot.
    const pair = (
      await db.query<{ initial_snapshot: unknown; snapshot: unknown }>(
        'select initial_snapshot, snapshot from pairs where id = $1',
        ['pair-1'],
      )
    ).rows[0]!;
    // The events were validated when they were appended: replayPair takes them as they are.
    const log = await db.query<{ event: PairEvent }>(
      'select event from pair_events where pair_id = $1 order by seq',
      ['pair-1'],
    );
    const replay = replayPair(
      migratePairSnapshot(pair.initial_snapshot),
      log.rows.map((r) => r.event),
    );
    const current = migratePairSnapshot(pair.snapshot);
    const replayMatches = JSON.stringify(replay.snapshot) === JSON.stringify(current);
    console.log(
      `Фаза: ${pairPhase(current)}; событий: ${log.rows.length}; журнал сходится: ${replayMatches}`,
    );
    // #endregion verify

    return {
      results: results.map((r) => r.kind),
      phase: pairPhase(current),
      events: log.rows.length,
      replayMatches,
    };
  } finally {
    await db.close();
  }
}
