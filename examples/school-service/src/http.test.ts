// Errors an unlucky or hostile client meets: every one is an RFC 9457 problem+json body with
// the SDK's code and both messages — never a 500, never an empty body.

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, staffClaims } from './_testing/auth';
import { menteeBody, mentorBody, pairBody, school } from './_testing/fixtures';
import { openTestPglite } from './_testing/pglite';
import { type App, createApp } from './app';
import { createDevIssuer } from './auth';
import type { Db } from './db';
import { openApiDocument } from './openapi';
import { serveApp } from './server';

let db: Db;
let app: App;
let staff: Record<string, string>;
let server: ReturnType<typeof serveApp>;
let base: string;
const errors: unknown[] = [];

// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
const json = async (r: Response): Promise<any> => r.json();

beforeAll(async () => {
  db = await openTestPglite();
  const dev = await createDevIssuer();
  staff = await bearer(dev, staffClaims);
  app = createApp({ db, auth: dev.auth, logError: (e) => errors.push(e) });
  server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const put = await app.request('/school', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...staff },
    body: JSON.stringify(school),
  });
  expect(put.status).toBe(201);
  for (const [path, body] of [
    ['/mentors', mentorBody('h-mentor')],
    ['/mentees', menteeBody('h-mentee')],
    ['/pairs', pairBody('h-pair', 'h-mentor', 'h-mentee')],
  ] as const) {
    const r = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(201);
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await db?.close();
});

/** A problem+json answer with the SDK's members. */
async function expectProblem(r: Response, status: number, code: string | RegExp) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
  const body = await json(r);
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:nastavnik:problem:/),
    title: expect.any(String),
  });
  expect(body.code).toMatch(code);
  expect(body.message).toMatch(/[а-яё]/i);
  expect(body.messageEn).toMatch(/[a-z]/i);
  expect(body.detail).toBe(body.messageEn);
  return body;
}

/** Raw bytes over a socket: what a client that does not encode its URL sends. */
function rawRequest(head: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(head, 'utf8')));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('utf8');
    });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(data);
    }, 3000).unref();
  });
}

