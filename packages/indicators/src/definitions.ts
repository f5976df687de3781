import { type LocalizedText, LocalizedTextSchema, parse, terminationReasonLabels } from '@nastavnik/core';
import { z } from 'zod';
import { medianOfCounts, medianOfHistogram } from './_internal/sketch';
import type { Accumulator, SelfAssessmentSums } from './accumulator';
import type { IndicatorParams } from './params';

/**
 * Units of indicator values: a percentage, a count, days, a score (1–10),
 * or a plain ratio (e.g. mentees per mentor).
 *
 * @category Indicators
 * @example
 * IndicatorUnitSchema.parse('percent');
 */
export const IndicatorUnitSchema = z.enum(['percent', 'count', 'days', 'score', 'ratio']);
/** A unit. @category Indicators @example const u: IndicatorUnit = 'days'; */
export type IndicatorUnit = z.infer<typeof IndicatorUnitSchema>;

/**
 * Which way is better.
 *
 * @category Indicators
 * @example
 * IndicatorDirectionSchema.parse('lowerIsBetter');
 */
export const IndicatorDirectionSchema = z.enum(['higherIsBetter', 'lowerIsBetter', 'neutral']);
/** A direction. @category Indicators @example const d: IndicatorDirection = 'higherIsBetter'; */
export type IndicatorDirection = z.infer<typeof IndicatorDirectionSchema>;

/**
 * The block an indicator belongs to (001 7.2, 004 §6): coverage, the quality
 * of the process, mentors, impact on participants, their satisfaction, or a
 * region's own.
 *
 * @category Indicators
 * @example
 * IndicatorBlockSchema.parse('impact');
 */
export const IndicatorBlockSchema = z.enum([
  'coverage',
  'process',
  'mentors',
  'impact',
  'satisfaction',
  'regional',
]);
/** A block. @category Indicators @example const b: IndicatorBlock = 'process'; */
export type IndicatorBlock = z.infer<typeof IndicatorBlockSchema>;

/**
 * One computed row of an indicator for one organization: numerator,
 * denominator, optionally the value (else derived from the unit: percent →
 * 100·n/d, count → n, otherwise n/d), a breakdown key, and the names of the
 * published counts ("cells") that small-cell suppression protects.
 *
 * @category Indicators
 * @example
 * const r: IndicatorResult = { numerator: 72, denominator: 100, cells: { numerator: 'pupils.mentees', denominator: 'pupils.inBand' } };
 */
export interface IndicatorResult {
  readonly breakdown?: { readonly dimension: string; readonly key: string };
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value?: number | null;
  readonly cells?: {
    /** Name of the numerator's cell; same name, same quantity, across indicators. */
    readonly numerator?: string;
    readonly denominator?: string;
    /** The numerator is a sum of measurements (scores, days), not a count of people. */
    readonly numeratorIsMeasure?: boolean;
  };
}

/**
 * A linear relation between cells of one organization: `total = Σ
 * coefficient · part` (coefficient 1 by default), e.g. programmes ended =
 * completed + terminated. Suppression makes sure no hidden cell can be
 * solved for from such a relation.
 *
 * @category Suppression
 * @example
 * const r: CellRelation = { total: 'programmes.ended', parts: ['programmes.completed', 'programmes.terminated'] };
 */
export interface CellRelation {
  readonly total: string;
  readonly parts: readonly (string | { readonly cell: string; readonly coefficient: number })[];
}

/**
 * How an indicator computes its rows from an accumulator.
 *
 * @category Indicators
 * @example
 * const compute: IndicatorCompute = (acc) => ({ numerator: acc.mentorsTrained, denominator: acc.mentors });
 */
export type IndicatorCompute = (
  acc: Readonly<Accumulator>,
  params: IndicatorParams,
) => IndicatorResult | readonly IndicatorResult[];

const CellRelationSchema = z.object({
  total: z.string().min(1),
  parts: z.array(
    z.union([z.string().min(1), z.object({ cell: z.string().min(1), coefficient: z.number() })]),
  ),
});

