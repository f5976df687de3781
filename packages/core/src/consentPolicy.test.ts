import {
  type Consent,
  ConsentPolicySchema,
  consentGap,
  defaultConsentPolicy,
  isNastavnikError,
  mayProcess,
  type Person,
  parse,
  requireConsents,
  requiredConsents,
  safeParse,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const person = (id: string, category: Person['category'], birthDate?: string): Person =>
  ({
    id,
    organizationId: 'sch-1',
    category,
    name: { lastName: 'Тест', firstName: 'Тест' },
    subjects: [],
    ...(birthDate ? { birthDate } : {}),
  }) as unknown as Person;

const consent = (
  id: string,
  personId: string,
  purpose: Consent['purpose'],
  extra: Partial<Consent> = {},
): Consent =>
  ({
    id,
    personId,
    purpose,
    givenBy: 'self',
    givenAt: '2023-09-01',
    ...extra,
  }) as unknown as Consent;

const teacher = person('t-1', 'teacher');
const pupil = person('p-1', 'pupil', '2010-03-01');
const adultPupil = person('p-2', 'pupil', '2005-03-01');

describe('defaultConsentPolicy', () => {
  it('asks learners for participation and staff for the extra duties, whatever the role (003 §3.2; 004 §1)', () => {
    expect(requiredConsents(defaultConsentPolicy, teacher, 'mentor', 'pair')).toEqual([
      'personalData',
      'mentorDuties',
    ]);
    expect(requiredConsents(defaultConsentPolicy, teacher, 'mentee', 'pair')).toEqual([
      'personalData',
      'mentorDuties',
    ]);
    expect(requiredConsents(defaultConsentPolicy, pupil, 'mentor', 'pair')).toEqual([
      'personalData',
      'participation',
    ]);
    expect(requiredConsents(defaultConsentPolicy, pupil, 'mentee', 'pair')).toEqual([
      'personalData',
      'participation',
    ]);
    expect(requiredConsents(defaultConsentPolicy, pupil, 'participant', 'matching')).toEqual([
      'personalData',
    ]);
    expect(requiredConsents(defaultConsentPolicy, pupil, 'participant', 'publication')).toEqual([
      'personalData',
      'publication',
    ]);
  });

  it('requires a parent or guardian to sign for a minor, and the minor may sign once of age', () => {
    const self = [consent('c1', 'p-1', 'personalData'), consent('c2', 'p-1', 'participation')];
    expect(consentGap(defaultConsentPolicy, pupil, 'mentee', 'pair', self, '2023-10-01')).toEqual([
      { personId: 'p-1', purpose: 'personalData', cause: 'minor_requires_parent_consent' },
      { personId: 'p-1', purpose: 'participation', cause: 'minor_requires_parent_consent' },
    ]);
    const adult = self.map((c) => ({ ...c, personId: 'p-2' }) as unknown as Consent);
    expect(consentGap(defaultConsentPolicy, adultPupil, 'mentee', 'pair', adult, '2023-10-01')).toEqual([]);
  });

  it('sees withdrawal and expiry on the day they take effect', () => {
    const cs = [
      consent('c1', 't-1', 'personalData', { withdrawnAt: '2024-01-10', withdrawnBy: 'self' }),
      consent('c2', 't-1', 'mentorDuties', { validUntil: '2024-05-31' }),
    ];
    expect(consentGap(defaultConsentPolicy, teacher, 'mentor', 'pair', cs, '2024-01-09')).toEqual([]);
    expect(consentGap(defaultConsentPolicy, teacher, 'mentor', 'pair', cs, '2024-01-10')).toEqual([
      { personId: 't-1', purpose: 'personalData', cause: 'consent_withdrawn' },
    ]);
    expect(
      consentGap(defaultConsentPolicy, teacher, 'mentor', 'pair', cs, '2024-06-01').map((g) => g.cause),
    ).toEqual(['consent_withdrawn', 'consent_expired']);
  });

  it('is overridden as data: a region adds a rule and narrows who signs for a minor', () => {
    const regional = parse(ConsentPolicySchema, {
      ...defaultConsentPolicy,
      id: 'region',
      minorSigners: ['guardian'],
      rules: [
        ...defaultConsentPolicy.rules,
        { activities: ['matching'], categories: ['pupil'], purposes: ['participation'] },
      ],
    });
    expect(requiredConsents(regional, pupil, 'mentee', 'matching')).toEqual([
      'personalData',
      'participation',
    ]);
    const byParent = [
      consent('c1', 'p-1', 'personalData', {
        givenBy: 'parent',
        representative: { lastName: 'А', firstName: 'Б' },
      }),
    ];
    expect(consentGap(regional, pupil, 'mentee', 'registry', byParent, '2023-10-01')[0]?.cause).toBe(
      'minor_requires_parent_consent',
    );
  });

  it('refuses a retention term longer than the statutory 30 days (152-ФЗ ст. 21 ч. 4–5)', () => {
    const r = safeParse(ConsentPolicySchema, {
      ...defaultConsentPolicy,
      retention: { purposeAchievedDays: 45 },
    });
    expect(r.ok).toBe(false);
  });

  it('agrees with mayProcess on each required purpose (one judge)', () => {
    const purposes = ['personalData', 'mentorDuties', 'participation', 'publication'] as const;
    const arb = fc.record({
      category: fc.constantFrom('teacher', 'pupil', 'student', 'head', 'employer', 'other'),
      birthYear: fc.integer({ min: 1960, max: 2015 }),
      consents: fc.array(
        fc.record({
          purpose: fc.constantFrom(...purposes),
          givenBy: fc.constantFrom('self', 'parent', 'guardian'),
          givenDay: fc.integer({ min: 1, max: 28 }),
          withdrawnDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
      activity: fc.constantFrom('registry', 'matching', 'pair', 'documents', 'publication', 'export'),
      role: fc.constantFrom('mentor', 'mentee', 'participant'),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const p = person('x', a.category as Person['category'], `${a.birthYear}-06-15`);
        const cs = a.consents.map((c, i) =>
          consent(`c${i}`, 'x', c.purpose, {
            givenBy: c.givenBy as Consent['givenBy'],
            ...(c.givenBy === 'self' ? {} : { representative: { lastName: 'Р', firstName: 'Р' } }),
            givenAt: `2023-09-${String(c.givenDay).padStart(2, '0')}`,
            ...(c.withdrawnDay !== undefined && c.withdrawnDay >= c.givenDay
              ? { withdrawnAt: `2023-09-${String(c.withdrawnDay).padStart(2, '0')}` }
              : {}),
          }),
        );
        const date = '2023-09-20';
        const need = requiredConsents(defaultConsentPolicy, p, a.role as 'mentor', a.activity as 'pair');
        const gaps = consentGap(defaultConsentPolicy, p, a.role as 'mentor', a.activity as 'pair', cs, date);
        const expected = need.filter((purpose) => !mayProcess(p, cs, date, purpose).allowed);
        expect(gaps.map((g) => g.purpose)).toEqual(expected);
      }),
    );
  });
});

describe('requireConsents', () => {
  it('lists every gap of every subject by id and path, never by name', () => {
    try {
      requireConsents(
        defaultConsentPolicy,
        [
          { person: teacher, role: 'mentor', path: ['pairs', 0, 'mentorId'] },
          { person: pupil, role: 'mentee', path: ['pairs', 0, 'menteeIds', 0] },
        ],
        'pair',
        [consent('c1', 't-1', 'personalData')],
        '2023-10-01',
      );
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e)).toBe(true);
      if (!isNastavnikError(e)) return;
      expect(e.issues.map((i) => [i.code, i.path, i.params])).toEqual([
        [
          'consent_missing',
          ['pairs', 0, 'mentorId'],
          { personId: 't-1', purpose: 'mentorDuties', cause: 'consent_missing' },
        ],
        [
          'consent_missing',
          ['pairs', 0, 'menteeIds', 0],
          { personId: 'p-1', purpose: 'personalData', cause: 'consent_missing' },
        ],
        [
          'consent_missing',
          ['pairs', 0, 'menteeIds', 0],
          { personId: 'p-1', purpose: 'participation', cause: 'consent_missing' },
        ],
      ]);
      expect(JSON.stringify(e.toJSON())).not.toContain('Тест');
    }
  });
});
