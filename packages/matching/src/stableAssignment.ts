import { registerCatalogue } from '@nastavnik/core';
import { checkAbort, fail } from './_internal/fail';

registerCatalogue();

/**
 * One preference list: indices of the other side, most preferred first. An
 * inner array is a tie (equally preferred). Anyone not listed is
 * unacceptable.
 *
 * @category Stable matching
 * @example
 * const prefs: PreferenceList = [2, [0, 3], 1]; // 2 first, then 0 and 3 tied, then 1
 */
export type PreferenceList = ReadonlyArray<number | ReadonlyArray<number>>;

/**
 * Index-based input of {@link solveStableAssignment} and {@link findBlockingPairs}:
 * the hospitals/residents problem with mentors as hospitals.
 *
 * @category Stable matching
 * @example
 * const input: StableAssignmentInput = {
 *   menteePrefs: [[0, 1], [0]],
 *   mentorPrefs: [[1, 0], [0]],
 *   capacities: [1, 1],
 * };
 */
export interface StableAssignmentInput {
  /** For each mentee, the mentors in order of preference. */
  readonly menteePrefs: ReadonlyArray<PreferenceList>;
  /** For each mentor, the mentees in order of preference. */
  readonly mentorPrefs: ReadonlyArray<PreferenceList>;
  /** How many mentees each mentor takes. */
  readonly capacities: ReadonlyArray<number>;
}

/**
 * Options of {@link solveStableAssignment}.
 *
 * @category Stable matching
 * @example
 * const options: StableAssignmentOptions = { proposing: 'mentor' };
 */
