import { z } from 'zod';
import { CatalogueIdSchema } from '../enums';
import { domainRule } from '../errors';
import { CompetitionIdSchema, OrganizationIdSchema, type PersonId, PersonIdSchema } from '../ids';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';
import { safeText } from '../text';

registerCatalogue();

/**
 * Kinds of incentive an authority decides on (001 1.4 «система мотивации и
 * стимулирования наставников и кураторов»): a certificate of honour
 * (грамота), a letter of thanks (благодарственное письмо), points in the
 * mentors' rating, a bonus (премия) from the incentive part of the pay fund,
 * or another form the authority names itself.
 *
 * @category Incentives
 * @example
 * IncentiveFormKindSchema.parse('letterOfThanks');
 */
export const IncentiveFormKindSchema = z.enum([
  'certificate',
  'letterOfThanks',
  'ratingPoints',
  'bonus',
  'other',
]);
/** A kind of incentive. @category Incentives @example const k: IncentiveFormKind = 'bonus'; */
export type IncentiveFormKind = z.infer<typeof IncentiveFormKindSchema>;

/**
 * Russian and English labels of incentive kinds.
 *
 * @category Incentives
 * @example
 * incentiveFormKindLabels.certificate.ru; // 'грамота'
 */
export const incentiveFormKindLabels: Readonly<Record<IncentiveFormKind, { ru: string; en: string }>> = {
  certificate: { ru: 'грамота', en: 'certificate of honour' },
  letterOfThanks: { ru: 'благодарственное письмо', en: 'letter of thanks' },
  ratingPoints: { ru: 'баллы в рейтинге наставников', en: "points in the mentors' rating" },
  bonus: { ru: 'премия', en: 'bonus' },
  other: { ru: 'иная форма', en: 'other form' },
};

/**
 * A form of incentive as the authority's decision names it: «Почётная
 * грамота управления образования», «Благодарственное письмо», 10 points in
 * the rating (`points`, required for `ratingPoints`), a bonus of a sum in
 * roubles (`amount`, required for `bonus`).
 *
 * @category Incentives
 * @example
 * parse(IncentiveFormSchema, { id: 'gramota', kind: 'certificate', title: 'Почётная грамота управления образования' });
 */
export const IncentiveFormSchema = z
  .object({
    id: CatalogueIdSchema,
    kind: IncentiveFormKindSchema,
    title: safeText().trim().min(1).max(300),
    points: z.number().int().positive().max(1000).optional(),
    amount: z.number().positive().max(10_000_000).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'ratingPoints' && f.points === undefined) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'required', params: domainRule('required') });
    }
    if (f.kind === 'bonus' && f.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'required', params: domainRule('required') });
    }
  });
/** A form of incentive. @category Incentives @example const f: IncentiveForm = { id: 'thanks', kind: 'letterOfThanks', title: 'Благодарственное письмо' }; */
export type IncentiveForm = z.infer<typeof IncentiveFormSchema>;

/**
 * A condition attached to a mentor's results, all thresholds inclusive:
 * - `completedProgrammes` — at least `min` personalised programmes completed
 *   in the period;
 * - `competitionPlace` — a place not lower than `maxPlace` in a competition
 *   (any, or the one named); shared places count for everyone who shares;
 * - `satisfaction` — mentees' satisfaction at least `minPercent` %, from at
 *   least `minResponses` answers (fewer answers are not a result);
 * - `yearsAsMentor` — at least `min` years of mentoring.
 *
 * @category Incentives
 * @example
 * parse(IncentiveConditionSchema, { kind: 'satisfaction', minPercent: 80 });
 */
