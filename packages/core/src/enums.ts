import { z } from 'zod';
import type { Lang, LocalizedText } from './labels';

/**
 * An id from an extensible catalogue (a form, a format, a competence, a
 * mentee group): letters, digits, `_` and `-`.
 *
 * @category Catalogues
 * @example
 * CatalogueIdSchema.parse('virtual');
 */
export const CatalogueIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/);
/** An id from an extensible catalogue. @category Catalogues @example const f: CatalogueId = 'traditional'; */
export type CatalogueId = z.infer<typeof CatalogueIdSchema>;

function labelled<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: { [K in T[number]]: LocalizedText },
) {
  return { schema: z.enum(values), labels } as const;
}

/**
 * The label of a fixed enum value in a language.
 *
 * @category Labels
 * @example
 * labelOf(programmeStageLabels, 'pairFormation', 'ru'); // 'Формирование наставнических пар / групп'
 */
export function labelOf<K extends string>(
  labels: { readonly [P in K]: LocalizedText },
  value: K,
  lang: Lang = 'ru',
): string {
  const t = labels[value];
  return lang === 'en' ? t.en : t.ru;
}

const organizationKind = labelled(
  ['school', 'college', 'kindergarten', 'additionalEducation', 'university', 'authority', 'region', 'other'],
  {
    school: { ru: 'общеобразовательная организация', en: 'school' },
    college: { ru: 'профессиональная образовательная организация', en: 'college' },
    kindergarten: { ru: 'дошкольная образовательная организация', en: 'kindergarten' },
    additionalEducation: { ru: 'организация дополнительного образования', en: 'additional education centre' },
    university: { ru: 'образовательная организация высшего образования', en: 'university' },
    authority: { ru: 'муниципальный орган управления образованием', en: 'municipal education authority' },
    region: { ru: 'региональный орган управления образованием', en: 'regional education authority' },
    other: { ru: 'иная организация', en: 'other organization' },
  },
);
/** Kinds of organization. @category Organizations @example OrganizationKindSchema.parse('school'); */
export const OrganizationKindSchema = organizationKind.schema;
/** A kind of organization. @category Organizations @example const k: OrganizationKind = 'authority'; */
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;
/** Russian and English labels of organization kinds. @category Organizations @example organizationKindLabels.school.ru; */
export const organizationKindLabels = organizationKind.labels;

const personCategory = labelled(['teacher', 'head', 'pupil', 'student', 'employer', 'parent', 'other'], {
  teacher: { ru: 'педагог', en: 'teacher' },
  head: { ru: 'руководитель', en: 'head' },
  pupil: { ru: 'обучающийся', en: 'pupil' },
  student: { ru: 'студент', en: 'student' },
  employer: { ru: 'представитель работодателя', en: "employer's staff member" },
  parent: { ru: 'родитель (законный представитель)', en: 'parent or guardian' },
  other: { ru: 'иное', en: 'other' },
});
/** Categories of people in a programme. @category People @example PersonCategorySchema.parse('pupil'); */
export const PersonCategorySchema = personCategory.schema;
/** A category of person. @category People @example const c: PersonCategory = 'teacher'; */
export type PersonCategory = z.infer<typeof PersonCategorySchema>;
/** Labels of person categories. @category People @example personCategoryLabels.pupil.ru; // 'обучающийся' */
export const personCategoryLabels = personCategory.labels;

const programmeStage = labelled(
  ['preparation', 'menteeBase', 'mentorBase', 'mentorTraining', 'pairFormation', 'pairWork', 'completion'],
  {
    preparation: { ru: 'Подготовка условий для запуска программы наставничества', en: 'Preparation' },
    menteeBase: { ru: 'Формирование базы наставляемых', en: 'Mentee base' },
    mentorBase: { ru: 'Формирование базы наставников', en: 'Mentor base' },
    mentorTraining: { ru: 'Отбор и обучение наставников', en: 'Selection and training of mentors' },
    pairFormation: { ru: 'Формирование наставнических пар / групп', en: 'Pair formation' },
    pairWork: { ru: 'Организация работы наставнических пар / групп', en: 'Pair work' },
    completion: { ru: 'Завершение наставничества', en: 'Completion' },
  },
);
/**
 * The seven stages of a programme cycle (DOMAIN.md; 001 is the fullest).
 *
 * @category Programme
 * @example
 * ProgrammeStageSchema.options; // ['preparation', 'menteeBase', …, 'completion']
 */
export const ProgrammeStageSchema = programmeStage.schema;
/** A stage of the programme cycle. @category Programme @example const s: ProgrammeStage = 'pairFormation'; */
export type ProgrammeStage = z.infer<typeof ProgrammeStageSchema>;
/** Labels of the seven stages. @category Programme @example programmeStageLabels.completion.ru; */
export const programmeStageLabels = programmeStage.labels;

