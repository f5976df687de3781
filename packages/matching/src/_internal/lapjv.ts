/**
 * Dense rectangular Jonker–Volgenant (LAPJV) on a flat Float64Array, n rows
 * ≤ m columns, minimising, forbidden cells = +Infinity. Cell (i, j) is
 * `c[i * rs + j * cs]`: a row-major matrix has rs = m, cs = 1; a tall
 * row-major matrix is solved as its transpose without a copy (rs = 1, cs =
 * its column count), which also reads it faster than transposing first.
 *
 * Objective (lexicographic): first as many rows assigned as possible, then the
 * least total cost. When every row can be assigned this is the classical LAP.
 *
 * Two modes:
 * - fast (square only): column reduction, reduction transfer, two passes of
 *   augmenting row reduction, then shortest augmenting paths (Jonker &
 *   Volgenant 1987). Valid when a perfect matching exists; if a row cannot be
 *   augmented there is none, and we restart in safe mode.
 * - safe (any shape): prices start at 0 and only ever decrease on assigned
 *   columns, so all free columns keep the same price (the dual condition of
 *   the rectangular problem). A row that reaches no free column is resolved
 *   as in the problem expanded with a private "unassigned" column of symbolic
 *   cost M per row: the row whose removal costs least leaves (see README).
 *
 * Input check for free: a cell that is NaN or -Infinity makes the solver
 * return BAD_INPUT. Both modes read every cell once before anything depends
 * on it (column reduction in fast mode, the first pass of augmenting row
 * reduction in safe mode), and the test rides on the comparison that is
 * already there: `!(h >= best)` is `h < best` for numbers and true for NaN,
 * and only the rare "new best" branch asks whether h is NaN or -Infinity. So
 * the caller needs no separate pass over the matrix.
 */

export interface DenseProgress {
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly check: (signal: AbortSignal | undefined) => void;
}

export interface DenseSolution {
  readonly rowsol: Int32Array;
  readonly colsol: Int32Array;
}

const PROGRESS_EVERY = 128;

/** A cell is NaN or -Infinity; the caller finds and reports it. */
export const BAD_INPUT = 'badInput';

export function lapjvDense(
  c: Float64Array,
  n: number,
  m: number,
  rs: number,
  cs: number,
  progress: DenseProgress,
): DenseSolution | typeof BAD_INPUT {
  if (n === 0) {
    return { rowsol: new Int32Array(0), colsol: new Int32Array(m).fill(-1) };
  }
  if (n === m) {
    const fast = solve(c, n, m, rs, cs, true, progress);
    if (fast !== null) return fast;
  }
  const safe = solve(c, n, m, rs, cs, false, progress);
  // safe mode never gives up
  return safe as DenseSolution | typeof BAD_INPUT;
}

function solve(
  c: Float64Array,
  n: number,
  m: number,
  rs: number,
  cs: number,
  fast: boolean,
  progress: DenseProgress,
): DenseSolution | typeof BAD_INPUT | null {
  const v = new Float64Array(m);
  const rowsol = new Int32Array(n).fill(-1);
  const colsol = new Int32Array(m).fill(-1);
  const free = new Int32Array(n);
  let numfree = n;
  if (fast) {
    numfree = reduceColumns(c, n, m, rs, cs, v, rowsol, colsol, free);
    if (numfree === BAD) return BAD_INPUT;
    if (numfree === NO_PERFECT) return null;
  } else {
    for (let i = 0; i < n; i++) free[i] = i;
  }
  for (let loop = 0; loop < 2; loop++) {
    numfree = reduceRows(c, n, m, rs, cs, v, rowsol, colsol, free, numfree);
    if (numfree === BAD) return BAD_INPUT;
  }
  if (!augmentAll(c, m, rs, cs, v, rowsol, colsol, free, numfree, fast, progress)) return null;
  return { rowsol, colsol };
}

/*
 * Each phase is a function of its own, with one hot loop, typed-array
 * arguments only and its rare branches small: a fresh process runs the first
 * solve in V8's interpreter until each loop is compiled on its own (on-stack
 * replacement), and a phase that has not run yet cannot deoptimise the code
 * of one that has (one large function was recompiled up to six times during
 * its first call, each time for lack of type feedback in a later phase).
 */

/** Phase results below 0: a NaN / -Infinity cell; no perfect matching. */
const BAD = -1;
const NO_PERFECT = -2;

