import { isNastavnikError, type NastavnikError } from '@nastavnik/core';
import { solveAssignment } from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceAssignment } from './__fixtures__/bruteForce';

const instance = (maxN: number, forbidShare: number) =>
  fc
    .record({ rows: fc.integer({ min: 0, max: maxN }), cols: fc.integer({ min: 0, max: maxN }) })
    .chain(({ rows, cols }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        cells: fc.array(
          fc.oneof(
            { weight: Math.round(forbidShare * 100), arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
            { weight: 100 - Math.round(forbidShare * 100), arbitrary: fc.integer({ min: -5, max: 9 }) },
          ),
          { minLength: rows * cols, maxLength: rows * cols },
        ),
      }),
    );

function checkValid(
  costs: ArrayLike<number>,
  rows: number,
  cols: number,
  r: ReturnType<typeof solveAssignment>,
) {
  let total = 0;
  let assigned = 0;
  for (let i = 0; i < rows; i++) {
    const j = r.rowToCol[i]!;
    if (j < 0) continue;
    expect(j).toBeLessThan(cols);
    expect(r.colToRow[j]).toBe(i);
    expect(costs[i * cols + j]).not.toBe(Number.POSITIVE_INFINITY);
    total += costs[i * cols + j]!;
    assigned++;
  }
  for (let j = 0; j < cols; j++) {
    const i = r.colToRow[j]!;
    if (i >= 0) expect(r.rowToCol[i]).toBe(j);
  }
  expect(r.assigned).toBe(assigned);
  expect(r.total).toBe(total);
}

