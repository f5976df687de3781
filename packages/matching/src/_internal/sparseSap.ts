/**
 * Sparse shortest augmenting paths (successive shortest paths with node
 * potentials, Dijkstra on a binary heap) for a bipartite graph whose left
 * nodes take one partner and whose right nodes take up to `capR[j]`.
 * Minimises; the objective is lexicographic (most pairs, then least cost),
 * resolved exactly as in lapjv.ts with a symbolic "unassigned" column per
 * left node.
 *
 * Invariants: rc(l, j) = cost - u[l] - v[j] ≥ 0 on unused edges, = 0 on used
 * ones; right nodes with spare capacity keep v = 0.
 */

export interface SparseGraph {
  readonly nL: number;
  readonly nR: number;
  /** Edges of left l are adjStart[l] .. adjEnd[l] - 1. */
  readonly adjStart: Int32Array;
  readonly adjEnd: Int32Array;
  readonly adjR: Int32Array;
  readonly adjC: Float64Array;
  readonly capR: Int32Array;
}

export interface SparseProgress {
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly check: (signal: AbortSignal | undefined) => void;
}

const INF = Number.POSITIVE_INFINITY;

export interface SparseSolution {
  /** Right node of each left node, or -1. */
  readonly leftTo: Int32Array;
  /** Dual of each left node (rc = cost - u - v). */
  readonly u: Float64Array;
  /** Dual of each right node (≤ 0, = 0 with spare capacity). */
  readonly v: Float64Array;
}

/**
 * A starting state for {@link sparseSap}: a partial assignment with duals
 * that meet the invariants (rc ≥ 0 on every edge, = 0 on the used ones; v = 0
 * on right nodes with spare capacity; loads within capacities). The arrays
 * are taken over (written to). Left nodes left at -1 that have an edge are augmented.
 */
