import { fail, type Person, registerCatalogue } from '@nastavnik/core';
import { nameKey } from './_internal/kinds';

registerCatalogue();

/**
 * Why two records are taken for the same person (or the same consent or
 * pair): the same id, the same external id, or the same normalised full
 * name (case, Ё/Е, Latin look-alikes and spaces ignored) and birth date.
 *
 * @category Duplicates
 * @example
 * const reason: DuplicateReason = 'nameAndBirthDate';
 */
export type DuplicateReason = 'id' | 'externalId' | 'nameAndBirthDate';

/**
 * Where a record sits: `registry` is the index in the list given to
 * {@link findDuplicates}, `index` the position in that registry.
 *
 * @category Duplicates
 * @example
 * const at: RegistryOccurrence = { registry: 1, index: 14 };
 */
export interface RegistryOccurrence {
  readonly registry: number;
  readonly index: number;
}

/**
 * Records that look like the same person, found by one reason. No names or
 * dates are copied into the report: it points at records.
 *
 * @category Duplicates
 * @example
 * const g: DuplicateGroup = { reason: 'externalId', occurrences: [{ registry: 0, index: 3 }, { registry: 2, index: 0 }] };
 */
export interface DuplicateGroup {
  readonly reason: DuplicateReason;
  readonly occurrences: readonly RegistryOccurrence[];
}

/** A record of any registry: person registries carry `person`, consents and pairs an `id`. */
type AnyRecord = { readonly person: Person } | { readonly id: string };

function keysOf(r: AnyRecord): Array<[DuplicateReason, string]> {
  if ('person' in r) {
    const p = r.person;
    const out: Array<[DuplicateReason, string]> = [['id', p.id]];
    if (p.externalId !== undefined) out.push(['externalId', p.externalId]);
    if (p.birthDate !== undefined) out.push(['nameAndBirthDate', nameKey(p)]);
    return out;
  }
  return [['id', r.id]];
}

const REASONS: readonly DuplicateReason[] = ['id', 'externalId', 'nameAndBirthDate'];

/**
 * Find the same person across (and within) registries, e.g. the files of
 * several schools or of two years: by id, by external id, or by normalised
 * full name and birth date. Nothing is merged; see {@link mergeRegistries}.
 * A group found by an earlier reason is not repeated under a later one.
 *
 * @category Duplicates
 * @example
 * const groups = findDuplicates([school1.records, school2.records]);
 * for (const g of groups) console.log(g.reason, g.occurrences);
 */
export function findDuplicates<T extends AnyRecord>(registries: readonly (readonly T[])[]): DuplicateGroup[] {
  if (!Array.isArray(registries) || registries.some((r) => !Array.isArray(r))) {
    throw fail('invalid_type', ['registries'], { expected: 'array' });
  }
  const maps = new Map<DuplicateReason, Map<string, RegistryOccurrence[]>>(
    REASONS.map((r) => [r, new Map()]),
  );
  registries.forEach((list, registry) => {
    list.forEach((rec: T, index: number) => {
      for (const [reason, key] of keysOf(rec)) {
        const m = maps.get(reason);
        if (!m) continue;
        const occ = m.get(key) ?? [];
        occ.push({ registry, index });
        m.set(key, occ);
      }
    });
  });
  const out: DuplicateGroup[] = [];
  const seen = new Set<string>();
  for (const reason of REASONS) {
    for (const occ of maps.get(reason)?.values() ?? []) {
      if (occ.length < 2) continue;
      const sig = occ.map((o) => `${o.registry}:${o.index}`).join(',');
      if (seen.has(sig)) continue;
      seen.add(sig);
      out.push({ reason, occurrences: occ });
    }
  }
  return out;
}

/**
 * What {@link mergeRegistries} does with a record of `b` that matches one
 * of `a`: keep the first (`keepFirst`), take the second (`keepLast`), take
 * the one with more filled fields, the first on a tie (`preferComplete`), or
 * keep neither and leave the decision to the curator (`reject`). Records are
 * never combined field by field.
 *
 * @category Duplicates
 * @example
 * const policy: MergePolicy = 'preferComplete';
 */
export type MergePolicy = 'keepFirst' | 'keepLast' | 'preferComplete' | 'reject';

