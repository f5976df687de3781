import {
  ConsentPolicySchema,
  ConsentSchema,
  defaultConsentPolicy,
  fail,
  formatName,
  IsoDateSchema,
  mayProcessFor,
  OrganizationSchema,
  ParticipantRoleSchema,
  PersonIdSchema,
  PersonNameSchema,
  PersonSchema,
  parse,
  participantRoleLabels,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { findPerson, orgHeader, orgShort } from '../_internal/common';
import type { Block, NastavnikDocument, TableRowValue } from '../model';
import { formatDateLong, formatDateShort, formatTerm } from '../typography/dates';
import { formatCount, formatPercent } from '../typography/numbers';

registerCatalogue();

/**
 * One coverage indicator: a share as numerator over denominator (e.g.
 * pupils aged 10–18 involved as mentees / all pupils aged 10–18), with an
 * optional target in percent.
 *
 * @category Reports
 * @example
 * const row: IndicatorRowInput = { label: 'Доля обучающихся 10–18 лет — наставляемых', numerator: 290, denominator: 400, target: 70 };
 */
export const IndicatorRowSchema = z
  .object({
    label: z.string().trim().min(1).max(500),
    numerator: z.number().int().min(0),
    denominator: z.number().int().min(0),
    target: z.number().min(0).max(100).optional(),
    /** What the numerator and denominator count: people by default («чел.»), or pairs, meetings, activities. */
    unit: z.enum(['чел.', 'пар', 'встреч', 'мероприятий', 'запросов']).default('чел.'),
  })
  .refine((r) => r.numerator <= r.denominator || r.denominator === 0, {
    message: 'numerator > denominator',
    path: ['numerator'],
  });
/** An indicator row as written. @category Reports @example const r: IndicatorRowInput = { label: 'Доля', numerator: 1, denominator: 2 }; */
export type IndicatorRowInput = z.input<typeof IndicatorRowSchema>;

/**
 * Roll shares up as the SDK always does: summed numerators over summed
 * denominators, never a mean of percentages.
 *
 * @category Reports
 * @example
 * rollUpShare([{ numerator: 1, denominator: 2 }, { numerator: 9, denominator: 10 }]); // 10 / 12 = 0.8333…
 */
export function rollUpShare(rows: readonly { numerator: number; denominator: number }[]): number {
  const num = rows.reduce((s, r) => s + r.numerator, 0);
  const den = rows.reduce((s, r) => s + r.denominator, 0);
  return den === 0 ? 0 : num / den;
}

const ScoreSchema = z.object({ label: z.string().trim().min(1).max(300), value: z.number().min(0).max(10) });

const ReportInputSchema = z.object({
  organization: OrganizationSchema,
  date: IsoDateSchema,
  period: z.object({ start: IsoDateSchema, end: IsoDateSchema }),
  author: z.object({ position: z.string().trim().min(1).max(200), name: PersonNameSchema }),
  counts: z
    .object({
      mentors: z.number().int().min(0),
      mentees: z.number().int().min(0),
      pairs: z.number().int().min(0),
      groups: z.number().int().min(0).default(0),
      completed: z.number().int().min(0).default(0),
      terminatedEarly: z.number().int().min(0).default(0),
      menteesWithoutPair: z.number().int().min(0).default(0),
    })
    .optional(),
  coverage: z.array(IndicatorRowSchema).default([]),
  /** Mean satisfaction scores (1–10) from the satisfaction / feedback surveys. */
  satisfaction: z.array(ScoreSchema).default([]),
  events: z.array(z.string().trim().min(1).max(1000)).default([]),
  conclusions: z.array(z.string().trim().min(1).max(2000)).default([]),
  proposals: z.array(z.string().trim().min(1).max(2000)).default([]),
});

/**
 * Input of {@link buildMonitoringReport} and {@link buildFinalReport}.
 *
 * @category Reports
 * @example
 * const input: ReportInput = { organization, date: '2024-05-31', period: { start: '2023-09-01', end: '2024-05-31' },
 *   author: { position: 'заместитель директора по УВР', name }, coverage: [] };
 */
export type ReportInput = z.input<typeof ReportInputSchema>;

function indicatorTable(rows: z.output<typeof IndicatorRowSchema>[]): Block {
  const body: TableRowValue[] = rows.map((r) => {
    const share = r.denominator === 0 ? 0 : (r.numerator / r.denominator) * 100;
    return {
      cells: [
        r.label,
        String(r.numerator),
        String(r.denominator),
        r.unit,
        formatPercent(r.numerator, r.denominator),
        r.target === undefined ? '—' : formatPercent(r.target, 100),
        r.target === undefined ? '—' : share + 1e-9 >= r.target ? 'да' : 'нет',
      ],
    };
  });
  return {
    kind: 'table',
    caption: 'Показатели охвата',
    showCaption: false,
    columns: [
      // Wide enough on A4 portrait that «13,1 %» and «Знаменатель» never break; the mark is «да» / «нет»
      // under «Цель достигнута» (a bound «не достигнуто» was too wide for seven columns).
      { header: 'Показатель', width: 3.2 },
      { header: 'Числитель', width: 1.3, numeric: true },
      { header: 'Знаменатель', width: 1.5, numeric: true },
      { header: 'Единица', width: 1.3 },
      { header: 'Доля', width: 1.3, numeric: true },
      { header: 'Цель', width: 1.1, numeric: true },
      { header: 'Цель достигнута', width: 1.6 },
    ],
    rows: body,
  };
}

const CLAIMS_FULL = /в\s+(запланированном|полном)\s+объ[её]ме|все\s+(целевые\s+)?показатели\s+достигнуты/iu;

/** One sentence per indicator with a target: reached or not, by how much. */
function derivedConclusions(rows: readonly z.output<typeof IndicatorRowSchema>[]): string[] {
  return rows.flatMap((r) => {
    if (r.target === undefined) return [];
    const share = r.denominator === 0 ? 0 : (r.numerator / r.denominator) * 100;
    const value = formatPercent(r.numerator, r.denominator);
    const target = formatPercent(r.target, 100);
    if (share + 1e-9 >= r.target)
      return [`Показатель «${r.label}» достигнут: ${value} при целевом значении ${target}.`];
    const gap = (Math.round((r.target - share) * 10) / 10).toFixed(1).replace('.', ',').replace(/,0$/u, '');
    return [
      `Показатель «${r.label}» не достигнут: ${value} при целевом значении ${target} (отставание ${gap} п.\u00a0п.); требуются меры по вовлечению участников.`,
    ];
  });
}

function reportBlocks(v: z.output<typeof ReportInputSchema>, final: boolean): Block[] {
  // A conclusion that the programme is done in full cannot stand beside a missed target.
  const missed = v.coverage.some(
    (r) =>
      r.target !== undefined &&
      (r.denominator === 0 ? 0 : (r.numerator / r.denominator) * 100) + 1e-9 < r.target,
  );
  if (missed) {
    const i = v.conclusions.findIndex((c) => CLAIMS_FULL.test(c));
    if (i >= 0) throw fail('invalid_value', ['conclusions', i]);
  }
  const blocks: Block[] = [
    orgHeader(v.organization),
    {
      kind: 'title',
      text: final
        ? 'Итоговый аналитический отчёт о реализации системы наставничества'
        : 'Отчёт куратора о мониторинге реализации программы наставничества',
      subtitle: `за период ${formatTerm(v.period.start, v.period.end)}`,
    },
  ];
  let n = 1;
  if (v.counts) {
    const c = v.counts;
    blocks.push(
      { kind: 'heading', level: 1, text: `${n++}. Участники программы` },
      // Counts with their nouns agreed, the number first: «18 наставнических пар, 6 наставнических групп».
      {
        kind: 'paragraph',
        text: `Итого: ${formatCount(c.mentors, ['наставник', 'наставника', 'наставников'])} и ${formatCount(c.mentees, ['наставляемый', 'наставляемых', 'наставляемых'])}; ${formatCount(c.pairs, ['наставническая пара', 'наставнические пары', 'наставнических пар'])}, ${formatCount(c.groups, ['наставническая группа', 'наставнические группы', 'наставнических групп'])}.`,
      },
      {
        kind: 'table',
        caption: 'Участники',
        showCaption: false,
        columns: [
          { header: 'Показатель', width: 4 },
          { header: 'Количество', width: 1, numeric: true },
        ],
        rows: [
          { cells: ['Наставников', String(c.mentors)] },
          { cells: ['Наставляемых', String(c.mentees)] },
          { cells: ['Наставнических пар', String(c.pairs)] },
          { cells: ['Наставнических групп', String(c.groups)] },
          { cells: ['Программ завершено', String(c.completed)] },
          { cells: ['Программ завершено досрочно', String(c.terminatedEarly)] },
          {
            cells: [
              'Наставляемых, не сформировавших пару (сопровождение, поиск наставника)',
              String(c.menteesWithoutPair),
            ],
          },
        ],
      },
    );
  }
  if (v.coverage.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: `${n++}. Показатели охвата` }, indicatorTable(v.coverage));
    blocks.push({
      kind: 'paragraph',
      text: 'Доли рассчитаны как отношение суммы числителей к сумме знаменателей, без усреднения процентов.',
    });
    blocks.push({
      kind: 'chart',
      title: 'Показатели охвата, %',
      unit: '%',
      bars: v.coverage.map((r) => ({
        label: r.label,
        value: Math.round((r.denominator === 0 ? 0 : (r.numerator / r.denominator) * 100) * 10) / 10,
      })),
    });
  }
  if (v.satisfaction.length > 0) {
    blocks.push(
      { kind: 'heading', level: 1, text: `${n++}. Удовлетворённость участников` },
      {
        kind: 'table',
        caption: 'Удовлетворённость',
        showCaption: false,
        columns: [
          { header: 'Группа участников, вопрос', width: 4 },
          { header: 'Средний балл (1–10)', width: 1.5, numeric: true },
        ],
        rows: v.satisfaction.map((s) => ({ cells: [s.label, s.value.toFixed(1).replace('.', ',')] })),
      },
      {
        kind: 'chart',
        title: 'Удовлетворённость участников, баллы из 10',
        max: 10,
        bars: v.satisfaction.map((s) => ({ label: s.label, value: s.value })),
      },
    );
  }
  if (v.events.length > 0)
    blocks.push(
      { kind: 'heading', level: 1, text: `${n++}. Проведённые мероприятия` },
      { kind: 'list', items: v.events },
    );
  // Conclusions start from the indicators themselves; the author's own follow them.
  const conclusions = [...derivedConclusions(v.coverage), ...v.conclusions];
  if (conclusions.length > 0)
    blocks.push({ kind: 'heading', level: 1, text: `${n++}. Выводы` }, { kind: 'list', items: conclusions });
  if (v.proposals.length > 0) {
    blocks.push(
      {
        kind: 'heading',
        level: 1,
        text: `${n++}. ${final ? 'Рекомендации и задачи на следующий учебный год' : 'Предложения'}`,
      },
      { kind: 'list', items: v.proposals },
    );
  }
  blocks.push({
    kind: 'signatures',
    items: [
      {
        role: v.author.position.charAt(0).toUpperCase() + v.author.position.slice(1),
        name: formatName(v.author.name, 'initialsFirst'),
      },
    ],
    date: formatDateShort(v.date),
  });
  return blocks;
}

