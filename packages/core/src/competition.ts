import { z } from 'zod';
import { AcademicYearSchema, IsoDateSchema } from './dates';
import { CatalogueIdSchema } from './enums';
import { domainRule, fail } from './errors';
import { CompetitionIdSchema, OrganizationIdSchema, PairIdSchema } from './ids';
import { registerCatalogue } from './messages/catalogue';
import { parse } from './parse';
import { safeText } from './text';

registerCatalogue();

/**
 * A criterion of a round with its maximum score (e.g. «Представление опыта
 * пары», up to 10 points).
 *
 * @category Competition
 * @example
 * parse(CompetitionCriterionSchema, { id: 'presentation', title: 'Представление опыта пары', maxScore: 10 });
 */
export const CompetitionCriterionSchema = z.object({
  id: CatalogueIdSchema,
  title: safeText().trim().min(1).max(300),
  maxScore: z.number().positive().max(1000),
});
/** A criterion of a round. @category Competition @example const c: CompetitionCriterion = { id: 'idea', title: 'Идея', maxScore: 10 }; */
export type CompetitionCriterion = z.infer<typeof CompetitionCriterionSchema>;

/**
 * A round of a competition (001 6.3 «Визитка» in October, 6.4 «Фрагмент» in
 * December, 6.9 «Педагогический батл» in April): the date it is held and
 * its criteria. The round's maximum is the sum of its criteria's maxima.
 *
 * @category Competition
 * @example
 * parse(CompetitionRoundSchema, { id: 'card', title: 'Визитка', date: '2023-10-26',
 *   criteria: [{ id: 'presentation', title: 'Представление опыта пары', maxScore: 10 }] });
 */
export const CompetitionRoundSchema = z.object({
  id: CatalogueIdSchema,
  title: safeText().trim().min(1).max(300),
  date: IsoDateSchema,
  criteria: z.array(CompetitionCriterionSchema).min(1),
});
/** A round. @category Competition @example const r: CompetitionRound = parse(CompetitionRoundSchema, raw); */
export type CompetitionRound = z.infer<typeof CompetitionRoundSchema>;

/**
 * A pair's score in one round, recorded on a date. One score per pair per
 * round: a later one replaces it and is kept as a correction.
 *
 * @category Competition
 * @example
 * parse(CompetitionScoreSchema, { pairId: 'pair-1', roundId: 'card', score: 27, recordedAt: '2023-10-26' });
 */
export const CompetitionScoreSchema = z.object({
  pairId: PairIdSchema,
  roundId: CatalogueIdSchema,
  score: z.number().min(0),
  recordedAt: IsoDateSchema,
});
/** A score. @category Competition @example const s: CompetitionScore = { pairId, roundId: 'card', score: 27, recordedAt: '2023-10-26' }; */
export type CompetitionScore = z.infer<typeof CompetitionScoreSchema>;

/**
 * A correction: the score a later entry replaced.
 *
 * @category Competition
 * @example
 * const c: CompetitionCorrection = { pairId, roundId: 'card', previous: 25, score: 27, recordedAt: '2023-10-27', reason: 'пересчёт жюри' };
 */
export const CompetitionCorrectionSchema = z.object({
  pairId: PairIdSchema,
  roundId: CatalogueIdSchema,
  previous: z.number().min(0),
  score: z.number().min(0),
  recordedAt: IsoDateSchema,
  reason: safeText().trim().min(1).max(500).optional(),
});
/** A correction. @category Competition @example const c: CompetitionCorrection = parse(CompetitionCorrectionSchema, raw); */
export type CompetitionCorrection = z.infer<typeof CompetitionCorrectionSchema>;

/**
 * The maximum score of a round: the sum of its criteria's maxima.
 *
 * @category Competition
 * @example
 * roundMax({ criteria: [{ id: 'a', title: 'Идея', maxScore: 10 }, { id: 'b', title: 'Подача', maxScore: 5 }] }); // 15
 */