/**
 * One duplicate met while merging: both records, why they match, which one
 * was kept, and the fields (paths) where they differ.
 *
 * @category Duplicates
 * @example
 * conflict.kept; // 'second'
 * conflict.differences; // ['person.position', 'profile.capacity']
 */
export interface MergeConflict<T> {
  readonly reason: DuplicateReason;
  readonly first: T;
  readonly second: T;
  readonly kept: 'first' | 'second' | 'none';
  readonly differences: readonly string[];
}

/**
 * The merged registry and every duplicate met, so that nothing is merged
 * silently: `merged.length + (rejected pairs) = a.length + b.length − conflicts kept once`.
 *
 * @category Duplicates
 * @example
 * const { merged, conflicts } = mergeRegistries(lastYear, thisYear, { policy: 'keepLast' });
 */
export interface MergeResult<T> {
  readonly merged: T[];
  readonly conflicts: MergeConflict<T>[];
}

function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (value === undefined) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value) && value.length === 0) return;
  out.set(path, JSON.stringify(value));
}

function differences(a: unknown, b: unknown): string[] {
  const la = new Map<string, string>();
  const lb = new Map<string, string>();
  leaves(a, '', la);
  leaves(b, '', lb);
  const keys = new Set([...la.keys(), ...lb.keys()]);
  return [...keys].filter((k) => la.get(k) !== lb.get(k)).sort();
}

function filled(r: unknown): number {
  const m = new Map<string, string>();
  leaves(r, '', m);
  return m.size;
}

const MergeOptionsPolicies = new Set<MergePolicy>(['keepFirst', 'keepLast', 'preferComplete', 'reject']);

/**
 * Merge two registries (e.g. last year's and this year's, or two schools')
 * with an explicit policy for duplicates. Records of `b` that match no record
 * of `a` are appended in order; every match is reported in `conflicts`,
 * identical records included (with no differences).
 *
 * @category Duplicates
 * @example
 * const { merged, conflicts } = mergeRegistries(a.records, b.records, { policy: 'reject' });
 * // conflicts[i].first / .second go back to the curator; neither is in `merged`
 */
export function mergeRegistries<T extends AnyRecord>(
  a: readonly T[],
  b: readonly T[],
  options: { readonly policy: MergePolicy },
): MergeResult<T> {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw fail('invalid_type', ['registries'], { expected: 'array' });
  }
  if (!MergeOptionsPolicies.has(options?.policy)) {
    throw fail('invalid_value', ['options', 'policy'], { reason: 'mergePolicy' });
  }
  const policy = options.policy;
  const slots: Array<T | undefined> = [...a];
  const index = new Map<string, number>();
  const indexRecord = (r: T, slot: number) => {
    for (const [reason, key] of keysOf(r)) {
      const k = `${reason}\u0000${key}`;
      if (!index.has(k)) index.set(k, slot);
    }
  };
  slots.forEach((r, i) => {
    if (r) indexRecord(r, i);
  });
  const conflicts: MergeConflict<T>[] = [];
  for (const rec of b) {
    let hit: { slot: number; reason: DuplicateReason } | undefined;
    for (const [reason, key] of keysOf(rec)) {
      const slot = index.get(`${reason}\u0000${key}`);
      if (slot !== undefined) {
        hit = { slot, reason };
        break;
      }
    }
    if (!hit) {
      slots.push(rec);
      indexRecord(rec, slots.length - 1);
      continue;
    }
    const first = slots[hit.slot];
    if (first === undefined) {
      // Its match was rejected earlier: this record is part of the same conflict.
      conflicts.push({ reason: hit.reason, first: rec, second: rec, kept: 'none', differences: [] });
      continue;
    }
    let kept: 'first' | 'second' | 'none';
    if (policy === 'keepFirst') kept = 'first';
    else if (policy === 'keepLast') kept = 'second';
    else if (policy === 'preferComplete') kept = filled(rec) > filled(first) ? 'second' : 'first';
    else kept = 'none';
    conflicts.push({ reason: hit.reason, first, second: rec, kept, differences: differences(first, rec) });
    if (kept === 'second') {
      slots[hit.slot] = rec;
      indexRecord(rec, hit.slot);
    } else if (kept === 'none') slots[hit.slot] = undefined;
  }
  return { merged: slots.filter((r): r is T => r !== undefined), conflicts };
}
