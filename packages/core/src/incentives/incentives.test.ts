import {
  evaluateIncentives,
  type IncentiveSystemInput,
  isNastavnikError,
  type MentorResultInput,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const forms: IncentiveSystemInput['forms'] = [
  { id: 'gramota', kind: 'certificate', title: 'Почётная грамота управления образования' },
  { id: 'thanks', kind: 'letterOfThanks', title: 'Благодарственное письмо' },
  { id: 'points', kind: 'ratingPoints', title: 'Баллы в рейтинге наставников', points: 10 },
  { id: 'bonus', kind: 'bonus', title: 'Премия', amount: 5000 },
];

function system(rules: IncentiveSystemInput['rules']): IncentiveSystemInput {
  return { id: 'uo-2024', organizationId: 'uo', title: 'Система стимулирования', forms, rules };
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isNastavnikError(e) ? e.code : 'raw';
  }
  return undefined;
}

describe('evaluateIncentives: each condition kind', () => {
  it('completed programmes: the threshold is inclusive', () => {
    const s = system([
      {
        id: 'r',
        title: 'за две программы',
        formId: 'thanks',
        conditions: [{ kind: 'completedProgrammes', min: 2 }],
      },
    ]);
    const { awards } = evaluateIncentives(s, [
      { mentorId: 'a', completedProgrammes: 1 },
      { mentorId: 'b', completedProgrammes: 2 },
      { mentorId: 'c', completedProgrammes: 3 },
    ]);
    expect(awards.map((a) => a.mentorId)).toEqual(['b', 'c']);
    expect(awards[0]?.outcomes).toEqual([
      { kind: 'completedProgrammes', threshold: 2, actual: 2, met: true },
    ]);
  });

  it('competition place: shared places qualify everyone who shares; a named competition only counts itself', () => {
    const s = system([
      {
        id: 'top',
        title: 'за призовое место',
        formId: 'gramota',
        conditions: [{ kind: 'competitionPlace', maxPlace: 2 }],
      },
      {
        id: 'np',
        title: 'за победу в #Наставник+',
        formId: 'bonus',
        conditions: [{ kind: 'competitionPlace', maxPlace: 1, competitionId: 'np' }],
      },
    ]);
    const { awards } = evaluateIncentives(s, [
      { mentorId: 'a', competitionPlaces: [{ competitionId: 'np', place: 1 }] },
      { mentorId: 'b', competitionPlaces: [{ competitionId: 'np', place: 1 }] },
      {
        mentorId: 'c',
        competitionPlaces: [
          { competitionId: 'np', place: 3 },
          { competitionId: 'other', place: 1 },
        ],
      },
      { mentorId: 'd', competitionPlaces: [{ competitionId: 'np', place: 3 }] },
      { mentorId: 'e' },
    ]);
    expect(awards.filter((a) => a.ruleId === 'top').map((a) => a.mentorId)).toEqual(['a', 'b', 'c']);
    expect(awards.filter((a) => a.ruleId === 'np').map((a) => a.mentorId)).toEqual(['a', 'b']);
  });

  it('satisfaction: at the threshold qualifies; too few answers is no result', () => {
    const s = system([
      {
        id: 'sat',
        title: 'за высокую удовлетворённость наставляемых',
        formId: 'points',
        conditions: [{ kind: 'satisfaction', minPercent: 80, minResponses: 3 }],
      },
    ]);
    const { awards } = evaluateIncentives(s, [
      { mentorId: 'a', satisfaction: { percent: 80, responses: 3 } },
      { mentorId: 'b', satisfaction: { percent: 79.9, responses: 10 } },
      { mentorId: 'c', satisfaction: { percent: 100, responses: 2 } },
      { mentorId: 'd' },
    ]);
    expect(awards.map((a) => a.mentorId)).toEqual(['a']);
  });

  it('years as mentor and all conditions together', () => {
    const s = system([
      {
        id: 'long',
        title: 'за многолетнее наставничество',
        formId: 'gramota',
        conditions: [
          { kind: 'yearsAsMentor', min: 5 },
          { kind: 'completedProgrammes', min: 1 },
        ],
      },
    ]);
    const { awards } = evaluateIncentives(s, [
      { mentorId: 'a', yearsAsMentor: 5, completedProgrammes: 1 },
      { mentorId: 'b', yearsAsMentor: 10, completedProgrammes: 0 },
      { mentorId: 'c', yearsAsMentor: 4.9, completedProgrammes: 4 },
    ]);
    expect(awards.map((a) => a.mentorId)).toEqual(['a']);
  });
});

