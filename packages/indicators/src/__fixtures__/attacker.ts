import type { IndicatorDefinition, IndicatorValue, PublishedValue } from '@nastavnik/indicators';

/**
 * An independent attacker for publications in a series: exact rational
 * elimination over everything published (several tables, several releases),
 * with the change of each cell between two releases as an unknown of its own.
 */
type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  const s = d < 0n ? -1n : 1n;
  return { n: (s * n) / g, d: (s * d) / g };
};
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);

/** Unknowns that the linear system pins down (sparse exact rational reduced row echelon form). */
export function solvable(rows: Map<string, number>[]): Set<string> {
  const pivots = new Map<string, Map<string, Q>>(); // pivot column → its row, reduced
  for (const input of rows) {
    const r = new Map<string, Q>();
    for (const [v, c] of input) if (c !== 0) r.set(v, q(BigInt(c)));
    // Pivot rows hold no other pivot column: one pass reduces the new row.
    for (const c of [...r.keys()]) {
      const p = pivots.get(c);
      const f = r.get(c);
      if (!p || !f) continue;
      for (const [v, x] of p) {
        const nv = sub(r.get(v) ?? q(0n), mul(f, x));
        if (nv.n === 0n) r.delete(v);
        else r.set(v, nv);
      }
    }
    const first = r.keys().next();
    if (first.done) continue;
    const pc = first.value;
    const pv = r.get(pc)!;
    for (const [v, x] of r) r.set(v, div(x, pv));
    for (const other of pivots.values()) {
      const f = other.get(pc);
      if (!f) continue;
      for (const [v, x] of r) {
        const nv = sub(other.get(v) ?? q(0n), mul(f, x));
        if (nv.n === 0n) other.delete(v);
        else other.set(v, nv);
      }
    }
    pivots.set(pc, r);
  }
  const out = new Set<string>();
  for (const [c, r] of pivots) if (r.size === 1) out.add(c);
  return out;
}

/** One release as a reader holds it: every table published from it, and (for the verdict only) the true values. */
export interface AttackedRelease {
  readonly published: readonly PublishedValue[];
  readonly raw: readonly IndicatorValue[];
}

export interface Disclosure {
  /** Hidden cells a reader solves for: `release|org|cell`. */
  readonly solved: string[];
  /** Changes between two releases from 1 to threshold − 1 that a reader knows: `a>b|org|cell = change`. */
  readonly smallChanges: string[];
}

const trueValues = (raw: readonly IndicatorValue[]) => {
  const out = new Map<string, number>();
  for (const v of raw) {
    if (v.cells?.numerator !== undefined && v.numerator !== null)
      out.set(`${v.organizationId}|${v.cells.numerator}`, v.numerator);
    if (v.cells?.denominator !== undefined && v.denominator !== null)
      out.set(`${v.organizationId}|${v.cells.denominator}`, v.denominator);
  }
  return out;
};

/**
 * What a reader can derive from all releases together. The organization tree
 * is public; a parent's cell is the sum of its children's only where all its
 * children are published in that release (records only in leaves, as in
 * `randomRegion`).
 */
