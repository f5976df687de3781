import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  type ComputeOptions,
  columnsSql,
  compileIndicatorsSql,
  computeIndicators,
  computeIndicatorsSql,
  createTablesSql,
  datasetToRows,
  defaultIndicators,
  defineIndicator,
  type IndicatorDatasetInput,
  indicatorTables,
  insertRowsSql,
  type SqlRunner,
  suppress,
} from '@nastavnik/indicators';
import { duckDbRunner, loadDatasetIntoDuckDb } from '@nastavnik/indicators/duckdb';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomRegion } from './__fixtures__/random';
import { trickyRegion } from './__fixtures__/tricky';

const period = { kind: 'academicYear', year: '2023-2024' } as const;
const asOfs = ['2024-05-31', '2024-02-29', '2023-12-31', '2024-08-31'] as const;

/** Options drawn per run: the as-of date, the age band and the young-specialist limit. */
const optionsArb = fc.record({
  asOf: fc.constantFrom(...asOfs),
  min: fc.integer({ min: 8, max: 12 }),
  ys: fc.integer({ min: 0, max: 5 }),
});
const optionsOf = (o: { asOf: string; min: number; ys: number }): ComputeOptions => ({
  asOf: o.asOf,
  period,
  params: { pupilAgeBand: { min: o.min, max: 18 }, youngSpecialistMaxYears: o.ys },
});

const ytsSessions = defineIndicator({
  id: 'regional.ytsSessions',
  block: 'regional',
  unit: 'count',
  direction: 'higherIsBetter',
  name: { ru: 'Занятия ШМУ', en: 'YTS sessions' },
  description: { ru: 'Занятия ШМУ', en: 'YTS sessions' },
  numerator: { ru: 'Занятия', en: 'Sessions' },
  denominator: { ru: '—', en: '—' },
  compute: (acc) => ({
    numerator: acc.counters.get('yts.sessions') ?? 0,
    denominator: null,
    cells: { numerator: 'yts.sessions' },
  }),
});
const indicators = [...defaultIndicators, ytsSessions];

let duck: DuckDBInstance;
beforeAll(async () => {
  duck = await DuckDBInstance.create(':memory:');
});