describe('solveAssignment', () => {
  it('solves the scipy documentation example', () => {
    const r = solveAssignment(new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]), 3, 3);
    expect(Array.from(r.rowToCol)).toEqual([1, 0, 2]);
    expect(r.total).toBe(5);
    expect(r.complete).toBe(true);
  });

  it('maximizes, with -Infinity as forbidden', () => {
    const r = solveAssignment([5, Number.NEGATIVE_INFINITY, 4, 1], 2, 2, { maximize: true });
    expect(Array.from(r.rowToCol)).toEqual([0, 1]);
    expect(r.total).toBe(6);
  });

  it('handles rectangular matrices both ways', () => {
    const wide = solveAssignment([3, 1, 2, 9, 9, 0], 2, 3);
    expect(Array.from(wide.rowToCol)).toEqual([1, 2]);
    const tall = solveAssignment([3, 9, 1, 9, 2, 0], 3, 2);
    expect(Array.from(tall.rowToCol)).toEqual([-1, 0, 1]);
    expect(tall.total).toBe(1);
  });

  it('prefers more pairs over a lower total, then the lower total', () => {
    const inf = Number.POSITIVE_INFINITY;
    // row 0 can only take column 0; row 1 takes 0 cheaply or 1 expensively
    const r = solveAssignment([10, inf, 1, 100], 2, 2);
    expect(Array.from(r.rowToCol)).toEqual([0, 1]);
    // only one of the two rows can be served: keep the cheaper one
    const s = solveAssignment([10, inf, 1, inf], 2, 2);
    expect(Array.from(s.rowToCol)).toEqual([-1, 0]);
    expect(s.complete).toBe(false);
  });

  it('rejects bad input with NastavnikError', () => {
    const err = (f: () => unknown): NastavnikError => {
      try {
        f();
      } catch (e) {
        if (isNastavnikError(e)) return e;
        throw e;
      }
      throw new Error('no error');
    };
    expect(err(() => solveAssignment([1, 2, 3], 2, 2)).code).toBe('invalid_input');
    expect(err(() => solveAssignment([1, Number.NaN, 3, 4], 2, 2)).path).toEqual(['costs', 1]);
    expect(err(() => solveAssignment([1, Number.NEGATIVE_INFINITY, 3, 4], 2, 2)).code).toBe('invalid_input');
    const ac = new AbortController();
    ac.abort();
    expect(err(() => solveAssignment([1], 1, 1, { signal: ac.signal })).code).toBe('aborted');
  });

  it('reports the first bad cell in row-major order, in every layout and mode', () => {
    const path = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        if (isNastavnikError(e) && e.code === 'invalid_input') return e.path;
        throw e;
      }
      return 'no error';
    };
    const shapes = fc.record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) });
    fc.assert(
      fc.property(
        shapes.chain(({ rows, cols }) =>
          fc.record({
            rows: fc.constant(rows),
            cols: fc.constant(cols),
            cells: fc.array(fc.integer({ min: -5, max: 9 }), {
              minLength: rows * cols,
              maxLength: rows * cols,
            }),
            bad: fc.uniqueArray(fc.integer({ min: 0, max: rows * cols - 1 }), { minLength: 1, maxLength: 3 }),
            kind: fc.constantFrom('nan', 'wrongInfinity'),
            maximize: fc.boolean(),
            typed: fc.boolean(),
            forbidden: fc.boolean(),
          }),
        ),
        ({ rows, cols, cells, bad, kind, maximize, typed, forbidden }) => {
          const wrong = maximize ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
          const allowed = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
          const m = cells.slice();
          if (forbidden) m[0] = allowed; // an allowed infinity next to the bad cells
          for (const k of bad) m[k] = kind === 'nan' ? Number.NaN : wrong;
          const costs = typed ? Float64Array.from(m) : m;
          expect(path(() => solveAssignment(costs, rows, cols, { maximize }))).toEqual([
            'costs',
            Math.min(...bad),
          ]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('equals the brute-force optimum on thousands of small instances', () => {
    fc.assert(
      fc.property(instance(8, 0.15), ({ rows, cols, cells }) => {
        const costs = new Float64Array(cells);
        const r = solveAssignment(costs, rows, cols);
        checkValid(costs, rows, cols, r);
        const best = bruteForceAssignment(costs, rows, cols);
        expect(r.assigned).toBe(best.count);
        expect(r.total).toBe(best.total);
      }),
      { numRuns: 3000 },
    );
  });

  it('stays exact with many forbidden cells (infeasible instances)', () => {
    fc.assert(
      fc.property(instance(7, 0.6), ({ rows, cols, cells }) => {
        const costs = new Float64Array(cells);
        const r = solveAssignment(costs, rows, cols);
        checkValid(costs, rows, cols, r);
        const best = bruteForceAssignment(costs, rows, cols);
        expect(r.assigned).toBe(best.count);
        expect(r.total).toBe(best.total);
      }),
      { numRuns: 2000 },
    );
  });

  it('maximize is minimize of the negated matrix', () => {
    fc.assert(
      fc.property(instance(8, 0.1), ({ rows, cols, cells }) => {
        const profit = cells.map((x) => (x === Number.POSITIVE_INFINITY ? Number.NEGATIVE_INFINITY : x));
        const a = solveAssignment(profit, rows, cols, { maximize: true });
        const b = solveAssignment(
          cells.map((x) => (x === Number.POSITIVE_INFINITY ? x : -x)),
          rows,
          cols,
        );
        expect(a.assigned).toBe(b.assigned);
        expect(a.total + b.total).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('reuses its work matrix safely: tall and maximised calls in a row, and from inside onProgress', () => {
    // The transpose of a tall matrix and the negation for maximize are written
    // into one work matrix kept between calls; a call made from onProgress
    // (while that matrix is in use) must get its own.
    const random = (rows: number, cols: number, seed: number) => {
      let a = seed;
      const m = new Float64Array(rows * cols);
      for (let k = 0; k < m.length; k++) {
        a = (a * 1103515245 + 12345) % 2147483648;
        m[k] = a % 1000;
      }
      return m;
    };
    const outer = random(600, 300, 1);
    const inner = random(40, 30, 2);
    const alone = solveAssignment(inner, 40, 30);
    const outerAlone = solveAssignment(outer, 600, 300);
    const bigger = random(700, 350, 3);
    solveAssignment(bigger, 700, 350, { maximize: true });
    expect(solveAssignment(outer, 600, 300)).toEqual(outerAlone);
    const seen: number[] = [];
    const nested = solveAssignment(outer, 600, 300, {
      onProgress: () => {
        const r = solveAssignment(inner, 40, 30);
        seen.push(r.total);
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    for (const t of seen) expect(t).toBe(alone.total);
    expect(nested).toEqual(outerAlone);
  });
});
