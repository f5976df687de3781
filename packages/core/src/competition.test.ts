import {
  type CompetitionInput,
  CompetitionSchema,
  competitionStandings,
  NastavnikError,
  recordCompetitionScore,
  safeParse,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// 001 6.3 «Визитка» (October), 6.4 «Фрагмент» (December), 6.9 «Педагогический батл» (April).
const base: CompetitionInput = {
  id: 'np-2023',
  organizationId: 'uo',
  title: '#Наставник+',
  academicYear: '2023-2024',
  rounds: [
    {
      id: 'card',
      title: 'Визитка',
      date: '2023-10-26',
      criteria: [
        { id: 'idea', title: 'Представление опыта пары', maxScore: 10 },
        { id: 'form', title: 'Творческий подход', maxScore: 10 },
      ],
    },
    {
      id: 'fragment',
      title: 'Фрагмент',
      date: '2023-12-14',
      criteria: [{ id: 'all', title: 'Фрагмент занятия', maxScore: 30 }],
    },
    {
      id: 'battle',
      title: 'Педагогический батл',
      date: '2024-04-18',
      criteria: [{ id: 'all', title: 'Батл', maxScore: 30 }],
    },
  ],
};

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof NastavnikError) return e.code;
    throw e;
  }
  return undefined;
}

