// Drive a programme through its roadmap in date order (tests and bench only).
import type { IsoDate } from '@nastavnik/core';
import { type ProgrammeEventInput, type ProgrammeSnapshot, programmeTransition } from '../index';

const by = { role: 'curator' as const };

/** The planned events of a programme: each activity started at its window and done at its deadline. */
export function plannedEvents(s: ProgrammeSnapshot): ProgrammeEventInput[] {
  const c = s.context;
  const out: Array<ProgrammeEventInput & { order: number }> = [];
  c.activities.forEach((a, i) => {
    const start = a.start && a.start > c.createdAt ? a.start : c.createdAt;
    const done = a.deadline && a.deadline > start ? a.deadline : start;
    out.push({ type: 'activityStarted', date: start, by, activityId: a.id, order: i });
    if (a.continuous) {
      // A registry or a bank kept "throughout" is in hand early, and kept up to date.
      for (const kind of a.deliverables)
        out.push({ type: 'deliverableRecorded', date: start, by, kind, activityId: a.id, order: i });
      out.push({ type: 'activityDone', date: done, by, activityId: a.id, order: i });
    } else {
      out.push({
        type: 'activityDone',
        date: done,
        by,
        activityId: a.id,
        deliverables: a.deliverables.map((kind) => ({ kind, ref: `${a.id}/${kind}` })),
        order: i,
      });
    }
  });
  for (const cp of c.checkpoints)
    out.push({ type: 'checkpointHeld', date: cp.start, by, checkpointId: cp.id, order: 0 });
  out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return out.map(({ order: _o, ...e }) => e);
}

/**
 * Run the planned events, completing each stage as soon as its gate allows.
 * Returns the final snapshot and the accepted log.
 */
export function driveProgramme(initial: ProgrammeSnapshot): {
  snapshot: ProgrammeSnapshot;
  log: ProgrammeEventInput[];
  refusals: string[];
} {
  let s = initial;
  const log: ProgrammeEventInput[] = [];
  const refusals: string[] = [];
  const tryAdvance = (date: IsoDate) => {
    for (;;) {
      const stage = s.context.stage;
      if (stage === 'closed') return;
      const e: ProgrammeEventInput = { type: 'stageCompleted', date, by, stage };
      const r = programmeTransition(s, e);
      if (r.refused) return;
      s = r.snapshot;
      log.push(e);
    }
  };
  for (const e of plannedEvents(initial)) {
    tryAdvance(e.date);
    const r = programmeTransition(s, e);
    if (r.refused) {
      refusals.push(`${e.type}:${r.refused.code}`);
      continue;
    }
    s = r.snapshot;
    log.push(e);
    tryAdvance(e.date);
  }
  return { snapshot: s, log, refusals };
}
