/**
 * `pnpm bench` in packages/matching: our dense solver against the npm peers
 * (munkres 2.x, linear-sum-assignment) and scipy's
 * linear_sum_assignment (when python3-scipy is installed), on the same dense
 * instances; then the sparse regional instance.
 *
 * Every side gets the same treatment, each in processes of its own
 * (`dense.child.ts`, `scipy_lsa.py`): the input is prepared before the clock
 * starts, in the form the solver takes; the **cold** figure is the first call
 * of a fresh process (median of three processes: what a school's one matching
 * per process costs); the **warm** figure is the median of the calls after
 * the same number of warm-up calls in one process. Wall-clock time of the
 * call alone, min–max spread beside each median, and the process's CPU time
 * of the call (every thread: a busy machine stretches wall-clock time, CPU
 * time much less). Totals must agree with ours (the bench fails otherwise).
 * Ratios are peer / ours: above 1, we are faster; the last column is ours,
 * cold / warm.
 *
 * Writes the tables to docs/bench/matching.md (the docs include it) and into
 * the package README between its bench markers.
 * Environment: BENCH_QUICK=1 runs only n = 500.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishBench } from '../../../scripts/bench-publish';
import { solveSparseAssignment, verifySparseAssignment } from '../src/index';
import { realisticInstance, regionalInstance, uniformInstance } from './instances';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.env.BENCH_QUICK === '1';
const sizes: Array<[number, number]> = quick
  ? [[500, 500]]
  : [
      [500, 500],
      [1000, 1000],
      [2000, 2000],
      [2000, 500],
      [500, 2000],
    ];
// munkres-js (O(n³), 10–14 s a call at 500×500 here) cannot take the same
// warm-up and repetitions as the others in reasonable time: left out.
const SOLVERS = ['ours', 'scipy', 'munkres', 'linear-sum-assignment'] as const;
type Solver = (typeof SOLVERS)[number];
/** Fresh processes for the cold figure (one of them is the warm process itself). */
const COLD_PROCESSES = 3;

interface Stat {
  median: number;
  min: number;
  max: number;
}
interface Side {
  cold: Stat;
  warm: Stat;
  coldCpu: Stat;
  warmCpu: Stat;
  total: number;
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

function fmt(s: number): string {
  return s >= 1
    ? `${s.toFixed(2)} s`
    : s >= 0.01
      ? `${(s * 1000).toFixed(0)} ms`
      : `${(s * 1000).toFixed(1)} ms`;
}

/** Warm-up and timed calls by size: the same for every side of a row. */
function callsFor(cells: number): { warmup: number; repeats: number } {
  return cells >= 4e6 ? { warmup: 2, repeats: 3 } : { warmup: 5, repeats: 5 };
}

function runOnce(solver: Solver, kind: string, rows: number, cols: number, calls: number, matrix: string) {
  const out =
    solver === 'scipy'
      ? execFileSync(
          'python3',
          [join(here, 'scipy_lsa.py'), matrix, String(rows), String(cols), String(calls)],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
          },
        )
      : execFileSync(
          process.execPath,
          [
            '--conditions=nastavnik-source',
            '--import',
            'tsx',
            join(here, 'dense.child.ts'),
            solver,
            kind,
            String(rows),
            String(cols),
            String(calls),
          ],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
        );
  const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    ok?: boolean;
    times: number[];
    cpu: number[];
    total: number;
  };
  if (parsed.ok === false) return null;
  return parsed;
}

