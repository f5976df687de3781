import {
  AcademicYearSchema,
  AnswerSchema,
  addMonthsIso,
  CompetitionSchema,
  type Consent,
  ConsentSchema,
  DueSchema,
  isMinorOn,
  isNastavnikError,
  MeetingSchema,
  MenteeProfileSchema,
  MentorProfileSchema,
  mayProcess,
  NastavnikError,
  type NastavnikErrorCode,
  OrderSchema,
  OrganizationSchema,
  type PairInput,
  PairSchema,
  type PersonalProgrammeInput,
  PersonalProgrammeSchema,
  PersonIdSchema,
  PersonSchema,
  ProgrammeSchema,
  parse,
  QuestionnaireSchema,
  QuestionSchema,
  RequestSchema,
  ResponseSchema,
  RoadmapActivitySchema,
  RoadmapSchema,
  safeParse,
  TrainingCourseSchema,
  termMonths,
} from '@nastavnik/core';
import { generateMunicipality, type SampleMunicipality } from '@nastavnik/core/sample';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Fixtures: valid entities from the sample generator (a few seeds, cached).

const cache = new Map<number, SampleMunicipality>();
function sample(seed: number): SampleMunicipality {
  let m = cache.get(seed);
  if (!m) {
    m = generateMunicipality({ seed, schools: 1, pupilsPerSchool: 40, teachersPerSchool: 12 });
    cache.set(seed, m);
  }
  return m;
}
const seedArb = fc.integer({ min: 1, max: 8 });

/** Pairs and personal programmes built on the sample's mentors and mentees. */
function pairsOf(m: SampleMunicipality): PairInput[] {
  const school = m.schools[0];
  if (!school) return [];
  const teacherMentees = school.menteeProfiles.filter((p) => p.personId.includes('-t'));
  return school.mentorProfiles.slice(0, 4).map((mentor, i) => ({
    id: `pair-${i + 1}`,
    organizationId: school.organization.id,
    mentorId: mentor.personId,
    menteeIds: [teacherMentees[i % Math.max(1, teacherMentees.length)]?.personId ?? `${mentor.personId}-x`],
    form: mentor.forms[0] ?? 'educatorEducator',
    // One mentee each: formats that say nothing of size (003 §2.3: a group has two or more, one-to-one exactly one;
    // the mutations below change the number of mentees).
    formats: ((f) => (f.length > 0 ? f : ['virtual']))(
      mentor.formats.filter((f) => f !== 'group' && f !== 'traditional'),
    ),
    origin: 'curator',
    requestIds: [],
  }));
}
function programmeOf(m: SampleMunicipality, i = 0): PersonalProgrammeInput {
  return {
    id: `pp-${i + 1}`,
    pairId: `pair-${i + 1}`,
    start: m.asOf,
    end: addMonthsIso(m.asOf, 8),
    goals: ['Адаптация молодого специалиста'],
    directions: ['методика преподавания'],
    plan: [
      {
        id: 'i1',
        title: 'Посещение уроков наставника',
        due: addMonthsIso(m.asOf, 1),
        expectedResult: 'Анализ 4 уроков',
      },
      { id: 'i2', title: 'Открытый урок', due: addMonthsIso(m.asOf, 6), expectedResult: 'Самоанализ урока' },
    ],
    extensions: [],
  };
}

interface Kind {
  readonly name: string;
  readonly schema: z.ZodObject;
  readonly of: (m: SampleMunicipality) => readonly unknown[];
}
const kinds: readonly Kind[] = [
  { name: 'organization', schema: OrganizationSchema, of: (m) => m.organizations },
  { name: 'person', schema: PersonSchema, of: (m) => m.persons },
  { name: 'mentorProfile', schema: MentorProfileSchema, of: (m) => m.mentorProfiles },
  { name: 'menteeProfile', schema: MenteeProfileSchema, of: (m) => m.menteeProfiles },
  { name: 'request', schema: RequestSchema, of: (m) => m.requests },
  { name: 'consent', schema: ConsentSchema, of: (m) => m.consents },
  { name: 'order', schema: OrderSchema, of: (m) => m.orders },
  { name: 'programme', schema: ProgrammeSchema, of: (m) => m.programmes },
  { name: 'pair', schema: PairSchema, of: pairsOf },
  { name: 'personalProgramme', schema: PersonalProgrammeSchema, of: (m) => [programmeOf(m)] },
];

