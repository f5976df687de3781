import { checkAbort, fail } from './_internal/fail';
import { lapjvDense } from './_internal/lapjv';

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
    throw fail(
      'invalid_input',
      ['rows'],
      'Число строк должно быть целым и неотрицательным',
      'rows must be a non-negative integer',
    );
  }
  if (!Number.isInteger(cols) || cols < 0) {
    throw fail(
      'invalid_input',
      ['cols'],
      'Число столбцов должно быть целым и неотрицательным',
      'cols must be a non-negative integer',
    );
  }
  if (costs === null || typeof costs !== 'object' || costs.length !== rows * cols) {
    throw fail(
      'invalid_input',
      ['costs'],
      'Размер матрицы стоимостей не равен rows × cols',
      'costs must have rows * cols entries',
      { expected: rows * cols },
    );
  }
  const maximize = options.maximize === true;
  const signal = options.signal;
  checkAbort(signal);

  // Bring the problem to n ≤ m rows, minimising, forbidden = +Infinity,
  // copying only when needed.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const bad = maximize ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  let work: Float64Array;
  if (!transpose && !maximize && costs instanceof Float64Array) {
    for (let k = 0; k < costs.length; k++) {
      const x = costs[k]!;
      if (Number.isNaN(x) || x === bad) throw badCell(k, cols);
    }
    work = costs;
  } else {
    work = new Float64Array(n * m);
    const sign = maximize ? -1 : 1;
    for (let r = 0; r < rows; r++) {
      const off = r * cols;
      for (let c = 0; c < cols; c++) {
        const x = costs[off + c]!;
        if (Number.isNaN(x) || x === bad) throw badCell(off + c, cols);
        const y = x * sign;
        if (transpose) work[c * m + r] = y;
        else work[off + c] = y;
      }
    }
  }

  const { rowsol, colsol } = lapjvDense(work, n, m, {
    signal,
    onProgress: options.onProgress,
    check: checkAbort,
  });

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

function badCell(k: number, cols: number) {
  const r = Math.floor(k / cols);
  const c = k - r * cols;
  return fail(
    'invalid_input',
    ['costs', k],
    `Недопустимая стоимость в ячейке (${r}, ${c}): NaN или бесконечность не того знака`,
    `Invalid cost at (${r}, ${c}): NaN or an infinity of the wrong sign`,
    { row: r, col: c },
  );
}
