// Who gets in, and to what: tokens, organizations, roles, a parent and a mentor who try to
// read and write what is not theirs; creating never takes over an existing record.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Dev, staffClaims } from './_testing/auth';
import {
  consentBody,
  consentEvent,
  menteeBody,
  mentorBody,
  ORG,
  orderEvent,
  pairBody,
  pupilMenteeBody,
  school,
} from './_testing/fixtures';
import { openTestPglite } from './_testing/pglite';
import { type App, createApp } from './app';
import { createDevIssuer } from './auth';
import type { Db } from './db';

let db: Db;
let app: App;
let dev: Dev;
let staff: Record<string, string>;
/** Head and curator of another school. */
let otherSchool: Record<string, string>;
/** The parent of pupil A (not of pupil B). */
let parentA: Record<string, string>;
/** The mentor of pair A (not of pair B). */
let mentorA: Record<string, string>;
/** Pupil A as a mentee. */
let menteeA: Record<string, string>;
let municipal: Record<string, string>;

const OTHER = 'sch-other';

function send(method: string, path: string, as: Record<string, string>, body?: unknown, headers = {}) {
  return app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...as, ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
const json = async (r: Response): Promise<any> => r.json();

beforeAll(async () => {
  db = await openTestPglite();
  dev = await createDevIssuer();
  app = createApp({ db, auth: dev.auth });
  staff = await bearer(dev, staffClaims);
  otherSchool = await bearer(dev, { sub: `${OTHER}-head`, org: OTHER, roles: ['head', 'curator'] });
  parentA = await bearer(dev, { sub: 'parent-a', org: ORG, roles: ['parent'], children: ['pupil-a'] });
  mentorA = await bearer(dev, { sub: 'mentor-a', org: ORG, roles: ['mentor'] });
  menteeA = await bearer(dev, { sub: 'pupil-a', org: ORG, roles: ['mentee'] });
  municipal = await bearer(dev, { sub: 'mun-curator', org: 'mun-1', roles: ['municipalCurator'] });
  const withParent = { ...school, organization: { ...school.organization, parentId: 'mun-1' } };
  expect((await send('PUT', '/school', staff, withParent)).status).toBe(201);
  for (const [id, who] of [
    ['a', 'mentor-a'],
    ['b', 'mentor-b'],
  ] as const) {
    expect((await send('POST', '/mentors', staff, mentorBody(who))).status).toBe(201);
    expect((await send('POST', '/mentees', staff, pupilMenteeBody(`pupil-${id}`))).status).toBe(201);
    expect((await send('POST', '/pairs', staff, pairBody(`pair-${id}`, who, `pupil-${id}`))).status).toBe(
      201,
    );
  }
  expect((await send('POST', '/consents', staff, consentBody('c-b', 'pupil-b', 'personalData'))).status).toBe(
    201,
  );
});
afterAll(async () => {
  await db?.close();
});

describe('authentication', () => {
  it('answers 401 with problem+json to no token, a foreign key, another audience and an expired token', async () => {
    const none = await app.request('/mentees');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await json(none)).toMatchObject({ status: 401, code: 'unauthenticated' });

    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ org: ORG, roles: ['head'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer(dev.auth.issuer)
      .setAudience(dev.auth.audience)
      .setExpirationTime('1h')
      .sign(privateKey);
    const other = await createDevIssuer({ audience: 'another-service' });
    const wrongAudience = await other.token({ sub: 'x', org: ORG, roles: ['head'] });
    const expired = await dev.token({ sub: 'x', org: ORG, roles: ['head'] }, -120);
    for (const token of [forged, wrongAudience, expired, 'not-a-token-at-all']) {
      const r = await app.request('/mentees', { headers: { Authorization: `Bearer ${token}` } });
      expect(r.status).toBe(401);
      expect(await json(r)).toMatchObject({ code: 'unauthenticated' });
    }
    // A token without roles is refused too (the claims are validated).
    const unsigned = `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ sub: 'x', org: ORG, roles: ['head'] }))}.`;
    expect((await app.request('/mentees', { headers: { Authorization: `Bearer ${unsigned}` } })).status).toBe(
      401,
    );
  });

  it('keeps /health, /openapi.json and /docs public, and nothing else', async () => {
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/openapi.json')).status).toBe(200);
    expect((await app.request('/docs')).status).toBe(200);
    for (const path of [
      '/school',
      '/mentors',
      '/pairs',
      '/consents',
      '/requests',
      '/indicators?asOf=2024-05-31',
      '/audit',
    ]) {
      expect((await app.request(path)).status).toBe(401);
    }
  });
});

describe('a second school', () => {
  it('can read nothing of this school (403)', async () => {
    for (const path of [
      '/school',
      '/mentors',
      '/mentees',
      '/mentees/pupil-a',
      '/pairs',
      '/pairs/pair-a',
      '/consents',
      '/requests',
      '/audit',
    ]) {
      const r = await send('GET', path, otherSchool);
      expect(r.status, path).toBe(403);
      expect(await json(r)).toMatchObject({ code: 'forbidden', params: { reason: 'wrong_organization' } });
    }
  });

  it('can write nothing here: not the school record, a mentor, a consent, a pair or an event', async () => {
    const stolen = { ...school, organization: { ...school.organization, id: OTHER } };
    expect((await send('PUT', '/school', otherSchool, stolen, { 'If-Match': '"0"' })).status).toBe(403);
    expect((await send('PUT', '/school', otherSchool, school, { 'If-Match': '"0"' })).status).toBe(403);
    expect((await send('POST', '/mentors', otherSchool, mentorBody('x-1'))).status).toBe(403);
    expect(
      (await send('POST', '/consents', otherSchool, consentBody('x-c', 'pupil-a', 'publication'))).status,
    ).toBe(403);
    expect((await send('POST', '/pairs', otherSchool, pairBody('x-p', 'mentor-a', 'pupil-a'))).status).toBe(
      403,
    );
    const end = {
      type: 'terminated',
      date: '2023-10-01',
      by: { role: 'curator' },
      initiator: 'curator',
      reason: 'x',
    };
    expect((await send('POST', '/pairs/pair-a/events', otherSchool, { event: end })).status).toBe(403);
    expect((await json(await send('GET', '/pairs/pair-a/events', staff))).length).toBe(0);
    expect((await json(await send('GET', '/school', staff))).head.id).toBe(school.head.id);
  });

  it('is refused when this school’s staff post a mentor or a pair with the other school’s organizationId', async () => {
    const body = mentorBody('foreign-mentor');
    const foreign = await send('POST', '/mentors', staff, {
      ...body,
      person: { ...body.person, organizationId: OTHER },
    });
    expect(foreign.status).toBe(403);
    expect(await json(foreign)).toMatchObject({
      code: 'forbidden',
      params: { reason: 'wrong_organization' },
    });
    const pair = pairBody('foreign-pair', 'mentor-a', 'pupil-a');
    const r = await send('POST', '/pairs', staff, { ...pair, pair: { ...pair.pair, organizationId: OTHER } });
    expect(r.status).toBe(403);
    expect((await send('GET', '/pairs/foreign-pair', staff)).status).toBe(404);
  });
});

describe('a parent', () => {
  it('sees only their own child: the child, the child’s pair and its mentor — nobody else', async () => {
    const mentees = await json(await send('GET', '/mentees', parentA));
    expect(mentees.map((m: { person: { id: string } }) => m.person.id)).toEqual(['pupil-a']);
    const pairs = await json(await send('GET', '/pairs', parentA));
    expect(pairs.map((p: { id: string }) => p.id)).toEqual(['pair-a']);
    const mentors = await json(await send('GET', '/mentors', parentA));
    expect(mentors.map((m: { person: { id: string } }) => m.person.id)).toEqual(['mentor-a']);
    expect((await send('GET', '/mentees/pupil-b', parentA)).status).toBe(404);
    expect((await send('GET', '/pairs/pair-b', parentA)).status).toBe(404);
    expect((await send('GET', '/pairs/pair-b/events', parentA)).status).toBe(404);
    expect((await send('GET', '/mentors/mentor-b', parentA)).status).toBe(404);
    expect(await json(await send('GET', '/consents?personId=pupil-b', parentA))).toEqual([]);
    expect((await send('GET', '/consents/c-b', parentA)).status).toBe(404);
    expect(await json(await send('GET', '/requests', parentA))).toEqual([
      expect.objectContaining({ menteeId: 'pupil-a' }),
    ]);
    expect((await send('GET', '/requests/pupil-b-r1', parentA)).status).toBe(404);
  });

  it('writes only for their own child, and only what a parent may record', async () => {
    expect(
      (await send('POST', '/consents', parentA, consentBody('pa-c', 'pupil-b', 'personalData'))).status,
    ).toBe(403);
    const own = {
      ...consentBody('pa-c1', 'pupil-a', 'personalData'),
      givenBy: 'parent',
      representative: { lastName: 'Соколова', firstName: 'Ирина' },
    };
    expect((await send('POST', '/consents', parentA, own)).status).toBe(201);
    // …and withdraw it (152-ФЗ ст. 9 ч. 2), with the version read.
    const withdrawn = { ...own, withdrawnAt: '2023-09-20', withdrawnBy: 'parent' };
    expect((await send('PUT', '/consents/pa-c1', parentA, withdrawn, { 'If-Match': '"0"' })).status).toBe(
      200,
    );
    expect(
      (
        await send(
          'PUT',
          '/consents/c-b',
          parentA,
          { ...consentBody('c-b', 'pupil-b', 'personalData'), withdrawnAt: '2023-09-20' },
          { 'If-Match': '"0"' },
        )
      ).status,
    ).toBe(403);
    expect((await send('POST', '/mentors', parentA, mentorBody('pa-m'))).status).toBe(403);
    expect((await send('POST', '/pairs', parentA, pairBody('pa-p', 'mentor-a', 'pupil-a'))).status).toBe(403);
    expect((await send('PUT', '/school', parentA, school, { 'If-Match': '"0"' })).status).toBe(403);
    expect((await send('POST', '/matching/run', parentA, { date: '2023-10-01' })).status).toBe(403);
    expect((await send('GET', '/documents/pairs-order.docx?pairs=pair-a', parentA)).status).toBe(403);
    expect((await send('GET', '/audit', parentA)).status).toBe(403);
    // Another child's pair: as if it did not exist.
    const end = {
      type: 'terminated',
      date: '2023-10-01',
      by: { role: 'parent' },
      initiator: 'mentee',
      reason: 'x',
    };
    expect((await send('POST', '/pairs/pair-b/events', parentA, { event: end })).status).toBe(404);
    // Their child's pair: a parent may not issue the order, nor pose as the curator.
    const order = await send('POST', '/pairs/pair-a/events', parentA, { event: orderEvent('9-о') });
    expect(order.status).toBe(403);
    const asCurator = await send('POST', '/pairs/pair-a/events', parentA, {
      event: consentEvent('pa-c2', 'pupil-a', 'participation'),
    });
    expect(asCurator.status).toBe(403);
    // …nor act on behalf of someone else's child, even in their own child's pair.
    const forOther = await send('POST', '/pairs/pair-a/events', parentA, {
      event: {
        ...consentEvent('pa-c3', 'pupil-a', 'participation'),
        by: { role: 'parent', onBehalfOf: 'pupil-b' },
      },
    });
    expect(forOther.status).toBe(403);
    const forOwn = await send('POST', '/pairs/pair-a/events', parentA, {
      event: {
        ...consentEvent('pa-c4', 'pupil-a', 'participation'),
        by: { role: 'parent', onBehalfOf: 'pupil-a' },
        consent: {
          ...consentBody('pa-c4', 'pupil-a', 'participation', '2023-09-20'),
          givenBy: 'parent',
          representative: { lastName: 'Соколова', firstName: 'Ирина' },
        },
      },
    });
    expect(forOwn.status).toBe(201);
    expect((await json(await send('GET', '/pairs/pair-a/events', staff))).length).toBe(1);
  });
});

describe('a mentor and a mentee', () => {
  it('see only their own pairs and record events in their own name', async () => {
    expect((await json(await send('GET', '/pairs', mentorA))).map((p: { id: string }) => p.id)).toEqual([
      'pair-a',
    ]);
    expect((await json(await send('GET', '/pairs', menteeA))).map((p: { id: string }) => p.id)).toEqual([
      'pair-a',
    ]);
    expect((await send('GET', '/pairs/pair-b', mentorA)).status).toBe(404);
    expect(
      (await json(await send('GET', '/mentees', mentorA))).map(
        (m: { person: { id: string } }) => m.person.id,
      ),
    ).toEqual(['pupil-a']);
    expect((await send('POST', '/mentees', mentorA, menteeBody('m-x'))).status).toBe(403);
    const event = { ...consentEvent('ma-c', 'mentor-a', 'personalData'), by: { role: 'mentor' } };
    const mine = await send('POST', '/pairs/pair-a/events', mentorA, { event });
    expect(mine.status).toBe(201);
    const stored = await json(await send('GET', '/pairs/pair-a/events', staff));
    expect(stored.at(-1).event.by).toEqual({ role: 'mentor', id: 'mentor-a' });
    const impostor = {
      ...consentEvent('ma-c2', 'mentor-a', 'mentorDuties'),
      by: { role: 'mentor', id: 'mentor-b' },
    };
    expect((await send('POST', '/pairs/pair-a/events', mentorA, { event: impostor })).status).toBe(403);
    const other = { ...consentEvent('ma-c3', 'mentor-b', 'personalData'), by: { role: 'mentor' } };
    expect((await send('POST', '/pairs/pair-b/events', mentorA, { event: other })).status).toBe(404);
  });

  it('the municipal curator above the school reads indicators, not personal data', async () => {
    expect((await send('GET', '/indicators?asOf=2024-05-31&checkpoint=may', municipal)).status).toBe(200);
    for (const path of ['/mentees', '/pairs', '/consents', '/mentors']) {
      const r = await json(await send('GET', path, municipal));
      expect(r, path).toEqual([]);
    }
    expect((await send('POST', '/mentors', municipal, mentorBody('mun-x'))).status).toBe(403);
  });
});

describe('create and update are distinct', () => {
  it('refuses a mentor posted with an existing pupil’s id (409) and leaves the pupil as they were', async () => {
    const r = await send('POST', '/mentors', staff, mentorBody('pupil-a', 'Захватова'));
    expect(r.status).toBe(409);
    expect(await json(r)).toMatchObject({ code: 'duplicate_id', path: ['person', 'id'] });
    const pupil = await json(await send('GET', '/mentees/pupil-a', staff));
    expect(pupil.person).toMatchObject({ category: 'pupil', name: { lastName: 'Соколова' } });
    expect((await send('GET', '/mentors/pupil-a', staff)).status).toBe(404);
  });

  it('refuses a mentee whose request reuses another mentee’s request id, writing nothing', async () => {
    const body = menteeBody('thief');
    const steal = {
      ...body,
      profile: { ...body.profile, requests: [{ ...body.profile.requests[0], id: 'pupil-a-r1' }] },
    };
    const r = await send('POST', '/mentees', staff, steal);
    expect(r.status).toBe(409);
    expect(await json(r)).toMatchObject({ code: 'duplicate_id', path: ['profile', 'requests', 0, 'id'] });
    expect((await send('GET', '/mentees/thief', staff)).status).toBe(404);
    expect(await json(await send('GET', '/requests/pupil-a-r1', staff))).toMatchObject({
      menteeId: 'pupil-a',
    });
    const direct = await send('POST', '/requests', staff, {
      ...steal.profile.requests[0],
      menteeId: 'pupil-b',
    });
    expect(direct.status).toBe(409);
    // Updating another mentee with a request id of pupil A does not move the request either.
    const b = pupilMenteeBody('pupil-b');
    const moved = {
      ...b,
      profile: { ...b.profile, requests: [{ ...b.profile.requests[0], id: 'pupil-a-r1' }] },
    };
    expect((await send('PUT', '/mentees/pupil-b', staff, moved, { 'If-Match': '"0"' })).status).toBe(409);
    expect(await json(await send('GET', '/requests/pupil-a-r1', staff))).toMatchObject({
      menteeId: 'pupil-a',
    });
  });

  it('updates with If-Match only: 428 without it, 412 when stale, 200 with the next ETag', async () => {
    const body = pupilMenteeBody('pupil-b', 'Соколова-Белова');
    expect((await send('PUT', '/mentees/pupil-b', staff, body)).status).toBe(428);
    const stale = await send('PUT', '/mentees/pupil-b', staff, body, { 'If-Match': '"7"' });
    expect(stale.status).toBe(412);
    expect(await json(stale)).toMatchObject({
      code: 'version_conflict',
      expectedVersion: 7,
      actualVersion: 0,
    });
    const ok = await send('PUT', '/mentees/pupil-b', staff, body, { 'If-Match': '"0"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"1"');
    expect((await send('PUT', '/mentees/pupil-b', staff, body, { 'If-Match': '"0"' })).status).toBe(412);
    const got = await send('GET', '/mentees/pupil-b', staff);
    expect(got.headers.get('etag')).toBe('"1"');
    expect((await json(got)).person.name.lastName).toBe('Соколова-Белова');
    expect(
      (await send('PUT', '/mentees/nobody', staff, pupilMenteeBody('nobody'), { 'If-Match': '"0"' })).status,
    ).toBe(404);
    const school2 = await send('PUT', '/school', staff, school);
    expect(school2.status).toBe(428);
    expect((await send('PUT', '/school', staff, school, { 'If-Match': '"5"' })).status).toBe(412);
    expect((await send('POST', '/pairs', staff, pairBody('pair-a', 'mentor-b', 'pupil-b'))).status).toBe(409);
  });
});
