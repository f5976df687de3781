import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Dev, staffClaims } from './_testing/auth';
import {
  consentBody,
  consentEvent,
  menteeBody,
  mentorBody,
  orderEvent,
  pairBody,
  pairConsentEvents,
  school,
} from './_testing/fixtures';
import { openTestPglite } from './_testing/pglite';
import { createApp } from './app';
import { createDevIssuer } from './auth';
import type { Db } from './db';

let db: Db;
let app: ReturnType<typeof createApp>;
let dev: Dev;
/** The school's head and curator (the default caller of these tests). */
let staff: Record<string, string>;
const logs: unknown[] = [];

beforeAll(async () => {
  db = await openTestPglite();
  dev = await createDevIssuer();
  staff = await bearer(dev, staffClaims);
  app = createApp({ db, auth: dev.auth, log: (e) => logs.push(e), logError: (e) => logs.push(e) });
  expect((await put('/school', school)).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}, as = staff) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...as, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
function put(path: string, body: unknown, headers: Record<string, string> = {}, as = staff) {
  return app.request(path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...as, ...headers },
    body: JSON.stringify(body),
  });
}
function get(path: string, as = staff) {
  return app.request(path, { headers: as });
}
// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
const json = async (r: Response): Promise<any> => r.json();

/** A mentor, a mentee, their registry entries; optionally their consents in the registry. */
async function people(prefix: string, withConsents = false) {
  const mentorId = `${prefix}-mentor`;
  const menteeId = `${prefix}-mentee`;
  expect((await post('/mentors', mentorBody(mentorId))).status).toBe(201);
  expect((await post('/mentees', menteeBody(menteeId))).status).toBe(201);
  if (withConsents) {
    for (const p of [mentorId, menteeId]) {
      for (const purpose of ['personalData', 'mentorDuties', 'participation']) {
        expect((await post('/consents', consentBody(`${p}-${purpose}`, p, purpose))).status).toBe(201);
      }
    }
  }
  return { mentorId, menteeId };
}

async function newPair(prefix: string, withConsents = false) {
  const { mentorId, menteeId } = await people(prefix, withConsents);
  const id = `${prefix}-pair`;
  const r = await post('/pairs', pairBody(id, mentorId, menteeId));
  expect(r.status).toBe(201);
  return { id, mentorId, menteeId };
}

