/**
 * @nastavnik/indicators/machines — the indicators' records read from the
 * state machines' snapshots of `@nastavnik/machines`. A separate entry, so a
 * dashboard that only computes or shows indicators does not pull the
 * machines or xstate: both are optional peer dependencies, needed only here.
 *
 * @packageDocumentation
 * @module @nastavnik/indicators/machines
 */
import { type IsoDate, type OrganizationId, termMonths } from '@nastavnik/core';
import { type PairSnapshot, type ProgrammeSnapshot, pairReportStatus } from '@nastavnik/machines';
import type { ActivityRecord, PairRecord } from './dataset';

/**
 * Options of {@link pairRecordFromSnapshot}.
 *
 * @category Input
 * @example
 * const o: PairRecordOptions = { requestIds: ['req-1'], meetingsPlanned: 12 };
 */
export interface PairRecordOptions {
  /** Requests the pair answers (the pair machine does not keep them). */
  readonly requestIds?: readonly string[];
  /**
   * Meetings planned for the pair. Default: the three opening meetings
   * (organizational, trial, planning), one regular meeting a month of the
   * approved programme's term, and the final meeting; three before a
   * programme is approved.
   */
  readonly meetingsPlanned?: number;
}

/**
 * The indicators' record of a pair, read from a pair machine snapshot of
 * `@nastavnik/machines`: status, dates of approval and closing, the reason of
 * an early termination, whether the term was extended, meetings held and
 * planned. No personal data beyond ids. The pair's people are not asked
 * here: before the records leave the school, `withholdWithoutConsent` (and
 * `depersonaliseDataset`, which calls it) keeps back a pair whose mentor or
 * any mentee lacks the consent the policy requires (152-ФЗ ст. 9).
 *
 * @category Input
 * @example
 * const pairs = snapshots.map((s) => pairRecordFromSnapshot(s));
 * const values = computeIndicators({ organizations, persons, pairs }, { asOf, period });
 */
export function pairRecordFromSnapshot(snapshot: PairSnapshot, options: PairRecordOptions = {}): PairRecord {
  const c = snapshot.context;
  const status = pairReportStatus(snapshot);
  const programme = c.programme;
  const defaultPlanned =
    programme === null ? 3 : 4 + Math.max(0, termMonths(programme.start, programme.effectiveEnd));
  const record: PairRecord = {
    id: c.pairId,
    organizationId: c.organizationId,
    mentorId: c.mentor.id,
    menteeIds: c.mentees.map((m) => m.id),
    form: c.form,
    formats: [...c.formats],
    status,
    extended: (programme?.extensions.length ?? 0) > 0,
    meetingsHeld: c.meetings.length,
    meetingsPlanned: options.meetingsPlanned ?? defaultPlanned,
    requestIds: [...(options.requestIds ?? [])],
  };
  return {
    ...record,
    ...(c.order !== null ? { approvedAt: c.order.date } : {}),
    ...(c.completedAt !== null ? { completedAt: c.completedAt } : {}),
    ...(c.termination !== null
      ? { terminatedAt: c.termination.date, terminationReason: c.termination.reason }
      : {}),
  };
}

/**
 * The indicators' records of a programme's roadmap activities, read from a
 * programme machine snapshot: every activity with a deadline (activities
 * «по необходимости», «по отдельному графику» have none and are never
 * overdue), with the day it was done.
 *
 * @category Input
 * @example
 * const activities = activityRecordsFromProgramme(programmeSnapshot, 'lyceum-7');
 */
export function activityRecordsFromProgramme(
  snapshot: ProgrammeSnapshot,
  organizationId: OrganizationId | string,
): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  for (const a of snapshot.context.activities) {
    if (a.deadline === null) continue;
    const due: IsoDate = a.deadline;
    out.push(
      a.doneAt !== null
        ? { organizationId, activityId: a.id, due, doneAt: a.doneAt }
        : { organizationId, activityId: a.id, due },
    );
  }
  return out;
}
