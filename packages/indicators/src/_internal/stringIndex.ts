/**
 * An open-addressing hash table from strings to dense indices (0, 1, 2… in
 * insertion order), for the hot loops of `accumulate`: sized up front from a
 * known bound, so inserting does not rehash a growing `Map`, and each slot
 * keeps the key's 32-bit hash, so a probe compares strings only on a hash match.
 */
export class StringIndex {
  private keys: (string | undefined)[];
  private hashes: Int32Array;
  private values: Int32Array;
  private mask: number;
  /** Number of keys. */
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Array<string | undefined>(cap).fill(undefined);
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

  /** The index of `key`, or −1. */
  get(key: string): number {
    const h = StringIndex.hash(key);
    const mask = this.mask;
    const keys = this.keys;
    const hashes = this.hashes;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === undefined) return -1;
      if (hashes[i] === h && k === key) return this.values[i]!;
    }
  }

  /** The index of `key`, adding it with the next index if absent. */
  add(key: string): number {
    const h = StringIndex.hash(key);
    const mask = this.mask;
    const keys = this.keys;
    const hashes = this.hashes;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === undefined) break;
      if (hashes[i] === h && k === key) return this.values[i]!;
    }
    const v = this.size++;
    keys[i] = key;
    hashes[i] = h;
    this.values[i] = v;
    if (this.size * 2 > keys.length) this.grow();
    return v;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    const keys = new Array<string | undefined>(cap).fill(undefined);
    const hashes = new Int32Array(cap);
    const values = new Int32Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j];
      if (k === undefined) continue;
      const h = oldHashes[j]!;
      let i = h & mask;
      while (keys[i] !== undefined) i = (i + 1) & mask;
      keys[i] = k;
      hashes[i] = h;
      values[i] = oldValues[j]!;
    }
    this.keys = keys;
    this.hashes = hashes;
    this.values = values;
    this.mask = mask;
  }
}
