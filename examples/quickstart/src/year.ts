// A whole programme year on the sample municipality, through every package of
// the SDK. Pure: the same options give the same year (no clock, no Math.random).
import {
  type CatalogueId,
  type Competition,
  CompetitionSchema,
  type Consent,
  defaultConsentPolicy,
  extendCatalogue,
  type IsoDate,
  isMinorOn,
  isoToDate,
  type MenteeProfile,
  type MentorProfile,
  mayProcess,
  mentorshipForms,
  type Order,
  type Pair,
  type Person,
  type PersonalProgramme,
  parse,
  type Questionnaire,
  QuestionnaireSchema,
  type Response,
  recordCompetitionScore,
  requiredConsents,
  type TerminationReason,
  toIsoDate,
  validateResponse,
} from '@nastavnik/core';
import type { seedRoadmaps } from '@nastavnik/core/roadmaps';
import { generateMunicipality, type SampleMunicipality, type SampleSchool } from '@nastavnik/core/sample';
import { planTemplateFor, standardQuestionnaire } from '@nastavnik/documents';
import {
  computeIndicators,
  type IndicatorDatasetInput,
  type IndicatorValue,
  type PersonRecord,
  type PublishedValue,
  parseDataset,
  suppress,
} from '@nastavnik/indicators';
import { activityRecordsFromProgramme, pairRecordFromSnapshot } from '@nastavnik/indicators/machines';
import {
  createPairSnapshot,
  createProgrammeSnapshot,
  type PairEvent,
  type PairEventInput,
  type PairSnapshot,
  type ProgrammeEventInput,
  type ProgrammeSnapshot,
  pairTransition,
  programmePresets,
  programmeTransition,
  type Refusal,
  replayPair,
} from '@nastavnik/machines';
import { type MatchingInput, type MatchResult, matchOptimal, matchStable } from '@nastavnik/matching';
import { addDays } from 'date-fns';
import { createRng, type Rng } from './rng';

/** Options of a demo year. */
export interface YearOptions {
  readonly seed: number;
  readonly schools: number;
  readonly pupilsPerSchool: number;
  readonly teachersPerSchool: number;
  /** Called as each step starts (for a progress line). */
  readonly onProgress?: (step: YearStep, index: number, total: number) => void;
}

/** The steps of a year, in order. */
export const YEAR_STEPS = ['registries', 'programmes', 'surveys', 'matching', 'pairs', 'indicators'] as const;
/** A step of the year. */
export type YearStep = (typeof YEAR_STEPS)[number];

/** A pair's journey through its machine. */
export interface PairJourney {
  readonly schoolId: string;
  readonly pair: Pair;
  readonly method: 'optimal' | 'stable';
  readonly requestIds: readonly string[];
  readonly programme: PersonalProgramme | null;
  readonly snapshot: PairSnapshot;
  readonly events: readonly PairEvent[];
  /** Events the machine refused on the way (the demo tries a few on purpose). */
  readonly refusals: readonly Refusal[];
  /** What happened to it, for the summary. */
  readonly fate: 'completed' | 'extended' | 'terminated' | 'consentsIncomplete';
  readonly terminationReason?: TerminationReason;
}

/** A programme machine run for one organization. */
export interface ProgrammeRun {
  readonly organizationId: string;
  readonly roadmap: keyof typeof seedRoadmaps;
  readonly snapshot: ProgrammeSnapshot;
  readonly log: readonly ProgrammeEventInput[];
  readonly refused: number;
}

/** Matching of one school. */
export interface SchoolMatching {
  readonly schoolId: string;
  /** Teachers by criteria (003 §6.1). */
  readonly optimal: MatchResult;
  /** Pupils by mutual choice after the group meeting (004 §4). */
  readonly stable: MatchResult;
}

/** Everything the year produced. */
export interface YearResult {
  readonly options: YearOptions;
  readonly sample: SampleMunicipality;
  readonly dates: typeof DATES;
  /** Consents collected at pair formation (participation, extra duties), on top of the registry's. */
  readonly consents: readonly Consent[];
  readonly questionnaires: readonly Questionnaire[];
  readonly responses: readonly Response[];
  readonly programmes: readonly ProgrammeRun[];
  readonly matching: readonly SchoolMatching[];
  readonly pairs: readonly PairJourney[];
  /** Orders issued during the year (pairs, plans, changes). */
  readonly orders: readonly Order[];
  readonly competition: Competition;
  readonly indicators: {
    readonly december: readonly IndicatorValue[];
    readonly may: readonly IndicatorValue[];
    readonly publishedMay: readonly PublishedValue[];
    /** The inputs of the indicators as of each checkpoint (a region merges its municipalities'). */
    readonly datasets: { readonly december: IndicatorDatasetInput; readonly may: IndicatorDatasetInput };
  };
  /** The catalogue of forms with the region's own «учитель – ученик». */
  readonly forms: typeof forms;
}