/** A fresh DuckDB schema-less database per dataset: load, run, close. */
async function viaDuckDb(ds: IndicatorDatasetInput, options: ComputeOptions) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await loadDatasetIntoDuckDb(connection, ds);
    return await computeIndicatorsSql(duckDbRunner(connection), {
      dialect: 'duckdb',
      ...options,
      indicators,
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('SQL engines give the same numbers as the JS engine', () => {
  it('the tricky fixture exercises every indicator (the property below is not vacuous)', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      for (const asOf of asOfs) {
        for (const v of computeIndicators(trickyRegion(seed, 30), { asOf, period, indicators }).values) {
          if ((v.numerator ?? 0) !== 0 || (v.value ?? 0) !== 0) seen.add(v.indicatorId);
        }
      }
    }
    expect(indicators.filter((d) => !seen.has(d.id)).map((d) => d.id)).toEqual([]);
  });

  it('DuckDB: every indicator, organization and breakdown, exactly, in the same order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 30 }),
        optionsArb,
        async (seed, size, o) => {
          const ds = trickyRegion(seed, size);
          const js = computeIndicators(ds, { ...optionsOf(o), indicators });
          const sql = await viaDuckDb(ds, optionsOf(o));
          // Counts and sums are integers; the value is computed from them by the same code.
          expect(sql.values).toEqual(js.values);
          expect(sql.definitions.map((d) => d.id)).toEqual(js.definitions.map((d) => d.id));
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);

  it('DuckDB over Parquet files gives the same results as over tables', async () => {
    const ds = randomRegion(11, 2, 3, 20);
    const options = { asOf: '2024-05-31', period } as const;
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-parquet-'));
    const connection = await duck.connect();
    try {
      await loadDatasetIntoDuckDb(connection, ds);
      for (const t of indicatorTables) {
        await connection.run(`COPY ${t.name} TO '${dir}/${t.name}.parquet' (FORMAT parquet)`);
        await connection.run(`DROP TABLE ${t.name}`);
      }
      const results = await computeIndicatorsSql(duckDbRunner(connection), {
        dialect: 'duckdb',
        ...options,
        tables: (t) => `read_parquet('${dir}/${t}.parquet')`,
      });
      expect(results.values).toEqual(computeIndicators(ds, options).values);
    } finally {
      connection.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('suppression runs unchanged on the SQL results and hides the same cells', async () => {
    const ds = randomRegion(470333856, 3, 4, 11);
    const options = { asOf: '2024-05-31', period } as const;
    const sql = await viaDuckDb(ds, options);
    expect(suppress(sql, { threshold: 3 })).toEqual(
      suppress(computeIndicators(ds, { ...options, indicators }), { threshold: 3 }),
    );
  });

  it('the compiled SQL is readable text and refuses a dialect it does not know', () => {
    const sql = compileIndicatorsSql({ dialect: 'postgres', asOf: '2024-05-31', period });
    expect(sql.setup.join('\n')).toContain('count(*) FILTER (WHERE pupil_in_band AND mi) AS pupil_mentees');
    expect(sql.scalars).toContain('JOIN nastavnik_closure');
    expect(() =>
      compileIndicatorsSql({ dialect: 'oracle' as never, asOf: '2024-05-31', period }),
    ).toThrowError(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => compileIndicatorsSql({ dialect: 'duckdb', asOf: '31.05.2024', period })).toThrowError(
      expect.objectContaining({ code: 'invalid_format' }),
    );
    expect(() =>
      datasetToRows({ organizations: [{ id: 'a', kind: 'school', name: 'A' }], pairs: [1] }),
    ).toThrowError(expect.objectContaining({ name: 'NastavnikError' }));
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
const shardUrls = (process.env.TEST_SHARD_URLS ?? '').split(',').filter((u) => u.length > 0);

const pgRunner =
  (client: pg.Client): SqlRunner =>
  async (sql) =>
    (await client.query(sql)).rows;

async function loadSchema(client: pg.Client, schema: string, ds: IndicatorDatasetInput): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  for (const s of createTablesSql('postgres', `${schema}.`)) await client.query(s);
  for (const s of insertRowsSql(datasetToRows(ds), `${schema}.`)) await client.query(s);
}

describe.runIf(pgUrl)('PostgreSQL (the server CI starts)', () => {
  const client = new pg.Client({ connectionString: pgUrl });
  beforeAll(() => client.connect());
  afterAll(async () => {
    await client.query('DROP SCHEMA IF EXISTS nastavnik_ix_plain CASCADE');
    await client.end();
  });

  it('every indicator, organization and breakdown exactly as the JS engine (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 25 }),
        optionsArb,
        async (seed, size, o) => {
          const ds = trickyRegion(seed, size);
          await loadSchema(client, 'nastavnik_ix_plain', ds);
          const sql = await computeIndicatorsSql(pgRunner(client), {
            dialect: 'postgres',
            ...optionsOf(o),
            indicators,
            tables: 'nastavnik_ix_plain.',
          });
          expect(sql.values).toEqual(computeIndicators(ds, { ...optionsOf(o), indicators }).values);
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});

describe.runIf(pgUrl && shardUrls.length >= 2)(
  'distributed PostgreSQL: partitions by organization on shard servers',
  () => {
    const coordinator = new pg.Client({ connectionString: pgUrl });
    const shards = shardUrls.map((u) => new pg.Client({ connectionString: u }));
    const schema = 'nastavnik_ix_dist';
    beforeAll(async () => {
      await coordinator.connect();
      for (const s of shards) await s.connect();
    });
    afterAll(async () => {
      await coordinator.query(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS nastavnik_ix_one CASCADE`,
      );
      for (const [i, s] of shards.entries()) {
        await coordinator.query(`DROP SERVER IF EXISTS nastavnik_shard${i} CASCADE`);
        await s.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await s.end();
      }
      await coordinator.end();
    });

    /** Every record table hash-partitioned by organization, each partition a foreign table on a shard. */
    async function distribute(ds: IndicatorDatasetInput): Promise<void> {
      await coordinator.query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
      await coordinator.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      for (const [i, url] of shardUrls.entries()) {
        const u = new URL(url);
        await coordinator.query(`DROP SERVER IF EXISTS nastavnik_shard${i} CASCADE`);
        await coordinator.query(
          `CREATE SERVER nastavnik_shard${i} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${u.hostname}', port '${u.port}', dbname '${u.pathname.slice(1)}', fetch_size '10000')`,
        );
        await coordinator.query(
          `CREATE USER MAPPING FOR CURRENT_USER SERVER nastavnik_shard${i} OPTIONS (user '${u.username}')`,
        );
        await shards[i]!.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      }
      for (const t of indicatorTables) {
        if (t.distributedBy === null) {
          await coordinator.query(`CREATE TABLE ${schema}.${t.name} (${columnsSql(t, 'postgres')})`);
          continue;
        }
        await coordinator.query(
          `CREATE TABLE ${schema}.${t.name} (${columnsSql(t, 'postgres')}) PARTITION BY HASH (${t.distributedBy})`,
        );
        for (const [i, s] of shards.entries()) {
          await s.query(`CREATE TABLE ${schema}.${t.name} (${columnsSql(t, 'postgres')})`);
          await coordinator.query(
            `CREATE FOREIGN TABLE ${schema}.${t.name}_s${i} PARTITION OF ${schema}.${t.name}
           FOR VALUES WITH (MODULUS ${shards.length}, REMAINDER ${i})
           SERVER nastavnik_shard${i} OPTIONS (schema_name '${schema}', table_name '${t.name}')`,
          );
        }
      }
      // Rows are routed to their shard by the coordinator.
      for (const s of insertRowsSql(datasetToRows(ds), `${schema}.`)) await coordinator.query(s);
    }

    it('the same compiled SQL across two shard servers gives the numbers of one server and of the JS engine', async () => {
      for (const seed of [1, 2, 3]) {
        const ds = randomRegion(seed, 3, 4, 25);
        const options = { asOf: asOfs[seed % asOfs.length]!, period, indicators } as const;
        await distribute(ds);
        // The records really are on both shards.
        for (const s of shards) {
          const n = await s.query(`SELECT count(*)::int AS n FROM ${schema}.persons`);
          expect(n.rows[0].n).toBeGreaterThan(0);
        }
        const distributed = await computeIndicatorsSql(pgRunner(coordinator), {
          dialect: 'postgres',
          ...options,
          tables: `${schema}.`,
        });
        await loadSchema(coordinator, 'nastavnik_ix_one', ds);
        const single = await computeIndicatorsSql(pgRunner(coordinator), {
          dialect: 'postgres',
          ...options,
          tables: 'nastavnik_ix_one.',
        });
        expect(distributed.values).toEqual(single.values);
        expect(distributed.values).toEqual(computeIndicators(ds, options).values);
      }
    }, 300_000);
  },
);