describe('evaluateIncentives: limits and ties', () => {
  const limited = system([
    {
      id: 'bonus',
      title: 'премия лучшим наставникам',
      formId: 'bonus',
      conditions: [{ kind: 'satisfaction', minPercent: 50, minResponses: 1 }],
      maxRecipients: 2,
      rankBy: 'satisfaction',
    },
  ]);

  it('keeps the best and everyone tied with the last place kept', () => {
    const { awards, overLimit } = evaluateIncentives(limited, [
      { mentorId: 'a', satisfaction: { percent: 95, responses: 4 } },
      { mentorId: 'b', satisfaction: { percent: 90, responses: 4 } },
      { mentorId: 'c', satisfaction: { percent: 90, responses: 4 } },
      { mentorId: 'd', satisfaction: { percent: 85, responses: 4 } },
    ]);
    expect(awards.map((a) => a.mentorId)).toEqual(['a', 'b', 'c']);
    expect(overLimit.map((a) => a.mentorId)).toEqual(['d']);
    expect(overLimit[0]?.overLimit).toBe(true);
  });

  it('ranks places lowest first', () => {
    const s = system([
      {
        id: 'best',
        title: 'лучший результат в конкурсе',
        formId: 'gramota',
        conditions: [{ kind: 'competitionPlace', maxPlace: 10 }],
        maxRecipients: 1,
        rankBy: 'competitionPlace',
      },
    ]);
    const { awards } = evaluateIncentives(s, [
      { mentorId: 'a', competitionPlaces: [{ competitionId: 'np', place: 3 }] },
      { mentorId: 'b', competitionPlaces: [{ competitionId: 'np', place: 2 }] },
    ]);
    expect(awards.map((a) => a.mentorId)).toEqual(['b']);
  });

  it('property: the limit is never split inside a tie, and nobody outside the limit beats anyone inside', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 50, max: 100 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (percents, limit) => {
          const s = system([
            {
              id: 'bonus',
              title: 'премия',
              formId: 'bonus',
              conditions: [{ kind: 'satisfaction', minPercent: 50, minResponses: 1 }],
              maxRecipients: limit,
              rankBy: 'satisfaction',
            },
          ]);
          const results: MentorResultInput[] = percents.map((p, i) => ({
            mentorId: `m-${i}`,
            satisfaction: { percent: p, responses: 1 },
          }));
          const { awards, overLimit } = evaluateIncentives(s, results);
          const pct = (id: string) => percents[Number(id.slice(2))] as number;
          expect(awards.length + overLimit.length).toBe(percents.length);
          expect(awards.length).toBeGreaterThanOrEqual(Math.min(limit, percents.length));
          const worstKept = Math.min(...awards.map((a) => pct(a.mentorId)));
          for (const o of overLimit) expect(pct(o.mentorId)).toBeLessThan(worstKept);
          // Only ties may push the count over the limit.
          if (awards.length > limit) {
            expect(awards.filter((a) => pct(a.mentorId) === worstKept).length).toBeGreaterThan(1);
          }
        },
      ),
    );
  });
});

describe('evaluateIncentives: bad input is a NastavnikError', () => {
  it('refuses a rule naming an unknown form, duplicate ids, a bonus without an amount, ranking without a limit condition', () => {
    expect(
      codeOf(() =>
        evaluateIncentives(
          system([{ id: 'r', title: 'x', formId: 'nope', conditions: [{ kind: 'yearsAsMentor', min: 1 }] }]),
          [],
        ),
      ),
    ).toBe('unknown_reference');
    expect(
      codeOf(() =>
        evaluateIncentives(
          system([
            { id: 'r', title: 'x', formId: 'thanks', conditions: [{ kind: 'yearsAsMentor', min: 1 }] },
            { id: 'r', title: 'y', formId: 'thanks', conditions: [{ kind: 'yearsAsMentor', min: 2 }] },
          ]),
          [],
        ),
      ),
    ).toBe('duplicate_id');
    expect(
      codeOf(() =>
        evaluateIncentives(
          {
            ...system([
              { id: 'r', title: 'x', formId: 'b', conditions: [{ kind: 'yearsAsMentor', min: 1 }] },
            ]),
            forms: [{ id: 'b', kind: 'bonus', title: 'Премия' }],
          },
          [],
        ),
      ),
    ).toBe('required');
    expect(
      codeOf(() =>
        evaluateIncentives(
          system([
            {
              id: 'r',
              title: 'x',
              formId: 'thanks',
              conditions: [{ kind: 'yearsAsMentor', min: 1 }],
              maxRecipients: 1,
              rankBy: 'satisfaction',
            },
          ]),
          [],
        ),
      ),
    ).toBe('unknown_reference');
    const ok = system([
      { id: 'r', title: 'x', formId: 'thanks', conditions: [{ kind: 'yearsAsMentor', min: 1 }] },
    ]);
    expect(codeOf(() => evaluateIncentives(ok, [{ mentorId: 'a' }, { mentorId: 'a' }]))).toBe('duplicate_id');
    expect(codeOf(() => evaluateIncentives(ok, [{ mentorId: 'a', completedProgrammes: -1 }]))).toBe(
      'too_small',
    );
  });
});
