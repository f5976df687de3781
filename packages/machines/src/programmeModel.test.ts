import type { RoadmapInput } from '@nastavnik/core';
import {
  createProgrammeSnapshot,
  defaultProgrammeAuthority,
  migrateProgrammeSnapshot,
  type ProgrammeEvent,
  ProgrammeEventSchema,
  type ProgrammePolicy,
  type ProgrammeSnapshot,
  type ProgrammeStateValue,
  persistProgramme,
  programmeMachine,
  programmeTransition,
  type ReplayItem,
  replayMany,
  replayProgramme,
} from '@nastavnik/machines';
import {
  adjacencyMapToArray,
  getStateNodes as allNodes,
  getAdjacencyMap,
  getShortestPaths,
} from '@xstate/graph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnyStateNode,
  type AnyTransitionDefinition,
  createActor,
  getStateNodes,
  type SnapshotFrom,
} from 'xstate';
import { addDays } from './__fixtures__/pairWorld';

type Live = SnapshotFrom<typeof programmeMachine>;

const act = (id: string, stage: string, due: object, deliverables: string[]) => ({
  id,
  number: id,
  title: `Мероприятие ${id}`,
  dueText: '—',
  due,
  responsible: ['куратор'],
  stage,
  deliverables,
});
const roadmap: RoadmapInput = {
  id: 'rm-model',
  title: 'Модель',
  level: 'school',
  academicYear: '2024-2025',
  columns: [
    { key: 'activity', header: 'Мероприятие' },
    { key: 'due', header: 'Срок' },
  ],
  sections: [
    {
      number: '1',
      title: 'Все этапы',
      activities: [
        act('p', 'preparation', { kind: 'period', from: { month: 9 }, to: { month: 9 } }, ['regulation']),
        act('f', 'pairFormation', { kind: 'period', from: { month: 9 }, to: { month: 10 } }, ['pairsOrder']),
        act('t', 'mentorBase', { kind: 'throughout', scope: 'programme' }, ['mentorRegistry']),
      ] as RoadmapInput['sections'][number]['activities'],
    },
  ],
};
const soft = { deliverables: [], activities: 'none' } as const;
const policy: ProgrammePolicy = {
  gates: {
    preparation: { deliverables: ['regulation'], activities: 'none' },
    menteeBase: soft,
    mentorBase: soft,
    mentorTraining: soft,
    pairFormation: { deliverables: ['pairsOrder'], activities: 'stage' },
    pairWork: soft,
    completion: soft,
  },
  checkpoints: [{ id: 'sep', month: 9, label: { ru: 'Сентябрь', en: 'September' } }],
  strictStageOrder: false,
  closeRequiresAllActivities: true,
};
const initial = createProgrammeSnapshot({ roadmap, policy }, { date: '2024-09-01' });

const toStored = (s: Live): ProgrammeSnapshot => ({
  status: s.status === 'done' ? 'done' : 'active',
  value: s.value as unknown as ProgrammeStateValue,
  context: s.context,
  children: {},
  historyValue: {},
  output: undefined,
  error: undefined,
});

/**
 * Who records programme events (003 §3.4–3.5, §4–5; 001 and 002 for the municipal curator; 004 §1
 * for a parent acting for a minor): every role of the authority table and some it refuses.
 */
const ACTORS = [
  { role: 'curator' },
  { role: 'municipalCurator' },
  { role: 'actingHead' },
  { role: 'methodicalCouncil' },
  { role: 'mentor', id: 'mentor-1' },
  { role: 'parent', id: 'parent-1', onBehalfOf: 'pupil-1' },
] as const;

function events(s: ProgrammeSnapshot): ProgrammeEvent[] {
  return ACTORS.flatMap((by) => eventsBy(s, by));
}

function eventsBy(s: ProgrammeSnapshot, by: (typeof ACTORS)[number]): ProgrammeEvent[] {
  const c = s.context;
  const date = addDays(c.lastDate, 1);
  const out: unknown[] = [];
  for (const a of c.activities) {
    out.push({ type: 'activityStarted', date, by, activityId: a.id });
    out.push({
      type: 'activityDone',
      date,
      by,
      activityId: a.id,
      deliverables: a.deliverables.map((kind) => ({ kind })),
    });
    out.push({ type: 'activityDone', date, by, activityId: a.id, deliverables: [] });
  }
  out.push({ type: 'deliverableRecorded', date, by, kind: 'mentorRegistry', activityId: 't' });
  if (c.stage !== 'closed') out.push({ type: 'stageCompleted', date, by, stage: c.stage });
  out.push({ type: 'stageCompleted', date, by, stage: 'completion' });
  out.push({ type: 'checkpointHeld', date, by, checkpointId: 'sep' });
  return out.map((e) => ProgrammeEventSchema.parse(e));
}

const key = (s: Live) =>
  JSON.stringify([
    s.value,
    s.context.activities.map((a) => a.status),
    [...new Set(s.context.deliverables.map((d) => d.kind))].sort(),
    s.context.checkpoints.map((c) => c.heldAt !== null),
  ]);

const options = {
  fromState: programmeMachine.resolveState({
    value: initial.value as unknown as Live['value'],
    context: initial.context,
  }),
  serializeState: key,
  events: (s: Live) => events(toStored(s)),
};

const tid = (t: AnyTransitionDefinition) =>
  `${t.source.id}:${t.eventType}:${[...(t.source.transitions.get(t.eventType) ?? []), ...(t.source.always ?? [])].indexOf(t)}`;

