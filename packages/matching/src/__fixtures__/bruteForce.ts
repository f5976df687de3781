/**
 * Reference optimum for tests: DP over subsets of used column slots.
 * Lexicographic: most pairs first, then the least total cost.
 * `caps[j]` copies of column j (default 1). Forbidden = +Infinity.
 */
export function bruteForceAssignment(
  costs: ArrayLike<number>,
  rows: number,
  cols: number,
  caps?: ArrayLike<number>,
): { count: number; total: number } {
  const slotCol: number[] = [];
  for (let j = 0; j < cols; j++) {
    const k = caps ? caps[j]! : 1;
    for (let s = 0; s < k; s++) slotCol.push(j);
  }
  const S = slotCol.length;
  const size = 1 << S;
  let cnt = new Int32Array(size).fill(-1);
  let cost = new Float64Array(size);
  cnt[0] = 0;
  for (let i = 0; i < rows; i++) {
    const nc = Int32Array.from(cnt);
    const ncost = Float64Array.from(cost);
    for (let mask = 0; mask < size; mask++) {
      if (cnt[mask]! < 0) continue;
      for (let s = 0; s < S; s++) {
        if (mask & (1 << s)) continue;
        // identical slots are used in order, to keep the state space small
        if (s > 0 && slotCol[s - 1] === slotCol[s] && !(mask & (1 << (s - 1)))) continue;
        const c = costs[i * cols + slotCol[s]!]!;
        if (c === Number.POSITIVE_INFINITY) continue;
        const to = mask | (1 << s);
        const k = cnt[mask]! + 1;
        const t = cost[mask]! + c;
        if (k > nc[to]! || (k === nc[to]! && t < ncost[to]!)) {
          nc[to] = k;
          ncost[to] = t;
        }
      }
    }
    cnt = nc;
    cost = ncost;
  }
  let bestK = 0;
  let bestT = 0;
  for (let mask = 0; mask < size; mask++) {
    const k = cnt[mask]!;
    if (k < 0) continue;
    if (k > bestK || (k === bestK && cost[mask]! < bestT)) {
      bestK = k;
      bestT = cost[mask]!;
    }
  }
  return { count: bestK, total: bestT };
}