describe('competitions as data (001 6.3, 6.4, 6.9)', () => {
  it('001 6.3–6.9: a score for a round that does not exist is refused, in data and when recorded', () => {
    const r = safeParse(CompetitionSchema, {
      ...base,
      scores: [{ pairId: 'p1', roundId: 'final', score: 10, recordedAt: '2024-05-01' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]?.code).toBe('unknown_reference');
    expect(
      codeOf(() =>
        recordCompetitionScore(base, { pairId: 'p1', roundId: 'final', score: 1, recordedAt: '2024-05-01' }),
      ),
    ).toBe('unknown_reference');
  });

  it('001 6.3–6.9: duplicate round ids are refused (no triple counting)', () => {
    const r = safeParse(CompetitionSchema, { ...base, rounds: [...base.rounds, base.rounds[0]] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.code)).toContain('duplicate_id');
  });

  it('001 6.3: a score above the round maximum (sum of criteria) is refused', () => {
    expect(
      codeOf(() =>
        recordCompetitionScore(base, { pairId: 'p1', roundId: 'card', score: 21, recordedAt: '2023-10-26' }),
      ),
    ).toBe('too_big');
    expect(
      codeOf(() =>
        recordCompetitionScore(base, { pairId: 'p1', roundId: 'card', score: 20, recordedAt: '2023-10-26' }),
      ),
    ).toBeUndefined();
  });

  it('001 6.3: a score recorded before the round is held is refused', () => {
    expect(
      codeOf(() =>
        recordCompetitionScore(base, { pairId: 'p1', roundId: 'battle', score: 5, recordedAt: '2023-10-26' }),
      ),
    ).toBe('invalid_date_range');
  });

  it('001 6.3–6.9: a second score for the same pair and round replaces the first and is kept as a correction', () => {
    let c = recordCompetitionScore(base, {
      pairId: 'p1',
      roundId: 'card',
      score: 12,
      recordedAt: '2023-10-26',
    });
    c = recordCompetitionScore(
      c,
      { pairId: 'p1', roundId: 'card', score: 17, recordedAt: '2023-10-27' },
      'пересчёт жюри',
    );
    expect(c.scores).toHaveLength(1);
    expect(c.scores[0]?.score).toBe(17);
    expect(c.corrections).toEqual([
      {
        pairId: 'p1',
        roundId: 'card',
        previous: 12,
        score: 17,
        recordedAt: '2023-10-27',
        reason: 'пересчёт жюри',
      },
    ]);
    expect(competitionStandings(c, { asOf: '2023-10-31' }).rows[0]?.total).toBe(17);
    // Two scores for one pair and round written directly as data are refused.
    const r = safeParse(CompetitionSchema, { ...c, scores: [...c.scores, c.scores[0]] });
    expect(r.ok).toBe(false);
  });

  it('001 6.3, 6.9: the overall rating sums the rounds; ties share a place and the next place skips', () => {
    let c = base;
    const add = (pairId: string, roundId: string, score: number, recordedAt: string) => {
      c = recordCompetitionScore(c, { pairId, roundId, score, recordedAt });
    };
    add('p1', 'card', 18, '2023-10-26');
    add('p2', 'card', 15, '2023-10-26');
    add('p3', 'card', 15, '2023-10-26');
    add('p4', 'card', 10, '2023-10-26');
    add('p5', 'card', 0, '2023-10-26');
    add('p1', 'fragment', 20, '2023-12-14');
    add('p2', 'fragment', 26, '2023-12-14');
    add('p3', 'fragment', 26, '2023-12-14');
    const { rows } = competitionStandings(c, { asOf: '2024-01-10' });
    expect(rows.map((r) => [r.pairId, r.total, r.place, r.status])).toEqual([
      ['p2', 41, 1, 'winner'],
      ['p3', 41, 1, 'winner'],
      ['p1', 38, 3, 'prizeWinner'],
      ['p4', 10, 4, 'participant'],
      ['p5', 0, 5, 'participant'],
    ]);
  });

  it('001 6.3: results as of a date include only rounds held by then', () => {
    let c = recordCompetitionScore(base, {
      pairId: 'p1',
      roundId: 'card',
      score: 18,
      recordedAt: '2023-10-26',
    });
    c = recordCompetitionScore(c, { pairId: 'p1', roundId: 'battle', score: 25, recordedAt: '2024-04-18' });
    const first = competitionStandings(c, { asOf: '2023-10-31' });
    expect(first.rounds.map((r) => r.id)).toEqual(['card']);
    expect(first.rows[0]?.byRound).toEqual({ card: 18 });
    expect(first.maxTotal).toBe(20);
    expect(competitionStandings(c, { asOf: '2024-04-30' }).rows[0]?.total).toBe(43);
  });

  it('001 6.3: nobody is «победитель» with zero points', () => {
    const c = recordCompetitionScore(base, {
      pairId: 'p1',
      roundId: 'card',
      score: 0,
      recordedAt: '2023-10-26',
    });
    expect(competitionStandings(c, { asOf: '2023-10-31' }).rows[0]?.status).toBe('participant');
  });

  it('property: totals never exceed the held rounds maximum; places are ranked as a rating (001 6.3–6.9)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            pair: fc.integer({ min: 1, max: 6 }),
            round: fc.constantFrom('card', 'fragment', 'battle'),
            score: fc.integer({ min: 0, max: 20 }),
          }),
          { maxLength: 30 },
        ),
        (entries) => {
          let c = base;
          const dates: Record<string, string> = {
            card: '2023-10-26',
            fragment: '2023-12-14',
            battle: '2024-04-18',
          };
          for (const e of entries)
            c = recordCompetitionScore(c, {
              pairId: `p${e.pair}`,
              roundId: e.round,
              score: e.score,
              recordedAt: dates[e.round] ?? '',
            });
          const s = competitionStandings(c, { asOf: '2024-05-01' });
          const last = new Map(entries.map((e) => [`p${e.pair}/${e.round}`, e.score]));
          for (const r of s.rows) {
            expect(r.total).toBeLessThanOrEqual(s.maxTotal);
            const expected = [...last.entries()]
              .filter(([k]) => k.startsWith(`${r.pairId}/`))
              .reduce((a, [, v]) => a + v, 0);
            expect(r.total).toBe(expected);
            expect(r.place).toBe(1 + s.rows.filter((o) => o.total > r.total).length);
          }
        },
      ),
    );
  });
});
