import { fail, registerCatalogue } from '@nastavnik/core';
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

registerCatalogue();

/**
 * Options of {@link toMermaid}.
 *
 * @category Diagrams
 * @example
 * const o: MermaidOptions = { hideGuards: ['allowed'] };
 */
export interface MermaidOptions {
  /** Guard names left out of labels (e.g. one that guards every transition). */
  readonly hideGuards?: readonly string[];
}

const idOf = (node: AnyStateNode): string => node.id.replace(/[^A-Za-z0-9_]/g, '_');

interface GuardLike {
  readonly name?: string;
  readonly type?: string;
  readonly guards?: readonly unknown[];
}

function describeGuard(guard: unknown, hidden: ReadonlySet<string>): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return hidden.has(guard) ? null : guard;
  const g = guard as GuardLike;
  if (typeof guard === 'object' && typeof g.type === 'string') return hidden.has(g.type) ? null : g.type;
  if (typeof guard === 'function' && Array.isArray(g.guards)) {
    const parts = g.guards.map((x) => describeGuard(x, hidden)).filter((x): x is string => x !== null);
    if (g.name === 'not') return parts[0] === undefined ? null : `not ${parts[0]}`;
    if (parts.length === 0) return null;
    return parts.join(g.name === 'or' ? ' or ' : ' and ');
  }
  return typeof guard === 'function' && g.name ? g.name : 'guard';
}

function label(t: AnyTransitionDefinition, hidden: ReadonlySet<string>): string {
  const event = t.eventType === '' ? 'always' : t.eventType;
  const guard = describeGuard(t.guard, hidden);
  return guard ? `${event} [${guard}]` : event;
}

function transitionsOf(node: AnyStateNode): AnyTransitionDefinition[] {
  const out: AnyTransitionDefinition[] = [];
  for (const list of node.transitions.values()) out.push(...list);
  if (node.always) out.push(...node.always);
  return out;
}

function renderNode(
  node: AnyStateNode,
  indent: string,
  lines: string[],
  edges: string[],
  hidden: ReadonlySet<string>,
): void {
  const children = Object.values(node.states) as AnyStateNode[];
  const id = idOf(node);
  const name = node.key;
  if (children.length === 0) {
    lines.push(`${indent}state "${name}" as ${id}`);
  } else {
    lines.push(`${indent}state "${name}" as ${id} {`);
    if (node.type === 'parallel') {
      children.forEach((child, i) => {
        if (i > 0) lines.push(`${indent}  --`);
        renderNode(child, `${indent}  `, lines, edges, hidden);
      });
    } else {
      const initial = node.initial.target[0] as AnyStateNode | undefined;
      if (initial) lines.push(`${indent}  [*] --> ${idOf(initial)}`);
      for (const child of children) renderNode(child, `${indent}  `, lines, edges, hidden);
    }
    lines.push(`${indent}}`);
  }
  if (node.type === 'final') edges.push(`  ${id} --> [*]`);
  for (const t of transitionsOf(node)) {
    const targets = (t.target ?? [node]) as readonly AnyStateNode[];
    for (const target of targets) edges.push(`  ${id} --> ${idOf(target)} : ${label(t, hidden)}`);
  }
}

/**
 * A Mermaid `stateDiagram-v2` of an xstate machine, generated from its
 * definition: nested states, parallel regions, initial and final states, and
 * every transition labelled with its event and guard. Deterministic, so a
 * test can check that a README's diagram is up to date.
 *
 * @category Diagrams
 * @example
 * const diagram = toMermaid(pairMachine, { hideGuards: ['allowed'] });
 * // 'stateDiagram-v2\n  state "pair" as pair {\n …'
 */
export function toMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  const root = (machine as { root?: unknown } | null | undefined)?.root;
  if (typeof root !== 'object' || root === null) {
    throw fail('invalid_type', ['machine'], { expected: 'xstateMachine' });
  }
  const o: MermaidOptions | null = options;
  if (
    o !== undefined &&
    (typeof o !== 'object' || o === null || (o.hideGuards !== undefined && !Array.isArray(o.hideGuards)))
  ) {
    throw fail('invalid_type', ['options'], { expected: 'toMermaidOptions' });
  }
  const hidden = new Set(options.hideGuards ?? []);
  const lines: string[] = ['stateDiagram-v2'];
  const edges: string[] = [];
  renderNode(root as AnyStateNode, '  ', lines, edges, hidden);
  lines.push(`  [*] --> ${idOf(root as AnyStateNode)}`);
  return [...lines, ...edges].join('\n');
}
