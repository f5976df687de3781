import {
  type Consent,
  ConsentPolicySchema,
  defaultConsentPolicy,
  depersonalise,
  isNastavnikError,
  kAnonymity,
  parse,
  type ReleaseRow,
  reidentify,
  releaseDepersonalised,
  retentionSchedule,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const consent = (id: string, personId: string, purpose: Consent['purpose'], extra: Partial<Consent> = {}) =>
  ({ id, personId, purpose, givenBy: 'self', givenAt: '2023-09-01', ...extra }) as unknown as Consent;

describe('retentionSchedule (152-ФЗ ст. 21)', () => {
  const records = [
    { id: 'base/a', personId: 'a', dataset: 'база наставников', purpose: 'personalData' as const },
    { id: 'duties/a', personId: 'a', dataset: 'приказ о парах', purpose: 'mentorDuties' as const },
    {
      id: 'base/b',
      personId: 'b',
      dataset: 'база наставляемых',
      purpose: 'personalData' as const,
      purposeAchievedAt: '2024-05-31',
    },
    { id: 'base/c', personId: 'c', dataset: 'база наставляемых', purpose: 'personalData' as const },
    {
      id: 'base/d',
      personId: 'd',
      dataset: 'база наставляемых',
      purpose: 'personalData' as const,
      purposeAchievedAt: '2024-05-31',
      disposedAt: '2024-06-10',
    },
  ];
  const consents = [
    consent('ca', 'a', 'personalData', { withdrawnAt: '2024-02-01', withdrawnBy: 'self' }),
    consent('ca2', 'a', 'mentorDuties'),
    consent('cb', 'b', 'personalData'),
    consent('cd', 'd', 'personalData'),
  ];

  it('moves with the clock: nothing is due before a ground arises, then deadlines count from it', () => {
    // A clock: the same holdings seen on several days.
    expect(
      retentionSchedule({ records: records.slice(0, 3), consents }, defaultConsentPolicy, '2024-01-31'),
    ).toEqual([]);

    const feb = retentionSchedule({ records, consents }, defaultConsentPolicy, '2024-02-05');
    const byId = new Map(feb.map((d) => [d.recordId, d]));
    // Withdrawal of the personal-data consent reaches every record of the person (ч. 5: 30 days).
    expect(byId.get('base/a')).toMatchObject({
      ground: 'consentWithdrawn',
      action: 'destroy',
      since: '2024-02-01',
      deadline: '2024-03-02',
      article: 'ст. 21 ч. 5',
      overdue: false,
    });
    expect(byId.get('duties/a')).toMatchObject({ ground: 'consentWithdrawn', deadline: '2024-03-02' });
    // No consent at all: unlawful processing, 10 working days (ч. 3). 2024-02-05 is a Monday.
    expect(byId.get('base/c')).toMatchObject({
      ground: 'noConsent',
      since: '2024-02-05',
      deadline: '2024-02-19',
    });
    expect(byId.has('base/b')).toBe(false);

    const june = retentionSchedule({ records, consents }, defaultConsentPolicy, '2024-06-15');
    const b = june.find((d) => d.recordId === 'base/b');
    expect(b).toMatchObject({
      ground: 'purposeAchieved',
      action: 'destroy',
      deadline: '2024-06-30',
      article: 'ст. 21 ч. 4',
      overdue: false,
    });
    expect(june.find((d) => d.recordId === 'base/a')?.overdue).toBe(true);
    expect(june.some((d) => d.recordId === 'base/d')).toBe(false);
    expect(june.map((d) => d.deadline)).toEqual([...june.map((d) => d.deadline)].sort());

    const july = retentionSchedule({ records, consents }, defaultConsentPolicy, '2024-07-01');
    expect(july.find((d) => d.recordId === 'base/b')?.overdue).toBe(true);
  });

  it('depersonalises on an achieved purpose when the policy says so, and counts expiry like withdrawal', () => {
    const policy = parse(ConsentPolicySchema, {
      ...defaultConsentPolicy,
      retention: { onPurposeAchieved: 'depersonalise', purposeAchievedDays: 10 },
    });
    const out = retentionSchedule(
      {
        records: [records[2] as (typeof records)[number]],
        consents: [consent('cb', 'b', 'personalData', { validUntil: '2024-08-31' })],
      },
      policy,
      '2024-09-05',
    );
    expect(out).toEqual([
      expect.objectContaining({
        ground: 'purposeAchieved',
        action: 'depersonalise',
        deadline: '2024-06-10',
        overdue: true,
      }),
    ]);
    const onlyExpired = retentionSchedule(
      {
        records: [{ ...(records[2] as (typeof records)[number]), purposeAchievedAt: undefined }],
        consents: [consent('cb', 'b', 'personalData', { validUntil: '2024-08-31' })],
      },
      policy,
      '2024-09-05',
    );
    expect(onlyExpired[0]).toMatchObject({
      ground: 'consentExpired',
      since: '2024-09-01',
      deadline: '2024-10-01',
      action: 'destroy',
    });
  });

  it('never lists a record whose consents are in force and whose purpose is not achieved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (offset) => {
        const day = new Date(Date.UTC(2023, 8, 1 + offset)).toISOString().slice(0, 10);
        const out = retentionSchedule(
          {
            records: [{ id: 'r', personId: 'x', dataset: 'd', purpose: 'participation' }],
            consents: [consent('c1', 'x', 'personalData'), consent('c2', 'x', 'participation')],
          },
          defaultConsentPolicy,
          day,
        );
        expect(out).toEqual([]);
      }),
    );
  });
});

