import { isNastavnikError } from '@nastavnik/core';
import {
  type RematchChanges,
  type RematchPrevious,
  type RematchResult,
  rematch,
  rematchSparse,
} from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type Instance = RematchResult['instance'];

/** Every assignment of the instance (each request: a candidate mentor or none), capacities respected. */
function bruteForce(instance: Instance, previous: ReadonlyMap<string, string>, tolerance: number) {
  const requests = instance.requests.map((r) => r.id);
  const options = requests.map((id) => instance.candidates.filter((c) => c.requestId === id));
  const cap = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const all: Array<{ size: number; score: number; kept: number }> = [];
  const load = new Map<string, number>();
  const walk = (k: number, size: number, score: number, kept: number) => {
    if (k === requests.length) {
      all.push({ size, score, kept });
      return;
    }
    walk(k + 1, size, score, kept);
    for (const c of options[k]!) {
      const l = load.get(c.mentorId) ?? 0;
      if (l >= cap.get(c.mentorId)!) continue;
      load.set(c.mentorId, l + 1);
      walk(k + 1, size + 1, score + c.score, kept + (previous.get(requests[k]!) === c.mentorId ? 1 : 0));
      load.set(c.mentorId, l);
    }
  };
  walk(0, 0, 0, 0);
  const size = Math.max(...all.map((a) => a.size));
  const best = all.filter((a) => a.size === size);
  const optimum = Math.max(...best.map((a) => a.score));
  const bound = optimum - tolerance * Math.abs(optimum);
  const maxKept = Math.max(...best.filter((a) => a.score >= bound - 1e-9).map((a) => a.kept));
  return { size, optimum, bound, maxKept };
}

const world = fc
  .record({
    mentors: fc.integer({ min: 1, max: 4 }),
    requests: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 120, maxLength: 120 }),
    tolerance: fc.constantFrom(0, 0.02, 0.1, 0.25),
  })
  .map(({ mentors, requests, seed, tolerance }) => {
    let k = 0;
    const next = (n: number) => seed[k++ % seed.length]! % n;
    const mentorIds = Array.from({ length: mentors }, (_, j) => `t-${j}`);
    const requestIds = Array.from({ length: requests }, (_, i) => `p-${i}`);
    const candidates = requestIds.flatMap((requestId) =>
      mentorIds.filter(() => next(3) > 0).map((mentorId) => ({ mentorId, requestId, score: next(11) })),
    );
    const capacity = mentorIds.map(() => next(3));
    const load = new Map<string, number>();
    const pairs: Array<{ mentorId: string; requestId: string }> = [];
    for (const requestId of requestIds) {
      const mine = candidates.filter((c) => c.requestId === requestId);
      if (mine.length === 0 || next(4) === 0) continue;
      const c = mine[next(mine.length)]!;
      const j = mentorIds.indexOf(c.mentorId);
      if ((load.get(c.mentorId) ?? 0) >= capacity[j]!) continue;
      load.set(c.mentorId, (load.get(c.mentorId) ?? 0) + 1);
      pairs.push({ mentorId: c.mentorId, requestId });
    }
    const previous: RematchPrevious = {
      instance: {
        mentors: mentorIds.map((id, j) => ({ id, capacity: capacity[j]! })),
        requests: requestIds.map((id) => ({ id })),
        candidates,
      },
      pairs,
    };
    const leaving = mentorIds.filter(() => next(5) === 0);
    const staying = mentorIds.filter((id) => !leaving.includes(id));
    const removed = requestIds.filter(() => next(8) === 0);
    const changes: RematchChanges = {
      mentorsLeft: leaving,
      mentorsArrived: next(2) === 0 ? [{ id: 't-new', capacity: 1 + next(2) }] : [],
      requestsRemoved: removed,
      requestsAdded: next(2) === 0 ? [{ id: 'p-new' }] : [],
      capacities: staying.filter(() => next(4) === 0).map((mentorId) => ({ mentorId, capacity: next(3) })),
      forbiddenPairs: pairs
        .filter((p) => staying.includes(p.mentorId) && !removed.includes(p.requestId) && next(5) === 0)
        .map((p) => ({ ...p })),
    };
    const arrived = (changes.mentorsArrived ?? []).map((m) => m.id);
    const addedRequests = (changes.requestsAdded ?? []).map((r) => r.id);
    changes.candidates = [
      ...arrived.flatMap((mentorId) =>
        [...requestIds.filter((id) => !removed.includes(id)), ...addedRequests]
          .filter(() => next(2) === 0)
          .map((requestId) => ({ mentorId, requestId, score: next(11) })),
      ),
      ...addedRequests.flatMap((requestId) =>
        staying.filter(() => next(2) === 0).map((mentorId) => ({ mentorId, requestId, score: next(11) })),
      ),
    ];
    return { previous, changes, tolerance };
  });

