import { fail, type LocalizedText, parse } from '@nastavnik/core';
import { z } from 'zod';
import { CellTable } from './_internal/suppression/cells';
import { exactCheck, relationFixpoint } from './_internal/suppression/protect';
import { collectCells, definitionRelations, hierarchyRelations } from './_internal/suppression/relations';
import type { IndicatorResults, IndicatorValue } from './compute';
import type { IndicatorDefinition } from './definitions';

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
      throw fail('required', ['results', field], {
        reason: field === 'values' ? 'computeResult' : 'indicatorDefinitions',
      });
    }
  }
  const byId = new Map(results.definitions.map((d) => [d.id, d]));
  results.values.forEach((v, i) => {
    if (!byId.has(v.indicatorId)) {
      throw fail('unknown_reference', ['results', 'values', i, 'indicatorId'], {
        ref: 'indicatorDefinition',
        id: v.indicatorId,
      });
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
  const table = new CellTable(sensitive);
  // 1. Cells of the values.
  const { valueCells, parentOf, breakdowns } = collectCells(table, values, definitions);
  const published = table.cells.length;
  // 2. Relations: the definitions', breakdowns', and the tree's.
  const relations = [
    ...definitionRelations(table, definitions),
    ...breakdowns,
    ...hierarchyRelations(table, parentOf, published, sensitive),
  ];
  const cells = table.cells;
  for (let i = 0; i < cells.length; i++)
    if (cells[i]!.primary) for (const m of cells[i]!.governs) table.hide(m);
  // 3. Per-relation rule to a fixpoint: no relation with exactly one hidden cell.
  relationFixpoint(table, relations);
  // 4. Exact check on the whole system; hide more while anything is solvable.
  exactCheck(table, relations, published);

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
