import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from '../dates';
import { CatalogueIdSchema } from '../enums';
import { domainRule, fail } from '../errors';
import { OrganizationIdSchema, PersonIdSchema } from '../ids';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';
import { safeText } from '../text';

registerCatalogue();

const text = (max: number) => safeText().trim().min(1).max(max);

/**
 * Where a case of the bank of best practices is in its review (001 7.4,
 * 7.5; 002 4.3): `draft` (written by the school), `reviewed` (the
 * methodist checked it), `published` (on the authority's site and in the
 * collection), `returned` (sent back for rework; it becomes a draft again
 * with the next edit).
 *
 * @category Best practices
 * @example
 * PracticeStatusSchema.parse('reviewed');
 */
export const PracticeStatusSchema = z.enum(['draft', 'reviewed', 'published', 'returned']);
/** A review status. @category Best practices @example const s: PracticeStatus = 'draft'; */
export type PracticeStatus = z.infer<typeof PracticeStatusSchema>;

/**
 * Russian and English labels of review statuses.
 *
 * @category Best practices
 * @example
 * practiceStatusLabels.published.ru; // 'опубликован'
 */
export const practiceStatusLabels: Readonly<Record<PracticeStatus, { ru: string; en: string }>> = {
  draft: { ru: 'черновик', en: 'draft' },
  reviewed: { ru: 'рецензирован', en: 'reviewed' },
  published: { ru: 'опубликован', en: 'published' },
  returned: { ru: 'возвращён на доработку', en: 'returned for rework' },
};

/**
 * A step of the review: the status reached, the date, and who took the step
 * — by position (printed) and by id (kept, never printed), with a comment.
 *
 * @category Best practices
 * @example
 * const s: PracticeReviewStep = { status: 'reviewed', at: '2024-05-20', byPosition: 'методист ИМЦ', byId: 'm-1' };
 */
export const PracticeReviewStepSchema = z.object({
  status: PracticeStatusSchema,
  at: IsoDateSchema,
  byPosition: text(200),
  byId: PersonIdSchema.optional(),
  comment: text(2000).optional(),
});
/** A review step. @category Best practices @example const s: PracticeReviewStep = parse(PracticeReviewStepSchema, raw); */
export type PracticeReviewStep = z.infer<typeof PracticeReviewStepSchema>;

/**
 * A person the case is about, by id and role; names come from the people
 * passed to publication, and are printed only with a consent to
 * dissemination (152-ФЗ ст. 10.1).
 *
 * @category Best practices
 * @example
 * const p: PracticeParticipant = { personId: 't-1', role: 'mentor' };
 */
export const PracticeParticipantSchema = z.object({
  personId: PersonIdSchema,
  role: z.enum(['mentor', 'mentee', 'curator', 'other']),
});
/** A participant of a case. @category Best practices @example const p: PracticeParticipant = { personId, role: 'mentee' }; */
export type PracticeParticipant = z.infer<typeof PracticeParticipantSchema>;

/**
 * A result of the case as an indicator, shaped like an indicator value
 * (`indicatorId`, `value`, `target`): the value before (at the start of the
 * programme) and after, and the unit as printed («%», «чел.», «баллов»).
 *
 * @category Best practices
 * @example
 * const r: PracticeIndicator = { indicatorId: 'satisfaction', title: 'Удовлетворённость наставляемых', before: 60, value: 92, unit: '%' };
 */
export const PracticeIndicatorSchema = z.object({
  indicatorId: text(100),
  title: text(300),
  before: z.number().finite().nullable().optional(),
  value: z.number().finite().nullable(),
  target: z.number().finite().optional(),
  unit: safeText().trim().max(20).default(''),
});
/** An indicator of a case. @category Best practices @example const r: PracticeIndicator = parse(PracticeIndicatorSchema, raw); */
export type PracticeIndicator = z.infer<typeof PracticeIndicatorSchema>;

/**
 * A material of the case: a plan, a lesson, a video, a presentation, with
 * an optional link.
 *
 * @category Best practices
 * @example
 * const m: PracticeMaterial = { title: 'Технологическая карта открытого урока', kind: 'methodical' };
 */
