import { CompetitionSchema, nastavnikError, PairSchema, parse } from '@nastavnik/core';
import { z } from 'zod';
import { acquaintance, annexLabel, findPerson, shortName, signature } from '../_internal/common';
import { control, head, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument, TableRowValue } from '../model';

const CompetitionOrderInputSchema = z.object({
  ...orderBase,
  competition: CompetitionSchema,
  pairs: z.array(PairSchema),
  /** How many top places are «победитель» (1) and «призёр» (2–3). */
  prizePlaces: z.number().int().min(1).max(10).default(3),
});

/**
 * Input of {@link buildCompetitionOrder}.
 *
 * @category Builders
 * @example
 * const input: CompetitionOrderInput = { organization, order, people, competition, pairs };
 */
export type CompetitionOrderInput = z.input<typeof CompetitionOrderInputSchema>;

/**
 * The order on the results of a competition such as #Наставник+ (001 6.3,
 * 6.4, 6.9): the rating of pairs with scores per round and in total, places
 * computed from the total (ties share a place), winners and prize-winners.
 *
 * @category Builders
 * @example
 * const doc = buildCompetitionOrder({ organization, order, people, competition, pairs });
 */
export function buildCompetitionOrder(input: CompetitionOrderInput): NastavnikDocument {
  const v = parse(CompetitionOrderInputSchema, input);
  const c = v.competition;
  const totals = new Map<string, { total: number; byRound: Map<string, number> }>();
  for (const r of c.results) {
    const entry = totals.get(r.pairId) ?? { total: 0, byRound: new Map<string, number>() };
    if (r.roundId !== undefined) {
      entry.byRound.set(r.roundId, (entry.byRound.get(r.roundId) ?? 0) + r.score);
      entry.total += r.score;
    }
    totals.set(r.pairId, entry);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1));
  let place = 0;
  let prev = Number.NaN;
  const rows: TableRowValue[] = ranked.map(([pairId, e], i) => {
    if (e.total !== prev) place = i + 1;
    prev = e.total;
    const k = ranked.findIndex(([id]) => id === pairId);
    const pair = v.pairs.find((p) => p.id === pairId);
    if (!pair) {
      throw nastavnikError(
        'unknown_reference',
        ['competition', 'results'],
        'Пара из результатов конкурса не найдена',
        'A pair in the results is not found',
        { id: pairId },
      );
    }
    const mentor = findPerson(v.people, pair.mentorId, ['pairs', k, 'mentorId']);
    const mentees = pair.menteeIds.map((id) => findPerson(v.people, id, ['pairs', k, 'menteeIds']));
    return {
      cells: [
        String(place),
        shortName(mentor),
        mentees.map(shortName).join(',\n'),
        ...c.rounds.map((r) => fmtScore(e.byRound.get(r.id) ?? 0)),
        fmtScore(e.total),
        place === 1 ? 'победитель' : place <= v.prizePlaces ? 'призёр' : 'участник',
      ],
    };
  });
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text: `${v.basis ?? `По итогам проведения конкурса ${quoteTitle(c.title)} в ${c.academicYear} учебном году, на основании протоколов жюри`},`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Утвердить рейтинг участников конкурса ${quoteTitle(c.title)} (приложение).`,
    },
    {
      kind: 'numbered',
      number: '2.',
      text: `Наградить грамотами победителей и призёров конкурса, занявших ${v.prizePlaces > 1 ? `1–${v.prizePlaces} места` : '1 место'}, объявить благодарность участникам.`,
    },
    {
      kind: 'numbered',
      number: '3.',
      text: 'Разместить информацию об итогах конкурса на официальном сайте с согласия участников на публикацию.',
    },
    control(v.order, 4),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  ];
  return {
    meta: { kind: 'competitionOrder', title: v.order.title },
    blocks,
    annexes: [
      {
        label: annexLabel(v.order),
        blocks: [
          { kind: 'title', text: `Рейтинг участников конкурса ${quoteTitle(c.title)}` },
          {
            kind: 'table',
            caption: 'Рейтинг',
            showCaption: false,
            columns: [
              { header: 'Место', width: 0.8, numeric: true },
              { header: 'Наставник', width: 2.4 },
              { header: 'Наставляемый', width: 2.4 },
              ...c.rounds.map((r) => ({ header: r.title, width: 1.2, numeric: true })),
              { header: 'Итого баллов', width: 1.2, numeric: true },
              { header: 'Статус', width: 1.4 },
            ],
            rows,
          },
        ],
      },
    ],
  };
}

function fmtScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ',');
}

function quoteTitle(title: string): string {
  return title.startsWith('«') ? title : `«${title}»`;
}
