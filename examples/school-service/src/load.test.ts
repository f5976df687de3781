import { describe, expect, it } from 'vitest';
import { testDatabases } from './_testing/databases';
import { runLoad } from './load';

describe.each(testDatabases())('a small load test over HTTP on loopback, $name', (backend) => {
  it('loses no event and applies none twice, with 8 concurrent clients on 2 pairs', async () => {
    const db = await backend.open();
    try {
      const clients = 8;
      const eventsPerClient = 8;
      const r = await runLoad(db, { clients, pairs: 2, eventsPerClient, refuseEvery: 4, timeoutMs: 40_000 });
      expect(r.refused).toBe(clients * 2);
      expect(r.applied).toBe(clients * eventsPerClient - r.refused);
      expect(r.eventsStored).toBe(r.applied);
      expect(r.lost).toBe(0);
      expect(r.duplicated).toBe(0);
      expect(r.replayOk).toBe(true);
      // The projections rebuilt through the streaming replay from the database are the stored ones.
      expect(r.rebuild.pairs).toBeGreaterThanOrEqual(2);
      expect(r.rebuild.events).toBe(r.eventsStored);
      expect(r.rebuild.refused).toEqual([]);
      expect(r.rebuild.mismatched).toEqual([]);
      expect(r.requests).toBe(r.applied + r.refused + r.conflictsRetried);
    } finally {
      await db.close();
      await backend.cleanup();
    }
  });
});
