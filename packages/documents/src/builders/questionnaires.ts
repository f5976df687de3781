import {
  type Catalogue,
  competences,
  fail,
  type Lang,
  menteeGroups,
  OrganizationSchema,
  parse,
  type Question,
  type Questionnaire,
  type QuestionnaireKind,
  QuestionnaireSchema,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { orgHeader } from '../_internal/common';
import type { Block, FormField, NastavnikDocument } from '../model';

registerCatalogue();

const tx = (ru: string, en: string) => ({ ru, en });
const opt = (id: string, ru: string, en: string) => ({ id, label: tx(ru, en) });
/**
 * The options of a question that offers catalogue entries (competences, mentee groups), in the
 * question's order: ids and labels come from the catalogue itself, so the questionnaire and the
 * profiles it fills speak the same words.
 */
const fromCatalogue = (catalogue: Catalogue, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const e = catalogue.byId.get(id);
    return e ? [{ id: e.id, label: e.label }] : [];
  });
/**
 * A 1–10 scale whose end labels answer its own question («Насколько вы готовы…?» — «совсем не
 * готов(а)» … «полностью готов(а)»). The seeds call for the surveys (001 2.2, 4.2, 5.2, 7.1; 003
 * roadmap 3, 10; 004 roadmap 1, 2, 4) but print no scale, so one wording serves every scale and the
 * labels are per question; no legend in the question text may contradict them.
 */
const scale = (
  id: string,
  ru: string,
  en: string,
  min: readonly [string, string],
  max: readonly [string, string],
) => ({
  id,
  type: 'scale' as const,
  min: 1,
  max: 10,
  minLabel: tx(...min),
  maxLabel: tx(...max),
  text: tx(ru, en),
});

// The catalogue entries each standard question offers (a test checks that every id is in its catalogue).
const MENTEE_NEEDS_AREAS = [
  'lessonPlanning',
  'classroomManagement',
  'assessment',
  'parentCommunication',
  'digitalTools',
  'documentation',
  'academicSupport',
  'careerGuidance',
] as const;
const MENTOR_COMPETENCES = [
  'lessonPlanning',
  'classroomManagement',
  'subjectMethods',
  'educationalWork',
  'projectActivity',
  'olympiadPreparation',
] as const;
const MENTOR_MENTEE_GROUPS = ['youngSpecialist', 'newTeacher', 'middleSchool', 'highSchool'] as const;

const TEMPLATES: Record<
  'menteeNeeds' | 'mentorPotential' | 'preference' | 'interimFeedback' | 'finalSatisfaction',
  unknown