/** A valid entity: a kind, a seed, an index. */
const entityArb = fc
  .record({ kind: fc.constantFrom(...kinds), seed: seedArb, index: fc.nat() })
  .map(({ kind, seed, index }) => {
    const list = kind.of(sample(seed));
    return { kind, seed, value: structuredClone(list[index % list.length]) as Record<string, unknown> };
  });

type Path = Array<string | number>;

/** Paths to every primitive leaf of a JSON-like value. */
function leaves(value: unknown, prefix: Path = []): Array<{ path: Path; value: string | number | boolean }> {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return [{ path: prefix, value }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...prefix, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]));
  }
  return [];
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let cur = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path.at(-1) as string | number] = value;
}

/** Every name part of every person and representative of the sample: personal data. */
const personalDataCache = new WeakMap<SampleMunicipality, string[]>();
function personalData(m: SampleMunicipality): string[] {
  const cached = personalDataCache.get(m);
  if (cached) return cached;
  const names = [
    ...m.persons.map((p) => p.name),
    ...m.consents.flatMap((c) => (c.representative ? [c.representative] : [])),
    ...m.orders.map((o) => o.signatory.name),
  ];
  const parts = [...new Set(names.flatMap((n) => [n.lastName, n.firstName, n.middleName ?? '']))].filter(
    (s) => s.length > 0,
  );
  personalDataCache.set(m, parts);
  return parts;
}

function assertNoPersonalData(error: NastavnikError, m: SampleMunicipality): void {
  const text = JSON.stringify({ message: error.message, messageEn: error.messageEn, issues: error.issues });
  for (const part of personalData(m)) {
    if (text.includes(part)) throw new Error(`personal data leaked into an error: ${part}`);
  }
}

/** Parse and expect failure; checks that `parse` throws the same NastavnikError and nothing else. */
function reject(schema: z.ZodType, input: unknown): NastavnikError {
  const r = safeParse(schema, input);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unexpectedly valid');
  expect(r.error).toBeInstanceOf(NastavnikError);
  let thrown: unknown;
  try {
    parse(schema, input);
  } catch (error) {
    thrown = error;
  }
  expect(isNastavnikError(thrown)).toBe(true);
  expect((thrown as NastavnikError).code).toBe(r.error.code);
  expect((thrown as NastavnikError).path).toEqual(r.error.path);
  return r.error;
}

const expectIssue = (error: NastavnikError, code: NastavnikErrorCode, path: Path) => {
  expect({ code: error.code, path: error.path }).toEqual({ code, path });
};

// A person's full name: the worst thing to put in a number field.
const nameAsValue = (m: SampleMunicipality, i: number) => {
  const p = m.persons[i % m.persons.length];
  return p ? `${p.name.lastName} ${p.name.firstName} ${p.name.middleName ?? ''}` : 'x';
};

// ---------------------------------------------------------------------------------------------