export const IncentiveConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('completedProgrammes'), min: z.number().int().min(1).max(1000) }),
  z.object({
    kind: z.literal('competitionPlace'),
    maxPlace: z.number().int().min(1).max(100),
    competitionId: CompetitionIdSchema.optional(),
  }),
  z.object({
    kind: z.literal('satisfaction'),
    minPercent: z.number().min(0).max(100),
    minResponses: z.number().int().min(1).max(10_000).default(3),
  }),
  z.object({ kind: z.literal('yearsAsMentor'), min: z.number().min(0).max(70) }),
]);
/** A condition. @category Incentives @example const c: IncentiveCondition = { kind: 'completedProgrammes', min: 1 }; */
export type IncentiveCondition = z.infer<typeof IncentiveConditionSchema>;
/** A condition kind. @category Incentives @example const k: IncentiveConditionKind = 'yearsAsMentor'; */
export type IncentiveConditionKind = IncentiveCondition['kind'];

/**
 * A rule of the decision: the form a mentor receives when every condition
 * holds («за результативное наставничество: не менее 1 завершённой
 * программы и удовлетворённость не ниже 80 %»). With `maxRecipients` the
 * rule is limited (e.g. three bonuses a year): qualified mentors are ranked
 * by `rankBy` (the measured value of that condition, best first) and
 * everyone tied with the last place inside the limit also qualifies — the
 * decision never splits a tie by chance.
 *
 * @category Incentives
 * @example
 * parse(IncentiveRuleSchema, { id: 'effective', title: 'за результативное наставничество', formId: 'gramota',
 *   conditions: [{ kind: 'completedProgrammes', min: 1 }, { kind: 'satisfaction', minPercent: 80 }] });
 */
export const IncentiveRuleSchema = z
  .object({
    id: CatalogueIdSchema,
    title: safeText().trim().min(1).max(300),
    formId: CatalogueIdSchema,
    conditions: z.array(IncentiveConditionSchema).min(1).max(10),
    maxRecipients: z.number().int().min(1).max(10_000).optional(),
    rankBy: z.enum(['completedProgrammes', 'competitionPlace', 'satisfaction', 'yearsAsMentor']).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.maxRecipients !== undefined && r.rankBy === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rankBy'], message: 'required', params: domainRule('required') });
    }
    if (r.rankBy !== undefined && !r.conditions.some((c) => c.kind === r.rankBy)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rankBy'],
        message: 'unknown_reference',
        params: domainRule('unknown_reference', { ref: 'incentiveCondition', id: r.rankBy }),
      });
    }
  });
/** A rule. @category Incentives @example const r: IncentiveRule = parse(IncentiveRuleSchema, raw); */
export type IncentiveRule = z.infer<typeof IncentiveRuleSchema>;

/**
 * The system of incentives an authority (or a school) decides on (001 1.4):
 * its forms and the rules attaching them to results. Ids are unique; every
 * rule names an existing form. Data, not code: a region adds its own forms.
 *
 * @category Incentives
 * @example
 * const system = parse(IncentiveSystemSchema, {
 *   id: 'uo-2024', organizationId: 'uo', title: 'Система мотивации и стимулирования наставников',
 *   forms: [{ id: 'thanks', kind: 'letterOfThanks', title: 'Благодарственное письмо' }],
 *   rules: [{ id: 'completed', title: 'за завершённую программу наставничества', formId: 'thanks', conditions: [{ kind: 'completedProgrammes', min: 1 }] }],
 * });
 */
export const IncentiveSystemSchema = z
  .object({
    id: CatalogueIdSchema,
    organizationId: OrganizationIdSchema,
    title: safeText().trim().min(1).max(300),
    forms: z.array(IncentiveFormSchema).min(1).max(100),
    rules: z.array(IncentiveRuleSchema).min(1).max(200),
  })
  .superRefine((s, ctx) => {
    const formIds = new Set<string>();
    s.forms.forEach((f, i) => {
      if (formIds.has(f.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['forms', i, 'id'],
          message: 'duplicate_id',
          params: domainRule('duplicate_id', { of: 'incentiveForm', id: f.id }),
        });
      }
      formIds.add(f.id);
    });
    const ruleIds = new Set<string>();
    s.rules.forEach((r, i) => {
      if (ruleIds.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: 'duplicate_id',
          params: domainRule('duplicate_id', { of: 'incentiveRule', id: r.id }),
        });
      }
      ruleIds.add(r.id);
      if (!formIds.has(r.formId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'formId'],
          message: 'unknown_reference',
          params: domainRule('unknown_reference', { ref: 'incentiveForm', id: r.formId }),
        });
      }
    });
  });
