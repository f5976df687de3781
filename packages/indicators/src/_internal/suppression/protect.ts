/**
 * Complementary suppression: the per-relation rule to a fixpoint, then the
 * exact check of the whole system of relations.
 */
import { determinedUnknowns, determinedWithCertificates } from '../linear';
import { type CellTable, members, type Relation } from './cells';

/** No relation may have exactly one hidden protected cell: hide another one until none does. */
export function relationFixpoint(table: CellTable, relations: readonly Relation[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      const hiddenMembers = members(r).filter((m) => table.cells[m]!.hidden);
      if (hiddenMembers.length === 1 && table.isProtected(hiddenMembers[0]!)) {
        if (table.hideSmallestPublished(r)) changed = true;
      }
    }
  }
}

/**
 * Exact check on the whole system; hide more while anything is solvable.
 * A determined cell may have no published neighbour in its own relations
 * (all of them hidden already) and still be derived through a chain of other
 * relations, so the cell hidden next is taken from the derivation itself:
 * the combination of relations that pins the cell down (its certificate).
 * Every round hides at least one published cell or stops, so the loop ends
 * within `published` rounds.
 */
export function exactCheck(table: CellTable, relations: readonly Relation[], published: number): void {
  const cells = table.cells;
  const byCell = new Map<number, Relation[]>();
  for (const r of relations) {
    for (const m of members(r)) {
      const list = byCell.get(m);
      if (list) list.push(r);
      else byCell.set(m, [r]);
    }
  }
  for (let round = 0; round <= published; round++) {
    const unknown = new Map<number, number>();
    const rows: Map<number, number>[] = [];
    const rowRelation: Relation[] = [];
    for (const r of relations) {
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
      if (row.size > 0) {
        rows.push(row);
        rowRelation.push(r);
      }
    }
    const determined = determinedUnknowns(rows);
    if (determined === null) break; // too large to check exactly: the per-relation rule stands
    const cellOfUnknown = new Map([...unknown].map(([c, u]) => [u, c]));
    const exposed = [...determined].map((u) => cellOfUnknown.get(u)!).filter((c) => table.isProtected(c));
    if (exposed.length === 0) break;
    const certificates = determinedWithCertificates(rows);
    let progressed = false;
    for (const c of exposed) {
      const certificate = certificates?.get(unknown.get(c)!);
      if (certificate === undefined) {
        // No certificate (too large): fall back to the cell's own relations.
        for (const r of byCell.get(c) ?? []) {
          if (table.hideSmallestPublished(r)) {
            progressed = true;
            break;
          }
        }
        continue;
      }
      // Net weight of each published cell in the derivation Σ yᵢ·relationᵢ.
      const weight = new Map<number, number>();
      for (const [i, y] of certificate) {
        const r = rowRelation[i]!;
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
    if (!progressed) break;
    relationFixpoint(table, relations);
  }
}
