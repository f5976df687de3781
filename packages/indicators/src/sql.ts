import {
  buildOrganizationTree,
  fail,
  type IsoDate,
  IsoDateSchema,
  type Organization,
  OrganizationIdSchema,
  type OrganizationTree,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { type Accumulator, createAccumulator } from './accumulator';
import { checkDefinitions, evaluateIndicators, type IndicatorResults } from './compute';
import { type Period, resolvePeriod } from './dataset';
import { defaultIndicators, type IndicatorDefinition } from './definitions';
import { type IndicatorParamsInput, IndicatorParamsSchema } from './params';
import type { SqlDialect } from './tables';

registerCatalogue();

/**
 * Options of {@link compileIndicatorsSql} and {@link computeIndicatorsSql}:
 * as for `computeIndicators`, plus the dialect and an optional prefix of the
 * layout's table names (a schema such as `region36.`, or a Parquet reader).
 *
 * @category SQL
 * @example
 * const o: SqlOptions = { dialect: 'postgres', asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } };
 */
export interface SqlOptions {
  readonly dialect: SqlDialect;
  readonly asOf: IsoDate;
  readonly period: Period;
  readonly params?: IndicatorParamsInput;
  /** Defaults to {@link defaultIndicators}; a region's own indicators read the same partial sums. */
  readonly indicators?: readonly IndicatorDefinition[];
  /**
   * Where each table of the layout is read from: a prefix (`'region36.'`) or
   * a function of the table name (e.g. DuckDB over Parquet:
   * `(t) => \`read_parquet('country/${t}.parquet')\``). Default: the bare name.
   */
  readonly tables?: string | ((table: string) => string);
}

/**
 * The compiled SQL: statements that build the working tables (pairs counted
 * in the period, participants, requests of the period, the organization
 * closure, each organization's own partial sums), the two queries that read
 * the partial sums rolled up the tree (scalar sums one row per organization;
 * breakdowns and histograms one row per organization, measure and key), and
 * the statements that drop the working tables.
 *
 * @category SQL
 * @example
 * const sql = compileIndicatorsSql({ dialect: 'duckdb', asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } });
 * console.log([...sql.setup, sql.scalars, sql.families].join(';\n\n'));
 */
export interface CompiledIndicatorsSql {
  readonly setup: readonly string[];
  readonly scalars: string;
  readonly families: string;
  readonly organizations: string;
  readonly teardown: readonly string[];
}

/** Accumulator fields (numbers) and their SQL columns in the partial sums. */
const scalarColumns: readonly (readonly [keyof Accumulator & string, string])[] = [
  ['pupilsInBand', 'pupils_in_band'],
  ['pupilMentees', 'pupil_mentees'],
  ['pupilMentors', 'pupil_mentors'],
  ['pupilsInvolved', 'pupils_involved'],
  ['teachers', 'teachers'],
  ['teacherMentors', 'teacher_mentors'],
  ['teacherMentees', 'teacher_mentees'],
  ['youngTeachers', 'young_teachers'],
  ['youngTeacherMentees', 'young_teacher_mentees'],
  ['youngSpecialistCohort', 'young_specialist_cohort'],
  ['youngSpecialistRetained', 'young_specialist_retained'],
  ['pairs', 'pairs'],
  ['groups', 'groups_'],
  ['meetingsHeld', 'meetings_held'],
  ['meetingsPlanned', 'meetings_planned'],
  ['programmesExtended', 'programmes_extended'],
  ['programmesEnded', 'programmes_ended'],
  ['programmesCompleted', 'programmes_completed'],
  ['programmesTerminated', 'programmes_terminated'],
  ['requests', 'requests'],
  ['requestsMatched', 'requests_matched'],
  ['requestsWaiting', 'requests_waiting'],
  ['menteesWaiting', 'mentees_waiting'],
  ['activitiesDue', 'activities_due'],
  ['activitiesOnTime', 'activities_on_time'],
  ['activitiesLate', 'activities_late'],
  ['activitiesOverdue', 'activities_overdue'],
  ['mentors', 'mentors'],
  ['mentorCapacity', 'mentor_capacity'],
  ['mentorLoad', 'mentor_load'],
  ['mentorsWithMentees', 'mentors_with_mentees'],
  ['mentorsOverCapacity', 'mentors_over_capacity'],
  ['mentorsTrained', 'mentors_trained'],
];
const selfAssessmentColumns = ['respondents', 'delta_sum', 'improved'] as const;
const roles = ['mentor', 'mentee'] as const;
const allScalarColumns = [
  ...scalarColumns.map(([, c]) => c),
  ...roles.flatMap((r) => selfAssessmentColumns.map((c) => `sa_${r}_${c}`)),
];

/**
 * Compile the indicators to SQL for a dialect: the same rules as the
 * in-process engine, written as set operations over the data layout
 * ({@link indicatorTables}). Every aggregate is a mergeable partial sum per
 * organization (counts, sums, histograms of bounded scales and of days),
 * rolled up the tree through a closure of the organizations, so a
 * distributed PostgreSQL (tables partitioned by organization) computes each
 * shard's part where the data is and a rollup never averages averages.
 *
 * @category SQL
 * @example
 * const sql = compileIndicatorsSql({ dialect: 'postgres', asOf: '2024-05-31', period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'may' } });
 * for (const s of sql.setup) await client.query(s);
 */
export function compileIndicatorsSql(options: SqlOptions): CompiledIndicatorsSql {
  const asOf = parse(IsoDateSchema, options.asOf, ['asOf']);
  const period = resolvePeriod(options.period);
  const params = parse(IndicatorParamsSchema, options.params ?? {}, ['params']);
  if (options.dialect !== 'duckdb' && options.dialect !== 'postgres') {
    throw fail('invalid_value', ['dialect'], { reason: 'sqlDialect' });
  }
  const t =
    typeof options.tables === 'function'
      ? options.tables
      : (name: string) => `${typeof options.tables === 'string' ? options.tables : ''}${name}`;
  // ISO dates order as strings: the earlier of the as-of date and the period's end.
  const until = [asOf, period.end].sort()[0]!;
  const A = `DATE '${asOf}'`;
  const S = `DATE '${period.start}'`;
  const U = `DATE '${until}'`;
  const asOfYear = Number(asOf.slice(0, 4));
  const asOfMmdd = Number(asOf.slice(5, 7)) * 100 + Number(asOf.slice(8, 10));
  const { min: bandMin, max: bandMax } = params.pupilAgeBand;
  const ys = params.youngSpecialistMaxYears;
  const yearLater = (d: string) => `CAST(${d} + INTERVAL '1 year' AS DATE)`;
  const int = (e: string) => `CAST(${e} AS INTEGER)`;

  // The first (or last) row per group. PostgreSQL: a window's row_number; DuckDB:
  // arg_min / arg_max over the same order, one hash aggregate instead of a sort
  // (the sort of two million answers was half the DuckDB time). Ties cannot
  // happen: `seq` is unique, so both pick the same row.
  const duck = options.dialect === 'duckdb';
  const firstWaiting = duck
    ? `(SELECT arg_min(r.organization_id, r.seq) AS organization_id
        FROM nastavnik_requests r LEFT JOIN nastavnik_participants x ON x.person_id = r.mentee_id
        WHERE r.best IS NULL AND NOT coalesce(x.open_mentee, FALSE) GROUP BY r.mentee_id)`
    : `(SELECT organization_id FROM (
          SELECT r.organization_id, row_number() OVER (PARTITION BY r.mentee_id ORDER BY r.seq) AS k
          FROM nastavnik_requests r LEFT JOIN nastavnik_participants x ON x.person_id = r.mentee_id
          WHERE r.best IS NULL AND NOT coalesce(x.open_mentee, FALSE)) w WHERE k = 1)`;
  const selfAssessmentEntry = duck
    ? `(
  SELECT role, respondent_id, arg_min(score, (submitted_at, seq)) AS score
  FROM answers WHERE kind = 'selfAssessmentEntry' GROUP BY role, respondent_id)`
    : `(
  SELECT role, respondent_id, score FROM (
    SELECT role, respondent_id, score,
           row_number() OVER (PARTITION BY role, respondent_id ORDER BY submitted_at, seq) AS k
    FROM answers WHERE kind = 'selfAssessmentEntry') q WHERE k = 1)`;
  const selfAssessmentFinal = duck
    ? `(
  SELECT role, respondent_id, last.score, last.organization_id FROM (
    SELECT role, respondent_id,
           arg_max({'score': score, 'organization_id': organization_id}, (submitted_at, -seq)) AS last
    FROM answers WHERE kind = 'selfAssessmentFinal' GROUP BY role, respondent_id) q)`
    : `(
  SELECT role, respondent_id, score, organization_id FROM (
    SELECT role, respondent_id, score, organization_id,
           row_number() OVER (PARTITION BY role, respondent_id ORDER BY submitted_at DESC, seq) AS k
    FROM answers WHERE kind = 'selfAssessmentFinal') q WHERE k = 1)`;

  const setup = [
    // Pairs counted at all: approved by the as-of date; working in the period; open on the as-of date.
    `CREATE TEMP TABLE nastavnik_pairs AS
SELECT p.id, p.organization_id, p.mentor_id, p.form, p.status, p.approved_at, p.termination_reason,
       p.extended, p.meetings_held, p.meetings_planned, p.closed_at,
       p.approved_at <= ${U} AND (p.closed_at IS NULL OR p.closed_at >= ${S}) AS in_period,
       (p.closed_at IS NULL OR p.closed_at > ${A}) AS open_now,
       coalesce(m.n, 0) AS n_mentees
FROM (SELECT *, CASE status WHEN 'completed' THEN completed_at WHEN 'terminated' THEN terminated_at END AS closed_at
      FROM ${t('pairs')}
      WHERE status <> 'proposed' AND approved_at IS NOT NULL AND approved_at <= ${A}) p
LEFT JOIN (SELECT pair_id, count(*) AS n FROM ${t('pair_mentees')} GROUP BY pair_id) m ON m.pair_id = p.id`,
    // Participants: a mentee or a mentor in a pair of the period, a mentee in an open pair, a mentor's load.
    `CREATE TEMP TABLE nastavnik_participants AS
SELECT coalesce(me.person_id, mo.person_id) AS person_id,
       coalesce(me.mentee_in, FALSE) AS mentee_in, coalesce(me.open_mentee, FALSE) AS open_mentee,
       me.first_approved, coalesce(mo.mentor_in, FALSE) AS mentor_in, coalesce(mo.load, 0) AS load
FROM (SELECT pm.mentee_id AS person_id, bool_or(p.in_period) AS mentee_in, bool_or(p.open_now) AS open_mentee,
             min(p.approved_at) AS first_approved
      FROM ${t('pair_mentees')} pm JOIN nastavnik_pairs p ON p.id = pm.pair_id GROUP BY pm.mentee_id) me
FULL JOIN (SELECT mentor_id AS person_id, bool_or(in_period) AS mentor_in,
                  sum(CASE WHEN open_now THEN n_mentees ELSE 0 END) AS load
           FROM nastavnik_pairs GROUP BY mentor_id) mo ON mo.person_id = me.person_id`,
    // Requests of the period with the earliest approval of a pair answering them.
    `CREATE TEMP TABLE nastavnik_requests AS
SELECT r.seq, r.id, r.mentee_id, r.organization_id, r.created_at, b.best
FROM ${t('requests')} r
LEFT JOIN (SELECT pr.request_id, min(p.approved_at) AS best
           FROM ${t('pair_requests')} pr JOIN nastavnik_pairs p ON p.id = pr.pair_id GROUP BY pr.request_id) b
  ON b.request_id = r.id
WHERE r.created_at >= ${S} AND r.created_at <= ${U}`,
    // Every organization with itself and each of its ancestors.
    `CREATE TEMP TABLE nastavnik_closure AS
WITH RECURSIVE c(descendant_id, ancestor_id) AS (
  SELECT id, id FROM ${t('organizations')}
  UNION ALL
  SELECT c.descendant_id, o.parent_id FROM c JOIN ${t('organizations')} o ON o.id = c.ancestor_id
  WHERE o.parent_id IS NOT NULL)
SELECT descendant_id, ancestor_id FROM c`,
    // Each organization's own partial sums (scalars).
    `CREATE TEMP TABLE nastavnik_own AS
WITH people AS (
  SELECT p.organization_id, p.category, p.left_at,
         (p.left_at IS NULL OR p.left_at > ${A}) AS on_roll,
         CASE WHEN p.birth_date IS NOT NULL
              THEN ${asOfYear} - ${int('EXTRACT(YEAR FROM p.birth_date)')}
                   - CASE WHEN ${int('EXTRACT(MONTH FROM p.birth_date)')} * 100 + ${int('EXTRACT(DAY FROM p.birth_date)')} > ${asOfMmdd} THEN 1 ELSE 0 END
              ELSE p.age END AS age,
         p.experience_years IS NOT NULL AND p.experience_years <= ${ys} AS young,
         coalesce(x.mentee_in, FALSE) AS mi, coalesce(x.mentor_in, FALSE) AS mo,
         ${yearLater('x.first_approved')} AS anniversary
  FROM ${t('persons')} p LEFT JOIN nastavnik_participants x ON x.person_id = p.id),
coverage AS (
  SELECT organization_id,
    count(*) FILTER (WHERE pupil_in_band) AS pupils_in_band,
    count(*) FILTER (WHERE pupil_in_band AND mi) AS pupil_mentees,
    count(*) FILTER (WHERE pupil_in_band AND mo) AS pupil_mentors,
    count(*) FILTER (WHERE pupil_in_band AND (mi OR mo)) AS pupils_involved,
    count(*) FILTER (WHERE staff AND on_roll) AS teachers,
    count(*) FILTER (WHERE staff AND on_roll AND mo) AS teacher_mentors,
    count(*) FILTER (WHERE staff AND on_roll AND mi) AS teacher_mentees,
    count(*) FILTER (WHERE staff AND on_roll AND young) AS young_teachers,
    count(*) FILTER (WHERE staff AND on_roll AND young AND mi) AS young_teacher_mentees,
    count(*) FILTER (WHERE staff AND young AND anniversary <= ${A}) AS young_specialist_cohort,
    count(*) FILTER (WHERE staff AND young AND anniversary <= ${A}
                     AND (left_at IS NULL OR left_at >= anniversary)) AS young_specialist_retained
  FROM (SELECT *, category = 'pupil' AND on_roll AND age >= ${bandMin} AND age <= ${bandMax} AS pupil_in_band,
               category IN ('teacher', 'head') AS staff FROM people) q
  GROUP BY organization_id),
pair_sums AS (
  SELECT organization_id,
    count(*) FILTER (WHERE in_period) AS pairs,
    count(*) FILTER (WHERE in_period AND n_mentees > 1) AS groups_,
    coalesce(sum(meetings_held) FILTER (WHERE in_period), 0) AS meetings_held,
    coalesce(sum(meetings_planned) FILTER (WHERE in_period), 0) AS meetings_planned,
    count(*) FILTER (WHERE in_period AND extended) AS programmes_extended,
    count(*) FILTER (WHERE ended) AS programmes_ended,
    count(*) FILTER (WHERE ended AND status = 'completed') AS programmes_completed,
    count(*) FILTER (WHERE ended AND status = 'terminated' AND termination_reason IS NOT NULL) AS programmes_terminated
  FROM (SELECT *, closed_at >= ${S} AND closed_at <= ${U} AS ended FROM nastavnik_pairs) q
  GROUP BY organization_id),
request_sums AS (
  SELECT organization_id, count(*) AS requests, count(best) AS requests_matched,
         count(*) - count(best) AS requests_waiting
  FROM nastavnik_requests GROUP BY organization_id),
waiting AS (
  -- A mentee waits once, in the organization of their first waiting request.
  SELECT organization_id, count(*) AS mentees_waiting
  FROM ${firstWaiting} q
  GROUP BY organization_id),
mentor_sums AS (
  SELECT m.organization_id, count(*) AS mentors, coalesce(sum(m.capacity), 0) AS mentor_capacity,
    coalesce(sum(coalesce(x.load, 0)), 0) AS mentor_load,
    count(*) FILTER (WHERE coalesce(x.load, 0) > 0) AS mentors_with_mentees,
    count(*) FILTER (WHERE coalesce(x.load, 0) > m.capacity) AS mentors_over_capacity,
    count(*) FILTER (WHERE coalesce(h.hours, 0) >= ${params.trainingHours}) AS mentors_trained
  FROM ${t('mentors')} m
  LEFT JOIN nastavnik_participants x ON x.person_id = m.person_id
  LEFT JOIN (SELECT mentor_seq, sum(hours) AS hours FROM ${t('mentor_trainings')}
             WHERE completed_at <= ${A} GROUP BY mentor_seq) h ON h.mentor_seq = m.seq
  GROUP BY m.organization_id),
answers AS (
  SELECT * FROM ${t('responses')} WHERE submitted_at >= ${S} AND submitted_at <= ${U}),
sa_entry AS ${selfAssessmentEntry},
sa_final AS ${selfAssessmentFinal},
self_assessment AS (
  SELECT f.organization_id,
${roles
  .map(
    (r) => `    count(*) FILTER (WHERE f.role = '${r}') AS sa_${r}_respondents,
    coalesce(sum(f.score - e.score) FILTER (WHERE f.role = '${r}'), 0) AS sa_${r}_delta_sum,
    count(*) FILTER (WHERE f.role = '${r}' AND f.score > e.score) AS sa_${r}_improved`,
  )
  .join(',\n')}
  FROM sa_final f JOIN sa_entry e ON e.role = f.role AND e.respondent_id = f.respondent_id
  GROUP BY f.organization_id),
activity_sums AS (
  SELECT organization_id, count(*) AS activities_due,
    count(*) FILTER (WHERE done_at IS NOT NULL AND done_at <= ${A} AND done_at <= due) AS activities_on_time,
    count(*) FILTER (WHERE done_at IS NOT NULL AND done_at <= ${A} AND done_at > due) AS activities_late,
    count(*) FILTER (WHERE done_at IS NULL OR done_at > ${A}) AS activities_overdue
  FROM ${t('activities')} WHERE due >= ${S} AND due <= ${U} GROUP BY organization_id)
SELECT o.organization_id,
${allScalarColumns.map((c) => `  coalesce(${c}, 0) AS ${c}`).join(',\n')}
FROM (SELECT id AS organization_id FROM ${t('organizations')}) o
LEFT JOIN coverage USING (organization_id)
LEFT JOIN pair_sums USING (organization_id)
LEFT JOIN request_sums USING (organization_id)
LEFT JOIN waiting USING (organization_id)
LEFT JOIN mentor_sums USING (organization_id)
LEFT JOIN self_assessment USING (organization_id)
LEFT JOIN activity_sums USING (organization_id)`,
    // Each organization's own breakdowns and histograms: (measure, key) → count or sum.
    `CREATE TEMP TABLE nastavnik_own_families AS
SELECT organization_id, 'form' AS measure, form AS key, count(*) AS value
  FROM nastavnik_pairs WHERE in_period GROUP BY organization_id, form
UNION ALL
SELECT p.organization_id, 'format', f.format, count(*)
  FROM nastavnik_pairs p JOIN ${t('pair_formats')} f ON f.pair_id = p.id WHERE p.in_period GROUP BY p.organization_id, f.format
UNION ALL
SELECT organization_id, 'reason', termination_reason, count(*)
  FROM nastavnik_pairs WHERE status = 'terminated' AND termination_reason IS NOT NULL
   AND closed_at >= ${S} AND closed_at <= ${U} GROUP BY organization_id, termination_reason
UNION ALL
SELECT organization_id, 'days', CAST(best - created_at AS VARCHAR(12)), count(*)
  FROM nastavnik_requests WHERE best IS NOT NULL GROUP BY organization_id, best - created_at
UNION ALL
SELECT organization_id, 'satisfaction_' || role, CAST(score AS VARCHAR(12)), count(*)
  FROM ${t('responses')} WHERE kind = 'satisfaction' AND submitted_at >= ${S} AND submitted_at <= ${U}
  GROUP BY organization_id, role, score
UNION ALL
SELECT organization_id, 'counter', key, sum(value)
  FROM ${t('counters')} GROUP BY organization_id, key`,
    // DuckDB: the per-pair and per-person working tables are not read again; their
    // memory goes back before the rolled-up results are read into the process.
    ...(duck ? ['requests', 'participants', 'pairs'].map((name) => `DROP TABLE temp.nastavnik_${name}`) : []),
  ];
  // Rolled up: every organization gets the sums of itself and everything below it.
  const scalars = `SELECT c.ancestor_id AS organization_id,
${allScalarColumns.map((c) => `  sum(o.${c}) AS ${c}`).join(',\n')}
FROM nastavnik_own o JOIN nastavnik_closure c ON c.descendant_id = o.organization_id
GROUP BY c.ancestor_id`;
  const families = `SELECT c.ancestor_id AS organization_id, f.measure, f.key, sum(f.value) AS value
FROM nastavnik_own_families f JOIN nastavnik_closure c ON c.descendant_id = f.organization_id
GROUP BY c.ancestor_id, f.measure, f.key`;
  const organizations = `SELECT id, parent_id FROM ${t('organizations')} ORDER BY seq`;
  // Only the session's own temporary tables are ever dropped.
  const temp = options.dialect === 'postgres' ? 'pg_temp' : 'temp';
  const teardown = ['own_families', 'own', 'closure', 'requests', 'participants', 'pairs'].map(
    (name) => `DROP TABLE IF EXISTS ${temp}.nastavnik_${name}`,
  );
  return { setup, scalars, families, organizations, teardown };
}

/**
 * Runs one SQL statement and returns its rows as objects keyed by column
 * name (numbers may come back as `bigint` or numeric strings; they are
 * converted exactly). Wrap any driver: DuckDB's `@nastavnik/indicators/duckdb`,
 * or `pg`: `(sql) => client.query(sql).then((r) => r.rows)`.
 *
 * @category SQL
 * @example
 * const run: SqlRunner = async (sql) => (await client.query(sql)).rows;
 */
export type SqlRunner = (sql: string) => Promise<readonly Record<string, unknown>[] | SqlColumns>;

/**
 * A result read column by column, as a columnar driver returns it (DuckDB's
 * {@link @nastavnik/indicators/duckdb!duckDbRunner} does): one array per
 * column name, each `rowCount` long. Large results (the rolled-up
 * breakdowns of a whole country are millions of rows) are read this way
 * without building an object per row.
 *
 * @category SQL
 * @example
 * const result: SqlColumns = { rowCount: 1, columns: { id: ['s1'], parent_id: [null] } };
 */
export interface SqlColumns {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, ArrayLike<unknown>>>;
}

/** One column of a runner's result, whichever shape the runner returned. */
function columnOf(result: readonly Record<string, unknown>[] | SqlColumns, name: string): ArrayLike<unknown> {
  if (!Array.isArray(result)) return (result as SqlColumns).columns[name] ?? [];
  return (result as readonly Record<string, unknown>[]).map((row) => row[name]);
}
const rowCountOf = (result: readonly Record<string, unknown>[] | SqlColumns): number =>
  Array.isArray(result) ? result.length : (result as SqlColumns).rowCount;

/** Row objects of a (small) result, whichever shape the runner returned. */
function rowsOf(result: readonly Record<string, unknown>[] | SqlColumns): readonly Record<string, unknown>[] {
  if (Array.isArray(result)) return result;
  const { rowCount, columns } = result as SqlColumns;
  const names = Object.keys(columns);
  return Array.from({ length: rowCount }, (_, i) =>
    Object.fromEntries(names.map((name) => [name, columns[name]![i]])),
  );
}

/**
 * The order to visit rows in so their keys ascend (UTF-16 order, as
 * `Array.prototype.sort` compares strings), stable: the distinct keys are
 * sorted once, then the rows are bucketed by their key's rank (linear in the
 * rows, where a comparison sort of millions of breakdown rows was not).
 */
function orderByKey(keys: ArrayLike<unknown>): Int32Array {
  const n = keys.length;
  const slot = new Map<string, number>();
  const slotOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = String(keys[i]);
    let s = slot.get(k);
    if (s === undefined) {
      s = slot.size;
      slot.set(k, s);
    }
    slotOf[i] = s;
  }
  const distinct = [...slot.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const start = new Int32Array(distinct.length + 1);
  const rankOfSlot = new Int32Array(distinct.length);
  distinct.forEach((k, rank) => {
    rankOfSlot[slot.get(k)!] = rank;
  });
  for (let i = 0; i < n; i++) start[rankOfSlot[slotOf[i]!]! + 1]!++;
  for (let r = 0; r < distinct.length; r++) start[r + 1]! += start[r]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[rankOfSlot[slotOf[i]!]!]!++] = i;
  return order;
}

