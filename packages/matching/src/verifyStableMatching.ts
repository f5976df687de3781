import { isNastavnikError, NastavnikError, parse, registerCatalogue } from '@nastavnik/core';
import { z } from 'zod';
import { fail } from './_internal/fail';
import { stableInstance } from './_internal/stableInstance';
import type { MatchingInput, MatchOptions } from './match';
import { findBlockingPairs } from './stableAssignment';

registerCatalogue();

const PairsSchema = z.object({
  pairs: z.array(z.object({ mentorId: z.string().min(1), menteeId: z.string().min(1) })),
});

/**
 * A mentor and a mentee, by id, who both prefer each other to what a
 * matching gave them.
 *
 * @category Matching
 * @example
 * const b: IdBlockingPair = { mentorId: 't-2', menteeId: 'p-1' };
 */
export interface IdBlockingPair {
  readonly mentorId: string;
  readonly menteeId: string;
}

/**
 * The result of {@link verifyStableMatching}.
 *
 * @category Matching
 * @example
 * const { stable, blockingPairs } = verifyStableMatching(input, result);
 */
export interface StableVerification {
  /** True when no blocking pair exists. */
  readonly stable: boolean;
  /** Blocking pairs sorted by mentee id, then mentor id. */
  readonly blockingPairs: readonly IdBlockingPair[];
}

/**
 * Check a mutual-choice matching at the level of ids: rebuild exactly the
 * preference lists {@link matchStable} uses for `input` and `options` (the
 * survey restricted to eligible pairs, or the score ranking for a side
 * without answers; ties are indifference) and list every mentor–mentee pair
 * that blocks `result`. Pairs of `input.fixedPairs` are kept and take the
 * mentor's places, as in {@link matchStable}. Works on any list of pairs,
 * not only on a result of this package, so a curator's manual edits can be
 * checked too.
 *
 * @category Matching
 * @param input - the same input as for {@link matchStable}.
 * @param result - the pairs to check (`{ pairs: [{ mentorId, menteeId }] }`, e.g. a {@link MatchResult}).
 * @param options - the same criteria, weights and `minScore` as for {@link matchStable}.
 * @returns whether the matching is stable and its blocking pairs by ids.
 * @throws NastavnikError on invalid input; `unknown_reference` for an unknown id; `duplicate_mentee`
 *   when a mentee appears twice; `invalid_input` for a pair that is not eligible or not acceptable to
 *   both sides; `too_big` when a mentor holds more mentees than places.
 * @example
 * import { matchStable, verifyStableMatching } from '@nastavnik/matching';
 * const result = matchStable(input);
 * verifyStableMatching(input, result); // { stable: true, blockingPairs: [] }
 * verifyStableMatching(input, { pairs: [] }).blockingPairs; // e.g. [{ mentorId: 't-1', menteeId: 'p-1' }]
 */
export function verifyStableMatching(
  input: MatchingInput,
  result: { readonly pairs: ReadonlyArray<{ readonly mentorId: string; readonly menteeId: string }> },
  options: MatchOptions = {},
): StableVerification {
  const { p, menteePrefs, mentorPrefs, capacities } = stableInstance(input, options);
  const pairs = parse(PairsSchema, result);
  const mentorIdx = new Map(p.mentors.map((m, j) => [m.person.id as string, j]));
  const openIdx = new Map(p.open.map((i, k) => [p.mentees[i]!.person.id as string, k]));
  const fixedOf = new Map(p.fixed.map((f) => [f.menteeId, f.mentorId]));
  const menteeToMentor = new Int32Array(p.open.length).fill(-1);
  const seen = new Set<string>();
  pairs.pairs.forEach((pair, k) => {
    const j = mentorIdx.get(pair.mentorId);
    const known = j !== undefined && p.mentees.some((m) => m.person.id === pair.menteeId);
    if (!known) {
      throw fail('unknown_reference', ['pairs', k], { ref: 'pair' });
    }
    if (seen.has(pair.menteeId)) {
      throw fail('duplicate_mentee', ['pairs', k], { scope: 'pairs' });
    }
    seen.add(pair.menteeId);
    const fixedMentor = fixedOf.get(pair.menteeId);
    if (fixedMentor !== undefined) {
      if (fixedMentor !== pair.mentorId) {
        throw fail('invalid_input', ['pairs', k], { reason: 'menteeFixedElsewhere' });
      }
      return; // a fixed pair: its place is already taken off the mentor
    }
    const open = openIdx.get(pair.menteeId);
    if (open === undefined) {
      throw fail('invalid_input', ['pairs', k], { reason: 'menteeWithoutConsent' });
    }
    menteeToMentor[open] = j;
  });
  let blocking: Array<{ mentee: number; mentor: number }>;
  try {
    blocking = findBlockingPairs({ menteePrefs, mentorPrefs, capacities }, menteeToMentor);
  } catch (e) {
    // re-address index-level errors to the pairs of `result`
    if (isNastavnikError(e) && e.path[0] === 'menteeToMentor') {
      const open = typeof e.path[1] === 'number' ? e.path[1] : -1;
      const menteeId = open >= 0 ? p.mentees[p.open[open]!]!.person.id : undefined;
      const k = pairs.pairs.findIndex((x) => x.menteeId === menteeId);
      throw new NastavnikError([{ ...e.issues[0]!, path: k >= 0 ? ['pairs', k] : ['pairs'] }]);
    }
    throw e;
  }
  const blockingPairs = blocking
    .map(({ mentee, mentor }) => ({
      mentorId: p.mentors[mentor]!.person.id as string,
      menteeId: p.mentees[p.open[mentee]!]!.person.id as string,
    }))
    .sort((a, b) =>
      a.menteeId < b.menteeId
        ? -1
        : a.menteeId > b.menteeId
          ? 1
          : a.mentorId < b.mentorId
            ? -1
            : a.mentorId > b.mentorId
              ? 1
              : 0,
    );
  return { stable: blockingPairs.length === 0, blockingPairs };
}
