import {
  CompetitionSchema,
  type ConsentPurpose,
  ConsentPurposeSchema,
  catalogueLabel,
  ExtensionSchema,
  effectiveEnd,
  formatName,
  IsoDateSchema,
  mentorshipFormats,
  mentorshipForms,
  nastavnikError,
  type Order,
  type Organization,
  PairSchema,
  type Person,
  PersonalProgrammeSchema,
  PersonIdSchema,
  parse,
  RoadmapSchema,
  TerminationReasonSchema,
  terminationReasonLabels,
} from '@nastavnik/core';
import { z } from 'zod';
import {
  acquaintance,
  actForms,
  addressee,
  annexLabel,
  capitalize,
  findPerson,
  orgHeader,
  orgShort,
  pairPeople,
  personIn,
  requireConsent,
  requisites,
  shortName,
  signature,
} from '../_internal/common';
import { cataloguesSchema, consents, orderBase } from '../_internal/schemas';
import type { Annex, Block, NastavnikDocument, TableRowValue } from '../model';
import { formatDateLong, formatDateShort, formatTerm } from '../typography/dates';
import { byGender, nameIn } from '../typography/names';
import { RegulationOptionsSchema, regulationBlocks } from './regulation';
import { roadmapBlocks } from './roadmap';

const ORDER_WORD = (order: Order) =>
  order.act === 'directive'
    ? []
    : [{ kind: 'paragraph', text: 'ПРИКАЗЫВАЮ:', indent: false, spaced: true } as const];

function head(input: {
  organization: Organization;
  parentOrganization?: Organization | undefined;
  order: Order;
}): Block[] {
  return [
    orgHeader(input.organization, input.parentOrganization),
    requisites(input.order, input.organization),
    { kind: 'title', text: input.order.title },
  ];
}

function control(order: Order, n: number): Block {
  return {
    kind: 'numbered',
    number: `${n}.`,
    text: `Контроль за исполнением ${actForms(order).gen} оставляю за собой.`,
  };
}

/** The consent a participant gives to join a pair: learners to participation, staff to the extra duties. */
function purposeOf(person: Person, override: ConsentPurpose | undefined): ConsentPurpose {
  if (override !== undefined) return override;
  return person.category === 'pupil' || person.category === 'student' ? 'participation' : 'mentorDuties';
}

const AUDIENCE = z.enum(['teachers', 'pupils']).default('teachers');

const BASIS = {
  teachers:
    'В соответствии с совместным письмом Минпросвещения России от 21 декабря 2021 года № АЗ-1128/08 и Общероссийского Профсоюза образования от 21 декабря 2021 года № 657, согласно методическим рекомендациям по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях, в целях создания условий для формирования эффективной системы поддержки педагогических работников и молодых (вновь принятых) специалистов',
  pupils:
    'В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися», в рамках реализации федерального проекта «Современная школа» национального проекта «Образование»',
} as const;

const MODEL = {
  teachers: 'системы (целевой модели) наставничества педагогических работников',
  pupils: 'целевой модели наставничества обучающихся',
} as const;

// ---------------------------------------------------------------------------

const IntroductionOrderInputSchema = z.object({
  ...orderBase,
  audience: AUDIENCE,
  /** The curator: deputy head responsible for the model (003 п. 2–3). */
  curatorId: PersonIdSchema,
  startDate: IsoDateSchema,
  /** Include the Regulation as Annex 1 (structure of 003). */
  regulation: RegulationOptionsSchema.optional(),
  /** Include the roadmap as an annex. */
  roadmap: RoadmapSchema.optional(),
  /** Who publishes the documents on the site, and by when (004 п. 4). */
  publisher: z.object({ personId: PersonIdSchema, due: IsoDateSchema }).optional(),
});

/**
 * Input of {@link buildIntroductionOrder}.
 *
 * @category Builders
 * @example
 * const input: IntroductionOrderInput = { organization, order, people, curatorId: 't-1', startDate: '2022-02-01' };
 */
export type IntroductionOrderInput = z.input<typeof IntroductionOrderInputSchema>;

