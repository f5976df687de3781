import {
  fail,
  type OrganizationId,
  type OrganizationTree,
  registerCatalogue,
  type TerminationReason,
} from '@nastavnik/core';
import { mergeCounts } from './_internal/sketch';

registerCatalogue();

/**
 * Self-assessment change of one role: respondents with both an entry and a
 * final self-assessment, the sum of (final − entry), and how many improved.
 *
 * @category Accumulators
 * @example
 * const sa: SelfAssessmentSums = { respondents: 2, deltaSum: 5, improved: 2 };
 */
export interface SelfAssessmentSums {
  respondents: number;
  deltaSum: number;
  improved: number;
}

/**
 * The mergeable sums of one organization (its own records, or a whole
 * subtree after {@link rollUp}): counts, numerators and denominators, a
 * histogram of 1–10 scores per role, and a count map of days from request
 * to pair. Every field is additive, so merging two accumulators gives the
 * accumulator of the union of their records: indicators are computed from
 * sums, never from averaged percentages or medians of medians.
 *
 * @category Accumulators
 * @example
 * const acc = createAccumulator();
 * acc.pupilsInBand += 100; acc.pupilMentees += 72;
 */
export interface Accumulator {
  /** Pupils in the age band, on roll on the as-of date. */
  pupilsInBand: number;
  pupilMentees: number;
  pupilMentors: number;
  /** Pupils in the band who are mentees or mentors (each counted once). */
  pupilsInvolved: number;
  /** Pedagogical staff (category `teacher` or `head`) on roll. */
  teachers: number;
  teacherMentors: number;
  teacherMentees: number;
  /** Teachers with experience ≤ the young-specialist limit. */
  youngTeachers: number;
  youngTeacherMentees: number;
  /** Pairs and groups working during the period (approved, not closed before it). */
  pairs: number;
  /** Of them, groups (several mentees). */
  groups: number;
  pairsByForm: Map<string, number>;
  /** Formats combine: a pair counts under each of its formats. */
  pairsByFormat: Map<string, number>;
  meetingsHeld: number;
  meetingsPlanned: number;
  /** Personal programmes extended, among the pairs of the period. */
  programmesExtended: number;
  /** Programmes ended in the period (completed in full + terminated early). */
  programmesEnded: number;
  programmesCompleted: number;
  programmesTerminated: number;
  terminatedByReason: Record<TerminationReason, number>;
  /** Requests made in the period up to the as-of date. */
  requests: number;
  /** Of them, answered by a pair approved by the as-of date. */
  requestsMatched: number;
  requestsWaiting: number;
  /** Distinct mentees with a waiting request and no working pair. */
  menteesWaiting: number;
  /** Days from request to the approval of its pair → number of requests. */
  daysToPair: Map<number, number>;
  /** Roadmap activities due in the period by the as-of date. */
  activitiesDue: number;
  activitiesOnTime: number;
  /** Done, but after the due date. */
  activitiesLate: number;
  /** Not done by the as-of date. */
  activitiesOverdue: number;
  /** Mentors in the registry. */
  mentors: number;
  mentorCapacity: number;
  /** Mentees in working pairs of registered mentors on the as-of date. */
  mentorLoad: number;
  mentorsWithMentees: number;
  mentorsOverCapacity: number;
  /** Mentors with completed trainings of at least the required hours. */
  mentorsTrained: number;
  /** Final satisfaction scores: index = score 1–10, value = responses. */
  satisfactionMentor: Float64Array;
  satisfactionMentee: Float64Array;
  selfAssessmentMentor: SelfAssessmentSums;
  selfAssessmentMentee: SelfAssessmentSums;
  /** Young-specialist mentees whose first pair was approved a year or more before the as-of date. */
  youngSpecialistCohort: number;
  /** Of them, still in the organization a year after that approval. */
  youngSpecialistRetained: number;
  /** A region's own additive counters by key. */
  counters: Map<string, number>;
}

/**
 * An empty accumulator.
 *
 * @category Accumulators
 * @example
 * const acc = createAccumulator();
 * acc.pairs; // 0
 */