/**
 * Schema of an indicator definition: indicators are data (id, Russian and
 * English names, description, numerator and denominator, unit, direction,
 * optional target) plus a compute function over accumulator fields.
 *
 * @category Indicators
 * @example
 * IndicatorDefinitionSchema.parse(defaultIndicators[0]);
 */
export const IndicatorDefinitionSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/),
  block: IndicatorBlockSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  numerator: LocalizedTextSchema,
  denominator: LocalizedTextSchema,
  unit: IndicatorUnitSchema,
  direction: IndicatorDirectionSchema,
  target: z.number().finite().optional(),
  /** Seeds or acts the indicator comes from («001 7.1», «Р-145»). */
  source: z.string().max(200).optional(),
  /** Rows are a breakdown; `sumsToDenominator`: their numerators add up to the denominator. */
  breakdown: z.object({ dimension: z.string().min(1), sumsToDenominator: z.boolean() }).optional(),
  relations: z.array(CellRelationSchema).optional(),
  compute: z.custom<IndicatorCompute>((v) => typeof v === 'function', {
    message: 'compute must be a function',
  }),
});

/**
 * An indicator definition.
 *
 * @category Indicators
 * @example
 * const d: IndicatorDefinition = defaultIndicators.find((i) => i.id === 'coverage.pupilMentees')!;
 */
export interface IndicatorDefinition {
  readonly id: string;
  readonly block: IndicatorBlock;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly numerator: LocalizedText;
  readonly denominator: LocalizedText;
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  readonly target?: number;
  readonly source?: string;
  readonly breakdown?: { readonly dimension: string; readonly sumsToDenominator: boolean };
  readonly relations?: readonly CellRelation[];
  readonly compute: IndicatorCompute;
}

/**
 * Define an indicator (a region's own, or a variant of a default one):
 * validates the definition and returns it frozen. Throws a
 * `NastavnikError` for a bad definition.
 *
 * @category Indicators
 * @example
 * const ymsSessions = defineIndicator({
 *   id: 'regional.youngTeacherSchoolSessions', block: 'regional', unit: 'count', direction: 'higherIsBetter',
 *   name: { ru: 'Занятия Школы молодого учителя', en: 'Young Teacher School sessions' },
 *   description: { ru: 'Проведено занятий ШМУ', en: 'Sessions held' },
 *   numerator: { ru: 'Занятия', en: 'Sessions' }, denominator: { ru: '—', en: '—' },
 *   compute: (acc) => ({ numerator: acc.counters.get('yts.sessions') ?? 0, denominator: null }),
 * });
 * computeIndicators(ds, { asOf, period, indicators: [...defaultIndicators, ymsSessions] });
 */
export function defineIndicator(definition: IndicatorDefinition): IndicatorDefinition {
  parse(IndicatorDefinitionSchema, definition, ['definition']);
  return Object.freeze({ ...definition });
}

const t = (ru: string, en: string): LocalizedText => ({ ru, en });

function share(
  id: string,
  block: IndicatorBlock,
  name: LocalizedText,
  description: LocalizedText,
  numerator: [LocalizedText, string, (a: Readonly<Accumulator>) => number],
  denominator: [LocalizedText, string, (a: Readonly<Accumulator>) => number],
  extra: Partial<Pick<IndicatorDefinition, 'direction' | 'target' | 'source' | 'relations' | 'unit'>> = {},
): IndicatorDefinition {
  const [nText, nCell, n] = numerator;
  const [dText, dCell, d] = denominator;
  return {
    id,
    block,
    name,
    description,
    numerator: nText,
    denominator: dText,
    unit: extra.unit ?? 'percent',
    direction: extra.direction ?? 'higherIsBetter',
    ...(extra.target !== undefined ? { target: extra.target } : {}),
    ...(extra.source !== undefined ? { source: extra.source } : {}),
    ...(extra.relations !== undefined ? { relations: extra.relations } : {}),
    compute: (acc) => ({
      numerator: n(acc),
      denominator: d(acc),
      cells: { numerator: nCell, denominator: dCell },
    }),
  };
}

