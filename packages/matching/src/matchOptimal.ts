import { parse } from '@nastavnik/core';
import { fail } from './_internal/fail';
import { finish, prepare } from './_internal/prepare';
import { type MatchingInput, MatchingInputSchema, type MatchOptimalOptions, type MatchResult } from './match';
import type { MutualInterest } from './mutualInterest';
import { solveAssignment } from './solveAssignment';
import { solveSparseAssignment } from './solveSparseAssignment';

const DENSE_LIMIT = 4_000_000;

/**
 * Pair mentees with mentors by criteria (003 §6.1, 001 3.2), exactly: the
 * most mentees matched first, then the highest total score, with mentor
 * capacities (groups), forbidden pairs, consents (152-ФЗ, checked on
 * `date`) and already approved pairs kept as they are (001 2.2). Small and
 * medium inputs run the dense Jonker–Volgenant solver on mentor places;
 * large ones the sparse capacitated solver. Deterministic: input order does
 * not matter (people are sorted by id).
 *
 * @category Matching
 * @param raw - people, profiles, consents, forbidden and fixed pairs; validated with zod.
 * @param options - criteria, weights, minimum score, candidates per mentee, signal, progress.
 * @returns pairs with per-criterion explanations, and the unmatched mentees with reasons.
 * @throws NastavnikError on invalid input (code, path, Russian message, `messageEn`); `aborted`.
 * @example
 * import { matchOptimal } from '@nastavnik/matching';
 * const result = matchOptimal({ date: '2024-09-10', mentors, mentees, consents });
 * for (const p of result.pairs) console.log(p.mentorId, p.menteeId, p.contributions.map((c) => c.reason.ru));
 * for (const u of result.unmatched) console.log(u.menteeId, u.text.ru);
 */
export function matchOptimal(raw: MatchingInput, options: MatchOptimalOptions = {}): MatchResult {
  const input = parse(MatchingInputSchema, raw);
  const surveyed = input.menteePreferences !== undefined || input.mentorPreferences !== undefined;
  const mutual: MutualInterest =
    options.mutualInterest ?? (surveyed ? { mode: 'weighted', weight: 2 } : { mode: 'none' });
  if (mutual.mode === 'weighted' && !(Number.isFinite(mutual.weight ?? 2) && (mutual.weight ?? 2) >= 0)) {
    throw fail('invalid_input', ['mutualInterest', 'weight'], { reason: 'weightsNegative' });
  }
  const p = prepare(input, options, mutual);
  const nOpen = p.open.length;
  let lists = p.eligible;
  const k = options.candidatesPerMentee;
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 1) {
      throw fail('invalid_input', ['candidatesPerMentee'], { reason: 'candidatesPerMentee' });
    }
    lists = lists.map((l) => [...l].sort((a, b) => b.score - a.score || a.mentor - b.mentor).slice(0, k));
  }
  const slots: number[] = [];
  p.remaining.forEach((r, j) => {
    for (let s = 0; s < r; s++) slots.push(j);
  });
  const menteeToMentor = new Int32Array(nOpen).fill(-1);
  const dense = !options.forceSparse && k === undefined && nOpen * slots.length <= DENSE_LIMIT;
  const solveOpts = {
    maximize: true,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  if (dense) {
    const m = slots.length;
    const firstSlot = new Int32Array(p.mentors.length + 1);
    for (let j = 0; j < p.mentors.length; j++)
      firstSlot[j + 1] = firstSlot[j]! + Math.max(0, p.remaining[j]!);
    // Minimise -score directly: no maximise → minimise copy inside the solver.
    const costs = new Float64Array(nOpen * m).fill(Number.POSITIVE_INFINITY);
    lists.forEach((l, r) => {
      for (const { mentor, score } of l) {
        for (let s = firstSlot[mentor]!; s < firstSlot[mentor + 1]!; s++) costs[r * m + s] = -score;
      }
    });
    const res = solveAssignment(costs, nOpen, m, { ...solveOpts, maximize: false });
    for (let r = 0; r < nOpen; r++) {
      const s = res.rowToCol[r]!;
      if (s >= 0) menteeToMentor[r] = slots[s]!;
    }
  } else {
    const rowStart = new Int32Array(nOpen + 1);
    lists.forEach((l, r) => {
      rowStart[r + 1] = rowStart[r]! + l.length;
    });
    const colIndex = new Int32Array(rowStart[nOpen]!);
    const cost = new Float64Array(rowStart[nOpen]!);
    lists.forEach((l, r) => {
      l.forEach((e, q) => {
        colIndex[rowStart[r]! + q] = e.mentor;
        cost[rowStart[r]! + q] = e.score;
      });
    });
    const capacities = Int32Array.from(p.remaining, (x) => Math.max(0, x));
    const res = solveSparseAssignment(
      { rows: nOpen, cols: p.mentors.length, rowStart, colIndex, cost, capacities },
      solveOpts,
    );
    menteeToMentor.set(res.rowToCol);
  }
  const why = mutual.mode === 'constraint' ? 'noMutualPreference' : 'capacityTaken';
  return finish(p, menteeToMentor, dense ? 'dense' : 'sparse', [], why, mutual.mode);
}
