import { type RoadmapInput, roadmapActivities } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  createProgrammeSnapshot,
  findProgrammeOverdue,
  migrateProgrammeSnapshot,
  type ProgrammeEventInput,
  type ProgrammePolicy,
  type ProgrammeSnapshot,
  persistProgramme,
  programmeActivityStatus,
  programmeMachine,
  programmePresets,
  programmeTransition,
  replayProgrammeUntrusted,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { driveProgramme } from './__fixtures__/programmeDriver';

const by = { role: 'curator' as const };
const options = { date: '2023-08-01', period: { academicYear: '2023-2024' } } as const;
const startDates = {
  prokopyevsk001: options,
  dagestanskieOgni002: { date: '2023-01-01' },
  rassvet003: { date: '2022-02-01' },
  lyceum7Tikhvin004: { date: '2023-08-01' },
} as const;

function run(s: ProgrammeSnapshot, events: ProgrammeEventInput[]): ProgrammeSnapshot {
  let cur = s;
  for (const e of events) {
    const r = programmeTransition(cur, e);
    if (r.refused) throw new Error(`${e.type} refused: ${r.refused.code} ${r.refused.messageEn}`);
    cur = r.snapshot;
  }
  return cur;
}

describe('programme machine: the four seed roadmaps run to the end', () => {
  for (const name of Object.keys(programmePresets) as Array<keyof typeof programmePresets>) {
    it(`${name}: every activity of its roadmap, every stage, every checkpoint`, () => {
      const preset = programmePresets[name];
      const initial = createProgrammeSnapshot(preset, startDates[name]);
      const { snapshot, log, refusals } = driveProgramme(initial);
      expect(refusals).toEqual([]);
      expect(snapshot.status).toBe('done');
      expect(snapshot.value).toEqual({ stages: 'closed', continuous: 'closed', monitoring: 'closed' });
      const ids = roadmapActivities(seedRoadmaps[name]).map((a) => a.id);
      expect(snapshot.context.activities.map((a) => a.id)).toEqual(ids);
      expect(snapshot.context.activities.every((a) => a.status === 'done')).toBe(true);
      expect(snapshot.context.stageHistory.map((h) => h.stage)).toEqual([
        'preparation',
        'menteeBase',
        'mentorBase',
        'mentorTraining',
        'pairFormation',
        'pairWork',
        'completion',
      ]);
      expect(snapshot.context.checkpoints.every((c) => c.heldAt !== null)).toBe(true);
      // The log replays to the same snapshot, also after a trip through JSON.
      expect(replayProgrammeUntrusted(initial, JSON.parse(JSON.stringify(log))).snapshot).toEqual(snapshot);
      expect(migrateProgrammeSnapshot(JSON.parse(JSON.stringify(persistProgramme(snapshot))))).toEqual(
        snapshot,
      );
      // Done in time: nothing is overdue at the end.
      expect(findProgrammeOverdue(snapshot, snapshot.context.lastDate)).toEqual([]);
    });
  }
});

