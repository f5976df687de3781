import { type Scratch, scratchBuffer, scratchInt32 } from './scratch';

/**
 * An open-addressing hash table from strings to the caller's integer values
 * (slots numbered 0, 1, 2… in the order keys are first seen), for the hot
 * loops of `accumulate`. It does not hold the strings: each key stays where
 * it already is (a field of a record) and `keyOf(value)` reads it back for
 * the comparison on a hash match. The table is one Int32Array (each key's
 * 32-bit hash beside its value) outside the JS heap, kept between calls on
 * the same dataset (scratch.ts): no array of millions of pointers for the garbage collector
 * to trace, and no fresh buffer to count towards its next full collection.
 */
export class StringIndex {
  /** Per slot: the key's hash, then the value + 1 (0 marks an empty slot). */
  private table: Int32Array;
  private mask: number;
  /** Number of keys. */
  size = 0;

  /**
   * @param scratch - where the table is kept between calls (see scratch.ts).
   * @param name - the table's buffer in `scratch`: one name per live index.
   * @param expected - keys expected (the table grows past it).
   * @param keyOf - the key added with `value` (called only for values added).
   */
  constructor(
    private readonly scratch: Scratch,
    private readonly name: string,
    expected: number,
    private readonly keyOf: (value: number) => string,
  ) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    // A table kept from an earlier call may be larger: use all of it.
    const bytes = scratchBuffer(scratch, name, cap * 8).byteLength;
    while (cap * 16 <= bytes) cap *= 2;
    this.table = scratchInt32(scratch, name, cap * 2).fill(0);
    this.mask = cap - 1;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5 ^ s.length;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x45d9f3b);
    return h ^ (h >>> 16);
  }

  /** The value of `key`, or −1. */
  get(key: string): number {
    const h = StringIndex.hash(key);
    const mask = this.mask;
    const table = this.table;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = table[2 * i + 1]!;
      if (v === 0) return -1;
      if (table[2 * i] === h && this.keyOf(v - 1) === key) return v - 1;
    }
  }

  /**
   * The value of `key`; when absent, `key` is added with `value` (≥ 0), which
   * is returned: a caller that passes a fresh value knows the key is new when
   * it gets that value back, and must then make `keyOf(value)` return `key`.
   */
  add(key: string, value: number): number {
    const h = StringIndex.hash(key);
    const mask = this.mask;
    const table = this.table;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const v = table[2 * i + 1]!;
      if (v === 0) break;
      if (table[2 * i] === h && this.keyOf(v - 1) === key) return v - 1;
    }
    this.size++;
    table[2 * i] = h;
    table[2 * i + 1] = value + 1;
    if (this.size * 4 > table.length) this.grow();
    return value;
  }

  private grow(): void {
    const old = this.table;
    const cap = old.length; // twice the slots
    // Larger than the kept buffer, which `old` fills: a new one.
    let table = scratchInt32(this.scratch, this.name, cap * 2);
    if (table.buffer === old.buffer) table = new Int32Array(cap * 2);
    table.fill(0);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const v = old[j + 1]!;
      if (v === 0) continue;
      const h = old[j]!;
      let i = h & mask;
      while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
      table[2 * i] = h;
      table[2 * i + 1] = v;
    }
    this.table = table;
    this.mask = mask;
  }
}
