import { type AnyActorScope, type AnyStateMachine, createActor, type Snapshot } from 'xstate';

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * An inert actor scope for pure transitions, made once per machine. xstate's
 * `transition()` builds a fresh actor for every call; our machines spawn no
 * children, emit nothing and have no delays, so one inert scope serves every
 * transition (the same idea as xstate's own `createInertActorScope`).
 */
export function inertScope(machine: AnyStateMachine, snapshot: Snapshot<unknown>): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, { snapshot });
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      system: self.system,
      stopChild: () => {},
      actionExecutor: () => {},
    };
    scopes.set(machine, scope);
  }
  return scope;
}
