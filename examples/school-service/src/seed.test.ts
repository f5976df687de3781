import { describe, expect, it } from 'vitest';
import { openTestPglite } from './_testing/pglite';
import { createApp } from './app';
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
      const app = createApp({ db });
      const mentors = (await (await app.request('/mentors')).json()) as unknown[];
      expect(mentors).toHaveLength(r.mentors!);
      const pairs = (await (await app.request('/pairs')).json()) as Array<{
        version: number;
        pair: { origin: string };
      }>;
      expect(pairs).toHaveLength(r.pairs!);
      expect(pairs.every((p) => p.version === 0 && p.pair.origin === 'matching')).toBe(true);
      const school = (await (await app.request('/school')).json()) as { organization: { kind: string } };
      expect(school.organization.kind).toBe('school');
      const indicators = await app.request('/indicators?asOf=2023-12-25&checkpoint=december');
      expect(indicators.status).toBe(200);
    } finally {
      await db.close();
    }
  });
});