function measure(solver: Solver, kind: string, rows: number, cols: number, matrix: string): Side | string {
  const { warmup, repeats } = callsFor(rows * cols);
  const warm = runOnce(solver, kind, rows, cols, warmup + repeats, matrix);
  if (!warm) return 'not installed';
  const firsts = [warm.times[0]!];
  const firstsCpu = [warm.cpu[0]!];
  for (let k = 1; k < COLD_PROCESSES; k++) {
    const cold = runOnce(solver, kind, rows, cols, 1, matrix);
    if (cold) {
      firsts.push(cold.times[0]!);
      firstsCpu.push(cold.cpu[0]!);
    }
  }
  return {
    cold: stat(firsts),
    warm: stat(warm.times.slice(warmup)),
    coldCpu: stat(firstsCpu),
    warmCpu: stat(warm.cpu.slice(warmup)),
    total: warm.total,
  };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-bench-'));
  const started = new Date();
  const load0 = loadavg()[0]!;
  const rowsOut: string[] = [];
  let failed = false;
  try {
    for (const [r, c] of sizes) {
      for (const make of [uniformInstance, realisticInstance]) {
        const inst = make(r, c, 42);
        const matrix = join(dir, `${inst.name}-${r}x${c}.bin`);
        writeFileSync(
          matrix,
          new Uint8Array(inst.costs.buffer, inst.costs.byteOffset, inst.costs.byteLength),
        );
        const sides = new Map<Solver, Side | string>();
        for (const solver of SOLVERS) sides.set(solver, measure(solver, inst.name, r, c, matrix));
        const ours = sides.get('ours') as Side;
        const cell = (solver: Solver, which: 'cold' | 'warm') => {
          const side = sides.get(solver)!;
          if (typeof side === 'string') return side;
          if (Math.abs(side.total - ours.total) > 1e-6 * Math.max(1, Math.abs(ours.total))) {
            failed = true;
            return `total ${side.total} ≠ ours ${ours.total}`;
          }
          const s = side[which];
          const cpu = side[which === 'cold' ? 'coldCpu' : 'warmCpu'].median;
          const ourCpu = ours[which === 'cold' ? 'coldCpu' : 'warmCpu'].median;
          const ratio = solver === 'ours' ? '' : ` (${(s.median / ours[which].median).toFixed(2)}×)`;
          const cpuRatio = solver === 'ours' ? '' : ` (${(cpu / ourCpu).toFixed(2)}×)`;
          return `${fmt(s.median)}${ratio} [${fmt(s.min)}–${fmt(s.max)}]; CPU ${fmt(cpu)}${cpuRatio}`;
        };
        const coldWarm = `${(ours.cold.median / ours.warm.median).toFixed(1)}×; CPU ${(ours.coldCpu.median / ours.warmCpu.median).toFixed(1)}×`;
        for (const which of ['cold', 'warm'] as const) {
          const line = `| ${inst.name} | ${r}×${c} | ${which} | ${SOLVERS.map((s) => cell(s, which)).join(' | ')} | ${which === 'cold' ? coldWarm : ''} |`;
          rowsOut.push(line);
          console.log(line);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load1 = loadavg()[0]!;
  const table = [
    `\`pnpm bench\` in packages/matching, ${started.toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, load average ${load0.toFixed(2)} at the start and ${load1.toFixed(2)} at the end.`,
    '',
    'Median wall-clock time of one call; [min–max] over the runs; (peer / ours); then the median CPU time of the process during the call (all its threads) and its ratio. Cold: the first call in a fresh process (3 processes). Warm: after the same warm-up calls, in one process (5 warm-up + 5 timed; 2 + 3 at 2000×2000). Last column: ours, cold / warm (medians).',
    '',
    `| instance | n | call | ${SOLVERS.join(' | ')} | ours cold / warm |`,
    `|---|---|---|${SOLVERS.map(() => '---').join('|')}|---|`,
    ...rowsOut,
  ].join('\n');
  // The regional sparse instance: no dense peer can hold this matrix.
  const reg = regionalInstance(quick ? 4000 : 20_000, quick ? 1000 : 5_000, 50, 7);
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed + base.arrayBuffers;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  const t = performance.now();
  const res = solveSparseAssignment(reg, { maximize: true, onProgress: sample });
  const seconds = (performance.now() - t) / 1000;
  sample();
  const capacity = reg.capacities.reduce((a, b) => a + b, 0);
  console.log(
    `\nregional sparse: ${reg.rows} mentees × ${reg.cols} mentors, ${reg.rowStart[reg.rows]} candidate pairs, capacity ${capacity}: ` +
      `${fmt(seconds)}, ${res.assigned} pairs, total score ${res.total}, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, ` +
      `peak heap+buffers ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );
  // The same instance with the optimality certificate, checked independently.
  const tc = performance.now();
  const cres = solveSparseAssignment(reg, { maximize: true, certificate: true });
  const certSeconds = (performance.now() - tc) / 1000;
  const tv = performance.now();
  const verdict = verifySparseAssignment(reg, cres, { maximize: true });
  const verifySeconds = (performance.now() - tv) / 1000;
  console.log(
    `certificate: solve + certificate ${fmt(certSeconds)}, verification ${fmt(verifySeconds)}: ` +
      (verdict.optimal
        ? 'holds (cover proves the most pairs; reduced costs ≥ 0 on all edges, 0 on used ones; column duals ≤ 0, 0 with spare places)'
        : `FAILS: ${JSON.stringify(verdict.violations.slice(0, 5))}`),
  );
  if (!verdict.optimal || cres.total !== res.total) process.exitCode = 1;
  if (res.assigned !== Math.min(capacity, reg.rows) && !quick) {
    console.log('note: not every place could be filled (candidate lists are sparse)');
  }
  const sparse = `Regional sparse instance: ${reg.rows} mentees × ${reg.cols} mentors, ${reg.rowStart[reg.rows]} candidate pairs, capacity ${capacity}: ${fmt(seconds)} (one call after the dense runs), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; certificate ${verdict.optimal ? 'holds' : 'FAILS'} (solve + certificate ${fmt(certSeconds)}, verification ${fmt(verifySeconds)}).`;
  if (!quick) publishBench('matching', `${table}\n\n${sparse}`);
  if (failed) process.exitCode = 1;
}

main();
