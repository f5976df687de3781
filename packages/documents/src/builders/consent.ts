import {
  AddressSchema,
  formatName,
  type Gender,
  GenderSchema,
  type IdentityDocument,
  IdentityDocumentSchema,
  IsoDateSchema,
  isMinorOn,
  NastavnikError,
  type NastavnikIssue,
  nastavnikIssue,
  type Organization,
  OrganizationSchema,
  type PersonName,
  PersonNameSchema,
  PersonSchema,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { orgShort } from '../_internal/common';
import type { Block, NastavnikDocument } from '../model';
import { formatDateLong, formatDateShort } from '../typography/dates';
import { byGender, nameIn } from '../typography/names';

registerCatalogue();

/**
 * The elements a written consent to the processing of personal data must
 * contain (152-ФЗ ст. 9 ч. 4), as data: an id, the point of the article,
 * when it applies (always, for a representative, when a processor is
 * engaged) and the words the document prints it under (`blankLabel`, when
 * the blank form words it differently). Tests read the DOCX
 * back and find every one; `consent_element_missing` names the id.
 *
 * @category Builders
 * @example
 * processingConsentChecklist.filter((e) => e.when === 'always').map((e) => e.id);
 */
export const processingConsentChecklist = [
  { id: 'subjectName', point: 'п. 1', when: 'always', label: 'Я,', ru: 'фамилия, имя, отчество субъекта' },
  {
    id: 'subjectAddress',
    point: 'п. 1',
    when: 'always',
    label: 'по адресу:',
    blankLabel: 'адрес места жительства',
    ru: 'адрес субъекта',
  },
  {
    id: 'subjectDocument',
    point: 'п. 1',
    when: 'always',
    label: 'документ, удостоверяющий личность',
    ru: 'номер основного документа, удостоверяющего личность субъекта, дата выдачи и выдавший орган',
  },
  {
    id: 'representativeName',
    point: 'п. 2',
    when: 'representative',
    label: 'являясь',
    ru: 'фамилия, имя, отчество представителя',
  },
  {
    id: 'representativeAddress',
    point: 'п. 2',
    when: 'representative',
    label: 'по адресу:',
    blankLabel: 'адрес места жительства',
    ru: 'адрес представителя',
  },
  {
    id: 'representativeDocument',
    point: 'п. 2',
    when: 'representative',
    label: 'документ, удостоверяющий личность',
    ru: 'документ, удостоверяющий личность представителя',
  },
  {
    id: 'authorityDocument',
    point: 'п. 2',
    when: 'representative',
    label: 'документ, подтверждающий полномочия законного представителя',
    ru: 'реквизиты документа, подтверждающего полномочия представителя',
  },
  { id: 'operatorName', point: 'п. 3', when: 'always', label: 'даю согласие', ru: 'наименование оператора' },
  { id: 'operatorAddress', point: 'п. 3', when: 'always', label: 'адрес оператора:', ru: 'адрес оператора' },
  {
    id: 'purposes',
    point: 'п. 4',
    when: 'always',
    label: 'обрабатываются в целях:',
    ru: 'цель обработки',
  },
  {
    id: 'dataList',
    point: 'п. 5',
    when: 'always',
    label: 'Перечень персональных данных',
    ru: 'перечень персональных данных',
  },
  {
    id: 'actions',
    point: 'п. 7',
    when: 'always',
    label: 'Перечень действий',
    ru: 'перечень действий с персональными данными',
  },
  {
    id: 'methods',
    point: 'п. 7',
    when: 'always',
    label: 'Способы обработки',
    ru: 'общее описание способов обработки',
  },
  {
    id: 'processor',
    point: 'п. 6',
    when: 'always',
    label: 'по поручению оператора',
    ru: 'лицо, осуществляющее обработку по поручению оператора, если обработка будет поручена',
  },
  {
    id: 'term',
    point: 'п. 8',
    when: 'always',
    label: 'Срок действия согласия',
    ru: 'срок, в течение которого действует согласие',
  },
  { id: 'withdrawal', point: 'п. 8', when: 'always', label: 'Порядок отзыва', ru: 'способ отзыва согласия' },
  { id: 'signature', point: 'п. 9', when: 'always', label: '(подпись)', ru: 'подпись субъекта' },
] as const;

/** An element of the checklist. @category Builders @example const id: ConsentElementId = 'subjectAddress'; */
export type ConsentElementId = (typeof processingConsentChecklist)[number]['id'];

const RepresentativeSchema = z.object({
  name: PersonNameSchema,
  gender: GenderSchema.optional(),
  relation: z.enum(['parent', 'guardian']).default('parent'),
  address: AddressSchema.optional(),
  identityDocument: IdentityDocumentSchema.optional(),
  /**
   * The document proving the authority (ст. 9 ч. 4 п. 2): for a parent, the
   * child's birth certificate; for a guardian, the act of appointment
   * («распоряжение администрации … от … № …»).
   */
  authorityDocument: z.string().trim().min(3).max(300).optional(),
});

const common = {
  /** The operator of personal data (the school). Its `address` is printed (ст. 9 ч. 4 п. 3). */
  organization: OrganizationSchema,
  /** Overrides the organization's address. */
  operatorAddress: AddressSchema.optional(),
  /**
   * The subject from the registry: the form is pre-filled and refused when an
   * element ст. 9 ч. 4 requires is missing. Absent: a blank form to fill in by hand.
   */
  subject: PersonSchema.optional(),
  /** For a blank form: the variant for a minor's parent (`true`) or for an adult. */
  minor: z.boolean().optional(),
  /** The date the form is prepared for (decides adult / minor; the consent's start). */
  date: IsoDateSchema,
  /** For a minor: the parent or legal guardian who signs. */
  representative: RepresentativeSchema.optional(),
  /** The last day the consent is in force; absent: until the purposes are achieved. */
  validUntil: IsoDateSchema.optional(),
};

const ConsentFormInputSchema = z.object({
  ...common,
  /** A person processing the data on the operator's instructions (ст. 9 ч. 4 п. 6), e.g. the operator of a regional system. */
  processor: z.object({ name: z.string().trim().min(1).max(500), address: AddressSchema }).optional(),
});

/**
 * Input of {@link buildConsentForm}.
 *
 * @category Builders
 * @example
 * const input: ConsentFormInput = { organization, subject: pupil, date: '2023-09-05', representative };
 */
export type ConsentFormInput = z.input<typeof ConsentFormInputSchema>;

const DATA = [
  'фамилия, имя, отчество; пол; дата рождения',
  'место учёбы (работы), класс (группа) или должность',
  'контактный телефон, адрес электронной почты',
  'сведения об образовании, стаже и профессиональных компетенциях (для наставников и наставляемых из числа работников)',
  'запросы и профессиональные затруднения, ответы на анкеты, сведения об участии в программе наставничества и его результатах',
];

/** Purposes as nouns in the genitive: «в целях: организации…, формирования…». */
function purposesText(org: Organization): string[] {
  return [
    `организации и реализации программы наставничества (целевой модели наставничества) в ${orgShort(org)}`,
    'формирования и ведения баз наставников и наставляемых',
    'подбора и закрепления наставнических пар (групп), разработки персонализированных программ наставничества',
    'проведения анкетирования, мониторинга и оценки эффективности программы наставничества',
    'подготовки отчётности для органов управления образованием в обезличенном виде',
  ];
}

const ACTIONS =
  'сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) органам управления образованием в обезличенном виде, обезличивание, блокирование, удаление, уничтожение';

const METHODS =
  'смешанная обработка: с использованием средств автоматизации (в информационной системе оператора) и без их использования (на бумажных носителях); передача в органы управления образованием — только после обезличивания';

const blankLine = (n = 46) => '_'.repeat(n);

const NOUN_GENDER: Readonly<Record<string, 'm' | 'f' | 'n'>> = {
  учреждение: 'n',
  образовательное: 'n',
  управление: 'n',
  объединение: 'n',
  организация: 'f',
  школа: 'f',
  гимназия: 'f',
  академия: 'f',
  лицей: 'm',
  комитет: 'm',
  центр: 'm',
  колледж: 'm',
  техникум: 'm',
  детский: 'm',
  сад: 'm',
};

/** One word of an organization's name into the dative (adjectives agree with the head noun). */
function wordToDative(word: string, gender: 'm' | 'f' | 'n'): string {
  const lower = word.toLowerCase();
  const swap = (n: number, end: string) => word.slice(0, word.length - n) + end;
  if (/(ое|ее)$/.test(lower)) return swap(2, lower.endsWith('ее') ? 'ему' : 'ому');
  if (/ая$/.test(lower)) return swap(2, 'ой');
  if (/яя$/.test(lower)) return swap(2, 'ей');
  if (/(ый|ой)$/.test(lower)) return swap(2, 'ому');
  if (/ий$/.test(lower))
    return swap(2, gender === 'm' ? (/[гкхжшчщ]ий$/.test(lower) ? 'ому' : 'ему') : 'ему');
  if (/ие$/.test(lower)) return swap(1, 'ю');
  if (/ия$/.test(lower)) return swap(1, 'и');
  if (/а$/.test(lower)) return swap(1, 'е');
  if (/я$/.test(lower)) return swap(1, 'е');
  if (/й$/.test(lower)) return swap(1, 'ю');
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${word}у`;
  return word;
}

/**
 * An organization's name in the dative, as «даю согласие …» needs it:
 * «Муниципальное общеобразовательное учреждение «Лицей № 7»» →
 * «Муниципальному общеобразовательному учреждению «Лицей № 7»». The
 * quoted proper name and abbreviations («МОУ «Лицей № 7»») stay as they are.
 */
function organizationInDative(name: string): string {
  const q = name.search(/[«"]/);
  const head = q < 0 ? name : name.slice(0, q);
  const tail = q < 0 ? '' : name.slice(q);
  const words = head.split(/(\s+)/);
  // The head noun is the first word the table knows as a noun; abbreviations (all capitals) are left alone.
  const nouns = words.map((w) => w.toLowerCase()).filter((w) => NOUN_GENDER[w] !== undefined);
  const headNoun = nouns.find((w) => !/(ое|ая|ый|ий|ой)$/.test(w)) ?? nouns[0];
  const gender = headNoun ? (NOUN_GENDER[headNoun] ?? 'n') : 'n';
  let reachedNoun = false;
  const out = words.map((w) => {
    if (/^\s*$/.test(w) || reachedNoun) return w;
    if (w.length > 1 && w === w.toUpperCase()) return w;
    if (w.toLowerCase() === headNoun) reachedNoun = true;
    const declined = wordToDative(w, gender);
    return w.charAt(0) === w.charAt(0).toUpperCase()
      ? declined.charAt(0).toUpperCase() + declined.slice(1)
      : declined;
  });
  return out.join('') + tail;
}

function identityDocumentText(d: IdentityDocument): string {
  const series = d.series ? `серия ${d.series} ` : '';
  const noun =
    d.kind === 'passport'
      ? 'паспорт гражданина Российской Федерации'
      : d.kind === 'birthCertificate'
        ? 'свидетельство о рождении'
        : d.kind === 'foreignPassport'
          ? 'паспорт иностранного гражданина'
          : (d.title ?? 'документ');
  const issued = d.kind === 'birthCertificate' ? 'выдано' : 'выдан';
  return `${noun} ${series}№\u00a0${d.number}, ${issued} ${formatDateShort(d.issuedAt)} ${d.issuedBy}`;
}

// The first noun of a document's title in the genitive, as «на основании …» needs it.
const DOCUMENT_NOUN_GENITIVE: Readonly<Record<string, string>> = {
  свидетельство: 'свидетельства',
  распоряжение: 'распоряжения',
  постановление: 'постановления',
  решение: 'решения',
  приказ: 'приказа',
  акт: 'акта',
  удостоверение: 'удостоверения',
  договор: 'договора',
  доверенность: 'доверенности',
};

/**
 * «действуя на основании свидетельства о рождении … (документ,
 * подтверждающий полномочия законного представителя)»: the document's
 * title put in the genitive when its first word is a known noun; otherwise
 * (a title the table does not know) quoted after a label, so that nothing is
 * declined wrongly.
 */
function authorityBasis(document: string): string {
  const m = /^(\S+)(.*)$/su.exec(document.trim());
  const word = m?.[1] ?? '';
  const genitive = DOCUMENT_NOUN_GENITIVE[word.toLowerCase()];
  const label = 'документ, подтверждающий полномочия законного представителя';
  if (genitive === undefined) return `${label}: ${document}`;
  const cased =
    word.charAt(0) === word.charAt(0).toUpperCase()
      ? genitive.charAt(0).toUpperCase() + genitive.slice(1)
      : genitive;
  return `действуя на основании ${cased}${m?.[2] ?? ''} (${label})`;
}

/** «моего несовершеннолетнего сына» for a parent, «моего несовершеннолетнего подопечного» for a guardian; a neutral form when the gender is unknown. */
function minorWhose(g: Gender | undefined, relation: 'parent' | 'guardian' | undefined): string {
  if (relation === 'guardian') {
    return byGender(g, {
      female: 'моей несовершеннолетней подопечной',
      male: 'моего несовершеннолетнего подопечного',
      neutral: 'несовершеннолетнего, находящегося под моей опекой (попечительством)',
    });
  }
  return byGender(g, {
    female: 'моей несовершеннолетней дочери',
    male: 'моего несовершеннолетнего сына',
    neutral: 'моего несовершеннолетнего ребёнка',
  });
}

/** Gender from the record, else from the patronymic (-вна / -вич), else unknown. */
function genderOf(gender: Gender | undefined, name: PersonName): Gender | undefined {
  if (gender) return gender;
  const m = name.middleName?.toLowerCase() ?? '';
  if (/(вна|чна|кызы)$/.test(m)) return 'female';
  if (/(вич|ич|оглы)$/.test(m)) return 'male';
  return undefined;
}

type Missing = { element: ConsentElementId; path: (string | number)[] };

function refuseMissing(missing: readonly Missing[]): void {
  const issues: NastavnikIssue[] = missing.map(
    (m) => nastavnikIssue('consent_element_missing', m.path, { element: m.element }) as NastavnikIssue,
  );
  const [first, ...rest] = issues;
  if (first !== undefined) throw new NastavnikError([first, ...rest]);
}

function operatorAddress(org: Organization, override: string | undefined): string | undefined {
  return override ?? org.address;
}

function signatureBlock(date: string | undefined, name: string | undefined): Block[] {
  return [
    {
      kind: 'paragraph',
      text: `${date ?? '«___» ____________ 20___ г.'}        ____________________ / ${name ?? '____________________'} /`,
      indent: false,
      spaced: true,
    },
    {
      kind: 'paragraph',
      text: '(дата)                                     (подпись)                   (расшифровка подписи)',
      indent: false,
    },
  ];
}

/**
 * A written consent to the processing of personal data for the mentoring
 * programme (152-ФЗ «О персональных данных», ст. 9), with every element of
 * ст. 9 ч. 4 ({@link processingConsentChecklist}): the subject's name,
 * address and identity document; for a minor (004 §1), the parent's or
 * guardian's name, address, document and the document proving the
 * authority; the operator in the dative with its address; the purposes (nouns
 * in the genitive); the data; the actions and ways of processing; the
 * processor, if any; the term and how to withdraw; the signature. Consent to
 * dissemination is a separate document ({@link buildDisseminationConsentForm},
 * ст. 10.1).
 *
 * Two modes: with a `subject` from the registry it is pre-filled, and an
 * element the law requires that the registry lacks makes it throw
 * `consent_element_missing` (one issue per element, by id and path, never a
 * value); without a `subject` it is a blank form with lines to fill in. The
 * subject's words agree with their gender («зарегистрированный» /
 * «зарегистрированная»); the blank form uses forms that need no agreement.
 *
 * @category Builders
 * @example
 * const doc = buildConsentForm({ organization, subject: pupil, date: '2023-09-05',
 *   representative: { name: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Игоревна' },
 *     address: '187555, г. Тихвин, ул. Советская, д. 1', identityDocument, authorityDocument: 'свидетельство о рождении II-ВО № 123456 от 20.03.2009' } });
 */
export function buildConsentForm(input: ConsentFormInput): NastavnikDocument {
  const v = parse(ConsentFormInputSchema, input);
  const s = v.subject;
  const minor = s ? isMinorOn(s, v.date) : (v.minor ?? false);
  const org = v.organization;
  const opAddress = operatorAddress(org, v.operatorAddress);
  if (s) {
    const missing: Missing[] = [];
    if (!s.address) missing.push({ element: 'subjectAddress', path: ['subject', 'address'] });
    if (!s.identityDocument)
      missing.push({ element: 'subjectDocument', path: ['subject', 'identityDocument'] });
    if (!opAddress) missing.push({ element: 'operatorAddress', path: ['organization', 'address'] });
    if (minor) {
      const r = v.representative;
      if (!r) missing.push({ element: 'representativeName', path: ['representative'] });
      else {
        if (!r.address)
          missing.push({ element: 'representativeAddress', path: ['representative', 'address'] });
        if (!r.identityDocument) {
          missing.push({ element: 'representativeDocument', path: ['representative', 'identityDocument'] });
        }
        if (!r.authorityDocument) {
          missing.push({ element: 'authorityDocument', path: ['representative', 'authorityDocument'] });
        }
      }
    }
    refuseMissing(missing);
  }
  const blank = blankLine();
  const blocks: Block[] = [
    {
      kind: 'title',
      text: minor
        ? 'Согласие родителя (законного представителя) на обработку персональных данных несовершеннолетнего'
        : 'Согласие на обработку персональных данных',
      subtitle: 'участника программы наставничества',
    },
  ];
  const opName = `${organizationInDative(org.name)}${org.shortName ? ` (${org.shortName})` : ''}`;
  const opLine = `адрес оператора: ${opAddress ?? blank}`;
  if (s) {
    const sg = genderOf(s.gender, s.name);
    const registered = (g: Gender | undefined) =>
      byGender(g, { female: 'зарегистрированная', male: 'зарегистрированный' });
    if (minor) {
      const r = v.representative as NonNullable<typeof v.representative>;
      const rg = genderOf(r.gender, r.name);
      const relation =
        r.relation === 'guardian'
          ? 'законным представителем (опекуном, попечителем)'
          : 'родителем (законным представителем)';
      const childAdj = byGender(sg, { female: 'несовершеннолетней', male: 'несовершеннолетнего' });
      const pupil =
        s.grade !== undefined
          ? `, ${byGender(sg, { female: 'обучающейся', male: 'обучающегося' })} ${s.grade} класса`
          : '';
      const born = s.birthDate ? `, ${formatDateShort(s.birthDate)} года рождения` : '';
      blocks.push({
        kind: 'paragraph',
        text: `Я, ${formatName(r.name, 'full')}, ${registered(rg)} по адресу: ${r.address}, документ, удостоверяющий личность: ${identityDocumentText(r.identityDocument as IdentityDocument)}, являясь ${relation} ${childAdj} ${nameIn(s.name, sg, 'genitive', 'full')}${born}${pupil}, ${byGender(sg, { female: 'зарегистрированной', male: 'зарегистрированного' })} по адресу: ${s.address}, документ, удостоверяющий личность несовершеннолетнего: ${identityDocumentText(s.identityDocument as IdentityDocument)}, ${authorityBasis(r.authorityDocument as string)},`,
      });
    } else {
      blocks.push({
        kind: 'paragraph',
        text: `Я, ${formatName(s.name, 'full')}, ${registered(sg)} по адресу: ${s.address}, документ, удостоверяющий личность: ${identityDocumentText(s.identityDocument as IdentityDocument)},`,
      });
    }
    const whose = minor
      ? `персональных данных ${minorWhose(sg, v.representative?.relation)}`
      : 'моих персональных данных';
    blocks.push({
      kind: 'paragraph',
      text: `в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в ${minor ? 'интересах несовершеннолетнего' : 'своём интересе'} даю согласие ${opName}, ${opLine} (далее — оператор), на обработку ${whose} на следующих условиях.`,
    });
  } else {
    // A blank form: fields to fill in by hand, with words that need no gender agreement.
    const who = minor ? 'родителя (законного представителя)' : 'субъекта персональных данных';
    blocks.push(
      { kind: 'paragraph', text: `Я, ${blank},`, indent: false },
      { kind: 'paragraph', text: `(фамилия, имя, отчество ${who})`, indent: false, align: 'center' },
      { kind: 'paragraph', text: `адрес места жительства: ${blank},`, indent: false, align: 'left' },
      {
        kind: 'paragraph',
        text: `документ, удостоверяющий личность: ${blankLine(20)} серия ______ № __________, дата выдачи ___________, кем выдан ${blankLine(30)},`,
        indent: false,
        align: 'left',
      },
    );
    if (minor) {
      blocks.push(
        {
          kind: 'paragraph',
          text: `являясь родителем (законным представителем) несовершеннолетнего обучающегося: ${blank},`,
          indent: false,
          align: 'left',
        },
        {
          kind: 'paragraph',
          text: '(фамилия, имя, отчество, дата рождения ребёнка)',
          indent: false,
          align: 'center',
        },
        {
          kind: 'paragraph',
          text: `адрес места жительства несовершеннолетнего: ${blank},`,
          indent: false,
          align: 'left',
        },
        {
          kind: 'paragraph',
          text: `документ, удостоверяющий личность несовершеннолетнего: ${blankLine(20)} серия ______ № __________, дата выдачи ___________, кем выдан ${blankLine(30)},`,
          indent: false,
          align: 'left',
        },
        {
          kind: 'paragraph',
          text: `действуя на основании документа, подтверждающего полномочия законного представителя (свидетельство о рождении, акт органа опеки и попечительства): ${blank},`,
          indent: false,
          align: 'left',
        },
        {
          kind: 'paragraph',
          text: '(документ, подтверждающий полномочия законного представителя: наименование, серия, номер, дата выдачи, кем выдан)',
          indent: false,
          align: 'center',
        },
      );
    }
    blocks.push({
      kind: 'paragraph',
      text: `в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в ${minor ? 'интересах несовершеннолетнего' : 'своём интересе'} даю согласие ${opName}, ${opLine} (далее — оператор), на обработку ${minor ? 'персональных данных несовершеннолетнего' : 'моих персональных данных'} на следующих условиях.`,
    });
  }
  const purposes = purposesText(org);
  const until = v.validUntil
    ? `до ${formatDateLong(v.validUntil, { quoted: false })} включительно`
    : 'до достижения целей обработки (окончания участия в программе наставничества)';
  blocks.push(
    { kind: 'numbered', number: '1.', text: 'Персональные данные обрабатываются в целях:' },
    { kind: 'list', items: purposes.map((p, i) => `${p}${i === purposes.length - 1 ? '.' : ';'}`) },
    {
      kind: 'numbered',
      number: '2.',
      text: 'Перечень персональных данных, на обработку которых даётся согласие:',
    },
    { kind: 'list', items: DATA.map((d, i) => `${d}${i === DATA.length - 1 ? '.' : ';'}`) },
    { kind: 'numbered', number: '3.', text: `Перечень действий с персональными данными: ${ACTIONS}.` },
    { kind: 'numbered', number: '4.', text: `Способы обработки: ${METHODS}.` },
    {
      kind: 'numbered',
      number: '5.',
      text: v.processor
        ? `Лицо, осуществляющее обработку персональных данных по поручению оператора: ${v.processor.name}, адрес: ${v.processor.address}.`
        : 'Обработка персональных данных по поручению оператора другому лицу не поручается.',
    },
    {
      kind: 'numbered',
      number: '6.',
      text: `Срок действия согласия: с ${formatDateLong(v.date, { quoted: false })} ${until}. По достижении целей обработки персональные данные уничтожаются или обезличиваются в срок, не превышающий тридцати дней (ч. 4 ст. 21 Федерального закона № 152-ФЗ).`,
    },
    {
      kind: 'numbered',
      number: '7.',
      text: `Порядок отзыва: согласие может быть отозвано в любое время письменным заявлением, направленным оператору по адресу: ${opAddress ?? blank}, или переданным лично (ч. 2 ст. 9 Федерального закона № 152-ФЗ). С даты поступления отзыва оператор прекращает обработку и уничтожает персональные данные в срок, не превышающий тридцати дней (ч. 5 ст. 21), если иное не предусмотрено федеральным законом.`,
    },
    {
      kind: 'numbered',
      number: '8.',
      text: 'Согласие на распространение персональных данных (ст. 10.1 Федерального закона № 152-ФЗ) настоящим согласием не даётся и оформляется отдельным документом.',
    },
  );
  const signer = s
    ? formatName(
        minor ? (v.representative as NonNullable<typeof v.representative>).name : s.name,
        'lastFirst',
      )
    : undefined;
  blocks.push(...signatureBlock(s ? formatDateShort(v.date) : undefined, signer));
  return {
    meta: {
      kind: minor ? 'consentMinor' : 'consentAdult',
      title: 'Согласие на обработку персональных данных',
    },
    blocks,
    annexes: [],
  };
}

/**
 * A category of personal data in a consent to dissemination and the
 * subject's decision on it (152-ФЗ ст. 10.1 ч. 1, 9): allowed or not, to an
 * unlimited circle of persons or not, and the conditions and prohibitions.
 *
 * @category Builders
 * @example
 * const p: DisseminationPermission = { item: 'photo', allowed: true, unlimited: false, conditions: 'только на сайте школы' };
 */
export const DisseminationPermissionSchema = z.object({
  item: z.enum(['name', 'placeOfStudy', 'results', 'photo', 'video']),
  allowed: z.boolean(),
  unlimited: z.boolean().default(false),
  conditions: z.string().trim().min(1).max(500).optional(),
});
/** A decision on a category. @category Builders @example const p: DisseminationPermission = { item: 'name', allowed: true }; */
export type DisseminationPermission = z.input<typeof DisseminationPermissionSchema>;

const DISSEMINATION_ITEMS: ReadonlyArray<{
  item: DisseminationPermission['item'];
  category: string;
  text: string;
}> = [
  { item: 'name', category: 'общие персональные данные', text: 'фамилия, имя, отчество' },
  {
    item: 'placeOfStudy',
    category: 'общие персональные данные',
    text: 'место учёбы (работы), класс или должность',
  },
  {
    item: 'results',
    category: 'общие персональные данные',
    text: 'сведения об участии в программе наставничества, её результатах и достижениях',
  },
  { item: 'photo', category: 'биометрические персональные данные', text: 'фотографическое изображение' },
  { item: 'video', category: 'биометрические персональные данные', text: 'видеозапись' },
];

const DisseminationInputSchema = z.object({
  ...common,
  /** The operator's information resources through which data is disseminated (its site, official groups). */
  resources: z.array(z.string().trim().min(3).max(300)).min(1),
  /** The subject's decision per category; a category not listed is not allowed (ст. 10.1 ч. 8). */
  permissions: z.array(DisseminationPermissionSchema).default([]),
  /** Contact of the subject (phone, e-mail or postal address), as the consent requires. */
  contact: z.string().trim().min(3).max(300).optional(),
});
/**
 * Input of {@link buildDisseminationConsentForm}.
 *
 * @category Builders
 * @example
 * const input: DisseminationConsentInput = { organization, date: '2023-09-05', resources: ['https://lyceum7.ru'] };
 */
export type DisseminationConsentInput = z.input<typeof DisseminationInputSchema>;

/**
 * The consent to the dissemination of personal data (152-ФЗ ст. 10.1) — a
 * document separate from the consent to processing: the subject (and, for a
 * minor, the parent), the operator with its address and its information
 * resources, the purpose, and a table of categories of data with the
 * decision on each (allowed or not, to an unlimited circle of persons or not,
 * conditions and prohibitions, ч. 9), the term and how to demand that
 * dissemination stop (ч. 12–14: within three working days). A category the
 * subject did not allow stays not allowed (ч. 8). Pre-filled from the registry
 * (refused when an element is missing) or blank, like {@link buildConsentForm}.
 *
 * @category Builders
 * @example
 * const doc = buildDisseminationConsentForm({ organization, subject: teacher, date: '2023-09-05',
 *   resources: ['https://lyceum7.ru'], permissions: [{ item: 'name', allowed: true }] });
 */
export function buildDisseminationConsentForm(input: DisseminationConsentInput): NastavnikDocument {
  const v = parse(DisseminationInputSchema, input);
  const s = v.subject;
  const minor = s ? isMinorOn(s, v.date) : (v.minor ?? false);
  const org = v.organization;
  const opAddress = operatorAddress(org, v.operatorAddress);
  if (s) {
    const missing: Missing[] = [];
    if (!opAddress) missing.push({ element: 'operatorAddress', path: ['organization', 'address'] });
    if (minor && !v.representative) missing.push({ element: 'representativeName', path: ['representative'] });
    refuseMissing(missing);
  }
  const blank = blankLine();
  const opName = `${organizationInDative(org.name)}${org.shortName ? ` (${org.shortName})` : ''}`;
  const blocks: Block[] = [
    {
      kind: 'title',
      text: 'Согласие на обработку персональных данных, разрешённых субъектом персональных данных для распространения',
      subtitle: 'участника программы наставничества (ст. 10.1 Федерального закона № 152-ФЗ)',
    },
  ];
  if (s) {
    const sg = genderOf(s.gender, s.name);
    if (minor) {
      const r = v.representative as NonNullable<typeof v.representative>;
      blocks.push({
        kind: 'paragraph',
        text: `Я, ${formatName(r.name, 'full')}, являясь ${r.relation === 'guardian' ? 'законным представителем (опекуном, попечителем)' : 'родителем (законным представителем)'} ${byGender(sg, { female: 'несовершеннолетней', male: 'несовершеннолетнего' })} ${nameIn(s.name, sg, 'genitive', 'full')}${v.contact ? `, контактные данные: ${v.contact}` : ''},`,
      });
    } else {
      blocks.push({
        kind: 'paragraph',
        text: `Я, ${formatName(s.name, 'full')}${v.contact ? `, контактные данные: ${v.contact}` : ''},`,
      });
    }
  } else {
    blocks.push(
      { kind: 'paragraph', text: `Я, ${blank},`, indent: false },
      {
        kind: 'paragraph',
        text: minor
          ? '(фамилия, имя, отчество родителя (законного представителя) и несовершеннолетнего)'
          : '(фамилия, имя, отчество)',
        indent: false,
        align: 'center',
      },
      {
        kind: 'paragraph',
        text: `контактные данные (телефон, адрес электронной почты или почтовый адрес): ${blank},`,
        indent: false,
      },
    );
  }
  const allowed = new Map(v.permissions.map((p) => [p.item, p] as const));
  const yesNo = (b: boolean | undefined) => (b === undefined ? '□ да  □ нет' : b ? 'да' : 'нет');
  blocks.push(
    {
      kind: 'paragraph',
      text: `руководствуясь статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных», даю согласие ${opName}, адрес оператора: ${opAddress ?? blank} (далее — оператор), на распространение ${s && minor ? 'персональных данных несовершеннолетнего' : minor ? 'персональных данных несовершеннолетнего' : 'моих персональных данных'} в целях информирования о ходе и результатах программы наставничества через информационные ресурсы оператора: ${v.resources.join('; ')}.`,
    },
    {
      kind: 'table',
      caption: 'Категории и перечень персональных данных, разрешённых для распространения',
      columns: [
        { header: 'Категория', width: 3 },
        { header: 'Перечень персональных данных', width: 4 },
        { header: 'Разрешаю к распространению', width: 2 },
        { header: 'Неограниченному кругу лиц', width: 2 },
        { header: 'Условия и запреты', width: 4 },
      ],
      rows: DISSEMINATION_ITEMS.map((it) => {
        const p = allowed.get(it.item);
        // Pre-filled: what the subject did not allow is not allowed (ч. 8 ст. 10.1).
        const ok = s ? (p?.allowed ?? false) : p?.allowed;
        return {
          cells: [
            it.category,
            it.text,
            yesNo(ok),
            ok === false ? '—' : yesNo(s ? (p?.unlimited ?? false) : p?.unlimited),
            p?.conditions ?? (s ? '—' : ''),
          ],
        };
      }),
    },
    {
      kind: 'paragraph',
      text: `Срок действия согласия: с ${formatDateLong(v.date, { quoted: false })} ${v.validUntil ? `до ${formatDateLong(v.validUntil, { quoted: false })} включительно` : 'до окончания участия в программе наставничества'}.`,
    },
    {
      kind: 'paragraph',
      text: `Я вправе в любое время потребовать прекратить распространение персональных данных письменным требованием, направленным оператору по адресу: ${opAddress ?? blank}; распространение прекращается в течение трёх рабочих дней с момента получения требования (ч. 12–14 ст. 10.1 Федерального закона № 152-ФЗ).`,
    },
  );
  const signer = s
    ? formatName(
        minor ? (v.representative as NonNullable<typeof v.representative>).name : s.name,
        'lastFirst',
      )
    : undefined;
  blocks.push(...signatureBlock(s ? formatDateShort(v.date) : undefined, signer));
  return {
    meta: { kind: 'consentDissemination', title: 'Согласие на распространение персональных данных' },
    blocks,
    annexes: [],
  };
}
