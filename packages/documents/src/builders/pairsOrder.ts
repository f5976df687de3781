import {
  assertProgrammeTerm,
  catalogueLabel,
  IsoDateSchema,
  isSingleMeeting,
  mentorshipFormats,
  mentorshipForms,
  PairSchema,
  type Person,
  PersonIdSchema,
  parse,
  TermPolicySchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { annexLabel, guardedPairPeople, joiningConsent, orgShort, shortName } from '../_internal/common';
import { closing, curatorPoint, head, ORDER_WORD } from '../_internal/orderParts';
import { cataloguesSchema, orderBase } from '../_internal/schemas';
import type { Annex, Block, NastavnikDocument, TableRowValue } from '../model';
import { formatDateShort, formatTerm } from '../typography/dates';
import { byGender } from '../typography/names';
import { formatOrderNumber } from '../typography/numbers';

const PairsOrderInputSchema = z.object({
  ...orderBase,
  pairs: z.array(PairSchema).min(1),
  start: IsoDateSchema,
  end: IsoDateSchema,
  curatorId: PersonIdSchema.optional(),
  /** Catalogues for the labels of forms and formats (a region's own forms). */
  catalogues: cataloguesSchema,
  /** The terms policy (003 §1.2: 3–12 months by default). */
  terms: TermPolicySchema.optional(),
  /** The order that approved the Regulation, cited in the preamble with its date and number. */
  regulationApprovedBy: z
    .object({ number: z.string().trim().min(1).max(50), date: IsoDateSchema })
    .optional(),
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

function consentNote(c: { givenAt: string; givenBy: string } | undefined): string {
  if (c === undefined) return 'согласие не требуется';
  const who =
    c.givenBy === 'parent' ? ' (родитель)' : c.givenBy === 'guardian' ? ' (законный представитель)' : '';
  return `${formatDateShort(c.givenAt)}${who}`;
}

/**
 * The order approving mentoring pairs and groups (003 §3.3, §6.2; 004 §4):
 * the table of pairs (mentor, mentees, form and format, term) with each
 * participant's written consent noted by date and signer. Which consents
 * each participant needs is core's consent policy (`consentPolicy`, the
 * default unless given) for the activity `pair`; if anyone lacks one on the
 * order's date the builder refuses with a `NastavnikError` listing every
 * gap (`consent_missing`, `consent_withdrawn`, `consent_expired`,
 * `minor_requires_parent_consent`) by person id, purpose and path — never by name.
 *
 * @category Builders
 * @example
 * const doc = buildPairsOrder({ organization, order, people, pairs, consents, start: '2023-09-15', end: '2024-05-31' });
 * const docx = await renderDocx(doc);
 */
export function buildPairsOrder(input: PairsOrderInput): NastavnikDocument {
  const v = parse(PairsOrderInputSchema, input);
  // 003 §1.2: the term of the pairs is a programme's term (no minimum when every pair is a single meeting).
  const single = v.pairs.every((p) => isSingleMeeting(p.formats, v.terms));
  const formats = single ? v.pairs[0]?.formats : [];
  assertProgrammeTerm({ start: v.start, end: v.end, formats }, v.terms, ['end']);
  // 152-ФЗ ст. 9 and 003 §3.2–3.3: every participant's consents, as the policy requires, before any name is printed.
  const people = guardedPairPeople(
    v,
    v.pairs.map((pair, i) => ({ pair, at: ['pairs', i] })),
    v.order.date,
  );
  const rows: TableRowValue[] = v.pairs.map((pair, i) => {
    const { mentor, mentees } = people[i] as (typeof people)[number];
    const notes = [`наставник — ${consentNote(joiningConsent(v, mentor, 'mentor', v.order.date))}`];
    mentees.forEach((m) => {
      const c = joiningConsent(v, m, 'mentee', v.order.date);
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
      text: `${v.basis ?? `В соответствии с ${regulationRef(v)}, ${federalActs(v.pairs, v.people)}, с учётом письменных согласий участников программы наставничества (за несовершеннолетних — их родителей (законных представителей)), в том числе согласий наставников на возложение на них дополнительных обязанностей, связанных с наставнической деятельностью`},`,
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
  const curator = curatorPoint(
    v,
    3,
    'куратору, обеспечить методическое сопровождение наставнических пар (групп), психолого-педагогическую поддержку наставляемых, не сформировавших пару, и мониторинг реализации персонализированных программ.',
  );
  blocks.push(...curator, ...closing(v, 3 + curator.length));
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

/** «Положением о системе наставничества в МОУ …, утверждённым приказом от … № …». */
function regulationRef(v: {
  organization: { name: string; shortName?: string | undefined };
  regulationApprovedBy?: { number: string; date: string } | undefined;
}): string {
  const org = v.organization.shortName ?? v.organization.name;
  const by = v.regulationApprovedBy;
  return `Положением о системе наставничества в ${org}${by ? `, утверждённым приказом от ${formatDateShort(by.date)} ${formatOrderNumber(by.number)}` : ''}`;
}

/** The federal acts behind the pairs: Р-145 for learners, the letter АЗ-1128/08 / 657 for teachers. */
function federalActs(
  pairs: readonly { menteeIds: readonly string[] }[],
  people: readonly { id: string; category: string }[],
): string {
  const categories = new Set(
    pairs.flatMap((p) => p.menteeIds.map((id) => people.find((x) => x.id === id)?.category ?? 'pupil')),
  );
  const learners = categories.has('pupil') || categories.has('student');
  const staff = [...categories].some((c) => c !== 'pupil' && c !== 'student');
  const acts = [
    ...(learners
      ? [
          'распоряжением Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся…»',
        ]
      : []),
    ...(staff
      ? [
          'совместным письмом Минпросвещения России от 21.12.2021 № АЗ-1128/08 и Общероссийского Профсоюза образования от 21.12.2021 № 657',
        ]
      : []),
  ];
  return acts.join(', ');
}