const PUPILS = t('Обучающиеся в возрастной группе', 'Pupils in the age band');
const TEACHERS = t('Педагогические работники', 'Teaching staff');

function satisfaction(role: 'mentor' | 'mentee'): IndicatorDefinition[] {
  const who = role === 'mentor' ? t('наставников', 'mentors') : t('наставляемых', 'mentees');
  const hist = (a: Readonly<Accumulator>) =>
    role === 'mentor' ? a.satisfactionMentor : a.satisfactionMentee;
  const nCell = `satisfaction.${role}.n`;
  const sumCell = `satisfaction.${role}.sum`;
  const scoreCell = (k: number) => `satisfaction.${role}.score.${k}`;
  const total = (h: Float64Array) => h.reduce((s, v) => s + v, 0);
  const sum = (h: Float64Array) => h.reduce((s, v, k) => s + v * k, 0);
  const respondents = t(`Ответы ${who} в итоговой анкете`, `Final survey answers of ${who.en}`);
  const scores = Array.from({ length: 10 }, (_, i) => i + 1);
  return [
    {
      id: `satisfaction.${role}Mean`,
      block: 'satisfaction',
      name: t(`Средняя удовлетворённость ${who.ru} (1–10)`, `Mean satisfaction of ${who.en} (1–10)`),
      description: t(
        `Средний балл удовлетворённости участием в программе по итоговому анкетированию ${who.ru}`,
        `Mean 1–10 satisfaction score in the final survey of ${who.en}`,
      ),
      numerator: t('Сумма баллов', 'Sum of scores'),
      denominator: respondents,
      unit: 'score',
      direction: 'higherIsBetter',
      source: '001 7.1; 004 §6',
      compute: (acc) => ({
        numerator: sum(hist(acc)),
        denominator: total(hist(acc)),
        cells: { numerator: sumCell, denominator: nCell, numeratorIsMeasure: true },
      }),
    },
    {
      id: `satisfaction.${role}Median`,
      block: 'satisfaction',
      name: t(`Медиана удовлетворённости ${who.ru} (1–10)`, `Median satisfaction of ${who.en} (1–10)`),
      description: t(
        'Медиана баллов удовлетворённости; сворачивается по гистограмме баллов, не как медиана медиан',
        'Median 1–10 score; rolled up from the histogram of scores, never as a median of medians',
      ),
      numerator: t('— (медиана)', '— (median)'),
      denominator: respondents,
      unit: 'score',
      direction: 'higherIsBetter',
      source: '001 7.1; 004 §6',
      compute: (acc) => ({
        numerator: null,
        denominator: total(hist(acc)),
        value: medianOfHistogram(hist(acc)),
        cells: { denominator: nCell },
      }),
    },
    {
      id: `satisfaction.${role}Distribution`,
      block: 'satisfaction',
      name: t(
        `Распределение оценок удовлетворённости ${who.ru}`,
        `Distribution of satisfaction scores of ${who.en}`,
      ),
      description: t('Доля ответов с каждым баллом от 1 до 10', 'Share of answers with each score 1–10'),
      numerator: t('Ответы с баллом', 'Answers with the score'),
      denominator: respondents,
      unit: 'percent',
      direction: 'neutral',
      source: '001 7.1; 004 §6',
      breakdown: { dimension: 'score', sumsToDenominator: true },
      relations: [{ total: sumCell, parts: scores.map((k) => ({ cell: scoreCell(k), coefficient: k })) }],
      compute: (acc) => {
        const h = hist(acc);
        const n = total(h);
        return scores.map((k) => ({
          breakdown: { dimension: 'score', key: String(k) },
          numerator: h[k] ?? 0,
          denominator: n,
          cells: { numerator: scoreCell(k), denominator: nCell },
        }));
      },
    },
  ];
}

