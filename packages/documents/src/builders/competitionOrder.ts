import {
  CompetitionSchema,
  competitionStandings,
  fail,
  PairSchema,
  parse,
  registerCatalogue,
  roundMax,
} from '@nastavnik/core';
import { z } from 'zod';
import {
  acquaintance,
  annexLabel,
  findPerson,
  guardConsents,
  NBSP,
  pairSubjects,
  shortName,
  signature,
} from '../_internal/common';
import { control, head, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument, TableRowValue } from '../model';
import { formatDateShort } from '../typography/dates';
import { formatRange } from '../typography/text';

registerCatalogue();

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
 * 6.4, 6.9), computed by core's `competitionStandings` as of the order's
 * date: only rounds held by then are printed and counted; scores per round
 * with the round's maximum in the header, the total, places ranked as a
 * rating is ranked (equal totals share a place, the next one skips), and
 * «победитель» / «призёр» only with points. The rating is a landscape annex.
 *
 * @category Builders
 * @example
 * const doc = buildCompetitionOrder({ organization, order, people, competition, pairs });
 */
export function buildCompetitionOrder(input: CompetitionOrderInput): NastavnikDocument {
  const v = parse(CompetitionOrderInputSchema, input);
  const c = v.competition;
  const standings = competitionStandings(c, { asOf: v.order.date, prizePlaces: v.prizePlaces });
  if (standings.rounds.length === 0) {
    throw fail('invalid_date_range', ['order', 'date'], { reason: 'noRoundByOrderDate' });
  }
  // 152-ФЗ ст. 9: everyone the rating names needs the policy's consents for documents, checked first.
  guardConsents(
    v,
    v.pairs.flatMap((pair, k) =>
      standings.rows.some((s) => s.pairId === pair.id)
        ? pairSubjects(
            {
              mentor: findPerson(v.people, pair.mentorId, ['pairs', k, 'mentorId']),
              mentees: pair.menteeIds.map((id, m) => findPerson(v.people, id, ['pairs', k, 'menteeIds', m])),
            },
            ['pairs', k],
          )
        : [],
    ),
    'documents',
    v.order.date,
  );
  const rows: TableRowValue[] = standings.rows.map((s) => {
    const k = v.pairs.findIndex((p) => p.id === s.pairId);
    const pair = v.pairs[k];
    if (!pair) {
      throw fail('unknown_reference', ['competition', 'scores'], { ref: 'competitionPair', id: s.pairId });
    }
    const mentor = findPerson(v.people, pair.mentorId, ['pairs', k, 'mentorId']);
    const mentees = pair.menteeIds.map((id, m) => findPerson(v.people, id, ['pairs', k, 'menteeIds', m]));
    return {
      cells: [
        String(s.place),
        shortName(mentor),
        mentees.map(shortName).join(',\n'),
        ...standings.rounds.map((r) => {
          const score = s.byRound[r.id];
          return score === undefined ? '—' : formatScore(score);
        }),
        formatScore(s.total),
        STATUS[s.status],
      ],
    };
  });
  const last = standings.rounds[standings.rounds.length - 1];
  const allHeld = standings.rounds.length === c.rounds.length;
  const stageText = allHeld
    ? `конкурса ${quoteTitle(c.title)}`
    : `${standings.rounds.length > 1 ? 'этапов' : 'этапа'} ${standings.rounds.map((r) => `«${r.title}»`).join(', ')} конкурса ${quoteTitle(c.title)}`;
  const hasWinners = standings.rows.some((r) => r.status !== 'participant');
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text: `${v.basis ?? `По итогам ${stageText} в ${formatRange(c.academicYear)} учебном году${last ? ` (${standings.rounds.length > 1 ? 'последний этап проведён' : 'этап проведён'} ${formatDateShort(last.date)})` : ''}, на основании протоколов жюри`},`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Утвердить рейтинг участников ${stageText} (приложение).`,
    },
    ...(hasWinners
      ? [
          {
            kind: 'numbered' as const,
            number: '2.',
            text: `Наградить грамотами победителей и призёров, занявших ${v.prizePlaces > 1 ? `1–${v.prizePlaces}${NBSP}места` : `1${NBSP}место`}, объявить благодарность участникам.`,
          },
        ]
      : [{ kind: 'numbered' as const, number: '2.', text: 'Объявить благодарность участникам.' }]),
    {
      kind: 'numbered',
      number: '3.',
      text: 'Разместить информацию об итогах конкурса на официальном сайте; фамилии участников публикуются только с их согласия на публикацию (для несовершеннолетних — с согласия родителя или законного представителя).',
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
        landscape: true,
        blocks: [
          {
            kind: 'title',
            text: `Рейтинг участников ${stageText}`,
            subtitle: `по состоянию на ${formatDateShort(v.order.date)}`,
          },
          {
            kind: 'table',
            caption: 'Рейтинг',
            showCaption: false,
            columns: [
              { header: 'Место', width: 0.8, numeric: true },
              { header: 'Наставник', width: 2.4 },
              { header: 'Наставляемый', width: 2.4 },
              ...standings.rounds.map((r) => ({
                header: `${r.title} (${formatDateShort(r.date)}), макс. ${formatScore(roundMax(r))}`,
                width: 1.6,
                numeric: true,
              })),
              {
                header: `Итого баллов (макс. ${formatScore(standings.maxTotal)})`,
                width: 1.4,
                numeric: true,
              },
              { header: 'Статус', width: 1.5 },
            ],
            rows,
          },
        ],
      },
    ],
  };
}

const STATUS = { winner: 'победитель', prizeWinner: 'призёр', participant: 'участник' } as const;

function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ',');
}

function quoteTitle(title: string): string {
  return title.startsWith('«') ? title : `«${title}»`;
}