/**
 * COLUMN REDUCTION, computed row by row for cache locality, then REDUCTION
 * TRANSFER (square fast mode). Returns the number of free rows, listed in
 * `free`, or BAD / NO_PERFECT (an all-forbidden column).
 */
function reduceColumns(
  c: Float64Array,
  n: number,
  m: number,
  rs: number,
  cs: number,
  v: Float64Array,
  rowsol: Int32Array,
  colsol: Int32Array,
  free: Int32Array,
): number {
  const colMin = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const colArg = new Int32Array(m);
  if (!columnMinima(c, n, m, rs, cs, colMin, colArg)) return BAD;
  const matches = new Int32Array(n);
  for (let j = m - 1; j >= 0; j--) {
    const min = colMin[j]!;
    if (min === Number.POSITIVE_INFINITY) return NO_PERFECT;
    const imin = colArg[j]!;
    v[j] = min;
    if (++matches[imin]! === 1) {
      rowsol[imin] = j;
      colsol[j] = imin;
    } else if (min < v[rowsol[imin]!]!) {
      const j1 = rowsol[imin]!;
      rowsol[imin] = j;
      colsol[j] = imin;
      colsol[j1] = -1;
    } else {
      colsol[j] = -1;
    }
  }
  let numfree = 0;
  for (let i = 0; i < n; i++) {
    const mi = matches[i]!;
    if (mi === 0) {
      free[numfree++] = i;
    } else if (mi === 1) {
      const j1 = rowsol[i]!;
      const min = rowMinExcept(c, i * rs, m, cs, v, j1);
      if (min !== Number.POSITIVE_INFINITY) v[j1] = v[j1]! - min;
    }
  }
  return numfree;
}

/** Least cell of each column and its row; false when a cell is NaN or -Infinity. */
function columnMinima(
  c: Float64Array,
  n: number,
  m: number,
  rs: number,
  cs: number,
  colMin: Float64Array,
  colArg: Int32Array,
): boolean {
  let bad = false;
  for (let i = 0; i < n; i++) {
    for (let j = 0, k = i * rs; j < m; j++, k += cs) {
      const h = c[k]!;
      if (!(h >= colMin[j]!)) {
        if (!(h > Number.NEGATIVE_INFINITY)) bad = true;
        colMin[j] = h;
        colArg[j] = i;
      }
    }
  }
  return !bad;
}

/** The least reduced cost of a row, column `skip` left out. */
function rowMinExcept(
  c: Float64Array,
  off: number,
  m: number,
  cs: number,
  v: Float64Array,
  skip: number,
): number {
  let min = Number.POSITIVE_INFINITY;
  for (let j = 0, k = off; j < m; j++, k += cs) {
    if (j !== skip) {
      const h = c[k]! - v[j]!;
      if (h < min) min = h;
    }
  }
  return min;
}

/**
 * One pass of AUGMENTING ROW REDUCTION over the `numfree` rows listed in
 * `free`. Returns the number of rows left free (listed in `free`), or BAD.
 */
function reduceRows(
  c: Float64Array,
  n: number,
  m: number,
  rs: number,
  cs: number,
  v: Float64Array,
  rowsol: Int32Array,
  colsol: Int32Array,
  free: Int32Array,
  prvnumfree: number,
): number {
  const pushBackLimit = 8 * n + 64;
  let k = 0;
  let numfree = 0;
  let pushBacks = 0;
  const two = new Float64Array(3);
  while (k < prvnumfree) {
    const i = free[k++]!;
    const j1Found = twoLeast(c, i * rs, m, cs, v, two);
    // Prices are finite, so h is NaN or -Infinity exactly when the cell is.
    if (j1Found < 0) return BAD;
    const umin = two[0]!;
    const usubmin = two[1]!;
    let j1 = j1Found;
    if (umin === Number.POSITIVE_INFINITY) {
      // no allowed column at all: leave it to the augmentation phase
      free[numfree++] = i;
      continue;
    }
    let i0 = colsol[j1]!;
    let front = false;
    if (usubmin === Number.POSITIVE_INFINITY) {
      // a single allowed column: take it without changing its price
    } else if (umin < usubmin) {
      v[j1] = v[j1]! - (usubmin - umin);
      front = pushBacks < pushBackLimit;
    } else if (i0 >= 0) {
      j1 = two[2]!;
      i0 = colsol[j1]!;
    }
    rowsol[i] = j1;
    colsol[j1] = i;
    if (i0 >= 0) {
      rowsol[i0] = -1;
      if (front) {
        pushBacks++;
        free[--k] = i0;
      } else {
        free[numfree++] = i0;
      }
    }
  }
  return numfree;
}

