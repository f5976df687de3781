/**
 * Recipe: a school's programme year, end to end, on the sample data — the
 * roadmap as a programme machine, registries and consents, matching, pairs
 * run by the pair machine, the order approving them, and the monitoring
 * report in May. Prints counts only.
 */
import {
  type Consent,
  type ConsentPurpose,
  ConsentSchema,
  defaultConsentPolicy,
  mayProcess,
  type Pair,
  PairSchema,
  type Person,
  parse,
  requiredConsents,
} from '@nastavnik/core';
import { generateMunicipality } from '@nastavnik/core/sample';
import { buildMonitoringReport, buildPairsOrder } from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { computeIndicators, defaultIndicators } from '@nastavnik/indicators';
import { activityRecordsFromProgramme, pairRecordFromSnapshot } from '@nastavnik/indicators/machines';
import {
  createPairSnapshot,
  createProgrammeSnapshot,
  findProgrammeOverdue,
  type PairSnapshot,
  pairPhase,
  pairTransition,
  programmePresets,
  programmeTransition,
} from '@nastavnik/machines';
import { matchOptimal } from '@nastavnik/matching';

export interface SchoolYearSummary {
  overdueBefore: number;
  overdueAfter: number;
  proposed: number;
  consentsCollected: number;
  approved: number;
  refusals: string[];
  orderBytes: number;
  coverageRows: number;
  reportBytes: number;
  activitiesCounted: number;
}

