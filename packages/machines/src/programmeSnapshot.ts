import {
  type Due,
  type DuePeriod,
  DuePeriodSchema,
  dueDeadline,
  type IsoDate,
  IsoDateSchema,
  nastavnikError,
  parse,
  type RoadmapInput,
  RoadmapSchema,
  resolveDue,
  roadmapActivities,
} from '@nastavnik/core';
import { initialTransition, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { explainProgrammeEvent } from './_internal/programmeRules';
import { inertScope } from './_internal/scope';
import type { PlainSnapshot } from './plainSnapshot';
import type { ProgrammeContext, ProgrammePolicy } from './programmeContext';
import { type ProgrammeEvent, ProgrammeEventSchema } from './programmeEvents';
import { programmeMachine } from './programmeMachine';
import type { ProgrammeRefusalCode, Refusal } from './refusal';

/**
 * The state value of {@link programmeMachine}: one entry per parallel region.
 *
 * @category Programme machine
 * @example
 * const v: ProgrammeStateValue = { stages: { open: 'pairWork' }, continuous: 'running', monitoring: 'open' };
 */
export interface ProgrammeStateValue {
  readonly stages: { readonly open: ProgrammeContext['stage'] } | 'closed';
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
}

const OptionsSchema = z.object({ date: IsoDateSchema, period: DuePeriodSchema.optional() });

type Live = SnapshotFrom<typeof programmeMachine>;
const live = new WeakMap<ProgrammeSnapshot, Live>();

/** @internal */
export function restoreProgramme(s: ProgrammeSnapshot): Live {
  let m = live.get(s);
  if (!m) {
    m = programmeMachine.resolveState({ value: s.value as Live['value'], context: s.context });
    live.set(s, m);
  }
  return m;
}

/** @internal */
export function persistProgrammeLive(m: Live): ProgrammeSnapshot {
  const s: ProgrammeSnapshot = {
    status: m.status === 'done' ? 'done' : 'active',
    value: m.value as ProgrammeStateValue,
    context: m.context,
    children: {},
    historyValue: {},
    output: undefined,
    error: undefined,
  };
  live.set(s, m);
  return s;
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
    throw nastavnikError(
      'required',
      ['options', 'period'],
      'У дорожной карты нет периода: укажите учебный год или даты в options.period',
      'The roadmap has no period: give an academic year or dates in options.period',
    );
  }
  const acts = roadmapActivities(roadmap);
  const policy = setup.policy;
  for (const [stage, gate] of Object.entries(policy.gates)) {
    for (const kind of gate.deliverables) {
      if (!acts.some((a) => a.deliverables.includes(kind))) {
        throw nastavnikError(
          'unknown_reference',
          ['policy', 'gates', stage, 'deliverables'],
          `Ни одно мероприятие дорожной карты не даёт результата «${kind}»`,
          `No roadmap activity produces the deliverable "${kind}"`,
        );
      }
    }
    if (Array.isArray(gate.activities)) {
      for (const id of gate.activities) {
        if (!acts.some((a) => a.id === id)) {
          throw nastavnikError(
            'unknown_reference',
            ['policy', 'gates', stage, 'activities'],
            `Мероприятия ${id} нет в дорожной карте`,
            `Activity ${id} is not in the roadmap`,
          );
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
      const windows = resolveDue(a.due, period);
      return {
        id: a.id,
        stage: a.stage,
        continuous: isContinuous(a.due),
        deliverables: a.deliverables,
        start: windows[0]?.start ?? null,
        deadline: dueDeadline(a.due, period),
        status: 'planned',
        startedAt: null,
        doneAt: null,
      };
    }),
    deliverables: [],
    checkpoints: policy.checkpoints.map((c) => {
      const w = resolveDue({ kind: 'period', from: { month: c.month }, to: { month: c.month } }, period)[0];
      if (!w) {
        throw nastavnikError(
          'invalid_value',
          ['policy', 'checkpoints', c.id],
          `Месяц контрольной точки ${c.id} не входит в период`,
          `The month of checkpoint ${c.id} is outside the period`,
        );
      }
      return { id: c.id, label: c.label, start: w.start, end: w.end, heldAt: null };
    }),
    stageHistory: [],
    createdAt: o.date,
    lastDate: o.date,
    eventCount: 0,
  };
  const [initial] = initialTransition(programmeMachine, context);
  return persistProgrammeLive(initial);
}

/**
 * The outcome of {@link programmeTransition}.
 *
 * @category Programme machine
 * @example
 * const r: ProgrammeTransitionResult = programmeTransition(s, e);
 */
export type ProgrammeTransitionResult =
  | { readonly snapshot: ProgrammeSnapshot; readonly event: ProgrammeEvent; readonly refused?: undefined }
  | {
      readonly snapshot: ProgrammeSnapshot;
      readonly event?: undefined;
      readonly refused: Refusal<ProgrammeRefusalCode>;
    };

function step(snapshot: ProgrammeSnapshot, event: ProgrammeEvent): ProgrammeTransitionResult {
  const refused = explainProgrammeEvent(snapshot.context, event);
  if (refused) return { snapshot, refused };
  const before = restoreProgramme(snapshot);
  const after = programmeMachine.transition(before, event, inertScope(programmeMachine, before));
  if (after === before) {
    throw nastavnikError(
      'internal',
      ['event', 'type'],
      'Внутренняя ошибка: машина программы не приняла допустимое событие',
      'Internal error: the programme machine did not take an accepted event',
      { event: event.type },
    );
  }
  return { snapshot: persistProgrammeLive(after), event };
}

/**
 * Apply one event to a programme, without actors. Bad input throws a
 * `NastavnikError`; a valid event the rules refuse returns `refused`.
 *
 * @category Programme machine
 * @throws NastavnikError when the event does not match {@link ProgrammeEventSchema}.
 * @example
 * const r = programmeTransition(s, { type: 'stageCompleted', date: '2023-09-30', by: { role: 'curator' }, stage: 'preparation' });
 * if (r.refused?.code === 'gate_deliverable_missing') console.log(r.refused.message);
 */
export function programmeTransition(snapshot: ProgrammeSnapshot, event: unknown): ProgrammeTransitionResult {
  return step(snapshot, parse(ProgrammeEventSchema, event, ['event']));
}

/**
 * Replay a programme's event log from its initial snapshot; stops at the
 * first refusal.
 *
 * @category Programme machine
 * @example
 * const { snapshot, applied } = replayProgramme(initial, storedEvents);
 */
export function replayProgramme(
  initial: ProgrammeSnapshot,
  events: readonly unknown[],
): {
  readonly snapshot: ProgrammeSnapshot;
  readonly applied: number;
  readonly refused?: { readonly index: number; readonly refusal: Refusal<ProgrammeRefusalCode> };
} {
  let snapshot = initial;
  for (let i = 0; i < events.length; i++) {
    const r = step(snapshot, parse(ProgrammeEventSchema, events[i], ['events', i]));
    if (r.refused) return { snapshot, applied: i, refused: { index: i, refusal: r.refused } };
    snapshot = r.snapshot;
  }
  return { snapshot, applied: events.length };
}
