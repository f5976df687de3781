import { fail, type LocalizedText, parse, registerCatalogue } from '@nastavnik/core';
import { z } from 'zod';
import { CellTable, type Relation } from './_internal/suppression/cells';
import { Protection } from './_internal/suppression/protect';
import { collectCells, definitionRelations, hierarchyRelations } from './_internal/suppression/relations';
import type { IndicatorResults, IndicatorValue } from './compute';
import type { IndicatorDefinition } from './definitions';

registerCatalogue();

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
  /**
   * Releases published before this one from the same kind of data (the last
   * one at least; every one a reader may still hold). The new release is made
   * consistent with them: their published and hidden cells cannot change, so a
   * cell whose change since an earlier release is from 1 to `threshold − 1`
   * is hidden (with complementary cells), and a cell hidden before stays
   * underivable through the differences.
   */
  readonly earlier?: readonly Release[];
}

/**
 * A release published earlier: the values as computed (`results`, kept by the
 * publisher) and what was published from them (`published`: the output of
 * {@link suppress}, or all tables of a {@link suppressPlan}, matched to the
 * values by indicator, organization and breakdown).
 *
 * @category Suppression
 * @example
 * const autumn: Release = { results: autumnResults, published: suppress(autumnResults) };
 * const spring = suppress(springResults, { earlier: [autumn] });
 */
export interface Release {
  readonly results: IndicatorResults;
  readonly published: readonly PublishedValue[];
}

const isObject = (x: unknown): boolean => typeof x === 'object' && x !== null;

const OptionsSchema = z.strictObject({
  threshold: z.number().int().min(1).max(1000).default(5),
  suppressZeros: z.boolean().default(false),
  // Shapes only: the values are checked by hand below (a country holds millions of them).
  earlier: z
    .array(
      z.strictObject({
        results: z.custom<IndicatorResults>(isObject),
        published: z.custom<readonly PublishedValue[]>((x) => Array.isArray(x)),
      }),
    )
    .default([]),
});

/**
 * The definitions behind every value, by id. Suppression has no default set
 * to fall back on: a region's own indicator carries relations between its
 * cells, and checking disclosure without them could publish a derivable cell.
 */
