// The programme's rules as a pure reducer: the rule functions decide whether
// (and why not) an event is accepted and what it changes. The state value is
// a function of the context — the guards of the statechart's eventless
// transitions (`continuousAllDone`, `checkpointsAllHeld`) and its stage — so
// the reducer keeps the context only; property tests hold it to an actor.
import type { ProgrammeContext } from '../programmeContext';
import type { ProgrammeEvent } from '../programmeEvents';
import type { ProgrammeStateValue } from '../programmeSnapshot';
import {
  applyProgrammeEvent,
  applyProgrammeEventIn,
  checkpointsAllHeld,
  continuousAllDone,
  explainProgrammeEvent,
  type ProgrammeDraft,
  type ProgrammeRefusal,
} from './programmeRules';

/** One event on a programme: the next context, or the refusal. The event must be valid. */
export function reduceProgramme(
  context: ProgrammeContext,
  event: ProgrammeEvent,
): ProgrammeContext | ProgrammeRefusal {
  return explainProgrammeEvent(context, event) ?? applyProgrammeEvent(context, event);
}

/** Whether a reducer result is a refusal. */
export function isProgrammeRefusal(r: ProgrammeContext | ProgrammeRefusal): r is ProgrammeRefusal {
  return (r as ProgrammeRefusal).code !== undefined;
}

/** The state value of `programmeMachine` for a context: one entry per parallel region. */
export function programmeValueOf(context: ProgrammeContext): ProgrammeStateValue {
  return {
    stages: context.stage === 'closed' ? 'closed' : { open: context.stage },
    continuous: continuousAllDone(context) ? 'closed' : 'running',
    monitoring: checkpointsAllHeld(context) ? 'closed' : 'open',
  };
}

/**
 * A programme being replayed: a context this object owns (its arrays are
 * copies, changed in place by `applyProgrammeEventIn`, the same update the
 * pure reducer makes on a copy). The rules are `explainProgrammeEvent`'s.
 */
export class ProgrammeWork {
  readonly context: ProgrammeDraft;

  constructor(start: ProgrammeContext) {
    this.context = {
      ...start,
      activities: [...start.activities],
      deliverables: [...start.deliverables],
      checkpoints: [...start.checkpoints],
      stageHistory: [...start.stageHistory],
    };
  }

  /** One event: null when accepted (the context moved on), or the refusal (unchanged). */
  step(event: ProgrammeEvent): ProgrammeRefusal | null {
    const refused = explainProgrammeEvent(this.context, event);
    if (refused) return refused;
    applyProgrammeEventIn(this.context, event);
    return null;
  }
}
