/**
 * The cells suppression works on — one published count (or sum) per
 * organization and name — and the linear relations between them that a
 * reader knows.
 */

export interface Cell {
  readonly org: string;
  readonly name: string;
  value: number;
  hidden: boolean;
  primary: boolean;
  /** Not published at all (an organization's own part of a total); unknown to readers. */
  readonly virtual: boolean;
  readonly measure: boolean;
  /** Out already (an earlier release): its state is what readers saw and cannot change. */
  frozen: boolean;
  /** Measures hidden together with this count. */
  readonly governs: Set<number>;
}

export interface Relation {
  readonly total: number;
  readonly parts: readonly { readonly cell: number; readonly coefficient: number }[];
}

const keyOf = (org: string, name: string) => `${org}\u0000${name}`;

/** The cells by (organization, name), in the order they are first met, with the hiding rules. */
export class CellTable {
  readonly cells: Cell[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly sensitive: (v: number) => boolean) {}

  /** The cell of (org, name), created on first sight; a small count is hidden as primary. */
  cellFor(org: string, name: string, value: number, measure: boolean, virtual = false): number {
    const key = keyOf(org, name);
    const existing = this.index.get(key);
    if (existing !== undefined) return existing;
    const i = this.cells.length;
    const primary = !measure && this.sensitive(value);
    this.cells.push({
      org,
      name,
      value,
      hidden: primary || virtual,
      primary,
      virtual,
      measure,
      frozen: false,
      governs: new Set(),
    });
    this.index.set(key, i);
    return i;
  }

  lookup(org: string, name: string): number | undefined {
    return this.index.get(keyOf(org, name));
  }

  /** A hidden cell a reader must not be able to derive (published ones, and small own parts). */
  isProtected(i: number): boolean {
    const c = this.cells[i]!;
    return c.hidden && (!c.virtual || c.primary);
  }

  /** Hide a cell and the measures it governs (a sum of scores goes with its count). */
  hide(i: number): void {
    const c = this.cells[i]!;
    if (c.hidden || c.frozen) return;
    c.hidden = true;
    for (const m of c.governs) this.hide(m);
  }

  /** Prefer non-zero cells, then the smallest. */
  rank(i: number): number {
    const v = this.cells[i]!.value;
    return v === 0 ? Number.POSITIVE_INFINITY : Math.abs(v);
  }

  /** Hide the best-ranked published member of a relation; false when none can be hidden. */
  hideSmallestPublished(r: Relation): boolean {
    let best = -1;
    for (const m of members(r)) {
      if (this.cells[m]!.hidden || this.cells[m]!.frozen) continue;
      if (best === -1 || this.rank(m) < this.rank(best)) best = m;
    }
    if (best === -1) return false;
    this.hide(best);
    return true;
  }
}

export const members = (r: Relation): number[] => [r.total, ...r.parts.map((p) => p.cell)];
