import {
  daysBetween,
  type IsoDate,
  IsoDateSchema,
  type PlanItemId,
  type ProgrammeStage,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import type { PairSnapshot } from './pairSnapshot';
import { pairPhase } from './pairSnapshot';
import type { ProgrammeActivity } from './programmeContext';
import type { ProgrammeSnapshot } from './programmeSnapshot';

const days = daysBetween;

/**
 * Something overdue in a pair on a date: a plan item past its due date, a
 * long time without a meeting, or a programme past its (extended) end.
 *
 * @category Overdue
 * @example
 * const o: PairOverdue = { kind: 'planItem', itemId: PlanItemIdSchema.parse('i1'), due: '2023-10-31', days: 3 };
 */
export type PairOverdue =
  | { readonly kind: 'planItem'; readonly itemId: PlanItemId; readonly due: IsoDate; readonly days: number }
  | { readonly kind: 'noMeeting'; readonly since: IsoDate; readonly weeks: number }
  | { readonly kind: 'programmeEnd'; readonly end: IsoDate; readonly days: number };

const PairOverdueOptionsSchema = z.object({
  maxWeeksWithoutMeeting: z.number().int().min(1).max(52).default(4),
});

/**
 * What is overdue in a pair on `date`: a pure function of the snapshot and the
 * date (the machine never reads the clock). Only a live pair approved by an
 * order can be overdue. "No meeting for N weeks" counts from the last meeting,
 * or from the order before the first one.
 *
 * @category Overdue
 * @throws NastavnikError on an invalid date or options.
 * @example
 * findPairOverdue(snapshot, '2023-12-01', { maxWeeksWithoutMeeting: 3 });
 * // [{ kind: 'planItem', itemId: 'i1', due: '2023-10-31', days: 31 }, { kind: 'noMeeting', since: '2023-10-20', weeks: 6 }]
 */
export function findPairOverdue(
  snapshot: PairSnapshot,
  date: IsoDate,
  options: { readonly maxWeeksWithoutMeeting?: number } = {},
): PairOverdue[] {
  parse(IsoDateSchema, date, ['date']);
  const { maxWeeksWithoutMeeting } = parse(PairOverdueOptionsSchema, options, ['options']);
  const phase = pairPhase(snapshot);
  const c = snapshot.context;
  if (phase === 'completed' || phase === 'terminated' || c.order === null) return [];
  const out: PairOverdue[] = [];
  for (const it of c.programme?.plan ?? []) {
    if (it.doneAt === null && it.due < date)
      out.push({ kind: 'planItem', itemId: it.id, due: it.due, days: days(it.due, date) });
  }
  const since = c.meetings.at(-1)?.date ?? c.order.date;
  const weeks = Math.floor(days(since, date) / 7);
  if (phase !== 'closing' && weeks >= maxWeeksWithoutMeeting) out.push({ kind: 'noMeeting', since, weeks });
  if (c.programme && c.programme.effectiveEnd < date) {
    out.push({
      kind: 'programmeEnd',
      end: c.programme.effectiveEnd,
      days: days(c.programme.effectiveEnd, date),
    });
  }
  return out;
}

/**
 * A roadmap activity's status on a date: planned, in progress or done, and
 * whether it is overdue against its resolved deadline (as core `isOverdue`:
 * past the deadline and not done by the date).
 *
 * @category Overdue
 * @example
 * const st: ActivityStatus = programmeActivityStatus(s, '2023-10-05')[0]!;
 */
export interface ActivityStatus {
  readonly id: string;
  readonly stage: ProgrammeStage;
  readonly status: ProgrammeActivity['status'];
  readonly deadline: IsoDate | null;
  readonly overdue: boolean;
  /** Days past the deadline when overdue, else 0. */
  readonly daysOverdue: number;
  /** Deliverables in hand from this activity. */
  readonly deliverables: readonly string[];
}

/**
 * Every roadmap activity of a programme with its status on `date`.
 *
 * @category Overdue
 * @example
 * programmeActivityStatus(s, '2023-10-05').filter((a) => a.overdue).map((a) => a.id);
 */
export function programmeActivityStatus(snapshot: ProgrammeSnapshot, date: IsoDate): ActivityStatus[] {
  parse(IsoDateSchema, date, ['date']);
  const c = snapshot.context;
  return c.activities.map((a) => {
    const done = a.doneAt !== null && a.doneAt <= date;
    const overdue = !done && a.deadline !== null && date > a.deadline;
    return {
      id: a.id,
      stage: a.stage,
      status: a.status,
      deadline: a.deadline,
      overdue,
      daysOverdue: overdue && a.deadline !== null ? days(a.deadline, date) : 0,
      deliverables: c.deliverables.filter((d) => d.activityId === a.id).map((d) => d.kind),
    };
  });
}

/**
 * Something overdue in a programme on a date: an activity past its resolved
 * deadline, or a monitoring checkpoint past its window.
 *
 * @category Overdue
 * @example
 * const o: ProgrammeOverdue = { kind: 'activity', activityId: '5.3', stage: 'pairFormation', deadline: '2023-09-30', days: 5 };
 */
export type ProgrammeOverdue =
  | {
      readonly kind: 'activity';
      readonly activityId: string;
      readonly stage: ProgrammeStage;
      readonly deadline: IsoDate;
      readonly days: number;
    }
  | {
      readonly kind: 'checkpoint';
      readonly checkpointId: string;
      readonly end: IsoDate;
      readonly days: number;
    };

/**
 * What is overdue in a programme on `date`: a pure function of the snapshot
 * and the date.
 *
 * @category Overdue
 * @example
 * findProgrammeOverdue(s, '2023-10-05'); // [{ kind: 'activity', activityId: '5.3', … }]
 */
export function findProgrammeOverdue(snapshot: ProgrammeSnapshot, date: IsoDate): ProgrammeOverdue[] {
  const out: ProgrammeOverdue[] = [];
  for (const a of programmeActivityStatus(snapshot, date)) {
    if (a.overdue && a.deadline !== null) {
      out.push({
        kind: 'activity',
        activityId: a.id,
        stage: a.stage,
        deadline: a.deadline,
        days: a.daysOverdue,
      });
    }
  }
  for (const c of snapshot.context.checkpoints) {
    if (c.heldAt === null && c.end < date)
      out.push({ kind: 'checkpoint', checkpointId: c.id, end: c.end, days: days(c.end, date) });
  }
  return out;
}
