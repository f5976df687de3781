import {
  buildOrganizationTree,
  fail,
  type IsoDate,
  IsoDateSchema,
  type OrganizationTree,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { accumulate } from './accumulate';
import { type Accumulator, rollUp } from './accumulator';
import {
  type IndicatorDatasetInput,
  type Period,
  parseDataset,
  type ResolvedPeriod,
  resolvePeriod,
} from './dataset';
import {
  defaultIndicators,
  type IndicatorDefinition,
  IndicatorDefinitionSchema,
  type IndicatorDirection,
  type IndicatorResult,
  type IndicatorUnit,
} from './definitions';
import { type IndicatorParams, type IndicatorParamsInput, IndicatorParamsSchema } from './params';

registerCatalogue();

/**
 * One indicator value for one organization (and breakdown key): numerator,
 * denominator, value, unit, as-of date and period, target and whether it is
 * met, and the cell names suppression works on.
 *
 * @category Indicators
 * @example
 * const v: IndicatorValue = computeIndicators(ds, { asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } })[0]!;
 * `${v.indicatorId} ${v.organizationId}: ${v.numerator}/${v.denominator} = ${v.value}`;
 */
export interface IndicatorValue {
  readonly indicatorId: string;
  readonly organizationId: string;
  /** The parent in the organization tree; suppression uses it for totals. */
  readonly parentId?: string;
  readonly breakdown?: { readonly dimension: string; readonly key: string };
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** `null` when the denominator is 0 (nothing to measure). */
  readonly value: number | null;
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  readonly asOf: IsoDate;
  readonly period: ResolvedPeriod;
  readonly target?: number;
  readonly meetsTarget?: boolean;
  readonly cells?: IndicatorResult['cells'];
}

/**
 * Options of {@link computeIndicators}.
 *
 * @category Indicators
 * @example
 * const o: ComputeOptions = { asOf: '2024-01-31', period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'january' }, params: { pupilAgeBand: { min: 11, max: 18 } } };
 */
export interface ComputeOptions {
  readonly asOf: IsoDate;
  readonly period: Period;
  readonly params?: IndicatorParamsInput;
  /** Defaults to {@link defaultIndicators}. */
  readonly indicators?: readonly IndicatorDefinition[];
}

function rowValue(unit: IndicatorUnit, r: IndicatorResult): number | null {
  if (r.value !== undefined) return r.value;
  if (unit === 'count') return r.numerator;
  if (r.numerator === null || r.denominator === null || r.denominator === 0) return null;
  return unit === 'percent' ? (100 * r.numerator) / r.denominator : r.numerator / r.denominator;
}

function meets(direction: IndicatorDirection, value: number | null, target: number): boolean | undefined {
  if (value === null || direction === 'neutral') return undefined;
  return direction === 'higherIsBetter' ? value >= target : value <= target;
}

/**
 * What {@link computeIndicators} returns: the values together with the
 * definitions that made them (a region's own included), the as-of date and
 * the period. {@link suppress} takes this whole result, so the relations a
 * disclosure check needs always come from the definitions that computed the
 * values, never from a default set.
 *
 * @category Indicators
 * @example
 * const results: IndicatorResults = computeIndicators(ds, { asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } });
 * results.values.length; results.definitions.map((d) => d.id);
 */
export interface IndicatorResults {
  readonly values: readonly IndicatorValue[];
  /** The definitions the values were computed with, in computation order. */
  readonly definitions: readonly IndicatorDefinition[];
  readonly asOf: IsoDate;
  readonly period: ResolvedPeriod;
}

/**
 * Turn rolled-up accumulators into indicator values, in tree order
 * (depth-first from the roots), one row per indicator and breakdown key.
 *
 * @category Indicators
 * @example
 * const tree = buildOrganizationTree(ds.organizations);
 * const values = evaluateIndicators(rollUp(tree, accumulate(ds, opts)), tree, { asOf: opts.asOf, period: opts.period, params: opts.params });
 */
export function evaluateIndicators(
  accumulators: ReadonlyMap<string, Readonly<Accumulator>>,
  tree: OrganizationTree,
  options: {
    readonly asOf: IsoDate;
    readonly period: ResolvedPeriod;
    readonly params: IndicatorParams;
    readonly indicators?: readonly IndicatorDefinition[];
  },
): IndicatorValue[] {
  const indicators = options.indicators ?? defaultIndicators;
  const out: IndicatorValue[] = [];
  const order = tree.roots.flatMap((r) => tree.descendants(r));
  for (const orgId of order) {
    const acc = accumulators.get(orgId);
    if (!acc) continue;
    const parentId = tree.byId.get(orgId)?.parentId;
    for (const def of indicators) {
      const raw = def.compute(acc, options.params);
      const rows: readonly IndicatorResult[] = Array.isArray(raw) ? raw : [raw as IndicatorResult];
      const target = options.params.targets[def.id] ?? def.target;
      for (const r of rows) {
        const value = rowValue(def.unit, r);
        const met = target === undefined ? undefined : meets(def.direction, value, target);
        out.push({
          indicatorId: def.id,
          organizationId: orgId,
          ...(parentId !== undefined ? { parentId } : {}),
          ...(r.breakdown ? { breakdown: r.breakdown } : {}),
          numerator: r.numerator,
          denominator: r.denominator,
          value,
          unit: def.unit,
          direction: def.direction,
          asOf: options.asOf,
          period: options.period,
          ...(target !== undefined ? { target } : {}),
          ...(met !== undefined ? { meetsTarget: met } : {}),
          ...(r.cells ? { cells: r.cells } : {}),
        });
      }
    }
  }
  return out;
}

/**
 * Compute every indicator for every organization of the dataset (each
 * school, each authority, the region), for a period and an as-of date.
 * Returns the values with the definitions that made them
 * ({@link IndicatorResults}), ready for {@link suppress}.
 * Validates the input at the boundary (a `NastavnikError` with a code, a
 * path and Russian/English messages on bad input), accumulates each
 * organization's own records in one pass and rolls the sums up the tree.
 *
 * @category Indicators
 * @example
 * const values = computeIndicators(dataset, {
 *   asOf: '2024-05-31',
 *   period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'may' },
 *   params: { pupilAgeBand: { min: 10, max: 18 } },
 * });
 * values.values.filter((v) => v.indicatorId === 'coverage.pupilMentees');
 */
export function computeIndicators(dataset: IndicatorDatasetInput, options: ComputeOptions): IndicatorResults {
  parse(IsoDateSchema, options.asOf, ['asOf']);
  const period = resolvePeriod(options.period);
  const params = parse(IndicatorParamsSchema, options.params ?? {}, ['params']);
  const indicators = checkDefinitions(options.indicators ?? defaultIndicators);
  const ds = parseDataset(dataset);
  const tree = buildOrganizationTree(ds.organizations);
  const own = accumulate(ds, { asOf: options.asOf, period, params });
  const values = evaluateIndicators(rollUp(tree, own), tree, {
    asOf: options.asOf,
    period,
    params,
    indicators,
  });
  return { values, definitions: indicators, asOf: options.asOf, period };
}

/**
 * Validate a list of definitions (each one's shape, ids unique) and return
 * it frozen; the path of a bad one is `['indicators', i, …]`.
 */
export function checkDefinitions(indicators: readonly IndicatorDefinition[]): readonly IndicatorDefinition[] {
  const seen = new Set<string>();
  indicators.forEach((d, i) => {
    parse(IndicatorDefinitionSchema, d, ['indicators', i]);
    if (seen.has(d.id)) {
      throw fail('duplicate_id', ['indicators', i, 'id'], { of: 'indicator', id: d.id });
    }
    seen.add(d.id);
  });
  return Object.freeze([...indicators]);
}
