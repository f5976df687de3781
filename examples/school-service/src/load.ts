import type { AddressInfo } from 'node:net';
import { menteeBody, mentorBody, ORG, pairBody, school } from './_testing/fixtures';
import { acceptedEvent, refusedEvent } from './_testing/world';
import { createApp } from './app';
import { createDevIssuer } from './auth';
import type { Db } from './db';
import { pairTransition } from './pairs';
import { type RebuildReport, rebuildPairs } from './rebuild';
import { serveApp } from './server';
import { createEventStore } from './store';

/**
 * Options of {@link runLoad}: how many concurrent clients, how many pairs they
 * share, how many events each client posts; every `refuseEvery`-th event is
 * one the machine refuses (counted, never stored).
 *
 * @example
 * const o: LoadOptions = { clients: 16, pairs: 4, eventsPerClient: 50 };
 */
export interface LoadOptions {
  readonly clients: number;
  readonly pairs: number;
  readonly eventsPerClient: number;
  readonly refuseEvery?: number;
  /** Give up (and fail) after this long. */
  readonly timeoutMs?: number;
}

/**
 * What a load run measured and what the store held afterwards.
 *
 * @example
 * const r = await runLoad(db, { clients: 8, pairs: 2, eventsPerClient: 10 }); r.lost === 0 && r.duplicated === 0;
 */
export interface LoadReport {
  readonly storage: Db['kind'];
  readonly clients: number;
  readonly pairs: number;
  readonly requests: number;
  readonly applied: number;
  readonly refused: number;
  /** 409 version_conflict answers that the optimistic clients re-read and retried. */
  readonly conflictsRetried: number;
  readonly durationMs: number;
  /** Applied events per second. */
  readonly throughput: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number };
  /** Acknowledged (201) events missing from the log. */
  readonly lost: number;
  /** Event ids stored more than once, or stored without a 201. */
  readonly duplicated: number;
  /** Every pair replays from its log to exactly its stored snapshot, with version = event count. */
  readonly replayOk: boolean;
  readonly eventsStored: number;
  /** The projections rebuilt from the database through the machines' streaming replay (`replayMany`). */
  readonly rebuild: RebuildReport;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

/**
 * A bounded load test on loopback: start the service on 127.0.0.1 (a free
 * port) over `db` with a development token issuer, set up the school, create
 * the pairs through the API, then let `clients`
 * concurrent clients post pair events. Half of the clients are optimistic
 * (read the version, post with `expectedVersion`, re-read and retry on a 409
 * `version_conflict`); the other half let the server append on top of the
 * latest version. Every event has a client id (`eventId`). Afterwards the
 * event log is checked against what the clients were told: nothing lost,
 * nothing applied twice, every pair replays to its snapshot.
 *
 * @example
 * const report = await runLoad(await openDb({}), { clients: 16, pairs: 4, eventsPerClient: 50 });
 */
export async function runLoad(db: Db, options: LoadOptions): Promise<LoadReport> {
  // Tokens of a development issuer: the clients are the school's head and curator.
  const dev = await createDevIssuer();
  const token = await dev.token({ sub: `${ORG}-head`, org: ORG, roles: ['head', 'curator'] });
  const authorization = { Authorization: `Bearer ${token}` };
  const app = createApp({ db, auth: dev.auth });
  const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify(body),
    });

  try {
    if ((await fetch(`${base}/school`, { headers: authorization })).status === 404) {
      const r = await fetch(`${base}/school`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...authorization },
        body: JSON.stringify(school),
      });
      if (r.status !== 201) throw new Error(`setup /school: ${r.status}`);
    }
    const run = `load-${Date.now().toString(36)}`;
    const pairIds: string[] = [];
    for (let p = 0; p < options.pairs; p++) {
      const id = `${run}-${p}`;
      const mentorId = `${id}-mentor`;
      const menteeId = `${id}-mentee`;
      for (const [path, body] of [
        ['/mentors', mentorBody(mentorId)],
        ['/mentees', menteeBody(menteeId)],
        ['/pairs', pairBody(id, mentorId, menteeId)],
      ] as const) {
        const r = await post(path, body);
        if (r.status !== 201) throw new Error(`setup ${path}: ${r.status}`);
      }
      pairIds.push(id);
    }

    const acknowledged = new Map<string, string[]>(pairIds.map((id) => [id, []]));
    const latencies: number[] = [];
    let requests = 0;
    let refused = 0;
    let conflictsRetried = 0;

    const client = async (c: number): Promise<void> => {
      const optimistic = c % 2 === 1;
      for (let k = 0; k < options.eventsPerClient; k++) {
        const pairId = pairIds[(c + k) % pairIds.length]!;
        const eventId = `${run}-c${c}-e${k}`;
        const refuse = options.refuseEvery !== undefined && (k + 1) % options.refuseEvery === 0;
        const event = refuse ? refusedEvent() : acceptedEvent(pairId, eventId);
        for (;;) {
          if (Date.now() > deadline) throw new Error('load test timed out');
          let expectedVersion: number | undefined;
          if (optimistic) {
            const got = await fetch(`${base}/pairs/${pairId}`, { headers: authorization });
            expectedVersion = ((await got.json()) as { version: number }).version;
          }
          const t0 = performance.now();
          const r = await post(`/pairs/${pairId}/events`, {
            event,
            eventId,
            ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          });
          latencies.push(performance.now() - t0);
          requests += 1;
          const body = (await r.json()) as { code?: string };
          if (r.status === 201) {
            acknowledged.get(pairId)?.push(eventId);
            break;
          }
          if (r.status === 409 && body.code === 'version_conflict') {
            conflictsRetried += 1;
            continue;
          }
          if (r.status === 409 && refuse) {
            refused += 1;
            break;
          }
          throw new Error(`unexpected answer ${r.status} ${body.code ?? ''}`);
        }
      }
    };

    const t0 = performance.now();
    await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
    const durationMs = performance.now() - t0;

    const store = createEventStore(db);
    let lost = 0;
    let duplicated = 0;
    let replayOk = true;
    let eventsStored = 0;
    for (const id of pairIds) {
      const stored = (await store.listEvents(id)).map((e) => e.eventId);
      eventsStored += stored.length;
      const counts = new Map<string, number>();
      for (const e of stored) counts.set(e, (counts.get(e) ?? 0) + 1);
      const acked = new Set(acknowledged.get(id));
      for (const e of acked) if (!counts.has(e)) lost += 1;
      for (const [e, n] of counts) if (n > 1 || !acked.has(e)) duplicated += 1;
      const v = await store.verifyPair(id, pairTransition);
      replayOk &&= v.ok && v.eventCount === acked.size;
    }
    // Every pair's projection rebuilt from the database in one stream, compared with the stored one.
    const rebuild = await rebuildPairs(db, { pageSize: 64 });
    const applied = [...acknowledged.values()].reduce((n, xs) => n + xs.length, 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      storage: db.kind,
      clients: options.clients,
      pairs: options.pairs,
      requests,
      applied,
      refused,
      conflictsRetried,
      durationMs: Math.round(durationMs),
      throughput: Math.round((applied / durationMs) * 1000),
      latencyMs: {
        p50: round(quantile(sorted, 0.5)),
        p95: round(quantile(sorted, 0.95)),
        max: round(sorted.at(-1) ?? 0),
      },
      lost,
      duplicated,
      replayOk,
      eventsStored,
      rebuild,
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
