import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { ParticipantRoleSchema, QuestionnaireKindSchema } from './enums';
import { domainRule, type NastavnikIssue, nastavnikIssue } from './errors';
import { PairIdSchema, PersonIdSchema, QuestionnaireIdSchema, ResponseIdSchema } from './ids';
import type { IssueParams } from './issueParams';
import { LocalizedTextSchema } from './labels';
import { registerCatalogue } from './messages/catalogue';
import { safeText } from './text';

registerCatalogue();

const QuestionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/);

const OptionSchema = z.object({ id: QuestionId, label: LocalizedTextSchema });

const base = {
  id: QuestionId,
  text: LocalizedTextSchema,
  required: z.boolean().default(true),
};

/** The most points a scale question may have (0–100 is 101 points): renderers draw every point. */
const MAX_SCALE_POINTS = 101;

/** The largest absolute value of a scale's ends. */
const SCALE_LIMIT = 1000;

/**
 * A question: a scale (e.g. 1–10 satisfaction), a single or multiple choice,
 * a ranking of candidates (the preference survey), yes/no, or free text.
 *
 * @category Questionnaires
 * @example
 * QuestionSchema.parse({ id: 'satisfaction', type: 'scale', min: 1, max: 10,
 *   text: { ru: 'Оцените удовлетворённость участием в программе', en: 'Rate your satisfaction with the programme' } });
 */
export const QuestionSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('scale'),
    min: z.number().int().min(-SCALE_LIMIT).max(SCALE_LIMIT),
    max: z.number().int().min(-SCALE_LIMIT).max(SCALE_LIMIT),
    minLabel: LocalizedTextSchema.optional(),
    maxLabel: LocalizedTextSchema.optional(),
  }),
  z.object({ ...base, type: z.literal('single'), options: z.array(OptionSchema).min(2) }),
  z.object({ ...base, type: z.literal('multiple'), options: z.array(OptionSchema).min(1) }),
  z.object({ ...base, type: z.literal('ranking'), maxRanked: z.number().int().min(1).max(50).default(3) }),
  z.object({ ...base, type: z.literal('yesNo') }),
  z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(10000).default(2000) }),
]);
/** A question. @category Questionnaires @example const q: Question = parse(QuestionSchema, raw); */
export type Question = z.infer<typeof QuestionSchema>;

/**
 * A questionnaire: needs of a mentee, potential of a mentor, preferences
 * after the group meeting, interim feedback, final satisfaction.
 *
 * @category Questionnaires
 * @example
 * const q = parse(QuestionnaireSchema, { id: 'q-final', kind: 'finalSatisfaction', respondentRole: 'mentee',
 *   title: { ru: 'Анкета удовлетворённости', en: 'Satisfaction survey' },
 *   questions: [{ id: 'satisfaction', type: 'scale', min: 1, max: 10, text: { ru: 'Оценка', en: 'Score' } }] });
 */
export const QuestionnaireSchema = z
  .object({
    id: QuestionnaireIdSchema,
    kind: QuestionnaireKindSchema,
    respondentRole: ParticipantRoleSchema,
    title: LocalizedTextSchema,
    intro: LocalizedTextSchema.optional(),
    questions: z.array(QuestionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.questions.forEach((question, i) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: 'dup',
          params: domainRule('duplicate_id', { of: 'question', id: question.id }),
        });
      }
      seen.add(question.id);
      if (question.type === 'scale' && question.min >= question.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'max'],
          message: 'scale',
          params: domainRule('invalid_date_range', { reason: 'scaleBounds' }),
        });
      } else if (question.type === 'scale' && question.max - question.min + 1 > MAX_SCALE_POINTS) {
        // Every renderer draws each point of a scale: a scale is a few dozen points, never millions.
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'max'],
          message: 'scale',
          params: domainRule('too_big', {
            maximum: question.min + MAX_SCALE_POINTS - 1,
            origin: 'number',
            inclusive: true,
          }),
        });
      }
    });
  });
/** A questionnaire. @category Questionnaires @example const q: Questionnaire = parse(QuestionnaireSchema, raw); */
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/**
 * An answer: a number (scale), an option id (single), option ids (multiple),
 * ranked ids (ranking: candidates' person ids, best first), a boolean, or text.
 *
 * @category Questionnaires
 * @example
 * AnswerSchema.parse(8);
 */
export const AnswerSchema = z.union([z.number(), safeText(), z.array(safeText()), z.boolean()]);
/** An answer. @category Questionnaires @example const a: Answer = ['t-7', 't-3']; */
export type Answer = z.infer<typeof AnswerSchema>;

/**
 * A response to a questionnaire by a respondent on a date; optionally tied
 * to a pair (feedback and satisfaction surveys).
 *
 * @category Questionnaires
 * @example
 * ResponseSchema.parse({ id: 'r1', questionnaireId: 'q-final', respondentId: 't-2', role: 'mentee',
 *   submittedAt: '2024-05-20', pairId: 'pair-1', answers: { satisfaction: 9 } });
 */
export const ResponseSchema = z.object({
  id: ResponseIdSchema,
  questionnaireId: QuestionnaireIdSchema,
  respondentId: PersonIdSchema,
  role: ParticipantRoleSchema,
  submittedAt: IsoDateSchema,
  pairId: PairIdSchema.optional(),
  answers: z.record(safeText(), AnswerSchema),
});
/** A response. @category Questionnaires @example const r: Response = parse(ResponseSchema, raw); */
export type Response = z.infer<typeof ResponseSchema>;

/**
 * Check a response against its questionnaire: every answer belongs to a
 * question and has the right shape (scale within bounds, options known),
 * every required question is answered. Returns the issues (empty when
 * valid).
 *
 * @category Questionnaires
 * @example
 * const issues = validateResponse(questionnaire, response);
 * if (issues.length > 0) console.log(issues[0].messageEn);
 */
export function validateResponse(questionnaire: Questionnaire, response: Response): NastavnikIssue[] {
  const issues: NastavnikIssue[] = [];
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  for (const [id, answer] of Object.entries(response.answers)) {
    const q = byId.get(id);
    const path = ['answers', id];
    if (!q) {
      issues.push(nastavnikIssue('unknown_question', path, { questionId: id }));
      continue;
    }
    const bad = (params: IssueParams['answer_mismatch']) =>
      issues.push(nastavnikIssue('answer_mismatch', path, params));
    switch (q.type) {
      case 'scale':
        if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < q.min || answer > q.max) {
          bad({ type: 'scale', min: q.min, max: q.max });
        }
        break;
      case 'single':
        if (typeof answer !== 'string' || !q.options.some((o) => o.id === answer)) {
          bad({ type: 'single' });
        }
        break;
      case 'multiple':
        if (!Array.isArray(answer) || answer.some((a) => !q.options.some((o) => o.id === a))) {
          bad({ type: 'multiple' });
        }
        break;
      case 'ranking':
        if (!Array.isArray(answer) || answer.length > q.maxRanked || new Set(answer).size !== answer.length) {
          bad({ type: 'ranking', max: q.maxRanked });
        }
        break;
      case 'yesNo':
        if (typeof answer !== 'boolean') bad({ type: 'yesNo' });
        break;
      case 'text':
        if (typeof answer !== 'string' || answer.length > q.maxLength) {
          bad({ type: 'text', max: q.maxLength });
        }
        break;
    }
  }
  for (const q of questionnaire.questions) {
    if (q.required && !(q.id in response.answers)) {
      issues.push(nastavnikIssue('required_answer_missing', ['answers', q.id], { questionId: q.id }));
    }
  }
  return issues;
}
