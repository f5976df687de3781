/**
 * @nastavnik/machines: the life of a pair as pure transitions over JSON
 * snapshots, refusals as data, replay and persistence, overdue checks, a
 * school programme driven by a seed roadmap, and the diagrams.
 */
import { type OrderInput, roadmapActivities } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  createPairSnapshot,
  createProgrammeSnapshot,
  findPairOverdue,
  findProgrammeOverdue,
  migratePairSnapshot,
  type PairEvent,
  type PairEventInput,
  type PairSnapshot,
  pairMachine,
  pairPhase,
  pairPhaseLabels,
  pairTransition,
  persistPair,
  programmeMachine,
  programmePresets,
  replayPair,
  toMermaid,
} from '@nastavnik/machines';

const head = { position: 'директор', name: { lastName: 'Иванова', firstName: 'Анна' } };
const order = (kind: 'approvePairs' | 'approvePlans', id: string, date: string): OrderInput => ({
  id,
  organizationId: 'lyceum-7',
  kind,
  number: `${id}-р`,
  date,
  title: kind === 'approvePairs' ? 'О закреплении наставнических пар' : 'Об утверждении планов',
  signatory: head,
});

export interface MachinesSummary {
  refusedCode: string;
  phases: string[];
  finalPhase: string;
  logLength: number;
  replayMatches: boolean;
  migratedPhase: string;
  overdueKinds: string[];
  findProgrammeOverdue: number;
  pairDiagram: string;
  programmeDiagram: string;
}

export function main(): MachinesSummary {
  // #region create
  // A pair of teachers: a mentor and a young specialist. The snapshot is plain JSON.
  const proposal = {
    id: 'pair-1',
    organizationId: 'lyceum-7',
    mentorId: 't-7',
    menteeIds: ['t-2'],
    form: 'educatorEducator',
    formats: ['traditional'],
    origin: 'matching' as const,
  };
  const proposed = {
    date: '2023-09-01',
    participants: [
      { id: 't-7', category: 'teacher' as const },
      { id: 't-2', category: 'teacher' as const },
    ],
  };
  let pair: PairSnapshot = createPairSnapshot(proposal, proposed);
  console.log(pairPhase(pair), pairPhaseLabels[pairPhase(pair)].ru); // collectingConsents …
  // #endregion create

  // #region refusal
  // The head cannot approve the pair before the written consents are in (003 §3.3):
  // the rules refuse, with a typed reason — no exception, nothing changes.
  const early = pairTransition(pair, {
    type: 'orderIssued',
    date: '2023-09-05',
    by: { role: 'head' },
    order: order('approvePairs', 'ord-12', '2023-09-05'),
  });
  const refusedCode = early.refused?.code ?? ''; // 'consents_incomplete'
  console.log(early.refused?.messageEn);
  // #endregion refusal

  // #region year
  // The year of the pair: each accepted event is validated and returned for the log.
  const log: PairEvent[] = [];
  const phases: string[] = [];
  const apply = (event: PairEventInput): void => {
    const r = pairTransition(pair, event);
    if (r.refused) throw new Error(`${event.type}: ${r.refused.code}`);
    pair = r.snapshot;
    log.push(r.event);
    phases.push(pairPhase(pair));
  };
  const curator = { role: 'curator' } as const;
  for (const personId of ['t-7', 't-2']) {
    for (const purpose of ['personalData', 'mentorDuties'] as const) {
      apply({
        type: 'consentRecorded',
        date: '2023-09-10',
        by: curator,
        consent: {
          id: `c-${personId}-${purpose}`,
          personId,
          purpose,
          givenBy: 'self',
          givenAt: '2023-09-10',
        },
      });
    }
  }
  apply({
    type: 'orderIssued',
    date: '2023-09-15',
    by: { role: 'head' },
    order: order('approvePairs', 'ord-12', '2023-09-15'),
  });
  const meeting = (kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final', date: string) =>
    apply({
      type: 'meetingHeld',
      date,
      by: { role: 'mentor', id: 't-7' },
      meeting: { id: `m-${date}`, pairId: 'pair-1', kind, date },
    });
  meeting('organizational', '2023-09-18'); // 004 §5: organizational → trial → planning → regular… → final
  meeting('trial', '2023-09-25');
  meeting('planning', '2023-10-02');
  apply({
    type: 'programmeApproved',
    date: '2023-10-05',
    by: curator,
    programme: {
      id: 'pp-1',
      pairId: 'pair-1',
      start: '2023-10-05',
      end: '2024-05-31', // 3 to 12 months (003 §1.2)
      goals: ['Адаптация молодого специалиста'],
      plan: [
        { id: 'i-1', title: 'Посетить уроки наставника', due: '2023-11-30', expectedResult: 'Анализ уроков' },
        { id: 'i-2', title: 'Открытый урок', due: '2024-03-29', expectedResult: 'Самоанализ урока' },
      ],
    },
    order: order('approvePlans', 'ord-15', '2023-10-05'),
  });
  meeting('regular', '2023-10-20');
  apply({ type: 'planItemDone', date: '2023-11-24', by: { role: 'mentee', id: 't-2' }, itemId: 'i-1' });
  // #endregion year

  // #region overdue
  // Nothing reads the clock: what is overdue is a function of the snapshot and a date.
  const overdue = findPairOverdue(pair, '2024-04-15'); // the open lesson is late, no meeting for weeks
  // #endregion overdue

  // #region finish
  apply({ type: 'planItemDone', date: '2024-04-20', by: { role: 'mentee', id: 't-2' }, itemId: 'i-2' });
  meeting('final', '2024-05-20');
  for (const respondentId of ['t-7', 't-2']) {
    apply({ type: 'finalSurveySubmitted', date: '2024-05-24', by: curator, respondentId });
  }
  apply({ type: 'completed', date: '2024-05-31', by: curator });
  console.log(`${log.length} событий, итог: ${pairPhaseLabels[pairPhase(pair)].ru}`);
  // #endregion finish

  // #region persist
  // Store the snapshot (versioned) and the event log; replaying the log gives the same snapshot.
  const stored = JSON.stringify(persistPair(pair)); // compact: { version: 2, layout, phase, context }
  const restored = migratePairSnapshot(JSON.parse(stored)); // this or an older format
  const initial = createPairSnapshot(proposal, proposed); // the same proposal as at the start
  const replayed = replayPair(initial, JSON.parse(JSON.stringify(log)));
  // #endregion persist

  // #region programme
  // A school's year run by the roadmap of Lyceum No. 7 (004) with its preset of gates.
  const programme = createProgrammeSnapshot(programmePresets.lyceum7Tikhvin004, { date: '2023-08-25' });
  const late = findProgrammeOverdue(programme, '2023-10-01'); // nothing done yet: what is already late?
  const activities = roadmapActivities(seedRoadmaps.lyceum7Tikhvin004).length;
  console.log(`Мероприятий: ${activities}; просрочено на 1 октября: ${late.length}`);
  // #endregion programme

  // #region diagrams
  const pairDiagram = toMermaid(pairMachine, { hideGuards: ['allowed'] });
  const programmeDiagram = toMermaid(programmeMachine, { hideGuards: ['allowed'] });
  // #endregion diagrams

  return {
    refusedCode,
    phases,
    finalPhase: pairPhase(pair),
    logLength: log.length,
    replayMatches:
      JSON.stringify(replayed.snapshot) === JSON.stringify(pair) && replayed.refused === undefined,
    migratedPhase: pairPhase(restored),
    overdueKinds: overdue.map((o) => o.kind),
    findProgrammeOverdue: late.length,
    pairDiagram,
    programmeDiagram,
  };
}
