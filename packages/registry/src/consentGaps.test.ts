import type { Consent, Person } from '@nastavnik/core';
import { flagConsentGaps } from '@nastavnik/registry';
import { describe, expect, it } from 'vitest';

const person = (id: string, birthDate?: string) =>
  ({
    id,
    organizationId: 'lyceum-7',
    category: 'pupil',
    name: { lastName: 'Соколов', firstName: 'Артём' },
    subjects: [],
    ...(birthDate ? { birthDate } : {}),
  }) as unknown as Person;
const consent = (id: string, personId: string, givenBy: 'self' | 'parent') =>
  ({
    id,
    personId,
    purpose: 'personalData',
    givenBy,
    givenAt: '2023-09-01',
    ...(givenBy === 'parent' ? { representative: { lastName: 'Соколова', firstName: 'Ирина' } } : {}),
  }) as unknown as Consent;

describe('flagConsentGaps', () => {
  it('flags rows of people without the consent the policy requires, by row and id, and drops none', () => {
    const records = [person('p-1', '2010-01-01'), person('p-2', '2010-01-01'), person('p-3', '2004-01-01')];
    const result = { records, rows: [2, 3, 4] };
    const flags = flagConsentGaps(result, {
      consents: [consent('c1', 'p-1', 'parent'), consent('c2', 'p-2', 'self')],
      date: '2023-09-10',
    });
    expect(flags.map((f) => [f.code, f.row])).toEqual([
      ['consent_gap', 3],
      ['consent_gap', 4],
    ]);
    expect(flags[0]?.message).toContain('p-2');
    expect(flags[0]?.message).toContain('родителя');
    expect(JSON.stringify(flags)).not.toContain('Соколов');
    expect(result.records).toHaveLength(3);
  });
});
