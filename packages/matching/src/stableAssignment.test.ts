import { findBlockingPairs, type StableAssignmentInput, solveStableAssignment } from '@nastavnik/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Random HR instance; `ties` groups neighbours in lists into ties. */
const hrInstance = (maxMentees: number, maxMentors: number, ties: boolean) =>
  fc
    .record({ n: fc.integer({ min: 0, max: maxMentees }), m: fc.integer({ min: 0, max: maxMentors }) })
    .chain(({ n, m }) => {
      const list = (size: number) =>
        fc
          .subarray(
            Array.from({ length: size }, (_, k) => k),
            { minLength: 0 },
          )
          .chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))
          .chain((xs) =>
            ties
              ? fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length }).map((cut) => {
                  const out: (number | number[])[] = [];
                  let group: number[] = [];
                  xs.forEach((x, k) => {
                    group.push(x);
                    if (cut[k] || k === xs.length - 1) {
                      out.push(group.length === 1 ? group[0]! : group);
                      group = [];
                    }
                  });
                  return out;
                })
              : fc.constant(xs),
          );
      return fc.record({
        menteePrefs: fc.array(list(m), { minLength: n, maxLength: n }),
        mentorPrefs: fc.array(list(n), { minLength: m, maxLength: m }),
        capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }),
      });
    });

function allStable(input: StableAssignmentInput): Int32Array[] {
  const n = input.menteePrefs.length;
  const m = input.mentorPrefs.length;
  const out: Int32Array[] = [];
  const cur = new Int32Array(n).fill(-1);
  const load = new Array(m).fill(0);
  const acceptable = (i: number, j: number) =>
    input.menteePrefs[i]!.flat().includes(j) && input.mentorPrefs[j]!.flat().includes(i);
  const rec = (i: number) => {
    if (i === n) {
      if (findBlockingPairs(input, cur).length === 0) out.push(cur.slice());
      return;
    }
    cur[i] = -1;
    rec(i + 1);
    for (let j = 0; j < m; j++) {
      if (load[j] < input.capacities[j]! && acceptable(i, j)) {
        load[j]++;
        cur[i] = j;
        rec(i + 1);
        load[j]--;
        cur[i] = -1;
      }
    }
  };
  rec(0);
  return out;
}

describe('solveStableAssignment', () => {
  it('gives the textbook mentee-optimal and mentor-optimal matchings', () => {
    const input = {
      menteePrefs: [
        [0, 1],
        [1, 0],
      ],
      mentorPrefs: [
        [1, 0],
        [0, 1],
      ],
      capacities: [1, 1],
    };
    expect(Array.from(solveStableAssignment(input).menteeToMentor)).toEqual([0, 1]);
    expect(Array.from(solveStableAssignment(input, { proposing: 'mentor' }).menteeToMentor)).toEqual([1, 0]);
  });

  it('reports broken ties and blocking pairs', () => {
    const input = { menteePrefs: [[[1, 0]], [0]], mentorPrefs: [[0, 1], [0]], capacities: [1, 1] };
    const r = solveStableAssignment(input);
    expect(r.ties).toEqual([{ side: 'mentee', index: 0, order: [0, 1] }]);
    expect(findBlockingPairs(input, r.menteeToMentor)).toEqual([]);
    expect(findBlockingPairs(input, [-1, -1])).toEqual([
      { mentee: 0, mentor: 0 },
      { mentee: 0, mentor: 1 },
      { mentee: 1, mentor: 0 },
    ]);
  });

  it('rejects bad references', () => {
    expect(() =>
      solveStableAssignment({ menteePrefs: [[3]], mentorPrefs: [[0]], capacities: [1] }),
    ).toThrowError(expect.objectContaining({ code: 'unknown_reference', path: ['menteePrefs', 0, 0] }));
  });

  it('never leaves a blocking pair, with ties, both proposing sides', () => {
    fc.assert(
      fc.property(hrInstance(12, 6, true), fc.boolean(), (input, mentorSide) => {
        const r = solveStableAssignment(input, { proposing: mentorSide ? 'mentor' : 'mentee' });
        expect(findBlockingPairs(input, r.menteeToMentor)).toEqual([]);
        r.mentorToMentees.forEach((h, j) => {
          expect(h.length).toBeLessThanOrEqual(input.capacities[j]!);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('is mentee-optimal (and mentor-proposing is mentee-pessimal) among all stable matchings', () => {
    fc.assert(
      fc.property(hrInstance(5, 3, false), (input) => {
        const stable = allStable(input);
        expect(stable.length).toBeGreaterThan(0);
        const best = solveStableAssignment(input).menteeToMentor;
        const worst = solveStableAssignment(input, { proposing: 'mentor' }).menteeToMentor;
        const rankOf = (i: number, j: number) =>
          j === -1 ? Number.POSITIVE_INFINITY : (input.menteePrefs[i] as number[]).indexOf(j);
        for (const s of stable) {
          for (let i = 0; i < s.length; i++) {
            expect(rankOf(i, best[i]!)).toBeLessThanOrEqual(rankOf(i, s[i]!));
            expect(rankOf(i, worst[i]!)).toBeGreaterThanOrEqual(rankOf(i, s[i]!));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