/**
 * The least and second least reduced costs of a row: writes
 * `[umin, usubmin, j2]` into `out` and returns j1 (the column of umin), or
 * -1 when a cell is NaN or -Infinity.
 */
function twoLeast(
  c: Float64Array,
  off: number,
  m: number,
  cs: number,
  v: Float64Array,
  out: Float64Array,
): number {
  let umin = c[off]! - v[0]!;
  let j1 = 0;
  let usubmin = Number.POSITIVE_INFINITY;
  let j2 = -1;
  let bad = !(umin > Number.NEGATIVE_INFINITY);
  for (let j = 1, k = off + cs; j < m; j++, k += cs) {
    const h = c[k]! - v[j]!;
    if (!(h >= usubmin)) {
      if (h >= umin) {
        usubmin = h;
        j2 = j;
      } else {
        if (!(h > Number.NEGATIVE_INFINITY)) bad = true;
        usubmin = umin;
        umin = h;
        j2 = j1;
        j1 = j;
      }
    }
  }
  if (bad) return -1;
  out[0] = umin;
  out[1] = usubmin;
  out[2] = j2;
  return j1;
}

/**
 * AUGMENT: a shortest augmenting path from each remaining free row
 * (Dijkstra on reduced costs). Returns false when, in fast mode, a row
 * reaches no free column (no perfect matching: the caller restarts in safe mode).
 */
function augmentAll(
  c: Float64Array,
  m: number,
  rs: number,
  cs: number,
  v: Float64Array,
  rowsol: Int32Array,
  colsol: Int32Array,
  free: Int32Array,
  numfree: number,
  fast: boolean,
  progress: DenseProgress,
): boolean {
  const d = new Float64Array(m);
  const pred = new Int32Array(m);
  const todo = new Int32Array(m);
  const scanned = new Int32Array(m);
  const dist = new Float64Array(m);
  const meta = new Float64Array(2);
  for (let f = 0; f < numfree; f++) {
    if ((f & (PROGRESS_EVERY - 1)) === PROGRESS_EVERY - 1) {
      progress.check(progress.signal);
      progress.onProgress?.(f, numfree);
    }
    const freerow = free[f]!;
    let end = shortestPath(c, m, rs, cs, v, colsol, freerow, d, pred, todo, scanned, dist, meta);
    const nscanned = meta[0]!;
    const min = meta[1]!;
    if (end < 0) {
      if (fast) return false;
      end = leastCostlyLeaver(c, rs, cs, v, colsol, scanned, dist, nscanned);
      if (end < 0) continue; // freerow stays unassigned
      const leaving = colsol[end]!;
      updatePrices(v, scanned, dist, nscanned, min);
      augment(end, freerow, pred, rowsol, colsol);
      rowsol[leaving] = -1;
      continue;
    }
    updatePrices(v, scanned, dist, nscanned, min);
    augment(end, freerow, pred, rowsol, colsol);
  }
  progress.onProgress?.(numfree, numfree);
  return true;
}

/**
 * Dijkstra from `freerow`. Columns at the current minimum distance form a
 * batch (`todo`); a free one among them ends the search at once. Loops run
 * over columns in natural order, so the cost row is read sequentially; a
 * column leaves the tentative set by setting d[j] = -Infinity (its distance
 * is kept in `dist`), which makes the relaxation test branch-free.
 * Returns the free column reached, or -1 when none can be; writes the
 * number of scanned columns and the last minimum distance into `meta`.
 */
