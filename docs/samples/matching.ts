/**
 * @nastavnik/matching: optimal matching with explanations, weights and a
 * custom criterion, mutual choice (stable matching) and its verification,
 * and the bare assignment solver.
 */
import { generateMunicipality, type SampleSchool } from '@nastavnik/core/sample';
import {
  defaultCriteria,
  defineCriterion,
  type MatchingInput,
  matchOptimal,
  matchStable,
  solveAssignment,
  verifyStableMatching,
} from '@nastavnik/matching';

/** One school's registries as the matchers take them. */
// #region input
function matchingInput(school: SampleSchool, date: string): MatchingInput {
  const byId = new Map(school.persons.map((p) => [p.id, p]));
  return {
    date, // consents are checked on this date
    mentors: school.mentorProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
    mentees: school.menteeProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
    consents: [...school.consents],
  };
}
// #endregion input

export interface MatchingSummary {
  pairs: number;
  unmatchedByReason: Record<string, number>;
  contributionsSumToScore: boolean;
  reasonsShown: number;
  pairsWithInterests: number;
  stablePairs: number;
  stable: boolean;
  blockingWithoutPairs: number;
  solverTotal: number;
  solverRowToCol: number[];
}

export function main(): MatchingSummary {
  const municipality = generateMunicipality({ seed: 1 });
  const input = matchingInput(municipality.schools[0]!, municipality.asOf);

  // #region optimal
  // The best total score over all pairs at once (not greedy), most pairs first.
  const result = matchOptimal(input);
  const best = [...result.pairs].sort((a, b) => b.score - a.score)[0];
  if (best) {
    console.log(`Оценка пары: ${best.score.toFixed(2)}`);
    for (const c of best.contributions)
      console.log(`  ${c.criterion}: +${c.contribution.toFixed(3)} — ${c.reason.ru}`);
  }
  // Mentees left without a pair, and why: support and continued search (004 §4).
  const unmatchedByReason: Record<string, number> = {};
  for (const u of result.unmatched) unmatchedByReason[u.reason] = (unmatchedByReason[u.reason] ?? 0) + 1;
  console.log(`Пар: ${result.pairs.length}; без пары по причинам:`, unmatchedByReason);
  // #endregion optimal

  // #region weights
  // Weights per run: the competence answering the request matters most here,
  // time does not count; pairs below 0.3 are not proposed.
  const focused = matchOptimal(input, { weights: { competence: 6, hours: 0 }, minScore: 0.3 });
  // #endregion weights

  // #region criterion
  // A criterion of your own: shared interests (from the questionnaires).
  const sharedInterests = defineCriterion({
    id: 'interests',
    label: { ru: 'Общие интересы', en: 'Shared interests' },
    weight: 1,
    evaluate: (mentor, mentee) => {
      const n = mentee.profile.interests.filter((x) => mentor.profile.interests.includes(x)).length;
      return {
        value: Math.min(1, n / 2),
        reason: { ru: `Общих интересов: ${n}`, en: `Shared interests: ${n}` },
      };
    },
  });
  const withInterests = matchOptimal(input, { criteria: [...defaultCriteria, sharedInterests] });
  // #endregion criterion

  // #region stable
  // Mutual choice after the group meeting (004 §4): each side ranks the other;
  // inner arrays are ties. Without a survey a side ranks by score.
  const [m1, m2] = input.mentors;
  const [e1, e2] = input.mentees;
  const menteePreferences: Record<string, string[][]> = {};
  if (m1 && m2 && e1 && e2) {
    menteePreferences[e1.person.id] = [[m2.person.id], [m1.person.id]];
    menteePreferences[e2.person.id] = [[m1.person.id, m2.person.id]]; // no preference between the two
  }
  const stableInput: MatchingInput = { ...input, menteePreferences };
  const stable = matchStable(stableInput); // mentee-proposing: the best stable matching for mentees
  const check = verifyStableMatching(stableInput, stable);
  console.log(
    `Устойчивое паросочетание: ${stable.pairs.length} пар, блокирующих пар: ${check.blockingPairs.length}`,
  );
  // A curator's manual list can be checked the same way: an empty list is blocked.
  const empty = verifyStableMatching(stableInput, { pairs: [] });
  // #endregion stable

  // #region solver
  // The solver alone: a dense cost matrix, row-major, like scipy's linear_sum_assignment.
  const costs = new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
  const { rowToCol, total } = solveAssignment(costs, 3, 3);
  console.log(`Назначение: ${[...rowToCol].join(', ')}; сумма ${total}`); // 1, 0, 2; сумма 5
  // #endregion solver

  const sum = best ? best.contributions.reduce((s, c) => s + c.contribution, 0) : 0;
  return {
    pairs: result.pairs.length,
    unmatchedByReason,
    contributionsSumToScore: best !== undefined && Math.abs(sum - best.score) < 1e-9,
    reasonsShown: focused.pairs.length,
    pairsWithInterests: withInterests.pairs.length,
    stablePairs: stable.pairs.length,
    stable: check.stable,
    blockingWithoutPairs: empty.blockingPairs.length,
    solverTotal: total,
    solverRowToCol: [...rowToCol],
  };
}
