import { checkAbort, fail } from './_internal/fail';
import { type SparseGraph, sparseSap } from './_internal/sparseSap';

/**
 * A sparse capacitated assignment instance in CSR form: row `r` may take the
 * columns `colIndex[rowStart[r] .. rowStart[r + 1] - 1]` at the matching
 * `cost`; column `c` takes at most `capacities[c]` rows (default 1). Missing
 * edges are forbidden.
 *
 * @category Solvers
 * @example
 * const input: SparseAssignmentInput = {
 *   rows: 2, cols: 1,
 *   rowStart: Int32Array.from([0, 1, 2]), colIndex: Int32Array.from([0, 0]),
 *   cost: Float64Array.from([3, 5]), capacities: [2],
 * };
 */
export interface SparseAssignmentInput {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array | ArrayLike<number>;
  readonly colIndex: Int32Array | ArrayLike<number>;
  readonly cost: Float64Array | ArrayLike<number>;
  readonly capacities?: Int32Array | ArrayLike<number>;
}

/**
 * Options of {@link solveSparseAssignment}.
 *
 * @category Solvers
 * @example
 * const options: SparseAssignmentOptions = { maximize: true, onProgress: (done, total) => console.log(done, total) };
 */
export interface SparseAssignmentOptions {
  /** Maximise the total of the edge values instead of minimising. */
  readonly maximize?: boolean;
  /** Stops the solver; it throws a `NastavnikError` with code `aborted`. */
  readonly signal?: AbortSignal;
  /** Called now and then with the augmentations done and to do. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The result of {@link solveSparseAssignment}.
 *
 * @category Solvers
 * @example
 * const { rowToCol, colLoad } = solveSparseAssignment(input);
 */
export interface SparseAssignmentResult {
  /** Column of each row, or -1. */
  readonly rowToCol: Int32Array;
  /** Rows assigned to each column (≤ its capacity). */
  readonly colLoad: Int32Array;
  /** Sum of the costs (values) of the used edges. */
  readonly total: number;
  /** Number of assigned rows. */
  readonly assigned: number;
}

/**
 * Exact capacitated assignment on a sparse bipartite graph: successive
 * shortest augmenting paths with node potentials (Dijkstra on a binary heap,
 * typed arrays). Columns with a capacity above one are handled as nodes with
 * a capacity, not copied, when rows are the smaller side; when the total
 * capacity is smaller than the number of rows the column slots are processed
 * instead (each slot shares its column's edge list), so that the searches run
 * from the scarce side. Objective: most assigned rows, then least (greatest)
 * total. Memory is linear in rows + columns + edges.
 *
 * @category Solvers
 * @param input - the CSR graph and the column capacities.
 * @param options - `maximize`, `signal`, `onProgress`.
 * @returns which column each row got.
 * @throws NastavnikError `invalid_input` for malformed CSR arrays; `aborted`.
 * @example
 * import { solveSparseAssignment } from '@nastavnik/matching';
 * // two mentees, one mentor who can take both
 * const r = solveSparseAssignment({
 *   rows: 2, cols: 1, rowStart: [0, 1, 2], colIndex: [0, 0], cost: [3, 5], capacities: [2],
 * });
 * // r.rowToCol = Int32Array [0, 0], r.total = 8
 */
export function solveSparseAssignment(
  input: SparseAssignmentInput,
  options: SparseAssignmentOptions = {},
): SparseAssignmentResult {
  const { rows, cols, rowStart, colIndex, cost } = input;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw fail(
      'invalid_input',
      [Number.isInteger(rows) && rows >= 0 ? 'cols' : 'rows'],
      'Размеры должны быть целыми неотрицательными числами',
      'rows and cols must be non-negative integers',
    );
  }
  if (rowStart?.length !== rows + 1 || rowStart[0] !== 0) {
    throw fail(
      'invalid_input',
      ['rowStart'],
      'rowStart должен иметь rows + 1 элементов и начинаться с 0',
      'rowStart must have rows + 1 entries and start at 0',
    );
  }
  const nE = rowStart[rows]!;
  if (colIndex?.length < nE || cost?.length < nE) {
    throw fail(
      'invalid_input',
      ['colIndex'],
      'colIndex и cost короче, чем указано в rowStart',
      'colIndex and cost are shorter than rowStart says',
    );
  }
  const caps = new Int32Array(cols);
  let totalCap = 0;
  for (let j = 0; j < cols; j++) {
    const k = input.capacities ? input.capacities[j]! : 1;
    if (!Number.isInteger(k) || k < 0) {
      throw fail(
        'invalid_input',
        ['capacities', j],
        'Вместимость должна быть целым неотрицательным числом',
        'A capacity must be a non-negative integer',
      );
    }
    caps[j] = k;
    totalCap += k;
  }
  const sign = options.maximize === true ? -1 : 1;
  const adjR = new Int32Array(nE);
  const adjC = new Float64Array(nE);
  for (let r = 0; r < rows; r++) {
    const a = rowStart[r]!;
    const b = rowStart[r + 1]!;
    if (!(b >= a) || b > nE) {
      throw fail(
        'invalid_input',
        ['rowStart', r + 1],
        'rowStart должен не убывать',
        'rowStart must not decrease',
      );
    }
    for (let e = a; e < b; e++) {
      const c = colIndex[e]!;
      const w = cost[e]!;
      if (!Number.isInteger(c) || c < 0 || c >= cols) {
        throw fail(
          'invalid_input',
          ['colIndex', e],
          'Номер столбца вне диапазона',
          'Column index out of range',
        );
      }
      if (!Number.isFinite(w)) {
        throw fail(
          'invalid_input',
          ['cost', e],
          'Стоимость ребра должна быть конечным числом',
          'An edge cost must be finite',
        );
      }
      adjR[e] = c;
      adjC[e] = w * sign;
    }
  }
  checkAbort(options.signal);
  const progress = { signal: options.signal, onProgress: options.onProgress, check: checkAbort };