/**
 * The order on introducing the mentoring system (target model) and
 * approving its Regulation and roadmap (seeds 003 and 004): preamble,
 * «ПРИКАЗЫВАЮ:», the curator named in the accusative and addressed in the
 * dative, «Утвердить: 4.1 … (Приложение 1); 4.2 … (Приложение 2)», control,
 * signature, acquaintance sheet, and the annexes themselves.
 *
 * @category Builders
 * @example
 * const doc = buildIntroductionOrder({ organization, order, people, curatorId: 't-zh', startDate: '2022-02-01',
 *   regulation: {}, roadmap });
 * const bytes = await renderDocx(doc);
 */
export function buildIntroductionOrder(input: IntroductionOrderInput): NastavnikDocument {
  const v = parse(IntroductionOrderInputSchema, input);
  const org = v.organization;
  const curator = findPerson(v.people, v.curatorId, ['curatorId']);
  const model = MODEL[v.audience];
  const approve: { number: string; text: string }[] = [];
  const annexes: Annex[] = [];
  const annexCount = (v.regulation ? 1 : 0) + (v.roadmap ? 1 : 0);
  const label = (n: number) => annexLabel(v.order, annexCount > 1 ? n : undefined);
  const ref = (n: number) => (annexCount > 1 ? `(Приложение ${n})` : '(Приложение)');
  let n = 0;
  if (v.regulation) {
    n++;
    approve.push({
      number: `4.${n}.`,
      text: `Положение о системе наставничества ${v.audience === 'teachers' ? 'педагогических работников' : 'обучающихся'} в ${orgShort(org)} ${ref(n)};`,
    });
    annexes.push({
      label: label(n),
      blocks: regulationBlocks({ organization: org, audience: v.audience, options: v.regulation }),
    });
  }
  if (v.roadmap) {
    n++;
    approve.push({
      number: `4.${n}.`,
      text: `Дорожную карту (план мероприятий) по реализации ${model} в ${orgShort(org)} ${ref(n)}.`,
    });
    annexes.push({ label: label(n), blocks: roadmapBlocks(v.roadmap), landscape: true });
  }
  const responsible = byGender(curator.gender, {
    female: 'ответственной',
    male: 'ответственным',
    neutral: 'ответственным',
  });
  const blocks: Block[] = [
    ...head(v),
    { kind: 'paragraph', text: `${v.basis ?? BASIS[v.audience]},` },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Организовать работу в ${orgShort(org)} по внедрению ${model} с ${formatDateLong(v.startDate, { quoted: false })}`,
    },
    {
      kind: 'numbered',
      number: '2.',
      text: `Назначить ${responsible} за организационное, методическое, аналитическое сопровождение, мониторинг и реализацию внедрения ${model} (куратором) ${personIn(curator, 'accusative')}.`,
    },
    {
      kind: 'numbered',
      number: '3.',
      text: `${capitalize(addressee(curator))}, обеспечить создание условий для внедрения и реализации ${model}, реализацию мероприятий в сроки, установленные дорожной картой, и достижение показателей эффективности.`,
    },
  ];
  let next = 4;
  if (approve.length > 0) {
    blocks.push({ kind: 'numbered', number: `${next}.`, text: 'Утвердить:', items: approve });
    next++;
  }
  if (v.publisher) {
    const p = findPerson(v.people, v.publisher.personId, ['publisher', 'personId']);
    blocks.push({
      kind: 'numbered',
      number: `${next}.`,
      text: `${capitalize(addressee(p))}, разместить нормативные документы по внедрению целевой модели наставничества на официальном сайте ${orgShort(org)} в срок до ${formatDateShort(v.publisher.due)}.`,
    });
    next++;
  }
  blocks.push(
    control(v.order, next),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  );
  return { meta: { kind: 'introductionOrder', title: v.order.title }, blocks, annexes };
}

// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------

const PairsOrderInputSchema = z.object({
  ...orderBase,
  pairs: z.array(PairSchema).min(1),
  consents,
  start: IsoDateSchema,
  end: IsoDateSchema,
  curatorId: PersonIdSchema.optional(),
  /**
   * Which consents the order requires (003 §3.2–3.3: written consent of the
   * participants). By default staff consent to the extra duties of mentoring
   * and pupils and students to participation.
   */
  consentPurposes: z
    .object({ mentor: ConsentPurposeSchema.optional(), mentee: ConsentPurposeSchema.optional() })
    .default({}),
  /** Catalogues for the labels of forms and formats (a region's own forms). */
  catalogues: cataloguesSchema,
  /** Deadline for the personal programmes (003 roadmap 6–7). */
  programmesDue: IsoDateSchema.optional(),
});

/**
 * Input of {@link buildPairsOrder}.
 *
 * @category Builders
 * @example
 * const input: PairsOrderInput = { organization, order, people, pairs, consents, start: '2023-09-15', end: '2024-05-31' };
 */
export type PairsOrderInput = z.input<typeof PairsOrderInputSchema>;

function personLine(p: Person): string {
  const pupil = byGender(p.gender, { female: 'обучающаяся', male: 'обучающийся', neutral: 'обучающийся' });
  const extra = p.position ?? (p.grade !== undefined ? `${pupil} ${p.grade} класса` : undefined);
  return extra ? `${shortName(p)},\n${extra}` : shortName(p);
}

function consentNote(c: { givenAt: string; givenBy: string }): string {
  const who =
    c.givenBy === 'parent' ? ' (родитель)' : c.givenBy === 'guardian' ? ' (законный представитель)' : '';
  return `${formatDateShort(c.givenAt)}${who}`;
}

/**
 * The order approving mentoring pairs and groups (003 §3.3, §6.2; 004 §4):
 * the table of pairs (mentor, mentees, form and format, term) with each
 * participant's written consent noted by date and signer. A pair whose
 * participant has no valid consent on the order's date is refused with a
 * `NastavnikError` (`consent_missing`, `consent_withdrawn` or
 * `minor_requires_parent_consent`) naming ids and paths only.
 *
 * @category Builders
 * @example
 * const doc = buildPairsOrder({ organization, order, people, pairs, consents, start: '2023-09-15', end: '2024-05-31' });
 * const docx = await renderDocx(doc);
 */
export function buildPairsOrder(input: PairsOrderInput): NastavnikDocument {
  const v = parse(PairsOrderInputSchema, input);
  const rows: TableRowValue[] = v.pairs.map((pair, i) => {
    const mentor = findPerson(v.people, pair.mentorId, ['pairs', i, 'mentorId']);
    const mc = requireConsent(mentor, v.consents, v.order.date, purposeOf(mentor, v.consentPurposes.mentor), [
      'pairs',
      i,
      'mentorId',
    ]);
    const mentees = pair.menteeIds.map((id, k) => findPerson(v.people, id, ['pairs', i, 'menteeIds', k]));
    const notes = [`наставник — ${consentNote(mc)}`];
    mentees.forEach((m, k) => {
      const c = requireConsent(m, v.consents, v.order.date, purposeOf(m, v.consentPurposes.mentee), [
        'pairs',
        i,
        'menteeIds',
        k,
      ]);
      notes.push(`${mentees.length > 1 ? `${shortName(m)}` : 'наставляемый'} — ${consentNote(c)}`);
    });
    const form = catalogueLabel(v.catalogues.forms ?? mentorshipForms, pair.form);
    const formats = pair.formats
      .map((f) => catalogueLabel(v.catalogues.formats ?? mentorshipFormats, f))
      .join(', ');
    return {
      cells: [
        `${i + 1}.`,
        personLine(mentor),
        mentees.map(personLine).join('\n'),
        `${form};\n${formats}`,
        notes.join(';\n'),
      ],
    };
  });
  const groups = v.pairs.some((p) => p.menteeIds.length > 1);
  const what = groups ? 'наставнические пары (группы)' : 'наставнические пары';
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text: `${v.basis ?? `В соответствии с Положением о системе наставничества в ${orgShort(v.organization)}, на основании письменного согласия участников на участие в программе наставничества и на возложение дополнительных обязанностей, связанных с наставнической деятельностью`},`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Закрепить ${what} на период ${formatTerm(v.start, v.end)} в составе согласно приложению.`,
    },
    {
      kind: 'numbered',
      number: '2.',
      text: `Наставникам совместно с наставляемыми разработать персонализированные программы наставничества${v.programmesDue ? ` в срок до ${formatDateShort(v.programmesDue)}` : ''} и обеспечить их реализацию.`,
    },
  ];
  let n = 3;
  if (v.curatorId) {
    const curator = findPerson(v.people, v.curatorId, ['curatorId']);
    blocks.push({
      kind: 'numbered',
      number: `${n++}.`,
      text: `${capitalize(addressee(curator))}, куратору, обеспечить методическое сопровождение наставнических пар (групп), психолого-педагогическую поддержку наставляемых, не сформировавших пару, и мониторинг реализации персонализированных программ.`,
    });
  }
  blocks.push(
    control(v.order, n),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  );
  const annex: Annex = {
    label: annexLabel(v.order),
    blocks: [
      {
        kind: 'title',
        text: `Состав наставнических пар (групп) ${orgShort(v.organization)}`,
        subtitle: `на период ${formatTerm(v.start, v.end)}`,
      },
      {
        kind: 'table',
        caption: 'Наставнические пары',
        showCaption: false,
        columns: [
          { header: '№ п/п', width: 0.7 },
          { header: 'Наставник (ФИО, должность)', width: 3 },
          { header: 'Наставляемый (ФИО, должность, класс)', width: 3 },
          { header: 'Форма и вид наставничества', width: 2.6 },
          { header: 'Письменное согласие участников (дата)', width: 2.6 },
        ],
        rows,
      },
    ],
  };
  return { meta: { kind: 'pairsOrder', title: v.order.title }, blocks, annexes: [annex] };
}

