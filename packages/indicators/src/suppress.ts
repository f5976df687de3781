import { type LocalizedText, nastavnikError, parse } from '@nastavnik/core';
import { z } from 'zod';
import { determinedUnknowns, determinedWithCertificates } from './_internal/linear';
import type { IndicatorResults, IndicatorValue } from './compute';
import type { CellRelation, IndicatorDefinition } from './definitions';

/**
 * The marker that replaces a hidden number in published results.
 *
 * @category Suppression
 * @example
 * const m: SuppressedMarker = 'suppressed';
 */
export type SuppressedMarker = 'suppressed';

/**
 * An indicator value ready for publication: hidden numbers replaced by
 * `'suppressed'`, with the reason (a primary small cell, or a complementary
 * cell hidden so the small one cannot be recovered from totals) and a
 * Russian/English note.
 *
 * @category Suppression
 * @example
 * const p: PublishedValue = suppress(computeIndicators(ds, { asOf, period }))[0]!;
 * if (p.value === 'suppressed') console.log(p.suppression?.note.ru);
 */
export interface PublishedValue
  extends Omit<IndicatorValue, 'numerator' | 'denominator' | 'value' | 'meetsTarget'> {
  readonly numerator: number | null | SuppressedMarker;
  readonly denominator: number | null | SuppressedMarker;
  readonly value: number | null | SuppressedMarker;
  readonly meetsTarget?: boolean | SuppressedMarker;
  readonly suppression?: { readonly reason: 'primary' | 'complementary'; readonly note: LocalizedText };
}

/**
 * Options of {@link suppress}.
 *
 * @category Suppression
 * @example
 * const o: SuppressOptions = { threshold: 10 };
 */
export interface SuppressOptions {
  /** Counts from 1 to `threshold − 1` are hidden (default 5, 003 §8). */
  readonly threshold?: number;
  /** Also hide zero counts (default: zeros are published). */
  readonly suppressZeros?: boolean;
}

const OptionsSchema = z.strictObject({
  threshold: z.number().int().min(1).max(1000).default(5),
  suppressZeros: z.boolean().default(false),
});

/**
 * The definitions behind every value, by id. Suppression has no default set
 * to fall back on: a region's own indicator carries relations between its
 * cells, and checking disclosure without them could publish a derivable cell.
 */
function definitionsOf(results: IndicatorResults): Map<string, IndicatorDefinition> {
  // Checked by hand, not by a schema: a country's results hold millions of values.
  const r = results as Partial<IndicatorResults> | null;
  for (const field of ['values', 'definitions'] as const) {
    if (typeof r !== 'object' || r === null || !Array.isArray(r[field])) {
      throw nastavnikError(
        'required',
        ['results', field],
        field === 'values'
          ? 'Нужен результат computeIndicators: значения вместе с определениями'
          : 'Нужны определения, по которым вычислены значения: скрытие без них невозможно',
        field === 'values'
          ? 'Pass the result of computeIndicators: the values with their definitions'
          : 'The definitions that computed the values are required: suppression cannot run without them',
      );
    }
  }
  const byId = new Map(results.definitions.map((d) => [d.id, d]));
  results.values.forEach((v, i) => {
    if (!byId.has(v.indicatorId)) {
      throw nastavnikError(
        'unknown_reference',
        ['results', 'values', i, 'indicatorId'],
        'Нет определения показателя, по которому вычислено значение: скрытие без него невозможно',
        'The definition that computed this value is missing: suppression cannot run without it',
        { id: v.indicatorId },
      );
    }
  });
  return byId;
}

const notes: Record<'primary' | 'complementary', LocalizedText> = {
  primary: {
    ru: 'Скрыто: число меньше порога публикации (защита персональных данных)',
    en: 'Hidden: a count under the publication threshold (personal data protection)',
  },
  complementary: {
    ru: 'Скрыто дополнительно: иначе скрытое значение можно вычислить из итогов',
    en: 'Also hidden: otherwise a hidden number could be derived from the totals',
  },
};

interface Cell {
  readonly org: string;
  readonly name: string;
  value: number;
  hidden: boolean;
  primary: boolean;
  /** Not published at all (an organization's own part of a total); unknown to readers. */
  readonly virtual: boolean;
  readonly measure: boolean;
  /** Measures hidden together with this count. */
  readonly governs: Set<number>;
}

interface Relation {
  readonly total: number;
  readonly parts: readonly { readonly cell: number; readonly coefficient: number }[];
}

