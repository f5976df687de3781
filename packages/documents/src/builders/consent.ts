import {
  ConsentPurposeSchema,
  consentPurposeLabels,
  formatName,
  IsoDateSchema,
  isMinorOn,
  OrganizationSchema,
  PersonNameSchema,
  PersonSchema,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import { orgShort } from '../_internal/common';
import type { Block, NastavnikDocument } from '../model';
import { formatDateLong } from '../typography/dates';
import { byGender, nameIn } from '../typography/names';

const ConsentFormInputSchema = z.object({
  /** The operator of personal data (the school). */
  organization: OrganizationSchema,
  /** The operator's address, as 152-ФЗ art. 9 p. 4 requires. */
  operatorAddress: z.string().trim().min(1).max(500).optional(),
  subject: PersonSchema,
  /** The date the form is prepared for (decides adult / minor). */
  date: IsoDateSchema,
  purposes: z.array(ConsentPurposeSchema).min(1).default(['personalData', 'participation']),
  /** For a minor: the parent or legal guardian, when known (blank lines otherwise). */
  representative: z
    .object({ name: PersonNameSchema, relation: z.enum(['parent', 'guardian']).default('parent') })
    .optional(),
  /** The programme's end: the consent is valid until then, or until withdrawn. */
  validUntil: IsoDateSchema.optional(),
});

/**
 * Input of {@link buildConsentForm}.
 *
 * @category Builders
 * @example
 * const input: ConsentFormInput = { organization, subject: pupil, date: '2023-09-05' };
 */
export type ConsentFormInput = z.input<typeof ConsentFormInputSchema>;

const DATA = [
  'фамилия, имя, отчество',
  'дата рождения',
  'место учёбы (работы), класс (должность)',
  'контактный телефон, адрес электронной почты',
  'сведения об образовании, стаже и профессиональных компетенциях (для наставников — педагогов)',
  'сведения об участии в программе наставничества, результаты анкетирования и мониторинга',
];

const ACTIONS =
  'сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) в органы управления образованием в рамках мониторинга целевой модели наставничества, обезличивание, блокирование, удаление, уничтожение';

/**
 * A written consent to the processing of personal data (152-ФЗ «О
 * персональных данных», ст. 9) for the mentoring programme: the adult's own
 * form, or — when the subject is a minor on `date` — the form signed by a
 * parent or legal guardian (004 §1). It names the operator, the purposes,
 * the data, the actions, the term and the right to withdraw (ч. 2 ст. 9).
 *
 * @category Builders
 * @example
 * const doc = buildConsentForm({ organization, subject: pupil, date: '2023-09-05',
 *   representative: { name: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Игоревна' } } });
 */
export function buildConsentForm(input: ConsentFormInput): NastavnikDocument {
  const v = parse(ConsentFormInputSchema, input);
  const minor = isMinorOn(v.subject, v.date);
  const subjectName = formatName(v.subject.name, 'full');
  const operator = `${v.organization.name}${v.operatorAddress ? `, адрес: ${v.operatorAddress}` : v.organization.locality ? `, ${v.organization.locality}` : ''}`;
  const purposes = v.purposes.map((p) => consentPurposeLabels[p].ru);
  const blank = '______________________________________________';
  const blocks: Block[] = [
    {
      kind: 'title',
      text: minor
        ? 'Согласие родителя (законного представителя) на обработку персональных данных несовершеннолетнего'
        : 'Согласие на обработку персональных данных',
      subtitle: 'участника программы наставничества',
    },
  ];
  if (minor) {
    const rep = v.representative ? formatName(v.representative.name, 'full') : blank;
    const relation =
      v.representative?.relation === 'guardian'
        ? 'законным представителем'
        : 'родителем (законным представителем)';
    blocks.push(
      { kind: 'paragraph', text: `Я, ${rep},` },
      {
        kind: 'paragraph',
        text: `паспорт серия ______ № __________, выдан ${blank},`,
        indent: false,
        align: 'left',
      },
      {
        kind: 'paragraph',
        text: `являясь ${relation} ${byGender(v.subject.gender, { female: 'несовершеннолетней', male: 'несовершеннолетнего' })} ${nameIn(v.subject.name, v.subject.gender, 'genitive', 'full')}${v.subject.grade !== undefined ? `, ${byGender(v.subject.gender, { female: 'обучающейся', male: 'обучающегося' })} ${v.subject.grade} класса` : ''},`,
        indent: false,
      },
    );
  } else {
    blocks.push(
      { kind: 'paragraph', text: `Я, ${subjectName},` },
      {
        kind: 'paragraph',
        text: `паспорт серия ______ № __________, выдан ${blank},`,
        indent: false,
        align: 'left',
      },
    );
  }
  blocks.push(
    {
      kind: 'paragraph',
      text: `в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в ${minor ? 'интересах несовершеннолетнего' : 'своём интересе'} даю согласие оператору — ${operator} (далее — ${orgShort(v.organization)}) на обработку ${minor ? 'его (её) ' : 'моих '}персональных данных в целях:`,
    },
    { kind: 'list', items: purposes.map((p, i) => `${p}${i === purposes.length - 1 ? '.' : ';'}`) },
    { kind: 'paragraph', text: 'Перечень персональных данных, на обработку которых даётся согласие:' },
    { kind: 'list', items: DATA.map((d, i) => `${d}${i === DATA.length - 1 ? '.' : ';'}`) },
    {
      kind: 'paragraph',
      text: `Перечень действий с персональными данными: ${ACTIONS}; обработка осуществляется с использованием средств автоматизации и без них.`,
    },
    {
      kind: 'paragraph',
      text: `Согласие действует ${v.validUntil ? `до ${formatDateLong(v.validUntil, { quoted: false })}` : 'до окончания участия в программе наставничества'} или до его отзыва. Согласие может быть отозвано письменным заявлением, направленным оператору (ч. 2 ст. 9 Федерального закона № 152-ФЗ).`,
    },
  );
  if (v.purposes.includes('publication')) {
    blocks.push({
      kind: 'paragraph',
      text: 'Размещение фамилии, имени, фотографий и результатов участия на официальном сайте и в официальных группах оператора допускается в пределах настоящего согласия.',
    });
  }
  blocks.push({
    kind: 'signatures',
    items: [{ role: '«___» __________ 20__ г.', name: '/ ____________________ /' }],
  });
  return {
    meta: {
      kind: minor ? 'consentMinor' : 'consentAdult',
      title: 'Согласие на обработку персональных данных',
    },
    blocks,
    annexes: [],
  };
}