function definitionsOf(
  results: IndicatorResults,
  at: readonly (string | number)[],
): Map<string, IndicatorDefinition> {
  // Checked by hand, not by a schema: a country's results hold millions of values.
  const r = results as Partial<IndicatorResults> | null;
  for (const field of ['values', 'definitions'] as const) {
    if (typeof r !== 'object' || r === null || !Array.isArray(r[field])) {
      throw fail('required', [...at, field], {
        reason: field === 'values' ? 'computeResult' : 'indicatorDefinitions',
      });
    }
  }
  const byId = new Map(results.definitions.map((d) => [d.id, d]));
  results.values.forEach((v, i) => {
    if (!byId.has(v.indicatorId)) {
      throw fail('unknown_reference', [...at, 'values', i, 'indicatorId'], {
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
 * With `earlier` releases, the system also holds what they published (their
 * hidden cells as unknowns) and, for every cell, its change since each of
 * them: a change from 1 to `threshold − 1` is protected like a small count
 * (it counts the few persons who changed), so comparing two releases
 * discloses neither a small change nor a hidden cell. Cells of earlier
 * releases are never hidden afresh (they are out): only this release's cells
 * are. To publish several tables from the same data (a region, its
 * municipalities, its schools), use {@link suppressPlan}.
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
  const parsed = parse(OptionsSchema, options, ['options']);
  const definitions = definitionsOf(results, ['results']);
  const earlier = parsed.earlier.map((r, k) => checkRelease(r, k, definitions));
  return suppressValues(results.values, definitions, parsed, earlier);
}

/**
 * A publication plan: the tables published from one computation, each the
 * values of some organizations (a region's table, each municipality's, each
 * school's own page).
 *
 * @category Suppression
 * @example
 * const plan: PublicationPlan = {
 *   tables: [
 *     { id: 'region', organizationIds: ['reg'] },
 *     { id: 'm1', organizationIds: ['m1'] },
 *     { id: 'school-1', organizationIds: ['m1s1'] },
 *   ],
 * };
 */
export interface PublicationPlan {
  readonly tables: readonly { readonly id: string; readonly organizationIds: readonly string[] }[];
}

/**
 * One table of a {@link PublicationPlan}, ready to publish.
 *
 * @category Suppression
 * @example
 * const [regionTable]: PlannedTable[] = suppressPlan(results, plan);
 * regionTable?.values.length;
 */
export interface PlannedTable {
  readonly id: string;
  readonly values: PublishedValue[];
}

const PlanSchema = z.strictObject({
  tables: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        organizationIds: z.array(z.string().min(1).max(200)).min(1),
      }),
    )
    .min(1),
});

/**
 * Small-cell suppression of all the tables of a publication plan together:
 * one consistent pattern over the union of the tables, so that no hidden cell
 * can be derived from any combination of them (a municipality's table next to
 * its schools' own tables, the region's next to its municipalities'). Tables
 * suppressed one by one each hide their own small cells, but their totals
 * give the hidden cells back. Each table gets the values of its organizations
 * in the order of `results.values`; options as in {@link suppress}
 * (`earlier` releases included: pass all tables of a plan as one release).
 *
 * Throws a `NastavnikError` naming an organization of the plan that has no
 * values.
 *
 * @category Suppression
 * @example
 * const tables = suppressPlan(computeIndicators(ds, { asOf, period }), {
 *   tables: [
 *     { id: 'municipality', organizationIds: ['m1'] },
 *     { id: 'school-1', organizationIds: ['m1s1'] },
 *     { id: 'school-2', organizationIds: ['m1s2'] },
 *   ],
 * });
 */
export function suppressPlan(
  results: IndicatorResults,
  plan: PublicationPlan,
  options: SuppressOptions = {},
): PlannedTable[] {
  const parsed = parse(OptionsSchema, options, ['options']);
  const { tables } = parse(PlanSchema, plan, ['plan']);
  const definitions = definitionsOf(results, ['results']);
  const earlier = parsed.earlier.map((r, k) => checkRelease(r, k, definitions));
  const known = new Set<string>();
  for (const v of results.values) known.add(v.organizationId);
  const inPlan = new Set<string>();
  for (const [i, t] of tables.entries()) {
    for (const [j, id] of t.organizationIds.entries()) {
      if (!known.has(id)) {
        throw fail('unknown_reference', ['plan', 'tables', i, 'organizationIds', j], {
          ref: 'organization',
          id,
        });
      }
      inPlan.add(id);
    }
  }
  const values = results.values.filter((v) => inPlan.has(v.organizationId));
  const published = suppressValues(values, definitions, parsed, earlier);
  return tables.map((t) => {
    const orgs = new Set(t.organizationIds);
    return { id: t.id, values: published.filter((v) => orgs.has(v.organizationId)) };
  });
}

interface CheckedRelease {
  readonly values: readonly IndicatorValue[];
  /** For each value: numerator, denominator published (true) or hidden (false). */
  readonly shown: readonly { readonly num: boolean; readonly den: boolean }[];
}

const valueKey = (v: Pick<IndicatorValue, 'indicatorId' | 'organizationId' | 'breakdown'>) =>
  `${v.indicatorId}\u0000${v.organizationId}\u0000${v.breakdown?.dimension ?? ''}\u0000${v.breakdown?.key ?? ''}`;

/** The values of an earlier release that were published, with what readers saw of each. */
function checkRelease(
  release: Release,
  k: number,
  definitions: Map<string, IndicatorDefinition>,
): CheckedRelease {
  const own = definitionsOf(release.results, ['options', 'earlier', k, 'results']);
  for (const [id, d] of own) if (!definitions.has(id)) definitions.set(id, d);
  const byKey = new Map<string, IndicatorValue>();
  for (const v of release.results.values) byKey.set(valueKey(v), v);
  const values: IndicatorValue[] = [];
  const shown: { num: boolean; den: boolean }[] = [];
  release.published.forEach((p, j) => {
    const v = typeof p === 'object' && p !== null ? byKey.get(valueKey(p)) : undefined;
    if (v === undefined) throw fail('unknown_reference', ['options', 'earlier', k, 'published', j], {});
    values.push(v);
    shown.push({ num: p.numerator !== 'suppressed', den: p.denominator !== 'suppressed' });
  });
  return { values, shown };
}

/** Tags an earlier release's organizations apart from this release's. */
const tagOf = (k: number) => `\u0001${k}\u0001`;

function suppressValues(
  values: readonly IndicatorValue[],
  definitions: ReadonlyMap<string, IndicatorDefinition>,
  options: { readonly threshold: number; readonly suppressZeros: boolean },
  earlier: readonly CheckedRelease[],
): PublishedValue[] {
  const { threshold, suppressZeros } = options;
  const sensitive = (v: number) => (v > 0 || (suppressZeros && v === 0)) && v < threshold;
  const table = new CellTable(sensitive);
  // 1. Cells of the values: this release's, then the earlier releases' (tagged apart).
  const { valueCells, parentOf, breakdowns } = collectCells(table, values, definitions);
  const current = table.cells.length;
  const earlierBreakdowns: Relation[] = [];
  earlier.forEach((release, k) => {
    const tag = tagOf(k);
    const tagged = release.values.map((v) => ({
      ...v,
      organizationId: tag + v.organizationId,
      ...(v.parentId !== undefined ? { parentId: tag + v.parentId } : {}),
    }));
    const from = table.cells.length;
    const collected = collectCells(table, tagged, definitions);
    for (const [child, parent] of collected.parentOf) parentOf.set(child, parent);
    earlierBreakdowns.push(...collected.breakdowns);
    // What readers saw: a cell is known if any published value shows it.
    const seen = new Set<number>();
    collected.valueCells.forEach(({ num, den }, i) => {
      const s = release.shown[i]!;
      if (num !== null && s.num) seen.add(num);
      if (den !== null && s.den) seen.add(den);
    });
    for (let i = from; i < table.cells.length; i++) {
      const c = table.cells[i]!;
      c.hidden = !seen.has(i);
      c.frozen = true;
    }
  });
  const published = table.cells.length;
  // 2. Relations: the definitions', breakdowns', the tree's, and the changes since earlier releases.
  const relations = [
    ...definitionRelations(table, definitions),
    ...breakdowns,
    ...earlierBreakdowns,
    ...hierarchyRelations(table, parentOf, published, sensitive),
    ...changeRelations(table, current, earlier.length, threshold),
  ];
  const cells = table.cells;
  const protection = new Protection(table, relations);
  for (let i = 0; i < current; i++)
    if (cells[i]!.primary) for (const m of cells[i]!.governs ?? []) table.hide(m);
  // 3. Per-relation rule to a fixpoint: no relation with exactly one hidden cell.
  protection.fixpoint();
  // 4. Exact check, block by block; hide more while anything is solvable.
  protection.exactCheck();

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

/**
 * this = earlier + change, for every cell of this release also in an earlier
 * one. The change is never published; from 1 to `threshold − 1` persons (up
 * or down) it must not be derivable either.
 */
function changeRelations(table: CellTable, current: number, releases: number, threshold: number): Relation[] {
  const relations: Relation[] = [];
  for (let k = 0; k < releases; k++) {
    const tag = tagOf(k);
    for (let i = 0; i < current; i++) {
      const c = table.cells[i]!;
      const before = table.lookup(tag + c.org, c.name);
      if (before === undefined) continue;
      const change = c.value - table.cells[before]!.value;
      const d = table.cellFor(`\u0002${k}\u0002${c.org}`, c.name, change, true, true);
      const size = Math.abs(change);
      table.cells[d]!.primary = !c.measure && size > 0 && size < threshold;
      relations.push({
        total: i,
        parts: [
          { cell: before, coefficient: 1 },
          { cell: d, coefficient: 1 },
        ],
      });
    }
  }
  return relations;
}
