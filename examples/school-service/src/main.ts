import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDb } from './db';
import { seedSample } from './seed';

// Start the school service: PORT (default 3000); DATABASE_URL for a PostgreSQL
// server, otherwise embedded PGlite in PGLITE_DIR (default ./.data/pglite) or,
// with --memory, in memory. --seed-sample fills an empty database with one
// school of core's sample municipality.
const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = args.has('--memory') ? undefined : resolve(process.env.PGLITE_DIR ?? '.data/pglite');
if (!databaseUrl && dataDir) mkdirSync(dataDir, { recursive: true });

const db = await openDb({ databaseUrl, dataDir });
const storage = databaseUrl
  ? 'PostgreSQL (DATABASE_URL)'
  : dataDir
    ? `PGlite in ${dataDir}`
    : 'PGlite in memory';
console.log(`school-service: storage ${storage}`);
if (args.has('--seed-sample')) {
  const r = await seedSample(db);
  console.log(
    r.seeded
      ? `school-service: seeded the sample school (${r.mentors} mentors, ${r.mentees} mentees, ${r.pairs} proposed pairs, as of ${r.asOf})`
      : 'school-service: database not empty, sample not seeded',
  );
}

const app = createApp({
  db,
  // Method, route pattern, status and time only: no ids, bodies or queries in the log.
  log: (e) => console.log(`${e.method} ${e.route} ${e.status} ${e.ms}ms`),
  logError: (e) => console.error(`error on ${e.route}: ${e.error}`),
});
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`school-service: listening on http://${info.address}:${info.port}`);
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`school-service: ${signal}, closing`);
  server.close(() => {
    db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 5000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
