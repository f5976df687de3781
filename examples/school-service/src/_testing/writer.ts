// A child process for the crash test: appends pair events in a loop until it is
// killed (or 60 s pass). Prints "ready", then "applied <pairId> <seq>" after each
// commit, so the test knows what was acknowledged before the SIGKILL.
//   node --conditions=nastavnik-source --import tsx src/_testing/writer.ts <pglite-dir> | <postgres-url> <schema>
import { randomUUID } from 'node:crypto';
import { openDb } from '../db';
import { pairTransition } from '../pairs';
import { createEventStore } from '../store';
import { acceptedEvent, createWorldPair } from './world';

const [target, schema] = process.argv.slice(2);
if (!target) throw new Error('usage: writer.ts <pglite-dir | postgres-url> [schema]');
const isUrl = /^postgres(ql)?:\/\//.test(target);
const db = await openDb(isUrl ? { databaseUrl: target, schema } : { dataDir: target });
const store = createEventStore(db);
const pairIds = ['crash-1', 'crash-2', 'crash-3'];
for (const id of pairIds) {
  if (!(await store.getPair(id))) await createWorldPair(store, id);
}
process.stdout.write('ready\n');

const deadline = Date.now() + 60_000;
async function worker(w: number): Promise<void> {
  for (let i = 0; Date.now() < deadline; i++) {
    const id = pairIds[(w + i) % pairIds.length]!;
    const eventId = randomUUID();
    const r = await store.appendEvent(id, 'latest', acceptedEvent(id, eventId), pairTransition, { eventId });
    if (r.kind === 'applied') process.stdout.write(`applied ${id} ${r.seq}\n`);
  }
}
await Promise.all([0, 1, 2, 3].map(worker));
await db.close();
