/**
 * Re-matching after 1 % of the mentors leave, on the 20,000 × 5,000 regional
 * instance of `assignment.bench.ts`: `rematch` (keep the pairs, within 1 % of
 * the optimum) against solving the new instance from scratch, in the same
 * run — time, churn (previous pairs that changed) and peak RSS, as ratios.
 * The least possible churn is the number of requests whose mentor left (when
 * they can all be re-placed). `--quick`: 4,000 × 1,000.
 */
import { loadavg } from 'node:os';
import { publishBench } from '../../../scripts/bench-publish';
import { type RematchPrevious, rematch, rematchSparse, solveSparseAssignment } from '../src/index';
import { regionalInstance, rng } from './instances';

const quick = process.argv.includes('--quick');
const fmt = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);

function main(): void {
  const loadStart = loadavg()[0]!;
  const reg = regionalInstance(quick ? 4000 : 20_000, quick ? 1000 : 5_000, 50, 7);
  const mentorId = (j: number) => `t-${String(j).padStart(5, '0')}`;
  const requestId = (i: number) => `p-${String(i).padStart(6, '0')}`;
  const candidates: Array<{ mentorId: string; requestId: string; score: number }> = [];
  for (let i = 0; i < reg.rows; i++) {
    for (let e = reg.rowStart[i]!; e < reg.rowStart[i + 1]!; e++) {
      candidates.push({ mentorId: mentorId(reg.colIndex[e]!), requestId: requestId(i), score: reg.cost[e]! });
    }
  }
  // The current assignment: the optimum of the instance before the change.
  const before = solveSparseAssignment(reg, { maximize: true });
  const pairs: Array<{ mentorId: string; requestId: string }> = [];
  for (let i = 0; i < reg.rows; i++) {
    const j = before.rowToCol[i]!;
    if (j >= 0) pairs.push({ mentorId: mentorId(j), requestId: requestId(i) });
  }
  const previous: RematchPrevious = {
    instance: {
      mentors: Array.from(reg.capacities, (capacity, j) => ({ id: mentorId(j), capacity })),
      requests: Array.from({ length: reg.rows }, (_, i) => ({ id: requestId(i) })),
      candidates,
    },
    pairs,
  };
  // 1 % of the mentors leave (deterministic draw).
  const r = rng(11);
  const leaving = new Set<number>();
  while (leaving.size < Math.round(reg.cols / 100)) leaving.add(Math.floor(r() * reg.cols));
  const mentorsLeft = [...leaving].map(mentorId);
  let displaced = 0;
  for (let i = 0; i < reg.rows; i++) if (leaving.has(before.rowToCol[i]!)) displaced++;

  let peakRss = process.memoryUsage().rss;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  /**
   * Run `f` `n` times in a row, after one collection (a collection before each run would time the
   * collector's aftermath, not `f`); the median wall and CPU time, and the last result.
   */
  const timed = <T>(n: number, f: () => T): { value: T; seconds: number; cpuSeconds: number } => {
    const walls: number[] = [];
    const cpus: number[] = [];
    let value: T | undefined;
    (globalThis as { gc?: () => void }).gc?.();
    for (let k = 0; k < n; k++) {
      const c0 = cpu();
      const t0 = performance.now();
      value = f();
      walls.push((performance.now() - t0) / 1000);
      cpus.push(cpu() - c0);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    return { value: value as T, seconds: median(walls), cpuSeconds: median(cpus) };
  };
  const runs = quick ? 3 : 5;
  const ids = timed(3, () => rematch(previous, { mentorsLeft }, { tolerance: 0.01 }));
  const result = ids.value;
  const rematchSeconds = ids.seconds;
  const rematchCpu = ids.cpuSeconds;

  // The same new instance on typed arrays (the leaving mentors' places set to 0).
  const capacities = Int32Array.from(reg.capacities, (c, j) => (leaving.has(j) ? 0 : c));
  const typed = timed(runs, () =>
    rematchSparse({ ...reg, capacities, previous: before.rowToCol }, { tolerance: 0.01 }),
  );
  const sparse = typed.value;
  const sparseSeconds = typed.seconds;
  const sparseCpu = typed.cpuSeconds;
  // From scratch: the same new instance, solved alone.
  const fresh = timed(runs, () => solveSparseAssignment({ ...reg, capacities }, { maximize: true }));
  const scratch = fresh.value;
  const scratchSeconds = fresh.seconds;
  const scratchCpu = fresh.cpuSeconds;
  let scratchChurn = 0;
  for (let i = 0; i < reg.rows; i++) {
    const j = before.rowToCol[i]!;
    if (j >= 0 && scratch.rowToCol[i] !== j) scratchChurn++;
  }
  const ok =
    result.totalScore >= result.scoreBound &&
    result.pairs.length === scratch.assigned &&
    sparse.total >= sparse.bound &&
    sparse.assigned === scratch.assigned;
  const lines = [
    `Re-matching after 1 % of the mentors leave (${mentorsLeft.length} of ${reg.cols}) on the regional instance, ${reg.rows} requests × ${reg.cols} mentors, ${candidates.length} candidate pairs, ${pairs.length} pairs before; ${displaced} requests lose their mentor (the least possible churn).`,
    '',
    '| | time | CPU time | churn (pairs changed) | churn / least | total score | pairs |',
    '|---|---|---|---|---|---|---|',
    `| \`rematch\` (tolerance 1 %) | ${fmt(rematchSeconds)} | ${fmt(rematchCpu)} | ${result.churn} | ${(result.churn / Math.max(1, displaced)).toFixed(2)} | ${result.totalScore} (${((100 * result.totalScore) / result.optimalScore).toFixed(2)} % of the optimum) | ${result.pairs.length} |`,
    `| \`rematchSparse\` (typed arrays, tolerance 1 %) | ${fmt(sparseSeconds)} | ${fmt(sparseCpu)} | ${sparse.churn} | ${(sparse.churn / Math.max(1, displaced)).toFixed(2)} | ${sparse.total} | ${sparse.assigned} |`,
    `| from scratch (\`solveSparseAssignment\`) | ${fmt(scratchSeconds)} | ${fmt(scratchCpu)} | ${scratchChurn} | ${(scratchChurn / Math.max(1, displaced)).toFixed(2)} | ${scratch.total} | ${scratch.assigned} |`,
    '',
    `Median of ${runs} runs (\`rematch\`: of 3), in a row after one collection. Ratios to scratch: time rematchSparse ${(sparseSeconds / scratchSeconds).toFixed(2)}× (CPU ${(sparseCpu / scratchCpu).toFixed(2)}×), rematch ${(rematchSeconds / scratchSeconds).toFixed(2)}× (CPU ${(rematchCpu / scratchCpu).toFixed(2)}×); churn ${(sparse.churn / Math.max(1, scratchChurn)).toFixed(3)}×. ` +
      `rematch ran ${result.solves} solve${result.solves === 1 ? '' : 's'} (a fresh solve for the optimum; then the requests left without their pair on the places left, when places are left); churn proven minimal: ${result.churnProvenMinimal ? 'yes' : `no (proven lower bound ${result.minChurnLowerBound})`}; ` +
      `time includes checking the ${candidates.length} candidate pairs (a loop; zod only for a pair the loop rejects). Peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB. ` +
      `Load average ${loadStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (2 cores), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`,
  ];
  const markdown = lines.join('\n');
  process.stdout.write(`${markdown}\n`);
  if (!ok) process.exitCode = 1;
  if (!quick) publishBench('matching', markdown, 'rematch');
}

main();
