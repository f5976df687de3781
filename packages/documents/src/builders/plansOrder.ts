import {
  effectiveEnd,
  fail,
  PairSchema,
  PersonalProgrammeSchema,
  PersonIdSchema,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { annexLabel, guardedPairPeople, orgShort, shortName } from '../_internal/common';
import { closing, curatorPoint, head, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument, TableRowValue } from '../model';
import { formatTerm } from '../typography/dates';

registerCatalogue();

const PlansOrderInputSchema = z.object({
  ...orderBase,
  pairs: z.array(PairSchema).min(1),
  programmes: z.array(PersonalProgrammeSchema).min(1),
  curatorId: PersonIdSchema.optional(),
});

/**
 * Input of {@link buildPlansOrder}.
 *
 * @category Builders
 * @example
 * const input: PlansOrderInput = { organization, order, people, pairs, programmes };
 */
export type PlansOrderInput = z.input<typeof PlansOrderInputSchema>;

/**
 * The order approving the personal programmes / individual plans of the
 * pairs (003 roadmap 8): a table of programmes with their terms and goals.
 *
 * @category Builders
 * @example
 * const doc = buildPlansOrder({ organization, order, people, pairs, programmes });
 */
export function buildPlansOrder(input: PlansOrderInput): NastavnikDocument {
  const v = parse(PlansOrderInputSchema, input);
  const pairs = v.programmes.map((pp, i) => {
    const pair = v.pairs.find((p) => p.id === pp.pairId);
    if (!pair) {
      throw fail('unknown_reference', ['programmes', i, 'pairId'], { ref: 'pairOfProgramme', id: pp.pairId });
    }
    return { pair, at: ['programmes', i], personAt: ['programmes', i, 'pairId'] };
  });
  // 152-ФЗ ст. 9: the policy's consents for the pair's work, before any name is printed.
  const resolved = guardedPairPeople(v, pairs, v.order.date).map((p, i) => ({
    ...p,
    pp: v.programmes[i] as (typeof v.programmes)[number],
  }));
  const rows: TableRowValue[] = resolved.map(({ pp, mentor, mentees }, i) => {
    return {
      cells: [
        `${i + 1}.`,
        shortName(mentor),
        mentees.map(shortName).join(',\n'),
        formatTerm(pp.start, effectiveEnd(pp)),
        pp.goals.join('; '),
        String(pp.plan.length),
      ],
    };
  });
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text: `${v.basis ?? `В соответствии с Положением о системе наставничества в ${orgShort(v.organization)} и дорожной картой (планом мероприятий) по его реализации`},`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: 'Утвердить персонализированные программы наставничества (индивидуальные планы) наставнических пар (групп) согласно приложению.',
    },
    {
      kind: 'numbered',
      number: '2.',
      text: 'Наставникам и наставляемым обеспечить выполнение мероприятий индивидуальных планов в установленные сроки.',
    },
  ];
  const curator = curatorPoint(
    v,
    3,
    'осуществлять мониторинг реализации персонализированных программ наставничества.',
  );
  blocks.push(...curator, ...closing(v, 3 + curator.length));
  return {
    meta: { kind: 'plansOrder', title: v.order.title },
    blocks,
    annexes: [
      {
        label: annexLabel(v.order),
        blocks: [
          { kind: 'title', text: 'Перечень персонализированных программ наставничества' },
          {
            kind: 'table',
            caption: 'Персонализированные программы',
            showCaption: false,
            columns: [
              { header: '№ п/п', width: 0.7 },
              { header: 'Наставник', width: 2.2 },
              { header: 'Наставляемый', width: 2.2 },
              { header: 'Срок реализации', width: 2.2 },
              { header: 'Цели программы', width: 4 },
              { header: 'Мероприятий в плане', width: 1.2, numeric: true },
            ],
            rows,
          },
        ],
      },
    ],
  };
}
