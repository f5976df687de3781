import { IsoDateSchema, PersonIdSchema, parse } from '@nastavnik/core';
import { z } from 'zod';
import { acquaintance, findPerson, orgShort, personIn, signature } from '../_internal/common';
import { AUDIENCE, control, head, MODEL, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument } from '../model';
import { formatDateLong } from '../typography/dates';
import { nameIn } from '../typography/names';

const CuratorOrderInputSchema = z.object({
  ...orderBase,
  audience: AUDIENCE,
  curatorId: PersonIdSchema,
  from: IsoDateSchema,
  /** Duties of the curator; the list of 003 §3.4 by default. */
  duties: z.array(z.string().trim().min(1).max(1000)).optional(),
});

/**
 * Input of {@link buildCuratorOrder}.
 *
 * @category Builders
 * @example
 * const input: CuratorOrderInput = { organization, order, people, curatorId: 't-1', from: '2023-09-01' };
 */
export type CuratorOrderInput = z.input<typeof CuratorOrderInputSchema>;

const CURATOR_DUTIES = [
  'не реже одного раза в год актуализировать сведения о наставляемых и наставниках;',
  'разработать дорожную карту (план мероприятий) по реализации Положения о системе наставничества;',
  'вести банк (персонифицированный учёт) наставников и наставляемых;',
  'формировать банк персонализированных программ наставничества и лучших практик;',
  'курировать разработку и реализацию персонализированных программ наставничества;',
  'осуществлять мониторинг эффективности и результативности системы наставничества, формировать итоговый аналитический отчёт;',
  'фиксировать данные о количестве участников программ наставничества в формах статистического наблюдения.',
];

/**
 * The order appointing the curator of the target model (003 §3.4: a deputy
 * head appointed by the head), with the curator's duties.
 *
 * @category Builders
 * @example
 * const doc = buildCuratorOrder({ organization, order, people, curatorId: 't-zh', from: '2023-09-01' });
 */
export function buildCuratorOrder(input: CuratorOrderInput): NastavnikDocument {
  const v = parse(CuratorOrderInputSchema, input);
  const curator = findPerson(v.people, v.curatorId, ['curatorId']);
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text: `${v.basis ?? `В целях организации внедрения ${MODEL[v.audience]} в ${orgShort(v.organization)}`},`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Назначить куратором внедрения ${MODEL[v.audience]} в ${orgShort(v.organization)} с ${formatDateLong(v.from, { quoted: false })} ${personIn(curator, 'accusative')}.`,
    },
    { kind: 'numbered', number: '2.', text: `Куратору ${nameIn(curator.name, curator.gender, 'dative')}:` },
    { kind: 'list', items: v.duties ?? CURATOR_DUTIES },
    control(v.order, 3),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  ];
  return { meta: { kind: 'curatorOrder', title: v.order.title }, blocks, annexes: [] };
}
