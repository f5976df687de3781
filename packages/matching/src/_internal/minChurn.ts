/**
 * Re-matching with minimal churn at the index level.
 *
 * Problem: among the assignments with the most pairs, whose total score is at
 * least `(1 - tolerance) · OPT` (OPT = the best total of a fresh solve), keep
 * the most previous pairs. This is a knapsack-like constrained assignment
 * (NP-hard in general), so it is solved by Lagrangian relaxation: with a keep
 * bonus `b ≥ 0` on the previous edges, the sparse solver maximises
 * `score + b · kept` among the assignments with the most pairs. Larger `b`
 * keeps more and scores less (both monotone). Bisection on `b` finds the
 * largest bonus whose optimum is within the tolerance.
 *
 * Certificate. If `M_b` maximises `score + b · kept`, every assignment `M`
 * with the most pairs satisfies `kept(M) ≤ kept(M_b) + (score(M_b) − score(M)) / b`;
 * for `M` within the tolerance `score(M) ≥ bound`, so
 * `kept(M) ≤ kept(M_b) + (score(M_b) − bound) / b`. The least of these upper
 * bounds over every bonus tried is returned: when it equals the result's
 * `kept`, the churn is proven minimal; otherwise the gap is stated.
 */
import { solveSparseAssignment } from '../solveSparseAssignment';
import { checkAbort } from './fail';

export interface ChurnInstance {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  /** Scores (maximised). */
  readonly score: Float64Array;
  readonly capacities: Int32Array;
  /** The previous column of each row (-1: none or not keepable). */
  readonly previous: Int32Array;
}

export interface ChurnOptions {
  readonly tolerance: number;
  readonly maxSolves: number;
  readonly signal?: AbortSignal | undefined;
}

export interface ChurnSolution {
  readonly rowToCol: Int32Array;
  readonly score: number;
  readonly assigned: number;
  readonly kept: number;
  /** Best total of a fresh solve (same number of pairs). */
  readonly optimum: number;
  /** The least total allowed: optimum − tolerance · |optimum|. */
  readonly bound: number;
  /** Proven upper bound on the previous pairs any admissible assignment keeps. */
  readonly keptUpperBound: number;
  /** Assignment solves run. */
  readonly solves: number;
}

interface Evaluated {
  readonly rowToCol: Int32Array;
  readonly score: number;
  readonly kept: number;
  readonly assigned: number;
}

