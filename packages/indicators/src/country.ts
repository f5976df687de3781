import { fail, registerCatalogue } from '@nastavnik/core';

registerCatalogue();

/**
 * Options of {@link syntheticCountrySql}.
 *
 * @category DuckDB
 * @example
 * const o: SyntheticCountryOptions = { pupils: 1_000_000, dir: '/tmp/country' };
 */
export interface SyntheticCountryOptions {
  /** Pupils in the country (18,000,000 for Russia's scale). */
  readonly pupils: number;
  /** Folder the Parquet files are written to (one file per table of the layout). */
  readonly dir: string;
  /** Changes every draw; the same seed gives the same country. Default 1. */
  readonly seed?: number;
}

/**
 * DuckDB SQL that writes a synthetic country straight to Parquet, one file
 * per table of the data layout, without passing through JavaScript: 89
 * regions, up to 2,500 municipalities, a school per 450 pupils (40,000 at 18
 * million pupils), a teacher per 18 pupils, 0.3 pairs and 0.3 requests per
 * pupil, two scored answers per pupil, 40 roadmap activities per school.
 * Every draw is `hash(row, salt)`, so the same options give the same files
 * (with the same DuckDB version).
 *
 * @category DuckDB
 * @example
 * for (const sql of syntheticCountrySql({ pupils: 18_000_000, dir: '/data/country' })) await connection.run(sql);
 */