export const PracticeMaterialSchema = z.object({
  title: text(300),
  kind: z.enum(['methodical', 'plan', 'video', 'presentation', 'other']).default('other'),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
/** A material. @category Best practices @example const m: PracticeMaterial = parse(PracticeMaterialSchema, raw); */
export type PracticeMaterial = z.infer<typeof PracticeMaterialSchema>;

/**
 * A case of the bank of best practices (001 7.4, 7.5; 002 4.3): the form
 * of mentoring (a `mentorshipForms` id), the target group, the problem,
 * what was done, the results in words and as indicators, materials, the
 * period, the people it is about (ids and roles), and the review history
 * (first step a draft). Free texts may mention people: publication scrubs
 * anyone who did not consent to dissemination.
 *
 * @category Best practices
 * @example
 * const c = parse(PracticeCaseSchema, { id: 'case-1', organizationId: 'school-1', title: 'Первый год в профессии',
 *   form: 'teacherTeacher', targetGroup: 'молодые учителя', problem: '…', actions: ['…'], results: '…',
 *   period: { start: '2023-09-01', end: '2024-05-31' }, participants: [{ personId: 't-1', role: 'mentor' }],
 *   history: [{ status: 'draft', at: '2024-05-25', byPosition: 'куратор' }] });
 */
export const PracticeCaseSchema = z
  .object({
    id: CatalogueIdSchema,
    organizationId: OrganizationIdSchema,
    title: text(300),
    form: CatalogueIdSchema,
    targetGroup: text(500),
    problem: text(5000),
    actions: z.array(text(3000)).min(1).max(50),
    results: text(5000),
    indicators: z.array(PracticeIndicatorSchema).max(50).default([]),
    materials: z.array(PracticeMaterialSchema).max(50).default([]),
    period: z.object({ start: IsoDateSchema, end: IsoDateSchema }),
    participants: z.array(PracticeParticipantSchema).min(1).max(100),
    history: z.array(PracticeReviewStepSchema).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.period.end < c.period.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'end'],
        message: 'invalid_date_range',
        params: domainRule('invalid_date_range', { reason: 'periodEndsBeforeStart' }),
      });
    }
    const seen = new Set<string>();
    c.participants.forEach((p, i) => {
      if (seen.has(p.personId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['participants', i, 'personId'],
          message: 'duplicate_id',
          params: domainRule('duplicate_id', { of: 'participant', id: p.personId }),
        });
      }
      seen.add(p.personId);
    });
    c.history.forEach((step, i) => {
      const prev = c.history[i - 1];
      const ok = prev === undefined ? step.status === 'draft' : NEXT[prev.status].includes(step.status);
      if (!ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'status'],
          message: 'practice_transition_invalid',
          params: domainRule('practice_transition_invalid', {
            ...(prev ? { from: prev.status } : {}),
            to: step.status,
          }),
        });
      }
      if (prev !== undefined && step.at < prev.at) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'at'],
          message: 'invalid_date_range',
          params: domainRule('invalid_date_range', { reason: 'periodEndsBeforeStart' }),
        });
      }
    });
  });
/** A case. @category Best practices @example const c: PracticeCase = parse(PracticeCaseSchema, raw); */
export type PracticeCase = z.infer<typeof PracticeCaseSchema>;
/** A case as written. @category Best practices @example const c: PracticeCaseInput = { ...raw }; */
export type PracticeCaseInput = z.input<typeof PracticeCaseSchema>;

/** The review workflow as data: which status may follow which. */
const NEXT: Readonly<Record<PracticeStatus, readonly PracticeStatus[]>> = {
  draft: ['reviewed', 'returned'],
  returned: ['draft'],
  reviewed: ['published', 'returned'],
  published: [],
};

/**
 * The status a case is in: its last review step.
 *
 * @category Best practices
 * @example
 * practiceStatus(c); // 'draft'
 */
export function practiceStatus(c: Pick<PracticeCase, 'history'>): PracticeStatus {
  return (c.history[c.history.length - 1] as PracticeReviewStep).status;
}

/**
 * A completed programme as plain data, to draft a case from: the pair's
 * form, period and people (ids), and the indicators measured for it (shaped
 * like the values `@nastavnik/indicators` computes; pass them in — core does
 * not import indicators).
 *
 * @category Best practices
 * @example
 * const p: CompletedProgrammeSummary = { organizationId: 'school-1', form: 'teacherTeacher', start: '2023-09-01', end: '2024-05-31',
 *   mentorId: 't-1', menteeIds: ['t-9'], completed: true };
 */
export const CompletedProgrammeSummarySchema = z.object({
  organizationId: OrganizationIdSchema,
  form: CatalogueIdSchema,
  start: IsoDateSchema,
  end: IsoDateSchema,
  mentorId: PersonIdSchema,
  menteeIds: z.array(PersonIdSchema).min(1).max(50),
  curatorId: PersonIdSchema.optional(),
  /** The programme reached its planned outcome (not terminated early). */
  completed: z.boolean(),
  indicators: z.array(PracticeIndicatorSchema).max(50).default([]),
});
/** A completed programme. @category Best practices @example const p: CompletedProgrammeSummary = parse(CompletedProgrammeSummarySchema, raw); */
export type CompletedProgrammeSummary = z.input<typeof CompletedProgrammeSummarySchema>;

