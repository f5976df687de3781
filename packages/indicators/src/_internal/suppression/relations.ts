/**
 * Building the cells of published values and the relations readers know:
 * the definitions' own relations, breakdowns summing to their total, and
 * children summing to their parent.
 */
import type { IndicatorValue } from '../../compute';
import type { CellRelation, IndicatorDefinition } from '../../definitions';
import type { CellTable, Relation } from './cells';

/** The numerator and denominator cells of each value, in the order of the values. */
export interface ValueCells {
  readonly num: number | null;
  readonly den: number | null;
}

/** Cells of the values; breakdowns that sum to their total; the tree (child → parent). */
export function collectCells(
  table: CellTable,
  values: readonly IndicatorValue[],
  definitions: ReadonlyMap<string, IndicatorDefinition>,
): { valueCells: ValueCells[]; parentOf: Map<string, string>; breakdowns: Relation[] } {
  const valueCells: ValueCells[] = [];
  const parentOf = new Map<string, string>();
  // indicator → org → { denominator cell, numerator cells } of breakdowns that sum to their total
  const byIndicator = new Map<string, Map<string, { den: number; parts: number[] }>>();
  for (const v of values) {
    if (v.parentId !== undefined) parentOf.set(v.organizationId, v.parentId);
    const names = v.cells;
    let den: number | null = null;
    let num: number | null = null;
    if (names?.denominator !== undefined && v.denominator !== null) {
      den = table.cellFor(v.organizationId, names.denominator, v.denominator, false);
    }
    if (names?.numerator !== undefined && v.numerator !== null) {
      num = table.cellFor(v.organizationId, names.numerator, v.numerator, names.numeratorIsMeasure === true);
      if (names.numeratorIsMeasure === true && den !== null) table.govern(den, num);
    }
    valueCells.push({ num, den });
    const def = definitions.get(v.indicatorId);
    if (def?.breakdown?.sumsToDenominator && v.breakdown && num !== null && den !== null) {
      let byOrg = byIndicator.get(v.indicatorId);
      if (!byOrg) {
        byOrg = new Map();
        byIndicator.set(v.indicatorId, byOrg);
      }
      const entry = byOrg.get(v.organizationId) ?? { den, parts: [] };
      entry.parts.push(num);
      byOrg.set(v.organizationId, entry);
    }
  }
  const breakdowns: Relation[] = [];
  for (const byOrg of byIndicator.values()) {
    for (const { den, parts } of byOrg.values()) {
      breakdowns.push({ total: den, parts: [...new Set(parts)].map((cell) => ({ cell, coefficient: 1 })) });
    }
  }
  return { valueCells, parentOf, breakdowns };
}

/** The definitions' relations in every organization; cells not among the values are virtual (unknown). */
export function definitionRelations(
  table: CellTable,
  definitions: ReadonlyMap<string, IndicatorDefinition>,
): Relation[] {
  const relations: Relation[] = [];
  const orgs = new Set(table.cells.map((c) => c.org));
  const defs = [...definitions.values()];
  for (const org of orgs) {
    for (const def of defs) {
      for (const rel of def.relations ?? ([] as readonly CellRelation[])) {
        const total = table.lookup(org, rel.total);
        const parts = rel.parts.map((p) =>
          typeof p === 'string' ? { name: p, coefficient: 1 } : { name: p.cell, coefficient: p.coefficient },
        );
        const resolved = parts.map((p) => ({ cell: table.lookup(org, p.name), coefficient: p.coefficient }));
        if (total === undefined && resolved.every((p) => p.cell === undefined)) continue;
        const totalCell = total ?? table.cellFor(org, rel.total, Number.NaN, true, true);
        relations.push({
          total: totalCell,
          parts: resolved.map((p, i) => ({
            cell: p.cell ?? table.cellFor(org, parts[i]!.name, Number.NaN, true, true),
            coefficient: p.coefficient,
          })),
        });
      }
    }
  }
  return relations;
}

/** Parent = Σ children + the parent's own part (a virtual cell when not zero). */
export function hierarchyRelations(
  table: CellTable,
  parentOf: ReadonlyMap<string, string>,
  published: number,
  sensitive: (v: number) => boolean,
): Relation[] {
  const relations: Relation[] = [];
  const orgs = new Set(table.cells.map((c) => c.org));
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    if (!orgs.has(parent)) continue;
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const cells = table.cells;
  for (let i = 0; i < published; i++) {
    const parent = cells[i]!;
    const kids = children.get(parent.org);
    if (!kids) continue;
    const parts: { cell: number; coefficient: number }[] = [];
    let sum = 0;
    for (const k of kids) {
      const c = table.lookup(k, parent.name);
      if (c !== undefined && !cells[c]!.virtual) {
        parts.push({ cell: c, coefficient: 1 });
        sum += cells[c]!.value;
      }
    }
    const own = parent.value - sum;
    if (Math.abs(own) > 1e-9) {
      const oc = table.cellFor(parent.org, `${parent.name}#own`, own, parent.measure, true);
      // The own part is never published, but a small one must not be derivable either.
      cells[oc]!.primary = !parent.measure && sensitive(own);
      parts.push({ cell: oc, coefficient: 1 });
    }
    relations.push({ total: i, parts });
  }
  return relations;
}
