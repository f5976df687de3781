/**
 * Sparse Gaussian elimination over the reals, to find which unknowns of a
 * linear system are uniquely determined (exact disclosure): an unknown is
 * determined iff the unit vector of it lies in the row space, i.e. iff some
 * row of the reduced row echelon form has it as its only entry.
 */
const EPS = 1e-9;

type Row = Map<number, number>;

/**
 * Rows are sparse coefficient maps over unknowns `0..n-1`. Returns the set of
 * determined unknowns. Stops early (returning `null`) past `maxOps` updates.
 */
export function determinedUnknowns(rows: readonly Row[], maxOps = 50_000_000): Set<number> | null {
  const r = eliminate(rows, maxOps, false);
  return r === null ? null : new Set(r.keys());
}

/**
 * As {@link determinedUnknowns}, with a certificate for each determined
 * unknown: multipliers `y` (input row index → factor) such that `Σ yᵢ·rowᵢ`
 * is the unit vector of that unknown. The same combination of the original
 * relations, applied to the published cells, is what a reader would use to
 * derive it; hiding any published cell with a non-zero net weight in it
 * breaks that derivation.
 */
export function determinedWithCertificates(
  rows: readonly Row[],
  maxOps = 100_000_000,
): Map<number, Map<number, number>> | null {
  return eliminate(rows, maxOps, true);
}

function eliminate(
  rows: readonly Row[],
  maxOps: number,
  track: boolean,
): Map<number, Map<number, number>> | null {
  const pivotRow = new Map<number, Row>(); // pivot column → reduced row
  const pivotOrigin = new Map<number, Row>(); // pivot column → its combination of input rows
  const colRows = new Map<number, Set<number>>(); // column → pivot columns whose rows contain it
  let ops = 0;
  const index = (pivot: number, row: Row) => {
    for (const c of row.keys()) {
      let s = colRows.get(c);
      if (!s) {
        s = new Set();
        colRows.set(c, s);
      }
      s.add(pivot);
    }
  };
  const unindex = (pivot: number, col: number) => colRows.get(col)?.delete(pivot);
  // r := r − factor · p
  const axpy = (r: Row, p: Row, factor: number, owner: number | null) => {
    for (const [c, v] of p) {
      const nv = (r.get(c) ?? 0) - factor * v;
      ops++;
      if (Math.abs(nv) < EPS) {
        r.delete(c);
        if (owner !== null) unindex(owner, c);
      } else {
        if (owner !== null && !r.has(c)) {
          let s = colRows.get(c);
          if (!s) {
            s = new Set();
            colRows.set(c, s);
          }
          s.add(owner);
        }
        r.set(c, nv);
      }
    }
  };
  // The same update on the combinations of input rows (not indexed by column).
  const axpyOrigin = (r: Row | undefined, p: Row | undefined, factor: number) => {
    if (!r || !p) return;
    for (const [i, v] of p) {
      const nv = (r.get(i) ?? 0) - factor * v;
      ops++;
      if (Math.abs(nv) < EPS) r.delete(i);
      else r.set(i, nv);
    }
  };
  for (let i = 0; i < rows.length; i++) {
    const r: Row = new Map(rows[i]);
    const origin: Row | undefined = track ? new Map([[i, 1]]) : undefined;
    // Eliminate existing pivots from the new row.
    for (const c of [...r.keys()]) {
      const v = r.get(c);
      const p = pivotRow.get(c);
      if (v !== undefined && p) {
        axpy(r, p, v, null);
        axpyOrigin(origin, pivotOrigin.get(c), v);
      }
    }
    // Pivots may have been introduced by axpy; repeat until clean.
    let dirty = true;
    while (dirty) {
      dirty = false;
      for (const [c, v] of r) {
        const p = pivotRow.get(c);
        if (p) {
          axpy(r, p, v, null);
          axpyOrigin(origin, pivotOrigin.get(c), v);
          dirty = true;
          break;
        }
      }
    }
    if (r.size === 0) continue;
    if (ops > maxOps) return null;
    // Pivot on the column with the largest magnitude for stability.
    let pc = -1;
    let best = 0;
    for (const [c, v] of r) {
      if (Math.abs(v) > best) {
        best = Math.abs(v);
        pc = c;
      }
    }
    const pv = r.get(pc)!;
    for (const [c, v] of r) r.set(c, v / pv);
    if (origin) for (const [j, v] of origin) origin.set(j, v / pv);
    // Eliminate the new pivot column from existing rows.
    const holders = colRows.get(pc);
    if (holders) {
      for (const other of [...holders]) {
        const o = pivotRow.get(other)!;
        const f = o.get(pc);
        if (f !== undefined) {
          axpy(o, r, f, other);
          axpyOrigin(pivotOrigin.get(other), origin, f);
        }
      }
    }
    pivotRow.set(pc, r);
    if (origin) pivotOrigin.set(pc, origin);
    index(pc, r);
  }
  const out = new Map<number, Map<number, number>>();
  for (const [c, r] of pivotRow) if (r.size === 1) out.set(c, pivotOrigin.get(c) ?? new Map());
  return out;
}
