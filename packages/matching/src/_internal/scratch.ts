/**
 * The dense solver's work matrix, reused from one call to the next.
 *
 * A maximisation is solved on the negated matrix (and costs not given as a
 * Float64Array on a Float64Array copy), so those calls need a `rows * cols`
 * copy; a tall matrix is not copied (the solver reads it through strides).
 * Allocating the copy fresh on every call costs more than the copy itself:
 * the pages of a new buffer are faulted in one by one (measured here: 25–35
 * ms for 8 MiB, against 1.4 ms to write into a buffer already touched). A
 * Python process does not pay this twice because malloc reuses freed heap;
 * we keep the buffer ourselves.
 *
 * The buffer is held through a `WeakRef`, so the garbage collector may take it
 * back when memory is short, and only up to {@link MAX_KEPT_CELLS} cells
 * (64 MiB); larger matrices get a buffer of their own. A call made while the
 * buffer is lent (from an `onProgress` callback) gets its own buffer too.
 */

/** The largest work matrix kept between calls: 8 Mi cells, 64 MiB. */
export const MAX_KEPT_CELLS = 1 << 23;

let kept: WeakRef<Float64Array> | undefined;
let lent = false;

/**
 * Run `use` with a work matrix of exactly `cells` cells (its contents are
 * arbitrary: `use` must write every cell before reading it).
 */
export function withScratch<T>(cells: number, use: (work: Float64Array) => T): T {
  if (lent || cells > MAX_KEPT_CELLS) return use(new Float64Array(cells));
  let buf = kept?.deref();
  if (buf === undefined || buf.length < cells) {
    buf = new Float64Array(cells);
    kept = new WeakRef(buf);
  }
  lent = true;
  try {
    return use(buf.length === cells ? buf : buf.subarray(0, cells));
  } finally {
    lent = false;
  }
}