export function createAccumulator(): Accumulator {
  return {
    pupilsInBand: 0,
    pupilMentees: 0,
    pupilMentors: 0,
    pupilsInvolved: 0,
    teachers: 0,
    teacherMentors: 0,
    teacherMentees: 0,
    youngTeachers: 0,
    youngTeacherMentees: 0,
    pairs: 0,
    groups: 0,
    pairsByForm: new Map(),
    pairsByFormat: new Map(),
    meetingsHeld: 0,
    meetingsPlanned: 0,
    programmesExtended: 0,
    programmesEnded: 0,
    programmesCompleted: 0,
    programmesTerminated: 0,
    terminatedByReason: {
      mentorInitiative: 0,
      menteeInitiative: 0,
      mutualDecision: 0,
      curatorInitiative: 0,
      consentWithdrawn: 0,
    },
    requests: 0,
    requestsMatched: 0,
    requestsWaiting: 0,
    menteesWaiting: 0,
    daysToPair: new Map(),
    activitiesDue: 0,
    activitiesOnTime: 0,
    activitiesLate: 0,
    activitiesOverdue: 0,
    mentors: 0,
    mentorCapacity: 0,
    mentorLoad: 0,
    mentorsWithMentees: 0,
    mentorsOverCapacity: 0,
    mentorsTrained: 0,
    satisfactionMentor: new Float64Array(11),
    satisfactionMentee: new Float64Array(11),
    selfAssessmentMentor: { respondents: 0, deltaSum: 0, improved: 0 },
    selfAssessmentMentee: { respondents: 0, deltaSum: 0, improved: 0 },
    youngSpecialistCohort: 0,
    youngSpecialistRetained: 0,
    counters: new Map(),
  };
}

type NumericKey = {
  [K in keyof Accumulator]: Accumulator[K] extends number ? K : never;
}[keyof Accumulator];

const numericKeys = (Object.keys(createAccumulator()) as (keyof Accumulator)[]).filter(
  (k): k is NumericKey => typeof createAccumulator()[k] === 'number',
);

function addSa(into: SelfAssessmentSums, from: SelfAssessmentSums): void {
  into.respondents += from.respondents;
  into.deltaSum += from.deltaSum;
  into.improved += from.improved;
}

function addStringCounts(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/**
 * Add `from` into `into` (in place) and return `into`. Merging is
 * associative and commutative: the accumulator of a union of records.
 *
 * @category Accumulators
 * @example
 * const municipality = mergeAccumulators(mergeAccumulators(createAccumulator(), schoolA), schoolB);
 */
export function mergeAccumulators(into: Accumulator, from: Readonly<Accumulator>): Accumulator {
  for (const k of numericKeys) into[k] += from[k];
  addStringCounts(into.pairsByForm, from.pairsByForm);
  addStringCounts(into.pairsByFormat, from.pairsByFormat);
  for (const r of Object.keys(into.terminatedByReason) as TerminationReason[]) {
    into.terminatedByReason[r] += from.terminatedByReason[r];
  }
  mergeCounts(into.daysToPair, from.daysToPair);
  for (let i = 0; i < 11; i++) {
    into.satisfactionMentor[i] = (into.satisfactionMentor[i] ?? 0) + (from.satisfactionMentor[i] ?? 0);
    into.satisfactionMentee[i] = (into.satisfactionMentee[i] ?? 0) + (from.satisfactionMentee[i] ?? 0);
  }
  addSa(into.selfAssessmentMentor, from.selfAssessmentMentor);
  addSa(into.selfAssessmentMentee, from.selfAssessmentMentee);
  addStringCounts(into.counters, from.counters);
  return into;
}

/**
 * Roll accumulators up an organization tree: each organization gets its own
 * records plus everything below it. Numerators and denominators are summed
 * and sketches merged, so a municipality of two schools with 1/2 and 99/100
 * shows 100/102, never the 74.5 % mean of their percentages.
 *
 * @category Accumulators
 * @example
 * const own = accumulate(dataset, { asOf: '2024-05-31', period });
 * const all = rollUp(buildOrganizationTree(dataset.organizations), own);
 * all.get('region-1')?.pupilMentees;
 */
export function rollUp(
  tree: OrganizationTree,
  leafResults: ReadonlyMap<string, Readonly<Accumulator>>,
): Map<string, Accumulator> {
  const out = new Map<string, Accumulator>();
  const known = new Set<string>(tree.byId.keys());
  for (const id of leafResults.keys()) {
    if (!known.has(id)) {
      throw fail('unknown_reference', ['leafResults', id], { ref: 'organization', id });
    }
  }
  const visit = (id: OrganizationId): Accumulator => {
    const acc = createAccumulator();
    const own = leafResults.get(id);
    if (own) mergeAccumulators(acc, own);
    for (const child of tree.children(id)) mergeAccumulators(acc, visit(child));
    out.set(id, acc);
    return acc;
  };
  // Iterative post-order would avoid deep recursion; organization trees are shallow.
  for (const root of tree.roots) visit(root);
  return out;
}
