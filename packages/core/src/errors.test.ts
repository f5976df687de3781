import {
  isNastavnikError,
  NastavnikError,
  PairSchema,
  PersonalProgrammeSchema,
  PersonSchema,
  parse,
  safeParse,
} from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

describe('errors at the boundary', () => {
  it('maps a missing field to code "required" with its path, in Russian and English', () => {
    const r = safeParse(PersonSchema, { id: 'p1', organizationId: 'o1', category: 'teacher' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(NastavnikError);
    expect(r.error.code).toBe('required');
    expect(r.error.path).toEqual(['name']);
    expect(r.error.message).toMatch(/обязательное поле/);
    expect(r.error.messageEn).toMatch(/Required field "name"/);
  });

  it('reports a pair without mentees with the domain code', () => {
    expect(() =>
      parse(PairSchema, {
        id: 'p',
        organizationId: 'o',
        mentorId: 'm',
        menteeIds: [],
        form: 'educatorEducator',
        formats: ['traditional'],
        origin: 'curator',
      }),
    ).toThrow(expect.objectContaining({ code: 'pair_without_mentees', path: ['menteeIds'] }));
  });

  it('rejects a programme shorter than 3 months and longer than 12', () => {
    const base = { id: 'pp', pairId: 'p', goals: ['Адаптация'] };
    const short = safeParse(PersonalProgrammeSchema, { ...base, start: '2023-09-01', end: '2023-11-29' });
    expect(!short.ok && short.error.code).toBe('programme_too_short');
    const ok3 = safeParse(PersonalProgrammeSchema, { ...base, start: '2023-09-01', end: '2023-11-30' });
    expect(ok3.ok).toBe(true);
    const ok12 = safeParse(PersonalProgrammeSchema, { ...base, start: '2023-09-01', end: '2024-08-31' });
    expect(ok12.ok).toBe(true);
    const long = safeParse(PersonalProgrammeSchema, { ...base, start: '2023-09-01', end: '2024-09-01' });
    expect(!long.ok && long.error.code).toBe('programme_too_long');
  });

  it('recognises the error by name across copies and serialises without personal data', () => {
    const r = safeParse(PersonSchema, {
      id: 'p1',
      organizationId: 'o1',
      category: 'teacher',
      name: { lastName: 7 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const copy = JSON.parse(JSON.stringify(r.error));
    expect(isNastavnikError(copy)).toBe(true);
    expect(JSON.stringify(copy)).not.toContain('7');
  });
});
