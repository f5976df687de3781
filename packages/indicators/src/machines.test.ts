import { PairRecordSchema } from '@nastavnik/indicators';
import { activityRecordsFromProgramme, pairRecordFromSnapshot } from '@nastavnik/indicators/machines';
import {
  createPairSnapshot,
  createProgrammeSnapshot,
  type PairEventInput,
  pairTransition,
  programmePresets,
  programmeTransition,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

const pair = {
  id: 'pair-1',
  organizationId: 'sch-1',
  mentorId: 't-1',
  menteeIds: ['t-2'],
  form: 'educatorEducator',
  formats: ['traditional'],
  origin: 'curator' as const,
};
const participants = [
  { id: 't-1', category: 'teacher' as const },
  { id: 't-2', category: 'teacher' as const },
];
const curator = { role: 'curator' as const };
const consent = (id: string, personId: string, purpose: 'personalData' | 'mentorDuties') => ({
  type: 'consentRecorded' as const,
  date: '2023-09-20',
  by: curator,
  consent: { id, personId, purpose, givenBy: 'self' as const, givenAt: '2023-09-20' },
});

function run(events: PairEventInput[]) {
  let s = createPairSnapshot(pair, { date: '2023-09-18', participants });
  for (const e of events) {
    const r = pairTransition(s, e);
    if (r.refused) throw new Error(`refused ${r.refused.code}`);
    s = r.snapshot;
  }
  return s;
}

const opening: PairEventInput[] = [
  consent('c1', 't-1', 'personalData'),
  consent('c2', 't-1', 'mentorDuties'),
  consent('c3', 't-2', 'personalData'),
  consent('c4', 't-2', 'mentorDuties'),
  {
    type: 'orderIssued',
    date: '2023-09-25',
    by: { role: 'head' },
    order: {
      id: 'o-1',
      organizationId: 'sch-1',
      kind: 'approvePairs',
      number: '12',
      date: '2023-09-25',
      title: 'О закреплении наставнических пар',
      signatory: { position: 'директор', name: { lastName: 'Иванова', firstName: 'Анна' } },
    },
  },
  {
    type: 'meetingHeld',
    date: '2023-09-27',
    by: curator,
    meeting: { id: 'm1', pairId: 'pair-1', kind: 'organizational', date: '2023-09-27' },
  },
];

describe('records from machine snapshots', () => {
  it('reads a proposed pair (no order yet) as proposed, with three meetings planned', () => {
    const r = pairRecordFromSnapshot(run(opening.slice(0, 2)));
    expect(r).toMatchObject({ status: 'proposed', meetingsHeld: 0, meetingsPlanned: 3, extended: false });
    expect(r.approvedAt).toBeUndefined();
    expect(PairRecordSchema.safeParse(r).success).toBe(true);
  });

  it('reads an approved pair and an early termination with its reason and date', () => {
    const approved = pairRecordFromSnapshot(run(opening), { requestIds: ['req-1'] });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedAt: '2023-09-25',
      meetingsHeld: 1,
      requestIds: ['req-1'],
    });
    const terminated = pairRecordFromSnapshot(
      run([
        ...opening,
        {
          type: 'terminated',
          date: '2023-11-02',
          by: curator,
          reason: 'curatorInitiative',
          note: 'Форс-мажор',
        },
      ]),
    );
    expect(terminated).toMatchObject({
      status: 'terminated',
      approvedAt: '2023-09-25',
      terminatedAt: '2023-11-02',
      terminationReason: 'curatorInitiative',
    });
    expect(PairRecordSchema.safeParse(terminated).success).toBe(true);
  });

  it('lists the roadmap activities with a deadline and the day they were done', () => {
    const preset = programmePresets.lyceum7Tikhvin004;
    let s = createProgrammeSnapshot(
      { roadmap: preset.roadmap, policy: preset.policy },
      { date: '2023-09-01' },
    );
    const first = s.context.activities.find((a) => a.deadline !== null);
    if (!first) throw new Error('no activity with a deadline');
    for (const e of [
      { type: 'activityStarted' as const, date: '2023-09-01', by: curator, activityId: first.id },
      {
        type: 'activityDone' as const,
        date: '2023-09-10',
        by: curator,
        activityId: first.id,
        deliverables: first.deliverables.map((kind) => ({ kind, ref: `${first.id}/${kind}` })),
      },
    ]) {
      const r = programmeTransition(s, e);
      if (r.refused) throw new Error(r.refused.code);
      s = r.snapshot;
    }
    const records = activityRecordsFromProgramme(s, 'sch-1');
    expect(records).toHaveLength(s.context.activities.filter((a) => a.deadline !== null).length);
    expect(records.find((r) => r.activityId === first.id)).toEqual({
      organizationId: 'sch-1',
      activityId: first.id,
      due: first.deadline,
      doneAt: '2023-09-10',
    });
    expect(records.filter((r) => r.doneAt !== undefined)).toHaveLength(1);
  });
});
