/**
 * Optimality certificate of a capacitated sparse assignment (lexicographic
 * objective: most rows assigned, then least total of the minimised costs c).
 *
 * LP of the second stage, cardinality K fixed:
 *   min Σ c·x,  Σ_j x_rj ≤ 1 (row r),  Σ_r x_rj ≤ cap_j (column j),  Σ x = K.
 * A dual certificate is (y, z, t) with, for every edge e = (r, j):
 *   rc(e) = c(e) − y_r − z_j ≥ 0, and = 0 on the used edges;
 *   z_j ≤ 0, and z_j = 0 when column j has a spare place;
 *   y_r ≤ t for assigned rows, y_r = t for unassigned rows
 * (α_r = y_r − t ≤ 0 is the row dual, t the dual of Σ x = K).
 * The first stage (K is the maximum) is certified by a König vertex cover:
 * every edge has a covered end and #covered rows + Σ cap of covered columns = K.
 *
 * The duals are computed from the final assignment alone (label-correcting
 * shortest paths in the residual graph, seeded with the solver's duals), so
 * the certificate does not trust the solver's bookkeeping.
 */

export interface CertificateGraph {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: ArrayLike<number>;
  readonly adjR: Int32Array;
  /** Minimised costs (already multiplied by the sign). */
  readonly adjC: Float64Array;
  readonly caps: Int32Array;
}

export interface Certificate {
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  readonly threshold: number;
  readonly coverRows: Uint8Array;
  readonly coverCols: Uint8Array;
}

export function buildCertificate(
  g: CertificateGraph,
  rowToCol: Int32Array,
  seedRow: Float64Array,
  seedCol: Float64Array,
): Certificate {
  const { rows, cols, rowStart, adjR, adjC, caps } = g;
  const INF = Number.POSITIVE_INFINITY;
  // used edge of each row: the cheapest edge to its column
  const usedEdge = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  for (let r = 0; r < rows; r++) {
    const j = rowToCol[r]!;
    if (j < 0) continue;
    load[j] = load[j]! + 1;
    let best = -1;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      if (adjR[e] === j && (best < 0 || adjC[e]! < adjC[best]!)) best = e;
    }
    usedEdge[r] = best;
  }
  // rows of each column
  const colStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) colStart[j + 1] = colStart[j]! + load[j]!;
  const fill = colStart.slice(0, cols);
  const colRows = new Int32Array(colStart[cols]!);
  for (let r = 0; r < rows; r++) {
    const j = rowToCol[r]!;
    if (j >= 0) colRows[fill[j]!++] = r;
  }

  // Potentials π: rows 0..rows-1, columns rows..rows+cols-1, S, P.
  // Arcs: r→j (unused edge, c), j→r (used edge, −c), S→r (r unassigned),
  // r→S (r assigned), j→P (spare place), P→j (j holds a row); all 0 but edges.
  const nR = rows;
  const S = rows + cols;
  const P = S + 1;
  const N = P + 1;
  const pi = new Float64Array(N);
  for (let r = 0; r < rows; r++) pi[r] = -seedRow[r]!;
  for (let j = 0; j < cols; j++) pi[nR + j] = seedCol[j]!;
  let piS = INF;
  for (let r = 0; r < rows; r++) if (rowToCol[r]! >= 0 && pi[r]! < piS) piS = pi[r]!;
  pi[S] = piS === INF ? 0 : piS;
  pi[P] = 0;

  const queue = new Int32Array(N);
  const inQueue = new Uint8Array(N);
  const updates = new Int32Array(N);
  let head = 0;
  let size = 0;
  const push = (x: number) => {
    if (inQueue[x] === 1) return;
    inQueue[x] = 1;
    queue[(head + size) % N] = x;
    size++;
  };
  let cycle = false;
  const lower = (x: number, value: number) => {
    if (value < pi[x]!) {
      pi[x] = value;
      updates[x] = updates[x]! + 1;
      if (updates[x]! > N + 1) cycle = true;
      push(x);
    }
  };
  for (let x = 0; x < N; x++) push(x);
  while (size > 0 && !cycle) {
    const a = queue[head]!;
    head = (head + 1) % N;
    size--;
    inQueue[a] = 0;
    const pa = pi[a]!;
    if (a < nR) {
      const used = usedEdge[a]!;
      for (let e = rowStart[a]!; e < rowStart[a + 1]!; e++) {
        if (e !== used) lower(nR + adjR[e]!, pa + adjC[e]!);
      }
      if (used >= 0) lower(S, pa);
    } else if (a < S) {
      const j = a - nR;
      for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
        const r = colRows[k]!;
        lower(r, pa - adjC[usedEdge[r]!]!);
      }
      if (load[j]! < caps[j]!) lower(P, pa);
    } else if (a === S) {
      for (let r = 0; r < rows; r++) if (rowToCol[r]! < 0) lower(r, pa);
    } else {
      for (let j = 0; j < cols; j++) if (load[j]! > 0) lower(nR + j, pa);
    }
  }

  // Normalise to the LP form (see the header).
  const p = pi[P]!;
  const rowDual = new Float64Array(rows);
  const colDual = new Float64Array(cols);
  const threshold = -pi[S]! + p;
  for (let r = 0; r < rows; r++) rowDual[r] = rowToCol[r]! < 0 ? threshold : -pi[r]! + p;
  for (let j = 0; j < cols; j++) {
    const z = pi[nR + j]! - p;
    colDual[j] = load[j]! < caps[j]! ? 0 : load[j]! === 0 ? Math.min(z, 0) : z;
  }

  // König cover: rows and columns reachable by alternating paths from the
  // unassigned rows; cover = unreached rows ∪ reached columns.
  const reachedRow = new Uint8Array(rows);
  const reachedCol = new Uint8Array(cols);
  const stack = new Int32Array(rows);
  let top = 0;
  for (let r = 0; r < rows; r++) {
    if (rowToCol[r]! < 0) {
      reachedRow[r] = 1;
      stack[top++] = r;
    }
  }
  while (top > 0) {
    const r = stack[--top]!;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const j = adjR[e]!;
      if (reachedCol[j] === 1 || caps[j] === 0) continue;
      reachedCol[j] = 1;
      for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
        const r2 = colRows[k]!;
        if (reachedRow[r2] === 0) {
          reachedRow[r2] = 1;
          stack[top++] = r2;
        }
      }
    }
  }
  const coverRows = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) coverRows[r] = reachedRow[r] === 1 ? 0 : 1;
  return { rowDual, colDual, threshold, coverRows, coverCols: reachedCol };
}

