/**
 * The sparse solver's transposed edge lists (column → rows and their costs),
 * reused from one call to the next, as `scratch.ts` keeps the dense solver's
 * work matrix: a region's million edges are 12 MiB, and a fresh buffer of that
 * size costs more in page faults than the whole fill (measured here: 35–65 ms
 * of CPU time for 12 MiB, against 2–8 ms to write into buffers already
 * touched). `rematchSparse` solves the same instance several times.
 *
 * Held through `WeakRef`s (the collector may take them back), only up to
 * {@link MAX_KEPT_EDGES} edges; larger instances, and a call made while the
 * buffers are lent (from an `onProgress` callback), get buffers of their own.
 */

/** The most edges whose buffers are kept between calls: 4 Mi (16 + 32 MiB). */
export const MAX_KEPT_EDGES = 1 << 22;

let keptRows: WeakRef<Int32Array> | undefined;
let keptCosts: WeakRef<Float64Array> | undefined;
let lent = false;

/** Run `use` with two buffers of exactly `edges` cells each (contents arbitrary: write before reading). */
export function withEdgeScratch<T>(edges: number, use: (rows: Int32Array, costs: Float64Array) => T): T {
  if (lent || edges > MAX_KEPT_EDGES) return use(new Int32Array(edges), new Float64Array(edges));
  let rows = keptRows?.deref();
  let costs = keptCosts?.deref();
  if (rows === undefined || rows.length < edges) {
    rows = new Int32Array(edges);
    keptRows = new WeakRef(rows);
  }
  if (costs === undefined || costs.length < edges) {
    costs = new Float64Array(edges);
    keptCosts = new WeakRef(costs);
  }
  lent = true;
  try {
    return use(rows.subarray(0, edges), costs.subarray(0, edges));
  } finally {
    lent = false;
  }
}