/**
 * The curator's monitoring report (003 §3.4; 001 2.6, 6.6: January,
 * December and May): participants, coverage indicators with targets, mean
 * satisfaction, events, conclusions — with charts where they say more.
 *
 * @category Reports
 * @example
 * const doc = buildMonitoringReport({ organization, date: '2024-01-20', period: { start: '2023-09-01', end: '2023-12-31' },
 *   author: { position: 'заместитель директора по УВР', name }, coverage: [{ label: 'Доля', numerator: 29, denominator: 40, target: 70 }] });
 */
export function buildMonitoringReport(input: ReportInput): NastavnikDocument {
  const v = parse(ReportInputSchema, input);
  return {
    meta: { kind: 'monitoringReport', title: 'Отчёт о мониторинге программы наставничества' },
    blocks: reportBlocks(v, false),
    annexes: [],
  };
}

/**
 * The final analytical report of the year (003 §3.4; 001 7.6; 004 §6): the
 * same sections as the monitoring report, with recommendations for next
 * year's roadmap.
 *
 * @category Reports
 * @example
 * const doc = buildFinalReport(input);
 * const xlsx = await renderXlsx(doc); // its indicator tables
 */
export function buildFinalReport(input: ReportInput): NastavnikDocument {
  const v = parse(ReportInputSchema, input);
  return {
    meta: { kind: 'finalReport', title: 'Итоговый аналитический отчёт' },
    blocks: reportBlocks(v, true),
    annexes: [],
  };
}