  const rowToCol = new Int32Array(rows).fill(-1);
  if (rows <= totalCap) {
    const adjStart = new Int32Array(rows);
    const adjEnd = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      adjStart[r] = rowStart[r]!;
      adjEnd[r] = rowStart[r + 1]!;
    }
    const g: SparseGraph = { nL: rows, nR: cols, adjStart, adjEnd, adjR, adjC, capR: caps };
    rowToCol.set(sparseSap(g, progress));
  } else {
    // Transpose: the column slots are the side to augment from.
    const colStart = new Int32Array(cols + 1);
    for (let e = 0; e < nE; e++) colStart[adjR[e]! + 1]!++;
    for (let j = 0; j < cols; j++) colStart[j + 1] = colStart[j + 1]! + colStart[j]!;
    const fill = colStart.slice(0, cols);
    const tR = new Int32Array(nE);
    const tC = new Float64Array(nE);
    for (let r = 0; r < rows; r++) {
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        const j = adjR[e]!;
        const p = fill[j]!;
        fill[j] = p + 1;
        tR[p] = r;
        tC[p] = adjC[e]!;
      }
    }
    const slotCol = new Int32Array(totalCap);
    const adjStart = new Int32Array(totalCap);
    const adjEnd = new Int32Array(totalCap);
    let s = 0;
    for (let j = 0; j < cols; j++) {
      for (let k = 0; k < caps[j]!; k++) {
        slotCol[s] = j;
        adjStart[s] = colStart[j]!;
        adjEnd[s] = colStart[j + 1]!;
        s++;
      }
    }
    const g: SparseGraph = {
      nL: totalCap,
      nR: rows,
      adjStart,
      adjEnd,
      adjR: tR,
      adjC: tC,
      capR: new Int32Array(rows).fill(1),
    };
    const slotTo = sparseSap(g, progress);
    for (let k = 0; k < totalCap; k++) {
      const r = slotTo[k]!;
      if (r >= 0) rowToCol[r] = slotCol[k]!;
    }
  }

  // Totals from the original values; the cheapest duplicate edge if any.
  const colLoad = new Int32Array(cols);
  let total = 0;
  let assigned = 0;
  for (let r = 0; r < rows; r++) {
    const j = rowToCol[r]!;
    if (j < 0) continue;
    colLoad[j] = colLoad[j]! + 1;
    assigned++;
    let best = Number.POSITIVE_INFINITY;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      if (adjR[e] === j && adjC[e]! < best) best = adjC[e]!;
    }
    total += best * sign;
  }
  return { rowToCol, colLoad, total, assigned };
}
