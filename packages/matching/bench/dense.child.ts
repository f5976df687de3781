/**
 * One side of the dense benchmark, in a process of its own: builds the
 * instance (not timed), then times `warmup + repeats` solves of one solver
 * and prints one JSON line `{ times, cpu, total }` (wall-clock and process
 * CPU seconds of each call, in order: `times[0]` is the process's first,
 * cold call; CPU counts every thread of the process, V8's compiler included).
 *
 *   node --conditions=nastavnik-source --import tsx bench/dense.child.ts SOLVER KIND ROWS COLS CALLS
 */
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { solveAssignment } from '../src/index';
import { type DenseInstance, realisticInstance, uniformInstance } from './instances';

const [solver, kind, rowsText, colsText, callsText] = process.argv.slice(2);
const rows = Number(rowsText);
const cols = Number(colsText);
const calls = Number(callsText);
const inst: DenseInstance = (kind === 'uniform' ? uniformInstance : realisticInstance)(rows, cols, 42);

/** Peers without Infinity take a large finite cost for a forbidden cell (the totals are then the same). */
const BIG = 1e7;
function nested(): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const x = inst.costs[r * cols + c]!;
      row[c] = x === Number.POSITIVE_INFINITY ? BIG : x;
    }
    out.push(row);
  }
  return out;
}
function totalOf(pairs: Iterable<readonly [number, number]>): number {
  let t = 0;
  for (const [r, c] of pairs) t += inst.costs[r * cols + c]!;
  return t;
}

// Each side gets its input in the form it takes, prepared before the clock starts.
const run: () => number = (() => {
  switch (solver) {
    case 'ours':
      return () => solveAssignment(inst.costs, rows, cols).total;
    case 'munkres': {
      const m = nested();
      return () => totalOf(munkres(m));
    }
    case 'linear-sum-assignment': {
      const m = nested();
      return () => {
        const res = linearSumAssignment(m, { maximaze: false });
        const pairs: Array<[number, number]> = [];
        res.rowAssignments.forEach((c: number, r: number) => {
          if (c >= 0) pairs.push([r, c]);
        });
        return totalOf(pairs);
      };
    }
    default:
      throw new Error(`unknown solver ${solver}`);
  }
})();

const times: number[] = [];
const cpu: number[] = [];
let total = 0;
for (let k = 0; k < calls; k++) {
  const c = process.cpuUsage();
  const t = performance.now();
  total = run();
  times.push((performance.now() - t) / 1000);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1e6);
}
process.stdout.write(`${JSON.stringify({ times, cpu, total })}\n`);