export interface SparseStart {
  readonly leftTo: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

export function sparseSap(g: SparseGraph, progress: SparseProgress, start?: SparseStart): SparseSolution {
  const { nL, nR, adjStart, adjEnd, adjR, adjC, capR } = g;
  const u = start?.u ?? new Float64Array(nL);
  const v = start?.v ?? new Float64Array(nR);
  const leftTo = start === undefined ? new Int32Array(nL).fill(-1) : start.leftTo;
  const load = new Int32Array(nR);
  const slotStart = new Int32Array(nR + 1);
  for (let j = 0; j < nR; j++) slotStart[j + 1] = slotStart[j]! + capR[j]!;
  const slotLeft = new Int32Array(slotStart[nR]!);

  const addTo = (l: number, j: number): void => {
    slotLeft[slotStart[j]! + load[j]!] = l;
    load[j] = load[j]! + 1;
    leftTo[l] = j;
  };
  const removeFrom = (l: number, j: number): void => {
    const s0 = slotStart[j]!;
    const last = s0 + load[j]! - 1;
    for (let s = s0; s <= last; s++) {
      if (slotLeft[s] === l) {
        slotLeft[s] = slotLeft[last]!;
        break;
      }
    }
    load[j] = load[j]! - 1;
  };

  const free = new Int32Array(nL);
  let nfree = 0;
  if (start !== undefined) {
    for (let l = 0; l < nL; l++) {
      const j = leftTo[l]!;
      if (j >= 0) {
        leftTo[l] = -1;
        addTo(l, j);
      } else if (adjEnd[l]! > adjStart[l]!) free[nfree++] = l;
    }
  }
  // Initialisation: u_l = least edge cost (v = 0); take that edge when it is
  // free. Feasible and tight, so a valid start for the augmentations.
  for (let l = 0; start === undefined && l < nL; l++) {
    let best = -1;
    let bc = INF;
    for (let e = adjStart[l]!; e < adjEnd[l]!; e++) {
      const c = adjC[e]!;
      if (c < bc || (c === bc && best >= 0 && adjR[e]! < adjR[best]!)) {
        bc = c;
        best = e;
      }
    }
    if (best < 0) continue; // no edge at all: never assigned
    u[l] = bc;
    const j = adjR[best]!;
    if (load[j]! < capR[j]!) addTo(l, j);
    else free[nfree++] = l;
  }

  const distR = new Float64Array(nR).fill(INF);
  const predR = new Int32Array(nR);
  const stateR = new Uint8Array(nR); // 0 untouched, 1 in heap, 2 scanned
  const touched = new Int32Array(nR);
  const scanned = new Int32Array(nR);
  const heap = new Int32Array(nR);
  const heapPos = new Int32Array(nR);
  const visited = new Int32Array(nL);
  const distL = new Float64Array(nL);

  let nTouched = 0;
  let nScanned = 0;
  let nVisited = 0;
  let heapSize = 0;
  const less = (a: number, b: number): boolean => {
    const da = distR[a]!;
    const db = distR[b]!;
    return da < db || (da === db && a < b);
  };
  const siftUp = (pos: number): void => {
    const x = heap[pos]!;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const p = heap[parent]!;
      if (!less(x, p)) break;
      heap[pos] = p;
      heapPos[p] = pos;
      pos = parent;
    }
    heap[pos] = x;
    heapPos[x] = pos;
  };
  const siftDown = (pos: number): void => {
    const x = heap[pos]!;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= heapSize) break;
      const right = child + 1;
      if (right < heapSize && less(heap[right]!, heap[child]!)) child = right;
      const cj = heap[child]!;
      if (!less(cj, x)) break;
      heap[pos] = cj;
      heapPos[cj] = pos;
      pos = child;
    }
    heap[pos] = x;
    heapPos[x] = pos;
  };
  let bestFree = INF;
  let bestFreeRight = -1;
  const visit = (l: number, dl: number): void => {
    distL[l] = dl;
    visited[nVisited++] = l;
    const base = dl - u[l]!;
    const own = leftTo[l]!;
    for (let e = adjStart[l]!; e < adjEnd[l]!; e++) {
      const j = adjR[e]!;
      const st = stateR[j]!;
      if (st === 2 || j === own) continue;
      const nd = base + adjC[e]! - v[j]!;
      // No use queueing what cannot come before the nearest right node with room found so far.
      if (nd >= bestFree) continue;
      if (load[j]! < capR[j]!) {
        // A right node with room ends the search: it need not enter the heap, only be the nearest.
        bestFree = nd;
        bestFreeRight = j;
        predR[j] = l;
        continue;
      }
      if (st === 0) {
        stateR[j] = 1;
        touched[nTouched++] = j;
        distR[j] = nd;
        predR[j] = l;
        heap[heapSize] = j;
        heapPos[j] = heapSize++;
        siftUp(heapSize - 1);
      } else if (nd < distR[j]!) {
        distR[j] = nd;
        predR[j] = l;
        siftUp(heapPos[j]!);
      }
    }
  };

  const updateDuals = (dmax: number): void => {
    for (let k = 0; k < nVisited; k++) {
      const l = visited[k]!;
      u[l] = u[l]! + (dmax - distL[l]!);
    }
    for (let k = 0; k < nScanned; k++) {
      const j = scanned[k]!;
      v[j] = v[j]! - (dmax - distR[j]!);
    }
  };

  for (let f = 0; f < nfree; f++) {
    if ((f & 255) === 255) {
      progress.check(progress.signal);
      progress.onProgress?.(f, nfree);
    }
    const root = free[f]!;
    nTouched = 0;
    nScanned = 0;
    nVisited = 0;
    heapSize = 0;

    bestFree = INF;
    bestFreeRight = -1;
    visit(root, 0);
    let end = -1;
    let last = 0;
    // Right nodes with room never enter the heap (see `visit`): the search ends when the
    // nearest one found is no farther than everything still queued.
    while (heapSize > 0 && distR[heap[0]!]! < bestFree) {
      const j = heap[0]!;
      heapSize--;
      if (heapSize > 0) {
        heap[0] = heap[heapSize]!;
        heapPos[heap[0]!] = 0;
        siftDown(0);
      }
      stateR[j] = 2;
      last = distR[j]!;
      scanned[nScanned++] = j;
      const s0 = slotStart[j]!;
      const s1 = s0 + load[j]!;
      for (let s = s0; s < s1; s++) visit(slotLeft[s]!, last);
    }
    if (bestFreeRight >= 0) {
      end = bestFreeRight;
      last = bestFree;
    }

    if (end >= 0) {
      updateDuals(last);
      augment(end, root);
    } else {
      // No right node with spare capacity is reachable: one left node of the
      // tree stays unassigned, the one whose removal costs least.
      let best = root;
      let bestVal = 0;
      const uRoot = u[root]!;
      for (let k = 1; k < nVisited; k++) {
        const l = visited[k]!;
        const val = distL[l]! - u[l]! + uRoot;
        if (val < bestVal) {
          bestVal = val;
          best = l;
        }
      }
      if (best !== root) {
        updateDuals(last);
        const j = leftTo[best]!;
        removeFrom(best, j);
        leftTo[best] = -1;
        augment(j, root);
      }
    }
    for (let k = 0; k < nTouched; k++) {
      const j = touched[k]!;
      stateR[j] = 0;
      distR[j] = INF;
    }
  }
  progress.onProgress?.(nfree, nfree);
  return { leftTo, u, v };

  function augment(endRight: number, root: number): void {
    let j = endRight;
    for (;;) {
      const l = predR[j]!;
      const prev = leftTo[l]!;
      if (prev >= 0) removeFrom(l, prev);
      addTo(l, j);
      if (l === root) break;
      j = prev;
    }
  }
}

