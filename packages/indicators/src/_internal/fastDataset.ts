/**
 * The fast path of dataset validation: the same checks as
 * `IndicatorDatasetSchema`, written by hand for the millions of records of a
 * region or a country. It accepts exactly what the schema accepts and returns
 * the same output (defaults filled in); records already in that form are not
 * copied. Anything it does not accept — invalid input, unknown keys to strip,
 * keys set to `undefined` — returns `null`, and the caller runs the zod
 * schema, which gives the typed error with its path. A property test holds it
 * to the schema on random valid and invalid records.
 *
 * Dates and enum values are checked by the very schemas of core, once per
 * distinct string (a dataset holds a few thousand distinct dates).
 */
import {
  IsoDateSchema,
  OrganizationSchema,
  PersonCategorySchema,
  TerminationReasonSchema,
} from '@nastavnik/core';
import { z } from 'zod';

type Check = (x: unknown) => boolean;

/** A string schema checked once per distinct value. */
function memo(schema: z.ZodType): Check {
  const seen = new Map<string, boolean>();
  return (x) => {
    if (typeof x !== 'string') return false;
    let ok = seen.get(x);
    if (ok === undefined) {
      ok = schema.safeParse(x).success;
      if (seen.size > 100_000) seen.clear();
      seen.set(x, ok);
    }
    return ok;
  };
}

const isId: Check = (x) => typeof x === 'string' && x.length >= 1 && x.length <= 200;
const KEY = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const isKey: Check = (x) => typeof x === 'string' && x.length >= 1 && x.length <= 64 && KEY.test(x);
const isInt = (x: unknown, min: number, max: number) =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max;
const isNumber = (x: unknown, min: number, max: number) =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
const isArrayOf = (x: unknown, item: Check, min: number): boolean => {
  if (!Array.isArray(x) || x.length < min) return false;
  for (let i = 0; i < x.length; i++) if (!(i in x) || !item(x[i])) return false;
  return true;
};
const has = (o: object, k: string) => Object.hasOwn(o, k);

/** Own keys all known and none set to `undefined`; otherwise the schema's output would differ in shape. */
function plain(rec: unknown, keys: ReadonlySet<string>): rec is Record<string, unknown> {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return false;
  for (const k in rec) {
    if (!has(rec, k)) continue;
    if (!keys.has(k) || (rec as Record<string, unknown>)[k] === undefined) return false;
  }
  return true;
}

interface Checkers {
  date: Check;
  category: Check;
  reason: Check;
}

const personKeys = new Set([
  'id',
  'organizationId',
  'category',
  'birthDate',
  'age',
  'experienceYears',
  'leftAt',
]);
function person(r: unknown, c: Checkers): unknown {
  if (!plain(r, personKeys)) return null;
  if (!isId(r.id) || !isId(r.organizationId) || !c.category(r.category)) return null;
  if (has(r, 'birthDate') && !c.date(r.birthDate)) return null;
  if (has(r, 'age') && !isInt(r.age, 0, 120)) return null;
  if (has(r, 'experienceYears') && !isNumber(r.experienceYears, 0, 70)) return null;
  if (has(r, 'leftAt') && !c.date(r.leftAt)) return null;
  return r;
}

const trainingKeys = new Set(['hours', 'completedAt']);
const mentorKeys = new Set(['personId', 'organizationId', 'capacity', 'training']);
function mentor(r: unknown, c: Checkers): unknown {
  if (!plain(r, mentorKeys)) return null;
  if (!isId(r.personId) || !isId(r.organizationId) || !isInt(r.capacity, 0, 1000)) return null;
  if (!has(r, 'training')) return { ...r, training: [] };
  const ok = isArrayOf(
    r.training,
    (t) => plain(t, trainingKeys) && isNumber(t.hours, Number.MIN_VALUE, 2000) && c.date(t.completedAt),
    0,
  );
  return ok ? r : null;
}

const requestKeys = new Set(['id', 'menteeId', 'organizationId', 'createdAt']);
function request(r: unknown, c: Checkers): unknown {
  if (!plain(r, requestKeys)) return null;
  return isId(r.id) && isId(r.menteeId) && isId(r.organizationId) && c.date(r.createdAt) ? r : null;
}

