import { describe, expect, it } from 'vitest';
import { openTestPglite } from './_testing/pglite';
import { createApp, loadSchool } from './app';
import { createDevIssuer } from './auth';
import { seedSample } from './seed';

describe('seeding from core’s sample generator', () => {
  it('fills an empty database once, and the API serves the sample school', async () => {
    const db = await openTestPglite();
    try {
      const r = await seedSample(db);
      expect(r).toMatchObject({ seeded: true, asOf: '2023-10-01' });
      expect(r.mentors).toBeGreaterThan(0);
      expect(r.pairs).toBeGreaterThan(0);
      expect(await seedSample(db)).toEqual({ seeded: false });
      const dev = await createDevIssuer();
      const app = createApp({ db, auth: dev.auth });
      const sample = await loadSchool(db);
      const headers = {
        Authorization: `Bearer ${await dev.token({ sub: sample!.head.id, org: sample!.organization.id, roles: ['head'] })}`,
      };
      const get = (path: string) => app.request(path, { headers });
      const mentors = (await (await get('/mentors')).json()) as unknown[];
      expect(mentors).toHaveLength(r.mentors!);
      const pairs = (await (await get('/pairs')).json()) as Array<{
        version: number;
        pair: { origin: string };
      }>;
      expect(pairs).toHaveLength(r.pairs!);
      expect(pairs.every((p) => p.version === 0 && p.pair.origin === 'matching')).toBe(true);
      const school = (await (await get('/school')).json()) as { organization: { kind: string } };
      expect(school.organization.kind).toBe('school');
      const indicators = await get('/indicators?asOf=2023-12-25&checkpoint=december');
      expect(indicators.status).toBe(200);
    } finally {
      await db.close();
    }
  });
});