/**
 * Draft a case of the bank of best practices from a completed programme:
 * the programme gives the form, the period, the participants (mentor,
 * mentees, curator) and the indicators; the school writes the title, the
 * target group, the problem, what was done, the results and the materials.
 * The draft is the first step of the review, dated `at` and taken by
 * `byPosition`. A programme terminated early is refused (a case shows what
 * worked); so is a draft dated before the programme ended.
 *
 * @category Best practices
 * @example
 * const draft = draftPracticeCase(programme, { id: 'case-1', title: 'Первый год в профессии', targetGroup: 'молодые учителя',
 *   problem: '…', actions: ['…'], results: '…' }, { at: '2024-05-31', byPosition: 'куратор программы' });
 */
export function draftPracticeCase(
  programme: CompletedProgrammeSummary,
  content: {
    id: string;
    title: string;
    targetGroup: string;
    problem: string;
    actions: readonly string[];
    results: string;
    materials?: readonly z.input<typeof PracticeMaterialSchema>[];
  },
  step: { at: IsoDate | string; byPosition: string; byId?: string },
): PracticeCase {
  const p = parse(CompletedProgrammeSummarySchema, programme, ['programme']);
  if (!p.completed) throw fail('invalid_value', ['programme', 'completed'], { allowed: 'true' });
  const at = parse(IsoDateSchema, step.at, ['step', 'at']);
  if (at < p.end) throw fail('invalid_date_range', ['step', 'at'], { reason: 'completionBeforeStart' });
  return parse(PracticeCaseSchema, {
    ...content,
    organizationId: p.organizationId,
    form: p.form,
    indicators: p.indicators,
    materials: content.materials ?? [],
    period: { start: p.start, end: p.end },
    participants: [
      { personId: p.mentorId, role: 'mentor' },
      ...p.menteeIds.map((id) => ({ personId: id, role: 'mentee' as const })),
      ...(p.curatorId !== undefined ? [{ personId: p.curatorId, role: 'curator' as const }] : []),
    ],
    history: [
      { status: 'draft', at, byPosition: step.byPosition, ...(step.byId ? { byId: step.byId } : {}) },
    ],
  });
}

/**
 * Take a review step: `reviewed` (the methodist approves), `returned`
 * (sent back with a comment), `draft` (reworked after a return; `changes`
 * replace the case's texts), `published`. Only the workflow's order is
 * allowed (draft → reviewed → published; draft or reviewed → returned →
 * draft), dates never go back, and a return needs a comment; otherwise a
 * `NastavnikError` (`practice_transition_invalid`, `invalid_date_range`,
 * `required`). A published case is final.
 *
 * @category Best practices
 * @example
 * let c = reviewPracticeCase(draft, { status: 'reviewed', at: '2024-06-03', byPosition: 'методист ИМЦ', byId: 'm-1' });
 * c = reviewPracticeCase(c, { status: 'published', at: '2024-06-10', byPosition: 'специалист управления образования' });
 */
export function reviewPracticeCase(
  practice: PracticeCaseInput,
  step: z.input<typeof PracticeReviewStepSchema>,
  changes: Partial<
    Pick<PracticeCaseInput, 'title' | 'targetGroup' | 'problem' | 'actions' | 'results' | 'materials'>
  > = {},
): PracticeCase {
  const c = parse(PracticeCaseSchema, practice, ['practice']);
  const s = parse(PracticeReviewStepSchema, step, ['step']);
  const from = practiceStatus(c);
  if (!NEXT[from].includes(s.status)) {
    throw fail('practice_transition_invalid', ['step', 'status'], { from, to: s.status });
  }
  if (s.status === 'returned' && s.comment === undefined) throw fail('required', ['step', 'comment']);
  if (s.at < (c.history[c.history.length - 1] as PracticeReviewStep).at) {
    throw fail('invalid_date_range', ['step', 'at'], { reason: 'periodEndsBeforeStart' });
  }
  if (Object.keys(changes).length > 0 && s.status !== 'draft') {
    throw fail('practice_transition_invalid', ['changes'], { from, to: s.status });
  }
  return parse(PracticeCaseSchema, { ...c, ...changes, history: [...c.history, s] }, ['practice']);
}
