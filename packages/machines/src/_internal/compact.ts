// A compact JSON encoding of a machine's context, derived from its zod schema
// (one codec for both machines): objects become arrays in the schema's key
// order, dates whole days since 2000-01-01, enum values their index, and a
// string seen before the index of its first occurrence. The layout — a hash
// of the schema's structure — is stored with the data, so a context stored
// under another layout is refused, never misread.
import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly format?: string | null;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly entries?: Readonly<Record<string, string | number>>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

type Node =
  | { readonly kind: 'object'; readonly keys: readonly string[]; readonly fields: readonly Node[] }
  | { readonly kind: 'array'; readonly element: Node }
  | { readonly kind: 'optional' | 'nullable' | 'default'; readonly inner: Node }
  | { readonly kind: 'date' | 'string' | 'raw' }
  | { readonly kind: 'enum'; readonly options: readonly (string | number)[] };

function nodeOf(schema: z.ZodType): Node {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      return { kind: 'object', keys, fields: keys.map((k) => nodeOf(shape[k] as z.ZodType)) };
    }
    case 'array':
      return { kind: 'array', element: nodeOf(def.element as z.ZodType) };
    case 'optional':
    case 'nullable':
    case 'default': {
      const inner = nodeOf(def.innerType as z.ZodType);
      // `null` stands for both "absent" and "null": never both at one place.
      const ambiguous =
        (def.type !== 'nullable' && inner.kind === 'nullable') ||
        (def.type === 'nullable' && (inner.kind === 'optional' || inner.kind === 'default'));
      return ambiguous ? { kind: 'raw' } : { kind: def.type, inner };
    }
    case 'string':
      return { kind: def.format === 'date' ? 'date' : 'string' };
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries ?? {}) };
    default:
      // Numbers, booleans, literals, unions, records: as they are.
      return { kind: 'raw' };
  }
}

function describe(n: Node): string {
  switch (n.kind) {
    case 'object':
      return `{${n.keys.map((k, i) => `${k}:${describe(n.fields[i] as Node)}`).join(',')}}`;
    case 'array':
      return `[${describe(n.element)}]`;
    case 'optional':
    case 'nullable':
    case 'default':
      return `${n.kind}(${describe(n.inner)})`;
    case 'enum':
      return `enum(${n.options.join('|')})`;
    default:
      return n.kind;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);
const dayOf = (iso: string): number =>
  (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - EPOCH) / DAY;
function isoOf(day: number): string {
  const d = new Date(EPOCH + day * DAY);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
const ISO = /^\d{4}-\d{2}-\d{2}$/;

class Encoder {
  private readonly seen = new Map<string, number>();

  encode(n: Node, v: unknown): unknown {
    switch (n.kind) {
      case 'object': {
        if (typeof v !== 'object' || v === null) return v;
        const r = v as Record<string, unknown>;
        const out = n.keys.map((k, i) => this.encode(n.fields[i] as Node, r[k]));
        while (out.length > 0 && out[out.length - 1] === null) out.pop();
        return out;
      }
      case 'array':
        return Array.isArray(v) ? v.map((x) => this.encode(n.element, x)) : v;
      case 'optional':
      case 'nullable':
      case 'default':
        return v === undefined || v === null ? null : this.encode(n.inner, v);
      case 'date':
        return typeof v === 'string' && ISO.test(v) && isoOf(dayOf(v)) === v ? dayOf(v) : v;
      case 'string': {
        if (typeof v !== 'string') return v;
        const k = this.seen.get(v);
        if (k !== undefined) return k;
        this.seen.set(v, this.seen.size);
        return v;
      }
      case 'enum': {
        const k = n.options.indexOf(v as string);
        return k < 0 ? v : k;
      }
      default:
        return v;
    }
  }
}

class Decoder {
  private readonly table: string[] = [];

  decode(n: Node, v: unknown): unknown {
    switch (n.kind) {
      case 'object': {
        if (!Array.isArray(v)) return v;
        const out: Record<string, unknown> = {};
        n.keys.forEach((k, i) => {
          const x = this.decode(n.fields[i] as Node, v[i] ?? null);
          if (x !== undefined) out[k] = x;
        });
        return out;
      }
      case 'array':
        return Array.isArray(v) ? v.map((x) => this.decode(n.element, x)) : v;
      case 'optional':
      case 'default':
        return v === null ? undefined : this.decode(n.inner, v);
      case 'nullable':
        return v === null ? null : this.decode(n.inner, v);
      case 'date':
        return Number.isInteger(v) ? isoOf(v as number) : v;
      case 'string':
        if (typeof v === 'string') {
          this.table.push(v);
          return v;
        }
        // A reference to an earlier string; anything else is left for validation to refuse.
        return Number.isInteger(v) ? this.table[v as number] : v;
      case 'enum':
        return Number.isInteger(v) ? n.options[v as number] : v;
      default:
        return v;
    }
  }
}

/** A codec of the contexts a schema describes. */
export interface ContextCodec {
  /** The hash of the schema's structure, stored with the data. */
  readonly layout: string;
  encode(context: unknown): unknown;
  /** The context back, not yet validated (validate it with the schema). */
  decode(packed: unknown): unknown;
}

/** The compact codec of a context schema (built once per schema). */
export function contextCodec(schema: z.ZodType): ContextCodec {
  const root = nodeOf(schema);
  return {
    layout: hash(describe(root)),
    encode: (context) => new Encoder().encode(root, context),
    decode: (packed) => new Decoder().decode(root, packed),
  };
}
