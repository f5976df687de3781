import { z } from 'zod';
import { fail } from '../errors';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';

registerCatalogue();

/**
 * A value a released record may hold.
 *
 * @category Personal data
 * @example
 * const v: ReleaseValue = '2008';
 */
export type ReleaseValue = string | number | boolean | null;
/**
 * A flat record, as exports and indicators keep them.
 *
 * @category Personal data
 * @example
 * const r: ReleaseRow = { personId: 'p-1', grade: 8, gender: 'female' };
 */
export type ReleaseRow = Readonly<Record<string, ReleaseValue>>;

/**
 * How one field is depersonalised, by the methods of the Roskomnadzor order
 * of 19.06.2025 № 140 «Об утверждении требований к обезличиванию
 * персональных данных и методов обезличивания персональных данных» (in force
 * since 01.09.2025; it replaced the order of 05.09.2013 № 996), under
 * 152-ФЗ ст. 3 п. 9 and ст. 13.1:
 * - `identifiers` — метод введения идентификаторов: the value is replaced by
 *   an identifier; the table of correspondence is the key, kept apart;
 * - `generalise` — метод изменения состава или семантики: numbers into
 *   bands of `step`, dates to the year or month, strings through a `map`
 *   (unmapped values become `other`); not reversible;
 * - `decompose` — метод декомпозиции: the field moves into a separate part,
 *   linked to its record only through the key;
 * - `shuffle` — метод перемешивания: values are permuted between records;
 *   the permutation is the key;
 * - `delete` — the attribute is removed; not reversible;
 * - `keep` — released as is (a quasi-identifier the k-anonymity check sees).
 *
 * @category Personal data
 * @example
 * const m: FieldMethod = { method: 'generalise', step: 5 };
 */
export const FieldMethodSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('identifiers'), prefix: z.string().max(20).default('ID-') }),
  z.object({
    method: z.literal('generalise'),
    step: z.number().positive().optional(),
    dateTo: z.enum(['year', 'month']).optional(),
    map: z.record(z.string(), z.string()).optional(),
    other: z.string().default('иное'),
  }),
  z.object({ method: z.literal('decompose'), part: z.string().trim().min(1).max(50) }),
  z.object({ method: z.literal('shuffle') }),
  z.object({ method: z.literal('delete') }),
  z.object({ method: z.literal('keep') }),
]);
/** A depersonalisation method for a field. @category Personal data @example const m: FieldMethod = { method: 'delete' }; */
export type FieldMethod = z.input<typeof FieldMethodSchema>;

/**
 * A depersonalisation plan: a method for every field of the records (a
 * field the plan does not name is refused, so a new column never leaks), and
 * a secret that seeds identifiers and permutations.
 *
 * @category Personal data
 * @example
 * const plan: DepersonalisationPlan = {
 *   secret: 'kept-by-the-school-dpo',
 *   fields: { personId: { method: 'identifiers' }, name: { method: 'delete' }, birthDate: { method: 'generalise', dateTo: 'year' }, grade: { method: 'keep' } },
 * };
 */
export const DepersonalisationPlanSchema = z.object({
  secret: z.string().min(8).max(200),
  fields: z.record(z.string().min(1), FieldMethodSchema),
});
/** A depersonalisation plan. @category Personal data @example const p: DepersonalisationPlan = { secret: 'long-secret', fields: {} }; */
export type DepersonalisationPlan = z.input<typeof DepersonalisationPlanSchema>;

/**
 * The key that reverses a depersonalisation: the identifier tables, the
 * permutations, the links of decomposed parts and the order of records. It
 * is personal data itself and must be kept apart from the released records
 * (order № 140: the key and the depersonalised data are not stored together).
 *
 * @category Personal data
 * @example
 * const { rows, key } = depersonalise(records, plan);
 * // send rows; lock key away
 */
