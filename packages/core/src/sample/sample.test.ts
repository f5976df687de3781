import {
  ageOn,
  buildOrganizationTree,
  ConsentPolicySchema,
  type ConsentRole,
  ConsentSchema,
  competences,
  consentGap,
  defaultConsentPolicy,
  isMinorOn,
  isNastavnikError,
  isYoungSpecialist,
  MenteeProfileSchema,
  MentorProfileSchema,
  mayProcess,
  menteeGroups,
  mentorshipFormats,
  mentorshipForms,
  OrderSchema,
  OrganizationSchema,
  type Person,
  PersonSchema,
  type ProcessingActivity,
  ProgrammeSchema,
  parse,
  RequestSchema,
  requiredConsents,
  safeParse,
} from '@nastavnik/core';
import {
  generateMunicipality,
  generateRegion,
  iterateRegionSchools,
  type SampleMunicipality,
} from '@nastavnik/core/sample';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

const seedArb = fc.integer({ min: 0, max: 0xffffffff });
const ACTIVITIES: readonly ProcessingActivity[] = ['registry', 'matching', 'pair', 'documents', 'export'];

/** Each participant of a school with the roles the consent policy is asked about. */
function rolesIn(s: SampleMunicipality['schools'][number]): Map<string, ConsentRole[]> {
  const roles = new Map<string, ConsentRole[]>();
  const add = (id: string, r: ConsentRole) => roles.set(id, [...(roles.get(id) ?? []), r]);
  for (const p of s.mentorProfiles) add(p.personId, 'mentor');
  for (const p of s.menteeProfiles) add(p.personId, 'mentee');
  for (const p of [s.head, s.curator]) if (!roles.has(p.id)) add(p.id, 'participant');
  return roles;
}
const small = (seed: number) =>
  generateMunicipality({ seed, schools: 2, pupilsPerSchool: 40, teachersPerSchool: 10 });

/** Every entity of a municipality with the schema it must satisfy. */
function entities(m: SampleMunicipality): Array<[string, z.ZodType, readonly unknown[]]> {
  return [
    ['organization', OrganizationSchema, m.organizations],
    ['person', PersonSchema, m.persons],
    ['mentorProfile', MentorProfileSchema, m.mentorProfiles],
    ['menteeProfile', MenteeProfileSchema, m.menteeProfiles],
    ['request', RequestSchema, m.requests],
    ['consent', ConsentSchema, m.consents],
    ['order', OrderSchema, m.orders],
    ['programme', ProgrammeSchema, m.programmes],
  ];
}

