import {
  type Due,
  type DuePeriod,
  DuePeriodSchema,
  dueDeadline,
  fail,
  type IsoDate,
  IsoDateSchema,
  type IssuePath,
  parse,
  type RoadmapInput,
  RoadmapSchema,
  registerCatalogue,
  resolveDue,
  roadmapActivities,
  type SchoolCalendar,
  SchoolCalendarSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { programmeValueOf } from './_internal/programmeReducer';
import { isClosed } from './_internal/programmeRules';
import type { PlainSnapshot } from './plainSnapshot';
import type { ProgrammeContext, ProgrammePolicy } from './programmeContext';

registerCatalogue();

/**
 * The state value of {@link programmeMachine}: one entry per parallel region.
 *
 * @category Programme machine
 * @example
 * const v: ProgrammeStateValue = { stages: { open: 'pairWork' }, continuous: 'running', monitoring: 'open' };
 */
export interface ProgrammeStateValue {
  readonly stages: { readonly open: Exclude<ProgrammeContext['stage'], 'closed'> } | 'closed';
  readonly continuous: 'running' | 'closed';
  readonly monitoring: 'open' | 'closed';
}

/**
 * A programme's state as an xstate persisted snapshot: plain JSON, accepted
 * by `createActor(programmeMachine, { snapshot })` and {@link programmeTransition}.
 *
 * @category Programme machine
 * @example
 * const s: ProgrammeSnapshot = createProgrammeSnapshot(programmePresets.rassvet003, { date: '2022-02-01' });
 */
export type ProgrammeSnapshot = PlainSnapshot<ProgrammeStateValue, ProgrammeContext>;

/**
 * What a programme runs: a roadmap and the policy of its gates (a preset of
 * {@link programmePresets}, or your own).
 *
 * @category Programme machine
 * @example
 * const setup: ProgrammeSetup = { roadmap: myRoadmap, policy: programmePresets.rassvet003.policy };
 */
export interface ProgrammeSetup {
  readonly roadmap: RoadmapInput;
  readonly policy: ProgrammePolicy;
}

/**
 * Options of {@link createProgrammeSnapshot}.
 *
 * @category Programme machine
 * @example
 * const o: ProgrammeSnapshotOptions = { date: '2023-08-25', period: { academicYear: '2023-2024' } };
 */
export interface ProgrammeSnapshotOptions {
  /** The date the programme starts being tracked. */
  readonly date: IsoDate;
  /** The period due dates resolve against; by default the roadmap's `period`, else its `academicYear`. */
  readonly period?: DuePeriod;
  /**
   * The school's terms (core `SchoolCalendar`: quarters, trimesters, its own
   * dates) that term dues such as «в конце I четверти» resolve against; by
   * default core's standard four terms.
   */
  readonly calendar?: SchoolCalendar;
}

const OptionsSchema = z.object({
  date: IsoDateSchema,
  period: DuePeriodSchema.optional(),
  calendar: SchoolCalendarSchema.optional(),
});

/** @internal The stored snapshot of a programme's context (the state value follows from it). */
export function programmeSnapshotOf(context: ProgrammeContext): ProgrammeSnapshot {
  return {
    status: isClosed(context) ? 'done' : 'active',
    value: programmeValueOf(context),
    context,
    children: {},
    historyValue: {},
    output: undefined,
    error: undefined,
  };
}

/**
 * @internal The context of a programme snapshot, checked for its shape: a
 * `NastavnikError` at `path` (never a TypeError) when it is not a programme's.
 */
export function programmeContextOf(snapshot: unknown, path: IssuePath): ProgrammeContext {
  const ok =
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof (snapshot as { context?: unknown }).context === 'object' &&
    (snapshot as { context: unknown }).context !== null &&
    Array.isArray((snapshot as { context: { activities?: unknown } }).context.activities);
  if (!ok) {
    throw fail('invalid_type', path, { expected: 'programmeSnapshot' });
  }
  return (snapshot as { context: ProgrammeContext }).context;
}

function isContinuous(due: Due): boolean {
  if (due.kind === 'throughout' || due.kind === 'recurring') return true;
  return due.kind === 'all' && due.parts.some(isContinuous);
}

/**
 * The snapshot of a programme at its start: every roadmap activity planned,
 * its due resolved (core `resolveDue`, `dueDeadline`) against the period,
 * the checkpoints of the policy resolved to windows of days.
 *
 * @category Programme machine
 * @throws NastavnikError on an invalid roadmap or options; `required` when no
 *   period is given and the roadmap has none; `unknown_reference` when a gate
 *   names a deliverable no activity produces or an activity that does not exist.
 * @example
 * const s = createProgrammeSnapshot(programmePresets.prokopyevsk001, {
 *   date: '2023-08-21', period: { academicYear: '2023-2024' },
 * });
 * // a school on trimesters: term dues resolve to its trimesters
 * createProgrammeSnapshot(setup, { date: '2023-08-21', calendar: standardTrimesterCalendar });
 */
export function createProgrammeSnapshot(
  setup: ProgrammeSetup,
  options: ProgrammeSnapshotOptions,
): ProgrammeSnapshot {
  const roadmap = parse(RoadmapSchema, setup.roadmap, ['roadmap']);
  const o = parse(OptionsSchema, options, ['options']);
  const period: DuePeriod | undefined =
    o.period ?? roadmap.period ?? (roadmap.academicYear ? { academicYear: roadmap.academicYear } : undefined);
  if (period === undefined) {
    throw fail('required', ['options', 'period'], { reason: 'roadmapPeriod' });
  }
  const acts = roadmapActivities(roadmap);
  const dueOptions = o.calendar === undefined ? {} : { calendar: o.calendar };
  const policy = setup.policy;
  for (const [stage, gate] of Object.entries(policy.gates)) {
    for (const kind of gate.deliverables) {
      if (!acts.some((a) => a.deliverables.includes(kind))) {
        throw fail('unknown_reference', ['policy', 'gates', stage, 'deliverables'], {
          ref: 'deliverable',
          kind,
        });
      }
    }
    if (Array.isArray(gate.activities)) {
      for (const id of gate.activities) {
        if (!acts.some((a) => a.id === id)) {
          throw fail('unknown_reference', ['policy', 'gates', stage, 'activities'], { ref: 'activity', id });
        }
      }
    }
  }
  const context: ProgrammeContext = {
    roadmapId: roadmap.id,
    period,
    policy,
    stage: 'preparation',
    activities: acts.map((a) => {
      const windows = resolveDue(a.due, period, dueOptions);
      return {
        id: a.id,
        stage: a.stage,
        continuous: isContinuous(a.due),
        deliverables: a.deliverables,
        start: windows[0]?.start ?? null,
        deadline: dueDeadline(a.due, period, dueOptions),
        status: 'planned',
        startedAt: null,
        doneAt: null,
      };
    }),
    deliverables: [],
    checkpoints: policy.checkpoints.map((c) => {
      const w = resolveDue({ kind: 'period', from: { month: c.month }, to: { month: c.month } }, period)[0];
      if (!w) {
        throw fail('invalid_value', ['policy', 'checkpoints', c.id], { reason: 'checkpointMonth', id: c.id });
      }
      return { id: c.id, label: c.label, start: w.start, end: w.end, heldAt: null, late: false };
    }),
    stageHistory: [],
    createdAt: o.date,
    lastDate: o.date,
    eventCount: 0,
  };
  return programmeSnapshotOf(context);
}