export function minChurnAssignment(inst: ChurnInstance, options: ChurnOptions): ChurnSolution {
  const { rows, cols, rowStart, colIndex, score, capacities, previous } = inst;
  const nE = rowStart[rows]!;
  const keepEdge = new Uint8Array(nE);
  let maxAbs = 0;
  for (let r = 0; r < rows; r++) {
    let rowMax = 0;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      if (colIndex[e] === previous[r] && previous[r]! >= 0) keepEdge[e] = 1;
      rowMax = Math.max(rowMax, Math.abs(score[e]!));
    }
    maxAbs += rowMax;
  }
  // The scores with a keep bonus: made only when a bonus is tried (8 MiB for a region's edges).
  let cost: Float64Array | undefined;
  let solves = 0;
  const evaluate = (bonus: number): Evaluated => {
    checkAbort(options.signal);
    if (bonus !== 0) {
      cost ??= new Float64Array(nE);
      for (let e = 0; e < nE; e++) cost[e] = score[e]! + (keepEdge[e] ? bonus : 0);
    }
    const res = solveSparseAssignment(
      { rows, cols, rowStart, colIndex, cost: bonus === 0 || cost === undefined ? score : cost, capacities },
      options.signal ? { maximize: true, signal: options.signal } : { maximize: true },
    );
    solves++;
    let s = 0;
    let kept = 0;
    for (let r = 0; r < rows; r++) {
      const j = res.rowToCol[r]!;
      if (j < 0) continue;
      if (j === previous[r]) kept++;
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        if (colIndex[e] === j) {
          s += score[e]!;
          break;
        }
      }
    }
    return { rowToCol: res.rowToCol, score: s, kept, assigned: res.assigned };
  };

  /** The rows in `restRows` alone, on the places left. */
  const solveRest = (restRows: readonly number[], spare: Int32Array) => {
    const subStart = new Int32Array(restRows.length + 1);
    restRows.forEach((r, k) => {
      subStart[k + 1] = subStart[k]! + rowStart[r + 1]! - rowStart[r]!;
    });
    const subCol = new Int32Array(subStart[restRows.length]!);
    const subCost = new Float64Array(subStart[restRows.length]!);
    restRows.forEach((r, k) => {
      subCol.set(colIndex.subarray(rowStart[r]!, rowStart[r + 1]!), subStart[k]!);
      subCost.set(score.subarray(rowStart[r]!, rowStart[r + 1]!), subStart[k]!);
    });
    solves++;
    return solveSparseAssignment(
      { rows: restRows.length, cols, rowStart: subStart, colIndex: subCol, cost: subCost, capacities: spare },
      options.signal ? { maximize: true, signal: options.signal } : { maximize: true },
    );
  };

  /** All keepable pairs kept, the rest solved; undefined when that loses a pair or over-fills a column. */
  const keepAll = (): Evaluated | undefined => {
    const load = new Int32Array(cols);
    const fixed = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        if (!keepEdge[e]) continue;
        const j = colIndex[e]!;
        if (capacities[j] === 0) break; // a column without places keeps nobody: no choice to make
        load[j] = load[j]! + 1;
        // more keepable pairs than places: which to keep is a choice, left to the bonus solve
        if (load[j]! > capacities[j]!) return undefined;
        fixed[r] = 1;
        break;
      }
    }
    const restRows: number[] = [];
    for (let r = 0; r < rows; r++) if (!fixed[r]) restRows.push(r);
    const spare = Int32Array.from(capacities, (c, j) => c - load[j]!);
    let places = 0;
    for (let j = 0; j < cols; j++) places += spare[j]!;
    checkAbort(options.signal);
    // No place left (the mentors who left took theirs with them): nothing to solve, nothing to copy.
    const res =
      places === 0 || restRows.length === 0
        ? { rowToCol: new Int32Array(restRows.length).fill(-1) }
        : solveRest(restRows, spare);
    const rowToCol = Int32Array.from(previous, (j, r) => (fixed[r] ? j : -1));
    restRows.forEach((r, k) => {
      rowToCol[r] = res.rowToCol[k]!;
    });
    let s = 0;
    let kept = 0;
    let assigned = 0;
    for (let r = 0; r < rows; r++) {
      const j = rowToCol[r]!;
      if (j < 0) continue;
      assigned++;
      if (j === previous[r]) kept++;
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        if (colIndex[e] === j) {
          s += score[e]!;
          break;
        }
      }
    }
    return assigned === fresh.assigned ? { rowToCol, score: s, kept, assigned } : undefined;
  };

  const fresh = evaluate(0);
  const optimum = fresh.score;
  const bound = optimum - options.tolerance * Math.abs(optimum);
  const slack = 1e-9 * Math.max(1, maxAbs);
  const admissible = (m: Evaluated) => m.score >= bound - slack;
  let best = fresh;
  let upper = Number.POSITIVE_INFINITY;
  const keepsMore: Evaluated[] = [];
  const learn = (m: Evaluated, bonus: number) => {
    if (!admissible(m)) keepsMore.push(m);
    if (admissible(m) && (m.kept > best.kept || (m.kept === best.kept && m.score > best.score))) best = m;
    // kept(M) ≤ kept(M_b) + (score(M_b) − bound) / b for every admissible M
    upper = Math.min(upper, Math.floor(m.kept + (m.score - bound + slack) / bonus + 1e-9));
  };
  // A bonus above every possible score difference: the most kept pairs first.
  const big = 2 * maxAbs + 1;
  // Fast path: keep every previous pair that can be kept and solve only the
  // rest (rows without a kept pair, places left). When that still matches as
  // many rows as the fresh solve, it is exactly the optimum with the bonus
  // `big` (all keepable pairs kept, then the best score), at the cost of a
  // small solve.
  const top = keepAll() ?? evaluate(big);
  learn(top, big);
  if (!admissible(top)) {
    // The bonus that cannot trade more than the tolerance (b · keepable ≤ tolerance · |OPT|):
    // its optimum is admissible by construction, a safe lower end for the bisection.
    let keepable = 0;
    for (let e = 0; e < nE; e++) keepable += keepEdge[e]!;
    let lo = keepable > 0 ? (options.tolerance * Math.abs(optimum)) / keepable : 0;
    let hi = big;
    if (lo > 0 && lo < hi) learn(evaluate(lo), lo);
    while (solves < options.maxSolves && upper > best.kept) {
      // geometric steps while the range spans orders of magnitude, then halves
      const mid = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      if (!(mid > lo && mid < hi)) break;
      const m = evaluate(mid);
      learn(m, mid);
      if (admissible(m)) lo = mid;
      else hi = mid;
    }
  }
  // Close part of the duality gap: combine the best admissible assignment with
  // the parts (connected components of the difference) of the inadmissible
  // ones that keep more, as long as the total stays within the tolerance.
  for (const other of keepsMore) {
    if (upper <= best.kept) break;
    const combined = combine(inst, score, best, other, bound - slack);
    if (combined && combined.kept > best.kept) best = combined;
  }
  return {
    rowToCol: best.rowToCol,
    score: best.score,
    assigned: best.assigned,
    kept: best.kept,
    optimum,
    bound,
    keptUpperBound: Math.max(best.kept, upper),
    solves,
  };
}

