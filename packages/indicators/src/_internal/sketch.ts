/**
 * Exact mergeable sketches for medians: a histogram of small integer scores
 * and a count map of integer values (days). Merging adds counts, so the
 * median of a union is computed from the union's values, never as a median
 * of medians.
 */

/** Add `from` into `into` (count maps of integer values). */
export function mergeCounts(into: Map<number, number>, from: ReadonlyMap<number, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/** Total count of a count map. */
export function countTotal(counts: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

/**
 * The median of the values a count map describes: the middle value, or the
 * mean of the two middle values for an even count (as SQL `median`). `null`
 * when empty.
 */
export function medianOfCounts(counts: ReadonlyMap<number, number>): number | null {
  const n = countTotal(counts);
  if (n === 0) return null;
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return medianOfSorted(keys, (k) => counts.get(k) ?? 0, n);
}

/** The median of a histogram indexed by value (index = score). */
export function medianOfHistogram(hist: ArrayLike<number>): number | null {
  let n = 0;
  const keys: number[] = [];
  for (let i = 0; i < hist.length; i++) {
    const c = hist[i] ?? 0;
    if (c > 0) {
      n += c;
      keys.push(i);
    }
  }
  if (n === 0) return null;
  return medianOfSorted(keys, (k) => hist[k] ?? 0, n);
}

function medianOfSorted(keys: readonly number[], countOf: (k: number) => number, n: number): number {
  // 0-based ranks of the middle element(s).
  const lo = Math.floor((n - 1) / 2);
  const hi = Math.floor(n / 2);
  let seen = 0;
  let loValue = Number.NaN;
  for (const k of keys) {
    const c = countOf(k);
    if (Number.isNaN(loValue) && seen + c > lo) loValue = k;
    if (seen + c > hi) return (loValue + k) / 2;
    seen += c;
  }
  return loValue;
}
