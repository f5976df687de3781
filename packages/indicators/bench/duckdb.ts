/**
 * The DuckDB peer: the same indicators as SQL over the same generated data,
 * loaded from CSV files written to a temporary folder.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { IndicatorDataset, IndicatorParams, ResolvedPeriod } from '../src/index';

function csv(path: string, header: string, rows: Iterable<string>): void {
  const chunks: string[] = [header];
  for (const r of rows) chunks.push(r);
  writeFileSync(path, `${chunks.join('\n')}\n`);
}
const n = (v: string | number | boolean | undefined | null) =>
  v === undefined || v === null ? '' : String(v);

/** Write the dataset as CSV files and load them into a fresh in-memory DuckDB. */
export async function loadDuckDb(ds: IndicatorDataset, dir: string): Promise<DuckDBConnection> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  csv(
    `${dir}/orgs.csv`,
    'id,parent',
    ds.organizations.map((o) => `${o.id},${n(o.parentId)}`),
  );
  csv(
    `${dir}/persons.csv`,
    'id,org,category,birth,age,exp,left_at',
    (function* () {
      for (const p of ds.persons)
        yield `${p.id},${p.organizationId},${p.category},${n(p.birthDate)},${n(p.age)},${n(p.experienceYears)},${n(p.leftAt)}`;
    })(),
  );
  csv(
    `${dir}/pairs.csv`,
    'idx,org,mentor,form,status,approved,closed,reason,extended,held,planned,n_mentees',
    (function* () {
      let i = 0;
      for (const p of ds.pairs) {
        const closed =
          p.status === 'completed' ? p.completedAt : p.status === 'terminated' ? p.terminatedAt : undefined;
        yield `${i++},${p.organizationId},${p.mentorId},${p.form},${p.status},${n(p.approvedAt)},${n(closed)},${n(p.terminationReason)},${p.extended},${p.meetingsHeld},${p.meetingsPlanned},${p.menteeIds.length}`;
      }
    })(),
  );
  csv(
    `${dir}/pair_mentees.csv`,
    'idx,mentee',
    (function* () {
      let i = 0;
      for (const p of ds.pairs) {
        for (const m of p.menteeIds) yield `${i},${m}`;
        i++;
      }
    })(),
  );
  csv(
    `${dir}/pair_formats.csv`,
    'idx,format',
    (function* () {
      let i = 0;
      for (const p of ds.pairs) {
        for (const f of p.formats) yield `${i},${f}`;
        i++;
      }
    })(),
  );
  csv(
    `${dir}/pair_requests.csv`,
    'idx,req',
    (function* () {
      let i = 0;
      for (const p of ds.pairs) {
        for (const r of p.requestIds) yield `${i},${r}`;
        i++;
      }
    })(),
  );
  csv(
    `${dir}/requests.csv`,
    'ridx,id,mentee,org,created',
    (function* () {
      let i = 0;
      for (const r of ds.requests) yield `${i++},${r.id},${r.menteeId},${r.organizationId},${r.createdAt}`;
    })(),
  );
  csv(
    `${dir}/mentors.csv`,
    'midx,person,org,capacity',
    (function* () {
      let i = 0;
      for (const m of ds.mentors) yield `${i++},${m.personId},${m.organizationId},${m.capacity}`;
    })(),
  );
  csv(
    `${dir}/training.csv`,
    'midx,hours,completed',
    (function* () {
      let i = 0;
      for (const m of ds.mentors) {
        for (const t of m.training) yield `${i},${t.hours},${t.completedAt}`;
        i++;
      }
    })(),
  );
  csv(
    `${dir}/responses.csv`,
    'ridx,respondent,org,role,kind,score,submitted',
    (function* () {
      let i = 0;
      for (const r of ds.responses)
        yield `${i++},${r.respondentId},${r.organizationId},${r.role},${r.kind},${r.score},${r.submittedAt}`;
    })(),
  );
  csv(
    `${dir}/activities.csv`,
    'org,due,done',
    (function* () {
      for (const a of ds.activities) yield `${a.organizationId},${a.due},${n(a.doneAt)}`;
    })(),
  );
  csv(
    `${dir}/counters.csv`,
    'org,key,value',
    ds.counters.map((x) => `${x.organizationId},${x.key},${x.value}`),
  );
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const types: Record<string, string> = {
    orgs: "{'id':'VARCHAR','parent':'VARCHAR'}",
    persons:
      "{'id':'VARCHAR','org':'VARCHAR','category':'VARCHAR','birth':'DATE','age':'INTEGER','exp':'DOUBLE','left_at':'DATE'}",
    pairs:
      "{'idx':'INTEGER','org':'VARCHAR','mentor':'VARCHAR','form':'VARCHAR','status':'VARCHAR','approved':'DATE','closed':'DATE','reason':'VARCHAR','extended':'BOOLEAN','held':'INTEGER','planned':'INTEGER','n_mentees':'INTEGER'}",
    pair_mentees: "{'idx':'INTEGER','mentee':'VARCHAR'}",
    pair_formats: "{'idx':'INTEGER','format':'VARCHAR'}",
    pair_requests: "{'idx':'INTEGER','req':'VARCHAR'}",
    requests: "{'ridx':'INTEGER','id':'VARCHAR','mentee':'VARCHAR','org':'VARCHAR','created':'DATE'}",
    mentors: "{'midx':'INTEGER','person':'VARCHAR','org':'VARCHAR','capacity':'INTEGER'}",
    training: "{'midx':'INTEGER','hours':'DOUBLE','completed':'DATE'}",
    responses:
      "{'ridx':'INTEGER','respondent':'VARCHAR','org':'VARCHAR','role':'VARCHAR','kind':'VARCHAR','score':'INTEGER','submitted':'DATE'}",
    activities: "{'org':'VARCHAR','due':'DATE','done':'DATE'}",
    counters: "{'org':'VARCHAR','key':'VARCHAR','value':'DOUBLE'}",
  };
  for (const [table, cols] of Object.entries(types)) {
    await c.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${dir}/${table}.csv', header=true, columns=${cols}, nullstr='')`,
    );
  }
  // Ancestor closure: every organization with itself and all its ancestors.
  await c.run(`CREATE TABLE anc AS WITH RECURSIVE a(org, anc) AS (
      SELECT id, id FROM orgs UNION ALL SELECT a.org, o.parent FROM a JOIN orgs o ON o.id = a.anc WHERE o.parent IS NOT NULL
    ) SELECT * FROM a`);
  return c;
}