function shortestPath(
  c: Float64Array,
  m: number,
  rs: number,
  cs: number,
  v: Float64Array,
  colsol: Int32Array,
  freerow: number,
  d: Float64Array,
  pred: Int32Array,
  todo: Int32Array,
  scanned: Int32Array,
  dist: Float64Array,
  meta: Float64Array,
): number {
  for (let j = 0, k = freerow * rs; j < m; j++, k += cs) d[j] = c[k]! - v[j]!;
  pred.fill(freerow);
  let nscanned = 0;
  let top = 0;
  let min = 0;
  let end = -1;
  for (;;) {
    if (top === 0) {
      const cnt = minBatch(d, m, todo);
      if (cnt === 0) break;
      min = d[todo[0]!]!;
      end = takeBatch(d, colsol, todo, cnt);
      if (end >= 0) break;
      top = cnt;
    }
    const j1 = todo[--top]!;
    dist[nscanned] = min;
    scanned[nscanned++] = j1;
    const i = colsol[j1]!;
    const ioff = i * rs;
    const h = c[ioff + j1 * cs]! - v[j1]! - min;
    const r = relaxRow(c, ioff, m, cs, v, d, pred, colsol, todo, top, i, h, min);
    if (r < 0) {
      end = -r - 1;
      break;
    }
    top = r;
  }
  meta[0] = nscanned;
  meta[1] = min;
  return end;
}

/** Take the batch out of the tentative set; returns the first free column in it, or -1. */
function takeBatch(d: Float64Array, colsol: Int32Array, todo: Int32Array, cnt: number): number {
  for (let t = 0; t < cnt; t++) {
    const j = todo[t]!;
    d[j] = Number.NEGATIVE_INFINITY;
    if (colsol[j]! < 0) return j;
  }
  return -1;
}

function updatePrices(
  v: Float64Array,
  scanned: Int32Array,
  dist: Float64Array,
  nscanned: number,
  min: number,
): void {
  for (let k = 0; k < nscanned; k++) {
    const j = scanned[k]!;
    v[j] = v[j]! + (dist[k]! - min);
  }
}

/**
 * Every column reachable from the free row is assigned: one row of the
 * alternating tree must stay unassigned. Leaving row k costs
 * dist(col(k)) - u_k relative to leaving the free row itself (u_k = reduced
 * price of k's own column); returns the column of the least, ties keep the
 * earlier rows, or -1 when the free row itself should stay out.
 */
function leastCostlyLeaver(
  c: Float64Array,
  rs: number,
  cs: number,
  v: Float64Array,
  colsol: Int32Array,
  scanned: Int32Array,
  dist: Float64Array,
  nscanned: number,
): number {
  let best = -1;
  let bestVal = 0;
  for (let k = 0; k < nscanned; k++) {
    const j = scanned[k]!;
    const r = colsol[j]!;
    const val = dist[k]! - (c[r * rs + j * cs]! - v[j]!);
    if (val < bestVal) {
      bestVal = val;
      best = j;
    }
  }
  return best;
}

function augment(end: number, root: number, pred: Int32Array, rowsol: Int32Array, colsol: Int32Array): void {
  let j = end;
  let i: number;
  do {
    i = pred[j]!;
    colsol[j] = i;
    const next = rowsol[i]!;
    rowsol[i] = j;
    j = next;
  } while (i !== root);
}

/**
 * Relax every tentative column from row i (h = u_i - distance of i).
 * Returns the new batch size, or -(j + 1) when free column j is reached at
 * the current minimum distance.
 */
function relaxRow(
  c: Float64Array,
  ioff: number,
  m: number,
  cs: number,
  v: Float64Array,
  d: Float64Array,
  pred: Int32Array,
  colsol: Int32Array,
  todo: Int32Array,
  top: number,
  i: number,
  h: number,
  min: number,
): number {
  for (let j = 0, k = ioff; j < m; j++, k += cs) {
    const v2 = c[k]! - v[j]! - h;
    if (v2 < d[j]!) {
      pred[j] = i;
      if (v2 === min) {
        if (colsol[j]! < 0) return -j - 1;
        d[j] = Number.NEGATIVE_INFINITY;
        todo[top++] = j;
      } else {
        d[j] = v2;
      }
    }
  }
  return top;
}

/**
 * Collect into `todo` the tentative columns at the least distance; returns
 * their count (0 when none is left). Columns out of the tentative set hold
 * d = -Infinity.
 */
function minBatch(d: Float64Array, m: number, todo: Int32Array): number {
  let mn = Number.POSITIVE_INFINITY;
  let cnt = 0;
  for (let j = 0; j < m; j++) {
    const h = d[j]!;
    if (h <= mn && h !== Number.NEGATIVE_INFINITY) {
      if (h < mn) {
        mn = h;
        cnt = 0;
      }
      todo[cnt++] = j;
    }
  }
  if (mn === Number.POSITIVE_INFINITY) return 0;
  return cnt;
}
