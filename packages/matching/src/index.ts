/**
 * @nastavnik/matching — pairing mentors with mentees: exact optimal
 * assignment (Jonker–Volgenant, capacitated sparse shortest augmenting paths)
 * and stable matching (deferred acceptance), with explanations.
 *
 * @packageDocumentation
 * @module @nastavnik/matching
 */

export {
  competenceCriterion,
  defaultCriteria,
  experienceCriterion,
  formatCriterion,
  hoursCriterion,
  menteeGroupCriterion,
  organizationCriterion,
  subjectCriterion,
} from './criteria/builtin';
export {
  type Criterion,
  type CriterionContext,
  type CriterionEvaluation,
  defineCriterion,
  type MenteeCandidate,
  type MentorCandidate,
} from './criteria/define';
export {
  type Contribution,
  type MatchingInput,
  MatchingInputSchema,
  type MatchOptimalOptions,
  type MatchOptions,
  type MatchResult,
  type MatchStableOptions,
  type ProposedPair,
  type UnmatchedMentee,
  type UnmatchedReasonCode,
} from './match';
export { matchOptimal } from './matchOptimal';
export { matchStable } from './matchStable';
export type { MutualInterest } from './mutualInterest';
export { limitByRemainingHours, type RemainingHoursOptions } from './remainingHours';
export {
  type RematchChange,
  type RematchChanges,
  RematchChangesSchema,
  type RematchInstance,
  RematchInstanceSchema,
  type RematchOptions,
  type RematchPrevious,
  RematchPreviousSchema,
  type RematchResult,
  rematch,
} from './rematch';
export {
  rematchSparse,
  type SparseRematchInput,
  type SparseRematchOptions,
  type SparseRematchResult,
} from './rematchSparse';
export { type AssignmentResult, type SolveAssignmentOptions, solveAssignment } from './solveAssignment';
export {
  type OptimalityCertificate,
  type SparseAssignmentInput,
  type SparseAssignmentOptions,
  type SparseAssignmentResult,
  type SparseVerification,
  type SparseViolation,
  solveSparseAssignment,
  verifySparseAssignment,
} from './solveSparseAssignment';
export {
  type BlockingPair,
  type BrokenTie,
  findBlockingPairs,
  type PreferenceList,
  type StableAssignmentInput,
  type StableAssignmentOptions,
  type StableAssignmentResult,
  solveStableAssignment,
  stableAssignment,
} from './stableAssignment';
export {
  type IdBlockingPair,
  type StableVerification,
  verifyStableMatching,
} from './verifyStableMatching';
