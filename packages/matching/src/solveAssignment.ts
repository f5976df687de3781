import { registerMessages, solverMessagesEn, solverMessagesRu } from '@nastavnik/core';
import { checkAbort, fail } from './_internal/fail';
import { BAD_INPUT, type DenseSolution, lapjvDense } from './_internal/lapjv';
import { withScratch } from './_internal/scratch';

registerMessages(solverMessagesRu, solverMessagesEn);

/**
 * Options of {@link solveAssignment}.
 *
 * @category Solvers
 * @example
 * const options: SolveAssignmentOptions = { maximize: true };
 */
export interface SolveAssignmentOptions {
  /** Maximise the total instead of minimising it (forbidden cells are then `-Infinity`). */
  readonly maximize?: boolean;
  /** Stops the solver; it throws a `NastavnikError` with code `aborted`. */
  readonly signal?: AbortSignal;
  /** Called now and then with the rows augmented so far and the rows to augment. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The result of {@link solveAssignment}: which column each row got and back.
 *
 * @category Solvers
 * @example
 * const { rowToCol, total } = solveAssignment(new Float64Array([1, 2, 3, 4]), 2, 2);
 * // rowToCol = Int32Array [0, 1], total = 5
 */
export interface AssignmentResult {
  /** Column of each row, or -1 when the row is left unassigned. */
  readonly rowToCol: Int32Array;
  /** Row of each column, or -1. */
  readonly colToRow: Int32Array;
  /** Sum of the original costs (or profits) of the assigned cells. */
  readonly total: number;
  /** Number of assigned pairs. */
  readonly assigned: number;
  /**
   * Whether `min(rows, cols)` pairs were assigned, i.e. forbidden cells did
   * not prevent a complete assignment (when false, scipy would raise
   * "cost matrix is infeasible"; this solver returns the best partial one).
   */
  readonly complete: boolean;
}

/**
 * Solve the linear sum assignment problem on a dense rectangular matrix, the
 * counterpart of `scipy.optimize.linear_sum_assignment`: Jonker–Volgenant
 * (column reduction, reduction transfer, augmenting row reduction, shortest
 * augmenting paths) on typed arrays, no allocation in the inner loops.
 *
 * `costs` is row-major, `costs[r * cols + c]`. Forbidden cells are
 * `Infinity` (or `-Infinity` with `maximize`). The objective is
 * lexicographic: first the most assigned pairs, then the least (greatest)
 * total, so an instance where forbidden cells make a complete assignment
 * impossible still gets its best partial assignment. The result is exact and
 * deterministic (same input, same output).
 *
 * @category Solvers
 * @param costs - `rows * cols` costs, row-major; finite numbers or the forbidden infinity.
 * @param rows - number of rows.
 * @param cols - number of columns.
 * @param options - `maximize`, `signal`, `onProgress`.
 * @returns the assignment and its total.
 * @throws NastavnikError `invalid_input` for a wrong shape or a NaN / wrong-sign infinity; `aborted`.
 * @example
 * import { solveAssignment } from '@nastavnik/matching';
 * const costs = new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
 * const { rowToCol, total } = solveAssignment(costs, 3, 3);
 * // rowToCol = [1, 0, 2], total = 5 (same as scipy)
 */
export function solveAssignment(
  costs: Float64Array | ArrayLike<number>,
  rows: number,
  cols: number,
  options: SolveAssignmentOptions = {},
): AssignmentResult {
  if (!Number.isInteger(rows) || rows < 0) {
    throw fail('invalid_input', ['rows'], { reason: 'dimensions' });
  }
  if (!Number.isInteger(cols) || cols < 0) {
    throw fail('invalid_input', ['cols'], { reason: 'dimensions' });
  }
  if (costs === null || typeof costs !== 'object' || costs.length !== rows * cols) {
    throw fail('invalid_input', ['costs'], { reason: 'costsSize' });
  }
  const maximize = options.maximize === true;
  const signal = options.signal;
  checkAbort(signal);

  // Bring the problem to n ≤ m rows, minimising, forbidden = +Infinity. A
  // tall matrix is read as its transpose through the strides (row stride 1,
  // column stride `cols`): no copy, so a process's first call faults in no
  // fresh pages. A maximisation (or costs not in a Float64Array) is solved
  // on a negated (converted) copy in the reused work matrix (scratch.ts).
  // The cells are not checked here: the solver reports a NaN or wrong-sign
  // infinity (-Infinity once negated) on its first read of the matrix, and
  // only then do we look for the first one.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const rs = transpose ? 1 : cols;
  const cs = transpose ? cols : 1;
  const progress = { signal, onProgress: options.onProgress, check: checkAbort };
  const solve = (work: Float64Array) => {
    const solution = lapjvDense(work, n, m, rs, cs, progress);
    if (solution === BAD_INPUT) throw firstBadCell(work, cols);
    return solution;
  };
  let solution: DenseSolution;
  if (!maximize && costs instanceof Float64Array) {
    solution = solve(costs);
  } else {
    solution = withScratch(rows * cols, (work) => {
      const sign = maximize ? -1 : 1;
      for (let k = 0; k < work.length; k++) work[k] = sign * costs[k]!;
      return solve(work);
    });
  }
  const { rowsol, colsol } = solution;

  const rowToCol = transpose ? colsol : rowsol;
  const colToRow = transpose ? rowsol : colsol;
  let total = 0;
  let assigned = 0;
  for (let r = 0; r < rows; r++) {
    const c = rowToCol[r]!;
    if (c >= 0) {
      total += costs[r * cols + c]!;
      assigned++;
    }
  }
  return { rowToCol, colToRow, total, assigned, complete: assigned === Math.min(rows, cols) };
}

/** The first cell, in row-major order, that is NaN or -Infinity in `work`. */
function firstBadCell(work: Float64Array, cols: number) {
  for (let k = 0; k < work.length; k++) {
    if (!(work[k]! > Number.NEGATIVE_INFINITY)) return badCell(k, cols);
  }
  // not reached: the solver saw such a cell
  return badCell(0, cols);
}

function badCell(k: number, cols: number) {
  const r = Math.floor(k / cols);
  const c = k - r * cols;
  return fail('invalid_input', ['costs', k], { reason: 'cellCost', row: r, col: c });
}