> = {
  menteeNeeds: {
    id: 'q-mentee-needs',
    kind: 'menteeNeeds',
    respondentRole: 'mentee',
    title: tx('Анкета наставляемого: запрос и затруднения', "Mentee's needs survey"),
    intro: tx(
      'Ответы помогут подобрать наставника и составить персонализированную программу.',
      'Your answers help to find a mentor and plan the programme.',
    ),
    questions: [
      {
        id: 'areas',
        type: 'multiple',
        text: tx('В каких вопросах вам нужна помощь наставника?', 'Where do you need a mentor’s help?'),
        options: fromCatalogue(competences, MENTEE_NEEDS_AREAS),
      },
      {
        id: 'difficulty',
        type: 'text',
        text: tx('Опишите главное затруднение, которое вы хотите преодолеть', 'Describe the main difficulty'),
      },
      scale(
        'readiness',
        'Насколько вы готовы регулярно встречаться с наставником?',
        'How ready are you to meet regularly?',
        ['совсем не готов(а)', 'not ready at all'],
        ['полностью готов(а)', 'fully ready'],
      ),
      {
        id: 'format',
        type: 'single',
        text: tx('Какой формат встреч вам удобнее?', 'Which meeting format suits you?'),
        options: [
          opt('inPerson', 'очно', 'in person'),
          opt('online', 'дистанционно', 'online'),
          opt('mixed', 'смешанный', 'mixed'),
        ],
      },
    ],
  },
  mentorPotential: {
    id: 'q-mentor-potential',
    kind: 'mentorPotential',
    respondentRole: 'mentor',
    title: tx('Анкета потенциального наставника', 'Potential mentor survey'),
    questions: [
      {
        id: 'experience',
        type: 'text',
        maxLength: 500,
        text: tx('Образование, должность, стаж', 'Education, position, experience'),
      },
      {
        id: 'competences',
        type: 'multiple',
        text: tx('В каких вопросах вы готовы помогать?', 'Where are you ready to help?'),
        options: fromCatalogue(competences, MENTOR_COMPETENCES),
      },
      {
        id: 'groups',
        type: 'multiple',
        text: tx('С какими наставляемыми вы готовы работать?', 'Which mentees can you take?'),
        options: fromCatalogue(menteeGroups, MENTOR_MENTEE_GROUPS),
      },
      scale(
        'time',
        'Сколько времени вы готовы уделять наставничеству?',
        'How much time can you give to mentoring?',
        ['очень мало', 'very little'],
        ['столько, сколько потребуется', 'as much as it takes'],
      ),
      {
        id: 'training',
        type: 'yesNo',
        text: tx(
          'Нужно ли вам обучение по программе подготовки наставников?',
          'Do you need mentor training?',
        ),
      },
    ],
  },
  preference: {
    id: 'q-preference',
    kind: 'preference',
    respondentRole: 'mentee',
    title: tx(
      'Анкета по итогам групповой встречи наставников и наставляемых',
      'Preference survey after the group meeting',
    ),
    intro: tx(
      'Укажите, с кем из участников встречи вы хотели бы работать, в порядке предпочтения.',
      'Rank the people you would like to work with.',
    ),
    questions: [
      {
        id: 'ranking',
        type: 'ranking',
        maxRanked: 3,
        text: tx('Предпочтительный наставник (наставляемый): 1, 2, 3', 'Preferred partner: 1, 2, 3'),
      },
      scale(
        'meetingUseful',
        'Насколько полезной была групповая встреча?',
        'How useful was the group meeting?',
        ['совсем бесполезной', 'not useful at all'],
        ['очень полезной', 'very useful'],
      ),
      { id: 'comment', type: 'text', required: false, text: tx('Комментарий', 'Comment') },
    ],
  },
  interimFeedback: {
    id: 'q-interim-feedback',
    kind: 'interimFeedback',
    respondentRole: 'mentee',
    title: tx('Анкета обратной связи (промежуточная оценка)', 'Interim feedback survey'),
    questions: [
      scale(
        'meetings',
        'Насколько регулярны и полезны встречи с наставником?',
        'How regular and useful are the meetings?',
        ['редки и бесполезны', 'rare and useless'],
        ['регулярны и очень полезны', 'regular and very useful'],
      ),
      scale(
        'progress',
        'Насколько вы продвинулись в решении своего запроса?',
        'How far have you progressed?',
        ['совсем не продвинулся(-лась)', 'no progress at all'],
        ['запрос полностью решён', 'the request is fully met'],
      ),
      scale(
        'comfort',
        'Насколько комфортно вам работать в паре?',
        'How comfortable is the pair?',
        ['совсем некомфортно', 'not comfortable at all'],
        ['полностью комфортно', 'fully comfortable'],
      ),
      {
        id: 'change',
        type: 'yesNo',
        text: tx('Нужно ли скорректировать план или форму работы?', 'Should the plan or form change?'),
      },
      {
        id: 'comment',
        type: 'text',
        required: false,
        text: tx('Что бы вы предложили изменить?', 'What would you change?'),
      },
    ],
  },
  finalSatisfaction: {
    id: 'q-final-satisfaction',
    kind: 'finalSatisfaction',
    respondentRole: 'mentee',
    title: tx('Анкета удовлетворённости участием в программе наставничества', 'Final satisfaction survey'),
    questions: [
      scale(
        'overall',
        'Оцените удовлетворённость участием в программе наставничества',
        'Rate your satisfaction with the programme',
        ['совсем не удовлетворён(а)', 'not satisfied at all'],
        ['полностью удовлетворён(а)', 'fully satisfied'],
      ),
      scale(
        'goals',
        'Насколько достигнуты цели персонализированной программы?',
        'How far were the goals reached?',
        ['совсем не достигнуты', 'not reached at all'],
        ['достигнуты полностью', 'fully reached'],
      ),
      scale(
        'partner',
        'Оцените взаимодействие с наставником (наставляемым)',
        'Rate the work with your partner',
        ['очень плохо', 'very poor'],
        ['отлично', 'excellent'],
      ),
      scale(
        'organization',
        'Оцените организацию программы (встречи, сроки, сопровождение куратора)',
        'Rate the organization of the programme',
        ['очень плохо', 'very poor'],
        ['отлично', 'excellent'],
      ),
      {
        id: 'again',
        type: 'yesNo',
        text: tx('Хотели бы вы участвовать в программе наставничества снова?', 'Would you take part again?'),
      },
      { id: 'comment', type: 'text', required: false, text: tx('Ваши предложения', 'Your suggestions') },
    ],
  },
};