/** Key dates of the demo year 2023-2024 (the sample registry is as of 1 October). */
export const DATES = {
  academicYear: '2023-2024',
  programmeStart: '2023-09-01',
  groupMeeting: '2023-09-28',
  match: '2023-10-02',
  consents: '2023-10-04',
  order: '2023-10-09',
  organizational: '2023-10-11',
  trial: '2023-10-18',
  planning: '2023-10-25',
  plansOrder: '2023-10-27',
  programmeFrom: '2023-11-01',
  programmeTo: '2024-05-31',
  feedback: '2024-01-22',
  december: '2023-12-28',
  may: '2024-05-31',
  finalMeeting: '2024-05-20',
  extendedTo: '2024-06-28',
  extendedFinal: '2024-06-20',
} as const;

/** The region's own form, added to the federal catalogue without forking the SDK. */
const forms = extendCatalogue(mentorshipForms, [
  { id: 'teacherPupil', label: { ru: 'учитель – ученик', en: 'teacher – pupil' } },
]);

const PLAN = [
  {
    title: 'Диагностика затруднений и постановка целей',
    result: 'Карта затруднений, цели программы',
    due: '2023-11-30',
  },
  {
    title: 'Совместная разработка и проведение занятий',
    result: 'Разработки двух занятий с анализом',
    due: '2024-01-31',
  },
  {
    title: 'Взаимопосещение занятий и их анализ',
    result: 'Протоколы посещения, рекомендации',
    due: '2024-03-29',
  },
  {
    title: 'Подготовка и представление результатов',
    result: 'Выступление, портфолио пары',
    due: '2024-05-15',
  },
] as const;

const REASONS: readonly { reason: TerminationReason; note: string; by: 'mentor' | 'mentee' | 'curator' }[] = [
  { reason: 'mentorInitiative', note: 'Длительная болезнь наставника', by: 'mentor' },
  { reason: 'menteeInitiative', note: 'Переезд наставляемого в другой город', by: 'mentee' },
  { reason: 'mutualDecision', note: 'Цели достигнуты раньше срока по обоюдному решению', by: 'curator' },
  { reason: 'curatorInitiative', note: 'Программа не выполняется (форс-мажор)', by: 'curator' },
];

const isLearner = (p: Person) => p.category === 'pupil' || p.category === 'student';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function shift(date: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(isoToDate(date), days));
}

/** Answers to a standard questionnaire: the given ones, the rest filled plausibly. */
function answer(
  q: Questionnaire,
  rng: Rng,
  given: Record<string, Response['answers'][string]>,
): Response['answers'] {
  const out: Response['answers'] = {};
  for (const question of q.questions) {
    const preset = given[question.id];
    if (preset !== undefined) {
      out[question.id] = preset;
      continue;
    }
    if (!question.required && !rng.chance(0.3)) continue;
    switch (question.type) {
      case 'scale':
        out[question.id] = rng.int(Math.max(question.min, question.max - 4), question.max);
        break;
      case 'single':
        out[question.id] = rng.pick(question.options).id;
        break;
      case 'multiple':
        out[question.id] = [rng.pick(question.options).id];
        break;
      case 'ranking':
        out[question.id] = [];
        break;
      case 'yesNo':
        out[question.id] = rng.chance(0.85);
        break;
      case 'text':
        out[question.id] = 'Без замечаний';
        break;
    }
  }
  return out;
}

function runProgramme(organizationId: string, roadmap: keyof typeof seedRoadmaps, rng: Rng): ProgrammeRun {
  const preset = programmePresets[roadmap];
  let s = createProgrammeSnapshot(
    { roadmap: preset.roadmap, policy: preset.policy },
    { date: DATES.programmeStart, period: { academicYear: DATES.academicYear } },
  );
  const by = { role: 'curator' as const };
  const planned: Array<ProgrammeEventInput & { order: number }> = [];
  s.context.activities.forEach((a, i) => {
    const start = a.start && a.start > s.context.createdAt ? a.start : s.context.createdAt;
    const deadline = a.deadline && a.deadline > start ? a.deadline : start;
    planned.push({ type: 'activityStarted', date: start, by, activityId: a.id, order: i });
    // A few activities run late (overdue on the checkpoints): real schools are busy.
    const late = !a.continuous && rng.chance(0.12);
    const done = late ? shift(deadline, rng.int(10, 40)) : deadline;
    if (done > '2024-08-31') return;
    for (const kind of a.continuous ? a.deliverables : [])
      planned.push({ type: 'deliverableRecorded', date: start, by, kind, activityId: a.id, order: i });
    planned.push({
      type: 'activityDone',
      date: done,
      by,
      activityId: a.id,
      deliverables: a.continuous ? [] : a.deliverables.map((kind) => ({ kind, ref: `${a.id}/${kind}` })),
      order: i,
    });
  });
  for (const cp of s.context.checkpoints)
    planned.push({ type: 'checkpointHeld', date: cp.start, by, checkpointId: cp.id, order: 0 });
  planned.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.order - y.order));
  const log: ProgrammeEventInput[] = [];
  let refused = 0;
  const advance = (date: IsoDate) => {
    for (;;) {
      if (s.context.stage === 'closed') return;
      const e: ProgrammeEventInput = { type: 'stageCompleted', date, by, stage: s.context.stage };
      const r = programmeTransition(s, e);
      if (r.refused) return;
      s = r.snapshot;
      log.push(e);
    }
  };
  for (const { order: _order, ...e } of planned) {
    advance(e.date);
    const r = programmeTransition(s, e);
    if (r.refused) {
      refused++;
      continue;
    }
    s = r.snapshot;
    log.push(e);
    advance(e.date);
  }
  return { organizationId, roadmap, snapshot: s, log, refused };
}