describe('registries', () => {
  it('creates, updates and lists mentors, mentees, consents and requests', async () => {
    const { mentorId, menteeId } = await people('reg');
    const again = await post('/mentors', mentorBody(mentorId, 'Тимофеева-Орлова'));
    expect(again.status).toBe(409);
    const changed = await put(`/mentors/${mentorId}`, mentorBody(mentorId, 'Тимофеева-Орлова'), {
      'If-Match': '"0"',
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"1"');
    const mentors = await json(await get('/mentors'));
    expect(
      mentors.find((m: { person: { id: string } }) => m.person.id === mentorId).person.name.lastName,
    ).toBe('Тимофеева-Орлова');
    expect((await post('/consents', consentBody('reg-c1', menteeId, 'personalData'))).status).toBe(201);
    expect(
      (
        await put(
          '/consents/reg-c1',
          { ...consentBody('reg-c1', menteeId, 'personalData'), withdrawnAt: '2023-12-01' },
          { 'If-Match': '"0"' },
        )
      ).status,
    ).toBe(200);
    const consents = await json(await get(`/consents?personId=${menteeId}`));
    expect(consents).toEqual([expect.objectContaining({ id: 'reg-c1', withdrawnAt: '2023-12-01' })]);
    const request = {
      id: 'reg-r2',
      menteeId,
      difficulty: 'Дисциплина на уроках',
      source: 'psychologist',
      createdAt: '2023-09-12',
    };
    expect((await post('/requests', request)).status).toBe(201);
    const mentees = await json(await get('/mentees'));
    const mine = mentees.find((m: { person: { id: string } }) => m.person.id === menteeId);
    expect(mine.profile.requests.map((r: { id: string }) => r.id)).toEqual([`${menteeId}-r1`, 'reg-r2']);
    expect((await json(await get('/requests'))).length).toBeGreaterThanOrEqual(2);
  });

  it('answers bad input with 400 and the NastavnikError as JSON', async () => {
    const body = mentorBody('bad-1');
    const r = await post('/mentors', { ...body, profile: { ...body.profile, capacity: -1 } });
    expect(r.status).toBe(400);
    const e = await json(r);
    expect(e).toMatchObject({
      name: 'NastavnikError',
      code: 'capacity_negative',
      path: ['profile', 'capacity'],
    });
    expect(e.message).toMatch(/[а-я]/);
    expect(e.messageEn).toBe('Capacity cannot be negative');
    expect(e.issues).toHaveLength(1);

    const minor = await post('/consents', {
      ...consentBody('bad-c', 'x', 'personalData'),
      givenBy: 'parent',
    });
    expect(await json(minor)).toMatchObject({ code: 'representative_required', path: ['representative'] });

    const notJson = await post('/mentors', '{"person":');
    expect(notJson.status).toBe(400);
    expect(await json(notJson)).toMatchObject({ code: 'invalid_input' });

    const unknown = await post('/consents', consentBody('bad-c2', 'nobody', 'personalData'));
    expect(unknown.status).toBe(400);
    expect(await json(unknown)).toMatchObject({ code: 'unknown_reference', path: ['personId'] });

    const noMentee = await post('/requests', {
      id: 'r-x',
      menteeId: 'nobody',
      competence: 'assessment',
      source: 'self',
      createdAt: '2023-09-01',
    });
    expect(await json(noMentee)).toMatchObject({ code: 'unknown_reference', path: ['menteeId'] });

    const mismatch = await post('/mentors', { ...body, profile: { ...body.profile, personId: 'other' } });
    expect(await json(mismatch)).toMatchObject({ code: 'unknown_reference', path: ['profile', 'personId'] });
  });
});

describe('pairs and events', () => {
  it('creates a pair at version 0 and refuses unknown participants and a taken id', async () => {
    const { id, mentorId, menteeId } = await newPair('p0');
    const got = await get(`/pairs/${id}`);
    expect(got.headers.get('etag')).toBe('"0"');
    const p = await json(got);
    expect(p).toMatchObject({
      id,
      version: 0,
      phase: 'collectingConsents',
      snapshotFormat: 2,
      snapshot: { value: { forming: 'collectingConsents' } },
    });
    const dup = await post('/pairs', pairBody(id, mentorId, menteeId));
    expect(dup.status).toBe(409);
    expect(await json(dup)).toMatchObject({ code: 'duplicate_id' });
    const stranger = await post('/pairs', pairBody('p0-b', 'nobody', menteeId));
    expect(await json(stranger)).toMatchObject({ code: 'unknown_reference', path: ['pair', 'mentorId'] });
    const self = await post('/pairs', pairBody('p0-c', mentorId, mentorId));
    expect(await json(self)).toMatchObject({ code: 'self_pair' });
    expect((await get('/pairs/none')).status).toBe(404);
  });

  it('runs events through the pair machine: refused → 409 with the reason, accepted → stored in order', async () => {
    const { id, mentorId, menteeId } = await newPair('p1');
    const early = await post(`/pairs/${id}/events`, { event: orderEvent('1-о') });
    expect(early.status).toBe(409);
    const refusal = await json(early);
    expect(refusal).toMatchObject({
      name: 'EventRefused',
      code: 'consents_incomplete',
      refusal: { code: 'consents_incomplete', params: { personId: mentorId } },
      version: 0,
    });
    expect(refusal.message).toMatch(/[а-я]/);
    expect(refusal.messageEn).toEqual(expect.any(String));
    expect(await json(await get(`/pairs/${id}/events`))).toEqual([]);

    let version = 0;
    for (const event of pairConsentEvents(mentorId, menteeId)) {
      const r = await post(`/pairs/${id}/events`, { event, expectedVersion: version });
      expect(r.status).toBe(201);
      version += 1;
      expect(await json(r)).toMatchObject({ status: 'applied', seq: version, version });
    }
    const ordered = await post(`/pairs/${id}/events`, { event: orderEvent('1-о') }, { 'If-Match': '"4"' });
    expect(ordered.status).toBe(201);
    expect(ordered.headers.get('etag')).toBe('"5"');
    const pair = await json(await get(`/pairs/${id}`));
    expect(pair).toMatchObject({
      version: 5,
      phase: 'awaitingOrganizational',
      snapshot: { value: { running: 'awaitingOrganizational' } },
    });
    const events = await json(await get(`/pairs/${id}/events`));
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events[4].event.type).toBe('orderIssued');
    const again = await post(`/pairs/${id}/events`, { event: orderEvent('2-о') });
    expect(await json(again)).toMatchObject({ code: 'order_already_issued' });
  });

  it('answers a stale expected version with 409 version_conflict and applies nothing', async () => {
    const { id, mentorId } = await newPair('p2');
    expect(
      (
        await post(`/pairs/${id}/events`, {
          event: consentEvent('p2-c1', mentorId, 'personalData'),
          expectedVersion: 0,
        })
      ).status,
    ).toBe(201);
    const stale = await post(`/pairs/${id}/events`, {
      event: consentEvent('p2-c2', mentorId, 'mentorDuties'),
      expectedVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({
      code: 'version_conflict',
      expectedVersion: 0,
      actualVersion: 1,
    });
    const staleHeader = await post(
      `/pairs/${id}/events`,
      { event: consentEvent('p2-c2', mentorId, 'mentorDuties') },
      { 'If-Match': '"0"' },
    );
    expect(await json(staleHeader)).toMatchObject({ code: 'version_conflict' });
    expect((await json(await get(`/pairs/${id}`))).version).toBe(1);
  });

  it('does not apply a retried event (same eventId or Idempotency-Key) twice', async () => {
    const { id, mentorId } = await newPair('p3');
    const body = { event: consentEvent('p3-c1', mentorId, 'personalData'), eventId: 'client-1' };
    expect((await post(`/pairs/${id}/events`, body)).status).toBe(201);
    const retry = await post(`/pairs/${id}/events`, body);
    expect(retry.status).toBe(200);
    expect(await json(retry)).toMatchObject({ status: 'duplicate', seq: 1, version: 1 });
    const e2 = { event: consentEvent('p3-c2', mentorId, 'mentorDuties') };
    expect((await post(`/pairs/${id}/events`, e2, { 'Idempotency-Key': 'k-2' })).status).toBe(201);
    expect((await post(`/pairs/${id}/events`, e2, { 'Idempotency-Key': 'k-2' })).status).toBe(200);
    expect((await json(await get(`/pairs/${id}/events`))).length).toBe(2);
  });

  it('validates events with the machine’s schema (400) and knows unknown pairs (404)', async () => {
    const { id } = await newPair('p4');
    const bad = await post(`/pairs/${id}/events`, {
      event: { type: 'meetingHeld', date: '2023-13-01', by: { role: 'mentor' } },
    });
    expect(bad.status).toBe(400);
    const e = await json(bad);
    expect(e.name).toBe('NastavnikError');
    expect(e.path[0]).toBe('event');
    const noType = await post(`/pairs/${id}/events`, { event: { type: 'partyHeld' } });
    expect(noType.status).toBe(400);
    const badVersion = await post(`/pairs/${id}/events`, { event: orderEvent('x'), expectedVersion: -1 });
    expect(await json(badVersion)).toMatchObject({ path: ['expectedVersion'] });
    const missing = await post('/pairs/none/events', { event: consentEvent('c', 'x', 'personalData') });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: 'not_found' });
  });

  it('applies exactly one of concurrent requests at the same expected version', async () => {
    const { id, mentorId } = await newPair('p5');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(`/pairs/${id}/events`, {
          event: consentEvent(`p5-c${i}`, mentorId, 'publication'),
          expectedVersion: 0,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect((await json(await get(`/pairs/${id}/events`))).length).toBe(1);
  });
});

describe('matching, documents, indicators', () => {
  it('runs the optimal matching over the registries', async () => {
    await people('m1', true);
    const r = await post('/matching/run', { date: '2023-10-01' });
    expect(r.status).toBe(200);
    const result = await json(r);
    expect(result.algorithm).toMatch(/dense|sparse/);
    expect(result.pairs.some((p: { menteeId: string }) => p.menteeId === 'm1-mentee')).toBe(true);
    const bad = await post('/matching/run', { date: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ code: 'invalid_format', path: ['date'] });
  });

  it('downloads the order approving pairs as DOCX, and refuses it when a consent is missing', async () => {
    const { id } = await newPair('d1', true);
    const q = `number=7-о&date=2023-09-25&start=2023-10-01&end=2024-05-31&pairs=${id}`;
    const r = await get(`/documents/pairs-order.docx?${q}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    expect(r.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const { id: noConsents } = await newPair('d2');
    const refused = await get(`/documents/pairs-order.docx?${q.replace(id, noConsents)}`);
    expect(refused.status).toBe(400);
    expect(await json(refused)).toMatchObject({ code: 'consent_missing' });
    expect((await get('/documents/pairs-order.docx?number=1')).status).toBe(400);
    expect((await get(`/documents/pairs-order.docx?${q}-nope`)).status).toBe(404);
  });

  it('computes the school’s indicators from the registries and the pairs’ snapshots', async () => {
    const r = await get('/indicators?asOf=2024-05-31&checkpoint=may');
    expect(r.status).toBe(200);
    const { values } = await json(r);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v: { organizationId: string }) => v.organizationId === 'sch-test')).toBe(true);
    expect((await get('/indicators')).status).toBe(400);
  });
});

describe('logs', () => {
  it('carry route patterns and statuses, never names or ids from bodies', async () => {
    const text = JSON.stringify(logs);
    expect(text).toContain('/pairs/:id/events');
    expect(text).not.toContain('Тимофеева');
    expect(text).not.toContain('Яковлева');
    expect(text).not.toContain('p1-pair');
    expect(logs.some((l) => (l as { status?: number }).status === 409)).toBe(true);
  });
});

describe('health and unknown routes', () => {
  it('reports the storage and answers 404 as JSON', async () => {
    expect(await json(await get('/health'))).toEqual({ ok: true, storage: 'pglite' });
    const r = await get('/nope');
    expect(r.status).toBe(404);
    expect(await json(r)).toMatchObject({ code: 'not_found' });
  });
});
