import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './stringIndex';

describe('StringIndex', () => {
  it('gives the same dense indices as a Map in insertion order, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), fc.nat(64), (keys, expected) => {
        const ix = new StringIndex(expected);
        const map = new Map<string, number>();
        for (const k of keys) {
          if (!map.has(k)) map.set(k, map.size);
          expect(ix.add(k)).toBe(map.get(k));
        }
        expect(ix.size).toBe(map.size);
        for (const k of keys) expect(ix.get(k)).toBe(map.get(k));
        expect(ix.get('\u0000absent\u0000')).toBe(map.get('\u0000absent\u0000') ?? -1);
      }),
      { numRuns: 300 },
    );
  });
});