interface SchoolPeople {
  school: SampleSchool;
  persons: Map<string, Person>;
  mentors: Array<{ person: Person; profile: MentorProfile }>;
  mentees: Array<{ person: Person; profile: MenteeProfile }>;
}

function schoolPeople(school: SampleSchool): SchoolPeople {
  const persons = new Map(school.persons.map((p) => [p.id, p]));
  const get = (id: string) => {
    const p = persons.get(id as Person['id']);
    if (!p) throw new Error(`unknown person ${id}`);
    return p;
  };
  return {
    school,
    persons,
    mentors: school.mentorProfiles.map((profile) => ({ person: get(profile.personId), profile })),
    mentees: school.menteeProfiles.map((profile) => ({ person: get(profile.personId), profile })),
  };
}

/** Mentee ranks up to three mentors, mentor ranks those who chose them: the preference survey. */
function preferenceSurvey(
  people: SchoolPeople,
  learners: SchoolPeople['mentees'],
  rng: Rng,
): { menteePreferences: Record<string, string[]>; mentorPreferences: Record<string, string[]> } {
  const overlap = (m: MentorProfile, e: MenteeProfile) =>
    e.requests.filter((r) => r.competence !== undefined && m.competences.includes(r.competence)).length +
    (m.menteeGroups.includes(e.group) ? 1 : 0);
  const menteePreferences: Record<string, string[]> = {};
  const chosenBy = new Map<string, Array<{ id: string; score: number }>>();
  for (const e of learners) {
    const ranked = people.mentors
      // After the group meeting the curator offers the mentors who can take the mentee's age group.
      .filter(
        (m) =>
          m.person.id !== e.person.id &&
          m.profile.capacity > 0 &&
          (m.profile.menteeGroups.length === 0 || m.profile.menteeGroups.includes(e.profile.group)),
      )
      .map((m) => ({ id: m.person.id, score: overlap(m.profile, e.profile) + rng.next() * 1.5 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
    menteePreferences[e.person.id] = ranked.map((r) => r.id);
    for (const r of ranked) {
      const list = chosenBy.get(r.id) ?? [];
      list.push({ id: e.person.id, score: r.score + rng.next() });
      chosenBy.set(r.id, list);
    }
  }
  const mentorPreferences: Record<string, string[]> = {};
  for (const [mentorId, list] of chosenBy)
    mentorPreferences[mentorId] = list.sort((a, b) => b.score - a.score).map((x) => x.id);
  return { menteePreferences, mentorPreferences };
}

function formOf(mentor: Person, mentee: Person): CatalogueId {
  if (isLearner(mentor) && isLearner(mentee)) return 'pupilPupil';
  if (isLearner(mentee)) return 'teacherPupil';
  return mentor.category === 'head' ? 'headEducator' : 'educatorEducator';
}

/** Consents a participant signs when the pair is formed (003 §3.2–3.3; 004 §1). */
function formationConsents(
  person: Person,
  role: 'mentor' | 'mentee',
  registry: readonly Consent[],
  rng: Rng,
  seq: () => number,
): Consent[] {
  // What the one consent policy asks for joining a pair beyond the registry's personal-data consent:
  // learners consent to participation, staff to the extra duties (003 §3.2), whatever their role.
  const purposes = requiredConsents(defaultConsentPolicy, person, role, 'pair').filter(
    (p) => p !== 'personalData',
  );
  // A few decline: the pair then stays unapproved and the curator looks again (004 §4).
  if (rng.chance(role === 'mentee' ? 0.04 : 0.01)) return [];
  const minor = isMinorOn(person, DATES.consents);
  // For a minor the parent who signed the personal-data consent signs again.
  const parent = registry.find(
    (c) => c.personId === person.id && c.representative !== undefined,
  )?.representative;
  return purposes.map(
    (purpose): Consent => ({
      id: `c-form-${seq()}` as Consent['id'],
      personId: person.id,
      purpose,
      givenBy: minor ? 'parent' : 'self',
      ...(minor
        ? {
            representative: parent ?? { lastName: person.name.lastName, firstName: 'Законный представитель' },
          }
        : {}),
      givenAt: DATES.consents,
    }),
  );
}

/** Run the whole year on the sample municipality of the options. */
export function runProgrammeYear(options: YearOptions): YearResult {
  options.onProgress?.('registries', 0, YEAR_STEPS.length);
  // 1. Registries with consents (stages 2–3): the sample municipality.
  const sample = generateMunicipality({
    seed: options.seed,
    schools: options.schools,
    pupilsPerSchool: options.pupilsPerSchool,
    teachersPerSchool: options.teachersPerSchool,
    academicYear: DATES.academicYear,
  });
  return runMunicipalityYear(sample, options);
}

/**
 * Run the year on a given municipality (e.g. one of core's `generateRegion`):
 * ids of pairs carry the municipality, so years of a region merge cleanly.
 */
export function runMunicipalityYear(sample: SampleMunicipality, options: YearOptions): YearResult {
  const rng = createRng(
    (options.seed ^ 0x5eed) + sample.authority.id.length * 7919 + hash(sample.authority.id),
  );
  const step = (s: YearStep) => options.onProgress?.(s, YEAR_STEPS.indexOf(s), YEAR_STEPS.length);
  const muni = sample.authority.id.replace(/^uo-/, '');
  const byId = new Map(sample.persons.map((p) => [p.id, p]));
  const person = (id: string): Person => {
    const p = byId.get(id as Person['id']);
    if (!p) throw new Error(`unknown person ${id}`);
    return p;
  };

  // 2. Programme machines: the municipality on 001's roadmap, the schools on 004's.
  step('programmes');
  const programmes: ProgrammeRun[] = [
    runProgramme(sample.authority.id, 'prokopyevsk001', rng),
    ...sample.schools.map((s) => runProgramme(s.organization.id, 'lyceum7Tikhvin004', rng)),
  ];

  // 3. Needs survey of mentees and potential survey of mentors (stages 2–3).
  step('surveys');
  const questionnaires = (
    ['menteeNeeds', 'mentorPotential', 'preference', 'interimFeedback', 'finalSatisfaction'] as const
  ).map((k) => parse(QuestionnaireSchema, standardQuestionnaire(k)));
  // Self-assessment on entry and at the end (impact monitoring, 001 6.8, 004 §6).
  questionnaires.push(
    parse(QuestionnaireSchema, {
      id: 'q-self-assessment',
      kind: 'selfAssessment',
      respondentRole: 'mentee',
      title: { ru: 'Самооценка по запросу наставляемого', en: 'Self-assessment on the request' },
      questions: [
        {
          id: 'level',
          type: 'scale',
          min: 1,
          max: 10,
          text: {
            ru: 'Насколько уверенно вы справляетесь с тем, с чем пришли в программу?',
            en: 'How confident are you with what you came to the programme for?',
          },
        },
      ],
    }),
  );
  const q = (kind: Questionnaire['kind']): Questionnaire => {
    const found = questionnaires.find((x) => x.kind === kind);
    if (!found) throw new Error(kind);
    return found;
  };
  const responses: Response[] = [];
  let responseSeq = 0;
  const respond = (
    questionnaire: Questionnaire,
    respondentId: string,
    role: Response['role'],
    date: IsoDate,
    given: Record<string, Response['answers'][string]> = {},
    pairId?: string,
  ) => {
    const r = {
      id: `r-${++responseSeq}`,
      questionnaireId: questionnaire.id,
      respondentId,
      role,
      submittedAt: date,
      answers: answer(questionnaire, rng, given),
      ...(pairId ? { pairId } : {}),
    } as Response;
    const issues = validateResponse(questionnaire, r);
    if (issues.length > 0) throw new Error(`demo survey answer rejected: ${issues[0]?.messageEn}`);
    responses.push(r);
    return r;
  };
  const needsOptions = new Set(
    q('menteeNeeds').questions.flatMap((x) => (x.type === 'multiple' ? x.options.map((o) => o.id) : [])),
  );
  for (const m of sample.menteeProfiles) {
    const areas = m.requests
      .map((r) => r.competence)
      .filter((c): c is string => c !== undefined && needsOptions.has(c));
    respond(
      q('menteeNeeds'),
      m.personId,
      'mentee',
      '2023-09-15',
      areas.length > 0 ? { areas: [...new Set(areas)] } : {},
    );
  }
  for (const m of sample.mentorProfiles) respond(q('mentorPotential'), m.personId, 'mentor', '2023-09-18');

  // 4. Matching (stage 5): teachers by criteria, pupils by mutual choice after the group meeting.
  step('matching');
  const allConsents: Consent[] = [...sample.consents];
  const matching: SchoolMatching[] = [];
  const proposals: Array<{
    schoolId: string;
    method: 'optimal' | 'stable';
    mentorId: string;
    menteeIds: string[];
  }> = [];
  for (const school of sample.schools) {
    const people = schoolPeople(school);
    const teachers = people.mentees.filter((m) => !isLearner(m.person));
    const learners = people.mentees.filter((m) => isLearner(m.person));
    const base: Omit<MatchingInput, 'mentees'> = {
      date: DATES.match,
      mentors: people.mentors,
      consents: [...school.consents],
    };
    const optimal = matchOptimal({ ...base, mentees: teachers });
    const prefs = preferenceSurvey(people, learners, rng);
    for (const [menteeId, ranking] of Object.entries(prefs.menteePreferences))
      respond(q('preference'), menteeId, 'mentee', DATES.groupMeeting, { ranking });
    // The places the teachers took are gone: the pupils' round gets what is left.
    const used = new Map<string, number>();
    for (const p of optimal.pairs) used.set(p.mentorId, (used.get(p.mentorId) ?? 0) + 1);
    const stable = matchStable({
      ...base,
      mentors: people.mentors.map((m) => ({
        person: m.person,
        profile: { ...m.profile, capacity: Math.max(0, m.profile.capacity - (used.get(m.person.id) ?? 0)) },
      })),
      mentees: learners,
      menteePreferences: prefs.menteePreferences,
      mentorPreferences: prefs.mentorPreferences,
    });
    matching.push({ schoolId: school.organization.id, optimal, stable });
    // A mentor with several pupils and the group format works with them as a group (003 §2.3).
    for (const [method, result] of [
      ['optimal', optimal],
      ['stable', stable],
    ] as const) {
      const byMentor = new Map<string, string[]>();
      for (const p of result.pairs) {
        if (p.fixed) continue;
        const list = byMentor.get(p.mentorId) ?? [];
        list.push(p.menteeId);
        byMentor.set(p.mentorId, list);
      }
      for (const [mentorId, mentees] of byMentor) {
        const profile = people.mentors.find((m) => m.person.id === mentorId)?.profile;
        if (mentees.length > 1 && profile?.formats.includes('group')) {
          proposals.push({ schoolId: school.organization.id, method, mentorId, menteeIds: mentees });
        } else {
          for (const m of mentees)
            proposals.push({ schoolId: school.organization.id, method, mentorId, menteeIds: [m] });
        }
      }
    }
  }

  // 5. Pairs through their machines (stages 5–7).
  step('pairs');
  const schoolById = new Map<string, SampleSchool>(sample.schools.map((s) => [s.organization.id, s]));
  const requestsByMentee = new Map<string, string[]>();
  for (const r of sample.requests)
    requestsByMentee.set(r.menteeId, [...(requestsByMentee.get(r.menteeId) ?? []), r.id]);
  let consentSeq = 0;
  let pairSeq = 0;
  const journeys: PairJourney[] = [];
  const orders: Order[] = [];
  const ordersBySchool = new Map<string, { pairs: Order; plans: Order }>();
  sample.schools.forEach((s, i) => {
    const signatory = { position: 'директор', name: s.head.name };
    const mk = (kind: Order['kind'], n: number, date: IsoDate, title: string): Order => ({
      id: `ord-${s.organization.id}-${n}` as Order['id'],
      organizationId: s.organization.id,
      act: 'order',
      kind,
      number: `${n}-о/д`,
      date,
      title,
      signatory,
    });
    const o = {
      pairs: mk('approvePairs', 120 + i, DATES.order, 'О закреплении наставнических пар (групп)'),
      plans: mk(
        'approvePlans',
        131 + i,
        DATES.plansOrder,
        'Об утверждении персонализированных программ наставничества',
      ),
    };
    ordersBySchool.set(s.organization.id, o);
    orders.push(o.pairs, o.plans);
  });

  for (const proposal of proposals) {
    const school = schoolById.get(proposal.schoolId) as SampleSchool;
    const mentor = person(proposal.mentorId);
    const mentees = proposal.menteeIds.map(person);
    const menteeFormats = new Set(
      mentees.flatMap((m) =>
        sample.requests.filter((r) => r.menteeId === m.id).flatMap((r) => r.wantedFormats),
      ),
    );
    const mentorFormats = sample.mentorProfiles.find((p) => p.personId === mentor.id)?.formats ?? [];
    const formats = mentorFormats.filter((f) => menteeFormats.has(f) && f !== 'group');
    const pairId = `pair-${muni}-${++pairSeq}`;
    const requestIds = proposal.menteeIds.flatMap((id) => requestsByMentee.get(id) ?? []);
    const pair: Pair = {
      id: pairId as Pair['id'],
      organizationId: school.organization.id,
      mentorId: mentor.id,
      menteeIds: mentees.map((m) => m.id),
      form: formOf(mentor, mentees[0] as Person),
      formats: mentees.length > 1 ? ['group', ...formats] : formats.length > 0 ? formats : ['traditional'],
      origin: proposal.method === 'stable' ? 'mutualChoice' : 'matching',
      requestIds: requestIds as Pair['requestIds'],
    };
    const participants = [mentor, ...mentees].map((p) => ({
      id: p.id,
      category: p.category,
      ...(p.birthDate && isLearner(p) ? { birthDate: p.birthDate } : {}),
    }));
    // The default pair policy asks core's consent policy: no patch for pupil mentors.
    let snapshot = createPairSnapshot(pair, { date: DATES.match, participants });
    const events: PairEvent[] = [];
    const refusals: Refusal[] = [];
    const send = (e: PairEventInput): boolean => {
      const r = pairTransition(snapshot, e);
      if (r.refused) {
        refusals.push(r.refused);
        return false;
      }
      snapshot = r.snapshot;
      events.push(r.event);
      return true;
    };
    const curator = { role: 'curator' as const, id: school.curator.id };

    // Consents: the registry's (personal data) and the ones signed now.
    for (const p of [mentor, ...mentees]) {
      const role = p.id === mentor.id ? 'mentor' : 'mentee';
      const decision = mayProcess(p, school.consents, DATES.consents, 'personalData');
      if (decision.allowed)
        send({ type: 'consentRecorded', date: DATES.consents, by: curator, consent: decision.consent });
      const signed = formationConsents(p, role, school.consents, rng, () => ++consentSeq);
      allConsents.push(...signed);
      for (const c of signed)
        send({ type: 'consentRecorded', date: DATES.consents, by: curator, consent: c });
    }
    const o = ordersBySchool.get(school.organization.id) as { pairs: Order; plans: Order };
    // The rule in action: an order for a pair without every consent is refused.
    if (
      !send({
        type: 'orderIssued',
        date: DATES.order,
        by: { role: 'head', id: school.head.id },
        order: o.pairs,
      })
    ) {
      journeys.push({
        schoolId: school.organization.id,
        pair,
        method: proposal.method,
        requestIds,
        programme: null,
        snapshot,
        events,
        refusals,
        fate: 'consentsIncomplete',
      });
      continue;
    }
    const meeting = (
      kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final',
      date: IsoDate,
      n: number,
    ) =>
      send({
        type: 'meetingHeld',
        date,
        by: curator,
        meeting: {
          id: `${pairId}-m${n}`,
          pairId,
          kind,
          date,
          mode: pair.formats.includes('virtual') ? 'online' : 'inPerson',
        },
      });
    meeting('organizational', DATES.organizational, 1);
    // A meeting out of sequence is refused (004 §5): the demo tries once, on purpose.
    if (journeys.length === 0) meeting('final', DATES.trial, 99);
    meeting('trial', DATES.trial, 2);
    meeting('planning', DATES.planning, 3);
    const programme: PersonalProgramme = {
      id: `pp-${pairId}` as PersonalProgramme['id'],
      pairId: pair.id,
      start: DATES.programmeFrom,
      end: DATES.programmeTo,
      goals: [
        isLearner(mentees[0] as Person)
          ? 'Повышение образовательных результатов и вовлечённости наставляемого'
          : 'Преодоление профессиональных затруднений и адаптация молодого специалиста',
      ],
      directions: [],
      // The plan by form of mentoring: a pupil mentor gets a learner's plan, not the teachers'.
      plan: PLAN.map((it, k) => {
        const t = planTemplateFor(pair.form)?.[k];
        return {
          id: `${pairId}-i${k + 1}` as PersonalProgramme['plan'][number]['id'],
          title: t?.title ?? it.title,
          due: it.due,
          expectedResult: t?.expectedResult ?? it.result,
        };
      }),
      extensions: [],
    };
    send({ type: 'programmeApproved', date: DATES.plansOrder, by: curator, programme, order: o.plans });
    // Self-assessment on entry: modest, it is what the programme is for.
    for (const m of mentees)
      respond(q('selfAssessment'), m.id, 'mentee', DATES.plansOrder, { level: rng.int(3, 6) }, pairId);
    const terminate = rng.chance(0.1) ? rng.pick(REASONS) : null;
    const terminateOn = terminate ? shift('2023-12-04', rng.int(0, 110)) : null;
    const extend = !terminate && rng.chance(0.1);
    let n = 4;
    let fate = 'completed' as PairJourney['fate'];
    const months = [
      '2023-11-15',
      '2023-12-13',
      '2024-01-17',
      '2024-02-14',
      '2024-03-13',
      '2024-04-17',
      '2024-05-15',
    ];
    const itemDays = PLAN.map((it) => shift(it.due, -rng.int(0, 6)));
    const timeline: Array<{ date: IsoDate; act: () => void }> = [];
    for (const d of months) {
      const on = shift(d, rng.int(-3, 3));
      timeline.push({ date: on, act: () => meeting('regular', on, n++) });
    }
    itemDays.forEach((d, k) => {
      timeline.push({
        date: d,
        act: () => send({ type: 'planItemDone', date: d, by: curator, itemId: `${pairId}-i${k + 1}` }),
      });
    });
    for (const m of mentees)
      timeline.push({
        date: DATES.feedback,
        act: () => {
          const r = respond(q('interimFeedback'), m.id, 'mentee', DATES.feedback, {}, pairId);
          send({
            type: 'feedbackSubmitted',
            date: DATES.feedback,
            by: curator,
            respondentId: m.id,
            responseId: r.id,
          });
        },
      });
    if (extend)
      timeline.push({
        date: '2024-04-15',
        act: () => {
          if (
            send({
              type: 'extended',
              date: '2024-04-15',
              by: curator,
              extension: {
                newEnd: DATES.extendedTo,
                agreedAt: '2024-04-15',
                reason: 'Подготовка наставляемого к конкурсу профессионального мастерства',
              },
              agreedBy: [mentor.id, ...mentees.map((m) => m.id)],
            })
          )
            fate = 'extended';
        },
      });
    timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    // Keep events in date order: the machine refuses an event dated before the previous one.
    for (const t of timeline) {
      if (terminate && terminateOn && t.date >= terminateOn) break;
      t.act();
    }
    if (terminate && terminateOn) {
      const by =
        terminate.by === 'curator'
          ? curator
          : { role: terminate.by, id: terminate.by === 'mentor' ? mentor.id : (mentees[0] as Person).id };
      send({
        type: 'terminated',
        date: terminateOn,
        by,
        reason: terminate.reason,
        note: terminate.note,
        ...(terminate.reason === 'mutualDecision'
          ? { agreedBy: [mentor.id, ...mentees.map((m) => m.id)] }
          : {}),
      });
      fate = 'terminated';
    } else {
      const finalDate = fate === 'extended' ? DATES.extendedFinal : DATES.finalMeeting;
      meeting('final', finalDate, n++);
      const surveyDate = shift(finalDate, 2);
      for (const m of mentees)
        respond(q('selfAssessment'), m.id, 'mentee', surveyDate, { level: rng.int(5, 10) }, pairId);
      for (const p of [mentor, ...mentees]) {
        const role = p.id === mentor.id ? 'mentor' : 'mentee';
        const r = respond(q('finalSatisfaction'), p.id, role, surveyDate, {}, pairId);
        send({
          type: 'finalSurveySubmitted',
          date: surveyDate,
          by: curator,
          respondentId: p.id,
          responseId: r.id,
        });
      }
      send({ type: 'completed', date: shift(finalDate, 7), by: curator });
    }
    journeys.push({
      schoolId: school.organization.id,
      pair,
      method: proposal.method,
      requestIds,
      programme: {
        ...programme,
        extensions: snapshot.context.programme?.extensions.length
          ? [
              {
                newEnd: DATES.extendedTo,
                agreedAt: '2024-04-15',
                reason: 'Подготовка наставляемого к конкурсу профессионального мастерства',
              },
            ]
          : [],
      },
      snapshot,
      events,
      refusals,
      fate,
      ...(terminate && fate === 'terminated' ? { terminationReason: terminate.reason } : {}),
    });
  }

  // The municipal #Наставник+ competition (001 6.3, 6.4, 6.9).
  const finished = journeys.filter((j) => j.fate === 'completed' || j.fate === 'extended').slice(0, 8);
  // Rounds with dates, criteria and maxima; the jury's scores recorded one per pair per round.
  let competition: Competition = parse(CompetitionSchema, {
    id: 'nastavnik-plus-2023',
    organizationId: sample.authority.id,
    title: '#Наставник+',
    academicYear: DATES.academicYear,
    rounds: [
      {
        id: 'card',
        title: 'Визитка',
        date: '2023-10-26',
        criteria: [
          { id: 'experience', title: 'Представление опыта пары', maxScore: 10 },
          { id: 'creativity', title: 'Творческий подход', maxScore: 10 },
        ],
      },
      {
        id: 'fragment',
        title: 'Фрагмент',
        date: '2023-12-14',
        criteria: [
          { id: 'method', title: 'Методическая грамотность', maxScore: 15 },
          { id: 'result', title: 'Результативность', maxScore: 15 },
        ],
      },
      {
        id: 'battle',
        title: 'Педагогический батл',
        date: '2024-04-18',
        criteria: [
          { id: 'argument', title: 'Аргументация', maxScore: 15 },
          { id: 'dialogue', title: 'Культура диалога', maxScore: 15 },
        ],
      },
    ],
  });
  const maxima: Record<string, number> = { card: 20, fragment: 30, battle: 30 };
  for (const round of competition.rounds)
    for (const j of finished)
      competition = recordCompetitionScore(competition, {
        pairId: j.pair.id,
        roundId: round.id,
        score: rng.int(Math.round((maxima[round.id] ?? 0) * 0.5), maxima[round.id] ?? 0),
        recordedAt: round.date,
      });

  // 6. Indicators at the December and May checkpoints, school → municipality → region.
  step('indicators');
  const persons: PersonRecord[] = sample.persons.map((p) => ({
    id: p.id,
    organizationId: p.organizationId,
    category: p.category,
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p.experienceYears !== undefined ? { experienceYears: p.experienceYears } : {}),
  }));
  const scored = (
    r: Response,
    kind: 'satisfaction' | 'selfAssessmentEntry' | 'selfAssessmentFinal',
    key: string,
  ) => {
    const v = r.answers[key];
    const who = byId.get(r.respondentId);
    if (typeof v !== 'number' || !who || (r.role !== 'mentor' && r.role !== 'mentee')) return [];
    return [
      {
        respondentId: r.respondentId,
        organizationId: who.organizationId,
        role: r.role,
        kind,
        score: v,
        submittedAt: r.submittedAt,
      },
    ];
  };
  const satisfactionId = q('finalSatisfaction').id;
  const selfId = q('selfAssessment').id;
  const datasetAt = (asOf: IsoDate): IndicatorDatasetInput => ({
    organizations: [...sample.organizations],
    persons,
    mentors: sample.mentorProfiles.map((m) => ({
      personId: m.personId,
      organizationId: person(m.personId).organizationId,
      capacity: m.capacity,
      training: m.training.map((t) => ({ hours: t.hours, completedAt: t.completedAt })),
    })),
    requests: sample.requests.map((r) => ({
      id: r.id,
      menteeId: r.menteeId,
      organizationId: person(r.menteeId).organizationId,
      createdAt: r.createdAt,
    })),
    // Each pair as it stood on the day: replay its events up to that date.
    pairs: journeys.map((j) => {
      const initial = createPairSnapshot(j.pair, {
        date: DATES.match,
        participants: [j.snapshot.context.mentor, ...j.snapshot.context.mentees],
        policy: j.snapshot.context.policy,
      });
      const upTo = j.events.filter((e) => e.date <= asOf);
      return pairRecordFromSnapshot(replayPair(initial, upTo).snapshot, { requestIds: j.requestIds });
    }),
    responses: responses
      .filter((r) => r.submittedAt <= asOf)
      .flatMap((r) =>
        r.questionnaireId === satisfactionId
          ? scored(r, 'satisfaction', 'overall')
          : r.questionnaireId === selfId
            ? scored(
                r,
                r.submittedAt === DATES.plansOrder ? 'selfAssessmentEntry' : 'selfAssessmentFinal',
                'level',
              )
            : [],
      ),
    activities: programmes.flatMap((p) => activityRecordsFromProgramme(p.snapshot, p.organizationId)),
  });
  const decemberDataset = datasetAt(DATES.december);
  const december = computeIndicators(parseDataset(decemberDataset), {
    asOf: DATES.december,
    period: { kind: 'checkpoint', year: DATES.academicYear, checkpoint: 'december' },
  }).values;
  const mayDataset = datasetAt(DATES.may);
  const mayResults = computeIndicators(parseDataset(mayDataset), {
    asOf: DATES.may,
    period: { kind: 'checkpoint', year: DATES.academicYear, checkpoint: 'may' },
  });
  const may = mayResults.values;
  const publishedMay = suppress(mayResults, { threshold: 5 });

  return {
    options,
    sample,
    dates: DATES,
    consents: allConsents.slice(sample.consents.length),
    questionnaires,
    responses,
    programmes,
    matching,
    pairs: journeys,
    orders,
    competition,
    indicators: { december, may, publishedMay, datasets: { december: decemberDataset, may: mayDataset } },
    forms,
  };
}
