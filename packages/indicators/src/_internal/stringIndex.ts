/**
 * An open-addressing hash table from strings to the caller's integer values
 * (slots numbered 0, 1, 2… in the order keys are first seen), for the hot
 * loops of `accumulate`. It does not hold the strings: each key stays where
 * it already is (a field of a record) and `keyOf(value)` reads it back for
 * the comparison on a hash match. The table is two Int32Arrays (the keys'
 * 32-bit hashes and the values) outside the JS heap: no array of millions of
 * pointers that the garbage collector must trace, and that, on a region of
 * 2 M pupils, grew the old generation past its limit during the call and
 * made one full collection of the whole dataset (seconds) its largest cost.
 */
export class StringIndex {
  private hashes: Int32Array;
  /** The value + 1; 0 marks an empty slot. */
  private values: Int32Array;
  private mask: number;
  /** Number of keys. */
  size = 0;

  /**
   * @param expected - keys expected (the table grows past it).
   * @param keyOf - the key added with `value` (called only for values added).
   */
  constructor(
    expected: number,
    private readonly keyOf: (value: number) => string,
  ) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.hashes = new Int32Array(cap);
    this.values = new Int32Array(cap);
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
    const values = this.values;
    const hashes = this.hashes;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = values[i]!;
      if (v === 0) return -1;
      if (hashes[i] === h && this.keyOf(v - 1) === key) return v - 1;
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
    const values = this.values;
    const hashes = this.hashes;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const v = values[i]!;
      if (v === 0) break;
      if (hashes[i] === h && this.keyOf(v - 1) === key) return v - 1;
    }
    this.size++;
    hashes[i] = h;
    values[i] = value + 1;
    if (this.size * 2 > values.length) this.grow();
    return value;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldValues = this.values;
    const cap = oldValues.length * 2;
    const hashes = new Int32Array(cap);
    const values = new Int32Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < oldValues.length; j++) {
      const v = oldValues[j]!;
      if (v === 0) continue;
      const h = oldHashes[j]!;
      let i = h & mask;
      while (values[i] !== 0) i = (i + 1) & mask;
      hashes[i] = h;
      values[i] = v;
    }
    this.hashes = hashes;
    this.values = values;
    this.mask = mask;
  }
}
