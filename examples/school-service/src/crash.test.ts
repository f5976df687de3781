import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, testDatabaseUrl, uniqueSchema } from './_testing/databases';
import { openDb } from './db';
import { pairTransition } from './pairs';
import { createEventStore } from './store';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Start the writer, let it commit for a random while, SIGKILL it; what it acknowledged, per pair. */
async function writeAndKill(
  args: string[],
): Promise<{ acknowledged: Map<string, number>; killedAfterMs: number }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=nastavnik-source', '--import', 'tsx', 'src/_testing/writer.ts', ...args],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const acknowledged = new Map<string, number>();
  let stderr = '';
  let buffer = '';
  const killedAfterMs = 150 + Math.floor(Math.random() * 1200);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    let armed = false;
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^applied (\S+) (\d+)$/.exec(line);
        if (m) acknowledged.set(m[1]!, Math.max(acknowledged.get(m[1]!) ?? 0, Number(m[2])));
        if (m && !armed) {
          // Kill at a random moment once writes are under way: mid-transaction, most likely.
          armed = true;
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, killedAfterMs);
        }
      }
    });
    exited.then(() => reject(new Error(`writer exited before it was killed: ${stderr.slice(0, 2000)}`)));
  });
  expect(await exited).toBe('SIGKILL');
  return { acknowledged, killedAfterMs };
}

async function checkAfterCrash(open: () => ReturnType<typeof openDb>, acknowledged: Map<string, number>) {
  const db = await open();
  try {
    const store = createEventStore(db);
    const pairs = await store.listPairs();
    expect(pairs.map((p) => p.id)).toEqual(['crash-1', 'crash-2', 'crash-3']);
    let events = 0;
    for (const p of pairs) {
      const v = await store.verifyPair(p.id, pairTransition);
      // Every stored event replays to exactly the stored snapshot, and version = event count.
      expect(v).toMatchObject({ ok: true, contiguous: true, replayMatches: true, refusedOnReplay: 0 });
      expect(v.version).toBe(v.eventCount);
      // Nothing acknowledged before the kill is lost.
      expect(v.version).toBeGreaterThanOrEqual(acknowledged.get(p.id) ?? 0);
      events += v.eventCount;
    }
    return events;
  } finally {
    await db.close();
  }
}

describe('a crash mid-write loses nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'school-service-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('PGlite on disk: SIGKILL the writer at a random moment, reopen, replay every pair', async () => {
    let before = 0;
    for (let round = 0; round < 1; round++) {
      const { acknowledged } = await writeAndKill([dir]);
      expect([...acknowledged.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      const after = await checkAfterCrash(() => openDb({ dataDir: dir }), acknowledged);
      expect(after).toBeGreaterThan(before);
      before = after;
    }
    // initdb of a PGlite data directory on disk, a child process with tsx and a crash recovery:
    // well under a minute on a quiet machine, more on a shared one.
  }, 180_000);

  it(testDatabaseUrl
    ? 'PostgreSQL: SIGKILL the writer three times at random moments, reopen, replay every pair'
    : 'PostgreSQL: not configured (set TEST_DATABASE_URL)', async () => {
    if (!testDatabaseUrl) return;
    const url = testDatabaseUrl;
    const schema = uniqueSchema();
    try {
      let before = 0;
      for (let round = 0; round < 3; round++) {
        const { acknowledged } = await writeAndKill([url, schema]);
        const after = await checkAfterCrash(() => openDb({ databaseUrl: url, schema }), acknowledged);
        expect(after).toBeGreaterThan(before);
        before = after;
      }
    } finally {
      await dropSchema(url, schema);
    }
  }, 180_000);
});