export function attackSeries(
  releases: readonly AttackedRelease[],
  definitions: readonly IndicatorDefinition[],
  threshold: number,
): Disclosure {
  const rows: Map<string, number>[] = [];
  const known = new Map<string, number>();
  const hidden = new Set<string>();
  const cellsOfRelease: Map<string, Set<string>>[] = [];
  releases.forEach((release, k) => {
    const cellsOf = new Map<string, Set<string>>(); // org → names
    const childrenOf = new Map<string, Set<string>>();
    for (const v of release.raw) {
      if (v.parentId === undefined) continue;
      const s = childrenOf.get(v.parentId) ?? new Set();
      s.add(v.organizationId);
      childrenOf.set(v.parentId, s);
    }
    const put = (org: string, name: string | undefined, v: number | null | 'suppressed') => {
      if (name === undefined || v === null) return;
      const key = `${k}|${org}|${name}`;
      if (v === 'suppressed') hidden.add(key);
      else known.set(key, v);
      const s = cellsOf.get(org) ?? new Set();
      s.add(name);
      cellsOf.set(org, s);
    };
    for (const v of release.published) {
      put(v.organizationId, v.cells?.numerator, v.numerator);
      put(v.organizationId, v.cells?.denominator, v.denominator);
    }
    cellsOfRelease.push(cellsOf);
    const relation = (terms: [string, number][]) => {
      const row = new Map<string, number>();
      for (const [cell, coef] of terms) {
        if (known.has(cell)) continue;
        row.set(cell, (row.get(cell) ?? 0) + coef);
      }
      for (const [c, x] of row) if (x === 0) row.delete(c);
      if (row.size > 0) rows.push(row);
    };
    for (const [org, names] of cellsOf) {
      const kids = [...(childrenOf.get(org) ?? [])];
      if (kids.length > 0 && kids.every((kid) => cellsOf.has(kid))) {
        for (const name of names) {
          relation([
            [`${k}|${org}|${name}`, -1],
            ...kids
              .filter((kid) => cellsOf.get(kid)?.has(name))
              .map((kid): [string, number] => [`${k}|${kid}|${name}`, 1]),
          ]);
        }
      }
      for (const def of definitions) {
        for (const rel of def.relations ?? []) {
          relation([
            [`${k}|${org}|${rel.total}`, -1],
            ...rel.parts.map((p): [string, number] =>
              typeof p === 'string' ? [`${k}|${org}|${p}`, 1] : [`${k}|${org}|${p.cell}`, p.coefficient],
            ),
          ]);
        }
        if (def.breakdown?.sumsToDenominator) {
          const rowsOf = release.published.filter(
            (v) => v.indicatorId === def.id && v.organizationId === org,
          );
          const den = rowsOf[0]?.cells?.denominator;
          if (den)
            relation([
              [`${k}|${org}|${den}`, -1],
              ...[...new Set(rowsOf.map((v) => v.cells!.numerator!))].map((n): [string, number] => [
                `${k}|${org}|${n}`,
                1,
              ]),
            ]);
        }
      }
    }
  });
  // Changes between releases: Δ = later − earlier, an unknown unless both sides are published.
  const smallChanges: string[] = [];
  const changeOf = new Map<string, number>();
  const truth = releases.map((r) => trueValues(r.raw));
  // A sum of scores is not a count of persons: its change is not a small cell.
  const measures = new Set(
    releases.flatMap((r) => r.raw.filter((v) => v.cells?.numeratorIsMeasure).map((v) => v.cells!.numerator!)),
  );
  for (let b = 0; b < releases.length; b++) {
    for (let a = 0; a < b; a++) {
      for (const [org, names] of cellsOfRelease[b]!) {
        for (const name of names) {
          if (!cellsOfRelease[a]!.get(org)?.has(name) || measures.has(name)) continue;
          const ka = `${a}|${org}|${name}`;
          const kb = `${b}|${org}|${name}`;
          const change = (truth[b]!.get(`${org}|${name}`) ?? 0) - (truth[a]!.get(`${org}|${name}`) ?? 0);
          const d = `${a}>${b}|${org}|${name}`;
          changeOf.set(d, change);
          if (known.has(ka) && known.has(kb)) {
            if (Math.abs(change) > 0 && Math.abs(change) < threshold) smallChanges.push(`${d} = ${change}`);
            continue;
          }
          const row = new Map<string, number>([[d, 1]]);
          if (!known.has(kb)) row.set(kb, -1);
          if (!known.has(ka)) row.set(ka, 1);
          rows.push(row);
        }
      }
    }
  }
  const out = solvable(rows);
  const solved = [...out].filter((c) => hidden.has(c));
  for (const c of out) {
    const change = changeOf.get(c);
    if (change !== undefined && Math.abs(change) > 0 && Math.abs(change) < threshold)
      smallChanges.push(`${c} = ${change}`);
  }
  return { solved, smallChanges };
}