export function roundMax(round: Pick<CompetitionRound, 'criteria'>): number {
  return round.criteria.reduce((s, c) => s + c.maxScore, 0);
}

/**
 * A competition such as #Наставник+ (001 6.3, 6.4, 6.9) as data: rounds with
 * dates, criteria and maximum scores; scores per pair per round (at most one
 * each, within the round's maximum, only for rounds that exist);
 * corrections kept. Round ids are unique. Record scores with
 * {@link recordCompetitionScore}; rank with {@link competitionStandings}.
 *
 * @category Competition
 * @example
 * parse(CompetitionSchema, { id: 'np-2023', organizationId: 'uo', title: '#Наставник+', academicYear: '2023-2024',
 *   rounds: [{ id: 'card', title: 'Визитка', date: '2023-10-26', criteria: [{ id: 'all', title: 'Оценка жюри', maxScore: 30 }] }] });
 */
export const CompetitionSchema = z
  .object({
    id: CompetitionIdSchema,
    organizationId: OrganizationIdSchema,
    title: safeText().trim().min(1).max(300),
    academicYear: AcademicYearSchema,
    rounds: z.array(CompetitionRoundSchema).min(1),
    scores: z.array(CompetitionScoreSchema).default([]),
    corrections: z.array(CompetitionCorrectionSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.rounds.forEach((r, i) => {
      if (ids.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rounds', i, 'id'],
          message: 'duplicate_id',
          params: domainRule('duplicate_id', { of: 'round', id: r.id }),
        });
      }
      ids.add(r.id);
    });
    const seen = new Set<string>();
    c.scores.forEach((s, i) => {
      const round = c.rounds.find((r) => r.id === s.roundId);
      if (!round) {
        ctx.addIssue({
          code: 'custom',
          path: ['scores', i, 'roundId'],
          message: 'unknown_reference',
          params: domainRule('unknown_reference', { ref: 'round', id: s.roundId }),
        });
        return;
      }
      if (s.score > roundMax(round)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scores', i, 'score'],
          message: 'too_big',
          params: domainRule('too_big', {
            maximum: roundMax(round),
            origin: 'number',
            inclusive: true,
            reason: 'roundMaximum',
          }),
        });
      }
      const key = `${s.pairId}\u0000${s.roundId}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scores', i],
          message: 'duplicate_id',
          params: domainRule('duplicate_id', { of: 'roundScore', id: s.pairId }),
        });
      }
      seen.add(key);
    });
  });
/** A competition. @category Competition @example const c: Competition = parse(CompetitionSchema, raw); */
export type Competition = z.infer<typeof CompetitionSchema>;
/** A competition as written. @category Competition @example const c: CompetitionInput = { id: 'np', organizationId: 'uo', title: '#Наставник+', academicYear: '2023-2024', rounds }; */
export type CompetitionInput = z.input<typeof CompetitionSchema>;

/**
 * Record a pair's score in a round. A first score is added; a second one for
 * the same pair and round replaces the first (never adds to it) and the
 * replaced value is kept in `corrections`. A round that does not exist, a
 * score above the round's maximum, or a score recorded before the round is
 * held is refused with a `NastavnikError`.
 *
 * @category Competition
 * @example
 * let c = recordCompetitionScore(competition, { pairId: 'pair-1', roundId: 'card', score: 25, recordedAt: '2023-10-26' });
 * c = recordCompetitionScore(c, { pairId: 'pair-1', roundId: 'card', score: 27, recordedAt: '2023-10-27' }, 'пересчёт');
 * // c.scores: one entry of 27; c.corrections: [{ previous: 25, score: 27, … }]
 */
export function recordCompetitionScore(
  competition: CompetitionInput,
  score: z.input<typeof CompetitionScoreSchema>,
  reason?: string,
): Competition {
  const c = parse(CompetitionSchema, competition);
  const s = parse(CompetitionScoreSchema, score);
  const round = c.rounds.find((r) => r.id === s.roundId);
  if (!round) {
    throw fail('unknown_reference', ['roundId'], { ref: 'round', id: s.roundId });
  }
  if (s.recordedAt < round.date) {
    throw fail('invalid_date_range', ['recordedAt'], { reason: 'scoreBeforeRound' });
  }
  const i = c.scores.findIndex((x) => x.pairId === s.pairId && x.roundId === s.roundId);
  const previous = i >= 0 ? c.scores[i] : undefined;
  if (!previous) return parse(CompetitionSchema, { ...c, scores: [...c.scores, s] });
  return parse(CompetitionSchema, {
    ...c,
    scores: c.scores.map((x, k) => (k === i ? s : x)),
    corrections: [
      ...c.corrections,
      {
        pairId: s.pairId,
        roundId: s.roundId,
        previous: previous.score,
        score: s.score,
        recordedAt: s.recordedAt,
        ...(reason === undefined ? {} : { reason }),
      },
    ],
  });
}

/**
 * A row of {@link competitionStandings}: a pair's scores by round (absent
 * when not scored), total, place (ties share the place, the next place
 * skips: 1, 1, 3) and status.
 *
 * @category Competition
 * @example
 * const row: CompetitionStanding = { pairId, byRound: { card: 27 }, total: 27, place: 1, status: 'winner' };
 */
export interface CompetitionStanding {
  readonly pairId: Competition['scores'][number]['pairId'];
  readonly byRound: Readonly<Record<string, number>>;
  readonly total: number;
  readonly place: number;
  readonly status: 'winner' | 'prizeWinner' | 'participant';
}

/**
 * The overall rating of a competition as of a date (001 6.3, 6.4, 6.9): only
 * rounds held by `asOf` count, a pair's total is the sum of its round
 * scores, places are ranked as a rating is ranked (equal totals share a
 * place; the next place skips), place 1 is «победитель» and places up to
 * `prizePlaces` «призёр» — but only with a total above zero. Ties are
 * listed in pair-id order for a stable print.
 *
 * @category Competition
 * @example
 * const { rounds, rows } = competitionStandings(competition, { asOf: '2023-10-31' });
 * rows[0]; // { pairId: 'pair-3', byRound: { card: 29 }, total: 29, place: 1, status: 'winner' }
 */
export function competitionStandings(
  competition: CompetitionInput,
  options: { asOf: string; prizePlaces?: number },
): { rounds: CompetitionRound[]; rows: CompetitionStanding[]; maxTotal: number } {
  const c = parse(CompetitionSchema, competition);
  const asOf = parse(IsoDateSchema, options.asOf);
  const prizePlaces = options.prizePlaces ?? 3;
  const rounds = c.rounds.filter((r) => r.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const held = new Set(rounds.map((r) => r.id));
  const byPair = new Map<string, Record<string, number>>();
  for (const s of c.scores) {
    if (!held.has(s.roundId) || s.recordedAt > asOf) continue;
    const e = byPair.get(s.pairId) ?? {};
    e[s.roundId] = s.score;
    byPair.set(s.pairId, e);
  }
  const totals = [...byPair.entries()].map(([pairId, byRound]) => ({
    pairId: pairId as CompetitionStanding['pairId'],
    byRound,
    total: Object.values(byRound).reduce((a, b) => a + b, 0),
  }));
  totals.sort((a, b) => b.total - a.total || (a.pairId < b.pairId ? -1 : a.pairId > b.pairId ? 1 : 0));
  let place = 0;
  const rows = totals.map((t, i) => {
    if (i === 0 || t.total !== totals[i - 1]?.total) place = i + 1;
    const status: CompetitionStanding['status'] =
      t.total <= 0
        ? 'participant'
        : place === 1
          ? 'winner'
          : place <= prizePlaces
            ? 'prizeWinner'
            : 'participant';
    return { ...t, place, status };
  });
  return { rounds, rows, maxTotal: rounds.reduce((s, r) => s + roundMax(r), 0) };
}