function exact(v: unknown, path: (string | number)[]): number {
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || (typeof v === 'bigint' && !Number.isSafeInteger(n))) {
    throw fail('invalid_value', path, { reason: 'databaseNumber' });
  }
  return n;
}

const histogramOf = (acc: Accumulator, measure: string): Float64Array | undefined =>
  measure === 'satisfaction_mentor'
    ? acc.satisfactionMentor
    : measure === 'satisfaction_mentee'
      ? acc.satisfactionMentee
      : undefined;

/**
 * Compute every indicator for every organization in a SQL engine: runs the
 * compiled SQL ({@link compileIndicatorsSql}) through `run`, reads the
 * partial sums rolled up the tree and evaluates the definitions on them —
 * the same definitions and the same evaluation as `computeIndicators`, so
 * the result has the same shape, the same numbers, and {@link suppress}
 * runs on it unchanged.
 *
 * @category SQL
 * @example
 * const results = await computeIndicatorsSql(async (sql) => (await client.query(sql)).rows, {
 *   dialect: 'postgres', asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' },
 * });
 * const published = suppress(results, { threshold: 5 });
 */
export async function computeIndicatorsSql(run: SqlRunner, options: SqlOptions): Promise<IndicatorResults> {
  const indicators = checkDefinitions(options.indicators ?? defaultIndicators);
  const params = parse(IndicatorParamsSchema, options.params ?? {}, ['params']);
  const period = resolvePeriod(options.period);
  const sql = compileIndicatorsSql(options);
  try {
    for (const s of sql.teardown) await run(s);
    for (const s of sql.setup) await run(s);
    const tree = treeOf(rowsOf(await run(sql.organizations)));
    const accs = new Map<string, Accumulator>();
    const scalars = await run(sql.scalars);
    const ids = columnOf(scalars, 'organization_id');
    const accsInRowOrder: Accumulator[] = [];
    for (let i = 0; i < rowCountOf(scalars); i++) {
      const acc = createAccumulator();
      accs.set(String(ids[i]), acc);
      accsInRowOrder.push(acc);
    }
    const idAt = (i: number) => String(ids[i]);
    for (const [field, column] of scalarColumns) {
      const values = columnOf(scalars, column);
      accsInRowOrder.forEach((acc, i) => {
        (acc as unknown as Record<string, number>)[field] = exact(values[i], [idAt(i), column]);
      });
    }
    for (const role of roles) {
      const respondents = columnOf(scalars, `sa_${role}_respondents`);
      const deltaSum = columnOf(scalars, `sa_${role}_delta_sum`);
      const improved = columnOf(scalars, `sa_${role}_improved`);
      accsInRowOrder.forEach((acc, i) => {
        const sums = role === 'mentor' ? acc.selfAssessmentMentor : acc.selfAssessmentMentee;
        sums.respondents = exact(respondents[i], [idAt(i), role]);
        sums.deltaSum = exact(deltaSum[i], [idAt(i), role]);
        sums.improved = exact(improved[i], [idAt(i), role]);
      });
    }
    const families = await run(sql.families);
    const famOrg = columnOf(families, 'organization_id');
    const famMeasure = columnOf(families, 'measure');
    const famKey = columnOf(families, 'key');
    const famValue = columnOf(families, 'value');
    // Keys in a stable order, as the in-process engine meets them.
    for (const i of orderByKey(famKey)) {
      const id = String(famOrg[i]);
      const acc = accs.get(id);
      if (!acc) continue;
      const key = String(famKey[i]);
      const measure = String(famMeasure[i]);
      const value = exact(famValue[i], [id, measure, key]);
      if (value === 0) continue;
      if (measure === 'form') acc.pairsByForm.set(key, value);
      else if (measure === 'format') acc.pairsByFormat.set(key, value);
      else if (measure === 'reason') {
        const r = acc.terminatedByReason as Record<string, number>;
        if (key in r) r[key] = value;
      } else if (measure === 'days') acc.daysToPair.set(Number(key), value);
      else if (measure === 'counter') acc.counters.set(key, value);
      else {
        const h = histogramOf(acc, measure);
        if (h) h[Number(key)] = value;
      }
    }
    const values = evaluateIndicators(accs, tree, { asOf: options.asOf, period, params, indicators });
    return { values, definitions: indicators, asOf: options.asOf, period };
  } finally {
    for (const s of sql.teardown) await run(s);
  }
}

/** The organization tree from the layout's rows (ids and parents only). */
function treeOf(rows: readonly Record<string, unknown>[]): OrganizationTree {
  const organizations = rows.map((r, i): Organization => {
    // The database's ids are input: each is checked once here and stays branded from then on.
    const id = parse(OrganizationIdSchema, String(r.id), ['organizations', i, 'id']);
    const parent = r.parent_id;
    // Only ids and parents matter to the tree; names stay in the registry.
    return {
      id,
      kind: 'other',
      name: id,
      ...(parent === null || parent === undefined
        ? {}
        : { parentId: parse(OrganizationIdSchema, String(parent), ['organizations', i, 'parentId']) }),
    };
  });
  return buildOrganizationTree(organizations);
}
