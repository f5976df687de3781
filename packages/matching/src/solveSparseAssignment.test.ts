import { solveAssignment, solveSparseAssignment, verifySparseAssignment } from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceAssignment } from './__fixtures__/bruteForce';

const INF = Number.POSITIVE_INFINITY;

function toCsr(dense: number[], rows: number, cols: number) {
  const rowStart = [0];
  const colIndex: number[] = [];
  const cost: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = dense[r * cols + c]!;
      if (x !== INF) {
        colIndex.push(c);
        cost.push(x);
      }
    }
    rowStart.push(colIndex.length);
  }
  return { rowStart, colIndex, cost };
}

const capacitated = fc
  .record({ rows: fc.integer({ min: 0, max: 8 }), cols: fc.integer({ min: 0, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      cells: fc.array(
        fc.oneof(fc.constant(INF), fc.integer({ min: -3, max: 9 }), fc.integer({ min: 0, max: 4 })),
        {
          minLength: rows * cols,
          maxLength: rows * cols,
        },
      ),
    }),
  )
  .filter(({ caps }) => caps.reduce((a, b) => a + b, 0) <= 10);

describe('solveSparseAssignment', () => {
  it('fills a mentor group up to its capacity', () => {
    const r = solveSparseAssignment({
      rows: 3,
      cols: 2,
      rowStart: [0, 2, 4, 5],
      colIndex: [0, 1, 0, 1, 0],
      cost: [1, 5, 1, 5, 1],
      capacities: [2, 1],
    });
    expect(r.assigned).toBe(3);
    expect(r.total).toBe(7);
    expect(Array.from(r.colLoad)).toEqual([2, 1]);
    expect(r.rowToCol[2]).toBe(0);
  });

  it('equals the brute-force optimum with capacities (both orientations)', () => {
    fc.assert(
      fc.property(capacitated, ({ rows, cols, caps, cells }) => {
        const csr = toCsr(cells, rows, cols);
        const r = solveSparseAssignment({ rows, cols, ...csr, capacities: caps });
        const load = new Array(cols).fill(0);
        let total = 0;
        for (let i = 0; i < rows; i++) {
          const j = r.rowToCol[i]!;
          if (j < 0) continue;
          expect(cells[i * cols + j]).not.toBe(INF);
          load[j]++;
          total += cells[i * cols + j]!;
        }
        load.forEach((l, j) => {
          expect(l).toBeLessThanOrEqual(caps[j]!);
        });
        expect(total).toBe(r.total);
        const best = bruteForceAssignment(cells, rows, cols, caps);
        expect(r.assigned).toBe(best.count);
        expect(r.total).toBe(best.total);
      }),
      { numRuns: 2500 },
    );
  });

  it('agrees with the dense solver on larger random instances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, cols, seed) => {
          let s = seed;
          const rnd = () => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return s / 2 ** 32;
          };
          const cells = Array.from({ length: rows * cols }, () =>
            rnd() < 0.4 ? INF : Math.floor(rnd() * 50),
          );
          const dense = solveAssignment(cells, rows, cols);
          const sparse = solveSparseAssignment({ rows, cols, ...toCsr(cells, rows, cols) });
          expect(sparse.assigned).toBe(dense.assigned);
          expect(sparse.total).toBe(dense.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maximizes', () => {
    const r = solveSparseAssignment(
      { rows: 2, cols: 2, rowStart: [0, 2, 3], colIndex: [0, 1, 0], cost: [0.9, 0.5, 0.8] },
      { maximize: true },
    );
    expect(Array.from(r.rowToCol)).toEqual([1, 0]);
    expect(r.total).toBeCloseTo(1.3);
  });

  it('proves its optimality with a certificate on random instances (both orientations, maximize)', () => {
    fc.assert(
      fc.property(capacitated, fc.boolean(), ({ rows, cols, caps, cells }, maximize) => {
        const csr = toCsr(cells, rows, cols);
        const input = { rows, cols, ...csr, capacities: caps };
        const r = solveSparseAssignment(input, { certificate: true, maximize });
        expect(verifySparseAssignment(input, r, { maximize })).toEqual({ optimal: true, violations: [] });
        // the certificate is not a rubber stamp: a different assignment of the
        // same size that costs more (less when maximising) is rejected
        const best = bruteForceAssignment(
          maximize ? cells.map((x) => (x === INF ? INF : -x)) : cells,
          rows,
          cols,
          caps,
        );
        expect(r.assigned).toBe(best.count);
        for (let i = 0; i < rows; i++) {
          const j = r.rowToCol[i]!;
          if (j < 0) continue;
          for (let k = 0; k < cols; k++) {
            const c = cells[i * cols + k]!;
            const worse = maximize ? c < cells[i * cols + j]! : c > cells[i * cols + j]!;
            if (k === j || c === INF || !worse || r.colLoad[k]! >= caps[k]!) continue;
            const moved = Int32Array.from(r.rowToCol);
            moved[i] = k;
            expect(
              verifySparseAssignment(input, { rowToCol: moved, certificate: r.certificate! }, { maximize })
                .optimal,
            ).toBe(false);
          }
        }
        // dropping a pair breaks the cover (fewer pairs than possible)
        const firstAssigned = r.rowToCol.findIndex((j) => j >= 0);
        if (firstAssigned >= 0) {
          const dropped = Int32Array.from(r.rowToCol);
          dropped[firstAssigned] = -1;
          expect(
            verifySparseAssignment(input, { rowToCol: dropped, certificate: r.certificate! }, { maximize })
              .optimal,
          ).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('certifies larger random instances with ties and floating-point values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (rows, cols, seed, floats) => {
          let s = seed;
          const rnd = () => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return s / 2 ** 32;
          };
          const cells = Array.from({ length: rows * cols }, () =>
            rnd() < 0.5 ? INF : floats ? rnd() : Math.floor(rnd() * 8),
          );
          const capacities = Array.from({ length: cols }, () => Math.floor(rnd() * 4));
          const input = { rows, cols, ...toCsr(cells, rows, cols), capacities };
          const r = solveSparseAssignment(input, { certificate: true, maximize: floats });
          expect(verifySparseAssignment(input, r, { maximize: floats })).toEqual({
            optimal: true,
            violations: [],
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives duplicate edges the value of the cheapest: the same total as without them, certified', () => {
    fc.assert(
      fc.property(capacitated, fc.array(fc.nat(), { maxLength: 12 }), ({ rows, cols, caps, cells }, dup) => {
        // Each row's edges, some repeated at a higher cost, shuffled within the row.
        const rowStart = [0];
        const colIndex: number[] = [];
        const cost: number[] = [];
        let d = 0;
        for (let r = 0; r < rows; r++) {
          const edges: Array<[number, number]> = [];
          for (let c = 0; c < cols; c++) {
            const x = cells[r * cols + c]!;
            if (x === INF) continue;
            edges.push([c, x]);
            const extra = dup[d++ % Math.max(1, dup.length)] ?? 0;
            if (dup.length > 0 && extra % 3 === 0) edges.push([c, x + 1 + (extra % 5)]);
          }
          if (edges.length > 1 && (dup[r % Math.max(1, dup.length)] ?? 0) % 2 === 1) edges.reverse();
          for (const [c, x] of edges) {
            colIndex.push(c);
            cost.push(x);
          }
          rowStart.push(colIndex.length);
        }
        const plain = solveSparseAssignment({ rows, cols, ...toCsr(cells, rows, cols), capacities: caps });
        const input = { rows, cols, rowStart, colIndex, cost, capacities: caps };
        const r = solveSparseAssignment(input, { certificate: true });
        expect([r.assigned, r.total]).toEqual([plain.assigned, plain.total]);
        expect(verifySparseAssignment(input, r).optimal).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('asks for the certificate', () => {
    const input = { rows: 1, cols: 1, rowStart: [0, 1], colIndex: [0], cost: [1] };
    expect(() => verifySparseAssignment(input, solveSparseAssignment(input))).toThrowError(
      expect.objectContaining({ code: 'invalid_input', path: ['result', 'certificate'] }),
    );
  });
});