/** A system of incentives. @category Incentives @example const s: IncentiveSystem = parse(IncentiveSystemSchema, raw); */
export type IncentiveSystem = z.infer<typeof IncentiveSystemSchema>;
/** A system of incentives as written. @category Incentives @example const s: IncentiveSystemInput = { id: 'x', organizationId: 'uo', title: 'Система', forms, rules }; */
export type IncentiveSystemInput = z.input<typeof IncentiveSystemSchema>;

/**
 * A mentor's results for the period, as plain numbers (from the pair and
 * programme records, competitions and indicators): no names.
 *
 * @category Incentives
 * @example
 * parse(MentorResultSchema, { mentorId: 't-1', completedProgrammes: 2, competitionPlaces: [{ competitionId: 'np', place: 1 }],
 *   satisfaction: { percent: 92, responses: 4 }, yearsAsMentor: 3 });
 */
export const MentorResultSchema = z.object({
  mentorId: PersonIdSchema,
  completedProgrammes: z.number().int().min(0).max(10_000).default(0),
  competitionPlaces: z
    .array(z.object({ competitionId: CompetitionIdSchema, place: z.number().int().min(1).max(10_000) }))
    .default([]),
  satisfaction: z
    .object({ percent: z.number().min(0).max(100), responses: z.number().int().min(0).max(100_000) })
    .optional(),
  yearsAsMentor: z.number().min(0).max(70).default(0),
});
/** A mentor's results. @category Incentives @example const r: MentorResult = parse(MentorResultSchema, raw); */
export type MentorResult = z.infer<typeof MentorResultSchema>;
/** A mentor's results as written. @category Incentives @example const r: MentorResultInput = { mentorId: 't-1', completedProgrammes: 1 }; */
export type MentorResultInput = z.input<typeof MentorResultSchema>;

/**
 * How one condition came out for a mentor: the threshold and the measured
 * value (`null` when there is no result of that kind, e.g. too few answers).
 *
 * @category Incentives
 * @example
 * const o: ConditionOutcome = { kind: 'satisfaction', threshold: 80, actual: 92, met: true };
 */
export interface ConditionOutcome {
  readonly kind: IncentiveConditionKind;
  readonly threshold: number;
  readonly actual: number | null;
  readonly met: boolean;
}

/**
 * A mentor who qualifies for a form under a rule, with the outcomes that
 * qualified them (the rule's conditions, in order).
 *
 * @category Incentives
 * @example
 * const a: IncentiveAward = { mentorId, ruleId: 'effective', formId: 'gramota', outcomes };
 */
export interface IncentiveAward {
  readonly mentorId: PersonId;
  readonly ruleId: string;
  readonly formId: string;
  readonly outcomes: readonly ConditionOutcome[];
  /** Qualified on every condition but left out by the rule's `maxRecipients`. */
  readonly overLimit?: true;
}

