import type { MentorWithProfile, Person } from '@nastavnik/core';
import { findDuplicates, mergeRegistries } from '@nastavnik/registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentorRecord, registry } from './__fixtures__/arbitraries';

const person = (id: string, last: string, first: string, extra: Partial<Person> = {}): MentorWithProfile => ({
  person: {
    id,
    organizationId: 'o',
    category: 'teacher',
    name: { lastName: last, firstName: first },
    subjects: [],
    ...extra,
  } as Person,
  profile: {
    personId: id,
    competences: [],
    subjects: [],
    interests: [],
    menteeGroups: [],
    capacity: 1,
    formats: [],
    forms: [],
    training: [],
  } as unknown as MentorWithProfile['profile'],
});

describe('findDuplicates', () => {
  it('finds the same person across files by normalised name + birth date (Ё/Е, look-alikes, case) and by external id', () => {
    const a = [
      person('a1', 'Королёв', 'Пётр', { birthDate: '1980-01-02' }),
      person('a2', 'Иванова', 'Анна', { externalId: '77' }),
    ];
    const b = [
      person('b1', 'КОРОЛЕВ', 'Петр', { birthDate: '1980-01-02' }),
      person('b2', 'Cидорова', 'Анна', { externalId: '77' }),
    ];
    const c = [person('a1', 'Другой', 'Человек')];
    const groups = findDuplicates([a, b, c]);
    expect(groups).toEqual(
      expect.arrayContaining([
        {
          reason: 'id',
          occurrences: [
            { registry: 0, index: 0 },
            { registry: 2, index: 0 },
          ],
        },
        {
          reason: 'externalId',
          occurrences: [
            { registry: 0, index: 1 },
            { registry: 1, index: 1 },
          ],
        },
        {
          reason: 'nameAndBirthDate',
          occurrences: [
            { registry: 0, index: 0 },
            { registry: 1, index: 0 },
          ],
        },
      ]),
    );
    expect(groups).toHaveLength(3);
    // namesakes without a birth date are not taken for one person
    expect(findDuplicates([[person('x', 'Иванов', 'Иван')], [person('y', 'Иванов', 'Иван')]])).toEqual([]);
  });
});

describe('mergeRegistries', () => {
  const a = [person('p1', 'Иванова', 'Анна', { birthDate: '1990-01-01' }), person('p2', 'Петров', 'Олег')];
  const b = [
    person('q1', 'Иванова', 'Анна', { birthDate: '1990-01-01', position: 'учитель' }),
    person('q2', 'Новикова', 'Вера'),
  ];

  it('applies each policy and reports every conflict', () => {
    const first = mergeRegistries(a, b, { policy: 'keepFirst' });
    expect(first.merged.map((r) => r.person.id)).toEqual(['p1', 'p2', 'q2']);
    expect(first.conflicts).toHaveLength(1);
    expect(first.conflicts[0]).toMatchObject({ reason: 'nameAndBirthDate', kept: 'first' });
    expect(first.conflicts[0]?.differences).toEqual(['person.id', 'person.position', 'profile.personId']);

    expect(mergeRegistries(a, b, { policy: 'keepLast' }).merged.map((r) => r.person.id)).toEqual([
      'q1',
      'p2',
      'q2',
    ]);
    expect(mergeRegistries(a, b, { policy: 'preferComplete' }).merged.map((r) => r.person.id)).toEqual([
      'q1',
      'p2',
      'q2',
    ]);
    const rejected = mergeRegistries(a, b, { policy: 'reject' });
    expect(rejected.merged.map((r) => r.person.id)).toEqual(['p2', 'q2']);
    expect(rejected.conflicts[0]?.kept).toBe('none');
    expect(() => mergeRegistries(a, b, { policy: 'nope' as 'reject' })).toThrow(
      expect.objectContaining({ name: 'NastavnikError' }),
    );
  });

  it('never loses a record silently (property)', () => {
    fc.assert(
      fc.property(
        registry(mentorRecord, 6),
        registry(mentorRecord, 6),
        fc.constantFrom('keepFirst', 'keepLast', 'preferComplete', 'reject' as const),
        (x, y, policy) => {
          const { merged, conflicts } = mergeRegistries(x, y, { policy });
          const dropped = conflicts.filter((c) => c.kept !== 'none').length;
          const rejectedBoth = conflicts.filter((c) => c.kept === 'none' && c.first !== c.second).length;
          const rejectedLate = conflicts.filter((c) => c.kept === 'none' && c.first === c.second).length;
          // every record of b either lands in merged, or is in exactly one conflict
          expect(merged.length + dropped + 2 * rejectedBoth + rejectedLate).toBe(x.length + y.length);
          for (const c of conflicts) {
            if (c.kept === 'first') expect(merged).toContain(c.first);
            if (c.kept === 'second') expect(merged).toContain(c.second);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