export interface DepersonalisationKey {
  readonly kind: 'nastavnik.depersonalisationKey';
  /** Released position → original position. */
  readonly order: readonly number[];
  /** Field → identifier → original value. */
  readonly identifiers: Readonly<Record<string, Readonly<Record<string, ReleaseValue>>>>;
  /** Field → permutation: released record i took its value from record perm[i] (released positions). */
  readonly shuffles: Readonly<Record<string, readonly number[]>>;
  /** Part → link id → released position of its record. */
  readonly links: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * The result of {@link depersonalise}: the released records, the decomposed
 * parts (each row carries only a `link`), and the key to keep apart.
 *
 * @category Personal data
 * @example
 * const out: Depersonalised = depersonalise(records, plan);
 */
export interface Depersonalised {
  readonly rows: readonly ReleaseRow[];
  readonly parts: Readonly<Record<string, readonly ReleaseRow[]>>;
  readonly key: DepersonalisationKey;
}

/** A small seeded PRNG (mulberry32 over an FNV-1a hash of the secret and a salt). */
function prng(secret: string, salt: string): () => number {
  let h = 0x811c9dc5;
  for (const ch of `${salt}\u0000${secret}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function permutation(n: number, random: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [p[i], p[j]] = [p[j] as number, p[i] as number];
  }
  return p;
}

function generalise(
  value: ReleaseValue,
  m: Extract<z.output<typeof FieldMethodSchema>, { method: 'generalise' }>,
): ReleaseValue {
  if (value === null) return null;
  if (m.step !== undefined && typeof value === 'number') {
    const lo = Math.floor(value / m.step) * m.step;
    return `${lo}–${lo + m.step - 1}`;
  }
  if (m.dateTo !== undefined && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return m.dateTo === 'year' ? value.slice(0, 4) : value.slice(0, 7);
  }
  if (m.map !== undefined) return m.map[String(value)] ?? m.other;
  return m.other;
}

/**
 * Depersonalise records before they leave the school (152-ФЗ ст. 3 п. 9;
 * Roskomnadzor order № 140): apply the plan's method to each field, shuffle
 * the order of records, and return the released records with the key that
 * reverses identifiers, permutations and decomposition — kept apart. Refuses
 * a record with a field the plan does not name. Pure and deterministic for a
 * given secret.
 *
 * @category Personal data
 * @example
 * const { rows, key } = depersonalise(records, {
 *   secret: 'kept-by-the-school-dpo',
 *   fields: { personId: { method: 'identifiers' }, name: { method: 'delete' }, grade: { method: 'keep' } },
 * });
 */
export function depersonalise(records: readonly ReleaseRow[], plan: DepersonalisationPlan): Depersonalised {
  const p = parse(DepersonalisationPlanSchema, plan, ['plan']);
  records.forEach((r, i) => {
    for (const f of Object.keys(r)) {
      if (p.fields[f] === undefined) {
        throw fail('unrecognized_keys', ['records', i, f], { keys: f, count: 1, notInPlan: true });
      }
    }
  });
  const n = records.length;
  const order = permutation(n, prng(p.secret, 'order'));
  const src = order.map((i) => records[i] as ReleaseRow);
  const rows: Record<string, ReleaseValue>[] = src.map(() => ({}));
  const identifiers: Record<string, Record<string, ReleaseValue>> = {};
  const shuffles: Record<string, number[]> = {};
  const links: Record<string, Record<string, number>> = {};
  const parts: Record<string, Record<string, ReleaseValue>[]> = {};
  for (const [field, m] of Object.entries(p.fields)) {
    const values = src.map((r) => (field in r ? (r[field] as ReleaseValue) : undefined));
    switch (m.method) {
      case 'keep':
        values.forEach((v, i) => {
          if (v !== undefined) (rows[i] as Record<string, ReleaseValue>)[field] = v;
        });
        break;
      case 'delete':
        break;
      case 'generalise':
        values.forEach((v, i) => {
          if (v !== undefined) (rows[i] as Record<string, ReleaseValue>)[field] = generalise(v, m);
        });
        break;
      case 'identifiers': {
        // One identifier per distinct value, numbered in a secret order.
        const distinct = [...new Set(values.filter((v): v is ReleaseValue => v !== undefined && v !== null))];
        const perm = permutation(distinct.length, prng(p.secret, `id:${field}`));
        const width = String(distinct.length).length;
        const table: Record<string, ReleaseValue> = {};
        const idOf = new Map<ReleaseValue, string>();
        perm.forEach((k, rank) => {
          const id = `${m.prefix}${String(rank + 1).padStart(width, '0')}`;
          idOf.set(distinct[k] as ReleaseValue, id);
          table[id] = distinct[k] as ReleaseValue;
        });
        identifiers[field] = table;
        values.forEach((v, i) => {
          if (v !== undefined)
            (rows[i] as Record<string, ReleaseValue>)[field] = v === null ? null : (idOf.get(v) as string);
        });
        break;
      }
      case 'shuffle': {
        const perm = permutation(n, prng(p.secret, `shuffle:${field}`));
        shuffles[field] = perm;
        perm.forEach((from, i) => {
          const v = values[from];
          if (v !== undefined) (rows[i] as Record<string, ReleaseValue>)[field] = v;
        });
        break;
      }
      case 'decompose': {
        const part = parts[m.part] ?? [];
        parts[m.part] = part;
        const linkTable = links[m.part] ?? {};
        links[m.part] = linkTable;
        // One part row per record, in a secret order, linked only through the key.
        const existing = part.length;
        if (existing === 0) {
          const perm = permutation(n, prng(p.secret, `part:${m.part}`));
          const width = String(n).length;
          perm.forEach((at, k) => {
            const link = `L-${String(k + 1).padStart(width, '0')}`;
            linkTable[link] = at;
            part.push({ link });
          });
        }
        const rowOfLink = new Map(Object.entries(linkTable).map(([l, at]) => [l, at]));
        for (const row of part) {
          const at = rowOfLink.get(String(row.link)) as number;
          const v = values[at];
          if (v !== undefined) row[field] = v;
        }
        break;
      }
    }
  }
  return {
    rows,
    parts,
    key: { kind: 'nastavnik.depersonalisationKey', order, identifiers, shuffles, links },
  };
}

/**
 * Reverse a depersonalisation with its key: identifiers back to values,
 * permutations undone, decomposed parts joined back, records in their
 * original order. Generalised and deleted fields stay as released (those
 * methods are not reversible). Throws `depersonalisation_key_mismatch` when
 * the key does not belong to the release.
 *
 * @category Personal data
 * @example
 * const back = reidentify(out, key);
 */
export function reidentify(
  released: Pick<Depersonalised, 'rows' | 'parts'>,
  key: DepersonalisationKey,
): ReleaseRow[] {
  const n = released.rows.length;
  const mismatch = () => fail('depersonalisation_key_mismatch', ['key']);
  if (key.kind !== 'nastavnik.depersonalisationKey' || key.order.length !== n) throw mismatch();
  const rows = released.rows.map((r) => ({ ...r }));
  for (const [field, perm] of Object.entries(key.shuffles)) {
    if (perm.length !== n) throw mismatch();
    const taken = released.rows.map((r) => r[field]);
    perm.forEach((from, i) => {
      const v = taken[i];
      const target = rows[from] as Record<string, ReleaseValue>;
      if (v === undefined) delete target[field];
      else target[field] = v;
    });
  }
  for (const [field, table] of Object.entries(key.identifiers)) {
    for (const r of rows) {
      const v = r[field];
      if (v === undefined || v === null) continue;
      if (!(String(v) in table)) throw mismatch();
      r[field] = table[String(v)] as ReleaseValue;
    }
  }
  for (const [part, table] of Object.entries(key.links)) {
    for (const pr of released.parts[part] ?? []) {
      const at = table[String(pr.link)];
      if (at === undefined || at >= n) throw mismatch();
      for (const [f, v] of Object.entries(pr))
        if (f !== 'link') (rows[at] as Record<string, ReleaseValue>)[f] = v;
    }
  }
  const out: ReleaseRow[] = new Array(n);
  key.order.forEach((orig, i) => {
    out[orig] = rows[i] as ReleaseRow;
  });
  return out;
}
