import type { LocalizedText } from '@nastavnik/core';
import { type Criterion, defineCriterion } from './criteria/define';

/**
 * How {@link matchOptimal} uses the preference survey after the group
 * meeting (003 §6.1: mutual interest; 004 §4): `constraint` pairs only those
 * who chose each other (someone who did not answer the survey does not
 * block); `weighted` adds mutual choice as a criterion with the given weight;
 * `none` leaves the survey out. The default is `weighted` (weight 2) when a
 * survey is given, `none` otherwise; the result says which was used.
 *
 * @category Matching
 * @example
 * const m: MutualInterest = { mode: 'constraint' };
 */
export type MutualInterest =
  | { readonly mode: 'constraint' }
  | { readonly mode: 'weighted'; readonly weight?: number }
  | { readonly mode: 'none' };

type Ranked = ReadonlyArray<string | readonly string[]>;

/** Who chose whom in the survey: for each side, the set of ids each respondent listed. */
export interface Choices {
  readonly mentee: ReadonlyMap<string, ReadonlySet<string>>;
  readonly mentor: ReadonlyMap<string, ReadonlySet<string>>;
}

const toSets = (r: Readonly<Record<string, Ranked>> | undefined): Map<string, Set<string>> =>
  new Map(Object.entries(r ?? {}).map(([id, list]) => [id, new Set(list.flat())]));

/** The survey's choices, by respondent. */
export function choicesOf(
  menteePreferences: Readonly<Record<string, Ranked>> | undefined,
  mentorPreferences: Readonly<Record<string, Ranked>> | undefined,
): Choices {
  return { mentee: toSets(menteePreferences), mentor: toSets(mentorPreferences) };
}

/**
 * The mutual-choice value of a pair: 1 when everyone of the two who answered
 * the survey chose the other (and at least one answered), 0 when someone who
 * answered did not choose the other, ½ when neither answered.
 */
export function mutualValue(c: Choices, mentorId: string, menteeId: string): number {
  const byMentee = c.mentee.get(menteeId);
  const byMentor = c.mentor.get(mentorId);
  if (byMentee === undefined && byMentor === undefined) return 0.5;
  const menteeOk = byMentee === undefined || byMentee.has(mentorId);
  const mentorOk = byMentor === undefined || byMentor.has(menteeId);
  return menteeOk && mentorOk ? 1 : 0;
}

const REASON: Readonly<Record<string, LocalizedText>> = {
  '1': { ru: 'Взаимный выбор в анкете предпочтений', en: 'Mutual choice in the preference survey' },
  '0': { ru: 'Нет взаимного выбора в анкете предпочтений', en: 'No mutual choice in the preference survey' },
  '0.5': { ru: 'Анкета предпочтений не заполнена', en: 'The preference survey was not answered' },
};

/** The survey as a scoring criterion (`mutualInterest`, 003 §6.1). */
export function mutualInterestCriterion(c: Choices, weight: number): Criterion {
  return defineCriterion({
    id: 'mutualInterest',
    label: { ru: 'Взаимный интерес (анкета предпочтений)', en: 'Mutual interest (preference survey)' },
    weight,
    evaluate: (mentor, mentee) => {
      const value = mutualValue(c, mentor.person.id, mentee.person.id);
      return { value, reason: REASON[String(value)] as LocalizedText };
    },
  });
}
