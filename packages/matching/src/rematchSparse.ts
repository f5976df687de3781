import { fail } from './_internal/fail';
import { minChurnAssignment } from './_internal/minChurn';
import type { SparseAssignmentInput } from './solveSparseAssignment';

/**
 * The index-level input of {@link rematchSparse}: the new instance in CSR
 * form (values maximised, as {@link solveSparseAssignment} with `maximize`)
 * and the previous column of each row (`-1`: none). A previous column that
 * is no longer an edge of its row (the mentor left, the pair is forbidden)
 * counts as churn that no solve can avoid.
 *
 * @category Solvers
 * @example
 * const input: SparseRematchInput = {
 *   rows: 2, cols: 2, rowStart: [0, 1, 3], colIndex: [0, 0, 1], cost: [5, 4, 3],
 *   capacities: [1, 1], previous: [0, 1],
 * };
 */
export interface SparseRematchInput extends SparseAssignmentInput {
  readonly previous: Int32Array | ArrayLike<number>;
}

/**
 * Options of {@link rematchSparse} (see {@link RematchOptions}).
 *
 * @category Solvers
 * @example
 * const o: SparseRematchOptions = { tolerance: 0.01, maxSolves: 8 };
 */
export interface SparseRematchOptions {
  readonly tolerance?: number;
  readonly maxSolves?: number;
  readonly signal?: AbortSignal;
}

/**
 * The result of {@link rematchSparse}.
 *
 * @category Solvers
 * @example
 * const { rowToCol, churn, minChurnLowerBound } = rematchSparse(input);
 */
export interface SparseRematchResult {
  /** Column of each row, or -1. */
  readonly rowToCol: Int32Array;
  /** Sum of the values of the used edges. */
  readonly total: number;
  readonly assigned: number;
  /** Rows with a previous column that now have another one or none. */
  readonly churn: number;
  /** Proven lower bound on the churn of any assignment with the most rows within the tolerance. */
  readonly minChurnLowerBound: number;
  /** Best total of a fresh solve. */
  readonly optimum: number;
  /** The least total allowed by the tolerance. */
  readonly bound: number;
  readonly solves: number;
}

/**
 * {@link rematch} on index-level typed arrays, for a whole region: no ids,
 * no zod over a million candidate pairs (the arrays are checked as by
 * {@link solveSparseAssignment}). Most rows assigned, total within
 * `tolerance` of the fresh optimum, fewest previous pairs changed (keep bonus
 * bisected; the churn lower bound is proven).
 *
 * @category Solvers
 * @param input - the new instance in CSR form and each row's previous column.
 * @param options - `tolerance` (default 0.01), `maxSolves` (default 24), `signal`.
 * @returns the new assignment, its churn and the proven lower bound on the churn.
 * @throws NastavnikError `invalid_input` for malformed arrays or options; `aborted`.
 * @example
 * import { rematchSparse } from '@nastavnik/matching';
 * // row 0 keeps column 0; row 1 keeps column 1
 * const r = rematchSparse({
 *   rows: 2, cols: 2, rowStart: [0, 1, 3], colIndex: [0, 0, 1], cost: [5, 4, 3],
 *   capacities: [1, 1], previous: [0, 1],
 * });
 * // r.rowToCol = Int32Array [0, 1], r.churn = 0
 */
export function rematchSparse(
  input: SparseRematchInput,
  options: SparseRematchOptions = {},
): SparseRematchResult {
  const tolerance = options.tolerance ?? 0.01;
  if (!(tolerance >= 0 && tolerance <= 1))
    throw fail('invalid_input', ['tolerance'], { reason: 'rematchTolerance' });
  const maxSolves = options.maxSolves ?? 24;
  if (!Number.isInteger(maxSolves) || maxSolves < 2) {
    throw fail('invalid_input', ['maxSolves'], { reason: 'rematchMaxSolves' });
  }
  const { rows, cols } = input;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw fail('invalid_input', ['rows'], { reason: 'dimensions' });
  }
  if (input.previous?.length !== rows)
    throw fail('invalid_input', ['previous'], { reason: 'matchingLength' });
  if (input.rowStart?.length !== rows + 1 || input.rowStart[0] !== 0) {
    throw fail('invalid_input', ['rowStart'], { reason: 'rowStartShape' });
  }
  const previous = new Int32Array(rows);
  let open = 0;
  for (let r = 0; r < rows; r++) {
    const j = input.previous[r]!;
    if (!Number.isInteger(j) || j < -1 || j >= cols) {
      throw fail('invalid_input', ['previous', r], { reason: 'colIndexRange' });
    }
    previous[r] = j;
    if (j >= 0) open++;
  }
  const sol = minChurnAssignment(
    {
      rows,
      cols,
      rowStart: Int32Array.from(input.rowStart),
      colIndex: input.colIndex instanceof Int32Array ? input.colIndex : Int32Array.from(input.colIndex ?? []),
      score: input.cost instanceof Float64Array ? input.cost : Float64Array.from(input.cost ?? []),
      capacities: Int32Array.from({ length: cols }, (_, j) => (input.capacities ? input.capacities[j]! : 1)),
      previous,
    },
    { tolerance, maxSolves, signal: options.signal },
  );
  let churn = 0;
  for (let r = 0; r < rows; r++) if (previous[r]! >= 0 && sol.rowToCol[r] !== previous[r]) churn++;
  return {
    rowToCol: sol.rowToCol,
    total: sol.score,
    assigned: sol.assigned,
    churn,
    minChurnLowerBound: Math.max(0, open - sol.keptUpperBound),
    optimum: sol.optimum,
    bound: sol.bound,
    solves: sol.solves,
  };
}
