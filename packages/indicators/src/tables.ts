import { fail, registerCatalogue } from '@nastavnik/core';
import { type IndicatorDataset, parseDataset } from './dataset';

registerCatalogue();

/**
 * SQL dialects the indicators compile to: DuckDB (embedded, over tables or
 * Parquet files) and PostgreSQL (plain, or distributed by organization with
 * declarative partitioning and `postgres_fdw` foreign partitions).
 *
 * @category SQL
 * @example
 * const d: SqlDialect = 'duckdb';
 */
export type SqlDialect = 'duckdb' | 'postgres';

/**
 * The type of a column of the data layout.
 *
 * @category SQL
 * @example
 * const t: ColumnType = 'date';
 */
export type ColumnType = 'text' | 'date' | 'integer' | 'bigint' | 'double' | 'boolean';

/**
 * One table of the data layout: its columns (name, type, nullable) and the
 * column it is distributed by (always the organization, so each shard holds
 * whole schools and computes their partial sums locally).
 *
 * @category SQL
 * @example
 * const t: TableLayout = indicatorTables.find((t) => t.name === 'persons')!;
 * t.columns.map((c) => c.name);
 */
export interface TableLayout {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly {
    readonly name: string;
    readonly type: ColumnType;
    readonly nullable: boolean;
  }[];
  /** `organization_id` for every record table; `null` for the (small, replicated) organizations. */
  readonly distributedBy: 'organization_id' | null;
}

const col = (name: string, type: ColumnType, nullable = false) => ({ name, type, nullable });
const ORG = col('organization_id', 'text');

/**
 * The data layout the SQL engines read: one table (or Parquet file) per
 * record kind, the same fields as the in-process dataset in snake_case.
 * Arrays of a pair (mentees, formats, requests) are child tables. `seq` is
 * the record's position in its list: where the rules keep the first record
 * seen (a mentee's first waiting request, ties between answers of one day),
 * it says which is first, as the order of the list does in process.
 *
 * @category SQL
 * @example
 * for (const t of indicatorTables) console.log(t.name, t.columns.length);
 */
export const indicatorTables: readonly TableLayout[] = Object.freeze([
  {
    name: 'organizations',
    description:
      'Organizations: schools, authorities, regions (parent_id builds the tree; seq orders the results)',
    columns: [col('seq', 'bigint'), col('id', 'text'), col('parent_id', 'text', true), col('kind', 'text')],
    distributedBy: null,
  },
  {
    name: 'persons',
    description: 'Pupils, teachers and heads (category), no names',
    columns: [
      col('id', 'text'),
      ORG,
      col('category', 'text'),
      col('birth_date', 'date', true),
      col('age', 'integer', true),
      col('experience_years', 'double', true),
      col('left_at', 'date', true),
    ],
    distributedBy: 'organization_id',
  },
  {
    name: 'mentors',
    description: 'The mentor registry: capacity; seq keys the trainings',
    columns: [col('seq', 'bigint'), col('person_id', 'text'), ORG, col('capacity', 'integer')],
    distributedBy: 'organization_id',
  },
  {
    name: 'mentor_trainings',
    description: 'Completed trainings of a mentor record (mentor_seq)',
    columns: [col('mentor_seq', 'bigint'), ORG, col('hours', 'double'), col('completed_at', 'date')],
    distributedBy: 'organization_id',
  },
  {
    name: 'requests',
    description: 'Mentees’ requests',
    columns: [
      col('seq', 'bigint'),
      col('id', 'text'),
      col('mentee_id', 'text'),
      ORG,
      col('created_at', 'date'),
    ],
    distributedBy: 'organization_id',
  },
  {
    name: 'pairs',
    description: 'Pairs and groups with their personal programme’s status (id unique)',
    columns: [
      col('id', 'text'),
      ORG,
      col('mentor_id', 'text'),
      col('form', 'text'),
      col('status', 'text'),
      col('approved_at', 'date', true),
      col('completed_at', 'date', true),
      col('terminated_at', 'date', true),
      col('termination_reason', 'text', true),
      col('extended', 'boolean'),
      col('meetings_held', 'integer'),
      col('meetings_planned', 'integer'),
    ],
    distributedBy: 'organization_id',
  },
  {
    name: 'pair_mentees',
    description: 'Mentees of a pair (one row per mentee)',
    columns: [col('pair_id', 'text'), ORG, col('mentee_id', 'text')],
    distributedBy: 'organization_id',
  },
  {
    name: 'pair_formats',
    description: 'Formats of a pair (formats combine)',
    columns: [col('pair_id', 'text'), ORG, col('format', 'text')],
    distributedBy: 'organization_id',
  },
  {
    name: 'pair_requests',
    description: 'Requests a pair answers',
    columns: [col('pair_id', 'text'), ORG, col('request_id', 'text')],
    distributedBy: 'organization_id',
  },
  {
    name: 'responses',
    description: 'Scored survey answers (satisfaction, self-assessment)',
    columns: [
      col('seq', 'bigint'),
      col('respondent_id', 'text'),
      ORG,
      col('role', 'text'),
      col('kind', 'text'),
      col('score', 'integer'),
      col('submitted_at', 'date'),
    ],
    distributedBy: 'organization_id',
  },
  {
    name: 'activities',
    description: 'Roadmap activities with their due date and the day done',
    columns: [ORG, col('activity_id', 'text'), col('due', 'date'), col('done_at', 'date', true)],
    distributedBy: 'organization_id',
  },
  {
    name: 'counters',
    description: 'A region’s own additive counters',
    columns: [ORG, col('key', 'text'), col('value', 'double')],
    distributedBy: 'organization_id',
  },
] satisfies TableLayout[]);

