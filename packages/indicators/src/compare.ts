import type { IndicatorValue } from './compute';
import type { PublishedValue } from './suppress';

type AnyValue = IndicatorValue | PublishedValue;

/**
 * The change of one indicator for one organization (and breakdown key)
 * between two periods: numbers of both, the delta of the value, numerator
 * and denominator, and whether it improved given the indicator's direction.
 * Deltas are `null` where either side is missing or suppressed.
 *
 * @category Comparison
 * @example
 * const d: IndicatorDelta = compareIndicators(lastYear, thisYear)[0]!;
 * d.delta; // e.g. +4.2 percentage points
 */
export interface IndicatorDelta {
  readonly indicatorId: string;
  readonly organizationId: string;
  readonly breakdown?: { readonly dimension: string; readonly key: string };
  readonly before: AnyValue | null;
  readonly after: AnyValue | null;
  /** after.value − before.value (percentage points for percentages). */
  readonly delta: number | null;
  readonly deltaNumerator: number | null;
  readonly deltaDenominator: number | null;
  /** Relative change of the value, after / before − 1. */
  readonly relative: number | null;
  /** By the indicator's direction; `null` for neutral indicators or no delta. */
  readonly improved: boolean | null;
}

const keyOf = (v: AnyValue) =>
  `${v.indicatorId}\u0000${v.organizationId}\u0000${v.breakdown?.dimension ?? ''}\u0000${v.breakdown?.key ?? ''}`;
const num = (x: number | null | 'suppressed' | undefined): number | null =>
  typeof x === 'number' ? x : null;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

/**
 * Compare two sets of values (e.g. the December and May checkpoints, or two
 * academic years), matched by indicator, organization and breakdown key.
 * Rows present on one side only appear with `null` on the other.
 *
 * @category Comparison
 * @example
 * const deltas = compareIndicators(
 *   computeIndicators(ds, { asOf: '2023-12-31', period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'december' } }),
 *   computeIndicators(ds, { asOf: '2024-05-31', period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'may' } }),
 * );
 */
export function compareIndicators(before: readonly AnyValue[], after: readonly AnyValue[]): IndicatorDelta[] {
  const a = new Map(before.map((v) => [keyOf(v), v]));
  const b = new Map(after.map((v) => [keyOf(v), v]));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.map((k) => {
    const x = a.get(k) ?? null;
    const y = b.get(k) ?? null;
    const ref = (y ?? x)!;
    const delta = diff(num(x?.value), num(y?.value));
    const xv = num(x?.value);
    const yv = num(y?.value);
    return {
      indicatorId: ref.indicatorId,
      organizationId: ref.organizationId,
      ...(ref.breakdown ? { breakdown: ref.breakdown } : {}),
      before: x,
      after: y,
      delta,
      deltaNumerator: diff(num(x?.numerator), num(y?.numerator)),
      deltaDenominator: diff(num(x?.denominator), num(y?.denominator)),
      relative: xv === null || yv === null || xv === 0 ? null : yv / xv - 1,
      improved:
        delta === null || ref.direction === 'neutral'
          ? null
          : ref.direction === 'higherIsBetter'
            ? delta > 0
            : delta < 0,
    };
  });
}

/**
 * A value against its target: the gap (value − target) and whether it is
 * met, for every value that has a target.
 *
 * @category Comparison
 * @example
 * againstTargets(values).filter((t) => !t.meetsTarget).map((t) => t.organizationId);
 */
export interface TargetCheck {
  readonly indicatorId: string;
  readonly organizationId: string;
  readonly breakdown?: { readonly dimension: string; readonly key: string };
  readonly value: number | null;
  readonly target: number;
  /** value − target; `null` when the value is missing or suppressed. */
  readonly gap: number | null;
  readonly meetsTarget: boolean | null;
}

/**
 * Check values against their targets (the definitions' own, e.g. the federal
 * 70 % of pupils involved, or those passed in `params.targets`).
 *
 * @category Comparison
 * @example
 * const behind = againstTargets(values).filter((t) => t.meetsTarget === false);
 */
export function againstTargets(values: readonly AnyValue[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const v of values) {
    if (v.target === undefined) continue;
    const value = num(v.value);
    const gap = value === null ? null : value - v.target;
    const meetsTarget =
      value === null || v.direction === 'neutral'
        ? null
        : v.direction === 'higherIsBetter'
          ? value >= v.target
          : value <= v.target;
    out.push({
      indicatorId: v.indicatorId,
      organizationId: v.organizationId,
      ...(v.breakdown ? { breakdown: v.breakdown } : {}),
      value,
      target: v.target,
      gap,
      meetsTarget,
    });
  }
  return out;
}
