import {
  ExtensionSchema,
  effectiveEnd,
  fail,
  formatName,
  IsoDateSchema,
  PairSchema,
  type Person,
  PersonalProgrammeSchema,
  PersonIdSchema,
  parse,
  registerCatalogue,
  type TerminationReason,
  TerminationReasonSchema,
  terminationReasonLabels,
} from '@nastavnik/core';
import { z } from 'zod';
import {
  acquaintance,
  addressee,
  capitalize,
  findPerson,
  guardConsents,
  orgShort,
  pairPeople,
  pairSubjects,
  personIn,
  signature,
} from '../_internal/common';
import { control, head, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument } from '../model';
import { formatDateLong, formatDateShort } from '../typography/dates';
import { byGender } from '../typography/names';

registerCatalogue();

const PairChangeOrderInputSchema = z.object({
  ...orderBase,
  pair: PairSchema,
  programme: PersonalProgrammeSchema,
  curatorId: PersonIdSchema.optional(),
  change: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('terminate'),
      date: IsoDateSchema,
      reason: TerminationReasonSchema,
      details: z.string().trim().min(1).max(1000).optional(),
    }),
    z.object({ kind: z.literal('extend'), extension: ExtensionSchema }),
  ]),
});

/**
 * Input of {@link buildPairChangeOrder}.
 *
 * @category Builders
 * @example
 * const input: PairChangeOrderInput = { organization, order, people, pair, programme,
 *   change: { kind: 'terminate', date: '2024-02-01', reason: 'mutualDecision' } };
 */
export type PairChangeOrderInput = z.input<typeof PairChangeOrderInputSchema>;

/**
 * The order on early termination of a pair's personal programme (003 §7.1,
 * with the reason) or on its extension by mutual agreement (003 §7.2).
 *
 * @category Builders
 * @example
 * const doc = buildPairChangeOrder({ organization, order, people, pair, programme,
 *   change: { kind: 'extend', extension: { newEnd: '2024-12-27', agreedAt: '2024-05-20', reason: 'подготовка к аттестации' } } });
 */
export function buildPairChangeOrder(input: PairChangeOrderInput): NastavnikDocument {
  const v = parse(PairChangeOrderInputSchema, input);
  const { mentor, mentees } = pairPeople(v);
  // 152-ФЗ ст. 9: an extension needs the pair's consents in force. A termination does not: it records
  // the end of processing (a withdrawal ends the pair, ст. 9 ч. 2; the order is the school's own act).
  if (v.change.kind === 'extend') {
    guardConsents(v, pairSubjects({ mentor, mentees }, ['pair']), 'pair', v.order.date);
  }
  const pairText = `наставник — ${formatName(mentor.name, 'lastFirst')}, ${mentees.length > 1 ? 'наставляемые' : 'наставляемый'} — ${mentees.map((m) => formatName(m.name, 'lastFirst')).join(', ')}`;
  const blocks: Block[] = [...head(v)];
  if (v.change.kind === 'terminate') {
    if (v.change.date < v.programme.start) {
      throw fail('invalid_date_range', ['change', 'date'], { reason: 'completionBeforeStart' });
    }
    blocks.push(
      {
        kind: 'paragraph',
        text: `${v.basis ?? `В соответствии с п. 7.1 Положения о системе наставничества в ${orgShort(v.organization)}`},`,
      },
      ...ORDER_WORD(v.order),
      {
        kind: 'numbered',
        number: '1.',
        text: `Завершить досрочно с ${formatDateShort(v.change.date)} реализацию персонализированной программы наставничества наставнической пары (${pairText}) ${reasonLabel(v.change.reason, mentees.length)}${v.change.details ? `: ${v.change.details}` : ''}.`,
      },
    );
    if (v.curatorId) {
      const curator = findPerson(v.people, v.curatorId, ['curatorId']);
      blocks.push({
        kind: 'numbered',
        number: '2.',
        text: `${address(curator)} внести изменения в базу наставников и наставляемых, организовать психолого-педагогическое сопровождение ${mentees.length > 1 ? 'наставляемых' : byGender(mentees[0]?.gender, { female: 'наставляемой', male: 'наставляемого', neutral: 'наставляемого' })} и продолжить поиск наставника.`,
      });
    }
  } else {
    const ext = v.change.extension;
    const end = effectiveEnd(v.programme);
    if (ext.newEnd <= end) {
      throw fail('invalid_date_range', ['change', 'extension', 'newEnd'], { reason: 'extensionNotLater' });
    }
    blocks.push(
      {
        kind: 'paragraph',
        text: `${v.basis ?? `В соответствии с п. 7.2 Положения о системе наставничества в ${orgShort(v.organization)}, по обоюдному согласию наставника и наставляемого от ${formatDateShort(ext.agreedAt)}`},`,
      },
      ...ORDER_WORD(v.order),
      {
        kind: 'numbered',
        number: '1.',
        text: `Продлить срок реализации персонализированной программы наставничества наставнической пары (${pairText}) до ${formatDateLong(ext.newEnd, { quoted: false })} в связи с необходимостью ${reasonGenitive(ext.reason, mentees)}.`,
      },
      {
        kind: 'numbered',
        number: '2.',
        text: `${address(mentor)} внести изменения в план мероприятий персонализированной программы наставничества.`,
      },
    );
  }
  const n = blocks.filter((b) => b.kind === 'numbered').length + 1;
  blocks.push(
    control(v.order, n),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  );
  return {
    meta: {
      kind: v.change.kind === 'terminate' ? 'terminationOrder' : 'extensionOrder',
      title: v.order.title,
    },
    blocks,
    annexes: [],
  };
}

/** «Яковлевой Е. С., заместителю директора по УВР,» — or «Вишневской В. А.» with no comma when there is no position. */
function address(p: Person): string {
  return p.position ? `${capitalize(addressee(p))},` : capitalize(personIn(p, 'dative', false));
}

/** The reason of 003 §7.1 in the number of the pair's mentees: «по инициативе наставляемых» for a group. */
function reasonLabel(reason: TerminationReason, mentees: number): string {
  const label = terminationReasonLabels[reason].ru;
  return mentees > 1 ? label.replace('наставляемого', 'наставляемых') : label;
}

const GENITIVE_FIRST: readonly [RegExp, string][] = [
  [/^(.*)ка$/u, '$1ки'],
  [/^(.*)га$/u, '$1ги'],
  [/^(.*)ия$/u, '$1ии'],
  [/^(.*)ие$/u, '$1ия'],
  [/^(.*)а$/u, '$1ы'],
  [/^(.*)ь$/u, '$1и'],
];

/**
 * «Подготовка наставляемого к конкурсу» after «в связи с необходимостью» becomes «подготовки
 * наставляемой к конкурсу» (a female mentee) or «подготовки наставляемых …» (a group): the
 * first noun in the genitive, the mentee in their gender and number.
 */
function reasonGenitive(reason: string, mentees: readonly Person[]): string {
  const [first = '', ...rest] = reason
    .trim()
    .replace(/[.;]+$/u, '')
    .split(/\s+/u);
  const lower = first.charAt(0).toLowerCase() + first.slice(1);
  const rule = GENITIVE_FIRST.find(([re]) => re.test(lower));
  const head = rule ? lower.replace(rule[0], rule[1]) : lower;
  const who =
    mentees.length > 1
      ? 'наставляемых'
      : byGender(mentees[0]?.gender, {
          female: 'наставляемой',
          male: 'наставляемого',
          neutral: 'наставляемого',
        });
  return [head, ...rest].join(' ').replace(/наставляемого/u, who);
}
