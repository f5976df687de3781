/**
 * Benchmark instances, generated deterministically (mulberry32) so every
 * solver (ours, npm peers, scipy) sees exactly the same matrix.
 */

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DenseInstance {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** Row-major; minimise; forbidden = +Infinity. */
  readonly costs: Float64Array;
  readonly forbidden: number;
}

/** Uniform random integer costs in [0, 1000). */
export function uniformInstance(rows: number, cols: number, seed: number): DenseInstance {
  const r = rng(seed);
  const costs = new Float64Array(rows * cols);
  for (let k = 0; k < costs.length; k++) costs[k] = Math.floor(r() * 1000);
  return { name: 'uniform', rows, cols, costs, forbidden: 0 };
}

/**
 * Realistic mentor/mentee scores: each mentee has a request vector over 12
 * competences, each mentor a competence vector; score = weighted overlap +
 * subject match + experience + same school, scaled to integers 0..1000;
 * about 5% of pairs forbidden (no consent, conflicts). Cost = 1000 - score.
 */
export function realisticInstance(rows: number, cols: number, seed: number): DenseInstance {
  const r = rng(seed);
  const K = 12;
  const need = new Float64Array(rows * K);
  const comp = new Float64Array(cols * K);
  const menteeSubject = new Int32Array(rows);
  const mentorSubject = new Int32Array(cols);
  const menteeSchool = new Int32Array(rows);
  const mentorSchool = new Int32Array(cols);
  const exp = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < K; k++) need[i * K + k] = r() < 0.25 ? 1 + Math.floor(r() * 3) : 0;
    menteeSubject[i] = Math.floor(r() * 10);
    menteeSchool[i] = Math.floor(r() * 40);
  }
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < K; k++) comp[j * K + k] = r() < 0.35 ? 1 : 0;
    mentorSubject[j] = Math.floor(r() * 10);
    mentorSchool[j] = Math.floor(r() * 40);
    exp[j] = r();
  }
  const costs = new Float64Array(rows * cols);
  let forbidden = 0;
  for (let i = 0; i < rows; i++) {
    let totalNeed = 0;
    for (let k = 0; k < K; k++) totalNeed += need[i * K + k]!;
    for (let j = 0; j < cols; j++) {
      if (r() < 0.05) {
        costs[i * cols + j] = Number.POSITIVE_INFINITY;
        forbidden++;
        continue;
      }
      let overlap = 0;
      for (let k = 0; k < K; k++) overlap += need[i * K + k]! * comp[j * K + k]!;
      const s =
        0.55 * (totalNeed > 0 ? overlap / totalNeed : 0.5) +
        0.2 * (menteeSubject[i] === mentorSubject[j] ? 1 : 0) +
        0.15 * exp[j]! +
        0.1 * (menteeSchool[i] === mentorSchool[j] ? 1 : 0);
      costs[i * cols + j] = 1000 - Math.round(s * 1000);
    }
  }
  return { name: 'realistic', rows, cols, costs, forbidden };
}

export interface RegionalInstance {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly cost: Float64Array;
  readonly capacities: Int32Array;
}

/**
 * A whole region: `mentees` × `mentors`, capacities 1–4, each mentee with
 * `k` distinct candidate mentors (mostly from its own municipality), values =
 * integer scores 0..1000 (maximise).
 */
export function regionalInstance(
  mentees: number,
  mentors: number,
  k: number,
  seed: number,
): RegionalInstance {
  const r = rng(seed);
  const capacities = new Int32Array(mentors);
  for (let j = 0; j < mentors; j++) capacities[j] = 1 + Math.floor(r() * 4);
  const districts = 50;
  const perDistrict = Math.ceil(mentors / districts);
  const rowStart = new Int32Array(mentees + 1);
  const colIndex = new Int32Array(mentees * k);
  const cost = new Float64Array(mentees * k);
  const seen = new Int32Array(mentors).fill(-1);
  let e = 0;
  for (let i = 0; i < mentees; i++) {
    const district = Math.floor(r() * districts);
    let got = 0;
    while (got < k) {
      const local = r() < 0.8;
      const j = local
        ? Math.min(mentors - 1, district * perDistrict + Math.floor(r() * perDistrict))
        : Math.floor(r() * mentors);
      if (seen[j] === i) continue;
      seen[j] = i;
      colIndex[e] = j;
      cost[e] = Math.floor(r() * 1001);
      e++;
      got++;
    }
    rowStart[i + 1] = e;
  }
  return { rows: mentees, cols: mentors, rowStart, colIndex, cost, capacities };
}
