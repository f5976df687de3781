// pnpm --filter @nastavnik/example-school-service loadtest [-- --clients 16 --pairs 4 --events 50]
// A bounded load test on loopback: PGlite in memory, or the PostgreSQL server
// of DATABASE_URL (in a schema of its own, dropped afterwards).
import { parseArgs } from 'node:util';
import { dropSchema, uniqueSchema } from './_testing/databases';
import { openDb } from './db';
import { runLoad } from './load';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    pairs: { type: 'string', default: '4' },
    events: { type: 'string', default: '50' },
  },
  allowPositionals: true,
  // `pnpm loadtest -- --clients 8` passes the `--` through.
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const clients = Math.min(256, Number(values.clients));
const pairs = Math.min(1000, Number(values.pairs));
const eventsPerClient = Math.min(10_000, Number(values.events));
const url = process.env.DATABASE_URL || undefined;
const schema = url ? uniqueSchema() : undefined;
const db = await openDb({ databaseUrl: url, schema });
try {
  const r = await runLoad(db, { clients, pairs, eventsPerClient, refuseEvery: 10, timeoutMs: 300_000 });
  console.log(
    `storage:        ${r.storage === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL (DATABASE_URL)'}`,
  );
  console.log(
    `clients/pairs:  ${r.clients} concurrent clients on ${r.pairs} pairs, ${eventsPerClient} events each`,
  );
  console.log(`requests:       ${r.requests} POST /pairs/:id/events in ${r.durationMs} ms`);
  console.log(`applied:        ${r.applied} (${r.throughput} events/s)`);
  console.log(`refused (409):  ${r.refused} by the pair machine`);
  console.log(`conflicts:      ${r.conflictsRetried} version_conflict answers, re-read and retried`);
  console.log(
    `latency:        p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, max ${r.latencyMs.max} ms`,
  );
  console.log(
    `stored events:  ${r.eventsStored}; lost ${r.lost}; applied twice ${r.duplicated}; replay ${r.replayOk ? 'ok' : 'MISMATCH'}`,
  );
  const b = r.rebuild;
  console.log(
    `rebuild:        ${b.pairs} pairs, ${b.events} events replayed from the database by replayMany in ${b.durationMs} ms; ${b.mismatched.length} differ, ${b.refused.length} refused`,
  );
  if (r.lost !== 0 || r.duplicated !== 0 || !r.replayOk || r.eventsStored !== r.applied) process.exitCode = 1;
  if (b.mismatched.length > 0 || b.refused.length > 0 || b.events !== r.eventsStored) process.exitCode = 1;
} finally {
  await db.close();
  if (url && schema) await dropSchema(url, schema);
}
