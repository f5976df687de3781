import {
  catalogueLabel,
  effectiveEnd,
  IsoDateSchema,
  isMinorOn,
  mentorshipFormats,
  mentorshipForms,
  OrganizationSchema,
  PairSchema,
  PersonalProgrammeSchema,
  PersonIdSchema,
  PersonSchema,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import {
  findPerson,
  guardConsents,
  orgHeader,
  pairPeople,
  pairSubjects,
  shortName,
} from '../_internal/common';
import { cataloguesSchema, consentPolicy, consents } from '../_internal/schemas';
import type { Block, NastavnikDocument } from '../model';
import { formatDateShort, formatTerm } from '../typography/dates';
import { byGender } from '../typography/names';

const PersonalProgrammeDocumentInputSchema = z.object({
  organization: OrganizationSchema,
  pair: PairSchema,
  programme: PersonalProgrammeSchema,
  people: z.array(PersonSchema),
  /** Written consents of the pair (152-ФЗ ст. 9), checked on `date` before a name is printed. */
  consents,
  consentPolicy,
  /** The day the document is printed (the consents are checked on it); the programme's start by default. */
  date: IsoDateSchema.optional(),
  curatorId: PersonIdSchema.optional(),
  /** Catalogues for the labels of forms and formats (a region's own forms). */
  catalogues: cataloguesSchema,
  /**
   * Each mentee's request, difficulties and strengths (003 §1.2: the programme answers the
   * difficulties and supports the strengths), from the needs survey and the request registry.
   */
  needs: z
    .array(
      z.object({
        menteeId: PersonIdSchema,
        request: z.string().trim().min(1).max(2000).optional(),
        difficulties: z.array(z.string().trim().min(1).max(1000)).default([]),
        strengths: z.array(z.string().trim().min(1).max(1000)).default([]),
      }),
    )
    .default([]),
  /** «УТВЕРЖДАЮ» of the head, when the programme is approved separately. */
  approval: z
    .object({
      position: z.string().trim().min(1).max(200),
      name: z.string().trim().min(1).max(200),
      date: z.string().trim().max(50).optional(),
    })
    .optional(),
});

/**
 * Input of {@link buildPersonalProgramme}.
 *
 * @category Builders
 * @example
 * const input: PersonalProgrammeDocumentInput = { organization, pair, programme, people };
 */
export type PersonalProgrammeDocumentInput = z.input<typeof PersonalProgrammeDocumentInputSchema>;

/**
 * The personalised mentoring programme of a pair or group (003 §1.2: 3 to
 * 12 months) with its individual plan: participants, form and format, term
 * (with extensions), goals, directions, the plan table (№, activity, due,
 * expected result, mark of completion) and the signatures of mentor,
 * mentees and curator.
 *
 * @category Builders
 * @example
 * const doc = buildPersonalProgramme({ organization, pair, programme, people, curatorId: 't-zh' });
 */
export function buildPersonalProgramme(input: PersonalProgrammeDocumentInput): NastavnikDocument {
  const v = parse(PersonalProgrammeDocumentInputSchema, input);
  const { mentor, mentees } = pairPeople(v);
  guardConsents(v, pairSubjects({ mentor, mentees }, ['pair']), 'pair', v.date ?? v.programme.start);
  const end = effectiveEnd(v.programme);
  const blocks: Block[] = [orgHeader(v.organization)];
  if (v.approval) {
    blocks.push({
      kind: 'approval',
      word: 'УТВЕРЖДАЮ',
      position: v.approval.position,
      name: v.approval.name,
      ...(v.approval.date ? { date: v.approval.date } : {}),
    });
  }
  const describe = (p: (typeof mentees)[number]) =>
    [shortName(p), p.position ?? (p.grade !== undefined ? `${p.grade} класс` : undefined)]
      .filter(Boolean)
      .join(', ');
  blocks.push(
    {
      kind: 'title',
      text: 'Персонализированная программа наставничества',
      subtitle: `на период ${formatTerm(v.programme.start, end)}`,
    },
    {
      kind: 'table',
      caption: 'Участники и условия',
      showCaption: false,
      columns: [
        { header: 'Сведения', width: 1 },
        { header: 'Содержание', width: 2 },
      ],
      rows: [
        { cells: ['Наставник', describe(mentor)] },
        {
          cells: [
            mentees.length > 1 ? 'Наставляемые (группа)' : 'Наставляемый',
            mentees.map(describe).join('\n'),
          ],
        },
        {
          cells: ['Форма наставничества', catalogueLabel(v.catalogues.forms ?? mentorshipForms, v.pair.form)],
        },
        {
          cells: [
            'Вид (формат) наставничества',
            v.pair.formats
              .map((f) => catalogueLabel(v.catalogues.formats ?? mentorshipFormats, f))
              .join(', '),
          ],
        },
        { cells: ['Срок реализации', formatTerm(v.programme.start, end)] },
        ...v.programme.extensions.map((e) => ({
          cells: [
            'Продление',
            `до ${formatDateShort(e.newEnd)} по обоюдному согласию от ${formatDateShort(e.agreedAt)}: ${e.reason}`,
          ],
        })),
      ],
    },
  );
  let section = 1;
  const needs = mentees.map((m) => ({ m, need: v.needs.find((n) => n.menteeId === m.id) }));
  if (needs.some((n) => n.need !== undefined)) {
    const group = mentees.length > 1;
    blocks.push(
      {
        kind: 'heading',
        level: 1,
        text: `${section++}. ${group ? 'Запросы наставляемых' : 'Запрос наставляемого'}, затруднения и сильные стороны`,
      },
      {
        kind: 'table',
        caption: 'Запрос, затруднения, сильные стороны',
        showCaption: false,
        columns: [
          ...(group ? [{ header: 'Наставляемый', width: 1.6 }] : []),
          { header: 'Запрос', width: 2.2 },
          { header: 'Затруднения', width: 2.2 },
          { header: 'Сильные стороны', width: 2.2 },
        ],
        rows: needs.map(({ m, need }) => ({
          cells: [
            ...(group ? [shortName(m)] : []),
            need?.request ?? '—',
            need && need.difficulties.length > 0 ? need.difficulties.join(';\n') : '—',
            need && need.strengths.length > 0 ? need.strengths.join(';\n') : '—',
          ],
        })),
      },
    );
  }
  blocks.push(
    { kind: 'heading', level: 1, text: `${section++}. Цели и задачи программы` },
    { kind: 'list', items: v.programme.goals },
  );
  if (v.programme.directions.length > 0) {
    blocks.push(
      { kind: 'heading', level: 1, text: `${section++}. Направления наставнической деятельности` },
      { kind: 'list', items: v.programme.directions },
    );
  }
  blocks.push(
    { kind: 'heading', level: 1, text: `${section++}. Индивидуальный план` },
    {
      kind: 'table',
      caption: 'Индивидуальный план',
      showCaption: false,
      columns: [
        { header: '№ п/п', width: 0.6 },
        { header: 'Мероприятие', width: 3.2 },
        { header: 'Срок', width: 1.9 },
        { header: 'Ожидаемый результат', width: 2.6 },
        { header: 'Отметка о выполнении', width: 1.9 },
      ],
      rows: v.programme.plan.map((it, i) => ({
        cells: [
          `${i + 1}.`,
          it.description ? `${it.title}\n${it.description}` : it.title,
          it.start ? formatTerm(it.start, it.due) : `до ${formatDateShort(it.due)}`,
          it.expectedResult,
          it.doneAt ? `выполнено ${formatDateShort(it.doneAt)}` : '',
        ],
      })),
    },
  );
  // A minor signs with a parent (legal representative) beside: 152-ФЗ ст. 9, 004 §1.
  // «Законный представитель» covers a parent (СК РФ ст. 64) and fits the signature line without wrapping.
  const parentLine = (of: string) => ({
    role: `Законный представитель ${of}`,
    name: '________________',
  });
  const sigs = [
    { role: 'Наставник', name: shortName(mentor) },
    ...(isMinorOn(mentor, v.programme.start) ? [parentLine('наставника')] : []),
    // The mentee's role in her or his gender: «Наставляемая Зайцева И. Д.», «родитель … наставляемой».
    ...mentees.flatMap((m) => [
      {
        role: byGender(m.gender, { female: 'Наставляемая', male: 'Наставляемый', neutral: 'Наставляемый' }),
        name: shortName(m),
      },
      ...(isMinorOn(m, v.programme.start)
        ? [
            parentLine(
              byGender(m.gender, { female: 'наставляемой', male: 'наставляемого', neutral: 'наставляемого' }),
            ),
          ]
        : []),
    ]),
  ];
  // A curator who mentors this pair signs once, as both.
  if (v.curatorId === mentor.id) sigs[0] = { role: 'Наставник, куратор', name: shortName(mentor) };
  else if (v.curatorId)
    sigs.push({ role: 'Куратор', name: shortName(findPerson(v.people, v.curatorId, ['curatorId'])) });
  blocks.push({ kind: 'signatures', items: sigs });
  return {
    meta: { kind: 'personalProgramme', title: 'Персонализированная программа наставничества' },
    blocks,
    annexes: [],
  };
}
