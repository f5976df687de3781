/**
 * The landing page's first lines: parse a due date the way the seeds write
 * it, and pair two mentees with two mentors at the least total cost.
 */
// #region imports
import { parseDue } from '@nastavnik/core';
import { solveAssignment } from '@nastavnik/matching';
// #endregion imports

/** What the landing sample computes, for the test. */
export function main(): { dueKind: string; rowToCol: number[]; total: number } {
  // #region landing
  const due = parseDue('до 15 сентября 2023 г.'); // { kind: 'deadline', date: '2023-09-15' }
  // costs[mentee * 2 + mentor]: how poorly each mentor answers each mentee's request
  const { rowToCol, total } = solveAssignment(new Float64Array([4, 1, 3, 2]), 2, 2);
  console.log(due.kind, [...rowToCol], total); // deadline [ 1, 0 ] 4
  // #endregion landing
  return { dueKind: due.kind, rowToCol: [...rowToCol], total };
}
