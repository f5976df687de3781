import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, testDatabaseUrl } from './_testing/databases';
import { acceptedEvent, createWorldPair, refusedEvent } from './_testing/world';
import type { Db } from './db';
import { type PersistedPair, pairTransition, readPairSnapshot } from './pairs';
import { canonicalJson, createEventStore, type EventStore } from './store';

const t = pairTransition;

describe.each(testDatabases())('event store on $name, with the real pair machine', (backend) => {
  let db: Db;
  let store: EventStore;
  let n = 0;
  const newPair = async (): Promise<string> => {
    n += 1;
    const id = `pair-${n}`;
    await createWorldPair(store, id);
    return id;
  };

  beforeAll(async () => {
    db = await backend.open();
    store = createEventStore(db);
  });
  afterAll(async () => {
    await db?.close();
    await backend.cleanup();
  });

  it('appends events in order and keeps version = number of events', async () => {
    const id = await newPair();
    for (let v = 0; v < 5; v++) {
      const r = await store.appendEvent(id, v, acceptedEvent(id, v), t);
      expect(r).toMatchObject({ kind: 'applied', seq: v + 1, version: v + 1 });
    }
    const p = await store.getPair<unknown, PersistedPair>(id);
    expect(p?.version).toBe(5);
    expect(p?.snapshot.version).toBe(2);
    expect(readPairSnapshot(p?.snapshot).context.consents).toHaveLength(5);
    const events = await store.listEvents<{ type: string }>(id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events[0]?.event.type).toBe('consentRecorded');
    expect(events[0]?.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await store.verifyPair(id, t)).toMatchObject({ ok: true, version: 5, eventCount: 5 });
  });

  it('refuses a stale expected version and writes nothing', async () => {
    const id = await newPair();
    await store.appendEvent(id, 0, acceptedEvent(id, 1), t);
    const r = await store.appendEvent(id, 0, acceptedEvent(id, 2), t);
    expect(r).toEqual({ kind: 'conflict', expectedVersion: 0, actualVersion: 1 });
    expect((await store.listEvents(id)).length).toBe(1);
  });

  it('stores nothing for an event the machine refuses, and returns the refusal', async () => {
    const id = await newPair();
    await store.appendEvent(id, 0, acceptedEvent(id, 1), t);
    const r = await store.appendEvent(id, 1, refusedEvent(), t);
    expect(r.kind).toBe('refused');
    if (r.kind === 'refused') expect(r.refused.code).toBe('consents_incomplete');
    expect((await store.getPair(id))?.version).toBe(1);
    expect((await store.listEvents(id)).length).toBe(1);
  });

  it('does not apply a retried event (same eventId) twice', async () => {
    const id = await newPair();
    const e = acceptedEvent(id, 1);
    const first = await store.appendEvent(id, 0, e, t, { eventId: 'e-1' });
    const retry = await store.appendEvent(id, 0, e, t, { eventId: 'e-1' });
    const latest = await store.appendEvent(id, 'latest', e, t, { eventId: 'e-1' });
    expect(first.kind).toBe('applied');
    expect(retry).toMatchObject({ kind: 'duplicate', seq: 1, version: 1 });
    expect(latest).toMatchObject({ kind: 'duplicate', seq: 1 });
    expect((await store.listEvents(id)).length).toBe(1);
  });

  it('reports an unknown pair and an id already taken', async () => {
    expect(await store.appendEvent('nope', 0, acceptedEvent('nope', 1), t)).toEqual({ kind: 'not_found' });
    const id = await newPair();
    expect(await store.createPair(id, { id }, {})).toBe(false);
  });

  it('applies exactly one of many concurrent events at the same expected version', async () => {
    const id = await newPair();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.appendEvent(id, 0, acceptedEvent(id, i), t)),
    );
    expect(results.filter((r) => r.kind === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(11);
    expect(await store.verifyPair(id, t)).toMatchObject({ ok: true, version: 1, eventCount: 1 });
  });

  it('applies every one of many concurrent events appended at the latest version, each once', async () => {
    const ids = [await newPair(), await newPair()];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const id = ids[i % 2]!;
        return store.appendEvent(id, 'latest', acceptedEvent(id, i), t, { eventId: `c-${i}` });
      }),
    );
    expect(results.every((r) => r.kind === 'applied')).toBe(true);
    for (const id of ids) {
      const v = await store.verifyPair(id, t);
      expect(v).toMatchObject({ ok: true, version: 15, eventCount: 15, contiguous: true });
      const eventIds = (await store.listEvents(id)).map((e) => e.eventId);
      expect(new Set(eventIds).size).toBe(15);
    }
  });

  it('rejects a second event with the same seq at the database level', async () => {
    const id = await newPair();
    await store.appendEvent(id, 0, acceptedEvent(id, 1), t);
    await expect(
      db.query(`insert into pair_events (pair_id, seq, event_id, event) values ($1, 1, 'x', '{}')`, [id]),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('detects a snapshot that does not match its events', async () => {
    const id = await newPair();
    await store.appendEvent(id, 0, acceptedEvent(id, 1), t);
    expect(await store.verifyPair(id, t)).toMatchObject({ ok: true });
    await db.query('update pairs set snapshot = initial_snapshot where id = $1', [id]);
    expect(await store.verifyPair(id, t)).toMatchObject({ ok: false, replayMatches: false });
  });

  it('applies its migrations once', async () => {
    const { migrate } = await import('./db');
    expect(await migrate(db)).toEqual([]);
  });
});

describe('real PostgreSQL', () => {
  it(
    testDatabaseUrl
      ? 'is configured (TEST_DATABASE_URL): the store, crash and load tests ran against it too'
      : 'is not configured: set TEST_DATABASE_URL to run the store, crash and load tests against a server',
    () => {
      expect(testDatabases().map((d) => d.name)).toEqual(
        testDatabaseUrl ? ['PGlite', 'PostgreSQL'] : ['PGlite'],
      );
    },
  );
});

describe('canonicalJson', () => {
  it('ignores key order and undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
