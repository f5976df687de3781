import { type MatchingInput, matchOptimal } from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

function person(id: string) {
  return {
    id,
    organizationId: 's1',
    category: 'teacher' as const,
    name: { lastName: 'Иванов', firstName: 'Иван' },
    experienceYears: id.startsWith('t') ? 15 : 1,
    subjects: ['математика'],
  };
}
const consent = (id: string) => ({
  id: `c-${id}`,
  personId: id,
  purpose: 'personalData' as const,
  givenBy: 'self' as const,
  givenAt: '2024-01-10',
});
const mentor = (id: string, competences: string[]) => ({
  person: person(id),
  profile: { personId: id, capacity: 1, competences, formats: ['traditional'] },
});
const mentee = (id: string, competences: string[]) => ({
  person: person(id),
  profile: {
    personId: id,
    group: 'youngSpecialist',
    requests: competences.map((c, q) => ({
      id: `r-${id}-${q}`,
      menteeId: id,
      competence: c,
      priority: 'high' as const,
      source: 'self' as const,
      createdAt: '2024-09-01',
    })),
  },
});

// t-a answers m-1's request exactly; m-1 chose t-b in the survey, and t-b chose m-1.
const base: MatchingInput = {
  date: '2024-09-10',
  mentors: [mentor('t-a', ['assessment']), mentor('t-b', ['digitalTools'])],
  mentees: [mentee('m-1', ['assessment'])],
  consents: ['t-a', 't-b', 'm-1'].map(consent),
  menteePreferences: { 'm-1': ['t-b'] },
  mentorPreferences: { 't-b': ['m-1'] },
};

describe('matchOptimal and the preference survey (003 §6.1: mutual interest)', () => {
  it('003 §6.1: as a hard constraint, a mentee is paired only with a mentor of mutual choice', () => {
    const r = matchOptimal(base, { mutualInterest: { mode: 'constraint' } });
    expect(r.mutualInterest).toBe('constraint');
    expect(r.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual([['t-b', 'm-1']]);
  });

  it('003 §6.1: with the survey ignored, the criteria alone pick the mentor the mentee did not choose', () => {
    const r = matchOptimal(base, { mutualInterest: { mode: 'none' } });
    expect(r.mutualInterest).toBe('none');
    expect(r.pairs[0]?.mentorId).toBe('t-a');
  });

  it('003 §6.1: as a weighted criterion, the explanation carries the mutual choice; a heavy weight decides', () => {
    const light = matchOptimal(base, { mutualInterest: { mode: 'weighted', weight: 0.01 } });
    expect(light.mutualInterest).toBe('weighted');
    expect(light.pairs[0]?.mentorId).toBe('t-a');
    const c = light.pairs[0]?.contributions.find((x) => x.criterion === 'mutualInterest');
    expect(c).toMatchObject({ value: 0, reason: { en: 'No mutual choice in the preference survey' } });
    const heavy = matchOptimal(base, { mutualInterest: { mode: 'weighted', weight: 50 } });
    expect(heavy.pairs[0]?.mentorId).toBe('t-b');
    expect(heavy.pairs[0]?.contributions.find((x) => x.criterion === 'mutualInterest')?.value).toBe(1);
  });

  it('004 §4: by default a given survey is weighed in, and the result says so', () => {
    expect(matchOptimal(base).mutualInterest).toBe('weighted');
    const { menteePreferences: _a, mentorPreferences: _b, ...noSurvey } = base;
    expect(matchOptimal(noSurvey).mutualInterest).toBe('none');
  });

  it('004 §4: a mentee left without a mutual choice is unmatched with that reason, and the search goes on', () => {
    const r = matchOptimal(
      { ...base, mentorPreferences: { 't-b': [] } },
      { mutualInterest: { mode: 'constraint' } },
    );
    expect(r.pairs).toEqual([]);
    expect(r.unmatched[0]).toMatchObject({ menteeId: 'm-1', reason: 'noMutualPreference' });
    expect(r.unmatched[0]?.excluded.notMutualChoice).toBe(2);
  });

  it('property: under the constraint every pair is a mutual choice of those who answered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.subarray(['t-0', 't-1', 't-2']), { minLength: 1, maxLength: 4 }),
        fc.array(fc.subarray(['m-0', 'm-1', 'm-2', 'm-3']), { minLength: 3, maxLength: 3 }),
        (menteeChoices, mentorChoices) => {
          const mentees = menteeChoices.map((_, i) => mentee(`m-${i}`, ['assessment']));
          const mentors = mentorChoices.map((_, j) => mentor(`t-${j}`, ['assessment']));
          const input: MatchingInput = {
            date: '2024-09-10',
            mentors,
            mentees,
            consents: [...mentors, ...mentees].map((x) => consent(x.person.id)),
            menteePreferences: Object.fromEntries(menteeChoices.map((c, i) => [`m-${i}`, c])),
            mentorPreferences: Object.fromEntries(mentorChoices.map((c, j) => [`t-${j}`, c])),
          };
          const r = matchOptimal(input, { mutualInterest: { mode: 'constraint' } });
          for (const p of r.pairs) {
            const i = Number(p.menteeId.slice(2));
            const j = Number(p.mentorId.slice(2));
            expect(menteeChoices[i]).toContain(p.mentorId);
            expect(mentorChoices[j]).toContain(p.menteeId);
          }
          expect(r.pairs.length + r.unmatched.length).toBe(mentees.length);
        },
      ),
    );
  });
});
