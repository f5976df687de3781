import { registerMessages, solverMessagesEn, solverMessagesRu } from '@nastavnik/core';
import { buildCertificate, checkCertificate } from './_internal/certificate';
import { withEdgeScratch } from './_internal/edgeScratch';
import { checkAbort, fail } from './_internal/fail';
import { placesStart, type SparseGraph, sparseSap } from './_internal/sparseSap';

registerMessages(solverMessagesRu, solverMessagesEn);

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
  /**
   * Also return an {@link OptimalityCertificate} (dual potentials and a
   * vertex cover) that {@link verifySparseAssignment} checks. Costs one
   * extra pass of shortest paths over the edges.
   */
  readonly certificate?: boolean;
}

/**
 * A proof that a sparse assignment is optimal, checkable in linear time by
 * {@link verifySparseAssignment}. Stated for the minimised costs
 * `c = cost` (or `c = -cost` with `maximize`). With `K` the number of
 * assigned rows:
 * - `coverRows` / `coverCols` is a vertex cover (every edge to a column with
 *   places has a covered end) of size `#coverRows + Σ capacity(coverCols) = K`,
 *   so no assignment has more pairs (König);
 * - the duals give `c(e) - rowDual[r] - colDual[j] ≥ 0` on every edge and `= 0`
 *   on the used ones, `colDual[j] ≤ 0` and `= 0` for a column with a spare
 *   place, `rowDual[r] ≤ threshold` for assigned rows and `= threshold` for
 *   unassigned ones, so no assignment with `K` pairs costs less
 *   (complementary slackness).
 *
 * @category Solvers
 * @example
 * const r = solveSparseAssignment(input, { certificate: true });
 * r.certificate?.rowDual; // Float64Array, one dual per row
 */
export interface OptimalityCertificate {
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  /** The dual of the number of pairs. */
  readonly threshold: number;
  /** 1 for the rows in the vertex cover. */
  readonly coverRows: Uint8Array;
  /** 1 for the columns in the vertex cover. */
  readonly coverCols: Uint8Array;
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
  /** With the `certificate` option: the proof of optimality. */
  readonly certificate?: OptimalityCertificate;
}

/**
 * One broken condition found by {@link verifySparseAssignment}: the kind and
 * the row and/or column concerned.
 *
 * @category Solvers
 * @example
 * const v: SparseViolation = { kind: 'negativeReducedCost', row: 3, col: 1 };
 */
export interface SparseViolation {
  /**
   * `infeasible` (unknown edge, over capacity), `negativeReducedCost`,
   * `usedEdgeNotTight`, `columnDual`, `rowDual`, `edgeNotCovered`, `coverSize`.
   */
  readonly kind:
    | 'infeasible'
    | 'negativeReducedCost'
    | 'usedEdgeNotTight'
    | 'columnDual'
    | 'rowDual'
    | 'edgeNotCovered'
    | 'coverSize';
  readonly row?: number;
  readonly col?: number;
}

/**
 * The verdict of {@link verifySparseAssignment}.
 *
 * @category Solvers
 * @example
 * const { optimal, violations } = verifySparseAssignment(input, result);
 */
export interface SparseVerification {
  /** True when the assignment is feasible and the certificate proves it optimal. */
  readonly optimal: boolean;
  /** The first broken conditions (at most 20); empty when `optimal`. */
  readonly violations: readonly SparseViolation[];
}

interface PreparedSparse {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array | ArrayLike<number>;
  readonly caps: Int32Array;
  readonly totalCap: number;
  readonly sign: number;
  readonly adjR: Int32Array;
  /** The input costs, checked finite. */
  readonly cost: Float64Array | ArrayLike<number>;
  /** Costs times `sign` (minimised): made on demand (a copy of a region's million edges costs page faults). */
  readonly minimised: () => Float64Array;
  readonly nE: number;
}