const meetingKind = labelled(['organizational', 'trial', 'planning', 'regular', 'final'], {
  organizational: { ru: 'организационная встреча', en: 'organizational meeting' },
  trial: { ru: 'пробная рабочая встреча', en: 'trial working meeting' },
  planning: { ru: 'встреча-планирование', en: 'planning meeting' },
  regular: { ru: 'регулярная встреча', en: 'regular meeting' },
  final: { ru: 'заключительная встреча', en: 'final meeting' },
});
/**
 * Kinds of meeting in a pair, in their required sequence (004 §5):
 * organizational → trial → planning → regular… → final.
 *
 * @category Pairs
 * @example
 * MeetingKindSchema.parse('trial');
 */
export const MeetingKindSchema = meetingKind.schema;
/** A kind of meeting. @category Pairs @example const k: MeetingKind = 'planning'; */
export type MeetingKind = z.infer<typeof MeetingKindSchema>;
/** Labels of meeting kinds. @category Pairs @example meetingKindLabels.final.ru; // 'заключительная встреча' */
export const meetingKindLabels = meetingKind.labels;

const terminationReason = labelled(
  ['mentorInitiative', 'menteeInitiative', 'mutualDecision', 'curatorInitiative', 'consentWithdrawn'],
  {
    mentorInitiative: {
      ru: 'по инициативе наставника (по уважительным обстоятельствам)',
      en: "at the mentor's initiative (for a good reason)",
    },
    menteeInitiative: {
      ru: 'по инициативе наставляемого (по уважительным обстоятельствам)',
      en: "at the mentee's initiative (for a good reason)",
    },
    mutualDecision: {
      ru: 'по обоюдному решению (по уважительным обстоятельствам)',
      en: 'by mutual decision (for a good reason)',
    },
    curatorInitiative: {
      ru: 'по инициативе куратора (недолжное исполнение программы, форс-мажор)',
      en: "at the curator's initiative (programme not carried out, force majeure)",
    },
    // 152-ФЗ ст. 9 ч. 2: a withdrawal stops processing for that purpose at once, so the pair ends.
    consentWithdrawn: {
      ru: 'в связи с отзывом согласия участника (его законного представителя) на обработку персональных данных',
      en: "the participant's (or their legal representative's) consent was withdrawn",
    },
  },
);
/**
 * Reasons of early completion of a personal programme (003 §7.1).
 *
 * @category Pairs
 * @example
 * TerminationReasonSchema.parse('curatorInitiative');
 */
export const TerminationReasonSchema = terminationReason.schema;
/** A reason of early termination. @category Pairs @example const r: TerminationReason = 'mutualDecision'; */
export type TerminationReason = z.infer<typeof TerminationReasonSchema>;
/** Labels of termination reasons. @category Pairs @example terminationReasonLabels.mentorInitiative.ru; */
export const terminationReasonLabels = terminationReason.labels;

const requestSource = labelled(
  [
    'self',
    'classTeacher',
    'psychologist',
    'socialWorker',
    'parent',
    'attestation',
    'methodicalAnalysis',
    'curator',
  ],
  {
    self: { ru: 'сам наставляемый (анкетирование)', en: 'the mentee (survey)' },
    classTeacher: { ru: 'классный руководитель', en: 'class teacher' },
    psychologist: { ru: 'педагог-психолог', en: 'school psychologist' },
    socialWorker: { ru: 'социальный педагог', en: 'social worker' },
    parent: { ru: 'родители (законные представители)', en: 'parents' },
    attestation: { ru: 'рекомендации аттестации', en: 'attestation recommendations' },
    methodicalAnalysis: {
      ru: 'анализ методической работы, личного дела',
      en: 'analysis of methodical work and records',
    },
    curator: { ru: 'куратор', en: 'curator' },
  },
);
/**
 * Who raised a mentee's request (004 §1: the mentee, third parties, analysis
 * of attestation and methodical work).
 *
 * @category Profiles
 * @example
 * RequestSourceSchema.parse('psychologist');
 */
export const RequestSourceSchema = requestSource.schema;
/** A source of a request. @category Profiles @example const s: RequestSource = 'classTeacher'; */
export type RequestSource = z.infer<typeof RequestSourceSchema>;
/** Labels of request sources. @category Profiles @example requestSourceLabels.parent.ru; */
export const requestSourceLabels = requestSource.labels;

const consentPurpose = labelled(['personalData', 'mentorDuties', 'participation', 'publication'], {
  personalData: { ru: 'обработка персональных данных (152-ФЗ)', en: 'processing of personal data (152-FZ)' },
  mentorDuties: {
    ru: 'возложение дополнительных обязанностей, связанных с наставнической деятельностью',
    en: 'extra duties of mentoring',
  },
  participation: { ru: 'участие в программе наставничества', en: 'participation in the mentoring programme' },
  publication: {
    ru: 'публикация сведений и результатов на сайте',
    en: 'publication of results on the website',
  },
});
/**
 * Purposes a consent is given for.
 *
 * @category Consents
 * @example
 * ConsentPurposeSchema.parse('personalData');
 */
export const ConsentPurposeSchema = consentPurpose.schema;
/** A purpose of consent. @category Consents @example const p: ConsentPurpose = 'publication'; */
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
/** Labels of consent purposes. @category Consents @example consentPurposeLabels.personalData.ru; */
export const consentPurposeLabels = consentPurpose.labels;