/** Numbers by organization (rolled up) and field, as SQL computes them. */
export type SqlResult = Map<string, Map<string, number | null>>;

/** Compute every numerator, denominator and median in SQL, at every level. */
export async function computeDuckDb(
  c: DuckDBConnection,
  asOf: string,
  period: ResolvedPeriod,
  params: IndicatorParams,
): Promise<SqlResult> {
  const until = asOf < period.end ? asOf : period.end;
  const A = `DATE '${asOf}'`;
  const S = `DATE '${period.start}'`;
  const U = `DATE '${until}'`;
  const mmdd = Number(asOf.slice(5, 7)) * 100 + Number(asOf.slice(8, 10));
  const yr = Number(asOf.slice(0, 4));
  const { min: bmin, max: bmax } = params.pupilAgeBand;
  const ys = params.youngSpecialistMaxYears;
  await c.run(`CREATE OR REPLACE TEMP TABLE p_ok AS
    SELECT *, approved <= ${U} AND (closed IS NULL OR closed >= ${S}) AS in_period,
              closed IS NULL OR closed > ${A} AS open_now
    FROM pairs WHERE status <> 'proposed' AND approved <= ${A}`);
  await c.run(`CREATE OR REPLACE TEMP TABLE part AS
    WITH me AS (SELECT pm.mentee AS id, bool_or(in_period) AS mentee_in, bool_or(open_now) AS open_mentee, min(approved) AS first_app
                FROM pair_mentees pm JOIN p_ok USING (idx) GROUP BY 1),
         mo AS (SELECT mentor AS id, bool_or(in_period) AS mentor_in, sum(CASE WHEN open_now THEN n_mentees ELSE 0 END) AS load
                FROM p_ok GROUP BY 1)
    SELECT coalesce(me.id, mo.id) AS id, coalesce(mentee_in, false) AS mentee_in, coalesce(open_mentee, false) AS open_mentee,
           first_app, coalesce(mentor_in, false) AS mentor_in, coalesce(load, 0) AS load
    FROM me FULL JOIN mo ON me.id = mo.id`);
  await c.run(`CREATE OR REPLACE TEMP TABLE req_w AS
    SELECT r.*, b.best FROM requests r
    LEFT JOIN (SELECT req, min(approved) AS best FROM pair_requests JOIN p_ok USING (idx) GROUP BY 1) b ON b.req = r.id
    WHERE created BETWEEN ${S} AND ${U}`);
  const own = `
    WITH persons_f AS (
      SELECT p.org, p.category, p.exp, p.left_at, coalesce(p.left_at > ${A}, true) AS on_roll,
             coalesce(${yr} - year(p.birth) - CASE WHEN month(p.birth) * 100 + day(p.birth) > ${mmdd} THEN 1 ELSE 0 END, p.age) AS age,
             coalesce(pt.mentee_in, false) AS mi, coalesce(pt.mentor_in, false) AS mo, pt.first_app
      FROM persons p LEFT JOIN part pt ON pt.id = p.id),
    cov AS (SELECT org,
        count(*) FILTER (category = 'pupil' AND on_roll AND age BETWEEN ${bmin} AND ${bmax}) AS pupilsInBand,
        count(*) FILTER (category = 'pupil' AND on_roll AND age BETWEEN ${bmin} AND ${bmax} AND mi) AS pupilMentees,
        count(*) FILTER (category = 'pupil' AND on_roll AND age BETWEEN ${bmin} AND ${bmax} AND mo) AS pupilMentors,
        count(*) FILTER (category = 'pupil' AND on_roll AND age BETWEEN ${bmin} AND ${bmax} AND (mi OR mo)) AS pupilsInvolved,
        count(*) FILTER (category IN ('teacher', 'head') AND on_roll) AS teachers,
        count(*) FILTER (category IN ('teacher', 'head') AND on_roll AND mo) AS teacherMentors,
        count(*) FILTER (category IN ('teacher', 'head') AND on_roll AND mi) AS teacherMentees,
        count(*) FILTER (category IN ('teacher', 'head') AND on_roll AND exp <= ${ys}) AS youngTeachers,
        count(*) FILTER (category IN ('teacher', 'head') AND on_roll AND exp <= ${ys} AND mi) AS youngTeacherMentees,
        count(*) FILTER (category IN ('teacher', 'head') AND exp <= ${ys} AND first_app IS NOT NULL
                         AND CAST(first_app + INTERVAL 1 YEAR AS DATE) <= ${A}) AS youngSpecialistCohort,
        count(*) FILTER (category IN ('teacher', 'head') AND exp <= ${ys} AND first_app IS NOT NULL
                         AND CAST(first_app + INTERVAL 1 YEAR AS DATE) <= ${A}
                         AND coalesce(left_at >= CAST(first_app + INTERVAL 1 YEAR AS DATE), true)) AS youngSpecialistRetained
      FROM persons_f GROUP BY org),
    pr AS (SELECT org,
        count(*) FILTER (in_period) AS pairs,
        count(*) FILTER (in_period AND n_mentees > 1) AS groups,
        sum(held) FILTER (in_period) AS meetingsHeld,
        sum(planned) FILTER (in_period) AS meetingsPlanned,
        count(*) FILTER (in_period AND extended) AS programmesExtended,
        count(*) FILTER (closed BETWEEN ${S} AND ${U}) AS programmesEnded,
        count(*) FILTER (closed BETWEEN ${S} AND ${U} AND status = 'completed') AS programmesCompleted,
        count(*) FILTER (closed BETWEEN ${S} AND ${U} AND status = 'terminated') AS programmesTerminated,
        count(*) FILTER (closed BETWEEN ${S} AND ${U} AND status = 'terminated' AND reason = 'mentorInitiative') AS "reason.mentorInitiative",
        count(*) FILTER (closed BETWEEN ${S} AND ${U} AND status = 'terminated' AND reason = 'menteeInitiative') AS "reason.menteeInitiative",
        count(*) FILTER (closed BETWEEN ${S} AND ${U} AND status = 'terminated' AND reason = 'mutualDecision') AS "reason.mutualDecision",
        count(*) FILTER (closed BETWEEN ${S} AND ${U} AND status = 'terminated' AND reason = 'curatorInitiative') AS "reason.curatorInitiative"
      FROM p_ok GROUP BY org),
    rq AS (SELECT org, count(*) AS requests, count(best) AS requestsMatched, count(*) - count(best) AS requestsWaiting FROM req_w GROUP BY org),
    wt AS (SELECT org, count(*) AS menteesWaiting FROM (
        SELECT arg_min(org, ridx) AS org FROM req_w r LEFT JOIN part pt ON pt.id = r.mentee
        WHERE best IS NULL AND NOT coalesce(pt.open_mentee, false) GROUP BY r.mentee) GROUP BY org),
    mn AS (SELECT m.org, count(*) AS mentors, sum(capacity) AS mentorCapacity, sum(coalesce(pt.load, 0)) AS mentorLoad,
        count(*) FILTER (coalesce(pt.load, 0) > 0) AS mentorsWithMentees,
        count(*) FILTER (coalesce(pt.load, 0) > capacity) AS mentorsOverCapacity,
        count(*) FILTER (coalesce(h.hours, 0) >= ${params.trainingHours}) AS mentorsTrained
      FROM mentors m LEFT JOIN part pt ON pt.id = m.person
      LEFT JOIN (SELECT midx, sum(hours) AS hours FROM training WHERE completed <= ${A} GROUP BY 1) h USING (midx)
      GROUP BY m.org),
    resp AS (SELECT * FROM responses WHERE submitted BETWEEN ${S} AND ${U}),
    sat AS (SELECT org,
        ${Array.from({ length: 10 }, (_, i) => `count(*) FILTER (role = 'mentor' AND score = ${i + 1}) AS "satMentor.${i + 1}", count(*) FILTER (role = 'mentee' AND score = ${i + 1}) AS "satMentee.${i + 1}"`).join(',\n        ')}
      FROM resp WHERE kind = 'satisfaction' GROUP BY org),
    ent AS (SELECT role, respondent, arg_min(score, (submitted, ridx)) AS score FROM resp WHERE kind = 'selfAssessmentEntry' GROUP BY ALL),
    fin AS (SELECT role, respondent, arg_min(score, (-epoch(submitted), ridx)) AS score, arg_min(org, (-epoch(submitted), ridx)) AS org
            FROM resp WHERE kind = 'selfAssessmentFinal' GROUP BY ALL),
    sa AS (SELECT fin.org,
        count(*) FILTER (role = 'mentor') AS "saMentor.n", coalesce(sum(fin.score - ent.score) FILTER (role = 'mentor'), 0) AS "saMentor.delta",
        count(*) FILTER (role = 'mentor' AND fin.score > ent.score) AS "saMentor.improved",
        count(*) FILTER (role = 'mentee') AS "saMentee.n", coalesce(sum(fin.score - ent.score) FILTER (role = 'mentee'), 0) AS "saMentee.delta",
        count(*) FILTER (role = 'mentee' AND fin.score > ent.score) AS "saMentee.improved"
      FROM fin JOIN ent USING (role, respondent) GROUP BY fin.org),
    act AS (SELECT org, count(*) AS activitiesDue,
        count(*) FILTER (done IS NOT NULL AND done <= ${A} AND done <= due) AS activitiesOnTime,
        count(*) FILTER (done IS NOT NULL AND done <= ${A} AND done > due) AS activitiesLate,
        count(*) FILTER (done IS NULL OR done > ${A}) AS activitiesOverdue
      FROM activities WHERE due BETWEEN ${S} AND ${U} GROUP BY org)
    SELECT o.id AS org, * EXCLUDE (org) FROM orgs o
      LEFT JOIN cov ON cov.org = o.id LEFT JOIN pr ON pr.org = o.id LEFT JOIN rq ON rq.org = o.id LEFT JOIN wt ON wt.org = o.id
      LEFT JOIN mn ON mn.org = o.id LEFT JOIN sat ON sat.org = o.id LEFT JOIN sa ON sa.org = o.id LEFT JOIN act ON act.org = o.id`;
  await c.run(`CREATE OR REPLACE TEMP TABLE own AS ${own}`);
  const cols = (await c.runAndReadAll('SELECT * FROM own LIMIT 0'))
    .columnNames()
    .filter((x) => x !== 'org' && x !== 'id' && x !== 'parent');
  const rolled =
    await c.runAndReadAll(`SELECT a.anc AS org, ${cols.map((k) => `CAST(coalesce(sum("${k}"), 0) AS DOUBLE) AS "${k}"`).join(', ')}
    FROM own JOIN anc a ON a.org = own.org GROUP BY a.anc`);
  const out: SqlResult = new Map();
  for (const row of rolled.getRowObjectsJS()) {
    const m = new Map<string, number | null>();
    for (const k of cols) m.set(k, row[k] as number);
    out.set(row.org as string, m);
  }
  const extra = async (sql: string) => {
    for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
      const m = out.get(row.org as string);
      if (m) m.set(row.k as string, row.v === null ? null : Number(row.v));
    }
  };
  // Medians from the underlying values at every level.
  await extra(`SELECT a.anc AS org, 'daysToPair.median' AS k, median(best - created) AS v
    FROM req_w r JOIN anc a ON a.org = r.org WHERE best IS NOT NULL GROUP BY a.anc`);
  await extra(`SELECT a.anc AS org, 'satisfaction.' || role || '.median' AS k, median(score) AS v
    FROM responses r JOIN anc a ON a.org = r.org WHERE kind = 'satisfaction' AND submitted BETWEEN ${S} AND ${U} GROUP BY ALL`);
  // A region's own counters, summed up the tree.
  await extra(`SELECT a.anc AS org, 'counter.' || key AS k, sum(value) AS v
    FROM counters c JOIN anc a ON a.org = c.org GROUP BY ALL`);
  // Pairs by form and by format.
  await extra(
    `SELECT a.anc AS org, 'form.' || form AS k, count(*) AS v FROM p_ok p JOIN anc a ON a.org = p.org WHERE in_period GROUP BY ALL`,
  );
  await extra(`SELECT a.anc AS org, 'format.' || format AS k, count(*) AS v
    FROM p_ok p JOIN pair_formats f USING (idx) JOIN anc a ON a.org = p.org WHERE in_period GROUP BY ALL`);
  return out;
}