const statuses = new Set(['proposed', 'approved', 'active', 'completed', 'terminated']);
const pairKeys = new Set([
  'id',
  'organizationId',
  'mentorId',
  'menteeIds',
  'form',
  'formats',
  'status',
  'approvedAt',
  'completedAt',
  'terminatedAt',
  'terminationReason',
  'extended',
  'meetingsHeld',
  'meetingsPlanned',
  'requestIds',
]);
function pair(r: unknown, c: Checkers): unknown {
  if (!plain(r, pairKeys)) return null;
  if (!isId(r.id) || !isId(r.organizationId) || !isId(r.mentorId)) return null;
  if (!isArrayOf(r.menteeIds, isId, 1) || !isKey(r.form) || !isArrayOf(r.formats, isKey, 1)) return null;
  const status = r.status;
  if (typeof status !== 'string' || !statuses.has(status)) return null;
  for (const f of ['approvedAt', 'completedAt', 'terminatedAt'] as const) {
    if (has(r, f) && !c.date(r[f])) return null;
  }
  if (has(r, 'terminationReason') && !c.reason(r.terminationReason)) return null;
  if (has(r, 'extended') && typeof r.extended !== 'boolean') return null;
  if (has(r, 'meetingsHeld') && !isInt(r.meetingsHeld, 0, 10000)) return null;
  if (has(r, 'meetingsPlanned') && !isInt(r.meetingsPlanned, 0, 10000)) return null;
  if (has(r, 'requestIds') && !isArrayOf(r.requestIds, isId, 0)) return null;
  // The schema's refinement: the dates a status needs, and no end before the approval.
  if (status !== 'proposed' && !has(r, 'approvedAt')) return null;
  if (status === 'completed' && !has(r, 'completedAt')) return null;
  if (status === 'terminated' && (!has(r, 'terminatedAt') || !has(r, 'terminationReason'))) return null;
  const closed =
    status === 'completed' ? r.completedAt : status === 'terminated' ? r.terminatedAt : undefined;
  if (closed !== undefined && has(r, 'approvedAt') && (closed as string) < (r.approvedAt as string))
    return null;
  if (has(r, 'extended') && has(r, 'meetingsHeld') && has(r, 'meetingsPlanned') && has(r, 'requestIds'))
    return r;
  return {
    ...r,
    extended: r.extended ?? false,
    meetingsHeld: r.meetingsHeld ?? 0,
    meetingsPlanned: r.meetingsPlanned ?? 0,
    requestIds: r.requestIds ?? [],
  };
}

const roles = new Set(['mentor', 'mentee']);
const kinds = new Set(['satisfaction', 'selfAssessmentEntry', 'selfAssessmentFinal']);
const responseKeys = new Set(['respondentId', 'organizationId', 'role', 'kind', 'score', 'submittedAt']);
function response(r: unknown, c: Checkers): unknown {
  if (!plain(r, responseKeys)) return null;
  return isId(r.respondentId) &&
    isId(r.organizationId) &&
    typeof r.role === 'string' &&
    roles.has(r.role) &&
    typeof r.kind === 'string' &&
    kinds.has(r.kind) &&
    isInt(r.score, 1, 10) &&
    c.date(r.submittedAt)
    ? r
    : null;
}

const activityKeys = new Set(['organizationId', 'activityId', 'due', 'doneAt']);
function activity(r: unknown, c: Checkers): unknown {
  if (!plain(r, activityKeys)) return null;
  if (!isId(r.organizationId) || !isId(r.activityId) || !c.date(r.due)) return null;
  return has(r, 'doneAt') && !c.date(r.doneAt) ? null : r;
}

const counterKeys = new Set(['organizationId', 'key', 'value']);
function counter(r: unknown): unknown {
  if (!plain(r, counterKeys)) return null;
  return isId(r.organizationId) && isKey(r.key) && isNumber(r.value, -Infinity, Infinity) ? r : null;
}

const Organizations = z.array(OrganizationSchema).min(1);
const listKeys = ['persons', 'mentors', 'requests', 'pairs', 'responses', 'activities', 'counters'] as const;
const topKeys = new Set<string>(['organizations', ...listKeys]);

/** The schema's output for `input`, or `null` when the zod schema must decide (invalid, or keys to strip). */
export function fastDataset(input: unknown): Record<string, unknown> | null {
  if (!plain(input, topKeys)) return null;
  const organizations = Organizations.safeParse(input.organizations);
  if (!organizations.success) return null;
  const c: Checkers = {
    date: memo(IsoDateSchema),
    category: memo(PersonCategorySchema),
    reason: memo(TerminationReasonSchema),
  };
  const checks = { person, mentor, request, pair, response, activity, counter };
  const out: Record<string, unknown> = { organizations: organizations.data };
  const byList = {
    persons: checks.person,
    mentors: checks.mentor,
    requests: checks.request,
    pairs: checks.pair,
    responses: checks.response,
    activities: checks.activity,
    counters: checks.counter,
  };
  for (const key of listKeys) {
    const list = input[key];
    if (list === undefined) {
      out[key] = [];
      continue;
    }
    if (!Array.isArray(list)) return null;
    const check = byList[key];
    const copy = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) {
      if (!(i in list)) return null;
      const r = check(list[i], c);
      if (r === null) return null;
      copy[i] = r;
    }
    out[key] = copy;
  }
  return out;
}