// ---------------------------------------------------------------------------

const PressReleaseInputSchema = z.object({
  organization: OrganizationSchema,
  date: IsoDateSchema,
  headline: z.string().trim().min(1).max(300),
  lead: z.string().trim().min(1).max(2000),
  paragraphs: z.array(z.string().trim().min(1).max(5000)).default([]),
  /** People the news mentions; named only with a `publication` consent valid on `date`. */
  mentions: z
    .array(
      z.object({
        personId: PersonIdSchema,
        role: ParticipantRoleSchema,
        /** What to say about them («подготовила проект по робототехнике»). */
        text: z.string().trim().min(1).max(1000),
      }),
    )
    .default([]),
  people: z.array(PersonSchema).default([]),
  consents: z.array(ConsentSchema).default([]),
  /** The consent policy (core's default unless given): its `publication` verdict decides who is named. */
  consentPolicy: ConsentPolicySchema.default(defaultConsentPolicy),
  contact: z.string().trim().min(1).max(300).optional(),
});

/**
 * Input of {@link buildPressRelease}.
 *
 * @category Builders
 * @example
 * const input: PressReleaseInput = { organization, date: '2024-05-25', headline: 'Итоги года наставничества', lead: '…' };
 */
export type PressReleaseInput = z.input<typeof PressReleaseInputSchema>;

