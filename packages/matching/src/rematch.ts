import {
  issueMessagesEn,
  issueMessagesRu,
  type LocalizedText,
  parse,
  type RematchChangeReason,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { fail } from './_internal/fail';
import { minChurnAssignment } from './_internal/minChurn';

registerCatalogue();

const Id = z.string().min(1);
const Capacity = z.number().int().min(0);
const CandidateSchema = z.object({ mentorId: Id, requestId: Id, score: z.number().finite() });
const PairSchema = z.object({ mentorId: Id, requestId: Id });

/**
 * Zod schema of a matching instance as {@link rematch} reads it: mentors with
 * their places, requests (mentees waiting for a mentor) and the candidate
 * pairs with their scores (e.g. each eligible pair's `score` from
 * {@link matchOptimal}'s criteria and weights). A missing candidate pair is
 * not allowed.
 *
 * @category Matching
 * @example
 * const instance = RematchInstanceSchema.parse({
 *   mentors: [{ id: 't-1', capacity: 2 }],
 *   requests: [{ id: 'p-1' }],
 *   candidates: [{ mentorId: 't-1', requestId: 'p-1', score: 0.8 }],
 * });
 */
export const RematchInstanceSchema = z.object({
  mentors: z.array(z.object({ id: Id, capacity: Capacity })),
  requests: z.array(z.object({ id: Id })),
  candidates: z.array(CandidateSchema),
});
/** A matching instance for {@link rematch}, as written. @category Matching @example const i: RematchInstance = { mentors: [], requests: [], candidates: [] }; */
export type RematchInstance = z.input<typeof RematchInstanceSchema>;

/**
 * Zod schema of the current assignment: the instance it was computed on and
 * its pairs (mentor ↔ request).
 *
 * @category Matching
 * @example
 * const previous = RematchPreviousSchema.parse({ instance, pairs: [{ mentorId: 't-1', requestId: 'p-1' }] });
 */
export const RematchPreviousSchema = z.object({
  instance: RematchInstanceSchema,
  pairs: z.array(PairSchema),
});
/** The current assignment, as written. @category Matching @example const p: RematchPrevious = { instance, pairs: [] }; */
export type RematchPrevious = z.input<typeof RematchPreviousSchema>;

/**
 * Zod schema of what changed since the assignment was made: mentors leaving
 * or arriving, requests added or withdrawn, places changed, pairs forbidden,
 * candidate pairs added or re-scored (for arriving mentors and new requests).
 *
 * @category Matching
 * @example
 * const changes = RematchChangesSchema.parse({ mentorsLeft: ['t-1'] });
 */
export const RematchChangesSchema = z.object({
  mentorsLeft: z.array(Id).default([]),
  mentorsArrived: z.array(z.object({ id: Id, capacity: Capacity })).default([]),
  requestsAdded: z.array(z.object({ id: Id })).default([]),
  requestsRemoved: z.array(Id).default([]),
  capacities: z.array(z.object({ mentorId: Id, capacity: Capacity })).default([]),
  forbiddenPairs: z.array(PairSchema).default([]),
  candidates: z.array(CandidateSchema).default([]),
});
/** The changes, as written. @category Matching @example const c: RematchChanges = { mentorsLeft: ['t-7'] }; */
export type RematchChanges = z.input<typeof RematchChangesSchema>;

/**
 * Options of {@link rematch}.
 *
 * @category Matching
 * @example
 * const o: RematchOptions = { tolerance: 0.01 };
 */
export interface RematchOptions {
  /**
   * Relative optimality tolerance: the result's total score is at least
   * `(1 − tolerance) ·` the best total of a fresh solve (with the most
   * requests matched, as in {@link matchOptimal}). Default 0.01; 0..1.
   */
  readonly tolerance?: number;
  /** Most assignment solves to spend on proving the churn minimal (default 24, at least 2). */
  readonly maxSolves?: number;
  readonly signal?: AbortSignal;
}

/**
 * One changed pair and why: ids only, texts from core's catalogue
 * (`rematch_change`).
 *
 * @category Matching
 * @example
 * for (const c of result.changes) console.log(c.requestId, c.from, '→', c.to, c.text.ru);
 */
export interface RematchChange {
  readonly requestId: string;
  /** The previous mentor, if any. */
  readonly from?: string;
  /** The new mentor, if any. */
  readonly to?: string;
  readonly reason: RematchChangeReason;
  readonly text: LocalizedText;
}

/**
 * The result of {@link rematch}.
 *
 * @category Matching
 * @example
 * const { pairs, changes, churn, churnProvenMinimal } = rematch(previous, changes);
 */
export interface RematchResult {
  /** The new assignment, sorted by mentor id, then request id; `kept` for a previous pair. */
  readonly pairs: ReadonlyArray<{
    readonly mentorId: string;
    readonly requestId: string;
    readonly score: number;
    readonly kept: boolean;
  }>;
  /** Every pair that changed, ended or was made, with its reason; sorted by request id. */
  readonly changes: readonly RematchChange[];
  /** Requests without a mentor, sorted. */
  readonly unmatched: readonly string[];
  /** Previous pairs of requests still open that changed (moved or ended). */
  readonly churn: number;
  /** Of them, pairs that could not be kept whatever the solve (mentor left, pair forbidden or no longer a candidate). */
  readonly forcedChurn: number;
  /** A proven lower bound on the churn of any assignment with the most pairs within the tolerance. */
  readonly minChurnLowerBound: number;
  /** True when `churn === minChurnLowerBound`: the churn is the least possible. */
  readonly churnProvenMinimal: boolean;
  readonly totalScore: number;
  /** Best total of a fresh solve of the new instance. */
  readonly optimalScore: number;
  /** The least total allowed by the tolerance. */
  readonly scoreBound: number;
  /** The new instance (mentors, requests and candidates after the changes), for the next re-match; made when first read. */
  readonly instance: z.output<typeof RematchInstanceSchema>;
  /** Assignment solves run. */
  readonly solves: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Candidate = z.output<typeof CandidateSchema>;
type Previous = z.output<typeof RematchPreviousSchema>;

/** What zod's `CandidateSchema` accepts, checked by hand (a region has a million candidate pairs). */
const isCandidate = (c: unknown): c is Candidate => {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const { mentorId, requestId, score } = c as Record<string, unknown>;
  return (
    typeof mentorId === 'string' &&
    mentorId.length > 0 &&
    typeof requestId === 'string' &&
    requestId.length > 0 &&
    typeof score === 'number' &&
    Number.isFinite(score)
  );
};

/**
 * `RematchPreviousSchema`, with the candidate pairs checked by a loop instead
 * of zod (zod took 0.8 s of the 2 s of a regional re-match): a pair the loop
 * does not accept goes through zod, which gives the error (or the value) it
 * would have given. Everything else is parsed by the schema.
 */
function parsePrevious(previous: RematchPrevious): Previous {
  const instance = (previous as { instance?: unknown } | null)?.instance;
  const raw = (instance as { candidates?: unknown } | null | undefined)?.candidates;
  if (typeof instance !== 'object' || instance === null || !Array.isArray(raw)) {
    return parse(RematchPreviousSchema, previous);
  }
  const rest = parse(RematchPreviousSchema, { ...previous, instance: { ...instance, candidates: [] } });
  const candidates: Candidate[] = new Array(raw.length);
  for (let k = 0; k < raw.length; k++) {
    const c: unknown = raw[k];
    candidates[k] = isCandidate(c) ? c : parse(CandidateSchema, c, ['instance', 'candidates', k]);
  }
  return { ...rest, instance: { ...rest.instance, candidates } };
}

/**
 * Repair an assignment after mentors leave or arrive, requests are added or
 * withdrawn, places change or pairs are forbidden mid-year, keeping existing
 * pairs unless changing them is necessary. Among the assignments with the
 * most requests matched whose total score is within `tolerance` of a fresh
 * optimal solve, it keeps as many previous pairs as it can: a Lagrangian
 * keep bonus on previous pairs in the exact sparse solver, bisected on the
 * bonus, with a certificate — `minChurnLowerBound` is proven (duality), and
 * `churnProvenMinimal` says when the churn reaches it. Each change is
 * explained with a reason code and Russian and English texts; no names.
 *
 * @category Matching
 * @param previous - the current pairs and the instance (mentors, requests, scored candidate pairs) they came from.
 * @param changes - mentors left or arrived, requests added or removed, capacities, forbidden pairs, new candidates.
 * @param options - `tolerance` (default 0.01), `maxSolves`, `signal`.
 * @returns the new pairs, each change with its reason, the churn and its proven lower bound.
 * @throws NastavnikError on invalid input: `unknown_reference`, `duplicate_id`, `duplicate_mentee`, `too_big`, `invalid_input`; `aborted`.
 * @example
 * import { rematch } from '@nastavnik/matching';
 * const result = rematch(
 *   {
 *     instance: {
 *       mentors: [{ id: 't-1', capacity: 1 }, { id: 't-2', capacity: 1 }],
 *       requests: [{ id: 'p-1' }, { id: 'p-2' }],
 *       candidates: [
 *         { mentorId: 't-1', requestId: 'p-1', score: 0.9 },
 *         { mentorId: 't-2', requestId: 'p-1', score: 0.6 },
 *         { mentorId: 't-2', requestId: 'p-2', score: 0.7 },
 *       ],
 *     },
 *     pairs: [{ mentorId: 't-1', requestId: 'p-1' }, { mentorId: 't-2', requestId: 'p-2' }],
 *   },
 *   { mentorsLeft: ['t-1'] },
 * );
 * result.changes; // [{ requestId: 'p-1', from: 't-1', reason: 'mentorLeft', text: { ru: 'Наставник выбыл…', en: '…' } }]
 * result.churn; // 1 — p-2 keeps t-2
 */
export function rematch(
  previous: RematchPrevious,
  changes: RematchChanges = {},
  options: RematchOptions = {},
): RematchResult {
  const prev = parsePrevious(previous);
  const ch = parse(RematchChangesSchema, changes);
  const tolerance = options.tolerance ?? 0.01;
  if (!(tolerance >= 0 && tolerance <= 1))
    throw fail('invalid_input', ['tolerance'], { reason: 'rematchTolerance' });
  const maxSolves = options.maxSolves ?? 24;
  if (!Number.isInteger(maxSolves) || maxSolves < 2) {
    throw fail('invalid_input', ['maxSolves'], { reason: 'rematchMaxSolves' });
  }

  // The previous instance, indexed.
  const oldCapacity = new Map<string, number>();
  prev.instance.mentors.forEach((m, k) => {
    if (oldCapacity.has(m.id))
      throw fail('duplicate_id', ['instance', 'mentors', k, 'id'], { of: 'participant' });
    oldCapacity.set(m.id, m.capacity);
  });
  const oldRequests = new Set<string>();
  prev.instance.requests.forEach((r, k) => {
    if (oldRequests.has(r.id))
      throw fail('duplicate_id', ['instance', 'requests', k, 'id'], { of: 'request' });
    oldRequests.add(r.id);
  });

  // The new mentors and requests.
  const capacity = new Map(oldCapacity);
  const left = new Set<string>();
  ch.mentorsLeft.forEach((id, k) => {
    if (!capacity.has(id)) throw fail('unknown_reference', ['mentorsLeft', k], { ref: 'mentor' });
    capacity.delete(id);
    left.add(id);
  });
  ch.mentorsArrived.forEach((m, k) => {
    if (capacity.has(m.id)) throw fail('duplicate_id', ['mentorsArrived', k, 'id'], { of: 'participant' });
    capacity.set(m.id, m.capacity);
  });
  const reduced = new Set<string>();
  ch.capacities.forEach((c, k) => {
    const was = capacity.get(c.mentorId);
    if (was === undefined) throw fail('unknown_reference', ['capacities', k, 'mentorId'], { ref: 'mentor' });
    if (c.capacity < was) reduced.add(c.mentorId);
    capacity.set(c.mentorId, c.capacity);
  });
  const requests = new Set(oldRequests);
  const removed = new Set<string>();
  ch.requestsRemoved.forEach((id, k) => {
    if (!requests.delete(id)) throw fail('unknown_reference', ['requestsRemoved', k], { ref: 'participant' });
    removed.add(id);
  });
  ch.requestsAdded.forEach((r, k) => {
    if (requests.has(r.id)) throw fail('duplicate_id', ['requestsAdded', k, 'id'], { of: 'request' });
    requests.add(r.id);
  });

  const mentorIds = [...capacity.keys()].sort(byId);
  const requestIds = [...requests].sort(byId);
  const col = new Map(mentorIds.map((id, j) => [id, j]));
  const row = new Map(requestIds.map((id, r) => [id, r]));
  const rows = requestIds.length;
  const cols = mentorIds.length;

  const forbidden = new Map<number, Set<number>>();
  ch.forbiddenPairs.forEach((p, k) => {
    const j = col.get(p.mentorId);
    const r = row.get(p.requestId);
    if (j === undefined || r === undefined) {
      throw fail('unknown_reference', ['forbiddenPairs', k], { ref: 'pair' });
    }
    const s = forbidden.get(r) ?? new Set<number>();
    s.add(j);
    forbidden.set(r, s);
  });
  const isForbidden = (r: number, j: number) => forbidden.get(r)?.has(j) === true;

  // Candidate pairs per row: the previous ones, then the changes' (added or re-scored).
  const { rowStart, colIndex, score } = candidateRows(
    prev,
    ch,
    oldCapacity,
    oldRequests,
    col,
    row,
    isForbidden,
  );
  const capacities = Int32Array.from(mentorIds, (id) => capacity.get(id)!);

  // The previous pairs.
  const prevMentor = new Map<string, string>();
  const oldLoad = new Map<string, number>();
  prev.pairs.forEach((p, k) => {
    if (!oldCapacity.has(p.mentorId) || !oldRequests.has(p.requestId)) {
      throw fail('unknown_reference', ['pairs', k], { ref: 'pair' });
    }
    if (prevMentor.has(p.requestId)) throw fail('duplicate_mentee', ['pairs', k], { scope: 'pairs' });
    prevMentor.set(p.requestId, p.mentorId);
    const load = (oldLoad.get(p.mentorId) ?? 0) + 1;
    if (load > oldCapacity.get(p.mentorId)!) {
      throw fail('too_big', ['pairs', k], { reason: 'mentorOverCapacity' });
    }
    oldLoad.set(p.mentorId, load);
  });
  const previousCol = new Int32Array(rows).fill(-1);
  for (const [requestId, mentorId] of prevMentor) {
    const r = row.get(requestId);
    const j = col.get(mentorId);
    if (r !== undefined && j !== undefined) previousCol[r] = j;
  }

  const sol = minChurnAssignment(
    { rows, cols, rowStart, colIndex, score, capacities, previous: previousCol },
    { tolerance, maxSolves, signal: options.signal },
  );

  // Results by id.
  const scoreOf = (r: number, j: number) => {
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) if (colIndex[e] === j) return score[e]!;
    return Number.NaN;
  };
  const pairs: Array<RematchResult['pairs'][number]> = [];
  const unmatched: string[] = [];
  const out: RematchChange[] = [];
  const explain = (requestId: string, reason: RematchChangeReason, from?: string, to?: string): void => {
    // a change is not an error: its texts come straight from the catalogue
    const params = { reason, replaced: to !== undefined };
    const text = {
      ru: issueMessagesRu.rematch_change(params, ''),
      en: issueMessagesEn.rematch_change(params, ''),
    };
    out.push({
      requestId,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      reason,
      text,
    });
  };
  let churn = 0;
  let forced = 0;
  let open = 0;
  for (const requestId of [...prevMentor.keys()].sort(byId)) {
    if (removed.has(requestId)) explain(requestId, 'requestRemoved', prevMentor.get(requestId));
  }
  for (let r = 0; r < rows; r++) {
    const requestId = requestIds[r]!;
    const j = sol.rowToCol[r]!;
    const to = j >= 0 ? mentorIds[j]! : undefined;
    if (to !== undefined)
      pairs.push({ mentorId: to, requestId, score: scoreOf(r, j), kept: j === previousCol[r] });
    else unmatched.push(requestId);
    const from = prevMentor.get(requestId);
    if (from === undefined) {
      if (to !== undefined) explain(requestId, 'placed', undefined, to);
      continue;
    }
    open++;
    if (from === to) continue;
    churn++;
    const fromCol = col.get(from);
    const keepable = fromCol !== undefined && !Number.isNaN(scoreOf(r, fromCol));
    if (!keepable) forced++;
    const reason: RematchChangeReason = left.has(from)
      ? 'mentorLeft'
      : fromCol !== undefined && isForbidden(r, fromCol)
        ? 'pairForbidden'
        : reduced.has(from) && (capacity.get(from) ?? 0) < (oldLoad.get(from) ?? 0)
          ? 'capacityReduced'
          : 'reassigned';
    explain(requestId, reason, from, to);
  }
  out.sort((a, b) => byId(a.requestId, b.requestId));
  pairs.sort((a, b) => byId(a.mentorId, b.mentorId) || byId(a.requestId, b.requestId));
  const minChurnLowerBound = Math.max(forced, open - sol.keptUpperBound);

  let instance: RematchResult['instance'] | undefined;
  const newInstance = (): RematchResult['instance'] => {
    const candidates: Candidate[] = [];
    for (let r = 0; r < rows; r++) {
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        candidates.push({ mentorId: mentorIds[colIndex[e]!]!, requestId: requestIds[r]!, score: score[e]! });
      }
    }
    return {
      mentors: mentorIds.map((id) => ({ id, capacity: capacity.get(id)! })),
      requests: requestIds.map((id) => ({ id })),
      candidates,
    };
  };
  return {
    pairs,
    changes: out,
    unmatched,
    churn,
    forcedChurn: forced,
    minChurnLowerBound,
    churnProvenMinimal: churn === minChurnLowerBound,
    totalScore: sol.score,
    optimalScore: sol.optimum,
    scoreBound: sol.bound,
    // Made when first read (an own enumerable getter: JSON and spreads see it as a field): a region's
    // million candidate pairs as objects cost more than the re-match itself.
    get instance() {
      instance ??= newInstance();
      return instance;
    },
    solves: sol.solves,
  };
}

