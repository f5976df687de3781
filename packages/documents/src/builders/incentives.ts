import {
  evaluateIncentives,
  fail,
  type IncentiveCondition,
  type IncentiveForm,
  IncentiveSystemSchema,
  IsoDateSchema,
  MentorResultSchema,
  OrganizationSchema,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import {
  acquaintance,
  annexLabel,
  findPerson,
  guardConsents,
  NBSP,
  orgShort,
  signature,
} from '../_internal/common';
import { control, head, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument, TableRowValue } from '../model';
import { formatTerm } from '../typography/dates';
import { nameIn } from '../typography/names';
import { formatNumber, plural } from '../typography/numbers';
import { declinePosition } from '../typography/positions';

const KIND_RU: Readonly<Record<IncentiveForm['kind'], string>> = {
  certificate: 'грамота',
  letterOfThanks: 'благодарственное письмо',
  ratingPoints: 'баллы в рейтинге наставников',
  bonus: 'премия',
  other: 'иная форма',
};

function formSize(f: IncentiveForm): string {
  if (f.kind === 'ratingPoints' && f.points !== undefined)
    return `${f.points}${NBSP}${plural(f.points, ['балл', 'балла', 'баллов'])}`;
  if (f.kind === 'bonus' && f.amount !== undefined) return `${formatNumber(f.amount)}${NBSP}руб.`;
  return '—';
}

/** A condition as the decision prints it. */
function conditionText(c: IncentiveCondition): string {
  switch (c.kind) {
    case 'completedProgrammes':
      return `завершено не менее ${c.min}${NBSP}${plural(c.min, ['персонализированной программы', 'персонализированных программ', 'персонализированных программ'])} наставничества`;
    case 'competitionPlace':
      return c.maxPlace === 1
        ? `1${NBSP}место в конкурсе профессионального мастерства`
        : `место с 1 по ${c.maxPlace} в конкурсе профессионального мастерства`;
    case 'satisfaction':
      return `удовлетворённость наставляемых не ниже ${formatNumber(c.minPercent)}${NBSP}% (не менее ${c.minResponses}${NBSP}${plural(c.minResponses, ['анкеты', 'анкет', 'анкет'])})`;
    case 'yearsAsMentor':
      return `опыт наставнической деятельности не менее ${formatNumber(c.min)}${NBSP}${plural(c.min, ['года', 'лет', 'лет'])}`;
  }
}

const IncentivesDecisionInputSchema = z.object({
  ...orderBase,
  system: IncentiveSystemSchema,
  /** Who the system is for, in the genitive after «наставников» (default: «и кураторов»). */
  alsoCurators: z.boolean().default(true),
});

/**
 * Input of {@link buildIncentivesDecision}.
 *
 * @category Builders
 * @example
 * const input: IncentivesDecisionInput = { organization, order, system };
 */
export type IncentivesDecisionInput = z.input<typeof IncentivesDecisionInputSchema>;

/**
 * The authority's (or school's) order approving the system of motivation
 * and incentives for mentors and curators (001 1.4: «решение о формах и
 * условиях поощрения»): the points of the order, and an annex with the
 * forms of incentive (kind, size) and the conditions under which each is
 * given. Names nobody.
 *
 * @category Builders
 * @example
 * const doc = buildIncentivesDecision({ organization, order: { ...order, kind: 'approveIncentives' }, system });
 * const bytes = await renderDocx(doc);
 */
export function buildIncentivesDecision(input: IncentivesDecisionInput): NastavnikDocument {
  const v = parse(IncentivesDecisionInputSchema, input);
  const s = v.system;
  const who = v.alsoCurators ? 'наставников и кураторов' : 'наставников';
  const formOf = new Map(s.forms.map((f) => [f.id, f]));
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text:
        v.basis ??
        `В целях повышения престижа наставничества, поддержки и мотивации ${who}, реализующих программы наставничества, в соответствии с дорожной картой реализации программы наставничества,`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Утвердить формы и условия поощрения ${who} (приложение).`,
    },
    {
      kind: 'numbered',
      number: '2.',
      text: `Руководителям образовательных организаций ежегодно по итогам учебного года представлять сведения о результатах ${who} (завершённые программы наставничества, результаты конкурсов профессионального мастерства, удовлетворённость наставляемых) для принятия решения о поощрении.`,
    },
    {
      kind: 'numbered',
      number: '3.',
      text: 'Поощрение оформлять приказом с указанием формы поощрения и условия, на основании которого оно назначено.',
    },
    control(v.order, 4),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  ];
  const formRows: TableRowValue[] = s.forms.map((f, i) => ({
    cells: [String(i + 1), f.title, KIND_RU[f.kind], formSize(f)],
  }));
  const ruleRows: TableRowValue[] = s.rules.map((r, i) => {
    const f = formOf.get(r.formId) as IncentiveForm;
    const limit =
      r.maxRecipients !== undefined
        ? `; не более ${r.maxRecipients}${NBSP}${plural(r.maxRecipients, ['наставника', 'наставников', 'наставников'])} в год, при равенстве результатов поощряются все`
        : '';
    return {
      cells: [String(i + 1), r.title, `${r.conditions.map(conditionText).join('; ')}${limit}`, f.title],
    };
  });
  return {
    meta: { kind: 'incentivesDecision', title: v.order.title },
    blocks,
    annexes: [
      {
        label: annexLabel(v.order),
        blocks: [
          { kind: 'title', text: `Формы и условия поощрения ${who}`, subtitle: s.title },
          { kind: 'heading', text: '1. Формы поощрения', level: 2 },
          {
            kind: 'table',
            caption: 'Формы поощрения',
            showCaption: false,
            columns: [
              { header: '№', width: 0.5, numeric: true },
              { header: 'Форма поощрения', width: 4 },
              { header: 'Вид', width: 2.2 },
              { header: 'Размер', width: 1.4 },
            ],
            rows: formRows,
          },
          { kind: 'heading', text: '2. Условия поощрения', level: 2 },
          {
            kind: 'paragraph',
            text: 'Поощрение назначается, если выполнены все условия правила; пороговые значения включаются. Сведения о результатах представляются без персональных данных наставляемых.',
          },
          {
            kind: 'table',
            caption: 'Условия поощрения',
            showCaption: false,
            columns: [
              { header: '№', width: 0.5, numeric: true },
              { header: 'За что', width: 2.6 },
              { header: 'Условия (все одновременно)', width: 4 },
              { header: 'Форма поощрения', width: 2.2 },
            ],
            rows: ruleRows,
          },
        ],
      },
    ],
  };
}

const AwardOrderInputSchema = z.object({
  ...orderBase,
  system: IncentiveSystemSchema,
  results: z.array(MentorResultSchema),
  period: z.object({ start: IsoDateSchema, end: IsoDateSchema }),
  /** The decision that approved the system, as printed in the preamble («приказ от 01.09.2023 № 12»). */
  decisionRef: z.string().trim().min(1).max(300).optional(),
  /** The schools of the mentors: an authority's order prints the school after the position. */
  organizations: z.array(OrganizationSchema).default([]),
});

/**
 * Input of {@link buildAwardOrder}.
 *
 * @category Builders
 * @example
 * const input: AwardOrderInput = { organization, order, people, consents, system, results, period: { start: '2023-09-01', end: '2024-05-31' } };
 */
export type AwardOrderInput = z.input<typeof AwardOrderInputSchema>;

/** The lead of a point («Наградить … следующих наставников:») and the case its names take. */
function lead(f: IncentiveForm): { text: string; case: 'accusative' | 'dative' } {
  const t = lowerFirst(f.title);
  switch (f.kind) {
    case 'certificate':
      return {
        text: `Наградить ${declineTitle(t, 'instrumental')} следующих наставников:`,
        case: 'accusative',
      };
    case 'letterOfThanks':
      return { text: `Вручить ${declineTitle(t, 'accusative')} следующим наставникам:`, case: 'dative' };
    case 'ratingPoints':
      return {
        text: `Начислить по ${formSize(f)} в рейтинге наставников следующим наставникам:`,
        case: 'dative',
      };
    case 'bonus':
      return {
        text: `Выплатить ${declineTitle(t, 'accusative')} в размере ${formSize(f)} следующим наставникам:`,
        case: 'dative',
      };
    case 'other':
      return { text: `Поощрить (${t}) следующих наставников:`, case: 'accusative' };
  }
}

function lowerFirst(s: string): string {
  return /^[А-ЯЁ][а-яё]/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/**
 * The first two words of an award's title in a case, as titles of awards
 * are written (feminine adjective and noun; a neuter «письмо» does not
 * change in the accusative): «почётная грамота» → «почётной грамотой» /
 * «почётную грамоту»; «премия» → «премией» / «премию».
 */
function declineTitle(title: string, c: 'instrumental' | 'accusative'): string {
  const words = title.split(' ');
  const fix = (w: string) =>
    c === 'instrumental'
      ? w
          .replace(/ая$/u, 'ой')
          .replace(/яя$/u, 'ей')
          .replace(/(?<=[а-яё])(?<![жшщчц])а$/u, 'ой')
          .replace(/(?<=[жшщчц])а$/u, 'ей')
          .replace(/(?<=[а-яё])я$/u, 'ей')
      : w
          .replace(/ая$/u, 'ую')
          .replace(/яя$/u, 'юю')
          .replace(/(?<=[а-яё])а$/u, 'у')
          .replace(/(?<=[а-яё])я$/u, 'ю');
  return [...words.slice(0, 2).map(fix), ...words.slice(2)].join(' ');
}

/**
 * The order awarding named mentors for a period under the approved system
 * (001 1.4, 7.8): core's `evaluateIncentives` decides who qualifies for
 * which form; one point per form lists the mentors (declined: «Наградить
 * Почётной грамотой Иванову А. П., учителя математики»; «Выплатить премию
 * Ивановой А. П.») with the rule that qualified them. Mentors left out by a
 * rule's limit are not printed. Everyone named needs the consents the
 * policy requires for `documents`, checked before any name is printed.
 * Refuses an order with nobody to award.
 *
 * @category Builders
 * @example
 * const doc = buildAwardOrder({ organization, order: { ...order, kind: 'awardMentors' }, people, consents, system, results,
 *   period: { start: '2023-09-01', end: '2024-05-31' } });
 */
export function buildAwardOrder(input: AwardOrderInput): NastavnikDocument {
  const v = parse(AwardOrderInputSchema, input);
  if (v.period.end < v.period.start) {
    throw fail('invalid_date_range', ['period', 'end'], { reason: 'periodEndsBeforeStart' });
  }
  const { awards } = evaluateIncentives(v.system, v.results);
  if (awards.length === 0)
    throw fail('too_small', ['results'], { minimum: 1, origin: 'array', inclusive: true });
  const resultIndex = new Map(v.results.map((r, i) => [r.mentorId as string, i]));
  const mentors = new Map(
    awards.map((a) => [
      a.mentorId as string,
      findPerson(v.people, a.mentorId, ['results', resultIndex.get(a.mentorId) ?? 0, 'mentorId']),
    ]),
  );
  guardConsents(
    v,
    [...mentors.entries()].map(([id, person]) => ({
      person,
      role: 'mentor' as const,
      path: ['results', resultIndex.get(id) ?? 0, 'mentorId'],
    })),
    'documents',
    v.order.date,
  );
  const ruleOf = new Map(v.system.rules.map((r) => [r.id, r]));
  const points: Block[] = [];
  let n = 0;
  for (const form of v.system.forms) {
    const mine = awards.filter((a) => a.formId === form.id);
    if (mine.length === 0) continue;
    n++;
    const verb = lead(form);
    // One line per mentor, with every rule that qualified them for this form.
    const byMentor = new Map<string, string[]>();
    for (const a of mine)
      byMentor.set(a.mentorId, [...(byMentor.get(a.mentorId) ?? []), ruleOf.get(a.ruleId)?.title ?? '']);
    points.push({
      kind: 'numbered',
      number: `${n}.`,
      text: verb.text,
    });
    const items = [...byMentor.entries()].map(([id, why]) => {
      const p = mentors.get(id) as NonNullable<ReturnType<typeof mentors.get>>;
      const name = nameIn(p.name, p.gender, verb.case);
      const org = v.organizations.find((o) => o.id === p.organizationId);
      const where = [
        ...(p.position
          ? [declinePosition(p.position, verb.case === 'dative' ? 'dative' : 'accusative')]
          : []),
        ...(org && org.id !== v.organization.id ? [orgShort(org)] : []),
      ].join(' ');
      return `${name}${where ? `, ${where},` : ''} — ${why.join('; ')};`;
    });
    const last = items.length - 1;
    points.push({ kind: 'list', items: items.map((t, i) => (i === last ? `${t.slice(0, -1)}.` : t)) });
  }
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text:
        v.basis ??
        `По итогам реализации программ наставничества за период ${formatTerm(v.period.start, v.period.end)}, в соответствии с формами и условиями поощрения наставников${v.decisionRef ? `, утверждёнными ${v.decisionRef}` : ` («${v.system.title}»)`},`,
    },
    ...ORDER_WORD(v.order),
    ...points,
    {
      kind: 'numbered',
      number: `${n + 1}.`,
      text: 'Информацию о поощрении наставников разместить на официальном сайте; фамилии наставников публикуются только с их согласия на распространение персональных данных.',
    },
    control(v.order, n + 2),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  ];
  return { meta: { kind: 'awardOrder', title: v.order.title }, blocks, annexes: [] };
}