function selfAssessment(role: 'mentor' | 'mentee'): IndicatorDefinition[] {
  const who = role === 'mentor' ? t('наставников', 'mentors') : t('наставляемых', 'mentees');
  const sums = (a: Readonly<Accumulator>): SelfAssessmentSums =>
    role === 'mentor' ? a.selfAssessmentMentor : a.selfAssessmentMentee;
  const nCell = `selfAssessment.${role}.n`;
  const respondents = t(
    `${role === 'mentor' ? 'Наставники' : 'Наставляемые'} с входной и итоговой самооценкой`,
    `${role === 'mentor' ? 'Mentors' : 'Mentees'} with an entry and a final self-assessment`,
  );
  return [
    {
      id: `impact.selfAssessmentChange${role === 'mentor' ? 'Mentor' : 'Mentee'}`,
      block: 'impact',
      name: t(`Изменение самооценки ${who.ru}`, `Change in self-assessment of ${who.en}`),
      description: t(
        'Средняя разница итоговой и входной самооценки (баллы 1–10)',
        'Mean of final minus entry self-assessment (1–10 scale)',
      ),
      numerator: t('Сумма изменений', 'Sum of changes'),
      denominator: respondents,
      unit: 'score',
      direction: 'higherIsBetter',
      source: '001 6.8, 7.2; 004 §6',
      compute: (acc) => ({
        numerator: sums(acc).deltaSum,
        denominator: sums(acc).respondents,
        cells: { numerator: `selfAssessment.${role}.deltaSum`, denominator: nCell, numeratorIsMeasure: true },
      }),
    },
    share(
      `impact.selfAssessmentImproved${role === 'mentor' ? 'Mentor' : 'Mentee'}`,
      'impact',
      t(`Доля ${who.ru} с ростом самооценки`, `Share of ${who.en} whose self-assessment rose`),
      t('Итоговая самооценка выше входной', 'Final self-assessment above the entry one'),
      [t('С ростом самооценки', 'Improved'), `selfAssessment.${role}.improved`, (a) => sums(a).improved],
      [respondents, nCell, (a) => sums(a).respondents],
      { source: '001 6.8, 7.2; 004 §6' },
    ),
  ];
}

const reasons = Object.keys(terminationReasonLabels) as (keyof typeof terminationReasonLabels)[];

/**
 * The indicators shipped with the SDK: coverage (against the federal 70 %
 * target for pupils), process, mentors, impact and satisfaction. Extend the
 * list with {@link defineIndicator}.
 *
 * @category Indicators
 * @example
 * defaultIndicators.map((d) => `${d.id}: ${d.name.ru}`);
 */