export type ViolationKind =
  | 'infeasible'
  | 'negativeReducedCost'
  | 'usedEdgeNotTight'
  | 'columnDual'
  | 'rowDual'
  | 'edgeNotCovered'
  | 'coverSize';

export interface Violation {
  readonly kind: ViolationKind;
  readonly row?: number;
  readonly col?: number;
}

/** Check a certificate; returns at most `limit` violations (empty: optimal). */
export function checkCertificate(
  g: CertificateGraph,
  rowToCol: ArrayLike<number>,
  cert: Certificate,
  limit: number,
): Violation[] {
  const { rows, cols, rowStart, adjR, adjC, caps } = g;
  const out: Violation[] = [];
  const add = (v: Violation) => {
    if (out.length < limit) out.push(v);
  };
  let scale = 1;
  for (let e = 0; e < adjC.length; e++) scale = Math.max(scale, Math.abs(adjC[e]!));
  const tol = 1e-9 * scale;
  const { rowDual: y, colDual: z, threshold: t, coverRows, coverCols } = cert;
  if (y.length !== rows || z.length !== cols || coverRows.length !== rows || coverCols.length !== cols) {
    add({ kind: 'infeasible' });
    return out;
  }
  const load = new Int32Array(cols);
  let assigned = 0;
  for (let r = 0; r < rows; r++) {
    const j = rowToCol[r]!;
    if (j === -1) {
      if (Math.abs(y[r]! - t) > tol) add({ kind: 'rowDual', row: r });
      continue;
    }
    if (!Number.isInteger(j) || j < 0 || j >= cols) {
      add({ kind: 'infeasible', row: r });
      continue;
    }
    load[j] = load[j]! + 1;
    assigned++;
    if (y[r]! > t + tol) add({ kind: 'rowDual', row: r });
    let tight = false;
    let exists = false;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      if (adjR[e] !== j) continue;
      exists = true;
      if (Math.abs(adjC[e]! - y[r]! - z[j]!) <= tol) tight = true;
    }
    if (!exists) add({ kind: 'infeasible', row: r, col: j });
    else if (!tight) add({ kind: 'usedEdgeNotTight', row: r, col: j });
  }
  let coverSize = 0;
  for (let j = 0; j < cols; j++) {
    if (load[j]! > caps[j]!) add({ kind: 'infeasible', col: j });
    if (z[j]! > tol || (load[j]! < caps[j]! && z[j]! < -tol)) add({ kind: 'columnDual', col: j });
    if (coverCols[j] === 1) coverSize += caps[j]!;
  }
  for (let r = 0; r < rows; r++) {
    if (coverRows[r] === 1) coverSize++;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const j = adjR[e]!;
      if (adjC[e]! - y[r]! - z[j]! < -tol) add({ kind: 'negativeReducedCost', row: r, col: j });
      if (coverRows[r] !== 1 && coverCols[j] !== 1 && caps[j]! > 0)
        add({ kind: 'edgeNotCovered', row: r, col: j });
    }
  }
  if (coverSize !== assigned) add({ kind: 'coverSize' });
  return out;
}
