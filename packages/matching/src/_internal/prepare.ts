import {
  type LocalizedText,
  type MenteeWithProfile,
  type MentorWithProfile,
  mayProcessFor,
  registerCatalogue,
} from '@nastavnik/core';
import type { z } from 'zod';
import { defaultCriteria } from '../criteria/builtin';
import type { CriterionContext } from '../criteria/define';
import type {
  Contribution,
  MatchingInputSchema,
  MatchOptions,
  MatchResult,
  ProposedPair,
  UnmatchedMentee,
  UnmatchedReasonCode,
} from '../match';
import { choicesOf, type MutualInterest, mutualInterestCriterion, mutualValue } from '../mutualInterest';
import { fail } from './fail';

registerCatalogue();

// What both matchers do around their solver: `prepare` checks the people,
// fixed and forbidden pairs and consents, and lists each open mentee's
// eligible mentors with scores; `finish` turns the solver's assignment back
// into pairs with explanations and unmatched mentees with reasons.

const REASONS: Record<UnmatchedReasonCode, LocalizedText> = {
  noConsent: {
    ru: 'Нет согласия на обработку персональных данных',
    en: 'No consent to the processing of personal data',
  },
  noEligibleMentor: { ru: 'Нет подходящего наставника', en: 'No eligible mentor' },
  capacityTaken: {
    ru: 'Места у подходящих наставников заняты; поиск продолжается',
    en: 'The eligible mentors have no places left; the search goes on',
  },
  noMutualPreference: {
    ru: 'Нет взаимного выбора с наставником, у которого есть место',
    en: 'No mutual choice with a mentor who has a place',
  },
};

/** The matching input as parsed once at the boundary. */
type ParsedMatchingInput = z.output<typeof MatchingInputSchema>;

export interface Prepared {
  /** The input as parsed once at the boundary. */
  input: ParsedMatchingInput;
  mentors: MentorWithProfile[];
  mentees: MenteeWithProfile[];
  /** Mentees still to match (indices into mentees). */
  open: number[];
  remaining: Int32Array;
  fixed: ProposedPair[];
  unmatched: UnmatchedMentee[];
  /** Eligible pairs per open mentee: mentor index, score, contributions (lazy). */
  eligible: Array<Array<{ mentor: number; score: number }>>;
  excluded: Array<Record<string, number>>;
  explain: (mentor: number, mentee: number) => { score: number; contributions: Contribution[] };
}

type Explain = Prepared['explain'];

