import {
  catalogueLabel,
  checkOrdersAgainstAgreements,
  formatName,
  type MentoringAgreement,
  MentoringAgreementSchema,
  type MentoringPay,
  mentorshipFormats,
  mentorshipForms,
  NastavnikError,
  OrganizationSchema,
  type Person,
  PersonIdSchema,
  PersonSchema,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import { acquaintance, capitalize, findPerson, orgShort, signature } from '../_internal/common';
import { control, head, ORDER_WORD } from '../_internal/orderParts';
import { cataloguesSchema, orderBase } from '../_internal/schemas';
import type { Block, NastavnikDocument, TableRowValue } from '../model';
import { formatDateLong, formatDateShort, formatTerm } from '../typography/dates';
import { byGender, nameIn } from '../typography/names';
import { formatNumber, plural } from '../typography/numbers';
import { declinePosition } from '../typography/positions';
import { quote } from '../typography/text';

// ТК РФ ст. 351.8 (Федеральный закон от 09.11.2024 № 381-ФЗ, в силе с 1 марта 2025 г.): ч. 1 — письменное
// согласие работника; ч. 2 — содержание, сроки и форма работы в трудовом договоре или дополнительном
// соглашении; ч. 3 — досрочный отказ и отмена поручения с предупреждением не менее чем за три рабочих дня.
const ART = 'статьи 351.8 Трудового кодекса Российской Федерации';
const NBSP = '\u00a0';

const AgreementDocSchema = z.object({
  organization: OrganizationSchema,
  people: z.array(PersonSchema).min(1),
  /** The head who signs for the employer (a person in `people` with a position). */
  headId: PersonIdSchema,
  agreement: MentoringAgreementSchema,
  /** What the employer acts on («устава»): genitive, after «действующего на основании». */
  headActsOn: z.string().trim().min(1).max(200).default('устава'),
  catalogues: cataloguesSchema,
});

/**
 * Input of {@link buildMentoringConsent} and {@link buildMentoringAgreement}.
 *
 * @category Builders
 * @example
 * const input: MentoringAgreementDocumentInput = { organization, people, headId: 'nuritdinova', agreement };
 */
export type MentoringAgreementDocumentInput = z.input<typeof AgreementDocSchema>;

/** «3 000 руб. 00 коп. в месяц» or «10 % должностного оклада в месяц». */
function payText(pay: MentoringPay): string {
  if (pay.kind === 'fixed') {
    const rub = Math.floor(pay.amountPerMonth);
    const kop = Math.round((pay.amountPerMonth - rub) * 100);
    return `${formatNumber(rub)}${NBSP}${plural(rub, ['рубль', 'рубля', 'рублей'])} ${String(kop).padStart(2, '0')}${NBSP}коп. в месяц`;
  }
  return `${formatNumber(pay.percent).replace('.', ',')}${NBSP}% должностного оклада (ставки заработной платы) в месяц`;
}

function formText(a: MentoringAgreement, catalogues: z.output<typeof cataloguesSchema>): string {
  const form = catalogueLabel(catalogues.forms ?? mentorshipForms, a.form, 'ru');
  const formats = a.formats.map((f) =>
    catalogueLabel(catalogues.formats ?? mentorshipFormats, f, 'ru').toLowerCase(),
  );
  return `${formats.length ? `${formats.join(', ')} ` : ''}наставничество по форме ${quote(form)}`;
}

function menteesText(
  a: MentoringAgreement,
  people: readonly Person[],
  grammaticalCase: 'dative' | 'genitive',
): string {
  if (a.menteeIds.length === 0) return 'работникам, закреплённым за наставником приказом работодателя';
  const names = a.menteeIds.map((id, k) => {
    const p = findPerson(people, id, ['agreement', 'menteeIds', k]);
    const pos = p.position ? `${declinePosition(p.position, grammaticalCase)} ` : '';
    return `${pos}${nameIn(p.name, p.gender, grammaticalCase)}`;
  });
  return names.join(', ');
}

function parties(v: z.output<typeof AgreementDocSchema>) {
  const mentor = findPerson(v.people, v.agreement.mentorId, ['agreement', 'mentorId']);
  const headPerson = findPerson(v.people, v.headId, ['headId']);
  return { mentor, headPerson };
}

/**
 * The worker's written consent to mentoring (ТК РФ ст. 351.8 ч. 1): addressed
 * to the head, it names the work, its form and term, says the terms will be
 * set by an additional agreement, and that the worker may end the mentoring
 * early with three working days' written notice (ч. 3). Dated the
 * agreement's `consentDate`, signed by the worker.
 *
 * @category Builders
 * @example
 * const doc = buildMentoringConsent({ organization, people, headId: 'nuritdinova', agreement });
 */
export function buildMentoringConsent(input: MentoringAgreementDocumentInput): NastavnikDocument {
  const v = parse(AgreementDocSchema, input);
  const a = v.agreement;
  const { mentor, headPerson } = parties(v);
  const to = `${capitalize(declinePosition(headPerson.position ?? 'руководитель', 'dative'))} ${orgShort(v.organization)}`;
  const from = `${mentor.position ? `${declinePosition(mentor.position, 'genitive')} ` : ''}${nameIn(mentor.name, mentor.gender, 'genitive', 'full')}`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: to, align: 'right', indent: false },
    {
      kind: 'paragraph',
      text: nameIn(headPerson.name, headPerson.gender, 'dative'),
      align: 'right',
      indent: false,
    },
    { kind: 'paragraph', text: `от ${from}`, align: 'right', indent: false },
    { kind: 'title', text: 'СОГЛАСИЕ', subtitle: 'на выполнение работы по наставничеству' },
    {
      kind: 'paragraph',
      text: `В соответствии с частью 1 ${ART} даю согласие на выполнение по поручению работодателя работы по наставничеству — оказанию помощи ${menteesText(a, v.people, 'dative')} в овладении навыками работы на рабочем месте по получаемой (полученной) профессии (специальности).`,
    },
    {
      kind: 'paragraph',
      text: `Форма выполнения работы — ${formText(a, v.catalogues)}; срок — ${formatTerm(a.term.start, a.term.end)}. Содержание работы, её сроки и форма, размер и условия выплаты за наставничество прошу установить дополнительным соглашением к трудовому договору (часть 2 ${ART}).`,
    },
    {
      kind: 'paragraph',
      text: `Мне разъяснено, что я вправе досрочно отказаться от осуществления наставничества, а работодатель — досрочно отменить поручение о его осуществлении, предупредив об этом другую сторону в письменной форме не менее чем за${NBSP}три рабочих дня (часть 3 ${ART}).`,
    },
    {
      kind: 'signatures',
      items: [
        { role: capitalize(mentor.position ?? 'работник'), name: formatName(mentor.name, 'initialsFirst') },
      ],
      date: formatDateShort(a.consentDate),
    },
  ];
  return {
    meta: { kind: 'mentoringConsent', title: 'Согласие на выполнение работы по наставничеству' },
    blocks,
    annexes: [],
  };
}

