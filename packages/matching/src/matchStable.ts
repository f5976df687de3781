import { finish } from './_internal/prepare';
import { stableInstance } from './_internal/stableInstance';
import type { MatchingInput, MatchResult, MatchStableOptions } from './match';
import { type BrokenTie, solveStableAssignment } from './stableAssignment';

/**
 * Pair mentees with mentors by mutual choice (the preference survey after
 * the group meeting, 004 §4): hospitals/residents deferred acceptance with
 * mentor capacities. Mentee-proposing by default (the best stable result for
 * every mentee); `proposing: 'mentor'` for the mentor-optimal one. Only
 * eligible pairs (consents, forbidden pairs, capacity, fixed pairs) count;
 * a side without survey answers is ranked by score. Ties are broken by id
 * order and reported.
 *
 * @category Matching
 * @param input - as for {@link matchOptimal}, plus `menteePreferences` / `mentorPreferences`.
 * @param options - `proposing`, criteria and weights (for ranking and explanations), signal, progress.
 * @returns a stable matching with explanations and reasons for the unmatched.
 * @throws NastavnikError on invalid input; `aborted`.
 * @example
 * import { matchStable } from '@nastavnik/matching';
 * const result = matchStable({
 *   date: '2024-09-20', mentors, mentees, consents,
 *   menteePreferences: { 'p-1': ['t-2', 't-1'] },
 *   mentorPreferences: { 't-1': ['p-1'], 't-2': [['p-1', 'p-2']] },
 * });
 */
export function matchStable(input: MatchingInput, options: MatchStableOptions = {}): MatchResult {
  const { p, menteePrefs, mentorPrefs, capacities } = stableInstance(input, options);
  const res = solveStableAssignment(
    { menteePrefs, mentorPrefs, capacities },
    {
      ...(options.proposing ? { proposing: options.proposing } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  const ties = res.ties.map((t: BrokenTie) =>
    t.side === 'mentee'
      ? {
          side: t.side,
          id: p.mentees[p.open[t.index]!]!.person.id as string,
          order: t.order.map((j) => p.mentors[j]!.person.id as string),
        }
      : {
          side: t.side,
          id: p.mentors[t.index]!.person.id as string,
          order: t.order.map((k) => p.mentees[p.open[k]!]!.person.id as string),
        },
  );
  return finish(p, res.menteeToMentor, 'deferredAcceptance', ties, 'noMutualPreference', 'stable');
}
