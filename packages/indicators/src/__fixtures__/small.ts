import type { IndicatorDatasetInput, PersonRecord } from '@nastavnik/indicators';

/** Pupils aged 12 on 2024-05-31 (born 2012-01-01), ids `${prefix}-${i}`. */
export function pupils(org: string, prefix: string, n: number): PersonRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    organizationId: org,
    category: 'pupil' as const,
    birthDate: '2012-01-01',
  }));
}

/** Pupil-pupil pairs: mentor `${prefix}-m${i}` (not a pupil record) with mentee `${prefix}-${i}`. */
export function pupilPairs(org: string, prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${org}-pair-${i}`,
    organizationId: org,
    mentorId: `${prefix}-m${i}`,
    menteeIds: [`${prefix}-${i}`],
    form: 'studentStudent',
    formats: ['traditional'],
    status: 'active' as const,
    approvedAt: '2023-10-01',
  }));
}

/** The rollup pitfall: two schools, 1/2 and 99/100 pupils who are mentees. */
export const pitfall: IndicatorDatasetInput = {
  organizations: [
    { id: 'mun', kind: 'authority', name: 'Управление образования' },
    { id: 'a', kind: 'school', name: 'МОУ СОШ № 1', parentId: 'mun' },
    { id: 'b', kind: 'school', name: 'МОУ СОШ № 2', parentId: 'mun' },
  ],
  persons: [...pupils('a', 'a', 2), ...pupils('b', 'b', 100)],
  pairs: [...pupilPairs('a', 'a', 1), ...pupilPairs('b', 'b', 99)],
};
