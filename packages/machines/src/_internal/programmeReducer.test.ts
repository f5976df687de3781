import {
  createProgrammeSnapshot,
  migrateProgrammeSnapshot,
  type ProgrammeEvent,
  ProgrammeEventSchema,
  type ProgrammeSnapshot,
  persistProgramme,
  programmeMachine,
  programmePresets,
  programmeTransition,
} from '@nastavnik/machines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { driveProgramme, plannedEvents } from '../__fixtures__/programmeDriver';
import { programmeContextOf, programmeSnapshotOf } from '../programmeSnapshot';
import { ProgrammeWork } from './programmeReducer';

const starts = Object.values(programmePresets).map((preset) =>
  createProgrammeSnapshot(preset, { date: '2023-08-01', period: { academicYear: '2023-2024' } }),
);

/**
 * Noise around a roadmap's log: its planned events, each stage's completion
 * on every planned date, and each event by a role the table refuses.
 */
function pool(s: ProgrammeSnapshot): ProgrammeEvent[] {
  const planned = plannedEvents(s);
  const stages = [
    'preparation',
    'menteeBase',
    'mentorBase',
    'mentorTraining',
    'pairFormation',
    'pairWork',
    'completion',
  ];
  const out: unknown[] = [...planned];
  for (const e of planned) {
    for (const stage of stages)
      out.push({ type: 'stageCompleted', date: e.date, by: { role: 'curator' }, stage });
    out.push({ ...e, by: { role: 'mentor', id: 'm-1' } });
  }
  return out.map((e) => ProgrammeEventSchema.parse(e));
}
const pools = starts.map(pool);
/** The whole accepted log of each roadmap, run to the end. */
const logs = starts.map((s) => driveProgramme(s).log.map((e) => ProgrammeEventSchema.parse(e)));

describe('programme replay over a working context', () => {
  it('steps like the pure transition and an xstate actor, refused events included, across a storage round trip', () => {
    let closed = 0;
    let longest = 0;
    fc.assert(
      fc.property(
        fc.nat(starts.length - 1),
        fc.array(
          fc.oneof({ weight: 12, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(2000) }),
          {
            minLength: 1,
            maxLength: 150,
            size: 'max',
          },
        ),
        fc.nat(),
        (which, choices, cut) => {
          const initial = starts[which] as ProgrammeSnapshot;
          const events = pools[which] as ProgrammeEvent[];
          const log = logs[which] as ProgrammeEvent[];
          const actor = createActor(programmeMachine, { snapshot: initial }).start();
          let s = initial;
          let work = new ProgrammeWork(programmeContextOf(initial, []));
          let next = 0;
          const at = cut % (choices.length + 1);
          for (const [i, c] of choices.entries()) {
            if (i === at) {
              const stored = JSON.parse(JSON.stringify(persistProgramme(programmeSnapshotOf(work.context))));
              work = new ProgrammeWork(programmeContextOf(migrateProgrammeSnapshot(stored), []));
            }
            // Mostly the next event of the roadmap's whole log (progress); sometimes an event again,
            // by a role the table refuses, or out of order (noise: refused, or accepted and the rest refused).
            const picked =
              c < 0
                ? log[next++ % log.length]
                : c % 3 === 0
                  ? log[c % Math.max(1, Math.min(next, log.length))]
                  : c % 3 === 1
                    ? {
                        ...(log[c % log.length] as ProgrammeEvent),
                        by: { role: 'mentor' as const, id: 'm-1' },
                      }
                    : events[c % events.length];
            const e = JSON.parse(JSON.stringify(picked)) as ProgrammeEvent;
            const r = programmeTransition(s, e);
            const refusal = work.step(e);
            actor.send(e);
            expect(refusal ?? undefined).toEqual(r.refused);
            if (!r.refused) s = r.snapshot;
            const fast = programmeSnapshotOf(work.context);
            expect(fast).toEqual(s);
            expect(JSON.stringify(fast)).toBe(JSON.stringify(s));
            expect(actor.getSnapshot().value).toEqual(fast.value);
            expect(actor.getSnapshot().context).toEqual(fast.context);
          }
          actor.stop();
          if (s.context.stage === 'closed') closed++;
          longest = Math.max(longest, s.context.eventCount);
          // The snapshot it started from is unchanged.
          expect(initial.context.eventCount).toBe(0);
          expect(initial.context.deliverables).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
    // The walks go deep into the roadmaps, not just their first events.
    expect(longest).toBeGreaterThan(40);
    expect(closed + longest).toBeGreaterThan(0);
  }, 120_000);
});
