// The pair's rules as a pure reducer: the rule functions decide whether (and
// why not) an event is accepted and what it changes; the statechart's own
// transitions, compiled once from `pairMachine`, decide the next phase.
import { fail, registerCatalogue } from '@nastavnik/core';
import type { PairPhase } from '../labels';
import type { PairContext } from '../pairContext';
import type { PairEvent } from '../pairEvents';
import { pairMachine } from '../pairMachine';
import { applyPairEvent, explainPairEvent, type PairRefusal } from './pairRules';
import { type CompiledMachine, compileMachine } from './xstate';

registerCatalogue();

let compiled: CompiledMachine<PairContext, PairEvent> | undefined;

/** The pair machine's transitions, compiled on first use (`allowed` is what the rules already checked). */
export function pairTable(): CompiledMachine<PairContext, PairEvent> {
  compiled ??= compileMachine<PairContext, PairEvent>(pairMachine, 'apply', ['allowed']);
  return compiled;
}

/** A pair as the reducer keeps it: the atomic state and the rules' context. */
export interface PairState {
  readonly phase: PairPhase;
  readonly context: PairContext;
}

/**
 * One event on a pair: the next state, or the refusal. The event must be
 * valid (`PairEventSchema`); the state must be a pair's.
 */
export function reducePair(state: PairState, event: PairEvent): PairState | PairRefusal {
  const refused = explainPairEvent(state.phase, state.context, event);
  if (refused) return refused;
  const candidates = pairTable().transitions.get(state.phase)?.get(event.type);
  if (candidates) {
    for (const t of candidates) {
      if (t.guard === null || t.guard(state.context, event)) {
        const context = t.assigns
          ? { ...state.context, ...applyPairEvent(state.context, event) }
          : state.context;
        return { phase: (t.target ?? state.phase) as PairPhase, context };
      }
    }
  }
  // The rules accepted what the statechart has no transition for: a bug, not the caller's fault.
  throw fail('internal', ['event', 'type'], {
    reason: 'machineRejectedValidEvent',
    event: event.type,
    phase: state.phase,
  });
}

/** Whether a reducer result is a refusal. */
export function isPairRefusal(r: PairState | PairRefusal): r is PairRefusal {
  return (r as PairRefusal).code !== undefined;
}