/**
 * The additional agreement to the employment contract on mentoring (ТК РФ
 * ст. 351.8 ч. 2): the parties, the worker's written consent, the content,
 * term and form of the work, the pay (a sum or a percentage of the salary),
 * early termination with its notice in working days (ч. 3) and the agreed
 * conditions, two copies, the signatures of both parties and the worker's
 * receipt of a copy.
 *
 * @category Builders
 * @example
 * const doc = buildMentoringAgreement({ organization, people, headId: 'nuritdinova', agreement });
 */
export function buildMentoringAgreement(input: MentoringAgreementDocumentInput): NastavnikDocument {
  const v = parse(AgreementDocSchema, input);
  const a = v.agreement;
  const { mentor, headPerson } = parties(v);
  const contract = a.employmentContract
    ? `от${NBSP}${formatDateShort(a.employmentContract.date)} №${NBSP}${a.employmentContract.number}`
    : 'от ____________ № ______';
  const title =
    a.kind === 'additionalAgreement'
      ? `ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ${a.number ? ` №${NBSP}${a.number}` : ''}`
      : 'УСЛОВИЯ ТРУДОВОГО ДОГОВОРА О НАСТАВНИЧЕСТВЕ';
  const acting = byGender(headPerson.gender, {
    female: 'действующей',
    male: 'действующего',
    neutral: 'действующего(ей)',
  });
  const named = byGender(mentor.gender, { female: 'именуемая', male: 'именуемый', neutral: 'именуемый(ая)' });
  const notice = a.earlyTermination.noticeWorkingDays;
  const noticeWords = `${notice}${NBSP}${plural(notice, ['рабочий день', 'рабочих дня', 'рабочих дней'])}`;
  const blocks: Block[] = [
    { kind: 'title', text: title, subtitle: `к трудовому договору ${contract}` },
    {
      kind: 'paragraph',
      text: `${v.organization.locality ?? ''}${v.organization.locality ? ', ' : ''}${formatDateLong(a.signedAt)}`,
      align: 'right',
      indent: false,
    },
    {
      kind: 'paragraph',
      text: `${v.organization.name}, именуемое в дальнейшем «Работодатель», в лице ${declinePosition(headPerson.position ?? 'руководитель', 'genitive')} ${nameIn(headPerson.name, headPerson.gender, 'genitive', 'full')}, ${acting} на основании ${v.headActsOn}, с одной стороны, и ${formatName(mentor.name, 'full')}, ${named} в дальнейшем «Работник», с другой стороны, на основании письменного согласия Работника от${NBSP}${formatDateShort(a.consentDate)} заключили настоящее соглашение о нижеследующем.`,
    },
    {
      kind: 'numbered',
      number: '1.',
      text: `Работодатель поручает, а Работник принимает на себя выполнение работы по наставничеству в соответствии со${NBSP}статьёй 351.8 Трудового кодекса Российской Федерации — оказание помощи ${menteesText(a, v.people, 'dative')} в овладении навыками работы на рабочем месте.`,
    },
    { kind: 'numbered', number: '2.', text: 'Содержание работы по наставничеству:' },
    {
      kind: 'list',
      items: a.content.map((c, i) => `${c.replace(/[.;]$/u, '')}${i === a.content.length - 1 ? '.' : ';'}`),
    },
    {
      kind: 'numbered',
      number: '3.',
      text: `Срок выполнения работы по наставничеству — ${formatTerm(a.term.start, a.term.end)}.`,
    },
    {
      kind: 'numbered',
      number: '4.',
      text: `Форма выполнения работы — ${formText(a, v.catalogues)}, без освобождения от основной работы, определённой трудовым договором${a.hoursPerMonth ? `, в объёме до${NBSP}${formatNumber(a.hoursPerMonth).replace('.', ',')}${NBSP}ч в месяц` : ''}.`,
    },
    {
      kind: 'numbered',
      number: '5.',
      text: `За выполнение работы по наставничеству Работнику устанавливается выплата в размере ${payText(a.pay)} на весь срок, указанный в пункте 3; за неполный месяц выплата начисляется пропорционально рабочим дням периода наставничества. Выплата производится в сроки выплаты заработной платы.`,
    },
    {
      kind: 'numbered',
      number: '6.',
      text: `Работник вправе досрочно отказаться от осуществления наставничества, а Работодатель — досрочно отменить поручение о его осуществлении, предупредив об этом другую сторону в письменной форме не менее чем за${NBSP}${noticeWords} (часть 3 статьи 351.8 Трудового кодекса Российской Федерации). Рабочие дни считаются по производственному календарю со дня, следующего за днём предупреждения.${a.earlyTermination.conditions.length ? ' Стороны также договорились:' : ''}`,
    },
    ...(a.earlyTermination.conditions.length
      ? [{ kind: 'list', items: a.earlyTermination.conditions } as const]
      : []),
    {
      kind: 'numbered',
      number: '7.',
      text: 'Остальные условия трудового договора остаются неизменными.',
    },
    {
      kind: 'numbered',
      number: '8.',
      text: `Настоящее соглашение вступает в силу с${NBSP}${formatDateLong(a.term.start, { quoted: false })}, составлено в двух экземплярах, имеющих одинаковую юридическую силу, по одному для каждой из сторон.`,
    },
    {
      kind: 'signatures',
      items: [
        {
          role: `Работодатель: ${declinePosition(headPerson.position ?? 'руководитель', 'nominative')}`,
          name: formatName(headPerson.name, 'initialsFirst'),
        },
        { role: 'Работник', name: formatName(mentor.name, 'initialsFirst') },
      ],
    },
    {
      kind: 'paragraph',
      spaced: true,
      align: 'left',
      text: `Второй экземпляр соглашения ${byGender(mentor.gender, { female: 'получила', male: 'получил', neutral: 'получил(а)' })}: ____________ ${formatName(mentor.name, 'initialsFirst')}    «___» ____________ 20___ г.`,
      indent: false,
    },
  ];
  return {
    meta: { kind: 'mentoringAgreement', title: 'Дополнительное соглашение о наставничестве' },
    blocks,
    annexes: [],
  };
}