// ---------------------------------------------------------------------------

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
  const rows: TableRowValue[] = v.programmes.map((pp, i) => {
    const pair = v.pairs.find((p) => p.id === pp.pairId);
    if (!pair) {
      throw nastavnikError(
        'unknown_reference',
        ['programmes', i, 'pairId'],
        'Пара не найдена',
        'Pair not found',
        { id: pp.pairId },
      );
    }
    const mentor = findPerson(v.people, pair.mentorId, ['programmes', i, 'pairId']);
    const mentees = pair.menteeIds.map((id) => findPerson(v.people, id, ['programmes', i, 'pairId']));
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
  let n = 3;
  if (v.curatorId) {
    const curator = findPerson(v.people, v.curatorId, ['curatorId']);
    blocks.push({
      kind: 'numbered',
      number: `${n++}.`,
      text: `${capitalize(addressee(curator))}, осуществлять мониторинг реализации персонализированных программ наставничества.`,
    });
  }
  blocks.push(
    control(v.order, n),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  );
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

// ---------------------------------------------------------------------------

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
  const pairText = `наставник — ${formatName(mentor.name, 'lastFirst')}, ${mentees.length > 1 ? 'наставляемые' : 'наставляемый'} — ${mentees.map((m) => formatName(m.name, 'lastFirst')).join(', ')}`;
  const blocks: Block[] = [...head(v)];
  if (v.change.kind === 'terminate') {
    if (v.change.date < v.programme.start) {
      throw nastavnikError(
        'invalid_date_range',
        ['change', 'date'],
        'Дата завершения раньше начала программы',
        'Termination before the programme starts',
      );
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
        text: `Завершить досрочно с ${formatDateShort(v.change.date)} реализацию персонализированной программы наставничества наставнической пары (${pairText}) ${terminationReasonLabels[v.change.reason].ru}${v.change.details ? `: ${v.change.details}` : ''}.`,
      },
    );
    if (v.curatorId) {
      const curator = findPerson(v.people, v.curatorId, ['curatorId']);
      blocks.push({
        kind: 'numbered',
        number: '2.',
        text: `${capitalize(addressee(curator))}, внести изменения в базу наставников и наставляемых, организовать психолого-педагогическое сопровождение наставляемого и продолжить поиск наставника.`,
      });
    }
  } else {
    const ext = v.change.extension;
    const end = effectiveEnd(v.programme);
    if (ext.newEnd <= end) {
      throw nastavnikError(
        'invalid_date_range',
        ['change', 'extension', 'newEnd'],
        'Продление должно переносить окончание программы на более позднюю дату',
        'An extension must move the end later',
      );
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
        text: `Продлить срок реализации персонализированной программы наставничества наставнической пары (${pairText}) до ${formatDateLong(ext.newEnd, { quoted: false })} в связи с необходимостью: ${ext.reason}.`,
      },
      {
        kind: 'numbered',
        number: '2.',
        text: `${capitalize(personIn(mentor, 'dative'))}, внести изменения в план мероприятий персонализированной программы наставничества.`,
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

// ---------------------------------------------------------------------------

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