/**
 * Small-cell suppression of indicator values for publication (results are
 * published on the site, 003 §8). A count from 1 to `threshold − 1`
 * (default 5) is hidden (primary), and so is every value computed from it.
 * Then complementary suppression: in every linear relation readers know —
 * children summing to their parent (taken from `parentId`), a breakdown
 * summing to its total, programmes ended = completed + terminated,
 * activities due = on time + late + overdue, sum of scores = Σ score ·
 * answers — no hidden cell may be solvable. Each relation with a single
 * hidden cell gets a second one (the smallest published cell); finally an
 * exact check solves the whole system of relations and, while a hidden cell
 * is determined, hides the smallest published cell its derivation uses
 * (which may lie several relations away), until no hidden cell is
 * determined.
 *
 * @category Suppression
 * @example
 * Takes the whole result of `computeIndicators` (or of the SQL engines):
 * the values with the definitions that made them. Throws a `NastavnikError`
 * when a value's definition is missing, and names the option that is wrong.
 *
 * @category Suppression
 * @example
 * const published = suppress(computeIndicators(ds, { asOf, period }), { threshold: 5 });
 * published.filter((v) => v.value === 'suppressed').map((v) => v.suppression?.note.ru);
 */
export function suppress(results: IndicatorResults, options: SuppressOptions = {}): PublishedValue[] {
  const { threshold, suppressZeros } = parse(OptionsSchema, options, ['options']);
  const definitions = definitionsOf(results);
  const values = results.values;
  const sensitive = (v: number) => (v > 0 || (suppressZeros && v === 0)) && v < threshold;

  const cells: Cell[] = [];
  const cellIndex = new Map<string, number>();
  const keyOf = (org: string, name: string) => `${org}\u0000${name}`;
  const cellFor = (org: string, name: string, value: number, measure: boolean, virtual = false): number => {
    const key = keyOf(org, name);
    const existing = cellIndex.get(key);
    if (existing !== undefined) return existing;
    const i = cells.length;
    const primary = !measure && sensitive(value);
    cells.push({
      org,
      name,
      value,
      hidden: primary || virtual,
      primary,
      virtual,
      measure,
      governs: new Set(),
    });
    cellIndex.set(key, i);
    return i;
  };

  // 1. Cells of the values.
  const valueCells: { num: number | null; den: number | null }[] = [];
  const parentOf = new Map<string, string>();
  // indicator → org → { denominator cell, numerator cells } of breakdowns that sum to their total
  const orgsByIndicatorBreakdown = new Map<string, Map<string, { den: number; parts: number[] }>>();
  for (const v of values) {
    if (v.parentId !== undefined) parentOf.set(v.organizationId, v.parentId);
    const names = v.cells;
    let den: number | null = null;
    let num: number | null = null;
    if (names?.denominator !== undefined && v.denominator !== null) {
      den = cellFor(v.organizationId, names.denominator, v.denominator, false);
    }
    if (names?.numerator !== undefined && v.numerator !== null) {
      num = cellFor(v.organizationId, names.numerator, v.numerator, names.numeratorIsMeasure === true);
      if (names.numeratorIsMeasure === true && den !== null) cells[den]!.governs.add(num);
    }
    valueCells.push({ num, den });
    const def = definitions.get(v.indicatorId);
    if (def?.breakdown?.sumsToDenominator && v.breakdown && num !== null && den !== null) {
      let byOrg = orgsByIndicatorBreakdown.get(v.indicatorId);
      if (!byOrg) {
        byOrg = new Map();
        orgsByIndicatorBreakdown.set(v.indicatorId, byOrg);
      }
      const entry = byOrg.get(v.organizationId) ?? { den, parts: [] };
      entry.parts.push(num);
      byOrg.set(v.organizationId, entry);
    }
  }
  const published = cells.length;

  // 2. Relations.
  const relations: Relation[] = [];
  const orgs = new Set(cells.map((c) => c.org));
  const lookup = (org: string, name: string) => cellIndex.get(keyOf(org, name));
  const defs = [...definitions.values()];
  for (const org of orgs) {
    for (const def of defs) {
      for (const rel of def.relations ?? ([] as readonly CellRelation[])) {
        const total = lookup(org, rel.total);
        const parts = rel.parts.map((p) =>
          typeof p === 'string' ? { name: p, coefficient: 1 } : { name: p.cell, coefficient: p.coefficient },
        );
        const resolved = parts.map((p) => ({ cell: lookup(org, p.name), coefficient: p.coefficient }));
        if (total === undefined && resolved.every((p) => p.cell === undefined)) continue;
        // A cell not among the values is unknown to readers: model it as a virtual cell.
        const totalCell = total ?? cellFor(org, rel.total, Number.NaN, true, true);
        relations.push({
          total: totalCell,
          parts: resolved.map((p, i) => ({
            cell: p.cell ?? cellFor(org, parts[i]!.name, Number.NaN, true, true),
            coefficient: p.coefficient,
          })),
        });
      }
    }
  }
  for (const byOrg of orgsByIndicatorBreakdown.values()) {
    for (const { den, parts } of byOrg.values()) {
      relations.push({ total: den, parts: [...new Set(parts)].map((cell) => ({ cell, coefficient: 1 })) });
    }
  }
  // Hierarchy: parent = Σ children + own part (virtual when not zero).
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    if (!orgs.has(parent)) continue;
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  for (let i = 0; i < published; i++) {
    const parent = cells[i]!;
    const kids = children.get(parent.org);
    if (!kids) continue;
    const parts: { cell: number; coefficient: number }[] = [];
    let sum = 0;
    for (const k of kids) {
      const c = lookup(k, parent.name);
      if (c !== undefined && !cells[c]!.virtual) {
        parts.push({ cell: c, coefficient: 1 });
        sum += cells[c]!.value;
      }
    }
    const own = parent.value - sum;
    if (Math.abs(own) > 1e-9) {
      const oc = cellFor(parent.org, `${parent.name}#own`, own, parent.measure, true);
      // The own part is never published, but a small one must not be derivable either.
      cells[oc]!.primary = !parent.measure && sensitive(own);
      parts.push({ cell: oc, coefficient: 1 });
    }
    relations.push({ total: i, parts });
  }

  const protectedCell = (c: Cell) => c.hidden && (!c.virtual || c.primary);
  const hide = (i: number) => {
    const c = cells[i]!;
    if (c.hidden) return;
    c.hidden = true;
    for (const m of c.governs) hide(m);
  };
  for (let i = 0; i < cells.length; i++) if (cells[i]!.primary) for (const m of cells[i]!.governs) hide(m);

  const members = (r: Relation) => [r.total, ...r.parts.map((p) => p.cell)];
  // Prefer non-zero cells, then the smallest.
  const rank = (x: Cell) => (x.value === 0 ? Number.POSITIVE_INFINITY : Math.abs(x.value));
  const hideSmallestPublished = (r: Relation): boolean => {
    let best = -1;
    for (const m of members(r)) {
      const c = cells[m]!;
      if (c.hidden) continue;
      if (best === -1 || rank(c) < rank(cells[best]!)) best = m;
    }
    if (best === -1) return false;
    hide(best);
    return true;
  };

  // 3. Per-relation rule to a fixpoint: no relation with exactly one hidden cell.
  const byCell = new Map<number, Relation[]>();
  for (const r of relations) for (const m of members(r)) byCell.set(m, [...(byCell.get(m) ?? []), r]);
  const fixpoint = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of relations) {
        const hiddenMembers = members(r).filter((m) => cells[m]!.hidden);
        if (hiddenMembers.length === 1 && protectedCell(cells[hiddenMembers[0]!]!)) {
          if (hideSmallestPublished(r)) changed = true;
        }
      }
    }
  };
  fixpoint();

  // 4. Exact check on the whole system; hide more while anything is solvable.
  // A determined cell may have no published neighbour in its own relations (all
  // of them hidden already) and still be derived through a chain of other
  // relations, so the cell hidden next is taken from the derivation itself:
  // the combination of relations that pins the cell down (its certificate).
  // Every round hides at least one published cell or stops, so the loop ends
  // within `published` rounds.
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
    const exposed = [...determined].map((u) => cellOfUnknown.get(u)!).filter((c) => protectedCell(cells[c]!));
    if (exposed.length === 0) break;
    const certificates = determinedWithCertificates(rows);
    let progressed = false;
    for (const c of exposed) {
      const certificate = certificates?.get(unknown.get(c)!);
      if (certificate === undefined) {
        // No certificate (too large): fall back to the cell's own relations.
        for (const r of byCell.get(c) ?? []) {
          if (hideSmallestPublished(r)) {
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
        if (best === -1 || rank(cells[cell]!) < rank(cells[best]!)) best = cell;
      }
      if (broken || best === -1) continue; // best === −1: pinned by the relations alone, nothing to hide
      hide(best);
      progressed = true;
    }
    if (!progressed) break;
    fixpoint();
  }

  // 5. Publish.
  return values.map((v, i) => {
    const { num, den } = valueCells[i]!;
    const nh = num !== null && cells[num]!.hidden;
    const dh = den !== null && cells[den]!.hidden;
    if (!nh && !dh) {
      const { meetsTarget, ...rest } = v;
      return { ...rest, ...(meetsTarget !== undefined ? { meetsTarget } : {}) };
    }
    const primary = (num !== null && cells[num]!.primary) || (den !== null && cells[den]!.primary);
    const reason = primary ? 'primary' : 'complementary';
    const { meetsTarget, ...rest } = v;
    return {
      ...rest,
      numerator: nh ? 'suppressed' : v.numerator,
      denominator: dh ? 'suppressed' : v.denominator,
      value: 'suppressed',
      ...(meetsTarget !== undefined ? { meetsTarget: 'suppressed' as const } : {}),
      suppression: { reason, note: notes[reason] },
    };
  });
}