function measure(c: IncentiveCondition, r: MentorResult): ConditionOutcome {
  switch (c.kind) {
    case 'completedProgrammes':
      return {
        kind: c.kind,
        threshold: c.min,
        actual: r.completedProgrammes,
        met: r.completedProgrammes >= c.min,
      };
    case 'yearsAsMentor':
      return { kind: c.kind, threshold: c.min, actual: r.yearsAsMentor, met: r.yearsAsMentor >= c.min };
    case 'satisfaction': {
      const s = r.satisfaction;
      const actual = s !== undefined && s.responses >= c.minResponses ? s.percent : null;
      return {
        kind: c.kind,
        threshold: c.minPercent,
        actual,
        met: actual !== null && actual >= c.minPercent,
      };
    }
    case 'competitionPlace': {
      const places = r.competitionPlaces
        .filter((p) => c.competitionId === undefined || p.competitionId === c.competitionId)
        .map((p) => p.place);
      const best = places.length === 0 ? null : Math.min(...places);
      return { kind: c.kind, threshold: c.maxPlace, actual: best, met: best !== null && best <= c.maxPlace };
    }
  }
}

/** Higher is better except for a place. */
function better(kind: IncentiveConditionKind, a: number, b: number): number {
  return kind === 'competitionPlace' ? a - b : b - a;
}

/**
 * Who qualifies for what: every rule of the system evaluated over every
 * mentor's results (pure; no names — ids only). A mentor qualifies under a
 * rule when all its conditions hold (thresholds inclusive). A limited rule
 * (`maxRecipients`) keeps the best by `rankBy`, and everyone tied with the
 * last one kept; the rest are returned with `overLimit` so the decision can
 * show why. Awards are listed rule by rule, in the order of the system, then
 * by mentor id. Refuses an invalid system or results with a `NastavnikError`;
 * results for the same mentor twice are refused (`duplicate_id`).
 *
 * @category Incentives
 * @example
 * const { awards } = evaluateIncentives(system, [{ mentorId: 't-1', completedProgrammes: 1, satisfaction: { percent: 90, responses: 5 } }]);
 * awards[0]; // { mentorId: 't-1', ruleId: 'effective', formId: 'gramota', outcomes: [...] }
 */
export function evaluateIncentives(
  system: IncentiveSystemInput,
  results: readonly MentorResultInput[],
): { awards: IncentiveAward[]; overLimit: IncentiveAward[] } {
  const s = parse(IncentiveSystemSchema, system, ['system']);
  const rs = parse(
    z.array(MentorResultSchema).superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((r, i) => {
        if (seen.has(r.mentorId)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'mentorId'],
            message: 'duplicate_id',
            params: domainRule('duplicate_id', { of: 'mentorResult', id: r.mentorId }),
          });
        }
        seen.add(r.mentorId);
      });
    }),
    results,
    ['results'],
  );
  const sorted = [...rs].sort((a, b) => (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0));
  const awards: IncentiveAward[] = [];
  const overLimit: IncentiveAward[] = [];
  for (const rule of s.rules) {
    const qualified = sorted
      .map((r) => ({ mentorId: r.mentorId, outcomes: rule.conditions.map((c) => measure(c, r)) }))
      .filter((q) => q.outcomes.every((o) => o.met));
    const make = (q: (typeof qualified)[number]): IncentiveAward => ({
      mentorId: q.mentorId,
      ruleId: rule.id,
      formId: rule.formId,
      outcomes: q.outcomes,
    });
    if (
      rule.maxRecipients === undefined ||
      rule.rankBy === undefined ||
      qualified.length <= rule.maxRecipients
    ) {
      awards.push(...qualified.map(make));
      continue;
    }
    const kind = rule.rankBy;
    const value = (q: (typeof qualified)[number]) =>
      q.outcomes.find((o) => o.kind === kind)?.actual ?? Number.NaN;
    const ranked = [...qualified].sort((a, b) => better(kind, value(a), value(b)));
    const cut = value(ranked[rule.maxRecipients - 1] as (typeof qualified)[number]);
    const kept = new Set(ranked.filter((q) => better(kind, value(q), cut) <= 0).map((q) => q.mentorId));
    for (const q of qualified) {
      if (kept.has(q.mentorId)) awards.push(make(q));
      else overLimit.push({ ...make(q), overLimit: true });
    }
  }
  return { awards, overLimit };
}
