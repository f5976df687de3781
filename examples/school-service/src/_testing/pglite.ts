// Tests start many PGlite databases; a fresh one runs initdb (seconds of CPU),
// one loaded from a dumped data directory takes well under a second. The first
// test process that needs one makes the template (migrated, empty) and leaves it
// in the temp directory for the others; the file name changes with the schema.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrate, migrations, openPglite } from '../db';

const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
const templatePath = join(tmpdir(), `nastavnik-school-service-pglite-${key}.tar`);

/** An empty, migrated PGlite database in memory. */
export async function openTestPglite(): Promise<Db> {
  if (existsSync(templatePath)) {
    try {
      const db = await openPglite(undefined, { loadDataDir: new Blob([readFileSync(templatePath)]) });
      await migrate(db);
      return db;
    } catch {
      // A damaged template: fall through and make a new one.
    }
  }
  const db = await openPglite();
  await migrate(db);
  const dump = await db.dump?.();
  if (dump) {
    const tmp = `${templatePath}.${process.pid}.${Date.now()}`;
    writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
    renameSync(tmp, templatePath);
  }
  return db;
}