/**
 * The starting state when the left nodes are the places of columns, each
 * column's places one after another and sharing the column's edges
 * (`colStart[j] .. colStart[j + 1] - 1`; the transposed instance of
 * `solveSparseAssignment`), and the right nodes take one partner. A column's
 * places take its cheapest free right nodes together: with `U` the value of
 * the last one taken (never above `cost - v` of a right node taken by an
 * earlier column), every place gets `u = U` and each right node taken
 * `v = cost - U ≤ 0`, so every edge keeps rc ≥ 0 and the used ones rc = 0.
 * The invariants of {@link sparseSap} hold and far fewer places are left to
 * augment than when each place may take only its least edge (the first place
 * of a column takes it, the others would all start free).
 */
export function placesStart(
  cols: number,
  caps: Int32Array,
  colStart: Int32Array,
  tR: Int32Array,
  tC: Float64Array,
  nL: number,
  nR: number,
): SparseStart {
  const u = new Float64Array(nL);
  const v = new Float64Array(nR);
  const leftTo = new Int32Array(nL).fill(-1);
  const taken = new Uint8Array(nR);
  let maxCap = 0;
  for (let j = 0; j < cols; j++) maxCap = Math.max(maxCap, caps[j]!);
  const pickR = new Int32Array(maxCap);
  const pickC = new Float64Array(maxCap);
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const cap = caps[j]!;
    const a = colStart[j]!;
    const b = colStart[j + 1]!;
    if (cap === 0 || a === b) {
      s += cap;
      continue;
    }
    // The `cap` cheapest free right nodes (one entry per node: its cheapest edge), ascending.
    let n = 0;
    let limit = INF;
    for (let e = a; e < b; e++) {
      const r = tR[e]!;
      const t = tC[e]!;
      if (taken[r] === 1) {
        if (t - v[r]! < limit) limit = t - v[r]!;
        continue;
      }
      let q = 0;
      while (q < n && pickR[q] !== r) q++;
      if (q < n) {
        if (t >= pickC[q]!) continue;
        for (; q < n - 1; q++) {
          pickR[q] = pickR[q + 1]!;
          pickC[q] = pickC[q + 1]!;
        }
        n--;
      }
      if (n === cap && t >= pickC[n - 1]!) continue;
      q = n < cap ? n++ : n - 1;
      while (q > 0 && pickC[q - 1]! > t) {
        pickR[q] = pickR[q - 1]!;
        pickC[q] = pickC[q - 1]!;
        q--;
      }
      pickR[q] = r;
      pickC[q] = t;
    }
    const top = n > 0 ? pickC[n - 1]! : INF;
    const U = Math.min(top, limit);
    for (let k = 0; k < cap; k++) u[s + k] = U;
    for (let q = 0; q < n && pickC[q]! <= U; q++) {
      const r = pickR[q]!;
      taken[r] = 1;
      v[r] = pickC[q]! - U;
      leftTo[s + q] = r;
    }
    s += cap;
  }
  return { leftTo, u, v };
}