/**
 * The kinds of standard questionnaire this package ships.
 *
 * @category Questionnaires
 * @example
 * const k: StandardQuestionnaireKind = 'finalSatisfaction';
 */
export type StandardQuestionnaireKind = Extract<
  QuestionnaireKind,
  'menteeNeeds' | 'mentorPotential' | 'preference' | 'interimFeedback' | 'finalSatisfaction'
>;

/**
 * A standard questionnaire of the programme cycle (001 2.2, 3.2, 5.2, 6.6,
 * 7.1; 004 §1, §4, §5, §6): mentee needs, mentor potential, preference after
 * the group meeting, interim feedback, final satisfaction (scales 1–10).
 * `respondentRole` changes who answers (mentor or mentee).
 *
 * @category Questionnaires
 * @example
 * const q = standardQuestionnaire('finalSatisfaction', 'mentor');
 */
export function standardQuestionnaire(
  kind: StandardQuestionnaireKind,
  respondentRole?: Questionnaire['respondentRole'],
): Questionnaire {
  const tpl = TEMPLATES[kind];
  if (tpl === undefined) {
    throw fail('invalid_value', ['kind'], { reason: 'questionnaireKind' });
  }
  const q = parse(QuestionnaireSchema, tpl);
  return respondentRole ? { ...q, respondentRole } : q;
}

function field(q: Question, lang: Lang): FormField {
  const label = `${lang === 'en' ? q.text.en : q.text.ru}${q.required ? '' : lang === 'en' ? ' (optional)' : ' (необязательно)'}`;
  switch (q.type) {
    case 'scale':
      return {
        label,
        scale: {
          min: q.min,
          max: q.max,
          ...(q.minLabel ? { minLabel: lang === 'en' ? q.minLabel.en : q.minLabel.ru } : {}),
          ...(q.maxLabel ? { maxLabel: lang === 'en' ? q.maxLabel.en : q.maxLabel.ru } : {}),
        },
      };
    case 'single':
    case 'multiple':
      return { label, options: q.options.map((o) => (lang === 'en' ? o.label.en : o.label.ru)) };
    case 'ranking':
      return { label, lines: q.maxRanked };
    case 'yesNo':
      return { label, options: lang === 'en' ? ['yes', 'no'] : ['да', 'нет'] };
    case 'text':
      return { label, lines: q.maxLength > 600 ? 3 : 2 };
  }
}

const FormInputSchema = z.object({
  questionnaire: QuestionnaireSchema,
  organization: OrganizationSchema.optional(),
  lang: z.enum(['ru', 'en']).default('ru'),
});

/**
 * Input of {@link buildQuestionnaireForm}.
 *
 * @category Builders
 * @example
 * const input: QuestionnaireFormInput = { questionnaire: standardQuestionnaire('menteeNeeds') };
 */
export type QuestionnaireFormInput = z.input<typeof FormInputSchema>;

/**
 * A printable questionnaire: title, intro, a line for the respondent and
 * the date, and each question as a field (scale to circle, options to tick,
 * lines to write on).
 *
 * @category Builders
 * @example
 * const doc = buildQuestionnaireForm({ questionnaire: standardQuestionnaire('preference'), organization });
 */