/** Score, kept pairs and size of one row's assignment. */
function rowValue(inst: ChurnInstance, score: Float64Array, r: number, j: number): number {
  for (let e = inst.rowStart[r]!; e < inst.rowStart[r + 1]!; e++)
    if (inst.colIndex[e] === j) return score[e]!;
  return 0;
}

/**
 * Split `a △ b` into connected components (rows joined through the columns
 * they leave or take); applying a whole component of `b` to `a` keeps every
 * column within its capacity. Choose the components (at most 16, by kept
 * pairs gained) that keep the most with the same size and a total at least
 * `minScore`.
 */
function combine(
  inst: ChurnInstance,
  score: Float64Array,
  a: Evaluated,
  b: Evaluated,
  minScore: number,
): Evaluated | undefined {
  const { rows, cols, previous } = inst;
  const parent = new Int32Array(rows + cols);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (x: number, y: number) => {
    parent[find(x)] = find(y);
  };
  const diff: number[] = [];
  for (let r = 0; r < rows; r++) {
    const ja = a.rowToCol[r]!;
    const jb = b.rowToCol[r]!;
    if (ja === jb) continue;
    diff.push(r);
    if (ja >= 0) union(r, rows + ja);
    if (jb >= 0) union(r, rows + jb);
  }
  const comps = new Map<number, { rows: number[]; dKept: number; dScore: number; dSize: number }>();
  for (const r of diff) {
    const root = find(r);
    const c = comps.get(root) ?? { rows: [], dKept: 0, dScore: 0, dSize: 0 };
    const ja = a.rowToCol[r]!;
    const jb = b.rowToCol[r]!;
    c.rows.push(r);
    c.dKept += (jb >= 0 && jb === previous[r] ? 1 : 0) - (ja >= 0 && ja === previous[r] ? 1 : 0);
    c.dScore += (jb >= 0 ? rowValue(inst, score, r, jb) : 0) - (ja >= 0 ? rowValue(inst, score, r, ja) : 0);
    c.dSize += (jb >= 0 ? 1 : 0) - (ja >= 0 ? 1 : 0);
    comps.set(root, c);
  }
  const useful = [...comps.values()]
    .filter((c) => c.dKept > 0 || c.dSize !== 0 || c.dScore > 0)
    .sort((x, y) => y.dKept - x.dKept || y.dScore - x.dScore)
    .slice(0, 16);
  let bestMask = 0;
  let bestKept = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let mask = 1; mask < 1 << useful.length; mask++) {
    let dk = 0;
    let ds = 0;
    let dz = 0;
    for (let k = 0; k < useful.length; k++) {
      if (!(mask & (1 << k))) continue;
      dk += useful[k]!.dKept;
      ds += useful[k]!.dScore;
      dz += useful[k]!.dSize;
    }
    if (dz !== 0 || a.score + ds < minScore) continue;
    if (dk > bestKept || (dk === bestKept && ds > bestScore)) {
      bestMask = mask;
      bestKept = dk;
      bestScore = ds;
    }
  }
  if (bestMask === 0 || bestKept <= 0) return undefined;
  const rowToCol = Int32Array.from(a.rowToCol);
  for (let k = 0; k < useful.length; k++) {
    if (!(bestMask & (1 << k))) continue;
    for (const r of useful[k]!.rows) rowToCol[r] = b.rowToCol[r]!;
  }
  return { rowToCol, score: a.score + bestScore, kept: a.kept + bestKept, assigned: a.assigned };
}