describe('generateMunicipality: validity', () => {
  it('every generated entity parses with its schema and is already in parsed form, for many seeds', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const m = small(seed);
        for (const [kind, schema, list] of entities(m)) {
          expect(list.length, kind).toBeGreaterThan(0);
          list.forEach((entity, i) => {
            const r = safeParse(schema, entity, [kind, i]);
            if (!r.ok) throw new Error(`${kind}[${i}]: ${r.error.code} at ${r.error.path.join('.')}`);
            expect(r.value).toEqual(entity);
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('dates everything on or before asOf, for any asOf in any academic year', () => {
    const asOfArb = fc
      .record({ year: fc.integer({ min: 2000, max: 2090 }), day: fc.integer({ min: 0, max: 364 }) })
      .map(({ year, day }) => new Date(Date.UTC(year, 8, 1 + day)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(seedArb, asOfArb, (seed, asOf) => {
        const m = generateMunicipality({ seed, asOf, schools: 1, pupilsPerSchool: 30, teachersPerSchool: 8 });
        expect(m.asOf).toBe(asOf);
        for (const [kind, schema, list] of entities(m)) {
          for (const entity of list) expect(safeParse(schema, entity).ok, kind).toBe(true);
        }
        const dates = [
          ...m.consents.flatMap((c) => [c.givenAt, c.withdrawnAt ?? c.givenAt]),
          ...m.requests.map((q) => q.createdAt),
          ...m.orders.map((o) => o.date),
          ...m.mentorProfiles.flatMap((p) => p.training.map((t) => t.completedAt)),
          ...m.persons.flatMap((p) => (p.birthDate ? [p.birthDate] : [])),
        ];
        for (const d of dates) expect(d <= asOf).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('uses the documented defaults', () => {
    const m = generateMunicipality();
    expect(m.seed).toBe(1);
    expect(m.academicYear).toBe('2023-2024');
    expect(m.asOf).toBe('2023-10-01');
    expect(m.schools).toHaveLength(4);
    for (const s of m.schools) {
      expect(s.persons.filter((p) => p.category === 'pupil')).toHaveLength(60);
      expect(s.persons.filter((p) => p.category === 'teacher')).toHaveLength(20);
      expect(s.persons.filter((p) => p.category === 'head')).toEqual([s.head]);
    }
    expect(m.organizations.map((o) => o.kind)).toEqual([
      'region',
      'authority',
      'school',
      'school',
      'school',
      'school',
    ]);
  });

  it('derives the academic year from asOf and asOf from the academic year', () => {
    expect(generateMunicipality({ schools: 1, asOf: '2024-03-15' }).academicYear).toBe('2023-2024');
    expect(generateMunicipality({ schools: 1, academicYear: '2022-2023' }).asOf).toBe('2022-10-01');
  });

  it('ids are unique and every reference resolves, across a region', () => {
    const r = generateRegion({ seed: 5, municipalities: 3, schoolsPerMunicipality: 3, pupilsPerSchool: 30 });
    const tree = buildOrganizationTree(r.organizations);
    expect(tree.roots).toEqual([r.region.id]);
    const persons = r.municipalities.flatMap((m) => m.persons);
    const personIds = new Set(persons.map((p) => p.id));
    expect(personIds.size).toBe(persons.length);
    const all = <T>(pick: (m: SampleMunicipality) => readonly T[]) => r.municipalities.flatMap(pick);
    const unique = (ids: readonly string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(all((m) => m.consents).map((c) => c.id));
    unique(all((m) => m.requests).map((q) => q.id));
    unique(all((m) => m.orders).map((o) => o.id));
    unique(all((m) => m.programmes).map((p) => p.id));
    const orgIds = new Set(r.organizations.map((o) => o.id));
    for (const p of persons) expect(orgIds.has(p.organizationId)).toBe(true);
    for (const c of all((m) => m.consents)) expect(personIds.has(c.personId)).toBe(true);
    for (const q of all((m) => m.requests)) expect(personIds.has(q.menteeId)).toBe(true);
    for (const p of all((m) => m.mentorProfiles)) expect(personIds.has(p.personId)).toBe(true);
    for (const p of all((m) => m.menteeProfiles)) {
      expect(personIds.has(p.personId)).toBe(true);
      for (const q of p.requests) expect(q.menteeId).toBe(p.personId);
    }
    for (const o of all((m) => m.orders)) expect(orgIds.has(o.organizationId)).toBe(true);
    // Nobody is both a mentor and a mentee.
    const mentors = new Set(all((m) => m.mentorProfiles).map((p) => p.personId));
    for (const p of all((m) => m.menteeProfiles)) expect(mentors.has(p.personId)).toBe(false);
  });
});

describe('generateMunicipality: content', () => {
  const m = generateMunicipality({ seed: 11 });

  it('has a head and a curator (a deputy head) per school, and a programme owned by the curator', () => {
    for (const s of m.schools) {
      expect(s.head.category).toBe('head');
      expect(s.curator.position).toMatch(/заместитель директора/);
      expect(s.programme.curatorIds).toEqual([s.curator.id]);
      expect(s.programme.organizationId).toBe(s.organization.id);
      expect(s.programme.academicYear).toBe(m.academicYear);
      expect(s.orders.map((o) => o.kind)).toEqual([
        'introduceModel',
        'approveRegulation',
        'approveRoadmap',
        'appointCurator',
      ]);
      for (const o of s.orders) {
        expect(o.signatory.name).toEqual(s.head.name);
        expect(o.date <= m.asOf).toBe(true);
      }
    }
    expect(m.organizations.filter((o) => o.kind === 'school').map((o) => o.shortName)).toEqual(
      m.schools.map((s) => s.organization.shortName),
    );
    for (const s of m.schools) expect(s.organization.shortName).toMatch(/^М[А-Я]*ОУ «.+»$/);
  });

  it('spreads teaching experience and includes young specialists (≤ 3 years)', () => {
    const teachers = m.persons.filter((p) => p.category === 'teacher');
    const years = teachers.map((t) => t.experienceYears ?? -1);
    expect(Math.min(...years)).toBeLessThanOrEqual(3);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(20);
    for (const s of m.schools) {
      expect(s.persons.some((p) => isYoungSpecialist(p))).toBe(true);
    }
    // Every young specialist is in the mentee registry.
    const mentees = new Set(m.menteeProfiles.map((p) => p.personId));
    for (const t of teachers.filter((p) => isYoungSpecialist(p))) expect(mentees.has(t.id)).toBe(true);
  });

  it('gives pupils ages 7–18 that match their grade', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const sample = small(seed);
        for (const p of sample.persons.filter((x) => x.category === 'pupil')) {
          const age = ageOn(p.birthDate as string, sample.asOf);
          const grade = p.grade as number;
          expect(age).toBeGreaterThanOrEqual(7);
          expect(age).toBeLessThanOrEqual(18);
          expect([grade + 6, grade + 7]).toContain(age);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('gives names with gendered forms (patronymic and surname agree with gender)', () => {
    for (const p of m.persons) {
      expect(p.gender).toBeDefined();
      const middle = p.name.middleName ?? '';
      if (p.gender === 'female') {
        expect(middle).toMatch(/(вна|чна)$/);
        expect(p.name.lastName).not.toMatch(/(ов|ев|ёв|ин|ский)$/);
      } else {
        expect(middle).toMatch(/(вич|ич)$/);
        expect(p.name.lastName).not.toMatch(/(ова|ева|ёва|ина|ская)$/);
      }
    }
  });

  it('draws competences, groups, formats and forms from the catalogues; capacities 1–3; some trained 36 h', () => {
    for (const p of m.mentorProfiles) {
      expect(p.capacity).toBeGreaterThanOrEqual(1);
      expect(p.capacity).toBeLessThanOrEqual(3);
      expect(p.competences.length).toBeGreaterThan(0);
      expect(p.formats.length).toBeGreaterThan(0);
      for (const c of p.competences) expect(competences.byId.has(c)).toBe(true);
      for (const g of p.menteeGroups) expect(menteeGroups.byId.has(g)).toBe(true);
      for (const f of p.formats) expect(mentorshipFormats.byId.has(f)).toBe(true);
      for (const f of p.forms) expect(mentorshipForms.byId.has(f)).toBe(true);
    }
    expect(m.mentorProfiles.some((p) => p.training.some((t) => t.hours === 36))).toBe(true);
    expect(m.mentorProfiles.some((p) => p.training.length === 0)).toBe(true);
    expect(new Set(m.mentorProfiles.flatMap((p) => p.forms))).toEqual(
      new Set(['pupilPupil', 'educatorEducator', 'headEducator']),
    );
    for (const p of m.menteeProfiles) expect(menteeGroups.byId.has(p.group)).toBe(true);
  });

  it('gives requests with a competence or a difficulty, a priority and a source', () => {
    expect(m.requests.length).toBeGreaterThan(m.menteeProfiles.length - 1);
    for (const q of m.requests) {
      expect(q.competence !== undefined || q.difficulty !== undefined).toBe(true);
      if (q.competence !== undefined) expect(competences.byId.has(q.competence)).toBe(true);
      expect(q.createdAt <= m.asOf).toBe(true);
    }
    expect(new Set(m.requests.map((q) => q.source))).toEqual(
      new Set(['self', 'classTeacher', 'psychologist', 'parent', 'attestation']),
    );
    expect(new Set(m.requests.map((q) => q.priority))).toEqual(new Set(['high', 'medium', 'low']));
    expect(m.requests.some((q) => q.competence === undefined)).toBe(true);
    expect(m.requests.some((q) => q.difficulty === undefined)).toBe(true);
  });
});

describe('generateMunicipality: consents', () => {
  it('gives parents’ consents for minors and deliberately leaves defects mayProcess refuses, in every school', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const m = generateMunicipality({ seed, schools: 2 });
        for (const s of m.schools) {
          const participants = new Set([
            s.head.id,
            s.curator.id,
            ...s.mentorProfiles.map((p) => p.personId),
            ...s.menteeProfiles.map((p) => p.personId),
          ]);
          // Consents only for participants.
          for (const c of s.consents) expect(participants.has(c.personId)).toBe(true);
          const codes = new Map<string, number>();
          for (const p of s.persons.filter((x) => participants.has(x.id))) {
            const d = mayProcess(p, s.consents, m.asOf);
            const code = d.allowed ? 'allowed' : d.code;
            codes.set(code, (codes.get(code) ?? 0) + 1);
            if (d.allowed && isMinorOn(p, m.asOf)) {
              expect(['parent', 'guardian']).toContain(d.consent.givenBy);
              expect(d.consent.representative).toBeDefined();
            }
          }
          expect(codes.get('consent_missing') ?? 0).toBeGreaterThan(0);
          expect(codes.get('minor_requires_parent_consent') ?? 0).toBeGreaterThan(0);
          expect(codes.get('allowed') ?? 0).toBeGreaterThan(participants.size / 2);
          // The head and the curator always consented.
          expect(mayProcess(s.head, s.consents, m.asOf).allowed).toBe(true);
          expect(mayProcess(s.curator, s.consents, m.asOf).allowed).toBe(true);
          // Every consent is one the policy asks of that person in one of their roles: nothing picked by hand.
          const roles = rolesIn(s);
          for (const c of s.consents) {
            const person = s.persons.find((p) => p.id === c.personId) as Person;
            const asked = (roles.get(c.personId) ?? []).flatMap((r) =>
              ACTIVITIES.flatMap((a) => requiredConsents(defaultConsentPolicy, person, r, a)),
            );
            expect(asked).toContain(c.purpose);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('asks the consent policy: without gaps, every participant may be processed for every activity of each role', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const m = generateMunicipality({ seed, schools: 2, pupilsPerSchool: 50, consentGaps: false });
        for (const s of m.schools) {
          for (const [id, roles] of rolesIn(s)) {
            const person = s.persons.find((p) => p.id === id) as Person;
            for (const role of roles) {
              for (const activity of ACTIVITIES) {
                expect(consentGap(defaultConsentPolicy, person, role, activity, s.consents, m.asOf)).toEqual(
                  [],
                );
              }
            }
          }
        }
        const curator = m.municipalCurator;
        expect(
          consentGap(defaultConsentPolicy, curator, 'participant', 'documents', m.consents, m.asOf),
        ).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('with gaps, some participants may be kept in the registry but not put in a pair (a pair purpose missing)', () => {
    const m = generateMunicipality({ seed: 4, schools: 4, pupilsPerSchool: 120 });
    let partial = 0;
    for (const s of m.schools) {
      for (const [id, roles] of rolesIn(s)) {
        const person = s.persons.find((p) => p.id === id) as Person;
        const role = roles[0] ?? 'participant';
        const registry = consentGap(defaultConsentPolicy, person, role, 'registry', s.consents, m.asOf);
        const pair = consentGap(defaultConsentPolicy, person, role, 'pair', s.consents, m.asOf);
        if (registry.length === 0 && pair.length > 0) partial++;
      }
    }
    expect(partial).toBeGreaterThan(0);
  });

  it('follows a region’s policy: its extra purposes are signed, and a minor’s signer is one it accepts', () => {
    const policy = parse(ConsentPolicySchema, {
      ...defaultConsentPolicy,
      id: 'region-x',
      rules: [
        ...defaultConsentPolicy.rules,
        { activities: ['matching'], categories: ['teacher'], purposes: ['participation'] },
      ],
      minorSigners: ['guardian'],
    });
    const m = generateMunicipality({ seed: 9, schools: 2, consentPolicy: policy, consentGaps: false });
    for (const s of m.schools) {
      for (const [id, roles] of rolesIn(s)) {
        const person = s.persons.find((p) => p.id === id) as Person;
        for (const role of roles) {
          for (const activity of ACTIVITIES) {
            expect(consentGap(policy, person, role, activity, s.consents, m.asOf)).toEqual([]);
          }
        }
        if (person.category === 'teacher') {
          expect(s.consents.some((c) => c.personId === id && c.purpose === 'participation')).toBe(true);
        }
      }
      for (const c of s.consents) expect(c.givenBy).not.toBe('parent');
    }
  });

  it('has some withdrawn consents across a municipality', () => {
    const m = generateMunicipality({ seed: 2, pupilsPerSchool: 120 });
    const withdrawn = m.consents.filter((c) => c.withdrawnAt !== undefined);
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const c of withdrawn) {
      const person = m.persons.find((p) => p.id === c.personId);
      expect(person).toBeDefined();
      if (person) expect(mayProcess(person, m.consents, m.asOf)).toMatchObject({ allowed: false });
    }
  });
});

describe('determinism', () => {
  it('the same seed gives deep-equal output; different seeds differ', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (a, b) => {
        fc.pre(a !== b);
        expect(small(a)).toEqual(small(a));
        expect(small(a)).not.toEqual(small(b));
      }),
      { numRuns: 10 },
    );
  });

  it('generateRegion’s first municipality is generateMunicipality; iterateRegionSchools streams the same schools', () => {
    const options = { seed: 9, pupilsPerSchool: 25, teachersPerSchool: 6 };
    const region = generateRegion({ ...options, municipalities: 2, schoolsPerMunicipality: 3 });
    expect(region.municipalities[0]).toEqual(generateMunicipality({ ...options, schools: 3 }));
    const streamed = [...iterateRegionSchools({ ...options, municipalities: 2, schoolsPerMunicipality: 3 })];
    expect(streamed.map((x) => x.school)).toEqual(region.municipalities.flatMap((m) => m.schools));
    expect(streamed.map((x) => [x.municipalityIndex, x.schoolIndex])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
      [2, 2],
      [2, 3],
    ]);
    expect(streamed[4]?.authority).toEqual(region.municipalities[1]?.authority);
  });

  it('streams lazily: the first school of a huge region comes without building the rest', () => {
    const it = iterateRegionSchools({
      municipalities: 100,
      schoolsPerMunicipality: 500,
      pupilsPerSchool: 50,
    });
    const first = it.next();
    expect(first.done).toBe(false);
    if (!first.done) expect(first.value.school.organization.id).toBe('sch-m1s1');
    it.return(undefined);
  });

  it('scales linearly enough for 50 schools × 500 pupils', () => {
    const r = generateRegion({ municipalities: 5, schoolsPerMunicipality: 10, pupilsPerSchool: 500 });
    const pupils = r.municipalities.reduce(
      (n, m) => n + m.persons.filter((p) => p.category === 'pupil').length,
      0,
    );
    expect(pupils).toBe(25_000);
  });
});

describe('options', () => {
  it('rejects invalid options with a NastavnikError with code and path', () => {
    const cases: Array<[unknown, string, ReadonlyArray<string | number>]> = [
      [{ schools: 0 }, 'too_small', ['schools']],
      [{ seed: 1.5 }, 'invalid_type', ['seed']],
      [{ seed: -1 }, 'too_small', ['seed']],
      [{ pupilsPerSchool: '60' }, 'invalid_type', ['pupilsPerSchool']],
      [{ asOf: '2023-13-01' }, 'invalid_format', ['asOf']],
      [{ academicYear: '2023-2025' }, 'invalid_academic_year', ['academicYear']],
      [{ academicYear: '2023-2024', asOf: '2025-01-10' }, 'invalid_date_range', ['asOf']],
      [{ school: 3 }, 'unrecognized_keys', []],
    ];
    for (const [options, code, path] of cases) {
      let caught: unknown;
      try {
        generateMunicipality(options as Parameters<typeof generateMunicipality>[0]);
      } catch (error) {
        caught = error;
      }
      expect(isNastavnikError(caught), JSON.stringify(options)).toBe(true);
      expect(caught).toMatchObject({ code, path });
    }
    expect(() => generateRegion({ municipalities: 0 })).toThrow(
      expect.objectContaining({ code: 'too_small', path: ['municipalities'] }),
    );
    expect(() => iterateRegionSchools({ schoolsPerMunicipality: -2 }).next()).toThrow(
      expect.objectContaining({ code: 'too_small', path: ['schoolsPerMunicipality'] }),
    );
  });
});
