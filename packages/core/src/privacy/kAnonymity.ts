import { z } from 'zod';
import { fail } from '../errors';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';
import {
  type DepersonalisationPlan,
  type Depersonalised,
  depersonalise,
  type ReleaseRow,
} from './depersonalise';

registerCatalogue();

/**
 * How identifiable a release is: the size of its smallest class of records
 * that share the same quasi-identifiers (k), the number of classes, and how
 * many records sit in classes smaller than the required k.
 *
 * @category Personal data
 * @example
 * const a: KAnonymityReport = kAnonymity(rows, ['grade', 'gender', 'birthYear'], 5);
 */
export interface KAnonymityReport {
  /** The smallest class size; 0 for no records. */
  readonly k: number;
  readonly required: number;
  readonly classes: number;
  /** Records in classes smaller than `required`: re-identifiable by a join on the quasi-identifiers. */
  readonly exposed: number;
  readonly ok: boolean;
}

const classKey = (r: ReleaseRow, qi: readonly string[]): string =>
  JSON.stringify(qi.map((f) => (f in r ? r[f] : null)));

/**
 * Measure k-anonymity over the quasi-identifiers: every combination of their
 * values must be shared by at least `required` records (5 by default), or an
 * attacker who knows them from elsewhere (a class list, a social network)
 * picks a person out by joining on them.
 *
 * @category Personal data
 * @example
 * kAnonymity(rows, ['organizationId', 'grade', 'gender']).ok;
 */
export function kAnonymity(
  rows: readonly ReleaseRow[],
  quasiIdentifiers: readonly string[],
  required = 5,
): KAnonymityReport {
  const sizes = new Map<string, number>();
  for (const r of rows) {
    const k = classKey(r, quasiIdentifiers);
    sizes.set(k, (sizes.get(k) ?? 0) + 1);
  }
  let k = rows.length === 0 ? 0 : Number.POSITIVE_INFINITY;
  let exposed = 0;
  for (const s of sizes.values()) {
    k = Math.min(k, s);
    if (s < required) exposed += s;
  }
  return { k, required, classes: sizes.size, exposed, ok: exposed === 0 };
}

const ReleaseOptionsSchema = z.object({
  quasiIdentifiers: z.array(z.string().min(1)).min(1),
  k: z.number().int().min(2).max(1000).default(5),
});
/**
 * Options of {@link releaseDepersonalised}: the quasi-identifiers as they are
 * named in the released records, and the k required (5 by default).
 *
 * @category Personal data
 * @example
 * const o: ReleaseOptions = { quasiIdentifiers: ['grade', 'gender'], k: 5 };
 */
export type ReleaseOptions = z.input<typeof ReleaseOptionsSchema>;

/**
 * Depersonalise records and check the release before it leaves the school:
 * refuses (`k_anonymity_failed`, with k and the count of exposed records —
 * never their values) a release in which some combination of
 * quasi-identifiers is shared by fewer than k records. Generalise further or
 * release aggregates instead.
 *
 * @category Personal data
 * @example
 * const { rows, key } = releaseDepersonalised(records, plan, { quasiIdentifiers: ['grade', 'gender'] });
 */
export function releaseDepersonalised(
  records: readonly ReleaseRow[],
  plan: DepersonalisationPlan,
  options: ReleaseOptions,
): Depersonalised {
  const o = parse(ReleaseOptionsSchema, options, ['options']);
  const out = depersonalise(records, plan);
  const report = kAnonymity(out.rows, o.quasiIdentifiers, o.k);
  if (!report.ok && out.rows.length > 0) {
    throw fail('k_anonymity_failed', ['records'], { k: o.k, found: report.k, exposed: report.exposed });
  }
  return out;
}
