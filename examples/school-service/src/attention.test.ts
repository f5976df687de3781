// Pairs that need attention: who sees which findings, and the digest. Two pairs of a mentor and a
// pupil each (proposed 2023-09-15, no consents yet), one pupil waiting for a mentor since 2023-09-01.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Dev, staffClaims } from './_testing/auth';
import { mentorBody, ORG, pairBody, pupilMenteeBody, school } from './_testing/fixtures';
import { openTestPglite } from './_testing/pglite';
import { type App, createApp } from './app';
import { createDevIssuer } from './auth';
import type { Db } from './db';

let db: Db;
let app: App;
let dev: Dev;
let staff: Record<string, string>;
let otherSchool: Record<string, string>;
let parentA: Record<string, string>;
let mentorA: Record<string, string>;
let menteeA: Record<string, string>;
let municipal: Record<string, string>;

const DATE = '2023-10-16';

function get(path: string, as: Record<string, string>) {
  return app.request(path, { headers: { ...as } });
}
// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
const json = async (r: Response): Promise<any> => r.json();
// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
const pairIds = (body: any): string[] => [...new Set<string>(body.findings.map((f: any) => f.pairId))].sort();

beforeAll(async () => {
  db = await openTestPglite();
  dev = await createDevIssuer();
  app = createApp({ db, auth: dev.auth });
  staff = await bearer(dev, staffClaims);
  otherSchool = await bearer(dev, { sub: 'other-head', org: 'sch-other', roles: ['head', 'curator'] });
  parentA = await bearer(dev, { sub: 'parent-a', org: ORG, roles: ['parent'], children: ['pupil-a'] });
  mentorA = await bearer(dev, { sub: 'mentor-a', org: ORG, roles: ['mentor'] });
  menteeA = await bearer(dev, { sub: 'pupil-a', org: ORG, roles: ['mentee'] });
  municipal = await bearer(dev, { sub: 'mun-curator', org: 'mun-1', roles: ['municipalCurator'] });
  const send = (path: string, body: unknown) =>
    app.request(path, {
      method: path === '/school' ? 'PUT' : 'POST',
      headers: { 'content-type': 'application/json', ...staff },
      body: JSON.stringify(body),
    });
  const withParent = { ...school, organization: { ...school.organization, parentId: 'mun-1' } };
  expect((await send('/school', withParent)).status).toBe(201);
  for (const [id, who] of [
    ['a', 'mentor-a'],
    ['b', 'mentor-b'],
  ] as const) {
    expect((await send('/mentors', mentorBody(who))).status).toBe(201);
    expect((await send('/mentees', pupilMenteeBody(`pupil-${id}`))).status).toBe(201);
    expect((await send('/pairs', pairBody(`pair-${id}`, who, `pupil-${id}`))).status).toBe(201);
  }
  expect((await send('/mentees', pupilMenteeBody('pupil-w'))).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});

describe('GET /attention', () => {
  it('gives the curator every finding of the school: consents not collected, a mentee waiting', async () => {
    const r = await get(`/attention?date=${DATE}`, staff);
    expect(r.status).toBe(200);
    const body = await json(r);
    expect(body.date).toBe(DATE);
    expect(pairIds(body).filter((x) => x !== null)).toEqual(['pair-a', 'pair-b']);
    expect(body.findings.some((f: { code: string }) => f.code === 'consent_missing')).toBe(true);
    const waiting = body.findings.filter((f: { code: string }) => f.code === 'mentee_unpaired');
    expect(waiting.map((f: { personId: string }) => f.personId)).toEqual(['pupil-w']);
    expect(JSON.stringify(body)).not.toMatch(/Соколова|Тимофеева|Дарья/);
  });

  it('gives the municipal curator above the school the same findings without person ids; another school nothing', async () => {
    const mine = await json(await get(`/attention?date=${DATE}`, staff));
    const mun = await json(await get(`/attention?date=${DATE}`, municipal));
    expect(mun.findings.length).toBe(mine.findings.length);
    expect(JSON.stringify(mun.findings)).not.toMatch(/pupil-|mentor-a|mentor-b/);
    const other = await get(`/attention?date=${DATE}`, otherSchool);
    expect(other.status).toBe(403);
  });

  it('gives a mentor only their own pair, a parent only their child’s, a mentee only their own', async () => {
    const m = await json(await get(`/attention?date=${DATE}`, mentorA));
    expect(m.findings.length).toBeGreaterThan(0);
    expect(pairIds(m)).toEqual(['pair-a']);
    const p = await json(await get(`/attention?date=${DATE}`, parentA));
    expect(p.findings.length).toBeGreaterThan(0);
    expect(pairIds(p)).toEqual(['pair-a']);
    // A minor's consents are the parent's business; the pupil sees nothing of pair-b nor of the waiting pupil.
    const me = await json(await get(`/attention?date=${DATE}`, menteeA));
    expect(me.findings.every((f: { pairId: string }) => f.pairId === 'pair-a')).toBe(true);
    expect(JSON.stringify([m, p, me])).not.toMatch(/pair-b|pupil-b|pupil-w|mentor-b/);
  });

  it('needs a token', async () => {
    expect((await app.request(`/attention?date=${DATE}`)).status).toBe(401);
    expect((await app.request(`/attention/digest?date=${DATE}`)).status).toBe(401);
  });

  it('asks for the date (the service never guesses it)', async () => {
    const r = await get('/attention', staff);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
  });

  it('writes the read to the audit log', async () => {
    await get(`/attention?date=${DATE}`, mentorA);
    const log = await json(await get('/audit?limit=1000', staff));
    // biome-ignore lint/suspicious/noExplicitAny: audit entries are inspected loosely
    const entry = log.filter((e: any) => e.resource === 'GET /attention').at(-1);
    expect(entry?.subjects).toContain('pupil-a');
    expect(entry?.subjects).not.toContain('pupil-b');
  });
});

describe('GET /attention/digest', () => {
  it('renders the curator’s digest as HTML, and as Markdown in English', async () => {
    const html = await get(`/attention/digest?date=${DATE}`, staff);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await html.text();
    expect(text).toContain('<h1>Пары, которым нужно внимание — 16\u00a0октября 2023\u00a0г.</h1>');
    expect(text).toContain('pair-b');
    const md = await get(`/attention/digest?date=${DATE}&format=markdown&locale=en`, staff);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toContain('# Pairs that need attention — 16 October 2023');
  });

  it('shows a mentor only their own pair', async () => {
    const text = await (await get(`/attention/digest?date=${DATE}`, mentorA)).text();
    expect(text).toContain('pair-a');
    expect(text).not.toContain('pair-b');
    expect(text).not.toContain('pupil-w');
  });
});