describe('problem+json for every error', () => {
  it('400 for bad input carries the SDK error (code, path, issues)', async () => {
    const body = mentorBody('bad-1');
    const r = await app.request('/mentors', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: JSON.stringify({ ...body, profile: { ...body.profile, capacity: -1 } }),
    });
    const p = await expectProblem(r, 400, 'capacity_negative');
    expect(p.path).toEqual(['profile', 'capacity']);
    expect(p.issues).toHaveLength(1);
  });

  it('404 for an unknown route and an unknown pair; 405 with Allow for a wrong method', async () => {
    await expectProblem(await app.request('/nope', { headers: staff }), 404, 'not_found');
    await expectProblem(await app.request('/pairs/none', { headers: staff }), 404, 'not_found');
    const del = await app.request('/pairs/h-pair', { method: 'DELETE', headers: staff });
    const p = await expectProblem(del, 405, 'method_not_allowed');
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect(p.params.allow).toBe('GET, HEAD');
    const patch = await app.request('/mentors', { method: 'PATCH', headers: staff });
    await expectProblem(patch, 405, 'method_not_allowed');
    expect(patch.headers.get('allow')).toBe('GET, HEAD, POST');
    // The pair is still there.
    expect((await app.request('/pairs/h-pair', { headers: staff })).status).toBe(200);
  });

  it('400 with unsafe_text for NUL or a lone surrogate, in a body or in an id (no 500 from PostgreSQL)', async () => {
    await expectProblem(await app.request('/pairs/a%00b', { headers: staff }), 400, 'unsafe_text');
    await expectProblem(await app.request('/mentees/%00', { headers: staff }), 400, 'unsafe_text');
    const body = mentorBody('nul-1');
    for (const lastName of ['Тимо\u0000феева', 'Тимо\ud800феева']) {
      const r = await app.request('/mentors', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...staff },
        body: JSON.stringify({
          ...body,
          person: { ...body.person, name: { ...body.person.name, lastName } },
        }),
      });
      const p = await expectProblem(r, 400, 'unsafe_text');
      expect(p.path).toEqual(['person', 'name', 'lastName']);
    }
    const event = await app.request('/pairs/h-pair/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: JSON.stringify({
        event: { type: 'completed', date: '2024-05-30', by: { role: 'curator' } },
        eventId: 'e\u0000',
      }),
    });
    await expectProblem(event, 400, 'unsafe_text');
    // A malformed percent-encoding stays as typed: an id nobody has.
    await expectProblem(await app.request('/pairs/%E0%A4%A', { headers: staff }), 404, 'not_found');
    expect(errors).toEqual([]);
  });

  it('400 with a body for a raw Cyrillic query value (refused by the HTTP parser) and a bad percent-encoding', async () => {
    const raw = await rawRequest(
      'GET /indicators?asOf=завтра HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ status: 400, code: 'malformed_request' });
    expect(body.message).toMatch(/[а-я]/);
    const encoded = await fetch(`${base}/indicators?asOf=${encodeURIComponent('завтра')}`, {
      headers: staff,
    });
    await expectProblem(encoded, 400, 'invalid_format');
    const badPercent = await fetch(`${base}/indicators?asOf=%E0%A4%A`, { headers: staff });
    await expectProblem(badPercent, 400, /invalid_format|invalid_encoding/);
  });

  it('401, 409 and 412 are problems too', async () => {
    await expectProblem(await app.request('/pairs'), 401, 'unauthenticated');
    const dup = await app.request('/pairs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: JSON.stringify(pairBody('h-pair', 'h-mentor', 'h-mentee')),
    });
    await expectProblem(dup, 409, 'duplicate_id');
    const stale = await app.request('/mentors/h-mentor', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'If-Match': '"3"', ...staff },
      body: JSON.stringify(mentorBody('h-mentor')),
    });
    await expectProblem(stale, 412, 'version_conflict');
    const staleEvent = await app.request('/pairs/h-pair/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'If-Match': '"9"', ...staff },
      body: JSON.stringify({ event: { type: 'completed', date: '2024-05-30', by: { role: 'curator' } } }),
    });
    await expectProblem(staleEvent, 412, 'version_conflict');
    const refused = await app.request('/pairs/h-pair/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: JSON.stringify({ event: { type: 'completed', date: '2024-05-30', by: { role: 'curator' } } }),
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('the API description', () => {
  it('is OpenAPI 3.1 with every route the app serves, bodies from the zod schemas', async () => {
    const r = await app.request('/openapi.json');
    expect(r.status).toBe(200);
    const doc = await json(r);
    expect(doc).toEqual(openApiDocument());
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = app.routes
      .filter(
        (route) =>
          route.method !== 'ALL' && !route.path.startsWith('/docs') && route.path !== '/openapi.json',
      )
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(20);
    expect([...new Set(served)].filter((s) => !documented.has(s))).toEqual([]);
    expect([...documented].filter((d) => !served.includes(d))).toEqual([]);
    // Request bodies are generated from the same schemas the routes validate with.
    const person = doc.components.schemas.MentorBody.properties.person;
    expect(person.required).toEqual(expect.arrayContaining(['id', 'organizationId', 'category', 'name']));
    expect(
      doc.components.schemas.EventEnvelope.properties.event.oneOf ??
        doc.components.schemas.EventEnvelope.properties.event.anyOf,
    ).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('has a page to read it, served by the service itself (nothing from the Internet)', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const bundle = await app.request('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect(await (await app.request('/docs/init.js')).text()).toContain("url: '/openapi.json'");
    expect((await app.request('/docs/nope.js')).status).toBe(404);
  });
});

// Last: the server closes a connection after a 413, which a pooled client connection may hit.
describe('oversized bodies', () => {
  it('413 for a 4 MB body, with or without a Content-Length (chunked)', async () => {
    const big = JSON.stringify({ person: { id: 'x', pad: 'я'.repeat(2 * 1024 * 1024) } });
    await expectProblem(
      await fetch(`${base}/mentors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...staff },
        body: big,
      }),
      413,
      'payload_too_large',
    );
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const piece = new TextEncoder().encode('a'.repeat(64 * 1024));
        for (let i = 0; i < 64; i++) controller.enqueue(piece);
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/mentors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(chunked, 413, 'payload_too_large');
    expect(errors).toEqual([]);
  });
});