describe('valid entities', () => {
  it('every generated entity (and the pairs and programmes built on them) parses', () => {
    fc.assert(
      fc.property(entityArb, ({ kind, value }) => {
        const r = safeParse(kind.schema, value);
        if (!r.ok) throw new Error(`${kind.name}: ${r.error.code} at ${r.error.path.join('.')}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mutated inputs are rejected with the right code and path', () => {
  it('a wrong type in any field: invalid_type (invalid_value for enums) at that path, no personal data', () => {
    fc.assert(
      fc.property(
        entityArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        ({ kind, seed, value }, leafPick, badPick, who) => {
          const all = leaves(value);
          const leaf = all[leafPick % all.length];
          if (!leaf) return;
          const m = sample(seed);
          const wrong: unknown[] =
            typeof leaf.value === 'string'
              ? [42, true, null, {}, [], -1.5]
              : typeof leaf.value === 'number'
                ? [nameAsValue(m, who), '1', null, {}, [], false]
                : [nameAsValue(m, who), 0, null];
          const input = structuredClone(value);
          setAt(input, leaf.path, wrong[badPick % wrong.length]);
          const error = reject(kind.schema, input);
          expect(['invalid_type', 'invalid_value']).toContain(error.code);
          expect(error.path).toEqual(leaf.path);
          expect(error.message.length).toBeGreaterThan(0);
          expect(error.messageEn.length).toBeGreaterThan(0);
          assertNoPersonalData(error, m);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a malformed date in any date field: invalid_format at that path', () => {
    const dateKeys = new Set([
      'birthDate',
      'givenAt',
      'withdrawnAt',
      'createdAt',
      'date',
      'completedAt',
      'start',
      'end',
      'due',
    ]);
    fc.assert(
      fc.property(
        entityArb,
        fc.nat(),
        fc.constantFrom('2023-02-30', '2023-02-29', '31.08.2023', '2023-9-1', '2023-13-01', 'сентябрь', ''),
        ({ kind, value }, pick, bad) => {
          const dates = leaves(value).filter((l) => dateKeys.has(String(l.path.at(-1))));
          const leaf = dates[pick % Math.max(1, dates.length)];
          fc.pre(leaf !== undefined);
          if (!leaf) return;
          const input = structuredClone(value);
          setAt(input, leaf.path, bad);
          const error = reject(kind.schema, input);
          expectIssue(error, 'invalid_format', leaf.path);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a missing required field: required at its path', () => {
    fc.assert(
      fc.property(entityArb, fc.nat(), ({ kind, value }, pick) => {
        const required = Object.keys(kind.schema.shape).filter(
          (k) => !(kind.schema.shape[k] as z.ZodType).safeParse(undefined).success,
        );
        const key = required[pick % required.length] as string;
        const input = structuredClone(value);
        delete input[key];
        expectIssue(reject(kind.schema, input), 'required', [key]);
      }),
      { numRuns: 200 },
    );
  });

  it('a missing or unknown discriminator of a union: required / invalid_value at its key', () => {
    const text = { ru: 'Вопрос', en: 'Question' };
    expectIssue(reject(QuestionSchema, { id: 'q', text }), 'required', ['type']);
    expectIssue(reject(QuestionSchema, { id: 'q', text, type: 'essay' }), 'invalid_value', ['type']);
    expectIssue(
      reject(QuestionnaireSchema, {
        id: 'q',
        kind: 'custom',
        respondentRole: 'mentee',
        title: text,
        questions: [{ id: 'a', text }],
      }),
      'required',
      ['questions', 0, 'type'],
    );
  });

  it('a missing part of a nested name: required at the nested path', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), fc.constantFrom('lastName', 'firstName'), (seed, i, part) => {
        const m = sample(seed);
        const person = structuredClone(m.persons[i % m.persons.length]) as Record<string, unknown>;
        delete (person.name as Record<string, unknown>)[part];
        expectIssue(reject(PersonSchema, person), 'required', ['name', part]);
      }),
    );
  });

  it('a parent’s consent without the representative: representative_required', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), fc.constantFrom('parent', 'guardian'), (seed, i, givenBy) => {
        const m = sample(seed);
        const signed = m.consents.filter((c) => c.representative !== undefined);
        const c = structuredClone(signed[i % signed.length]) as Partial<Consent>;
        delete c.representative;
        c.givenBy = givenBy;
        const error = reject(ConsentSchema, c);
        expectIssue(error, 'representative_required', ['representative']);
        assertNoPersonalData(error, m);
      }),
    );
  });

  it('a consent withdrawn before it was given: invalid_date_range at withdrawnAt', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), fc.integer({ min: 1, max: 400 }), (seed, i, days) => {
        const m = sample(seed);
        const c = structuredClone(m.consents[i % m.consents.length]) as Consent;
        const error = reject(ConsentSchema, { ...c, withdrawnAt: shiftDays(c.givenAt, -days) });
        expectIssue(error, 'invalid_date_range', ['withdrawnAt']);
      }),
    );
  });

  it('a pair without mentees, and a mentor who mentors themselves', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), fc.nat({ max: 3 }), (seed, i, at) => {
        const pairs = pairsOf(sample(seed));
        const pair = pairs[i % pairs.length] as PairInput;
        expectIssue(reject(PairSchema, { ...pair, menteeIds: [] }), 'pair_without_mentees', ['menteeIds']);
        const menteeIds = [...pair.menteeIds];
        const position = Math.min(at, menteeIds.length);
        menteeIds.splice(position, 0, pair.mentorId);
        expectIssue(reject(PairSchema, { ...pair, menteeIds }), 'self_pair', ['menteeIds', position]);
        expectIssue(
          reject(PairSchema, { ...pair, menteeIds: [...pair.menteeIds, ...pair.menteeIds] }),
          'duplicate_mentee',
          ['menteeIds', pair.menteeIds.length],
        );
      }),
    );
  });

  it('a negative capacity: capacity_negative', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), fc.integer({ min: -1_000_000, max: -1 }), (seed, i, capacity) => {
        const m = sample(seed);
        const p = m.mentorProfiles[i % m.mentorProfiles.length];
        const error = reject(MentorProfileSchema, { ...p, capacity });
        expectIssue(error, 'capacity_negative', ['capacity']);
        assertNoPersonalData(error, m);
      }),
    );
    expect(safeParse(MentorProfileSchema, { personId: 'p', capacity: 0 }).ok).toBe(true);
  });

  it('a request with neither competence nor difficulty: request_area_missing (also inside a mentee profile)', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), (seed, i) => {
        const m = sample(seed);
        const q = structuredClone(m.requests[i % m.requests.length]) as Record<string, unknown>;
        delete q.competence;
        delete q.difficulty;
        expectIssue(reject(RequestSchema, q), 'request_area_missing', ['competence']);
        const profile = m.menteeProfiles.find((p) => p.personId === q.menteeId);
        if (!profile) throw new Error('no profile');
        const index = profile.requests.findIndex((r) => r.id === q.id);
        const requests = profile.requests.map((r, k) => (k === index ? q : r));
        expectIssue(reject(MenteeProfileSchema, { ...profile, requests }), 'request_area_missing', [
          'requests',
          index,
          'competence',
        ]);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Programme terms: 3 to 12 months (003 §1.2), on any calendar date, years 20–9980 (years below 100 too: the Date constructor would map them to 1900–1999).

/** Shift an ISO date by days (UTC; `setUTCFullYear` keeps years 0–99 as they are). */
function shiftDays(iso: string, days: number): string {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

const isoDateArb = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 20, max: 9980 })),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => shiftDays(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`, d - 1));

const term = (
  start: string,
  end: string,
  plan: PersonalProgrammeInput['plan'] = [],
): PersonalProgrammeInput => ({
  id: 'pp',
  pairId: 'pair',
  start,
  end,
  goals: ['Адаптация'],
  plan,
});

describe('personal programme terms', () => {
  it('accepts 3 to 12 months, inclusive of the end day', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 3, max: 12 }), (start, months) => {
        const end = shiftDays(addMonthsIso(start, months), -1);
        const r = safeParse(PersonalProgrammeSchema, term(start, end));
        if (!r.ok) throw new Error(`${start}..${end}: ${r.error.code}`);
        expect(termMonths(start, end)).toBe(months);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects shorter than 3 months: programme_too_short at end', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 87 }), (start, days) => {
        expectIssue(
          reject(PersonalProgrammeSchema, term(start, shiftDays(start, days))),
          'programme_too_short',
          ['end'],
        );
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(isoDateArb, (start) => {
        const end = shiftDays(addMonthsIso(start, 3), -2);
        expectIssue(reject(PersonalProgrammeSchema, term(start, end)), 'programme_too_short', ['end']);
      }),
    );
  });

  it('rejects longer than 12 months: programme_too_long at end', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 366, max: 4000 }), (start, days) => {
        expectIssue(
          reject(PersonalProgrammeSchema, term(start, shiftDays(start, days))),
          'programme_too_long',
          ['end'],
        );
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(isoDateArb, (start) => {
        const end = addMonthsIso(start, 12);
        expectIssue(reject(PersonalProgrammeSchema, term(start, end)), 'programme_too_long', ['end']);
      }),
    );
  });

  it('rejects an end before the start: invalid_date_range', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 1, max: 1000 }), (start, days) => {
        expectIssue(
          reject(PersonalProgrammeSchema, term(start, shiftDays(start, -days))),
          'invalid_date_range',
          ['end'],
        );
      }),
    );
  });

  it('rejects a plan item outside the programme: plan_item_outside_programme at plan.i.due', () => {
    fc.assert(
      fc.property(
        isoDateArb,
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        fc.nat({ max: 3 }),
        (start, months, days, before, at) => {
          const end = shiftDays(addMonthsIso(start, months), -1);
          const inside = { id: 'ok', title: 'Пункт', due: start, expectedResult: 'Результат' };
          const outside = {
            ...inside,
            id: 'bad',
            due: before ? shiftDays(start, -days) : shiftDays(end, days),
          };
          const plan = [inside, inside, inside];
          const position = Math.min(at, plan.length);
          plan.splice(position, 0, outside);
          expectIssue(
            reject(PersonalProgrammeSchema, term(start, end, plan)),
            'plan_item_outside_programme',
            ['plan', position, 'due'],
          );
          // On the last day it is inside.
          expect(safeParse(PersonalProgrammeSchema, term(start, end, [{ ...inside, due: end }])).ok).toBe(
            true,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('mayProcess', () => {
  const pupilOf = (m: SampleMunicipality, i: number, minor: boolean) => {
    const pupils = m.persons.filter((p) => p.category === 'pupil' && isMinorOn(p, m.asOf) === minor);
    return pupils[i % pupils.length];
  };
  const consent = (personId: string, over: Readonly<Record<string, unknown>> = {}): Consent =>
    parse(ConsentSchema, {
      id: `c-${personId}`,
      personId,
      purpose: 'personalData',
      givenBy: 'self',
      givenAt: '2023-09-05',
      ...over,
    });

  it('refuses a minor whose consent the minor signed: minor_requires_parent_consent; allows the parent’s', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), (seed, i) => {
        const m = sample(seed);
        const pupil = pupilOf(m, i, true);
        if (!pupil) return;
        const own = consent(pupil.id);
        const d = mayProcess(pupil, [own], m.asOf);
        expect(d).toMatchObject({ allowed: false, code: 'minor_requires_parent_consent' });
        if (!d.allowed) expect(d.reason.ru.length * d.reason.en.length).toBeGreaterThan(0);
        const parents = consent(pupil.id, {
          id: 'c-parent',
          givenBy: 'parent',
          representative: { lastName: 'Петрова', firstName: 'Анна' },
        });
        expect(mayProcess(pupil, [own, parents], m.asOf)).toMatchObject({ allowed: true, consent: parents });
        // No consent at all is "missing"; a consent for another purpose does not count.
        expect(mayProcess(pupil, [], m.asOf)).toMatchObject({ allowed: false, code: 'consent_missing' });
        expect(mayProcess(pupil, [{ ...parents, purpose: 'publication' }], m.asOf)).toMatchObject({
          allowed: false,
          code: 'consent_missing',
        });
      }),
    );
  });

  it('a pupil without a birth date counts as a minor', () => {
    const p = { id: PersonIdSchema.parse('u-1'), category: 'pupil' as const };
    expect(mayProcess(p, [consent('u-1')], '2023-10-01')).toMatchObject({
      allowed: false,
      code: 'minor_requires_parent_consent',
    });
  });

  it('allows an adult’s own consent (a pupil of 18 included)', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), (seed, i) => {
        const m = sample(seed);
        const adult = pupilOf(m, i, false) ?? m.schools[0]?.curator;
        if (!adult) return;
        expect(mayProcess(adult, [consent(adult.id)], m.asOf).allowed).toBe(true);
      }),
    );
  });

  it('honours the dates: not before it is given, not from the day it is withdrawn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: -400, max: 800 }),
        (givenOffset, withdrawnAfter, dateOffset) => {
          const givenAt = shiftDays('2023-08-25', givenOffset);
          const withdrawnAt = shiftDays(givenAt, withdrawnAfter);
          const date = shiftDays('2023-08-25', dateOffset);
          const teacher = { id: PersonIdSchema.parse('t-1'), category: 'teacher' as const };
          const c = consent('t-1', { givenAt, withdrawnAt });
          const d = mayProcess(teacher, [c], date);
          if (date < givenAt) expect(d).toMatchObject({ allowed: false, code: 'consent_missing' });
          else if (date >= withdrawnAt)
            expect(d).toMatchObject({ allowed: false, code: 'consent_withdrawn' });
          else expect(d).toMatchObject({ allowed: true });
          // Without the withdrawal it is allowed from the day it is given.
          const kept = mayProcess(teacher, [consent('t-1', { givenAt })], date);
          expect(kept.allowed).toBe(date >= givenAt);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the sample’s deliberate defects', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const m = sample(seed);
        for (const c of m.consents.filter((x) => x.purpose === 'personalData')) {
          const person = m.persons.find((p) => p.id === c.personId);
          if (!person) throw new Error('dangling consent');
          const d = mayProcess(person, m.consents, m.asOf);
          if (c.withdrawnAt !== undefined && c.withdrawnAt <= m.asOf) {
            expect(d).toMatchObject({ allowed: false, code: 'consent_withdrawn' });
          } else if (c.givenBy === 'self' && isMinorOn(person, m.asOf)) {
            expect(d).toMatchObject({ allowed: false, code: 'minor_requires_parent_consent' });
          } else {
            expect(d).toMatchObject({ allowed: true, consent: c });
          }
        }
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('never crashes', () => {
  const schemas: ReadonlyArray<readonly [string, z.ZodType]> = [
    ['organization', OrganizationSchema],
    ['person', PersonSchema],
    ['mentorProfile', MentorProfileSchema],
    ['menteeProfile', MenteeProfileSchema],
    ['request', RequestSchema],
    ['consent', ConsentSchema],
    ['order', OrderSchema],
    ['programme', ProgrammeSchema],
    ['pair', PairSchema],
    ['personalProgramme', PersonalProgrammeSchema],
    ['meeting', MeetingSchema],
    ['question', QuestionSchema],
    ['questionnaire', QuestionnaireSchema],
    ['response', ResponseSchema],
    ['answer', AnswerSchema],
    ['roadmapActivity', RoadmapActivitySchema],
    ['roadmap', RoadmapSchema],
    ['due', DueSchema],
    ['competition', CompetitionSchema],
    ['trainingCourse', TrainingCourseSchema],
    ['academicYear', AcademicYearSchema],
  ];

  /** Only NastavnikErrors come out of parse; safeParse never throws. */
  function total(schema: z.ZodType, input: unknown): void {
    const r = safeParse(schema, input);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(NastavnikError);
      expect(r.error.issues.length).toBeGreaterThan(0);
      for (const issue of r.error.issues) {
        expect(typeof issue.message).toBe('string');
        expect(typeof issue.messageEn).toBe('string');
      }
    }
    try {
      parse(schema, input);
    } catch (error) {
      expect(error).toBeInstanceOf(NastavnikError);
      expect(error).not.toBeInstanceOf(z.ZodError);
    }
  }

  it('on anything at all', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...schemas),
        fc.anything({ withNullPrototype: true, withBigInt: true }),
        ([, s], x) => total(s, x),
      ),
      { numRuns: 500 },
    );
  });

  it('on objects with the right keys and arbitrary values', () => {
    const objectSchemas = schemas.filter(
      (e): e is readonly [string, z.ZodObject] => e[1] instanceof z.ZodObject,
    );
    fc.assert(
      fc.property(
        fc
          .constantFrom(...objectSchemas)
          .chain(([name, schema]) =>
            fc.tuple(
              fc.constant(name),
              fc.constant(schema),
              fc.record(
                Object.fromEntries(
                  Object.keys(schema.shape).map((k) => [
                    k,
                    fc.oneof(
                      fc.anything(),
                      fc.string(),
                      fc.integer(),
                      fc.constant('2023-02-30'),
                      fc.array(fc.string()),
                    ),
                  ]),
                ),
                { requiredKeys: [] },
              ),
            ),
          ),
        ([, schema, x]) => total(schema, x),
      ),
      { numRuns: 250 },
    );
  });

  it('on valid entities with one field replaced by anything', () => {
    fc.assert(
      fc.property(entityArb, fc.nat(), fc.anything(), ({ kind, value }, pick, junk) => {
        const all = leaves(value);
        const leaf = all[pick % all.length];
        if (!leaf) return;
        const input = structuredClone(value);
        setAt(input, leaf.path, junk);
        total(kind.schema, input);
      }),
      { numRuns: 300 },
    );
  });
});