/**
 * A press release / site news item (001 2.5, 6.3, 7.5; 003 §8). People are
 * named only when the consent policy allows `publication` for them (by
 * default the separate consent to dissemination, 152-ФЗ ст. 10.1, and the
 * processing consent; for a minor, a parent's); otherwise the text says only their
 * role («наставник», «наставляемый»). No other personal data is printed.
 *
 * @category Builders
 * @example
 * const doc = buildPressRelease({ organization, date: '2024-05-25', headline: 'Фестиваль наставничества', lead: '…',
 *   mentions: [{ personId: 't-1', role: 'mentor', text: 'провела открытый урок' }], people, consents });
 * const html = renderHtml(doc);
 */
export function buildPressRelease(input: PressReleaseInput): NastavnikDocument {
  const v = parse(PressReleaseInputSchema, input);
  const mentionText = v.mentions.map((m, i) => {
    const p = findPerson(v.people, m.personId, ['mentions', i, 'personId']);
    // 152-ФЗ ст. 10.1: dissemination only with its separate consent (and the processing consent), per the policy.
    const allowed = mayProcessFor(v.consentPolicy, p, 'participant', 'publication', v.consents, v.date);
    const role = participantRoleLabels[m.role].ru;
    const who = allowed
      ? `${role.charAt(0).toUpperCase()}${role.slice(1)} ${formatName(p.name, 'initialsFirst')}`
      : `${role.charAt(0).toUpperCase()}${role.slice(1)}`;
    return `${who} ${m.text}`;
  });
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${orgShort(v.organization)}, ${formatDateLong(v.date, { quoted: false })}`,
      indent: false,
    },
    { kind: 'title', text: v.headline },
    { kind: 'paragraph', text: [{ text: v.lead, bold: true }] },
    ...v.paragraphs.map((p): Block => ({ kind: 'paragraph', text: p })),
  ];
  if (mentionText.length > 0) blocks.push({ kind: 'list', items: mentionText });
  if (v.contact) blocks.push({ kind: 'paragraph', text: `Контакты для СМИ: ${v.contact}`, indent: false });
  return { meta: { kind: 'pressRelease', title: v.headline }, blocks, annexes: [] };
}
