import {
  defaultPairAuthority,
  defaultPairPolicy,
  meetingSequences,
  type PairEvent,
  type PairEventInput,
  PairEventSchema,
  type PairSnapshot,
  type PairStateValue,
  pairMachine,
  pairTransition,
} from '@nastavnik/machines';
import {
  adjacencyMapToArray,
  getStateNodes as allNodes,
  getAdjacencyMap,
  getShortestPaths,
} from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyStateNode, type AnyTransitionDefinition, getStateNodes, type SnapshotFrom } from 'xstate';
import { candidates, makeWorld } from './__fixtures__/pairWorld';

type Live = SnapshotFrom<typeof pairMachine>;

const toStored = (s: Live): PairSnapshot => ({
  status: s.status === 'done' ? 'done' : 'active',
  value: s.value as PairStateValue,
  context: s.context,
  children: {},
  historyValue: {},
  output: undefined,
  error: undefined,
});

// An abstraction of the state space: the statechart's value and what the
// guards branch on, capped so that the graph stays finite.
function key(s: Live): string {
  const c = s.context;
  const live = c.consents.filter((k) => k.withdrawnAt === undefined).length;
  return JSON.stringify([
    s.value,
    Math.min(live, 7),
    c.programme ? c.programme.plan.filter((i) => i.doneAt === null).length : -1,
    c.finalSurveys.length,
    Math.min(c.mentorHistory.length, 1),
    Math.min(c.mentees.length, 3),
    // Opening meetings held before the order (001 5.2) change what the order leads to.
    c.order === null ? c.meetings.length : -1,
    Math.min(c.departures.length, 1),
  ]);
}

function allTransitions(): AnyTransitionDefinition[] {
  const nodes: AnyStateNode[] = [pairMachine.root, ...allNodes(pairMachine.root)];
  return nodes.flatMap((n) => [...[...n.transitions.values()].flat(), ...(n.always ?? [])]);
}

const tid = (t: AnyTransitionDefinition): string =>
  `${t.source.id}:${t.eventType}:${(t.source.transitions.get(t.eventType) ?? []).indexOf(t)}`;

/**
 * The same event recorded by other roles (003 §3.3: the head or the acting head issues the order;
 * 003 §3.4: the methodical association approves programmes; the municipal curator of 001 and 002
 * does not run a school's pair): the authority table accepts or refuses each.
 */
function withRoles(e: PairEventInput): PairEventInput[] {
  const out = [e];
  if (e.type === 'orderIssued') {
    out.push({ ...e, by: { role: 'actingHead' } }, { ...e, by: { role: 'mentee', id: 'someone' } });
  }
  if (e.type === 'programmeApproved' || e.type === 'completed') {
    out.push({ ...e, by: { role: 'municipalCurator' } }, { ...e, by: { role: 'methodicalCouncil' } });
  }
  return out;
}

const byRole = new Map<string, { accepted: Set<string>; refused: Set<string> }>();

describe('pair machine: model-based (@xstate/graph)', () => {
  // Transitions and states taken over all worlds: a seed's meeting sequence decides which branch
  // after the order a world takes (001 5.2 holds its opening meetings before it, 004 §5 after).
  const taken = new Set<string>();
  const reached = new Set<string>();
  const worlds = [
    makeWorld(),
    makeWorld({ mentees: 2, pupils: true, id: 'grp' }),
    makeWorld({ id: 'p001', policy: { ...defaultPairPolicy, meetings: meetingSequences.prokopyevsk001 } }),
  ];
  for (const world of worlds) {
    const from = pairMachine.resolveState({ value: world.initial.value, context: world.initial.context });
    const options = {
      fromState: from,
      serializeState: (s: Live) => key(s),
      events: (s: Live): PairEvent[] =>
        [0, 1]
          .flatMap((salt) => candidates(toStored(s), salt))
          .flatMap(withRoles)
          .map((e) => PairEventSchema.parse(e)),
    };

    it(`reaches every state and takes every transition (${world.pair.id})`, () => {
      const adjacency = adjacencyMapToArray(getAdjacencyMap(pairMachine, options));
      let refusedSteps = 0;
      for (const { state, event, nextState } of adjacency) {
        for (const t of pairMachine.getTransitionData(state, event)) taken.add(tid(t));
        // The rules and the statechart agree: an event changes the state iff pairTransition accepts it.
        const r = pairTransition(toStored(state), event);
        const seen = byRole.get(event.by.role) ?? { accepted: new Set<string>(), refused: new Set<string>() };
        byRole.set(event.by.role, seen);
        if (r.refused) seen.refused.add(r.refused.code);
        else seen.accepted.add(event.type);
        if (r.refused?.code === 'not_authorized')
          expect(defaultPairAuthority[event.type]).not.toContain(event.by.role);
        const moved = nextState !== state;
        expect(r.refused === undefined, `${event.type} in ${JSON.stringify(state.value)}`).toBe(moved);
        if (!moved) refusedSteps++;
        else expect(r.snapshot.context).toEqual(nextState.context);
      }
      const paths = getShortestPaths(pairMachine, options);
      for (const p of paths)
        for (const n of getStateNodes(pairMachine.root, p.state.value)) reached.add(n.id);
      expect(refusedSteps).toBeGreaterThan(0);
    });

    it(`replays every shortest path through pairTransition to the same snapshot (${world.pair.id})`, () => {
      for (const path of getShortestPaths(pairMachine, options)) {
        let s = world.initial;
        for (const step of path.steps) {
          if (step.event.type.startsWith('xstate.')) continue;
          const r = pairTransition(s, JSON.parse(JSON.stringify(step.event)));
          expect(r.refused).toBeUndefined();
          s = r.snapshot;
        }
        // The path's state is the first one found with the same abstract key.
        expect(s.value).toEqual(path.state.value);
        expect(key(pairMachine.resolveState({ value: s.value, context: s.context }))).toBe(key(path.state));
      }
    });
  }

  it('over all worlds, every role meets the authority table: accepted where it may act, not_authorized elsewhere', () => {
    // 003 §3.3: the acting head issues the order like the head; a mentee never does.
    expect(byRole.get('actingHead')?.accepted.has('orderIssued')).toBe(true);
    expect(byRole.get('mentee')?.refused.has('not_authorized')).toBe(true);
    // 003 §3.4: the methodical association approves a programme; it does not record the order.
    expect(byRole.get('methodicalCouncil')?.accepted.has('programmeApproved')).toBe(true);
    expect(byRole.get('methodicalCouncil')?.refused.has('not_authorized')).toBe(true);
    // 001, 002: the municipal curator runs the municipal roadmap, not a school's pair.
    expect(byRole.get('municipalCurator')?.refused.has('not_authorized')).toBe(true);
    // 004 §1: a parent withdraws a minor's consent (the withdrawal is accepted in the pupils' world).
    expect(byRole.get('parent')?.accepted.has('consentWithdrawn')).toBe(true);
  });

  it('over all worlds, reaches every state and takes every transition', () => {
    const missing = allTransitions()
      .map(tid)
      .filter((id) => !taken.has(id));
    expect(missing).toEqual([]);
    const every = allNodes(pairMachine.root).map((n) => n.id);
    expect(every.filter((id) => !reached.has(id))).toEqual([]);
  });
});