const people = (n: number): ReleaseRow[] =>
  Array.from({ length: n }, (_, i) => ({
    personId: `p-${i}`,
    lastName: `Фамилия${i}`,
    birthDate: `${2008 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
    grade: 7 + (i % 3),
    gender: i % 2 === 0 ? 'female' : 'male',
    satisfaction: i % 10,
    request: `запрос ${i}`,
  }));

describe('depersonalise (Roskomnadzor order № 140)', () => {
  const plan = {
    secret: 'school-dpo-secret',
    fields: {
      personId: { method: 'identifiers' as const },
      lastName: { method: 'delete' as const },
      birthDate: { method: 'generalise' as const, dateTo: 'year' as const },
      grade: { method: 'keep' as const },
      gender: { method: 'keep' as const },
      satisfaction: { method: 'shuffle' as const },
      request: { method: 'decompose' as const, part: 'requests' },
    },
  };

  it('releases no direct identifier, and only the key reverses identifiers, shuffling and decomposition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.string({ minLength: 8, maxLength: 20 }),
        (n, secret) => {
          const rows = people(n);
          const out = depersonalise(rows, { ...plan, secret });
          const text = JSON.stringify({ rows: out.rows, parts: out.parts });
          for (const r of rows) {
            expect(text).not.toContain(`"${r.lastName}"`);
            expect(text).not.toContain(`"${r.personId}"`);
            expect(text).not.toContain(`"${r.birthDate}"`);
          }
          expect(out.rows.every((r) => !('request' in r))).toBe(true);
          const back = reidentify(out, out.key);
          expect(back).toEqual(
            rows.map(({ lastName: _l, birthDate, ...r }) => ({
              ...r,
              birthDate: String(birthDate).slice(0, 4),
            })),
          );
        },
      ),
    );
  });

  it('refuses a field the plan does not name, and a key from another release', () => {
    expect(() =>
      depersonalise([{ personId: 'p', snils: '123' }], {
        secret: 'long-secret',
        fields: { personId: { method: 'identifiers' } },
      }),
    ).toThrow(expect.objectContaining({ code: 'unrecognized_keys', path: ['records', 0, 'snils'] }));
    const a = depersonalise(people(5), plan);
    const b = depersonalise(people(6), plan);
    expect(() => reidentify(a, b.key)).toThrow(
      expect.objectContaining({ code: 'depersonalisation_key_mismatch' }),
    );
  });
});

describe('k-anonymity', () => {
  // A class list the attacker knows from elsewhere: name, birth year, grade, gender.
  const classList = people(40).map((r) => ({
    lastName: r.lastName,
    birthYear: String(r.birthDate).slice(0, 4),
    grade: r.grade,
    gender: r.gender,
  }));
  const attack = (released: readonly ReleaseRow[]) =>
    released.map(
      (r) =>
        classList.filter((c) => c.birthYear === r.birthDate && c.grade === r.grade && c.gender === r.gender)
          .length,
    );

  it('a release that passes k = 5 leaves an attacker joining on quasi-identifiers at least 5 candidates per record', () => {
    const out = releaseDepersonalised(
      people(40),
      {
        secret: 'school-dpo-secret',
        fields: {
          personId: { method: 'identifiers' },
          lastName: { method: 'delete' },
          birthDate: { method: 'generalise', dateTo: 'year' },
          grade: { method: 'keep' },
          gender: { method: 'keep' },
          satisfaction: { method: 'keep' },
          request: { method: 'delete' },
        },
      },
      { quasiIdentifiers: ['birthDate', 'grade', 'gender'] },
    );
    expect(Math.min(...attack(out.rows))).toBeGreaterThanOrEqual(5);
  });

  it('refuses a release the attacker could join to a single person, with counts and no values', () => {
    const fine = {
      secret: 'school-dpo-secret',
      fields: {
        personId: { method: 'identifiers' as const },
        lastName: { method: 'delete' as const },
        birthDate: { method: 'keep' as const },
        grade: { method: 'keep' as const },
        gender: { method: 'keep' as const },
        satisfaction: { method: 'keep' as const },
        request: { method: 'delete' as const },
      },
    };
    const raw = depersonalise(people(40), fine).rows;
    const report = kAnonymity(raw, ['birthDate', 'grade', 'gender']);
    expect(report.ok).toBe(false);
    expect(report.k).toBe(1);
    try {
      releaseDepersonalised(people(40), fine, { quasiIdentifiers: ['birthDate', 'grade', 'gender'], k: 5 });
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e) && e.code).toBe('k_anonymity_failed');
      if (!isNastavnikError(e)) return;
      expect(e.issues[0]?.params).toMatchObject({ k: 5, found: 1 });
      expect(JSON.stringify(e.toJSON())).not.toMatch(/Фамилия|20\d\d-/);
    }
  });

  it('k is configurable and measured on the smallest class', () => {
    const rows = [{ g: 'a' }, { g: 'a' }, { g: 'b' }, { g: 'b' }, { g: 'b' }];
    expect(kAnonymity(rows, ['g'], 2)).toMatchObject({ k: 2, classes: 2, ok: true, exposed: 0 });
    expect(kAnonymity(rows, ['g'], 3)).toMatchObject({ k: 2, ok: false, exposed: 2 });
  });
});
