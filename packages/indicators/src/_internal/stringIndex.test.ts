import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './stringIndex';

describe('StringIndex', () => {
  it('gives the same values as a Map in insertion order, through growth, reading keys back by value', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), fc.nat(64), (keys, expected) => {
        // Keys are held by the caller only, as fresh copies (the index compares contents).
        const held: string[] = [];
        const ix = new StringIndex(new Map(), 'test.a', expected, (v) => held[v]!);
        const map = new Map<string, number>();
        for (const k of keys) {
          if (!map.has(k)) map.set(k, map.size);
          const fresh = held.length;
          const v = ix.add(`${k}`, fresh);
          if (v === fresh) held.push(k.split('').join(''));
          expect(v).toBe(map.get(k));
        }
        expect(ix.size).toBe(map.size);
        for (const k of keys) expect(ix.get(k)).toBe(map.get(k));
        expect(ix.get('\u0000absent\u0000')).toBe(map.get('\u0000absent\u0000') ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps values the caller chose', () => {
    const held = new Map<number, string>();
    const ix = new StringIndex(new Map(), 'test.b', 0, (v) => held.get(v)!);
    for (const [k, v] of [
      ['a', 40],
      ['b', 7],
      ['c', 1000],
    ] as const) {
      expect(ix.add(k, v)).toBe(v);
      held.set(v, k);
    }
    expect(ix.add('b', 99)).toBe(7);
    expect([ix.get('a'), ix.get('b'), ix.get('c'), ix.get('d')]).toEqual([40, 7, 1000, -1]);
    expect(ix.size).toBe(3);
  });
});