function prepareSparse(input: SparseAssignmentInput, options: SparseAssignmentOptions): PreparedSparse {
  const { rows, cols, rowStart, colIndex, cost } = input;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw fail('invalid_input', [Number.isInteger(rows) && rows >= 0 ? 'cols' : 'rows'], {
      reason: 'dimensions',
    });
  }
  if (rowStart?.length !== rows + 1 || rowStart[0] !== 0) {
    throw fail('invalid_input', ['rowStart'], { reason: 'rowStartShape' });
  }
  const nE = rowStart[rows]!;
  if (colIndex?.length < nE || cost?.length < nE) {
    throw fail('invalid_input', ['colIndex'], { reason: 'colIndexShort' });
  }
  const caps = new Int32Array(cols);
  let totalCap = 0;
  for (let j = 0; j < cols; j++) {
    const k = input.capacities ? input.capacities[j]! : 1;
    if (!Number.isInteger(k) || k < 0) {
      throw fail('invalid_input', ['capacities', j], { reason: 'capacity' });
    }
    caps[j] = k;
    totalCap += k;
  }
  const sign = options.maximize === true ? -1 : 1;
  for (let r = 0; r < rows; r++) {
    const a = rowStart[r]!;
    const b = rowStart[r + 1]!;
    if (!(b >= a) || b > nE) {
      throw fail('invalid_input', ['rowStart', r + 1], { reason: 'rowStartDecreasing' });
    }
  }
  // Typed arrays (a region's million edges) in tight loops over one array at a time.
  let adjR: Int32Array;
  if (colIndex instanceof Int32Array) {
    adjR = colIndex.subarray(0, nE); // read, never written: no copy
    for (let e = 0; e < nE; e++) {
      const c = adjR[e]!;
      if (c < 0 || c >= cols) throw fail('invalid_input', ['colIndex', e], { reason: 'colIndexRange' });
    }
  } else {
    adjR = new Int32Array(nE);
    for (let e = 0; e < nE; e++) {
      const c = colIndex[e]!;
      if (!Number.isInteger(c) || c < 0 || c >= cols) {
        throw fail('invalid_input', ['colIndex', e], { reason: 'colIndexRange' });
      }
      adjR[e] = c;
    }
  }
  for (let e = 0; e < nE; e++) {
    const w = cost[e]!;
    // a finite number: not NaN, not ±Infinity
    if (!(typeof w === 'number' && w - w === 0))
      throw fail('invalid_input', ['cost', e], { reason: 'edgeCost' });
  }
  const minimised = (): Float64Array => {
    if (sign === 1 && cost instanceof Float64Array) return cost.subarray(0, nE);
    const adjC = new Float64Array(nE);
    for (let e = 0; e < nE; e++) adjC[e] = cost[e]! * sign;
    return adjC;
  };
  return { rows, cols, rowStart, caps, totalCap, sign, adjR, cost, minimised, nE };
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
  const { rows, cols, rowStart, caps, totalCap, sign, adjR, cost, minimised, nE } = prepareSparse(
    input,
    options,
  );
  checkAbort(options.signal);
  const progress = { signal: options.signal, onProgress: options.onProgress, check: checkAbort };

  const rowToCol = new Int32Array(rows).fill(-1);
  let seedRow: Float64Array;
  let seedCol: Float64Array;
  if (rows <= totalCap) {
    const adjStart = new Int32Array(rows);
    const adjEnd = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      adjStart[r] = rowStart[r]!;
      adjEnd[r] = rowStart[r + 1]!;
    }
    const g: SparseGraph = { nL: rows, nR: cols, adjStart, adjEnd, adjR, adjC: minimised(), capR: caps };
    const sol = sparseSap(g, progress);
    rowToCol.set(sol.leftTo);
    seedRow = sol.u;
    seedCol = sol.v;
  } else {
    // Transpose: the column slots are the side to augment from.
    const colStart = new Int32Array(cols + 1);
    for (let e = 0; e < nE; e++) colStart[adjR[e]! + 1]!++;
    for (let j = 0; j < cols; j++) colStart[j + 1] = colStart[j + 1]! + colStart[j]!;
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
    // The transposed edges live only for the solve: buffers kept between calls.
    const sol = withEdgeScratch(nE, (tR, tC) => {
      const fill = colStart.slice(0, cols);
      for (let r = 0; r < rows; r++) {
        for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
          const j = adjR[e]!;
          const p = fill[j]!;
          fill[j] = p + 1;
          tR[p] = r;
          tC[p] = cost[e]! * sign;
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
      return sparseSap(g, progress, placesStart(cols, caps, colStart, tR, tC, totalCap, rows));
    });
    const slotTo = sol.leftTo;
    seedRow = sol.v;
    seedCol = new Float64Array(cols);
    for (let k = 0; k < totalCap; k++) {
      const j = slotCol[k]!;
      // a column's dual: the greatest of its slots' duals (slots share the edges)
      if (k === 0 || slotCol[k - 1] !== j || sol.u[k]! > seedCol[j]!) seedCol[j] = sol.u[k]!;
    }
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
      if (adjR[e] === j && cost[e]! * sign < best) best = cost[e]! * sign;
    }
    total += best * sign;
  }
  if (options.certificate !== true) return { rowToCol, colLoad, total, assigned };
  const certificate = buildCertificate(
    { rows, cols, rowStart, adjR, adjC: minimised(), caps },
    rowToCol,
    seedRow,
    seedCol,
  );
  return { rowToCol, colLoad, total, assigned, certificate };
}

/**
 * Check, independently of the solver, that a result of
 * {@link solveSparseAssignment} (run with `certificate: true`) is feasible
 * and optimal for the lexicographic objective: capacities respected, only
 * existing edges used, the vertex cover proves the number of pairs maximal
 * and the duals prove the total least (greatest with `maximize`) by
 * complementary slackness; see {@link OptimalityCertificate}. Linear in the
 * edges. Floating-point costs are compared with a relative tolerance of
 * 1e-9 of the largest |cost|; integer costs exactly.
 *
 * @category Solvers
 * @param input - the instance that was solved.
 * @param result - the solver's result with its `certificate` (or any assignment with a certificate).
 * @param options - the same `maximize` as for the solve.
 * @returns `optimal` and the broken conditions, if any.
 * @throws NastavnikError `invalid_input` when the result has no certificate or the input is malformed.
 * @example
 * import { solveSparseAssignment, verifySparseAssignment } from '@nastavnik/matching';
 * const input = { rows: 2, cols: 1, rowStart: [0, 1, 2], colIndex: [0, 0], cost: [3, 5], capacities: [1] };
 * const r = solveSparseAssignment(input, { certificate: true });
 * verifySparseAssignment(input, r); // { optimal: true, violations: [] }
 */
export function verifySparseAssignment(
  input: SparseAssignmentInput,
  result: Pick<SparseAssignmentResult, 'rowToCol' | 'certificate'>,
  options: Pick<SparseAssignmentOptions, 'maximize'> = {},
): SparseVerification {
  const { rows, cols, rowStart, caps, adjR, minimised } = prepareSparse(input, options);
  const adjC = minimised();
  const cert = result?.certificate;
  if (cert === undefined || result.rowToCol?.length !== rows) {
    throw fail('invalid_input', ['result', cert === undefined ? 'certificate' : 'rowToCol'], {
      reason: 'certificateMissing',
    });
  }
  const violations = checkCertificate({ rows, cols, rowStart, adjR, adjC, caps }, result.rowToCol, cert, 20);
  return { optimal: violations.length === 0, violations };
}