describe('programme machine: model-based (@xstate/graph)', () => {
  it('reaches every state and takes every transition; the rules and the statechart agree', () => {
    const taken = new Set<string>();
    for (const { state, event, nextState } of adjacencyMapToArray(
      getAdjacencyMap(programmeMachine, options),
    )) {
      for (const t of programmeMachine.getTransitionData(state, event)) taken.add(tid(t));
      // Eventless transitions: a region closing in this step.
      for (const region of ['continuous', 'monitoring'] as const) {
        const before = (state.value as Record<string, unknown>)[region];
        const after = (nextState.value as Record<string, unknown>)[region];
        if (before !== 'closed' && after === 'closed') {
          const node = programmeMachine.root.states[region]?.states[before as string];
          for (const t of node?.always ?? []) taken.add(tid(t));
        }
      }
      const r = programmeTransition(toStored(state), event);
      expect(r.refused === undefined, `${event.type} at ${JSON.stringify(state.value)}`).toBe(
        nextState !== state,
      );
    }
    const nodes: AnyStateNode[] = [programmeMachine.root, ...allNodes(programmeMachine.root)];
    const all = nodes.flatMap((n) => [...[...n.transitions.values()].flat(), ...(n.always ?? [])]).map(tid);
    expect(all.filter((id) => !taken.has(id))).toEqual([]);
    const reached = new Set(
      getShortestPaths(programmeMachine, options)
        .flatMap((p) => getStateNodes(programmeMachine.root, p.state.value))
        .map((n) => n.id),
    );
    expect(
      allNodes(programmeMachine.root)
        .map((n) => n.id)
        .filter((id) => !reached.has(id)),
    ).toEqual([]);
  });

  it('every role is tried on every event: the authority table decides (not_authorized names the roles allowed)', () => {
    const accepted = new Map<string, Set<string>>();
    const refused = new Map<string, Set<string>>();
    for (const { state, event } of adjacencyMapToArray(getAdjacencyMap(programmeMachine, options))) {
      const r = programmeTransition(toStored(state), event);
      const role = event.by.role;
      const into = r.refused ? refused : accepted;
      into.set(role, new Set([...(into.get(role) ?? []), r.refused ? r.refused.code : event.type]));
      if (r.refused?.code === 'not_authorized') {
        expect(defaultProgrammeAuthority[event.type]).not.toContain(role);
        expect(String(r.refused.params?.required ?? '')).not.toBe('');
      }
    }
    // 001, 002: the municipal curator runs a municipal programme like a school curator.
    expect([...(accepted.get('municipalCurator') ?? [])].sort()).toEqual(
      [...(accepted.get('curator') ?? [])].sort(),
    );
    // 003 §3.3: the acting head has the head's authority.
    expect(accepted.get('actingHead')?.has('stageCompleted')).toBe(true);
    // 003 §3.4 (the school methodical association of mentors): it records activities and checkpoints, but does not close stages.
    expect(accepted.get('methodicalCouncil')?.has('checkpointHeld')).toBe(true);
    expect(accepted.get('methodicalCouncil')?.has('stageCompleted') ?? false).toBe(false);
    // A mentor, or a parent on behalf of a minor, records nothing of the programme.
    for (const role of ['mentor', 'parent']) {
      expect(accepted.get(role)).toBeUndefined();
      expect(refused.get(role)?.has('not_authorized')).toBe(true);
    }
  });

  it('replays random logs to the same snapshot', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }), (choices) => {
        let s = initial;
        const log: ProgrammeEvent[] = [];
        for (const c of choices) {
          const es = events(s);
          const r = programmeTransition(s, es[c % es.length]!);
          if (r.event) {
            s = r.snapshot;
            log.push(r.event);
          }
        }
        expect(replayProgramme(initial, JSON.parse(JSON.stringify(log))).snapshot).toEqual(s);
        expect(s.context.stage === 'closed').toBe(s.value.stages === 'closed');
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('the fast replay, the pure transition and an xstate actor give the same snapshot, refused events included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        async (choices, cut) => {
          const actor = createActor(programmeMachine, { snapshot: initial }).start();
          let s = initial;
          let fast = initial;
          const log: ProgrammeEvent[] = [];
          for (const c of choices) {
            const es = events(s);
            const e = es[c % es.length]!;
            const r = programmeTransition(s, e);
            const f = replayProgramme(fast, [e]);
            actor.send(e);
            expect(f.refused?.refusal).toEqual(r.refused);
            if (r.event) {
              s = r.snapshot;
              log.push(r.event);
            }
            fast = f.snapshot;
            expect(fast).toEqual(s);
            expect(toStored(actor.getSnapshot())).toEqual(s);
          }
          actor.stop();
          const k = cut % (log.length + 1);
          const head = replayProgramme(initial, log.slice(0, k)).snapshot;
          const restored = migrateProgrammeSnapshot(JSON.parse(JSON.stringify(persistProgramme(head))));
          const items: ReplayItem[] = [
            { kind: 'programme', id: 'x', initial: restored },
            { id: 'x', events: log.slice(k) },
          ];
          const out = [];
          for await (const o of replayMany(items)) out.push(o);
          expect(out.map((o) => [o.id, o.applied, o.refused])).toEqual([['x', log.length - k, undefined]]);
          expect(out[0]?.snapshot).toEqual(s);
        },
      ),
      { numRuns: 200, seed: 21 },
    );
  });
});
