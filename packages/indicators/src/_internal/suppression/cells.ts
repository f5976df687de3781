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
  governs: number[] | undefined;
}

export interface Relation {
  readonly total: number;
  readonly parts: readonly { readonly cell: number; readonly coefficient: number }[];
}

/** The cells by (organization, name), in the order they are first met, with the hiding rules. */
export class CellTable {
  readonly cells: Cell[] = [];
  /** organization → name → cell (two levels: no key strings built per lookup). */
  private readonly index = new Map<string, Map<string, number>>();
  /** Told of every cell hidden (the protection keeps its counts up to date). */
  onHide: ((i: number) => void) | undefined;
  constructor(private readonly sensitive: (v: number) => boolean) {}

  /** The cell of (org, name), created on first sight; a small count is hidden as primary. */
  cellFor(org: string, name: string, value: number, measure: boolean, virtual = false): number {
    let byName = this.index.get(org);
    if (byName === undefined) {
      byName = new Map();
      this.index.set(org, byName);
    }
    const existing = byName.get(name);
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
      governs: undefined,
    });
    byName.set(name, i);
    return i;
  }

  lookup(org: string, name: string): number | undefined {
    return this.index.get(org)?.get(name);
  }

  /** A hidden cell a reader must not be able to derive (published ones, and small own parts). */
  isProtected(i: number): boolean {
    const c = this.cells[i]!;
    return c.hidden && (!c.virtual || c.primary);
  }

  /** Hide measure cell `m` whenever count cell `i` is hidden. */
  govern(i: number, m: number): void {
    const c = this.cells[i]!;
    if (c.governs === undefined) c.governs = [m];
    else if (!c.governs.includes(m)) c.governs.push(m);
  }

  /** Hide a cell and the measures it governs (a sum of scores goes with its count). */
  hide(i: number): void {
    const c = this.cells[i]!;
    if (c.hidden || c.frozen) return;
    c.hidden = true;
    this.onHide?.(i);
    for (const m of c.governs ?? []) this.hide(m);
  }

  /** Prefer non-zero cells, then the smallest. */
  rank(i: number): number {
    const v = this.cells[i]!.value;
    return v === 0 ? Number.POSITIVE_INFINITY : Math.abs(v);
  }

  /** Hide the best-ranked published member of a relation; false when none can be hidden. */
  hideSmallestPublished(r: Relation): boolean {
    let best = -1;
    const consider = (m: number) => {
      if (this.cells[m]!.hidden || this.cells[m]!.frozen) return;
      if (best === -1 || this.rank(m) < this.rank(best)) best = m;
    };
    consider(r.total);
    for (const p of r.parts) consider(p.cell);
    if (best === -1) return false;
    this.hide(best);
    return true;
  }
}