/** People sorted by id, so that the result never depends on input order; a repeated id is refused. */
function sortedById<T extends { person: { id: string } }>(xs: T[], path: string): T[] {
  const seen = new Set<string>();
  xs.forEach((x, i) => {
    if (seen.has(x.person.id)) {
      throw fail('duplicate_id', [path, i, 'person', 'id'], { of: 'participant', id: x.person.id });
    }
    seen.add(x.person.id);
  });
  return [...xs].sort((a, b) => (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
}

/** The score of a mentor–mentee pair with each criterion's contribution (weights checked, summing to 1). */
function scorer(
  mentors: readonly MentorWithProfile[],
  mentees: readonly MenteeWithProfile[],
  input: ParsedMatchingInput,
  options: MatchOptions,
  mutual: MutualInterest,
  choices: ReturnType<typeof choicesOf>,
): Explain {
  const baseCriteria = options.criteria ?? defaultCriteria;
  const criteria =
    mutual.mode === 'weighted'
      ? [...baseCriteria, mutualInterestCriterion(choices, mutual.weight ?? 2)]
      : baseCriteria;
  const weights = criteria.map((c) => options.weights?.[c.id] ?? c.weight);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw fail('invalid_input', ['weights'], { reason: 'weightsNegative' });
  }
  const wsum = weights.reduce((a, b) => a + b, 0);
  const ctx: CriterionContext = {
    networkOf: new Map(Object.entries(input.networks)),
    hoursPerMentee: options.hoursPerMentee ?? 4,
  };
  return (j, i) => {
    const contributions: Contribution[] = [];
    let score = 0;
    criteria.forEach((c, k) => {
      const w = weights[k]!;
      if (w === 0) return;
      const e = c.evaluate(mentors[j]!, mentees[i]!, ctx);
      const value = Number.isFinite(e.value) ? Math.min(1, Math.max(0, e.value)) : 0;
      const contribution = wsum > 0 ? (w * value) / wsum : 0;
      score += contribution;
      contributions.push({ criterion: c.id, weight: w, value, contribution, reason: e.reason });
    });
    return { score, contributions };
  };
}

/** The approved pairs kept as they are: each takes one of its mentor's places. */
function fixedPairs(
  input: ParsedMatchingInput,
  mentors: readonly MentorWithProfile[],
  mentees: readonly MenteeWithProfile[],
  remaining: Int32Array,
  explain: Explain,
): { fixed: ProposedPair[]; fixedMentee: Set<number> } {
  const mentorIndex = new Map(mentors.map((m, i) => [m.person.id as string, i]));
  const menteeIndex = new Map(mentees.map((m, i) => [m.person.id as string, i]));
  const fixed: ProposedPair[] = [];
  const fixedMentee = new Set<number>();
  input.fixedPairs.forEach((p, k) => {
    const j = mentorIndex.get(p.mentorId);
    const i = menteeIndex.get(p.menteeId);
    if (j === undefined || i === undefined) {
      throw fail('unknown_reference', ['fixedPairs', k], { ref: 'person' });
    }
    if (fixedMentee.has(i)) {
      throw fail('duplicate_mentee', ['fixedPairs', k], { scope: 'fixedPairs' });
    }
    if (p.mentorId === p.menteeId) {
      throw fail('self_pair', ['fixedPairs', k]);
    }
    fixedMentee.add(i);
    remaining[j] = remaining[j]! - 1;
    if (remaining[j]! < 0) {
      throw fail('too_big', ['fixedPairs', k], { reason: 'fixedOverCapacity' });
    }
    fixed.push({ mentorId: p.mentorId, menteeId: p.menteeId, ...explain(j, i), fixed: true });
  });
  return { fixed, fixedMentee };
}

/**
 * Why a mentor cannot take a mentee (a key of `excluded`), or undefined when
 * the pair is eligible as far as consents, places, forbidden pairs, mutual
 * choice and the organisation go.
 */
type Exclusion = (j: number, mentee: MenteeWithProfile) => string | undefined;

function exclusion(
  input: ParsedMatchingInput,
  options: MatchOptions,
  mutual: MutualInterest,
  choices: ReturnType<typeof choicesOf>,
  mentors: readonly MentorWithProfile[],
  mentorOk: readonly boolean[],
  remaining: Int32Array,
): Exclusion {
  const forbidden = new Set(input.forbiddenPairs.map((p) => `${p.mentorId}\u0000${p.menteeId}`));
  const needVirtual = options.crossOrganizationNeedsVirtual !== false;
  return (j, mentee) => {
    const mentor = mentors[j]!;
    if (mentor.person.id === mentee.person.id) return 'self';
    if (!mentorOk[j]) return 'mentorNoConsent';
    if (remaining[j]! <= 0) return 'mentorFull';
    if (forbidden.has(`${mentor.person.id}\u0000${mentee.person.id}`)) return 'forbidden';
    if (mutual.mode === 'constraint' && mutualValue(choices, mentor.person.id, mentee.person.id) === 0) {
      return 'notMutualChoice';
    }
    const wantsVirtualOk =
      mentee.profile.preferredFormats.length === 0 || mentee.profile.preferredFormats.includes('virtual');
    if (
      needVirtual &&
      mentor.person.organizationId !== mentee.person.organizationId &&
      !(mentor.profile.formats.includes('virtual') && wantsVirtualOk)
    ) {
      return 'otherOrganizationNotVirtual';
    }
    return undefined;
  };
}

export function prepare(
  input: ParsedMatchingInput,
  options: MatchOptions,
  mutual: MutualInterest = { mode: 'none' },
): Prepared {
  // The people, sorted and checked.
  const choices = choicesOf(input.menteePreferences, input.mentorPreferences);
  const mentors = sortedById(input.mentors, 'mentors');
  const mentees = sortedById(input.mentees, 'mentees');
  mentors.forEach((m, i) => {
    if (m.profile.personId !== m.person.id) {
      throw fail('invalid_input', ['mentors', i, 'profile', 'personId'], { reason: 'profileOfOtherPerson' });
    }
  });
  const explain = scorer(mentors, mentees, input, options, mutual, choices);

  // Consents, and the places the approved pairs already take.
  const consentOk = (p: (typeof mentors)[number]['person'], role: 'mentor' | 'mentee') =>
    mayProcessFor(input.consentPolicy, p, role, 'matching', input.consents, input.date);
  const mentorOk = mentors.map((m) => consentOk(m.person, 'mentor'));
  const remaining = Int32Array.from(mentors, (m) => m.profile.capacity);
  const { fixed, fixedMentee } = fixedPairs(input, mentors, mentees, remaining, explain);

  // Each open mentee's eligible mentors with scores, and why the others are not.
  const excludedBy = exclusion(input, options, mutual, choices, mentors, mentorOk, remaining);
  const minScore = options.minScore ?? 0;
  const open: number[] = [];
  const unmatched: UnmatchedMentee[] = [];
  const eligible: Prepared['eligible'] = [];
  const excluded: Prepared['excluded'] = [];
  mentees.forEach((mentee, i) => {
    if (fixedMentee.has(i)) return;
    if (!consentOk(mentee.person, 'mentee')) {
      unmatched.push({
        menteeId: mentee.person.id,
        reason: 'noConsent',
        text: REASONS.noConsent,
        excluded: {},
        eligibleMentors: 0,
      });
      return;
    }
    const ex: Record<string, number> = {};
    const list: Array<{ mentor: number; score: number }> = [];
    mentors.forEach((_, j) => {
      let why = excludedBy(j, mentee);
      const score = why === undefined ? explain(j, i).score : 0;
      if (why === undefined && score < minScore) why = 'belowMinScore';
      if (why === undefined) list.push({ mentor: j, score });
      else ex[why] = (ex[why] ?? 0) + 1;
    });
    open.push(i);
    eligible.push(list);
    excluded.push(ex);
  });
  return { input, mentors, mentees, open, remaining, fixed, unmatched, eligible, excluded, explain };
}

export function finish(
  p: Prepared,
  menteeToMentor: Int32Array, // per open mentee
  algorithm: MatchResult['algorithm'],
  ties: MatchResult['ties'],
  noMatchReason: 'capacityTaken' | 'noMutualPreference',
  mutualInterest: MatchResult['mutualInterest'],
): MatchResult {
  const pairs: ProposedPair[] = [...p.fixed];
  const unmatched = [...p.unmatched];
  let totalScore = 0;
  p.open.forEach((i, k) => {
    const j = menteeToMentor[k]!;
    const menteeId = p.mentees[i]!.person.id;
    if (j >= 0) {
      const ex = p.explain(j, i);
      totalScore += ex.score;
      pairs.push({ mentorId: p.mentors[j]!.person.id, menteeId, ...ex, fixed: false });
    } else {
      const n = p.eligible[k]!.length;
      // Excluded for want of a mutual choice only (constraint): say so, not «no eligible mentor».
      const notMutual = (p.excluded[k]!.notMutualChoice ?? 0) > 0;
      const reason = n > 0 ? noMatchReason : notMutual ? 'noMutualPreference' : 'noEligibleMentor';
      unmatched.push({
        menteeId,
        reason,
        text: REASONS[reason],
        excluded: p.excluded[k]!,
        eligibleMentors: n,
      });
    }
  });
  pairs.sort((a, b) =>
    a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : a.menteeId < b.menteeId ? -1 : 1,
  );
  unmatched.sort((a, b) => (a.menteeId < b.menteeId ? -1 : 1));
  return { pairs, unmatched, totalScore, algorithm, ties, mutualInterest };
}
