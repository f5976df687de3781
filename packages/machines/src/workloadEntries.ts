import { parse, type WorkloadEntry, WorkloadEntrySchema } from '@nastavnik/core';
import { z } from 'zod';
import type { PairSnapshot } from './pairSnapshot';

/**
 * The workload entries of pairs, for core's `mentorMonthHours` and
 * `workloadFindings`: one entry per meeting held with a duration
 * (`durationMinutes` on the `meetingHeld` event's meeting). A meeting held
 * before the mentor was replaced counts for the mentor of that time
 * (the pair keeps its mentor history). Meetings without a duration are left
 * out: the SDK does not invent hours.
 *
 * @category Workload
 * @example
 * const entries = workloadEntriesFromPairs(snapshots, { programmeId: 'prog-2025' });
 * mentorMonthHours(entries);
 */
export function workloadEntriesFromPairs(
  snapshots: readonly Pick<PairSnapshot, 'context'>[],
  options: { readonly programmeId?: string } = {},
): WorkloadEntry[] {
  const o = parse(z.object({ programmeId: z.string().trim().min(1).max(200).optional() }), options, [
    'options',
  ]);
  const entries: WorkloadEntry[] = [];
  for (const { context: ctx } of snapshots) {
    for (const m of ctx.meetings) {
      if (m.durationMinutes === undefined) continue;
      const earlier = ctx.mentorHistory.find((h) => m.date <= h.until);
      entries.push(
        parse(
          WorkloadEntrySchema,
          {
            mentorId: earlier?.mentorId ?? ctx.mentor.id,
            pairId: ctx.pairId,
            ...(o.programmeId === undefined ? {} : { programmeId: o.programmeId }),
            date: m.date,
            durationMinutes: m.durationMinutes,
            source: 'meeting',
          },
          ['snapshots', ctx.pairId, 'meetings', m.id],
        ),
      );
    }
  }
  return entries;
}
