import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Rows and the number of rows a statement returned or changed.
 *
 * @example
 * const { rows } = await db.query<{ n: number }>('select 1 as n');
 */
export interface QueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

/**
 * Something that runs SQL with `$1`-style parameters: the database itself or
 * an open transaction.
 *
 * @example
 * async function count(q: Queryable) { return (await q.query<{ n: number }>('select count(*)::int as n from pairs')).rows[0]?.n; }
 */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** Run a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The whole storage surface the service needs: queries and transactions. Two
 * adapters implement it: embedded PGlite and node-postgres.
 *
 * @example
 * const db = await openDb({});
 * await db.transaction(async (tx) => { await tx.query('select 1'); });
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** PGlite only: the data directory as a tarball, to start other instances from (tests). */
  readonly dump?: () => Promise<Blob | File>;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The SQL error code of a database error (`23505` for a unique violation),
 * from either driver.
 *
 * @example
 * if (sqlState(error) === UNIQUE_VIOLATION) return conflict();
 */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** SQLSTATE of a unique violation. @example sqlState(e) === UNIQUE_VIOLATION */
export const UNIQUE_VIOLATION = '23505';

/**
 * Open an embedded PGlite database: in memory when `dataDir` is omitted, or
 * in a directory on disk. One connection: statements and transactions run
 * one at a time.
 *
 * @example
 * const db = await openPglite('./data/pglite');
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<Db> {
  // A data directory dumped earlier (`dumpPglite`) starts much faster than a fresh initdb.
  const lite =
    options.loadDataDir !== undefined
      ? await PGlite.create({
          ...(dataDir !== undefined ? { dataDir } : {}),
          loadDataDir: options.loadDataDir,
        })
      : await PGlite.create(dataDir);
  const run = async <R extends object>(
    q: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> => {
    const r = await q.query<R>(sql, params ? [...params] : undefined);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  };
  return {
    kind: 'pglite',
    dump: () => lite.dumpDataDir('none'),
    query: (sql, params) => run(lite, sql, params),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => lite.close(),
  };
}

/**
 * Open a pool of connections to a PostgreSQL server.
 *
 * @example
 * const db = await openPostgres('postgres://postgres@127.0.0.1:54329/nastavnik');
 */
export async function openPostgres(
  url: string,
  options: { max?: number | undefined; schema?: string | undefined } = {},
): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Every connection of the pool starts with the schema on its search path.
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  if (schema !== undefined) await pool.query(`create schema if not exists ${schema}`);
  const run = async <R extends object>(
    q: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> => {
    const r = await q.query(sql, params ? [...params] : undefined);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
  };
  await run(pool, 'select 1');
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The schema, as numbered migrations. Applied in order at startup, each once,
 * in its own transaction; never edited once released: add a new one instead.
 */
export const migrations: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      -- The school's own record (organization, head, curator), by key.
      create table settings (
        key text primary key,
        data jsonb not null
      );
      create table persons (
        id text primary key,
        data jsonb not null
      );
      create table mentor_profiles (
        person_id text primary key references persons(id),
        data jsonb not null
      );
      create table mentee_profiles (
        person_id text primary key references persons(id),
        data jsonb not null
      );
      create table consents (
        id text primary key,
        person_id text not null references persons(id),
        data jsonb not null
      );
      create index consents_person_idx on consents(person_id);
      create table requests (
        id text primary key,
        mentee_id text not null references persons(id),
        data jsonb not null
      );
      create index requests_mentee_idx on requests(mentee_id);
      -- One row per pair: the pair record, the machine's snapshot and its version
      -- (the number of events applied). initial_snapshot is what replay starts from.
      create table pairs (
        id text primary key,
        data jsonb not null,
        initial_snapshot jsonb not null,
        snapshot jsonb not null,
        version integer not null default 0 check (version >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      -- The append-only event log. seq is 1, 2, 3… per pair; the unique
      -- constraint makes a second writer of the same seq fail even if the
      -- version check were skipped. event_id makes a retried POST idempotent.
      create table pair_events (
        id bigserial primary key,
        pair_id text not null references pairs(id),
        seq integer not null check (seq >= 1),
        event_id text not null,
        event jsonb not null,
        recorded_at timestamptz not null default now(),
        constraint pair_events_pair_seq_key unique (pair_id, seq),
        constraint pair_events_pair_event_id_key unique (pair_id, event_id)
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- Registry rows get a version: updates are PUT with If-Match, a stale version is refused.
      alter table settings add column version integer not null default 0;
      alter table mentor_profiles add column version integer not null default 0;
      alter table mentee_profiles add column version integer not null default 0;
      alter table consents add column version integer not null default 0;
      alter table requests add column version integer not null default 0;
      -- Who read or changed whose personal data, when and from where. Append-only (the
      -- triggers refuse update, delete and truncate) and hash-chained: each entry's hash
      -- covers its fields and the previous entry's hash (see src/audit.ts).
      create table audit_log (
        seq bigint primary key check (seq >= 1),
        at text not null,
        actor text not null,
        actor_org text not null,
        roles jsonb not null,
        action text not null,
        resource text not null,
        subjects jsonb not null,
        source text not null,
        prev_hash text not null,
        hash text not null unique
      );
      create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end
      $$;
      create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only();
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only();
    `,
  },
];

/**
 * Apply the migrations the database does not have yet. Safe to run from
 * several processes at once on PostgreSQL (an advisory lock serialises them).
 *
 * @example
 * await migrate(db); // → [1] on a new database, [] afterwards
 */
export async function migrate(db: Db): Promise<number[]> {
  await db.query(
    'create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())',
  );
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7281942)');
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (seen.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [m.version]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/**
 * Open the database the environment names, and bring its schema up to date:
 * PostgreSQL when `databaseUrl` is set, otherwise embedded PGlite (on disk in
 * `dataDir`, or in memory).
 *
 * @example
 * const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: './data/pglite' });
 */
export async function openDb(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL only: keep the tables in this schema (tests use one schema per run). */
  schema?: string | undefined;
}): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { schema: options.schema })
    : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