const orderKind = labelled(
  [
    'introduceModel',
    'approveRegulation',
    'approveRoadmap',
    'appointCurator',
    'approvePairs',
    'approvePlans',
    'terminatePair',
    'extendPair',
    'replaceMentor',
    'competitionResults',
    'approveIncentives',
    'awardMentors',
    'other',
  ],
  {
    introduceModel: {
      ru: 'о внедрении целевой модели наставничества',
      en: 'on introducing the target model',
    },
    approveRegulation: { ru: 'об утверждении Положения о наставничестве', en: 'approving the regulation' },
    approveRoadmap: { ru: 'об утверждении дорожной карты', en: 'approving the roadmap' },
    appointCurator: { ru: 'о назначении куратора', en: 'appointing the curator' },
    approvePairs: { ru: 'о закреплении наставнических пар / групп', en: 'approving pairs and groups' },
    approvePlans: { ru: 'об утверждении индивидуальных планов', en: 'approving individual plans' },
    terminatePair: { ru: 'о досрочном завершении персонализированной программы', en: 'on early termination' },
    extendPair: { ru: 'о продлении срока персонализированной программы', en: 'on extending a programme' },
    replaceMentor: { ru: 'о замене наставника', en: 'on replacing a mentor' },
    competitionResults: { ru: 'об итогах конкурса', en: 'on competition results' },
    approveIncentives: {
      ru: 'об утверждении системы мотивации и стимулирования наставников',
      en: 'approving the incentives for mentors',
    },
    awardMentors: { ru: 'о поощрении наставников', en: 'awarding mentors' },
    other: { ru: 'иное', en: 'other' },
  },
);
/** Kinds of order the seeds name. @category Orders @example OrderKindSchema.parse('approvePairs'); */
export const OrderKindSchema = orderKind.schema;
/** A kind of order. @category Orders @example const k: OrderKind = 'appointCurator'; */
export type OrderKind = z.infer<typeof OrderKindSchema>;
/** Labels of order kinds. @category Orders @example orderKindLabels.approvePairs.ru; */
export const orderKindLabels = orderKind.labels;

const questionnaireKind = labelled(
  [
    'menteeNeeds',
    'mentorPotential',
    'preference',
    'interimFeedback',
    'finalSatisfaction',
    'selfAssessment',
    'custom',
  ],
  {
    menteeNeeds: { ru: 'анкета наставляемого (запрос, затруднения)', en: "mentee's needs survey" },
    mentorPotential: { ru: 'анкета потенциального наставника', en: 'potential mentor survey' },
    preference: {
      ru: 'анкета предпочтений после групповой встречи',
      en: 'preference survey after the group meeting',
    },
    interimFeedback: { ru: 'анкета обратной связи (промежуточная)', en: 'interim feedback survey' },
    finalSatisfaction: { ru: 'анкета удовлетворённости (итоговая)', en: 'final satisfaction survey' },
    selfAssessment: { ru: 'самооценка компетенций', en: 'self-assessment' },
    custom: { ru: 'иная анкета', en: 'other survey' },
  },
);
/** Kinds of questionnaire. @category Questionnaires @example QuestionnaireKindSchema.parse('finalSatisfaction'); */
export const QuestionnaireKindSchema = questionnaireKind.schema;
/** A kind of questionnaire. @category Questionnaires @example const k: QuestionnaireKind = 'preference'; */
export type QuestionnaireKind = z.infer<typeof QuestionnaireKindSchema>;
/** Labels of questionnaire kinds. @category Questionnaires @example questionnaireKindLabels.preference.ru; */
export const questionnaireKindLabels = questionnaireKind.labels;

const participantRole = labelled(
  [
    'mentor',
    'mentee',
    'curator',
    'municipalCurator',
    'parent',
    'head',
    'actingHead',
    'methodicalCouncil',
    'other',
  ],
  {
    mentor: { ru: 'наставник', en: 'mentor' },
    mentee: { ru: 'наставляемый', en: 'mentee' },
    curator: { ru: 'куратор', en: 'curator' },
    municipalCurator: { ru: 'муниципальный куратор', en: 'municipal curator' },
    parent: { ru: 'родитель (законный представитель)', en: 'parent or guardian' },
    head: { ru: 'руководитель', en: 'head' },
    actingHead: { ru: 'исполняющий обязанности руководителя', en: 'acting head' },
    methodicalCouncil: {
      ru: 'методическое объединение (совет) наставников',
      en: "mentors' methodical council",
    },
    other: { ru: 'иное', en: 'other' },
  },
);
/** Roles of participants (respondents, signatories). @category People @example ParticipantRoleSchema.parse('mentor'); */
export const ParticipantRoleSchema = participantRole.schema;
/** A participant role. @category People @example const r: ParticipantRole = 'mentee'; */
export type ParticipantRole = z.infer<typeof ParticipantRoleSchema>;
/** Labels of participant roles. @category People @example participantRoleLabels.mentee.ru; // 'наставляемый' */
export const participantRoleLabels = participantRole.labels;
