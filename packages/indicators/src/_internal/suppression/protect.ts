/**
 * Complementary suppression: the per-relation rule to a fixpoint, then the
 * exact check of the system of relations, one connected block of hidden
 * cells at a time.
 *
 * Near-linear in the number of cells: the per-relation rule keeps a count of
 * hidden members per relation and revisits only the relations of a cell just
 * hidden (a worklist, not passes over every relation); the exact check solves
 * each block of hidden cells linked by relations on its own (blocks are
 * independent systems), and in later rounds only the blocks that gained a
 * hidden cell.
 */
import { determinedUnknowns, determinedWithCertificates } from '../linear';
import type { CellTable, Relation } from './cells';

export class Protection {
  /** Cell → the relations it is a member of (once per occurrence). */
  private readonly byCell: number[][];
  /** Relation → how many of its members (occurrences) are hidden. */
  private readonly hiddenCount: Int32Array;
  private queue: number[] = [];
  /** Cells hidden since the last round of the exact check. */
  private fresh: number[] = [];

  constructor(
    private readonly table: CellTable,
    private readonly relations: readonly Relation[],
  ) {
    const cells = table.cells;
    this.byCell = Array.from({ length: cells.length }, () => []);
    this.hiddenCount = new Int32Array(relations.length);
    relations.forEach((r, i) => {
      const add = (m: number) => {
        this.byCell[m]!.push(i);
        if (cells[m]!.hidden) this.hiddenCount[i]!++;
      };
      add(r.total);
      for (const p of r.parts) add(p.cell);
      if (this.hiddenCount[i] === 1) this.queue.push(i);
    });
    table.onHide = (c) => {
      this.fresh.push(c);
      for (const r of this.byCell[c] ?? []) {
        this.hiddenCount[r]!++;
        if (this.hiddenCount[r] === 1) this.queue.push(r);
      }
    };
  }

  /** No relation may have exactly one hidden protected cell: hide another one until none does. */
  fixpoint(): void {
    const cells = this.table.cells;
    while (this.queue.length > 0) {
      const i = this.queue.pop()!;
      if (this.hiddenCount[i] !== 1) continue;
      const r = this.relations[i]!;
      let hidden = cells[r.total]!.hidden ? r.total : -1;
      if (hidden === -1) for (const p of r.parts) if (cells[p.cell]!.hidden) hidden = p.cell;
      if (this.table.isProtected(hidden)) this.table.hideSmallestPublished(r);
    }
  }

  /**
   * Exact check; hide more while anything is solvable. A determined cell may
   * have no published neighbour in its own relations (all of them hidden
   * already) and still be derived through a chain of other relations, so the
   * cell hidden next is taken from the derivation itself: the combination of
   * relations that pins the cell down (its certificate). Every round hides at
   * least one published cell or stops.
   */
  exactCheck(): void {
    const cells = this.table.cells;
    let dirty: Set<number> | null = null; // null: every block (first round)
    for (let round = 0; round <= cells.length; round++) {
      this.fresh = [];
      const blocks = this.blocks(dirty);
      let progressed = false;
      for (const block of blocks) if (this.solveBlock(block)) progressed = true;
      this.fixpoint();
      if (!progressed || this.fresh.length === 0) break;
      dirty = new Set(this.fresh);
    }
  }

  /**
   * Relations with a hidden member, grouped by block of hidden cells they
   * link, found by a walk from the given cells (every hidden cell in the
   * first round, then the cells hidden since): the cost is that of the
   * blocks walked, not of the whole system.
   */
  private blocks(dirty: ReadonlySet<number> | null): number[][] {
    const cells = this.table.cells;
    const seeds: Iterable<number> =
      dirty ??
      (function* () {
        for (let i = 0; i < cells.length; i++) if (cells[i]!.hidden) yield i;
      })();
    const visited = new Set<number>();
    const taken = new Set<number>();
    const out: number[][] = [];
    for (const seed of seeds) {
      if (visited.has(seed) || !cells[seed]!.hidden) continue;
      const block: number[] = [];
      const stack = [seed];
      visited.add(seed);
      while (stack.length > 0) {
        const c = stack.pop()!;
        for (const i of this.byCell[c] ?? []) {
          if (taken.has(i)) continue;
          taken.add(i);
          block.push(i);
          const r = this.relations[i]!;
          const visit = (m: number) => {
            if (cells[m]!.hidden && !visited.has(m)) {
              visited.add(m);
              stack.push(m);
            }
          };
          visit(r.total);
          for (const p of r.parts) visit(p.cell);
        }
      }
      if (block.length > 0) out.push(block.sort((a, b) => a - b));
    }
    return out;
  }

  /** The exact check of one block; true when a cell was hidden. */
  private solveBlock(block: readonly number[]): boolean {
    const table = this.table;
    const cells = table.cells;
    const unknown = new Map<number, number>();
    const rows: Map<number, number>[] = [];
    for (const i of block) {
      const r = this.relations[i]!;
      const row = new Map<number, number>();
      const add = (cell: number, coef: number) => {
        if (!cells[cell]!.hidden) return;
        let u = unknown.get(cell);
        if (u === undefined) {
          u = unknown.size;
          unknown.set(cell, u);
        }
        row.set(u, (row.get(u) ?? 0) + coef);
      };
      add(r.total, -1);
      for (const p of r.parts) add(p.cell, p.coefficient);
      rows.push(row);
    }
    const cellOfUnknown: number[] = [];
    for (const [c, u] of unknown) cellOfUnknown[u] = c;
    const certificates = determinedWithCertificates(rows);
    const determined = certificates === null ? determinedUnknowns(rows) : new Set(certificates.keys());
    if (determined === null) return false; // too large to check exactly: the per-relation rule stands
    const exposed = [...determined].map((u) => cellOfUnknown[u]!).filter((c) => table.isProtected(c));
    let progressed = false;
    for (const c of exposed) {
      const certificate = certificates?.get(unknown.get(c)!);
      if (certificate === undefined) {
        // No certificate (too large): fall back to the cell's own relations.
        for (const i of this.byCell[c] ?? []) {
          if (table.hideSmallestPublished(this.relations[i]!)) {
            progressed = true;
            break;
          }
        }
        continue;
      }
      // Net weight of each published cell in the derivation Σ yᵢ·relationᵢ.
      const weight = new Map<number, number>();
      for (const [row, y] of certificate) {
        const r = this.relations[block[row]!]!;
        const put = (cell: number, coef: number) => {
          // Cells published when the rows were built (some may be hidden since, in this round).
          if (!unknown.has(cell)) weight.set(cell, (weight.get(cell) ?? 0) + y * coef);
        };
        put(r.total, -1);
        for (const p of r.parts) put(p.cell, p.coefficient);
      }
      let best = -1;
      let broken = false;
      for (const [cell, w] of weight) {
        if (Math.abs(w) < 1e-9) continue;
        // Hidden earlier in this round: this derivation is broken already.
        if (cells[cell]!.hidden) {
          broken = true;
          break;
        }
        if (cells[cell]!.frozen) continue; // published in an earlier release: out already
        if (best === -1 || table.rank(cell) < table.rank(best)) best = cell;
      }
      // best === −1: pinned by the relations and earlier releases alone, nothing left to hide
      if (broken || best === -1) continue;
      table.hide(best);
      progressed = true;
    }
    return progressed;
  }
}