/**
 * A value of a table row, as the layout stores it (dates as ISO strings).
 *
 * @category SQL
 * @example
 * const v: CellValue = '2024-05-31';
 */
export type CellValue = string | number | boolean | null;

/**
 * The rows of every table of {@link indicatorTables} for a dataset, in the
 * order of each table's columns. Validates the dataset first (a
 * `NastavnikError` on bad input) and refuses duplicate pair ids, which the
 * child tables reference.
 *
 * @category SQL
 * @example
 * const rows = datasetToRows(ds);
 * rows.get('persons')?.length;
 */
export function datasetToRows(input: unknown): Map<string, CellValue[][]> {
  const ds: IndicatorDataset = parseDataset(input);
  const out = new Map<string, CellValue[][]>(indicatorTables.map((t) => [t.name, []]));
  const put = (table: string, row: CellValue[]): void => {
    out.get(table)!.push(row);
  };
  ds.organizations.forEach((o, seq) => {
    put('organizations', [seq, o.id, o.parentId ?? null, o.kind]);
  });
  for (const p of ds.persons) {
    put('persons', [
      p.id,
      p.organizationId,
      p.category,
      p.birthDate ?? null,
      p.age ?? null,
      p.experienceYears ?? null,
      p.leftAt ?? null,
    ]);
  }
  ds.mentors.forEach((m, seq) => {
    put('mentors', [seq, m.personId, m.organizationId, m.capacity]);
    for (const t of m.training) put('mentor_trainings', [seq, m.organizationId, t.hours, t.completedAt]);
  });
  ds.requests.forEach((r, seq) => {
    put('requests', [seq, r.id, r.menteeId, r.organizationId, r.createdAt]);
  });
  const pairIds = new Set<string>();
  ds.pairs.forEach((p, i) => {
    if (pairIds.has(p.id)) {
      throw fail('duplicate_id', ['pairs', i, 'id'], { of: 'pair' });
    }
    pairIds.add(p.id);
    put('pairs', [
      p.id,
      p.organizationId,
      p.mentorId,
      p.form,
      p.status,
      p.approvedAt ?? null,
      p.completedAt ?? null,
      p.terminatedAt ?? null,
      p.terminationReason ?? null,
      p.extended,
      p.meetingsHeld,
      p.meetingsPlanned,
    ]);
    for (const m of p.menteeIds) put('pair_mentees', [p.id, p.organizationId, m]);
    for (const f of p.formats) put('pair_formats', [p.id, p.organizationId, f]);
    for (const r of p.requestIds) put('pair_requests', [p.id, p.organizationId, r]);
  });
  ds.responses.forEach((r, seq) => {
    put('responses', [seq, r.respondentId, r.organizationId, r.role, r.kind, r.score, r.submittedAt]);
  });
  for (const a of ds.activities) put('activities', [a.organizationId, a.activityId, a.due, a.doneAt ?? null]);
  for (const c of ds.counters) put('counters', [c.organizationId, c.key, c.value]);
  return out;
}

const sqlTypes: Record<SqlDialect, Record<ColumnType, string>> = {
  duckdb: {
    text: 'VARCHAR',
    date: 'DATE',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    double: 'DOUBLE',
    boolean: 'BOOLEAN',
  },
  postgres: {
    text: 'TEXT',
    date: 'DATE',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    double: 'DOUBLE PRECISION',
    boolean: 'BOOLEAN',
  },
};

/**
 * The column list of a table in a dialect, for `CREATE TABLE name (…)`.
 *
 * @category SQL
 * @example
 * `CREATE TABLE persons (${columnsSql(indicatorTables[1]!, 'postgres')})`;
 */
export function columnsSql(table: TableLayout, dialect: SqlDialect): string {
  return table.columns
    .map((c) => `${c.name} ${sqlTypes[dialect][c.type]}${c.nullable ? '' : ' NOT NULL'}`)
    .join(', ');
}

/**
 * `CREATE TABLE` statements of the whole layout in a dialect, optionally
 * with a name prefix (e.g. a schema `"region36".`).
 *
 * @category SQL
 * @example
 * for (const sql of createTablesSql('duckdb')) await connection.run(sql);
 */
export function createTablesSql(dialect: SqlDialect, prefix = ''): string[] {
  return indicatorTables.map((t) => `CREATE TABLE ${prefix}${t.name} (${columnsSql(t, dialect)})`);
}

/** A SQL literal of a validated cell value (strings quoted, quotes doubled). */
function sqlLiteral(v: CellValue, type: ColumnType): string {
  if (v === null) return 'NULL';
  if (type === 'date') return `DATE '${String(v)}'`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

/**
 * `INSERT` statements (in batches) loading a dataset's rows into the layout's
 * tables: the portable way for small data and tests; load large data with
 * the engine's own bulk path (DuckDB's appender or Parquet, PostgreSQL's `COPY`).
 *
 * @category SQL
 * @example
 * for (const sql of insertRowsSql(datasetToRows(ds))) await client.query(sql);
 */
export function insertRowsSql(
  rows: ReadonlyMap<string, readonly CellValue[][]>,
  prefix = '',
  batch = 500,
): string[] {
  const out: string[] = [];
  for (const t of indicatorTables) {
    const list = rows.get(t.name) ?? [];
    for (let i = 0; i < list.length; i += batch) {
      const values = list
        .slice(i, i + batch)
        .map((r) => `(${r.map((v, j) => sqlLiteral(v, t.columns[j]!.type)).join(', ')})`)
        .join(',\n');
      out.push(
        `INSERT INTO ${prefix}${t.name} (${t.columns.map((c) => c.name).join(', ')}) VALUES\n${values}`,
      );
    }
  }
  return out;
}