const OrderDocSchema = z.object({
  ...orderBase,
  agreements: z.array(MentoringAgreementSchema).min(1).max(500),
  catalogues: cataloguesSchema,
  /** Who keeps the timesheet of mentoring hours (a person in `people`); the curator usually. */
  timesheetKeeperId: PersonIdSchema.optional(),
});

/**
 * Input of {@link buildMentoringDutiesOrder}.
 *
 * @category Builders
 * @example
 * const input: MentoringDutiesOrderInput = { organization, order, people, agreements: [agreement] };
 */
export type MentoringDutiesOrderInput = z.input<typeof OrderDocSchema>;

/**
 * The order assigning mentoring duties with the pay (ТК РФ ст. 351.8): who
 * mentors whom, the term, the form and the monthly pay of each mentor, on
 * the basis of their written consent and additional agreement; the
 * accountant pays by the timesheet of mentoring hours. Refuses an order
 * dated before an agreement it rests on (`order_before_agreement`).
 *
 * @category Builders
 * @example
 * const doc = buildMentoringDutiesOrder({ organization, order, people, agreements, acquainted: ['belov'] });
 */
export function buildMentoringDutiesOrder(input: MentoringDutiesOrderInput): NastavnikDocument {
  const v = parse(OrderDocSchema, input);
  const issues = checkOrdersAgainstAgreements(
    v.agreements.map((a) => ({ mentorId: a.mentorId, orderDate: v.order.date })),
    v.agreements,
  );
  const [first, ...rest] = issues;
  if (first) throw new NastavnikError([first, ...rest]);
  const rows: TableRowValue[] = v.agreements.map((a, i) => {
    const mentor = findPerson(v.people, a.mentorId, ['agreements', i, 'mentorId']);
    const mentees =
      a.menteeIds.length === 0
        ? 'по приказу о закреплении пар'
        : a.menteeIds
            .map((id, k) =>
              formatName(findPerson(v.people, id, ['agreements', i, 'menteeIds', k]).name, 'lastFirst'),
            )
            .join(', ');
    return {
      cells: [
        `${i + 1}.`,
        `${formatName(mentor.name, 'lastFirst')}${mentor.position ? `, ${mentor.position}` : ''}`,
        mentees,
        `${formatTerm(a.term.start, a.term.end)}; ${catalogueLabel(v.catalogues.forms ?? mentorshipForms, a.form, 'ru')}`,
        a.pay.kind === 'fixed'
          ? `${formatNumber(a.pay.amountPerMonth).replace('.', ',')}${NBSP}руб.`
          : `${formatNumber(a.pay.percent).replace('.', ',')}${NBSP}% оклада`,
        `${a.number ? `№${NBSP}${a.number} ` : ''}от${NBSP}${formatDateShort(a.signedAt)}`,
      ],
    };
  });
  const keeper = v.timesheetKeeperId
    ? findPerson(v.people, v.timesheetKeeperId, ['timesheetKeeperId'])
    : undefined;
  const blocks: Block[] = [
    ...head(v),
    {
      kind: 'paragraph',
      text: `${v.basis ?? `В соответствии со${NBSP}статьёй 351.8 Трудового кодекса Российской Федерации, Положением о системе наставничества ${orgShort(v.organization)}, на основании письменного согласия работников и дополнительных соглашений к трудовым договорам`},`,
    },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: 'Поручить выполнение работы по наставничеству работникам, указанным в таблице, на указанный в ней срок и по указанной форме.',
    },
    {
      kind: 'table',
      caption: 'Наставники, сроки, формы и выплаты',
      showCaption: false,
      columns: [
        { header: '№', width: 0.5 },
        { header: 'Наставник (ФИО, должность)', width: 2.5 },
        { header: 'Наставляемые', width: 2.8 },
        { header: 'Срок; форма', width: 2.3 },
        { header: 'Выплата в месяц', width: 1.5 },
        { header: 'Доп. соглашение', width: 1.7 },
      ],
      rows,
    },
    {
      kind: 'numbered',
      number: '2.',
      text: 'Установить наставникам ежемесячную выплату за наставничество в размерах, указанных в таблице, на срок наставничества; за неполный месяц — пропорционально рабочим дням периода наставничества.',
    },
    {
      kind: 'numbered',
      number: '3.',
      text: `${keeper ? `${capitalize(nameIn(keeper.name, keeper.gender, 'dative'))}${keeper.position ? `, ${declinePosition(keeper.position, 'dative')},` : ','}` : 'Куратору наставничества'} ежемесячно, не позднее последнего рабочего дня месяца, представлять в бухгалтерию табель учёта работы по наставничеству; бухгалтерии начислять выплату на его основании.`,
    },
    {
      kind: 'numbered',
      number: '4.',
      text: `Досрочное прекращение наставничества оформлять приказом по письменному предупреждению работника или работодателя не менее чем за${NBSP}три рабочих дня (часть 3 статьи 351.8 Трудового кодекса Российской Федерации).`,
    },
    control(v.order, 5),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  ];
  return { meta: { kind: 'mentoringDutiesOrder', title: v.order.title }, blocks, annexes: [] };
}