describe('programme machine: gates are a policy', () => {
  it('001 trains mentors after pairs form: the training stage does not hold up pair formation', () => {
    const s = createProgrammeSnapshot(programmePresets.prokopyevsk001, options);
    const { snapshot } = driveProgramme(s);
    const training = snapshot.context.activities.find((a) => a.id === '4.3');
    const formed = snapshot.context.stageHistory.find((h) => h.stage === 'pairFormation');
    expect(training?.doneAt).toBe('2023-11-30');
    expect(formed && formed.completedAt < '2023-11-30').toBe(true);
  });

  it('004 trains mentors before pairs: no leaving the training stage without the training', () => {
    const s0 = createProgrammeSnapshot(programmePresets.lyceum7Tikhvin004, { date: '2023-08-01' });
    const s = run(s0, [
      { type: 'stageCompleted', date: '2023-08-02', by, stage: 'preparation' },
      {
        type: 'activityDone',
        date: '2023-09-20',
        by,
        activityId: '1.1',
        deliverables: [{ kind: 'surveyResults' }, { kind: 'consents' }, { kind: 'menteeRegistry' }],
      },
      { type: 'stageCompleted', date: '2023-09-20', by, stage: 'menteeBase' },
      {
        type: 'activityDone',
        date: '2023-09-21',
        by,
        activityId: '2.4',
        deliverables: [{ kind: 'mentorRegistry' }],
      },
      { type: 'stageCompleted', date: '2023-09-21', by, stage: 'mentorBase' },
    ]);
    const r = programmeTransition(s, {
      type: 'stageCompleted',
      date: '2023-09-22',
      by,
      stage: 'mentorTraining',
    });
    expect(r.refused?.code).toBe('gate_deliverable_missing');
    expect(r.refused?.params).toMatchObject({ stage: 'mentorTraining', kind: 'trainingCompleted' });
    expect(r.refused?.message).toContain('Отбор и обучение наставников');
  });

  it('refuses with a typed reason what the roadmap and the policy forbid', () => {
    const s = createProgrammeSnapshot(programmePresets.prokopyevsk001, options);
    const strict: ProgrammePolicy = { ...programmePresets.prokopyevsk001.policy, strictStageOrder: true };
    const strictS = createProgrammeSnapshot(
      { roadmap: seedRoadmaps.prokopyevsk001, policy: strict },
      options,
    );
    const cases: Array<[ProgrammeSnapshot, ProgrammeEventInput, string]> = [
      [
        s,
        { type: 'activityDone', date: '2023-09-01', by, activityId: '1.1', deliverables: [] },
        'deliverable_missing',
      ],
      [s, { type: 'activityStarted', date: '2023-09-01', by, activityId: '99' }, 'unknown_activity'],
      [s, { type: 'stageCompleted', date: '2023-09-01', by, stage: 'pairWork' }, 'stage_mismatch'],
      [
        s,
        { type: 'stageCompleted', date: '2023-09-01', by, stage: 'preparation' },
        'gate_deliverable_missing',
      ],
      [
        s,
        { type: 'checkpointHeld', date: '2023-09-01', by, checkpointId: 'interim-jan' },
        'checkpoint_too_early',
      ],
      [s, { type: 'checkpointHeld', date: '2023-09-01', by, checkpointId: 'nope' }, 'unknown_checkpoint'],
      [s, { type: 'activityStarted', date: '2023-07-01', by, activityId: '1.1' }, 'date_before_previous'],
      [strictS, { type: 'activityStarted', date: '2023-09-01', by, activityId: '5.3' }, 'stage_not_reached'],
    ];
    for (const [snap, e, code] of cases) {
      const r = programmeTransition(snap, e);
      expect(r.refused?.code, `${e.type} → ${code}`).toBe(code);
      expect(r.refused?.messageEn.length).toBeGreaterThan(10);
    }
    expect(
      programmeTransition(strictS, { type: 'activityStarted', date: '2023-09-01', by, activityId: '2.2' })
        .refused,
    ).toBeUndefined();
  });

  it('fails fast on a preset whose gate no activity can meet', () => {
    const bad: ProgrammePolicy = {
      ...programmePresets.rassvet003.policy,
      gates: {
        ...programmePresets.rassvet003.policy.gates,
        pairWork: { deliverables: ['competitionOrder'], activities: 'none' },
      },
    };
    expect(() =>
      createProgrammeSnapshot({ roadmap: seedRoadmaps.rassvet003, policy: bad }, { date: '2022-02-01' }),
    ).toThrow(expect.objectContaining({ code: 'unknown_reference' }));
    expect(() => createProgrammeSnapshot(programmePresets.prokopyevsk001, { date: '2023-08-01' })).toThrow(
      expect.objectContaining({ code: 'required' }),
    );
  });

  it('tracks each activity: planned, in progress, done with its deliverable, overdue against its due', () => {
    const s = run(createProgrammeSnapshot(programmePresets.prokopyevsk001, options), [
      { type: 'activityStarted', date: '2023-09-01', by, activityId: '1.1' },
      {
        type: 'activityDone',
        date: '2023-09-15',
        by,
        activityId: '1.2',
        deliverables: [{ kind: 'curatorOrder', ref: '№ 17' }],
      },
    ]);
    const st = new Map(programmeActivityStatus(s, '2023-10-05').map((a) => [a.id, a]));
    expect(st.get('1.1')).toMatchObject({
      status: 'inProgress',
      overdue: true,
      deadline: '2023-09-30',
      daysOverdue: 5,
    });
    expect(st.get('1.2')).toMatchObject({ status: 'done', overdue: false, deliverables: ['curatorOrder'] });
    expect(st.get('1.3')).toMatchObject({ status: 'planned', overdue: false, deadline: '2023-10-31' });
    expect(st.get('2.1')?.overdue).toBe(false);
    const overdue = findProgrammeOverdue(s, '2024-02-05');
    expect(overdue).toContainEqual({
      kind: 'checkpoint',
      checkpointId: 'interim-jan',
      end: '2024-01-31',
      days: 5,
    });
    expect(overdue.some((o) => o.kind === 'activity' && o.activityId === '1.1')).toBe(true);
    expect(overdue.some((o) => o.kind === 'activity' && o.activityId === '2.2')).toBe(false); // throughout: due at the end
  });

  it('agrees with an xstate actor, and reads a bare xstate persisted snapshot (format 0)', () => {
    const initial = createProgrammeSnapshot(programmePresets.rassvet003, { date: '2022-02-01' });
    const { snapshot, log } = driveProgramme(initial);
    // Send the validated events of the whole log to an actor.
    const actor2 = createActor(programmeMachine, { snapshot: initial }).start();
    let s = initial;
    for (const e of log) {
      const r = programmeTransition(s, e);
      if (!r.event) throw new Error('refused');
      actor2.send(r.event);
      s = r.snapshot;
    }
    expect(actor2.getSnapshot().value).toEqual(snapshot.value);
    expect(actor2.getSnapshot().status).toBe('done');
    const bare = JSON.parse(JSON.stringify(actor2.getPersistedSnapshot()));
    expect(migrateProgrammeSnapshot(bare)).toEqual(snapshot);
    actor2.stop();
  });

  it('runs a custom roadmap too (the machine is not tied to the seeds)', () => {
    const roadmap: RoadmapInput = {
      id: 'rm-x',
      title: 'Дорожная карта',
      level: 'school',
      academicYear: '2024-2025',
      columns: [
        { key: 'activity', header: 'Мероприятие' },
        { key: 'due', header: 'Срок' },
      ],
      sections: [
        {
          number: '1',
          title: 'Всё',
          activities: [
            {
              id: 'a',
              number: '1',
              title: 'Приказ о парах',
              dueText: 'сентябрь',
              due: { kind: 'period', from: { month: 9 }, to: { month: 9 } },
              responsible: ['директор'],
              stage: 'pairFormation',
              deliverables: ['pairsOrder'],
            },
          ],
        },
      ],
    };
    const soft = { deliverables: [], activities: 'none' } as const;
    const policy: ProgrammePolicy = {
      gates: {
        preparation: soft,
        menteeBase: soft,
        mentorBase: soft,
        mentorTraining: soft,
        pairFormation: { deliverables: ['pairsOrder'], activities: 'stage' },
        pairWork: soft,
        completion: soft,
      },
      checkpoints: [],
      strictStageOrder: true,
      closeRequiresAllActivities: true,
    };
    const s = createProgrammeSnapshot({ roadmap, policy }, { date: '2024-09-01' });
    // No continuous activity and no checkpoint: those regions start closed.
    expect(s.value).toEqual({ stages: { open: 'preparation' }, continuous: 'closed', monitoring: 'closed' });
    const { snapshot } = driveProgramme(s);
    expect(snapshot.status).toBe('done');
  });
});
