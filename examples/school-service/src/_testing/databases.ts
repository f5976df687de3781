import { type Db, openDb, openPostgres } from '../db';
import { openTestPglite } from './pglite';

/** The PostgreSQL server the tests may use, if any. */
export const testDatabaseUrl: string | undefined =
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

export interface TestDb {
  readonly name: string;
  open(): Promise<Db>;
  /** Drop what open() created (PostgreSQL: the schema). */
  cleanup(): Promise<void>;
}

let counter = 0;
/** A schema name of its own for each test database, so runs never see each other's rows. */
export function uniqueSchema(): string {
  counter += 1;
  return `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** Embedded PGlite in memory, always; real PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDb[] {
  const list: TestDb[] = [{ name: 'PGlite', open: openTestPglite, cleanup: async () => {} }];
  const url = testDatabaseUrl;
  if (url) {
    const schema = uniqueSchema();
    list.push({
      name: 'PostgreSQL',
      open: () => openDb({ databaseUrl: url, schema }),
      cleanup: () => dropSchema(url, schema),
    });
  }
  return list;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const db = await openPostgres(url, { max: 1 });
  try {
    await db.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await db.close();
  }
}
