import type { Pair } from '@nastavnik/core';
import type { PairEvent } from '@nastavnik/machines';
import type { Caller, ServiceRole } from './auth';
import { HttpProblem, problem } from './http';

/** The school's staff who keep the registries and run the programme. */
const STAFF: readonly ServiceRole[] = ['head', 'actingHead', 'curator'];
const HEADS: readonly ServiceRole[] = ['head', 'actingHead'];
const PAIR: readonly ServiceRole[] = ['mentor', 'mentee'];

/**
 * Who may post each pair event, by role (the pairs issue's authority model,
 * 003 §3.3–3.5, §4–5; 004 §1). The same table as `@nastavnik/machines`'
 * `defaultPairAuthority`, kept here until the machines check it themselves;
 * the service checks it before the machine sees the event. Roles the service
 * has no token for (the methodical council) are left out.
 *
 * @example
 * pairEventAuthority.orderIssued; // ['head', 'actingHead']
 */
export const pairEventAuthority: { readonly [K in PairEvent['type']]: readonly ServiceRole[] } = {
  consentRecorded: ['curator', ...HEADS, ...PAIR, 'parent'],
  consentWithdrawn: ['curator', ...HEADS, ...PAIR, 'parent'],
  orderIssued: HEADS,
  meetingHeld: [...PAIR, 'curator'],
  programmeApproved: ['curator', ...HEADS],
  planItemDone: [...PAIR, 'curator'],
  feedbackSubmitted: [...PAIR, 'parent', 'curator'],
  finalSurveySubmitted: [...PAIR, 'parent', 'curator'],
  extended: [...PAIR, 'curator'],
  planCorrected: [...PAIR, 'curator'],
  formChanged: [...PAIR, 'curator'],
  mentorReplaced: ['curator', ...HEADS],
  terminated: [...PAIR, 'parent', 'curator', ...HEADS],
  completed: ['curator', ...HEADS],
};

/** The part of the school record authorisation needs. @example const s: SchoolRef = { organization: { id: 'sch1', parentId: 'mun1' } }; */
export interface SchoolRef {
  readonly organization: { readonly id: string; readonly parentId?: string | undefined };
}

/**
 * A 403 problem: the caller is authenticated but may not do this.
 *
 * @example
 * throw forbidden('wrong_organization');
 */
export function forbidden(
  reason: 'wrong_organization' | 'role' | 'not_own',
  required: readonly string[] = [],
): HttpProblem {
  const texts = {
    wrong_organization: [
      'Нет доступа к данным другой организации',
      'No access to the data of another organization',
    ],
    role: ['Ваша роль не позволяет это действие', 'Your role does not allow this'],
    not_own: ['Доступ только к своим данным (своего ребёнка, своей пары)', 'Access to your own data only'],
  } as const;
  const [ru, en] = texts[reason];
  return new HttpProblem(
    403,
    problem('forbidden', ru, en, {
      params: { reason, ...(required.length ? { required: required.join(',') } : {}) },
    }),
  );
}

/**
 * The roles the caller holds toward this school: school roles when the token's
 * organization is the school, `municipalCurator` when it is the education
 * authority the school belongs to; nothing otherwise.
 *
 * @example
 * rolesAt(caller, school).has('curator');
 */
export function rolesAt(caller: Caller, school: SchoolRef): ReadonlySet<ServiceRole> {
  const out = new Set<ServiceRole>();
  if (caller.organizationId === school.organization.id) {
    for (const r of caller.roles) if (r !== 'municipalCurator') out.add(r);
  } else if (
    caller.roles.has('municipalCurator') &&
    school.organization.parentId !== undefined &&
    caller.organizationId === school.organization.parentId
  ) {
    out.add('municipalCurator');
  }
  return out;
}

/**
 * Require one of `allowed` toward this school, or throw 403 (another
 * organization: `wrong_organization`; a role that may not: `role`).
 *
 * @example
 * requireRole(caller, school, ['head', 'actingHead', 'curator']);
 */
export function requireRole(
  caller: Caller,
  school: SchoolRef,
  allowed: readonly ServiceRole[],
): ReadonlySet<ServiceRole> {
  const roles = rolesAt(caller, school);
  if (roles.size === 0) throw forbidden('wrong_organization');
  if (!allowed.some((r) => roles.has(r))) throw forbidden('role', allowed);
  return roles;
}

/** Whether the caller is the school's head, acting head or curator. @example if (isStaff(caller, school)) … */
export function isStaff(caller: Caller, school: SchoolRef): boolean {
  const roles = rolesAt(caller, school);
  return STAFF.some((r) => roles.has(r));
}

/** The head, acting head and curator. @example requireRole(caller, school, STAFF_ROLES) */
export const STAFF_ROLES = STAFF;

/**
 * The roles the caller holds in a pair: staff roles for the school's staff;
 * `mentor` for its mentor; `mentee` for one of its mentees; `parent` for the
 * parent of one of its mentees. Empty: the caller has nothing to do with it.
 *
 * @example
 * pairRoles(caller, school, pair).has('parent');
 */
export function pairRoles(
  caller: Caller,
  school: SchoolRef,
  pair: Pick<Pair, 'mentorId' | 'menteeIds' | 'organizationId'>,
): ReadonlySet<ServiceRole> {
  const at = rolesAt(caller, school);
  const out = new Set<ServiceRole>();
  if (pair.organizationId !== school.organization.id) return out;
  for (const r of STAFF) if (at.has(r)) out.add(r);
  if (at.has('mentor') && pair.mentorId === caller.personId) out.add('mentor');
  const mentees: readonly string[] = pair.menteeIds;
  if (at.has('mentee') && mentees.includes(caller.personId)) out.add('mentee');
  if (at.has('parent') && mentees.some((id) => caller.children.includes(id))) out.add('parent');
  return out;
}

/**
 * The person ids whose data the caller may see as a participant: themself,
 * their children, and the people of the pairs they are in (a mentor sees
 * their mentees, a mentee or a parent sees the mentor, never the other
 * mentees of a group). Staff see everyone.
 *
 * @example
 * const visible = visiblePersons(caller, school, pairs); visible === 'all' || visible.has(id);
 */
export function visiblePersons(
  caller: Caller,
  school: SchoolRef,
  pairs: readonly Pick<Pair, 'mentorId' | 'menteeIds' | 'organizationId'>[],
): 'all' | ReadonlySet<string> {
  if (isStaff(caller, school)) return 'all';
  const at = rolesAt(caller, school);
  const out = new Set<string>();
  if (at.size === 0 || at.has('municipalCurator')) return out;
  out.add(caller.personId);
  if (at.has('parent')) for (const c of caller.children) out.add(c);
  for (const p of pairs) {
    const roles = pairRoles(caller, school, p);
    if (roles.size === 0) continue;
    out.add(p.mentorId);
    // A mentor sees their mentees; a mentee or a parent sees the mentor, not the other
    // children of a group.
    if (roles.has('mentor')) for (const m of p.menteeIds) out.add(m);
  }
  return out;
}