describe('rematch', () => {
  it('keeps the other pairs when a mentor leaves and explains the change', () => {
    const result = rematch(
      {
        instance: {
          mentors: [
            { id: 't-1', capacity: 1 },
            { id: 't-2', capacity: 2 },
          ],
          requests: [{ id: 'p-1' }, { id: 'p-2' }],
          candidates: [
            { mentorId: 't-1', requestId: 'p-1', score: 0.9 },
            { mentorId: 't-2', requestId: 'p-1', score: 0.6 },
            { mentorId: 't-2', requestId: 'p-2', score: 0.7 },
          ],
        },
        pairs: [
          { mentorId: 't-1', requestId: 'p-1' },
          { mentorId: 't-2', requestId: 'p-2' },
        ],
      },
      { mentorsLeft: ['t-1'] },
    );
    expect(result.pairs.map((p) => [p.mentorId, p.requestId, p.kept])).toEqual([
      ['t-2', 'p-1', false],
      ['t-2', 'p-2', true],
    ]);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      requestId: 'p-1',
      from: 't-1',
      to: 't-2',
      reason: 'mentorLeft',
    });
    expect(result.changes[0]!.text.ru).toContain('Наставник выбыл');
    expect(result.changes[0]!.text.en).toContain('another mentor is assigned');
    expect(result).toMatchObject({
      churn: 1,
      forcedChurn: 1,
      minChurnLowerBound: 1,
      churnProvenMinimal: true,
    });
  });

  it('moves a pair only when the tolerance demands it', () => {
    // p-2 arrives and fits only with t-1, who holds p-1; p-1 could move to t-2 (score 1 instead of 10).
    const previous: RematchPrevious = {
      instance: {
        mentors: [
          { id: 't-1', capacity: 1 },
          { id: 't-2', capacity: 1 },
        ],
        requests: [{ id: 'p-1' }],
        candidates: [
          { mentorId: 't-1', requestId: 'p-1', score: 10 },
          { mentorId: 't-2', requestId: 'p-1', score: 1 },
        ],
      },
      pairs: [{ mentorId: 't-1', requestId: 'p-1' }],
    };
    const changes: RematchChanges = {
      requestsAdded: [{ id: 'p-2' }],
      candidates: [{ mentorId: 't-1', requestId: 'p-2', score: 10 }],
    };
    // the most pairs come first: p-1 must move to t-2 so that p-2 gets a mentor
    const r = rematch(previous, changes, { tolerance: 0 });
    expect(r.pairs.map((p) => `${p.mentorId}:${p.requestId}`)).toEqual(['t-1:p-2', 't-2:p-1']);
    expect(r.changes.map((c) => [c.requestId, c.reason])).toEqual([
      ['p-1', 'reassigned'],
      ['p-2', 'placed'],
    ]);
    expect(r.churnProvenMinimal).toBe(true);
  });

  it('trades a pair for score only beyond the tolerance', () => {
    const previous: RematchPrevious = {
      instance: {
        mentors: [
          { id: 't-1', capacity: 1 },
          { id: 't-2', capacity: 1 },
        ],
        requests: [{ id: 'p-1' }, { id: 'p-2' }],
        candidates: [
          { mentorId: 't-1', requestId: 'p-1', score: 5 },
          { mentorId: 't-2', requestId: 'p-2', score: 5 },
          { mentorId: 't-2', requestId: 'p-1', score: 6 },
          { mentorId: 't-1', requestId: 'p-2', score: 6 },
        ],
      },
      pairs: [
        { mentorId: 't-1', requestId: 'p-1' },
        { mentorId: 't-2', requestId: 'p-2' },
      ],
    };
    expect(rematch(previous, {}, { tolerance: 0.2 }).churn).toBe(0);
    const strict = rematch(previous, {}, { tolerance: 0.1 });
    expect(strict.churn).toBe(2);
    expect(strict.totalScore).toBe(12);
    expect(strict.changes.every((c) => c.reason === 'reassigned')).toBe(true);
  });

  it('against brute force: feasible, the most pairs, within tolerance, churn at the brute-force minimum or within the stated gap', () => {
    let proven = 0;
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(world, ({ previous, changes, tolerance }) => {
        const r = rematch(previous, changes, { tolerance });
        const inst = r.instance;
        const before = new Map(previous.pairs.map((p) => [p.requestId, p.mentorId]));
        const truth = bruteForce(inst, before, tolerance);
        // (a) feasible
        const cand = new Map(inst.candidates.map((c) => [`${c.mentorId}|${c.requestId}`, c.score]));
        const load = new Map<string, number>();
        const seen = new Set<string>();
        let total = 0;
        for (const p of r.pairs) {
          expect(cand.has(`${p.mentorId}|${p.requestId}`)).toBe(true);
          expect(seen.has(p.requestId)).toBe(false);
          seen.add(p.requestId);
          load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
          total += p.score;
        }
        for (const m of inst.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity);
        expect(r.pairs.length).toBe(truth.size);
        expect(r.totalScore).toBeCloseTo(total, 9);
        // (b) within tolerance of the brute-force optimum
        expect(r.optimalScore).toBeCloseTo(truth.optimum, 9);
        expect(r.totalScore).toBeGreaterThanOrEqual(truth.bound - 1e-9);
        // (c) churn: the proven lower bound holds; a churn said minimal is the brute-force minimum
        const open = [...before.keys()].filter((id) => inst.requests.some((q) => q.id === id)).length;
        const minChurn = open - truth.maxKept;
        expect(r.minChurnLowerBound).toBeLessThanOrEqual(minChurn);
        expect(r.churn).toBeGreaterThanOrEqual(minChurn);
        if (r.churnProvenMinimal) expect(r.churn).toBe(minChurn);
        // the gap left by the Lagrangian relaxation is at most one pair on these instances
        expect(r.churn).toBeLessThanOrEqual(minChurn + 1);
        runs++;
        if (r.churnProvenMinimal) proven++;
        if (r.churn === minChurn) exact++;
      }),
      { numRuns: 400 },
    );
    // the minimum is reached in nearly every case, and the certificate proves most of them by itself
    expect(exact).toBeGreaterThanOrEqual(runs * 0.97);
    expect(proven).toBeGreaterThanOrEqual(runs * 0.9);
  });

  it('rejects bad input with typed errors', () => {
    const instance = { mentors: [{ id: 't-1', capacity: 1 }], requests: [{ id: 'p-1' }], candidates: [] };
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isNastavnikError(e) ? [e.code, e.path.join('.')] : 'raw';
      }
      return 'none';
    };
    expect(code(() => rematch({ instance, pairs: [] }, { mentorsLeft: ['t-9'] }))).toEqual([
      'unknown_reference',
      'mentorsLeft.0',
    ]);
    expect(code(() => rematch({ instance, pairs: [] }, {}, { tolerance: 2 }))).toEqual([
      'invalid_input',
      'tolerance',
    ]);
    expect(
      code(() =>
        rematch({
          instance: { ...instance, mentors: [{ id: 't-1', capacity: 0 }] },
          pairs: [{ mentorId: 't-1', requestId: 'p-1' }],
        }),
      ),
    ).toEqual(['too_big', 'pairs.0']);
    expect(code(() => rematch({ instance, pairs: [] }, { requestsAdded: [{ id: 'p-1' }] }))).toEqual([
      'duplicate_id',
      'requestsAdded.0.id',
    ]);
    // Candidate pairs: the first bad one in input order, as zod and a loop over them would report it.
    const two = {
      mentors: [
        { id: 't-1', capacity: 1 },
        { id: 't-2', capacity: 1 },
      ],
      requests: [{ id: 'p-1' }, { id: 'p-2' }],
    };
    const c = (mentorId: string, requestId: string, score: unknown = 1) => ({ mentorId, requestId, score });
    const withCandidates = (candidates: unknown[]) =>
      code(() => rematch({ instance: { ...two, candidates } as RematchPrevious['instance'], pairs: [] }));
    expect(withCandidates([c('t-1', 'p-1'), c('t-1', 'p-2', Number.NaN)])).toEqual([
      'invalid_type',
      'instance.candidates.1.score',
    ]);
    expect(
      withCandidates([c('t-1', 'p-1'), c('t-2', 'p-1'), { mentorId: '', requestId: 'p-2', score: 1 }]),
    ).toEqual(['too_small', 'instance.candidates.2.mentorId']);
    expect(withCandidates([c('t-1', 'p-2'), c('t-2', 'p-1'), c('t-1', 'p-2'), c('t-9', 'p-1')])).toEqual([
      'duplicate_id',
      'instance.candidates.2',
    ]);
    expect(withCandidates([c('t-1', 'p-2'), c('t-9', 'p-1'), c('t-1', 'p-2')])).toEqual([
      'unknown_reference',
      'instance.candidates.1',
    ]);
    expect(withCandidates([c('t-1', 'p-1'), c('t-2', 'p-1'), c('t-2', 'p-1'), c('t-1', 'p-1')])).toEqual([
      'duplicate_id',
      'instance.candidates.2',
    ]);
  });

  it('re-scores a known candidate pair from the changes (the last score given wins) and leaves out forbidden ones', () => {
    const previous: RematchPrevious = {
      instance: {
        mentors: [
          { id: 't-1', capacity: 1 },
          { id: 't-2', capacity: 1 },
        ],
        requests: [{ id: 'p-1' }, { id: 'p-2' }],
        candidates: [
          { mentorId: 't-2', requestId: 'p-1', score: 1 },
          { mentorId: 't-1', requestId: 'p-1', score: 5 },
          { mentorId: 't-1', requestId: 'p-2', score: 4 },
          { mentorId: 't-2', requestId: 'p-2', score: 4 },
        ],
      },
      pairs: [
        { mentorId: 't-1', requestId: 'p-1' },
        { mentorId: 't-2', requestId: 'p-2' },
      ],
    };
    const r = rematch(
      previous,
      {
        candidates: [
          { mentorId: 't-2', requestId: 'p-1', score: 3 },
          { mentorId: 't-1', requestId: 'p-2', score: 20 },
          { mentorId: 't-2', requestId: 'p-1', score: 9 },
        ],
        forbiddenPairs: [{ mentorId: 't-1', requestId: 'p-1' }],
      },
      { tolerance: 0 },
    );
    expect(r.instance.candidates).toEqual([
      { mentorId: 't-2', requestId: 'p-1', score: 9 },
      { mentorId: 't-1', requestId: 'p-2', score: 20 },
      { mentorId: 't-2', requestId: 'p-2', score: 4 },
    ]);
    expect(r.pairs.map((p) => [p.mentorId, p.requestId, p.score])).toEqual([
      ['t-1', 'p-2', 20],
      ['t-2', 'p-1', 9],
    ]);
    expect(r.optimalScore).toBe(29);
    // `instance` is made when read, but JSON and a spread see it as a field.
    expect(JSON.parse(JSON.stringify(r)).instance).toEqual(r.instance);
    expect({ ...r }.instance).toBe(r.instance);
  });

  it('rematchSparse: the same repair on typed arrays, with the forced churn of a removed edge', () => {
    // row 0 held column 0, which left (no edge any more); row 1 keeps column 1
    const r = rematchSparse({
      rows: 2,
      cols: 2,
      rowStart: [0, 1, 2],
      colIndex: [1, 1],
      cost: [5, 3],
      capacities: [0, 2],
      previous: [0, 1],
    });
    expect(Array.from(r.rowToCol)).toEqual([1, 1]);
    expect(r).toMatchObject({ churn: 1, minChurnLowerBound: 1, total: 8, optimum: 8 });
    expect(() =>
      rematchSparse({ rows: 1, cols: 1, rowStart: [0, 0], colIndex: [], cost: [], previous: [] }),
    ).toThrow(expect.objectContaining({ code: 'invalid_input', path: ['previous'] }));
  });

  it('rematchSparse against brute force, with mentors who left kept as columns without places', () => {
    fc.assert(
      fc.property(world, ({ previous, changes, tolerance }) => {
        // the previous instance as CSR; the mentors who leave get 0 places but keep their edges
        const inst = previous.instance;
        const mentors = inst.mentors.map((m) => m.id);
        const requests = inst.requests.map((q) => q.id);
        const left = new Set(changes.mentorsLeft ?? []);
        const rowStart = [0];
        const colIndex: number[] = [];
        const cost: number[] = [];
        for (const q of requests) {
          for (const c of inst.candidates.filter((x) => x.requestId === q)) {
            colIndex.push(mentors.indexOf(c.mentorId));
            cost.push(c.score);
          }
          rowStart.push(colIndex.length);
        }
        const capacities = inst.mentors.map((m) => (left.has(m.id) ? 0 : m.capacity));
        const before = new Map(previous.pairs.map((p) => [p.requestId, p.mentorId]));
        const prevCol = requests.map((q) => (before.has(q) ? mentors.indexOf(before.get(q)!) : -1));
        const r = rematchSparse(
          {
            rows: requests.length,
            cols: mentors.length,
            rowStart,
            colIndex,
            cost,
            capacities,
            previous: prevCol,
          },
          { tolerance },
        );
        const truth = bruteForce(
          {
            mentors: inst.mentors.map((m, j) => ({ id: m.id, capacity: capacities[j]! })),
            requests: inst.requests,
            candidates: inst.candidates,
          },
          before,
          tolerance,
        );
        expect(r.assigned).toBe(truth.size);
        expect(r.optimum).toBeCloseTo(truth.optimum, 9);
        expect(r.total).toBeGreaterThanOrEqual(truth.bound - 1e-9);
        const minChurn = before.size - truth.maxKept;
        expect(r.minChurnLowerBound).toBeLessThanOrEqual(minChurn);
        expect(r.churn).toBeGreaterThanOrEqual(minChurn);
        if (r.churn === r.minChurnLowerBound) expect(r.churn).toBe(minChurn);
        expect(r.churn).toBeLessThanOrEqual(minChurn + 1);
      }),
      { numRuns: 300 },
    );
  });
});