/**
 * The candidate pairs of the new instance in CSR form, columns ascending in
 * each row: the previous instance's (a pair whose mentor left or whose request
 * was withdrawn dropped; a pair given twice is an error), then the changes'
 * (added or re-scored, the last one given wins); forbidden pairs left out.
 * Typed arrays and one sort per row rather than a map per row: a region has a
 * million candidate pairs. Errors as a loop over the input would throw them:
 * at the first bad pair in input order.
 */
function candidateRows(
  prev: Previous,
  ch: z.output<typeof RematchChangesSchema>,
  oldCapacity: ReadonlyMap<string, number>,
  oldRequests: ReadonlySet<string>,
  col: ReadonlyMap<string, number>,
  row: ReadonlyMap<string, number>,
  isForbidden: (r: number, j: number) => boolean,
): { rowStart: Int32Array; colIndex: Int32Array; score: Float64Array } {
  const rows = row.size;
  // Old ids to their new index, -1 for a mentor who left or a request withdrawn.
  const oldCol = new Map<string, number>();
  for (const id of oldCapacity.keys()) oldCol.set(id, col.get(id) ?? -1);
  const oldRow = new Map<string, number>();
  for (const id of oldRequests) oldRow.set(id, row.get(id) ?? -1);
  const given = prev.instance.candidates;
  const added = ch.candidates;
  const er = new Int32Array(given.length);
  const ej = new Int32Array(given.length);
  const es = new Float64Array(given.length);
  const ek = new Int32Array(given.length); // the index in `given`
  let n = 0;
  let unknownAt = -1;
  // Candidate pairs usually come request by request: the last request's row saves a lookup.
  let lastRequest = '';
  let lastRow: number | undefined;
  for (let k = 0; k < given.length; k++) {
    const c = given[k]!;
    const j = oldCol.get(c.mentorId);
    if (c.requestId !== lastRequest) {
      lastRequest = c.requestId;
      lastRow = oldRow.get(lastRequest);
    }
    const r = lastRow;
    if (j === undefined || r === undefined) {
      unknownAt = k;
      break;
    }
    if (j < 0 || r < 0) continue; // left or withdrawn
    er[n] = r;
    ej[n] = j;
    es[n] = c.score;
    ek[n] = k;
    n++;
  }
  // Entries by row, then column, then input order: two stable counting sorts (by column, then by row).
  const cols = col.size;
  const colStart = new Int32Array(cols + 1);
  for (let x = 0; x < n; x++) colStart[ej[x]! + 1]!++;
  for (let j = 0; j < cols; j++) colStart[j + 1] = colStart[j + 1]! + colStart[j]!;
  const byCol = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    const j = ej[x]!;
    byCol[colStart[j]!] = x;
    colStart[j] = colStart[j]! + 1;
  }
  const start = new Int32Array(rows + 1);
  for (let x = 0; x < n; x++) start[er[x]! + 1]!++;
  for (let r = 0; r < rows; r++) start[r + 1] = start[r + 1]! + start[r]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, rows);
  for (let p = 0; p < n; p++) {
    const x = byCol[p]!;
    const r = er[x]!;
    order[fill[r]!] = x;
    fill[r] = fill[r]! + 1;
  }
  let duplicateAt = -1;
  for (let r = 0; r < rows; r++) {
    const a = start[r]!;
    const b = start[r + 1]!;
    for (let p = a + 1; p < b; p++) {
      // the second of two equal pairs is where a loop over the input would stop
      if (ej[order[p]!] === ej[order[p - 1]!]) {
        const k = ek[order[p]!]!;
        if (duplicateAt < 0 || k < duplicateAt) duplicateAt = k;
      }
    }
  }
  if (duplicateAt >= 0 && (unknownAt < 0 || duplicateAt < unknownAt)) {
    throw fail('duplicate_id', ['instance', 'candidates', duplicateAt], { of: 'pair' });
  }
  if (unknownAt >= 0) throw fail('unknown_reference', ['instance', 'candidates', unknownAt], { ref: 'pair' });
  // The changes' pairs: a new score for a known pair (the last given wins), or a new pair.
  const rescored = new Map<number, Map<number, number>>();
  added.forEach((c, k) => {
    const j = col.get(c.mentorId);
    const r = row.get(c.requestId);
    if (j === undefined || r === undefined)
      throw fail('unknown_reference', ['candidates', k], { ref: 'pair' });
    const m = rescored.get(r) ?? new Map<number, number>();
    m.set(j, c.score);
    rescored.set(r, m);
  });
  const rowStart = new Int32Array(rows + 1);
  const colIndex = new Int32Array(n + added.length);
  const score = new Float64Array(n + added.length);
  let e = 0;
  for (let r = 0; r < rows; r++) {
    const extra = rescored.get(r);
    const a = start[r]!;
    const b = start[r + 1]!;
    if (extra === undefined) {
      for (let p = a; p < b; p++) {
        const x = order[p]!;
        const j = ej[x]!;
        if (isForbidden(r, j)) continue;
        colIndex[e] = j;
        score[e] = es[x]!;
        e++;
      }
    } else {
      const merged = new Map<number, number>();
      for (let p = a; p < b; p++) merged.set(ej[order[p]!]!, es[order[p]!]!);
      for (const [j, v] of extra) merged.set(j, v);
      for (const j of [...merged.keys()].sort((x, y) => x - y)) {
        if (isForbidden(r, j)) continue;
        colIndex[e] = j;
        score[e] = merged.get(j)!;
        e++;
      }
    }
    rowStart[r + 1] = e;
  }
  return { rowStart, colIndex: colIndex.subarray(0, e), score: score.subarray(0, e) };
}