export function syntheticCountrySql(options: SyntheticCountryOptions): string[] {
  const n = options.pupils;
  if (!Number.isSafeInteger(n) || n < 1000 || n > 100_000_000) {
    throw fail('invalid_value', ['pupils'], { reason: 'pupilsRange' });
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) {
    throw fail('invalid_value', ['seed'], { reason: 'seedInteger' });
  }
  if (!/^[A-Za-z0-9_./-]+$/.test(options.dir)) {
    throw fail('invalid_format', ['dir'], { format: 'folder' });
  }
  const schools = Math.max(2, Math.round(n / 450));
  const municipalities = Math.max(1, Math.min(2500, Math.round(schools / 16)));
  const regions = Math.max(1, Math.min(89, Math.round(municipalities / 4)));
  const teachers = Math.max(schools, Math.round(n / 18));
  const pairs = Math.round(0.3 * n);
  const requests = Math.round(0.3 * n);
  const perSchool = Math.floor(n / schools);
  const teachersPerSchool = Math.floor(teachers / schools);
  const out = (table: string, select: string) =>
    `COPY (${select}) TO '${options.dir}/${table}.parquet' (FORMAT parquet, COMPRESSION zstd)`;
  // A uniform draw in [0, 1) for row i and a salt; an integer draw in [0, k).
  const u = (i: string, salt: number) => `((hash(${i}, ${seed * 1000 + salt}) % 1000003) / 1000003.0)`;
  const k = (i: string, salt: number, m: number | string) => `CAST(floor(${u(i, salt)} * ${m}) AS BIGINT)`;
  const day = (offset: string) => `CAST(DATE '2022-09-01' + CAST(${offset} AS INTEGER) AS DATE)`;
  const school = (s: string) => `'s' || (${s})`;
  const pupil = (s: string, x: string) => `'p' || ((${s}) + ${schools} * (${x}))`;
  const teacher = (s: string, x: string) => `'t' || ((${s}) + ${schools} * (${x}))`;
  // Pair p: its school, approval day and status (shared by pairs, mentees, formats, requests).
  const pairCols = `p.i AS i, p.i % ${schools} AS s, ${k('p.i', 1, 600)} AS created,
      ${k('p.i', 1, 600)} + ${k('p.i', 2, 60)} AS approved,
      ${u('p.i', 3)} AS st, ${k('p.i', 4, 300)} AS len,
      CASE WHEN ${u('p.i', 5)} < 0.8 THEN 'pupil' ELSE 'teacher' END AS who,
      CASE WHEN ${u('p.i', 6)} < 0.1 THEN 2 + ${k('p.i', 7, 2)} ELSE 1 END AS n_mentees`;
  const pairBase = `(SELECT ${pairCols} FROM range(${pairs}) p(i))`;
  return [
    out(
      'organizations',
      `SELECT i AS seq, 'r' || i AS id, NULL::VARCHAR AS parent_id, 'region' AS kind FROM range(${regions}) t(i)
       UNION ALL SELECT ${regions} + i, 'm' || i, 'r' || (i % ${regions}), 'authority' FROM range(${municipalities}) t(i)
       UNION ALL SELECT ${regions + municipalities} + i, ${school('i')}, 'm' || (i % ${municipalities}), 'school'
       FROM range(${schools}) t(i)`,
    ),
    out(
      'persons',
      `SELECT 'p' || i AS id, ${school(`i % ${schools}`)} AS organization_id, 'pupil' AS category,
         ${day(`-4400 + ${k('i', 10, 4400)}`)} AS birth_date, NULL::INTEGER AS age, NULL::DOUBLE AS experience_years,
         CASE WHEN ${u('i', 11)} < 0.03 THEN ${day(k('i', 12, 640))} END AS left_at
       FROM range(${n}) t(i)
       UNION ALL
       SELECT 't' || i, ${school(`i % ${schools}`)}, CASE WHEN ${u('i', 13)} < 0.03 THEN 'head' ELSE 'teacher' END,
         NULL, NULL, CAST(CASE WHEN ${u('i', 14)} < 0.15 THEN ${k('i', 15, 4)} ELSE 4 + ${k('i', 15, 36)} END AS DOUBLE),
         CASE WHEN ${u('i', 16)} < 0.05 THEN ${day(k('i', 17, 700))} END
       FROM range(${teachers}) t(i)`,
    ),
    out(
      'mentors',
      `SELECT i AS seq, 't' || i AS person_id, ${school(`i % ${schools}`)} AS organization_id,
         CAST(1 + ${k('i', 20, 4)} AS INTEGER) AS capacity
       FROM range(${teachers}) t(i) WHERE ${u('i', 21)} < 0.35`,
    ),
    out(
      'mentor_trainings',
      `SELECT i AS mentor_seq, ${school(`i % ${schools}`)} AS organization_id,
         CASE WHEN ${u('i', 22)} < 0.7 THEN 36.0 ELSE 16.0 END AS hours, ${day(k('i', 23, 640))} AS completed_at
       FROM range(${teachers}) t(i) WHERE ${u('i', 21)} < 0.35 AND ${u('i', 24)} < 0.6`,
    ),
    out(
      'requests',
      `SELECT p.i AS seq, 'q' || p.i AS id,
         CASE WHEN who = 'pupil' THEN ${pupil('s', k('p.i', 30, perSchool))} ELSE ${teacher('s', k('p.i', 31, teachersPerSchool))} END AS mentee_id,
         ${school('s')} AS organization_id, ${day('created')} AS created_at
       FROM ${pairBase} p`,
    ),
    out(
      'pairs',
      `SELECT 'pair' || i AS id, ${school('s')} AS organization_id,
         ${teacher('s', k('i', 40, teachersPerSchool))} AS mentor_id,
         CASE WHEN who = 'teacher' THEN 'educatorEducator' WHEN ${u('i', 41)} < 0.7 THEN 'studentPupil' ELSE 'employerStudent' END AS form,
         CASE WHEN st < 0.1 THEN 'proposed' WHEN st < 0.5 THEN 'active' WHEN st < 0.8 THEN 'completed' ELSE 'terminated' END AS status,
         CASE WHEN st >= 0.1 THEN ${day('approved')} END AS approved_at,
         CASE WHEN st >= 0.5 AND st < 0.8 THEN ${day('approved + 30 + len')} END AS completed_at,
         CASE WHEN st >= 0.8 THEN ${day('approved + 30 + len')} END AS terminated_at,
         CASE WHEN st >= 0.8 THEN ['mentorInitiative', 'menteeInitiative', 'mutualDecision', 'curatorInitiative'][1 + ${k('i', 42, 4)}] END AS termination_reason,
         ${u('i', 43)} < 0.2 AS extended, CAST(${k('i', 44, 10)} AS INTEGER) AS meetings_held,
         CAST(6 + ${k('i', 45, 6)} AS INTEGER) AS meetings_planned
       FROM ${pairBase}`,
    ),
    out(
      'pair_mentees',
      `SELECT 'pair' || p.i AS pair_id, ${school('p.s')} AS organization_id,
         CASE WHEN p.who = 'pupil' THEN ${pupil('p.s', k('p.i * 8 + j.j', 50, perSchool))}
              ELSE ${teacher('p.s', k('p.i * 8 + j.j', 51, teachersPerSchool))} END AS mentee_id
       FROM ${pairBase} p JOIN range(3) j(j) ON j.j < p.n_mentees`,
    ),
    out(
      'pair_formats',
      `SELECT 'pair' || p.i AS pair_id, ${school('p.s')} AS organization_id,
         ['traditional', 'group', 'virtual', 'shortTerm', 'reverse', 'situational', 'speed'][1 + ${k('p.i * 8 + j.j', 60, 7)}] AS format
       FROM ${pairBase} p JOIN range(2) j(j) ON j.j = 0 OR ${u('p.i', 61)} < 0.25`,
    ),
    out(
      'pair_requests',
      `SELECT 'pair' || p.i AS pair_id, ${school('p.s')} AS organization_id, 'q' || p.i AS request_id
       FROM ${pairBase} p WHERE ${u('p.i', 70)} < 0.7 AND p.i < ${requests}`,
    ),
    out(
      'responses',
      `SELECT i AS seq,
         CASE WHEN ${u('i', 80)} < 0.6 THEN ${pupil(`i % ${schools}`, k('i', 81, perSchool))} ELSE ${teacher(`i % ${schools}`, k('i', 82, teachersPerSchool))} END AS respondent_id,
         ${school(`i % ${schools}`)} AS organization_id,
         CASE WHEN ${u('i', 83)} < 0.5 THEN 'mentee' ELSE 'mentor' END AS role,
         CASE WHEN ${u('i', 84)} < 0.4 THEN 'satisfaction' WHEN ${u('i', 84)} < 0.7 THEN 'selfAssessmentEntry' ELSE 'selfAssessmentFinal' END AS kind,
         CAST(1 + ${k('i', 85, 10)} AS INTEGER) AS score, ${day(`300 + ${k('i', 86, 340)}`)} AS submitted_at
       FROM range(${2 * n}) t(i)`,
    ),
    out(
      'activities',
      `SELECT ${school(`i % ${schools}`)} AS organization_id, CAST(i // ${schools} AS VARCHAR) AS activity_id,
         ${day(`365 + ${k('i', 90, 365)}`)} AS due,
         CASE WHEN ${u('i', 91)} < 0.8 THEN ${day(`365 + ${k('i', 90, 365)} - 20 + ${k('i', 92, 40)}`)} END AS done_at
       FROM range(${40 * schools}) t(i)`,
    ),
    out(
      'counters',
      `SELECT ${school('i')} AS organization_id, 'youngTeacherSchool.sessions' AS key, CAST(${k('i', 95, 10)} AS DOUBLE) AS value
       FROM range(${schools}) t(i)`,
    ),
  ];
}