export interface StableAssignmentOptions {
  /** Who proposes: `mentee` (default; mentee-optimal) or `mentor` (mentor-optimal). */
  readonly proposing?: 'mentee' | 'mentor';
  readonly signal?: AbortSignal;
  /** Called now and then with the proposals made so far and an upper bound of all proposals. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A tie in someone's preferences and the order it was broken into (by
 * ascending index, so the same input always gives the same matching).
 *
 * @category Stable matching
 * @example
 * const tie: BrokenTie = { side: 'mentee', index: 4, order: [1, 7] };
 */
export interface BrokenTie {
  readonly side: 'mentee' | 'mentor';
  readonly index: number;
  readonly order: readonly number[];
}

/**
 * The result of {@link solveStableAssignment}.
 *
 * @category Stable matching
 * @example
 * const { menteeToMentor } = solveStableAssignment(input);
 */
export interface StableAssignmentResult {
  /** Mentor of each mentee, or -1. */
  readonly menteeToMentor: Int32Array;
  /** Mentees of each mentor, best first (by the mentor's preferences). */
  readonly mentorToMentees: ReadonlyArray<readonly number[]>;
  /** Ties broken to run deferred acceptance. */
  readonly ties: readonly BrokenTie[];
  /** Proposals made. */
  readonly proposals: number;
}

/**
 * A pair that would rather be together than with their partners now.
 *
 * @category Stable matching
 * @example
 * const b: BlockingPair = { mentee: 3, mentor: 1 };
 */
export interface BlockingPair {
  readonly mentee: number;
  readonly mentor: number;
}

interface Ranked {
  /** Flattened strict order (ties broken by ascending index). */
  readonly order: Int32Array[];
  /** Rank (tier) of each listed partner: key → tier, from the original ties. */
  readonly tier: Map<number, number>[];
  readonly ties: BrokenTie[];
}

function rank(
  prefs: ReadonlyArray<PreferenceList>,
  otherSize: number,
  side: 'mentee' | 'mentor',
  path: string,
): Ranked {
  const order: Int32Array[] = [];
  const tier: Map<number, number>[] = [];
  const ties: BrokenTie[] = [];
  prefs.forEach((list, index) => {
    if (!Array.isArray(list)) {
      throw fail('invalid_type', [path, index], { expected: 'array' });
    }
    const flat: number[] = [];
    const t = new Map<number, number>();
    list.forEach((entry: number | ReadonlyArray<number>, pos: number) => {
      const group = typeof entry === 'number' ? [entry] : [...entry].sort((a, b) => a - b);
      if (typeof entry !== 'number' && group.length > 1) ties.push({ side, index, order: group });
      for (const k of group) {
        if (!Number.isInteger(k) || k < 0 || k >= otherSize) {
          throw fail('unknown_reference', [path, index, pos], { ref: 'person' });
        }
        if (t.has(k)) {
          throw fail('invalid_input', [path, index, pos], { reason: 'preferenceRepeated' });
        }
        t.set(k, pos);
        flat.push(k);
      }
    });
    order.push(Int32Array.from(flat));
    tier.push(t);
  });
  return { order, tier, ties };
}

function validate(input: StableAssignmentInput): { mentees: Ranked; mentors: Ranked; caps: Int32Array } {
  if (
    typeof input !== 'object' ||
    input === null ||
    !Array.isArray(input.menteePrefs) ||
    !Array.isArray(input.mentorPrefs) ||
    !Array.isArray(input.capacities)
  ) {
    throw fail('invalid_type', [], { expected: 'array' });
  }
  const nMentees = input.menteePrefs.length;
  const nMentors = input.mentorPrefs.length;
  if (input.capacities.length !== nMentors) {
    throw fail('invalid_input', ['capacities'], { reason: 'capacitiesLength' });
  }
  const caps = new Int32Array(nMentors);
  input.capacities.forEach((c, j) => {
    if (!Number.isInteger(c) || c < 0) {
      throw fail('capacity_negative', ['capacities', j]);
    }
    caps[j] = c;
  });
  return {
    mentees: rank(input.menteePrefs, nMentors, 'mentee', 'menteePrefs'),
    mentors: rank(input.mentorPrefs, nMentees, 'mentor', 'mentorPrefs'),
    caps,
  };
}

/**
 * Stable matching of mentees to mentors with capacities (the
 * hospitals/residents problem), by deferred acceptance (Gale–Shapley,
 * Roth's extension to capacities). Mentee-proposing by default: the result is
 * stable and the best stable matching for every mentee at once;
 * mentor-proposing gives the mentor-optimal one. A pair is acceptable only
 * when each lists the other. Ties are broken by ascending index and
 * reported, so the result is deterministic and has no blocking pair even
 * with ties (weak stability).
 *
 * @category Stable matching
 * @param input - preferences of both sides and mentor capacities.
 * @param options - `proposing`, `signal`, `onProgress`.
 * @returns each mentee's mentor and the ties broken.
 * @throws NastavnikError for bad indices, duplicates, negative capacities; `aborted`.
 * @example
 * import { solveStableAssignment } from '@nastavnik/matching';
 * const r = solveStableAssignment({ menteePrefs: [[0, 1], [0, 1]], mentorPrefs: [[1, 0], [0, 1]], capacities: [1, 1] });
 * // r.menteeToMentor = Int32Array [1, 0]
 */
export function solveStableAssignment(
  input: StableAssignmentInput,
  options: StableAssignmentOptions = {},
): StableAssignmentResult {
  const { mentees, mentors, caps } = validate(input);
  checkAbort(options.signal);
  const nMentees = mentees.order.length;
  const nMentors = mentors.order.length;
  // strict rank (position in the flattened order) of mentee i for mentor j, and back
  const mentorRankOf = mentors.order.map((o) => {
    const m = new Map<number, number>();
    o.forEach((i, p) => {
      m.set(i, p);
    });
    return m;
  });
  const menteeRankOf = mentees.order.map((o) => {
    const m = new Map<number, number>();
    o.forEach((j, p) => {
      m.set(j, p);
    });
    return m;
  });
  const bound =
    mentees.order.reduce((a, o) => a + o.length, 0) + mentors.order.reduce((a, o) => a + o.length, 0);
  const menteeToMentor = new Int32Array(nMentees).fill(-1);
  const held: number[][] = Array.from({ length: nMentors }, () => []);
  let proposals = 0;
  const tick = () => {
    proposals++;
    if ((proposals & 4095) === 0) {
      checkAbort(options.signal);
      options.onProgress?.(proposals, bound);
    }
  };

  if (options.proposing !== 'mentor') {
    const next = new Int32Array(nMentees);
    const queue: number[] = [];
    for (let i = nMentees - 1; i >= 0; i--) queue.push(i);
    while (queue.length > 0) {
      const i = queue.pop()!;
      const list = mentees.order[i]!;
      while (next[i]! < list.length) {
        const j = list[next[i]!]!;
        next[i] = next[i]! + 1;
        tick();
        const r = mentorRankOf[j]!.get(i);
        if (r === undefined || caps[j] === 0) continue; // not acceptable to the mentor
        const h = held[j]!;
        if (h.length < caps[j]!) {
          h.push(i);
          menteeToMentor[i] = j;
          break;
        }
        // replace the worst held mentee if i is better
        let worst = 0;
        for (let k = 1; k < h.length; k++) {
          if (mentorRankOf[j]!.get(h[k]!)! > mentorRankOf[j]!.get(h[worst]!)!) worst = k;
        }
        const w = h[worst]!;
        if (mentorRankOf[j]!.get(w)! > r) {
          h[worst] = i;
          menteeToMentor[i] = j;
          menteeToMentor[w] = -1;
          queue.push(w);
          break;
        }
      }
    }
  } else {
    const next = new Int32Array(nMentors);
    const queue: number[] = [];
    for (let j = nMentors - 1; j >= 0; j--) queue.push(j);
    while (queue.length > 0) {
      const j = queue.pop()!;
      const list = mentors.order[j]!;
      while (held[j]!.length < caps[j]! && next[j]! < list.length) {
        const i = list[next[j]!]!;
        next[j] = next[j]! + 1;
        tick();
        const r = menteeRankOf[i]!.get(j);
        if (r === undefined) continue;
        const cur = menteeToMentor[i]!;
        if (cur === -1) {
          menteeToMentor[i] = j;
          held[j]!.push(i);
        } else if (menteeRankOf[i]!.get(cur)! > r) {
          menteeToMentor[i] = j;
          held[j]!.push(i);
          const hc = held[cur]!;
          hc.splice(hc.indexOf(i), 1);
          queue.push(cur);
        }
      }
    }
  }
  options.onProgress?.(proposals, bound);
  const mentorToMentees = held.map((h, j) =>
    [...h].sort((a, b) => mentorRankOf[j]!.get(a)! - mentorRankOf[j]!.get(b)!),
  );
  return { menteeToMentor, mentorToMentees, ties: [...mentees.ties, ...mentors.ties], proposals };
}

/**
 * The former name of {@link solveStableAssignment} (solver names are verb first, like `solveAssignment`).
 *
 * @deprecated Use {@link solveStableAssignment}; `stableAssignment` goes in the next minor release.
 * @category Stable matching
 * @example
 * solveStableAssignment({ menteePrefs: [[0]], mentorPrefs: [[0]], capacities: [1] }); // instead of stableAssignment(…)
 */
export const stableAssignment: typeof solveStableAssignment = solveStableAssignment;

/**
 * All blocking pairs of a matching: a mentee and a mentor who list each
 * other, where the mentee is unmatched or strictly prefers this mentor, and
 * the mentor has a free place or strictly prefers this mentee to one of the
 * mentees it holds. Ties count as indifference (weak stability). Also
 * checks that the matching respects capacities and acceptability.
 *
 * @category Stable matching
 * @param input - the same preferences as for {@link solveStableAssignment}.
 * @param menteeToMentor - mentor of each mentee, -1 when unmatched.
 * @returns the blocking pairs, sorted by mentee then mentor; empty when stable.
 * @throws NastavnikError `invalid_input` when the matching is not even admissible.
 * @example
 * import { findBlockingPairs, solveStableAssignment } from '@nastavnik/matching';
 * const input = { menteePrefs: [[0]], mentorPrefs: [[0]], capacities: [1] };
 * findBlockingPairs(input, [-1]); // [{ mentee: 0, mentor: 0 }]
 * findBlockingPairs(input, solveStableAssignment(input).menteeToMentor); // []
 */
export function findBlockingPairs(
  input: StableAssignmentInput,
  menteeToMentor: ArrayLike<number>,
): BlockingPair[] {
  const { mentees, mentors, caps } = validate(input);
  const nMentees = mentees.order.length;
  const nMentors = mentors.order.length;
  if (menteeToMentor?.length !== nMentees) {
    throw fail('invalid_input', ['menteeToMentor'], { reason: 'matchingLength' });
  }
  const load = new Int32Array(nMentors);
  // worst tier among each mentor's mentees
  const worst = new Int32Array(nMentors).fill(-1);
  for (let i = 0; i < nMentees; i++) {
    const j = menteeToMentor[i]!;
    if (j === -1) continue;
    if (!Number.isInteger(j) || j < 0 || j >= nMentors) {
      throw fail('unknown_reference', ['menteeToMentor', i], { ref: 'mentor' });
    }
    const ti = mentors.tier[j]!.get(i);
    if (ti === undefined || !mentees.tier[i]!.has(j)) {
      throw fail('invalid_input', ['menteeToMentor', i], { reason: 'pairUnacceptable' });
    }
    load[j] = load[j]! + 1;
    if (ti > worst[j]!) worst[j] = ti;
  }
  for (let j = 0; j < nMentors; j++) {
    if (load[j]! > caps[j]!) {
      throw fail('too_big', ['menteeToMentor'], { reason: 'mentorOverCapacity' });
    }
  }
  const out: BlockingPair[] = [];
  for (let i = 0; i < nMentees; i++) {
    const cur = menteeToMentor[i]!;
    const curTier = cur === -1 ? Number.POSITIVE_INFINITY : mentees.tier[i]!.get(cur)!;
    const found: number[] = [];
    for (const [j, t] of mentees.tier[i]!) {
      if (t >= curTier || j === cur) continue;
      const ti = mentors.tier[j]!.get(i);
      if (ti === undefined || caps[j] === 0) continue;
      if (load[j]! < caps[j]! || ti < worst[j]!) found.push(j);
    }
    found.sort((a, b) => a - b);
    for (const j of found) out.push({ mentee: i, mentor: j });
  }
  return out;
}
