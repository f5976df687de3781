import {
  ActorSchema,
  type AuthorityTable,
  curatorRoleOf,
  HEAD_ROLES,
  isAuthorized,
  OrganizationSchema,
  ParticipantRoleSchema,
  requiredRoles,
  rolesInWords,
} from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

describe('authority: roles as data', () => {
  it('003 §3.3: the head or whoever acts for them signs orders', () => {
    const table = { orderIssued: HEAD_ROLES };
    expect(isAuthorized(table, 'orderIssued', 'head')).toBe(true);
    expect(isAuthorized(table, 'orderIssued', 'actingHead')).toBe(true);
    expect(isAuthorized(table, 'orderIssued', 'curator')).toBe(false);
  });

  it('an action the table does not name is nobody’s (no prototype keys leak in)', () => {
    const table: AuthorityTable = { orderIssued: ['head'] };
    expect(requiredRoles(table, 'toString')).toBeUndefined();
    expect(isAuthorized(table, 'constructor', 'head')).toBe(false);
  });

  it('names the roles required in Russian and in English', () => {
    expect(rolesInWords(['curator', 'municipalCurator', 'head'])).toEqual({
      ru: 'куратор, муниципальный куратор или руководитель',
      en: 'curator, municipal curator or head',
    });
    expect(rolesInWords(['methodicalCouncil']).ru).toBe('методическое объединение (совет) наставников');
    expect(rolesInWords([]).en).toBe('');
  });

  it('every role of 003 §3, 001 and 004 §1 is a participant role', () => {
    for (const r of [
      'head',
      'actingHead',
      'curator',
      'municipalCurator',
      'mentor',
      'mentee',
      'parent',
      'methodicalCouncil',
    ]) {
      expect(ParticipantRoleSchema.safeParse(r).success, r).toBe(true);
    }
  });

  it('004 §1: a parent acts on behalf of a minor', () => {
    const a = ActorSchema.parse({ role: 'parent', id: 'par-1', onBehalfOf: 'pupil-1' });
    expect(a.onBehalfOf).toBe('pupil-1');
    expect(ActorSchema.safeParse({ role: 'grandparent' }).success).toBe(false);
  });

  it('001, 002: the municipal authority is an organization with its own curators', () => {
    const uo = OrganizationSchema.parse({
      id: 'prokopyevsk-uo',
      kind: 'authority',
      name: 'Управление образования Прокопьевского муниципального округа',
      curatorIds: ['mc-1'],
    });
    expect(uo.curatorIds).toEqual(['mc-1']);
    expect(curatorRoleOf(uo)).toBe('municipalCurator');
    expect(curatorRoleOf({ kind: 'school' })).toBe('curator');
  });
});
