import type { MenteeWithProfile, MentorWithProfile } from '@nastavnik/core';
import {
  type Consent,
  competences,
  menteeGroups,
  mentorshipFormats,
  mentorshipForms,
  type Pair,
  type Person,
  pairSizeIssue,
  type Request,
} from '@nastavnik/core';
import fc from 'fast-check';

const ids = (c: { entries: readonly { id: string }[] }) => c.entries.map((e) => e.id);

export const isoDate = (min = 1950, max = 2024): fc.Arbitrary<string> =>
  fc
    .record({
      y: fc.integer({ min, max }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const cyrName = fc.stringMatching(/^[А-ЯЁ][а-яё]{1,10}(-[А-ЯЁ][а-яё]{1,10})?$/);
const word = fc.stringMatching(/^[а-яёА-ЯЁa-zA-Z0-9«»"'.()№-]{1,12}$/);
/** Free text: words joined by single spaces; may start like a formula (= + - @) to test the guard. */
export const text = fc
  .tuple(
    fc.constantFrom('', '', '', '=', '-', '+', '@', "'="),
    fc.array(word, { minLength: 1, maxLength: 5 }),
  )
  .map(([p, ws]) => `${p}${ws.join(' ')}`)
  .filter((s) => s.trim() === s && s.length <= 100 && !/^'+[^=+\-@]/.test(s));
const item = fc.stringMatching(/^[а-яё]{2,10}( [а-яё]{2,10})?$/);
const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

const sub = (xs: readonly string[]) => fc.subarray([...xs]);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const personArb = (id: string, category: fc.Arbitrary<Person['category']>) =>
  fc
    .record({
      category,
      lastName: cyrName,
      firstName: cyrName,
      middleName: opt(cyrName),
      gender: opt(fc.constantFrom('female' as const, 'male' as const)),
      birthDate: opt(isoDate(1950, 2015)),
      position: opt(text),
      experienceYears: opt(fc.oneof(fc.integer({ min: 0, max: 70 }), fc.constantFrom(0.5, 2.5, 10.5))),
      subjects: fc.uniqueArray(item, { maxLength: 3 }),
      grade: opt(fc.integer({ min: 1, max: 11 })),
      externalId: opt(fc.stringMatching(/^[0-9]{1,8}$/)),
    })
    .map(
      (r): Person =>
        defined({
          id: id as Person['id'],
          organizationId: 'sch-1' as Person['organizationId'],
          category: r.category,
          name: defined({ lastName: r.lastName, firstName: r.firstName, middleName: r.middleName }),
          gender: r.gender,
          birthDate: r.birthDate,
          position: r.position,
          experienceYears: r.experienceYears,
          subjects: r.subjects,
          grade: r.grade,
          externalId: r.externalId,
        }) as Person,
    );

const trainingArb = fc.record({
  title: fc
    .array(fc.stringMatching(/^[а-яА-Я0-9«»-]{1,10}$/), { minLength: 1, maxLength: 4 })
    .map((w) => w.join(' ')),
  hours: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant(36.5)),
  completedAt: isoDate(2000, 2024),
  provider: opt(
    fc.array(fc.stringMatching(/^[а-яА-Я«»]{1,10}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  ),
});

export const mentorRecord = (id: string): fc.Arbitrary<MentorWithProfile> =>
  fc
    .tuple(
      personArb(id, fc.constantFrom('teacher', 'head', 'student', 'employer', 'pupil')),
      fc.record({
        competences: sub(ids(competences)),
        education: opt(text),
        lifeExperience: opt(text),
        interests: fc.uniqueArray(item, { maxLength: 3 }),
        menteeGroups: sub(ids(menteeGroups)),
        capacity: fc.integer({ min: 0, max: 10 }),
        availableHoursPerMonth: opt(fc.integer({ min: 0, max: 300 })),
        formats: sub(ids(mentorshipFormats)),
        forms: sub(ids(mentorshipForms)),
        training: fc.array(trainingArb, { maxLength: 2 }),
      }),
    )
    .map(([person, p]) => ({
      person,
      profile: defined({
        personId: person.id,
        competences: p.competences,
        subjects: person.subjects,
        education: p.education,
        position: person.position,
        experienceYears: person.experienceYears,
        lifeExperience: p.lifeExperience,
        interests: p.interests,
        menteeGroups: p.menteeGroups,
        capacity: p.capacity,
        availableHoursPerMonth: p.availableHoursPerMonth,
        formats: p.formats,
        forms: p.forms,
        training: p.training.map((t) => defined(t)),
      }) as MentorWithProfile['profile'],
    }));

const requestArb = (menteeId: string, n: number): fc.Arbitrary<Request> =>
  fc
    .record({
      competence: opt(fc.constantFrom(...ids(competences))),
      difficulty: opt(text),
      priority: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
      subject: opt(item),
      wantedFormats: sub(ids(mentorshipFormats)),
      wantedForm: opt(fc.constantFrom(...ids(mentorshipForms))),
      source: fc.constantFrom(
        'self' as const,
        'classTeacher' as const,
        'psychologist' as const,
        'parent' as const,
        'attestation' as const,
        'curator' as const,
      ),
      createdAt: isoDate(2020, 2024),
    })
    .map(
      (r) =>
        defined({
          id: `${menteeId}-q${n}`,
          menteeId,
          ...r,
          competence: r.competence ?? (r.difficulty === undefined ? 'assessment' : undefined),
        }) as unknown as Request,
    );

export const menteeRecord = (id: string): fc.Arbitrary<MenteeWithProfile> =>
  fc
    .tuple(
      personArb(id, fc.constantFrom('teacher', 'pupil', 'student')),
      fc.constantFrom(...ids(menteeGroups)),
      fc
        .integer({ min: 0, max: 3 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => requestArb(id, i + 1)))),
      fc.uniqueArray(item, { maxLength: 3 }),
      sub(ids(mentorshipFormats)),
    )
    .map(([person, group, requests, interests, preferredFormats]) => ({
      person,
      profile: {
        personId: person.id,
        group,
        requests,
        interests,
        preferredFormats,
      } as MenteeWithProfile['profile'],
    }));

export const consentRecord = (id: string): fc.Arbitrary<Consent> =>
  fc
    .record({
      personId: idArb,
      purpose: fc.constantFrom(
        'personalData' as const,
        'mentorDuties' as const,
        'participation' as const,
        'publication' as const,
      ),
      givenBy: fc.constantFrom('self' as const, 'parent' as const, 'guardian' as const),
      representative: fc.record({ lastName: cyrName, firstName: cyrName, middleName: opt(cyrName) }),
      givenAt: isoDate(2015, 2024),
      withdrawnAfter: opt(fc.integer({ min: 0, max: 400 })),
      documentRef: opt(fc.stringMatching(/^[0-9]{1,4}(\/[0-9]{2})?$/)),
    })
    .map((r) => {
      const withdrawnAt =
        r.withdrawnAfter === undefined
          ? undefined
          : new Date(Date.parse(`${r.givenAt}T00:00:00Z`) + r.withdrawnAfter * 86_400_000)
              .toISOString()
              .slice(0, 10);
      return defined({
        id,
        personId: r.personId,
        purpose: r.purpose,
        givenBy: r.givenBy,
        representative: r.givenBy === 'self' ? undefined : defined(r.representative),
        givenAt: r.givenAt,
        withdrawnAt,
        documentRef: r.documentRef,
      }) as unknown as Consent;
    });

export const pairRecord = (id: string): fc.Arbitrary<Pair> =>
  fc
    .record({
      mentorId: idArb.map((s) => `m-${s}`),
      menteeIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }),
      form: fc.constantFrom(...ids(mentorshipForms)),
      formats: fc.subarray(ids(mentorshipFormats), { minLength: 1 }),
      origin: fc.constantFrom('matching' as const, 'curator' as const, 'mutualChoice' as const),
      requestIds: fc.uniqueArray(idArb, { maxLength: 2 }),
      orderId: opt(idArb),
    })
    // A pair's formats and size agree (003 §2.3): a group has several mentees, one-to-one has one.
    .filter((r) => pairSizeIssue(r.formats, r.menteeIds.length) === null)
    .map((r) => defined({ id, organizationId: 'sch-1', ...r }) as unknown as Pair);

/** A registry of `n` records with unique ids. */
export function registry<T>(make: (id: string) => fc.Arbitrary<T>, max = 8): fc.Arbitrary<T[]> {
  return fc
    .uniqueArray(idArb, { minLength: 0, maxLength: max })
    .chain((xs) => (xs.length === 0 ? fc.constant([] as T[]) : fc.tuple(...xs.map((x) => make(x)))));
}