export function buildQuestionnaireForm(input: QuestionnaireFormInput): NastavnikDocument {
  const v = parse(FormInputSchema, input);
  const q = v.questionnaire;
  const ru = v.lang === 'ru';
  const blocks: Block[] = [];
  if (v.organization) blocks.push(orgHeader(v.organization));
  blocks.push({ kind: 'title', text: ru ? q.title.ru : q.title.en });
  if (q.intro) blocks.push({ kind: 'paragraph', text: ru ? q.intro.ru : q.intro.en });
  blocks.push(
    {
      kind: 'paragraph',
      text: ru
        ? 'ФИО (по желанию): ______________________________'
        : 'Name (optional): ______________________',
      indent: false,
      align: 'left',
    },
    {
      kind: 'paragraph',
      text: ru ? 'Дата заполнения: «___» ______________ 20___ г.' : 'Date: ____________',
      indent: false,
      align: 'left',
    },
  );
  blocks.push({ kind: 'form', fields: q.questions.map((question) => field(question, v.lang)) });
  blocks.push({
    kind: 'paragraph',
    text: ru ? 'Благодарим за участие!' : 'Thank you!',
    align: 'center',
    indent: false,
    spaced: true,
  });
  return { meta: { kind: 'questionnaire', title: ru ? q.title.ru : q.title.en }, blocks, annexes: [] };
}

/**
 * A JSON Schema (draft 2020-12) value, as a plain object.
 *
 * @category Questionnaires
 * @example
 * const s: JsonSchema = { type: 'integer', minimum: 1, maximum: 10 };
 */
export type JsonSchema = { readonly [key: string]: JsonValue };
/** A JSON value. @category Questionnaires @example const v: JsonValue = [1, 'a', null]; */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * A JSON Schema (draft 2020-12) of a questionnaire's answers, for online
 * form renderers (react-jsonschema-form, JSON Forms, SurveyJS adapters):
 * each question is a property with its title, type and bounds; options are
 * `oneOf` with `const` and `title`; required questions are `required`. The
 * schema accepts exactly the answers `validateResponse` of core accepts.
 *
 * @category Questionnaires
 * @example
 * const schema = questionnaireJsonSchema(standardQuestionnaire('finalSatisfaction'));
 * schema.properties.overall; // { type: 'integer', minimum: 1, maximum: 10, … }
 */
export function questionnaireJsonSchema(questionnaire: Questionnaire, lang: Lang = 'ru'): JsonSchema {
  const q = parse(QuestionnaireSchema, questionnaire);
  const l = (t: { ru: string; en: string }) => (lang === 'en' ? t.en : t.ru);
  const properties: Record<string, JsonValue> = {};
  for (const question of q.questions) {
    const title = l(question.text);
    switch (question.type) {
      case 'scale':
        properties[question.id] = {
          title,
          type: 'integer',
          minimum: question.min,
          maximum: question.max,
          'x-widget': 'scale',
        };
        break;
      case 'single':
        properties[question.id] = {
          title,
          type: 'string',
          oneOf: question.options.map((o) => ({ const: o.id, title: l(o.label) })),
        };
        break;
      case 'multiple':
        properties[question.id] = {
          title,
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', oneOf: question.options.map((o) => ({ const: o.id, title: l(o.label) })) },
        };
        break;
      case 'ranking':
        properties[question.id] = {
          title,
          type: 'array',
          uniqueItems: true,
          maxItems: question.maxRanked,
          items: { type: 'string', minLength: 1 },
          'x-widget': 'ranking',
        };
        break;
      case 'yesNo':
        properties[question.id] = { title, type: 'boolean' };
        break;
      case 'text':
        properties[question.id] = { title, type: 'string', maxLength: question.maxLength };
        break;
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:nastavnik:questionnaire:${q.id}`,
    title: l(q.title),
    ...(q.intro ? { description: l(q.intro) } : {}),
    type: 'object',
    properties,
    required: q.questions.filter((x) => x.required).map((x) => x.id),
    additionalProperties: false,
  };
}
