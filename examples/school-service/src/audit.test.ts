// The audit log: who read or changed whose personal data, when and from where; append-only,
// hash-chained, and a verifier that finds a modified, deleted or truncated entry.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Dev, staffClaims } from './_testing/auth';
import { consentBody, mentorBody, ORG, pairBody, pupilMenteeBody, school } from './_testing/fixtures';
import { openTestPglite } from './_testing/pglite';
import { type App, createApp } from './app';
import {
  AUDIT_GENESIS,
  type AuditEntry,
  auditHash,
  readAudit,
  verifyAuditChain,
  verifyAuditLog,
} from './audit';
import { createDevIssuer } from './auth';
import type { Db } from './db';

let db: Db;
let app: App;
let dev: Dev;
let staff: Record<string, string>;
let parent: Record<string, string>;
let tick = 0;
const clock = () => new Date(Date.parse('2026-01-15T09:00:00Z') + ++tick * 1000);

function send(method: string, path: string, as: Record<string, string>, body?: unknown) {
  return app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...as },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

beforeAll(async () => {
  db = await openTestPglite();
  dev = await createDevIssuer();
  app = createApp({ db, auth: dev.auth, now: clock });
  staff = await bearer(dev, staffClaims);
  parent = await bearer(dev, { sub: 'parent-1', org: ORG, roles: ['parent'], children: ['pupil-1'] });
  expect((await send('PUT', '/school', staff, school)).status).toBe(201);
  expect((await send('POST', '/mentors', staff, mentorBody('a-mentor'))).status).toBe(201);
  expect((await send('POST', '/mentees', staff, pupilMenteeBody('pupil-1'))).status).toBe(201);
  expect((await send('POST', '/mentees', staff, pupilMenteeBody('pupil-2'))).status).toBe(201);
  expect((await send('POST', '/pairs', staff, pairBody('a-pair', 'a-mentor', 'pupil-1'))).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});

describe('the audit log records', () => {
  it('every read and change of personal data: who, when, what, whose, from where — and no names', async () => {
    const before = (await readAudit(db)).length;
    expect((await send('GET', '/mentees', parent)).status).toBe(200);
    expect(
      (await send('POST', '/consents', staff, consentBody('a-c1', 'pupil-2', 'personalData'))).status,
    ).toBe(201);
    expect((await send('GET', '/pairs/a-pair', parent)).status).toBe(200);
    const entries = (await readAudit(db)).slice(before);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      actor: 'parent-1',
      actorOrg: ORG,
      roles: ['parent'],
      action: 'read',
      resource: 'GET /mentees',
      subjects: ['pupil-1'],
      source: expect.any(String),
      at: expect.stringMatching(/^2026-01-15T09:\d\d:\d\d\.000Z$/),
    });
    expect(entries[1]).toMatchObject({
      actor: `${ORG}-head`,
      action: 'create',
      resource: 'POST /consents a-c1',
      subjects: ['pupil-2'],
    });
    expect(entries[2]).toMatchObject({
      action: 'read',
      resource: 'GET /pairs/:id a-pair',
      subjects: ['a-mentor', 'pupil-1'],
    });
    const all = JSON.stringify(await readAudit(db));
    expect(all).not.toMatch(/Соколова|Тимофеева|Дарья/);
  });

  it('writes a change and its entry together: a refused change leaves no entry', async () => {
    const before = (await readAudit(db)).length;
    expect((await send('POST', '/mentors', staff, mentorBody('pupil-1'))).status).toBe(409);
    expect((await send('POST', '/consents', parent, consentBody('x', 'pupil-2', 'publication'))).status).toBe(
      403,
    );
    expect((await readAudit(db)).length).toBe(before);
  });

  it('is readable and verifiable by the head only', async () => {
    const v = await send('GET', '/audit/verify', staff);
    expect(await v.json()).toMatchObject({ ok: true, count: (await readAudit(db)).length });
    expect((await send('GET', '/audit?limit=2', staff)).status).toBe(200);
    expect((await send('GET', '/audit', parent)).status).toBe(403);
    const curator = await bearer(dev, { sub: 'cur', org: ORG, roles: ['curator'] });
    expect((await send('GET', '/audit/verify', curator)).status).toBe(403);
  });

  it('is append-only in the database: update, delete and truncate fail', async () => {
    await expect(db.query(`update audit_log set actor = 'someone' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});

describe('the verifier', () => {
  it('finds an entry modified behind the triggers’ back, and one deleted', async () => {
    const fresh = await openTestPglite();
    try {
      const a = createApp({ db: fresh, auth: dev.auth });
      const go = (method: string, path: string, body?: unknown) =>
        a.request(path, {
          method,
          headers: { 'content-type': 'application/json', ...staff },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      expect((await go('PUT', '/school', school)).status).toBe(201);
      expect((await go('POST', '/mentees', pupilMenteeBody('p-1'))).status).toBe(201);
      for (let i = 0; i < 4; i++) expect((await go('GET', '/mentees')).status).toBe(200);
      const good = await verifyAuditLog(fresh, { pageSize: 2 });
      expect(good).toMatchObject({ ok: true, count: 6, lastSeq: 6 });
      // Someone with the database owner's rights hides who read the child's data.
      await fresh.exec('alter table audit_log disable trigger user');
      await fresh.query(`update audit_log set subjects = '[]'::jsonb where seq = 4`);
      expect(await verifyAuditLog(fresh, { pageSize: 2 })).toEqual({
        ok: false,
        seq: 4,
        reason: 'hash_mismatch',
      });
      // …and recomputing that entry's hash breaks the link of the next one.
      const [e4] = await readAudit(fresh, { afterSeq: 3, limit: 1 });
      await fresh.query('update audit_log set hash = $1 where seq = 4', [auditHash(e4!)]);
      expect(await verifyAuditLog(fresh)).toEqual({ ok: false, seq: 5, reason: 'broken_link' });
      await fresh.query('delete from audit_log where seq = 4');
      expect(await verifyAuditLog(fresh)).toEqual({ ok: false, seq: 4, reason: 'gap' });
      // Cutting off the newest entries leaves a shorter valid chain: an anchor kept elsewhere catches it.
      await fresh.query('delete from audit_log where seq >= 4');
      expect((await verifyAuditLog(fresh)).ok).toBe(true);
      expect(
        await verifyAuditLog(fresh, {
          anchor: { seq: good.ok ? good.lastSeq : 0, hash: good.ok ? good.lastHash : '' },
        }),
      ).toMatchObject({
        ok: false,
        reason: 'anchor_mismatch',
      });
    } finally {
      await fresh.close();
    }
  });

  it('detects any single changed field and any single removed entry of any chain (property)', () => {
    const entry = fc.record({
      actor: fc.string({ minLength: 1, maxLength: 8 }),
      actorOrg: fc.constant(ORG),
      roles: fc.array(fc.constantFrom('head', 'curator', 'parent'), { maxLength: 3 }),
      action: fc.constantFrom('read', 'create', 'update', 'append', 'export') as fc.Arbitrary<
        AuditEntry['action']
      >,
      resource: fc.string({ maxLength: 12 }),
      subjects: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 4 }),
      source: fc.constantFrom('127.0.0.1', '::1', 'unknown'),
    });
    const chainOf = (inputs: readonly Omit<AuditEntry, 'seq' | 'at' | 'prevHash' | 'hash'>[]) => {
      const out: AuditEntry[] = [];
      let prevHash = AUDIT_GENESIS;
      inputs.forEach((input, i) => {
        const body = {
          ...input,
          seq: i + 1,
          at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
          prevHash,
        };
        const e = { ...body, hash: auditHash(body) };
        out.push(e);
        prevHash = e.hash;
      });
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom('actor', 'resource', 'subjects', 'at', 'source', 'action', 'drop'),
        (inputs, k, field) => {
          const chain = chainOf(inputs);
          expect(verifyAuditChain(chain)).toMatchObject({ ok: true, count: chain.length });
          const i = k % (chain.length - 1); // never the last: truncation needs an anchor (tested above)
          const tampered = [...chain];
          if (field === 'drop') tampered.splice(i, 1);
          else {
            const e = tampered[i]!;
            tampered[i] =
              field === 'subjects'
                ? { ...e, subjects: [...e.subjects, 'x'] }
                : field === 'action'
                  ? { ...e, action: e.action === 'read' ? 'update' : 'read' }
                  : { ...e, [field]: `${String(e[field])}!` };
          }
          const v = verifyAuditChain(tampered);
          expect(v.ok).toBe(false);
          if (!v.ok) expect(v.seq).toBe(i + 1);
        },
      ),
    );
  });
});
