import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRemoteJWKSet } from 'jose';
import { createApp, loadSchool } from './app';
import { type AuthConfig, type CallerClaims, createDevIssuer } from './auth';
import { openDb } from './db';
import { seedSample } from './seed';
import { serveApp } from './server';
import { createEventStore } from './store';

// Start the school service: PORT (default 3000); DATABASE_URL for a PostgreSQL
// server, otherwise embedded PGlite in PGLITE_DIR (default ./.data/pglite) or,
// with --memory, in memory. --seed-sample fills an empty database with one
// school of core's sample municipality.
// Tokens: OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL name the identity
// provider whose tokens are accepted; without them a development issuer signs
// tokens with a key made at start, and writes tokens for the sample school's
// roles to DEV_TOKENS (default ./.data/dev-tokens.json, git-ignored).
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

let auth: AuthConfig;
const { OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL } = process.env;
if (OIDC_ISSUER && OIDC_AUDIENCE && OIDC_JWKS_URL) {
  auth = { issuer: OIDC_ISSUER, audience: OIDC_AUDIENCE, key: createRemoteJWKSet(new URL(OIDC_JWKS_URL)) };
  console.log('school-service: tokens of the OIDC provider (OIDC_ISSUER)');
} else {
  const dev = await createDevIssuer();
  auth = dev.auth;
  const school = await loadSchool(db);
  if (school) {
    const org = school.organization.id;
    const pairs = await createEventStore(db).listPairs<{ mentorId: string; menteeIds: string[] }, unknown>();
    const first = pairs[0]?.pair;
    const claims: Record<string, CallerClaims> = {
      head: { sub: school.head.id, org, roles: ['head'] },
      ...(school.curatorId ? { curator: { sub: school.curatorId, org, roles: ['curator'] } } : {}),
      ...(first ? { mentor: { sub: first.mentorId, org, roles: ['mentor'] } } : {}),
      ...(first?.menteeIds[0]
        ? {
            mentee: { sub: first.menteeIds[0], org, roles: ['mentee'] },
            parent: {
              sub: `${first.menteeIds[0]}-parent`,
              org,
              roles: ['parent'],
              children: [first.menteeIds[0]],
            },
          }
        : {}),
      ...(school.organization.parentId
        ? {
            municipalCurator: {
              sub: 'municipal-curator',
              org: school.organization.parentId,
              roles: ['municipalCurator'],
            },
          }
        : {}),
    };
    const tokens: Record<string, string> = {};
    for (const [role, c] of Object.entries(claims)) tokens[role] = await dev.token(c, 12 * 3600);
    const file = resolve(process.env.DEV_TOKENS ?? '.data/dev-tokens.json');
    mkdirSync(resolve(file, '..'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    console.log(
      `school-service: DEVELOPMENT issuer (a key made at start); tokens for ${Object.keys(tokens).join(', ')} in ${file}`,
    );
  } else {
    console.log('school-service: DEVELOPMENT issuer (a key made at start); no school yet, no tokens written');
  }
}

const app = createApp({
  db,
  auth,
  // Method, route pattern, status and time only: no ids, bodies or queries in the log.
  log: (e) => console.log(`${e.method} ${e.route} ${e.status} ${e.ms}ms`),
  logError: (e) => console.error(`error on ${e.route}: ${e.error}`),
});
const server = serveApp(app, { port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`school-service: listening on http://${info.address}:${info.port} (API description: /docs)`);
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
