import { fail, type ProgrammeStage, registerCatalogue } from '@nastavnik/core';
import { and, assign, not, setup } from 'xstate';
import {
  applyProgrammeEvent,
  checkpointsAllHeld,
  continuousAllDone,
  explainProgrammeEvent,
} from './_internal/programmeRules';
import type { ProgrammeContext } from './programmeContext';
import type { ProgrammeEvent } from './programmeEvents';

registerCatalogue();

const apply = 'apply' as const;

function stageState(_stage: ProgrammeStage, next: string) {
  return {
    on: { stageCompleted: { guard: 'allowed' as const, target: next, actions: apply } },
  } as const;
}

/**
 * A school's or a municipality's programme cycle, driven by a roadmap
 * (DOMAIN.md, 001 fullest): three parallel regions —
 * - `stages`: the seven stages in order; `stageCompleted` leaves a stage when
 *   its gate (deliverables, activities — a {@link ProgrammePolicy}) is met;
 * - `continuous`: the activities that run "throughout the period";
 * - `monitoring`: the checkpoints (January interim; December and May…).
 *
 * The cycle is done when all three regions are closed. Activity statuses,
 * deliverables and resolved deadlines live in the context. Start it from
 * {@link createProgrammeSnapshot}.
 *
 * @category Programme machine
 * @example
 * import { createActor } from 'xstate';
 * const s = createProgrammeSnapshot(programmePresets.lyceum7Tikhvin004, { date: '2023-08-01' });
 * const actor = createActor(programmeMachine, { snapshot: s }).start();
 */
export const programmeMachine = setup({
  types: {
    context: {} as ProgrammeContext,
    events: {} as ProgrammeEvent,
    input: {} as ProgrammeContext | undefined,
  },
  guards: {
    allowed: ({ context, event }) => explainProgrammeEvent(context, event) === null,
    isContinuous: ({ context, event }) =>
      (event.type === 'activityStarted' || event.type === 'activityDone') &&
      context.activities.some((a) => a.id === event.activityId && a.continuous),
    continuousAllDone: ({ context }) => continuousAllDone(context),
    checkpointsAllHeld: ({ context }) => checkpointsAllHeld(context),
  },
  actions: {
    apply: assign(({ context, event }) => applyProgrammeEvent(context, event)),
  },
}).createMachine({
  id: 'programme',
  type: 'parallel',
  context: ({ input }) => {
    if (input === undefined) {
      throw fail('required', ['input'], { reason: 'machineInput' });
    }
    return input;
  },
  on: {
    deliverableRecorded: { guard: 'allowed', actions: apply },
  },
  states: {
    stages: {
      description: 'Семь этапов цикла по порядку; выход из этапа — по его «воротам»',
      initial: 'open',
      states: {
        open: {
          initial: 'preparation',
          on: {
            activityStarted: { guard: and(['allowed', not('isContinuous')]), actions: apply },
            activityDone: { guard: and(['allowed', not('isContinuous')]), actions: apply },
          },
          states: {
            preparation: stageState('preparation', 'menteeBase'),
            menteeBase: stageState('menteeBase', 'mentorBase'),
            mentorBase: stageState('mentorBase', 'mentorTraining'),
            mentorTraining: stageState('mentorTraining', 'pairFormation'),
            pairFormation: stageState('pairFormation', 'pairWork'),
            pairWork: stageState('pairWork', 'completion'),
            completion: stageState('completion', '#programme.stages.closed'),
          },
        },
        closed: { type: 'final' },
      },
    },
    continuous: {
      description: 'Мероприятия «в течение всего периода»',
      initial: 'running',
      states: {
        running: {
          always: { guard: 'continuousAllDone', target: 'closed' },
          on: {
            activityStarted: { guard: and(['allowed', 'isContinuous']), actions: apply },
            activityDone: { guard: and(['allowed', 'isContinuous']), actions: apply },
          },
        },
        closed: { type: 'final' },
      },
    },
    monitoring: {
      description: 'Контрольные точки мониторинга',
      initial: 'open',
      states: {
        open: {
          always: { guard: 'checkpointsAllHeld', target: 'closed' },
          on: { checkpointHeld: { guard: 'allowed', actions: apply } },
        },
        closed: { type: 'final' },
      },
    },
  },
});
