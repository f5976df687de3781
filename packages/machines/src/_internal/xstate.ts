// The one place that reads xstate's machine definitions beyond its public
// snapshot API. Everything else in the package calls the functions here.
// CI runs the tests against the lowest and the highest xstate the peer range
// allows (scripts/ci/machines-xstate-range.sh), so a change of xstate's
// definition objects fails there, not in production.
import { fail, registerCatalogue } from '@nastavnik/core';
import { type AnyStateMachine, type AnyStateNode, and, not, or } from 'xstate';

registerCatalogue();

/** A guard compiled to a plain predicate over the context and the event. */
export type Predicate<C, E> = (context: C, event: E) => boolean;

/** One transition of a compound (non-parallel) statechart, as the fast reducer takes it. */
export interface CompiledTransition<C, E> {
  /** The guard, with the trusted guards (already checked by the caller) taken as true. */
  readonly guard: Predicate<C, E> | null;
  /** The atomic state the transition ends in, or null for a targetless transition. */
  readonly target: string | null;
  /** Whether the transition runs the machine's one context action. */
  readonly assigns: boolean;
}

/** The transitions of every atomic state, by event type, in xstate's order of priority. */
export interface CompiledMachine<C, E> {
  /** The state value and the status of each atomic state, by its key. */
  readonly states: ReadonlyMap<string, { readonly value: unknown; readonly final: boolean }>;
  readonly transitions: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledTransition<C, E>[]>>;
}

interface GuardObject {
  readonly type: string;
  readonly params?: unknown;
}
type Combinator = ((...args: never[]) => unknown) & { readonly check?: unknown; readonly guards?: unknown };

// The combinators' `check` functions, taken from the public API (names may be minified).
const CHECK_AND = (and([]) as Combinator).check;
const CHECK_OR = (or([]) as Combinator).check;
const CHECK_NOT = (not('x') as Combinator).check;

const broken = (what: string): Error =>
  fail('internal', ['machine'], { reason: 'fastReplayUnsupported', what });

/** A replacement for a named guard of the machine (same answer, cheaper for the caller's context). */
export type GuardOverride<C, E> = (context: C, event: E, params: unknown) => boolean;

function compileGuard<C, E>(
  machine: AnyStateMachine,
  guard: unknown,
  trusted: ReadonlySet<string>,
  overrides: Readonly<Record<string, GuardOverride<C, E>>>,
  contextOf: (context: C) => unknown,
): Predicate<C, E> | null {
  if (guard === undefined) return null;
  const named = (type: string, params: unknown): Predicate<C, E> | null => {
    if (trusted.has(type)) return null;
    const own = overrides[type];
    if (own !== undefined) return (context, event) => own(context, event, params);
    const impl = (machine.implementations.guards as Record<string, unknown>)[type];
    if (typeof impl !== 'function') throw broken(`guard ${type}`);
    return (context, event) => Boolean(impl({ context: contextOf(context), event }, params));
  };
  if (typeof guard === 'string') return named(guard, undefined);
  if (typeof guard === 'object' && guard !== null && typeof (guard as GuardObject).type === 'string') {
    return named((guard as GuardObject).type, (guard as GuardObject).params);
  }
  if (typeof guard === 'function') {
    const g = guard as Combinator;
    if (Array.isArray(g.guards) && g.check !== undefined) {
      const parts = g.guards.map((x) => compileGuard<C, E>(machine, x, trusted, overrides, contextOf));
      if (g.check === CHECK_NOT) {
        const inner = parts[0];
        if (inner === null || inner === undefined) throw broken('not of a trusted guard');
        return (c, e) => !inner(c, e);
      }
      const live = parts.filter((p): p is Predicate<C, E> => p !== null);
      if (g.check === CHECK_AND) return live.length === 0 ? null : (c, e) => live.every((p) => p(c, e));
      if (g.check === CHECK_OR)
        return parts.some((p) => p === null) ? null : (c, e) => live.some((p) => p(c, e));
      throw broken('unknown guard combinator');
    }
    return (context, event) =>
      Boolean(
        (guard as (a: unknown, p: unknown) => unknown)({ context: contextOf(context), event }, undefined),
      );
  }
  throw broken('guard');
}

function atomicNodes(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node] : children.flatMap(atomicNodes);
}

function valueOfPath(path: readonly string[]): unknown {
  if (path.length === 0) throw broken('root target');
  const [head, ...rest] = path as [string, ...string[]];
  return rest.length === 0 ? head : { [head]: valueOfPath(rest) };
}

function leafKey(value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) throw broken('parallel state');
  return leafKey((entries[0] as [string, unknown])[1]);
}

/**
 * Compile a compound statechart (no parallel regions, no entry or exit
 * actions, no eventless or delayed transitions) whose transitions only run
 * `assignAction`: per atomic state and event type, the candidate transitions
 * in the order xstate tries them (the state first, then its ancestors).
 * Guards named in `trusted` are taken as passed: the caller has checked them;
 * guards named in `overrides` run the given function instead of the
 * machine's own; the machine's own guards read the context through
 * `contextOf` (for a caller that keeps the context inside a working state).
 */
export function compileMachine<C, E>(
  machine: AnyStateMachine,
  assignAction: string,
  trusted: readonly string[],
  overrides: Readonly<Record<string, GuardOverride<C, E>>> = {},
  contextOf: (context: C) => unknown = (context) => context,
): CompiledMachine<C, E> {
  const trust = new Set(trusted);
  const context = {} as never;
  const leafOf = (node: AnyStateNode): string =>
    leafKey(machine.resolveState({ value: valueOfPath(node.path) as never, context }).value);
  const states = new Map<string, { value: unknown; final: boolean }>();
  const transitions = new Map<string, Map<string, CompiledTransition<C, E>[]>>();
  for (const leaf of atomicNodes(machine.root)) {
    if (states.has(leaf.key)) throw broken(`two atomic states named ${leaf.key}`);
    states.set(leaf.key, { value: valueOfPath(leaf.path), final: leaf.type === 'final' });
    const byEvent = new Map<string, CompiledTransition<C, E>[]>();
    for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
      if (node.type === 'parallel') throw broken('parallel state');
      if (node.entry.length > 0 || node.exit.length > 0) throw broken('entry or exit actions');
      if (node.always !== undefined && node.always.length > 0) throw broken('eventless transitions');
      if (node.invoke.length > 0) throw broken('invoked actors');
      for (const [eventType, list] of node.transitions) {
        if (eventType.includes('*') || eventType.startsWith('xstate.')) throw broken(`event ${eventType}`);
        const out = byEvent.get(eventType) ?? [];
        for (const t of list) {
          const actions = t.actions as readonly unknown[];
          const assigns = actions.length > 0;
          for (const a of actions) {
            const type = typeof a === 'string' ? a : (a as GuardObject | null)?.type;
            if (type !== assignAction) throw broken('an action other than the context update');
          }
          const target = t.target === undefined || t.target.length === 0 ? null : t.target;
          if (target !== null && target.length !== 1) throw broken('several targets');
          out.push({
            guard: compileGuard<C, E>(machine, t.guard, trust, overrides, contextOf),
            target: target === null ? null : leafOf(target[0] as AnyStateNode),
            assigns,
          });
        }
        byEvent.set(eventType, out);
      }
    }
    transitions.set(leaf.key, byEvent);
  }
  return { states, transitions };
}
