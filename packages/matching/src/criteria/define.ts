import type { LocalizedText, MenteeWithProfile, MentorWithProfile } from '@nastavnik/core';

/**
 * A mentor as the matcher sees them: core's `MentorWithProfile`.
 *
 * @deprecated Use `MentorWithProfile` from `@nastavnik/core` (the one `{ person, profile }` type); this alias goes in the next minor release.
 * @category Criteria
 * @example
 * const m: MentorWithProfile = { person, profile }; // instead of MentorCandidate
 */
export type MentorCandidate = MentorWithProfile;

/**
 * A mentee as the matcher sees them: core's `MenteeWithProfile`.
 *
 * @deprecated Use `MenteeWithProfile` from `@nastavnik/core` (the one `{ person, profile }` type); this alias goes in the next minor release.
 * @category Criteria
 * @example
 * const m: MenteeWithProfile = { person, profile }; // instead of MenteeCandidate
 */
export type MenteeCandidate = MenteeWithProfile;

/**
 * What criteria may look at besides the two people: organisation networks
 * and the monthly hours one mentee needs.
 *
 * @category Criteria
 * @example
 * const ctx: CriterionContext = { networkOf: new Map([['sch-1', 'net-north']]), hoursPerMentee: 4 };
 */
export interface CriterionContext {
  /** Network (cluster, municipality) of each organisation id. */
  readonly networkOf: ReadonlyMap<string, string>;
  /** Hours a month a mentor spends on one mentee. */
  readonly hoursPerMentee: number;
}

/**
 * The value of one criterion for one pair: a number in [0, 1] and a reason
 * people can read.
 *
 * @category Criteria
 * @example
 * const e: CriterionEvaluation = { value: 1, reason: { ru: 'Один предмет', en: 'Same subject' } };
 */
export interface CriterionEvaluation {
  readonly value: number;
  readonly reason: LocalizedText;
}

/**
 * A scoring criterion: an id, a label, a default weight and a pure function
 * of (mentor, mentee, context).
 *
 * @category Criteria
 * @example
 * const c: Criterion = defineCriterion({ id: 'x', label: { ru: 'Икс', en: 'X' }, weight: 1, evaluate: () => ({ value: 1, reason: { ru: 'да', en: 'yes' } }) });
 */
export interface Criterion {
  readonly id: string;
  readonly label: LocalizedText;
  readonly weight: number;
  readonly evaluate: (
    mentor: MentorWithProfile,
    mentee: MenteeWithProfile,
    context: CriterionContext,
  ) => CriterionEvaluation;
}

/**
 * Define a criterion. Values outside [0, 1] are clamped when scored; the
 * weight can be overridden per run (`weights` option of the matchers).
 *
 * @category Criteria
 * @param criterion - id, label, default weight and the evaluation function.
 * @returns the same criterion, frozen.
 * @example
 * import { defineCriterion } from '@nastavnik/matching';
 * const sameSchool = defineCriterion({
 *   id: 'sameSchool',
 *   label: { ru: 'Один населённый пункт', en: 'Same locality' },
 *   weight: 0.5,
 *   evaluate: (mentor, mentee) =>
 *     mentor.person.organizationId === mentee.person.organizationId
 *       ? { value: 1, reason: { ru: 'Одна школа', en: 'Same school' } }
 *       : { value: 0, reason: { ru: 'Разные школы', en: 'Different schools' } },
 * });
 */
export function defineCriterion(criterion: Criterion): Criterion {
  return Object.freeze({ ...criterion });
}