export const defaultIndicators: readonly IndicatorDefinition[] = Object.freeze([
  share(
    'coverage.pupilMentees',
    'coverage',
    t('Доля обучающихся — наставляемых', 'Share of pupils who are mentees'),
    t(
      'Обучающиеся возрастной группы (по умолчанию 10–18 лет), вовлечённые в программу как наставляемые; федеральная цель — 70 %',
      'Pupils of the age band (10–18 by default) taking part as mentees; federal target 70 %',
    ),
    [t('Обучающиеся-наставляемые', 'Pupils who are mentees'), 'pupils.mentees', (a) => a.pupilMentees],
    [PUPILS, 'pupils.inBand', (a) => a.pupilsInBand],
    { target: 70, source: 'Р-145' },
  ),
  share(
    'coverage.pupilsInvolved',
    'coverage',
    t('Доля обучающихся, вовлечённых в наставничество', 'Share of pupils involved in mentoring'),
    t(
      'Обучающиеся возрастной группы — наставляемые или наставники (каждый один раз); федеральная цель — 70 %',
      'Pupils of the age band who are mentees or mentors (each once); federal target 70 %',
    ),
    [t('Вовлечённые обучающиеся', 'Pupils involved'), 'pupils.involved', (a) => a.pupilsInvolved],
    [PUPILS, 'pupils.inBand', (a) => a.pupilsInBand],
    { target: 70, source: 'Р-145' },
  ),
  share(
    'coverage.pupilMentors',
    'coverage',
    t('Доля обучающихся — наставников', 'Share of pupils who are mentors'),
    t('Обучающиеся возрастной группы, выступающие наставниками', 'Pupils of the age band acting as mentors'),
    [t('Обучающиеся-наставники', 'Pupils who are mentors'), 'pupils.mentors', (a) => a.pupilMentors],
    [PUPILS, 'pupils.inBand', (a) => a.pupilsInBand],
    { source: 'Р-145' },
  ),
  share(
    'coverage.youngTeacherMentees',
    'coverage',
    t('Доля молодых специалистов — наставляемых', 'Share of young teachers who are mentees'),
    t(
      'Педагоги со стажем не более 3 лет (параметр), вовлечённые как наставляемые',
      'Teachers with at most 3 years of experience (a parameter) taking part as mentees',
    ),
    [
      t('Молодые специалисты — наставляемые', 'Young teachers who are mentees'),
      'teachers.young.mentees',
      (a) => a.youngTeacherMentees,
    ],
    [t('Молодые специалисты', 'Young teachers'), 'teachers.young', (a) => a.youngTeachers],
    { source: '001; 003' },
  ),
  share(
    'coverage.teacherMentors',
    'coverage',
    t('Доля педагогов — наставников', 'Share of teachers who are mentors'),
    t('Педагогические работники, выступающие наставниками', 'Teaching staff acting as mentors'),
    [t('Педагоги-наставники', 'Teachers who are mentors'), 'teachers.mentors', (a) => a.teacherMentors],
    [TEACHERS, 'teachers', (a) => a.teachers],
    { source: '003' },
  ),
  share(
    'coverage.teacherMentees',
    'coverage',
    t('Доля педагогов — наставляемых', 'Share of teachers who are mentees'),
    t('Педагогические работники, вовлечённые как наставляемые', 'Teaching staff taking part as mentees'),
    [t('Педагоги-наставляемые', 'Teachers who are mentees'), 'teachers.mentees', (a) => a.teacherMentees],
    [TEACHERS, 'teachers', (a) => a.teachers],
    { source: '003' },
  ),
  {
    id: 'process.pairs',
    block: 'process',
    name: t('Наставнические пары и группы', 'Mentoring pairs and groups'),
    description: t('Пары и группы, работавшие в периоде', 'Pairs and groups working during the period'),
    numerator: t('Пары и группы', 'Pairs and groups'),
    denominator: t('—', '—'),
    unit: 'count',
    direction: 'neutral',
    source: '001 5.x; 004 §4',
    compute: (acc) => ({ numerator: acc.pairs, denominator: null, cells: { numerator: 'pairs' } }),
  },
  share(
    'process.groups',
    'process',
    t('Доля групп среди пар и групп', 'Share of groups among pairs and groups'),
    t('Группы (один наставник, несколько наставляемых)', 'Groups (one mentor, several mentees)'),
    [t('Группы', 'Groups'), 'pairs.groups', (a) => a.groups],
    [t('Пары и группы', 'Pairs and groups'), 'pairs', (a) => a.pairs],
    { direction: 'neutral', source: '003 §2.3' },
  ),
  {
    id: 'process.pairsByForm',
    block: 'process',
    name: t('Пары и группы по формам наставничества', 'Pairs and groups by form'),
    description: t(
      'Распределение пар и групп по формам (ролевым моделям)',
      'Pairs and groups by form (role pattern)',
    ),
    numerator: t('Пары и группы формы', 'Pairs and groups of the form'),
    denominator: t('Пары и группы', 'Pairs and groups'),
    unit: 'percent',
    direction: 'neutral',
    source: 'Р-145; 003 §2.3',
    breakdown: { dimension: 'form', sumsToDenominator: true },
    compute: (acc) =>
      [...acc.pairsByForm.keys()].sort().map((form) => ({
        breakdown: { dimension: 'form', key: form },
        numerator: acc.pairsByForm.get(form) ?? 0,
        denominator: acc.pairs,
        cells: { numerator: `pairs.form.${form}`, denominator: 'pairs' },
      })),
  },
  {
    id: 'process.pairsByFormat',
    block: 'process',
    name: t('Пары и группы по видам (форматам) наставничества', 'Pairs and groups by format'),
    description: t(
      'Форматы сочетаются: пара учитывается в каждом своём формате, сумма долей может превышать 100 %',
      'Formats combine: a pair counts under each of its formats, shares may add up to more than 100 %',
    ),
    numerator: t('Пары и группы формата', 'Pairs and groups of the format'),
    denominator: t('Пары и группы', 'Pairs and groups'),
    unit: 'percent',
    direction: 'neutral',
    source: '003 §2.3',
    breakdown: { dimension: 'format', sumsToDenominator: false },
    compute: (acc) =>
      [...acc.pairsByFormat.keys()].sort().map((format) => ({
        breakdown: { dimension: 'format', key: format },
        numerator: acc.pairsByFormat.get(format) ?? 0,
        denominator: acc.pairs,
        cells: { numerator: `pairs.format.${format}`, denominator: 'pairs' },
      })),
  },
  share(
    'process.requestsMatched',
    'process',
    t('Доля запросов, закрытых парой', 'Share of requests matched'),
    t('Запросы периода, на которые утверждена пара', 'Requests of the period answered by an approved pair'),
    [t('Запросы с парой', 'Requests matched'), 'requests.matched', (a) => a.requestsMatched],
    [t('Запросы', 'Requests'), 'requests', (a) => a.requests],
    {
      source: '001 2.2, 5.x',
      relations: [{ total: 'requests', parts: ['requests.matched', 'requests.waiting'] }],
    },
  ),
  share(
    'process.requestsWaiting',
    'process',
    t('Доля запросов без пары', 'Share of requests waiting'),
    t(
      'Запросы периода, на которые пара ещё не утверждена',
      'Requests of the period with no approved pair yet',
    ),
    [t('Запросы без пары', 'Requests waiting'), 'requests.waiting', (a) => a.requestsWaiting],
    [t('Запросы', 'Requests'), 'requests', (a) => a.requests],
    { direction: 'lowerIsBetter', source: '004 §4' },
  ),
  {
    id: 'process.daysToPair',
    block: 'process',
    name: t('Медиана дней от запроса до пары', 'Median days from request to approved pair'),
    description: t(
      'Медиана числа дней от запроса до приказа о закреплении пары; сворачивается по точному распределению дней',
      'Median days from a request to the order approving its pair; rolled up from the exact count of days',
    ),
    numerator: t('— (медиана)', '— (median)'),
    denominator: t('Запросы с парой', 'Requests matched'),
    unit: 'days',
    direction: 'lowerIsBetter',
    source: '001 5.x; 004 §4',
    compute: (acc) => ({
      numerator: null,
      denominator: acc.requestsMatched,
      value: medianOfCounts(acc.daysToPair),
      cells: { denominator: 'requests.matched' },
    }),
  },
  {
    id: 'process.menteesWaiting',
    block: 'process',
    name: t('Наставляемые без пары', 'Mentees waiting without a pair'),
    description: t(
      'Наставляемые с запросом без пары и без работающей пары (поддержка и поиск продолжаются, 004 §4)',
      'Mentees with a request not answered and no working pair (support and search go on, 004 §4)',
    ),
    numerator: t('Наставляемые без пары', 'Mentees waiting'),
    denominator: t('—', '—'),
    unit: 'count',
    direction: 'lowerIsBetter',
    source: '004 §4',
    compute: (acc) => ({
      numerator: acc.menteesWaiting,
      denominator: null,
      cells: { numerator: 'mentees.waiting' },
    }),
  },
  share(
    'process.programmesCompleted',
    'process',
    t('Доля программ, реализованных в полном объёме', 'Share of personal programmes completed in full'),
    t('Из программ, завершённых в периоде', 'Of the programmes that ended in the period'),
    [
      t('Завершены в полном объёме', 'Completed in full'),
      'programmes.completed',
      (a) => a.programmesCompleted,
    ],
    [t('Завершённые программы', 'Programmes ended'), 'programmes.ended', (a) => a.programmesEnded],
    {
      source: '003 §7',
      relations: [{ total: 'programmes.ended', parts: ['programmes.completed', 'programmes.terminated'] }],
    },
  ),
  share(
    'process.programmesTerminated',
    'process',
    t('Доля программ, завершённых досрочно', 'Share of personal programmes terminated early'),
    t('Из программ, завершённых в периоде', 'Of the programmes that ended in the period'),
    [t('Завершены досрочно', 'Terminated early'), 'programmes.terminated', (a) => a.programmesTerminated],
    [t('Завершённые программы', 'Programmes ended'), 'programmes.ended', (a) => a.programmesEnded],
    { direction: 'lowerIsBetter', source: '003 §7.1' },
  ),
  {
    id: 'process.programmesTerminatedByReason',
    block: 'process',
    name: t('Досрочное завершение по причинам', 'Early termination by reason'),
    description: t('Причины досрочного завершения (003 §7.1)', 'Reasons of early termination (003 §7.1)'),
    numerator: t('Завершены по причине', 'Terminated for the reason'),
    denominator: t('Завершены досрочно', 'Terminated early'),
    unit: 'percent',
    direction: 'neutral',
    source: '003 §7.1',
    breakdown: { dimension: 'reason', sumsToDenominator: true },
    compute: (acc) =>
      reasons.map((reason) => ({
        breakdown: { dimension: 'reason', key: reason },
        numerator: acc.terminatedByReason[reason],
        denominator: acc.programmesTerminated,
        cells: { numerator: `programmes.terminated.${reason}`, denominator: 'programmes.terminated' },
      })),
  },
  share(
    'process.programmesExtended',
    'process',
    t('Доля продлённых программ', 'Share of personal programmes extended'),
    t(
      'Программы пар периода, продлённые по обоюдному согласию',
      'Programmes of the period extended by agreement',
    ),
    [t('Продлённые', 'Extended'), 'programmes.extended', (a) => a.programmesExtended],
    [t('Пары и группы', 'Pairs and groups'), 'pairs', (a) => a.pairs],
    { direction: 'neutral', source: '003 §7.2' },
  ),
  share(
    'process.meetingsHeld',
    'process',
    t('Выполнение плана встреч', 'Meetings held against the plan'),
    t('Проведённые встречи пар от запланированных', 'Meetings held by pairs against those planned'),
    [t('Проведено встреч', 'Meetings held'), 'meetings.held', (a) => a.meetingsHeld],
    [t('Запланировано встреч', 'Meetings planned'), 'meetings.planned', (a) => a.meetingsPlanned],
    { source: '004 §5' },
  ),
  share(
    'process.activitiesOnTime',
    'process',
    t('Мероприятия дорожной карты, выполненные в срок', 'Roadmap activities done on time'),
    t(
      'Из мероприятий со сроком в периоде до отчётной даты',
      'Of the activities due in the period by the as-of date',
    ),
    [t('Выполнены в срок', 'Done on time'), 'activities.onTime', (a) => a.activitiesOnTime],
    [t('Мероприятия со сроком', 'Activities due'), 'activities.due', (a) => a.activitiesDue],
    {
      source: '001; 002; 003; 004',
      relations: [
        { total: 'activities.due', parts: ['activities.onTime', 'activities.late', 'activities.overdue'] },
      ],
    },
  ),
  share(
    'process.activitiesLate',
    'process',
    t('Мероприятия, выполненные с опозданием', 'Roadmap activities done late'),
    t('Выполнены после срока', 'Done after the due date'),
    [t('Выполнены с опозданием', 'Done late'), 'activities.late', (a) => a.activitiesLate],
    [t('Мероприятия со сроком', 'Activities due'), 'activities.due', (a) => a.activitiesDue],
    { direction: 'lowerIsBetter' },
  ),
  share(
    'process.activitiesOverdue',
    'process',
    t('Просроченные мероприятия дорожной карты', 'Roadmap activities overdue'),
    t('Не выполнены к отчётной дате при наступившем сроке', 'Not done by the as-of date though due'),
    [t('Просрочены', 'Overdue'), 'activities.overdue', (a) => a.activitiesOverdue],
    [t('Мероприятия со сроком', 'Activities due'), 'activities.due', (a) => a.activitiesDue],
    { direction: 'lowerIsBetter' },
  ),
  share(
    'mentors.menteesPerMentor',
    'mentors',
    t('Наставляемых на одного наставника', 'Mentees per mentor'),
    t(
      'Наставляемые в работающих парах на наставника с наставляемыми',
      'Mentees in working pairs per mentor with mentees',
    ),
    [t('Наставляемые у наставников', 'Mentees of mentors'), 'mentors.load', (a) => a.mentorLoad],
    [
      t('Наставники с наставляемыми', 'Mentors with mentees'),
      'mentors.withMentees',
      (a) => a.mentorsWithMentees,
    ],
    { unit: 'ratio', direction: 'neutral', source: '001 3.2' },
  ),
  share(
    'mentors.capacityUsed',
    'mentors',
    t('Загрузка наставников относительно возможностей', 'Mentor load against capacity'),
    t(
      'Наставляемые у наставников от суммарной ёмкости реестра',
      'Mentees of registered mentors against their total capacity',
    ),
    [t('Наставляемые у наставников', 'Mentees of mentors'), 'mentors.load', (a) => a.mentorLoad],
    [t('Ёмкость наставников', 'Mentor capacity'), 'mentors.capacity', (a) => a.mentorCapacity],
    { direction: 'neutral', source: '001 3.2' },
  ),
  share(
    'mentors.overCapacity',
    'mentors',
    t('Наставники сверх своей ёмкости', 'Mentors over capacity'),
    t(
      'Наставники, у которых наставляемых больше заявленного',
      'Mentors with more mentees than their capacity',
    ),
    [t('Сверх ёмкости', 'Over capacity'), 'mentors.overCapacity', (a) => a.mentorsOverCapacity],
    [t('Наставники в реестре', 'Mentors in the registry'), 'mentors', (a) => a.mentors],
    { direction: 'lowerIsBetter' },
  ),
  share(
    'mentors.trained',
    'mentors',
    t('Доля обученных наставников', 'Share of mentors trained'),
    t(
      'Наставники, прошедшие обучение не менее 36 часов (параметр), например ДПП ПК (001 4.3)',
      'Mentors with completed training of at least 36 hours (a parameter), e.g. the course of 001 4.3',
    ),
    [t('Обученные наставники', 'Mentors trained'), 'mentors.trained', (a) => a.mentorsTrained],
    [t('Наставники в реестре', 'Mentors in the registry'), 'mentors', (a) => a.mentors],
    { source: '001 4.3' },
  ),
  ...satisfaction('mentor'),
  ...satisfaction('mentee'),
  ...selfAssessment('mentee'),
  ...selfAssessment('mentor'),
  share(
    'impact.youngSpecialistsRetained',
    'impact',
    t('Закрепление молодых специалистов', 'Young specialists retained a year later'),
    t(
      'Молодые специалисты-наставляемые, работающие в организации через год после утверждения первой пары',
      'Young-specialist mentees still in the organization a year after their first pair was approved',
    ),
    [
      t('Работают через год', 'Still employed a year later'),
      'youngSpecialists.retained',
      (a) => a.youngSpecialistRetained,
    ],
    [
      t('Когорта (пара утверждена год назад и ранее)', 'Cohort (pair approved a year ago or earlier)'),
      'youngSpecialists.cohort',
      (a) => a.youngSpecialistCohort,
    ],
    { source: '001 6.8' },
  ),
]);
