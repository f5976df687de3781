import { isAuthorized, type Pair, requiredRoles } from '@nastavnik/core';
import { defaultPairAuthority, type PairEvent } from '@nastavnik/machines';
import type { Caller, ServiceRole } from './auth';
import { HttpProblem, problem } from './http';

/** The school's staff who keep the registries and run the programme. */
const STAFF: readonly ServiceRole[] = ['head', 'actingHead', 'curator'];

/**
 * Whether `role` may record a pair event of this type: the authority model of
 * `@nastavnik/machines` (`defaultPairAuthority`: the head issues orders, the
 * curator keeps the records, the mentor and the mentee record their own work,
 * a parent acts for a minor…). The machine checks the same table; the service
 * checks it first to answer 403, and checks what the machine cannot: that the
 * caller holds that role in this pair.
 *
 * @example
 * mayRecord('orderIssued', 'parent'); // false
 */
export function mayRecord(type: PairEvent['type'], role: ServiceRole): boolean {
  return isAuthorized(defaultPairAuthority, type, role);
}

/** The roles that may record a pair event of this type. @example rolesFor('orderIssued'); // ['head', 'actingHead'] */
export function rolesFor(type: PairEvent['type']): readonly string[] {
  return requiredRoles(defaultPairAuthority, type) ?? [];
}

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
