import {
  ConsentPolicySchema,
  ConsentSchema,
  defaultConsentPolicy,
  IsoDateSchema,
  type LocalizedText,
  MenteeWithProfileSchema,
  MentorWithProfileSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import type { Criterion } from './criteria/define';
import type { MutualInterest } from './mutualInterest';

// The matchers' input and result: what `matchOptimal` (matchOptimal.ts),
// `matchStable` (matchStable.ts) and `verifyStableMatching`
// (verifyStableMatching.ts) share; both matchers prepare the input the same
// way (_internal/prepare.ts).

const IdPair = z.object({ mentorId: z.string().min(1), menteeId: z.string().min(1) });
const Ranked = z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]));

/**
 * Zod schema of the input of {@link matchOptimal} and {@link matchStable}.
 *
 * @category Matching
 * @example
 * const input = MatchingInputSchema.parse(raw);
 */
export const MatchingInputSchema = z.object({
  /** The day the pairs are formed: consents are checked on it. */
  date: IsoDateSchema,
  mentors: z.array(MentorWithProfileSchema),
  mentees: z.array(MenteeWithProfileSchema),
  consents: z.array(ConsentSchema).default([]),
  /**
   * The consent policy (core `defaultConsentPolicy` unless a region passes its
   * own): who may be matched at all is its `matching` verdict (152-ФЗ ст. 9).
   */
  consentPolicy: ConsentPolicySchema.default(defaultConsentPolicy),
  /** Pairs that must not be formed (conflicts, a mentee's request for a different mentor, 003 §5.1). */
  forbiddenPairs: z.array(IdPair).default([]),
  /** Pairs already approved by an order: they stay and take the mentor's places (001 2.2). */
  fixedPairs: z.array(IdPair).default([]),
  /** Network (cluster, municipality) of organisations, for the organisation criterion. */
  networks: z.record(z.string(), z.string()).default({}),
  /** Preference survey after the group meeting (004 §4): mentee id → mentor ids, best first; inner arrays are ties. */
  menteePreferences: z.record(z.string(), Ranked).optional(),
  /** Mentor id → mentee ids, best first; inner arrays are ties. */
  mentorPreferences: z.record(z.string(), Ranked).optional(),
});
/** Input of the matchers, as written. @category Matching @example const i: MatchingInput = { date: '2024-09-10', mentors: [], mentees: [] }; */
export type MatchingInput = z.input<typeof MatchingInputSchema>;

/**
 * Options shared by the matchers.
 *
 * @category Matching
 * @example
 * const o: MatchOptions = { weights: { competence: 6 }, minScore: 0.3 };
 */
export interface MatchOptions {
  /** Criteria to score with (default {@link defaultCriteria}). */
  readonly criteria?: readonly Criterion[];
  /** Weight overrides by criterion id; 0 switches a criterion off. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Pairs scoring below this (0..1) are not eligible. Default 0. */
  readonly minScore?: number;
  /** Mentors in another organisation must offer the virtual format (default true). */
  readonly crossOrganizationNeedsVirtual?: boolean;
  /** Hours a month per mentee (hours criterion). Default 4. */
  readonly hoursPerMentee?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Options of {@link matchOptimal}.
 *
 * @category Matching
 * @example
 * const o: MatchOptimalOptions = { candidatesPerMentee: 50 };
 */
export interface MatchOptimalOptions extends MatchOptions {
  /**
   * Keep only each mentee's best k eligible mentors (the sparse path for a
   * whole region). Exact on the kept pairs. Default: all eligible pairs.
   */
  readonly candidatesPerMentee?: number;
  /** Use the sparse solver even for small inputs. */
  readonly forceSparse?: boolean;
  /**
   * The preference survey (003 §6.1 mutual interest): a hard constraint or a
   * weighted criterion. Default: weighted (2) when the input has a survey.
   */
  readonly mutualInterest?: MutualInterest;
}

/**
 * Options of {@link matchStable}.
 *
 * @category Matching
 * @example
 * const o: MatchStableOptions = { proposing: 'mentor' };
 */
export interface MatchStableOptions extends MatchOptions {
  readonly proposing?: 'mentee' | 'mentor';
}

/**
 * One criterion's share of a pair's score.
 *
 * @category Matching
 * @example
 * const c: Contribution = { criterion: 'subject', weight: 2, value: 1, contribution: 0.17, reason: { ru: '…', en: '…' } };
 */
export interface Contribution {
  readonly criterion: string;
  readonly weight: number;
  readonly value: number;
  /** weight × value / total weight; the contributions sum to the score. */
  readonly contribution: number;
  readonly reason: LocalizedText;
}

/**
 * A proposed (or kept) pair with its explanation.
 *
 * @category Matching
 * @example
 * for (const p of result.pairs) console.log(p.mentorId, p.menteeId, p.score.toFixed(2));
 */
export interface ProposedPair {
  readonly mentorId: string;
  readonly menteeId: string;
  /** 0..1, the weighted mean of the criteria. */
  readonly score: number;
  readonly contributions: readonly Contribution[];
  /** True for a pair given in `fixedPairs`. */
  readonly fixed: boolean;
}

/**
 * Why a mentee was left without a mentor.
 *
 * @category Matching
 * @example
 * const code: UnmatchedReasonCode = 'capacityTaken';
 */
export type UnmatchedReasonCode = 'noConsent' | 'noEligibleMentor' | 'capacityTaken' | 'noMutualPreference';

/**
 * A mentee left without a pair and why, so that the curator can act (004 §4:
 * support and continued search).
 *
 * @category Matching
 * @example
 * for (const u of result.unmatched) console.log(u.menteeId, u.reason, u.text.ru);
 */
export interface UnmatchedMentee {
  readonly menteeId: string;
  readonly reason: UnmatchedReasonCode;
  readonly text: LocalizedText;
  /** How many mentors were excluded for each exclusion code. */
  readonly excluded: Readonly<Record<string, number>>;
  /** Eligible mentors (whose places went to others). */
  readonly eligibleMentors: number;
}

/**
 * The result of {@link matchOptimal} or {@link matchStable}.
 *
 * @category Matching
 * @example
 * const { pairs, unmatched, totalScore } = matchOptimal(input);
 */
export interface MatchResult {
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly UnmatchedMentee[];
  /** Sum of the scores of the new (not fixed) pairs. */
  readonly totalScore: number;
  readonly algorithm: 'dense' | 'sparse' | 'deferredAcceptance';
  /** Ties broken in the preference lists (matchStable), by ids. */
  readonly ties: ReadonlyArray<{ side: 'mentee' | 'mentor'; id: string; order: readonly string[] }>;
  /**
   * How the preference survey was used (003 §6.1): `constraint` (only mutual choices), `weighted`
   * (the `mutualInterest` criterion in each pair's contributions), `none`; matchStable: `stable`.
   */
  readonly mutualInterest: 'constraint' | 'weighted' | 'none' | 'stable';
}