export async function main(): Promise<SchoolYearSummary> {
  // #region setup
  // The school: in a real system, the registries imported from Excel (@nastavnik/registry).
  const municipality = generateMunicipality({ seed: 1 });
  const school = municipality.schools[0]!;
  const people = new Map(school.persons.map((p) => [p.id as string, p]));
  const org = school.organization;
  // #endregion setup

  // #region programme
  // 1. August: the programme of the year, run by the roadmap of Lyceum No. 7 (004)
  //    with its gates. Overdue activities are a function of the snapshot and a date.
  let programme = createProgrammeSnapshot(programmePresets.lyceum7Tikhvin004, { date: '2023-08-25' });
  const overdueBefore = findProgrammeOverdue(programme, '2023-10-15').length;
  const curator = { role: 'curator' } as const;
  const apply = (event: Parameters<typeof programmeTransition>[1]) => {
    const r = programmeTransition(programme, event);
    if (r.refused) throw new Error(r.refused.code);
    programme = r.snapshot;
  };
  const finish = (stage: string, started: string, done: string) => {
    const activities = programme.context.activities.filter((a) => a.stage === stage);
    for (const a of activities)
      apply({ type: 'activityStarted', date: started, by: curator, activityId: a.id });
    for (const a of activities) {
      const deliverables = a.deliverables.map((kind) => ({ kind }));
      apply({ type: 'activityDone', date: done, by: curator, activityId: a.id, deliverables });
    }
  };
  finish('mentorTraining', '2023-08-25', '2023-08-30'); // mentors trained before pairs (004 §3)
  finish('menteeBase', '2023-09-01', '2023-09-20'); // surveys, consents, the mentee registry
  finish('mentorBase', '2023-09-20', '2023-09-22'); // events come in date order
  const overdueAfter = findProgrammeOverdue(programme, '2023-10-15').length; // pair formation is still open
  // #endregion programme

  // #region match
  // 2. September: pairs proposed from the registries (consents checked on the date).
  const date = '2023-09-25';
  const result = matchOptimal({
    date,
    mentors: school.mentorProfiles.map((profile) => ({ person: people.get(profile.personId)!, profile })),
    mentees: school.menteeProfiles.map((profile) => ({ person: people.get(profile.personId)!, profile })),
    consents: [...school.consents],
  });
  const pairs: Pair[] = result.pairs.map((p, i) =>
    parse(PairSchema, {
      id: `${org.id}-pair-${i + 1}`,
      organizationId: org.id,
      mentorId: p.mentorId,
      menteeIds: [p.menteeId],
      form: people.get(p.menteeId)?.category === 'pupil' ? 'teacherStudent' : 'educatorEducator',
      formats: ['traditional'],
      origin: 'matching',
    }),
  );
  // #endregion match

  // #region consents
  // 3. The group meeting: the curator collects the written consents each pair
  //    still lacks — the mentor's to the extra duties, a pupil's to
  //    participation (signed by a parent), a teacher's to the duties (003 §3.3).
  const consents: Consent[] = [...school.consents];
  // The one judge: core's consent policy says what each participant needs for the pair.
  const need = (p: Person, role: 'mentor' | 'mentee'): readonly ConsentPurpose[] =>
    requiredConsents(defaultConsentPolicy, p, role, 'pair');
  let consentsCollected = 0;
  for (const pair of pairs) {
    const roles: Array<[string, 'mentor' | 'mentee']> = [
      [pair.mentorId, 'mentor'],
      ...pair.menteeIds.map((m): [string, 'mentee'] => [m, 'mentee']),
    ];
    for (const [id, role] of roles) {
      const person = people.get(id)!;
      for (const purpose of need(person, role)) {
        if (mayProcess(person, consents, date, purpose).allowed) continue;
        const minor = person.category === 'pupil';
        consents.push(
          parse(ConsentSchema, {
            id: `c-${id}-${purpose}-2023`,
            personId: id,
            purpose,
            givenBy: minor ? 'parent' : 'self',
            ...(minor ? { representative: { lastName: person.name.lastName, firstName: 'Ирина' } } : {}),
            givenAt: date,
          }),
        );
        consentsCollected++;
      }
    }
  }
  // #endregion consents

  // #region pairs
  // 4. Each pair runs in the pair machine: consents in, then the head's order.
  const order = {
    id: 'ord-57',
    organizationId: org.id,
    kind: 'approvePairs' as const,
    number: '57-о',
    date: '2023-10-02',
    title: 'О закреплении наставнических пар на 2023–2024 учебный год',
    signatory: { position: 'директор', name: school.head.name },
  };
  const snapshots = new Map<string, PairSnapshot>();
  const refusals: string[] = [];
  for (const pair of pairs) {
    const participants = [pair.mentorId, ...pair.menteeIds].map((id) => {
      const p = people.get(id)!;
      return { id: p.id, category: p.category, ...(p.birthDate ? { birthDate: p.birthDate } : {}) };
    });
    let s = createPairSnapshot(pair, { date, participants });
    const mine = consents.filter((c) => participants.some((p) => p.id === c.personId));
    for (const consent of mine) {
      const r = pairTransition(s, { type: 'consentRecorded', date, by: { role: 'curator' }, consent });
      if (!r.refused) s = r.snapshot; // a consent of another purpose is simply not needed
    }
    const approved = pairTransition(s, {
      type: 'orderIssued',
      date: order.date,
      by: { role: 'head' },
      order,
    });
    if (approved.refused) refusals.push(approved.refused.code); // e.g. a consent withdrawn before the order
    snapshots.set(pair.id, approved.refused ? s : approved.snapshot);
  }
  const approvedPairs = pairs.filter((p) => pairPhase(snapshots.get(p.id)!) === 'awaitingOrganizational');
  // #endregion pairs

  // #region order
  // 5. The order itself, with the consents checked once more and noted.
  const pairsOrder = buildPairsOrder({
    organization: org,
    order,
    people: [...school.persons],
    pairs: approvedPairs,
    consents,
    start: order.date,
    end: '2024-05-31',
    curatorId: school.curator.id,
  });
  const orderDocx = await renderDocx(pairsOrder);
  // #endregion order

  // #region monitoring
  // 6. May: indicators from the machines' snapshots, and the curator's report.
  const records = approvedPairs.map((p) => pairRecordFromSnapshot(snapshots.get(p.id)!));
  const activities = activityRecordsFromProgramme(programme, org.id); // roadmap activities on time or late
  const { values } = computeIndicators(
    {
      organizations: [...municipality.organizations],
      persons: school.persons.map((p) => ({
        id: p.id,
        organizationId: p.organizationId,
        category: p.category,
        ...(p.birthDate ? { birthDate: p.birthDate } : {}),
        ...(p.experienceYears !== undefined ? { experienceYears: p.experienceYears } : {}),
      })),
      pairs: records,
      activities,
    },
    { asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } },
  );
  const activitiesOnTime = values.find(
    (v) => v.indicatorId === 'process.activitiesOnTime' && v.organizationId === org.id,
  );
  const mine = (id: string) =>
    values.find((v) => v.indicatorId === id && v.organizationId === org.id && !v.breakdown);
  const coverage = [
    'coverage.pupilMentees',
    'coverage.teacherMentors',
    'coverage.youngTeacherMentees',
  ].flatMap((id) => {
    const v = mine(id);
    const name = defaultIndicators.find((d) => d.id === id)!.name.ru;
    if (!v || v.numerator === null || v.denominator === null) return [];
    return [
      {
        label: name,
        numerator: v.numerator,
        denominator: v.denominator,
        ...(v.target ? { target: v.target } : {}),
      },
    ];
  });
  const report = buildMonitoringReport({
    organization: org,
    date: '2024-05-31',
    period: { start: '2023-09-01', end: '2024-05-31' },
    author: { position: 'заместитель директора по УВР', name: school.curator.name },
    counts: {
      mentors: new Set(approvedPairs.map((p) => p.mentorId)).size,
      mentees: approvedPairs.length,
      pairs: approvedPairs.length,
    },
    coverage,
  });
  const reportDocx = await renderDocx(report);
  console.log(
    `Пар: предложено ${pairs.length}, утверждено ${approvedPairs.length}; строк охвата в отчёте: ${coverage.length}`,
  );
  // #endregion monitoring

  return {
    overdueBefore,
    overdueAfter,
    proposed: pairs.length,
    consentsCollected,
    approved: approvedPairs.length,
    refusals,
    orderBytes: orderDocx.byteLength,
    coverageRows: coverage.length,
    reportBytes: reportDocx.byteLength,
    activitiesCounted: activitiesOnTime?.denominator ?? 0,
  };
}
