/**
 * Deterministic generator of a region for the benchmark: 1,000
 * organizations (1 region, 19 authorities, 980 schools), pupils, teachers,
 * pairs, requests, a mentor registry, scored answers and roadmap
 * activities, scaled by `scale` (1 → 1,000,000 pupils, 70,000 teachers,
 * 300,000 pairs, 2,000,000 answers).
 */
import type {
  ActivityRecord,
  IndicatorDataset,
  MentorRecord,
  PairRecord,
  PersonRecord,
  RequestRecord,
  ResponseRecord,
} from '../src/index';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EPOCH = Date.UTC(2022, 8, 1); // 2022-09-01
const isoCache = new Map<number, string>();
/** ISO date `offset` days after 2022-09-01 (cached: few distinct days). */
function iso(offset: number): string {
  let s = isoCache.get(offset);
  if (s === undefined) {
    s = new Date(EPOCH + offset * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(offset, s);
  }
  return s;
}
const birthCache = new Map<number, string>();
function birth(offset: number): string {
  let s = birthCache.get(offset);
  if (s === undefined) {
    s = new Date(Date.UTC(2004, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    birthCache.set(offset, s);
  }
  return s;
}

const forms = [
  'studentStudent',
  'educatorEducator',
  'employerStudent',
  'studentPupil',
  'headEducator',
] as const;
const formats = ['traditional', 'group', 'virtual', 'shortTerm', 'reverse', 'situational', 'speed'] as const;
const reasons = ['mentorInitiative', 'menteeInitiative', 'mutualDecision', 'curatorInitiative'] as const;

export interface GeneratedRegion {
  readonly dataset: IndicatorDataset;
  /** First pupil / teacher index of each school (for the SQL loader). */
  readonly counts: Record<string, number>;
}

export function generateRegion(scale: number, seed = 20240531): GeneratedRegion {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const organizations: IndicatorDataset['organizations'] = [
    { id: 'region' as never, kind: 'region', name: 'Область' },
  ];
  const schools: string[] = [];
  for (let m = 0; m < 19; m++) {
    organizations.push({
      id: `uo-${m}` as never,
      kind: 'authority',
      name: `Управление образования ${m}`,
      parentId: 'region' as never,
    });
  }
  for (let s = 0; s < 980; s++) {
    const id = `sch-${s}`;
    schools.push(id);
    organizations.push({
      id: id as never,
      kind: 'school',
      name: `Школа ${s}`,
      parentId: `uo-${s % 19}` as never,
    });
  }
  const nPupils = Math.round(1_000_000 * scale);
  const nTeachers = Math.round(70_000 * scale);
  const nPairs = Math.round(300_000 * scale);
  const nResponses = Math.round(2_000_000 * scale);

  // School sizes: random weights, persons contiguous per school.
  const weights = schools.map(() => 0.3 + r() * 1.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const pupilStart: number[] = [];
  const teacherStart: number[] = [];
  let pAcc = 0;
  let tAcc = 0;
  for (let s = 0; s < schools.length; s++) {
    pupilStart.push(pAcc);
    teacherStart.push(tAcc);
    pAcc += s === schools.length - 1 ? nPupils - pAcc : Math.round((nPupils * weights[s]!) / total);
    tAcc += s === schools.length - 1 ? nTeachers - tAcc : Math.round((nTeachers * weights[s]!) / total);
  }
  pupilStart.push(nPupils);
  teacherStart.push(nTeachers);

  const persons: PersonRecord[] = new Array(nPupils + nTeachers);
  let k = 0;
  for (let s = 0; s < schools.length; s++) {
    const org = schools[s]!;
    for (let i = pupilStart[s]!; i < pupilStart[s + 1]!; i++) {
      const p: PersonRecord = {
        id: `p${i}`,
        organizationId: org,
        category: 'pupil',
        birthDate: birth(int(13 * 365)),
      };
      if (r() < 0.03) p.leftAt = iso(int(640));
      persons[k++] = p;
    }
    for (let i = teacherStart[s]!; i < teacherStart[s + 1]!; i++) {
      const exp = r() < 0.15 ? int(4) : 4 + int(36);
      const p: PersonRecord = {
        id: `t${i}`,
        organizationId: org,
        category: r() < 0.03 ? 'head' : 'teacher',
        experienceYears: exp,
      };
      if (r() < 0.05) p.leftAt = iso(int(700));
      persons[k++] = p;
    }
  }

  // Mentor registry: every teacher, and one pupil in ten (older pupils as mentors).
  const mentors: MentorRecord[] = [];
  for (let s = 0; s < schools.length; s++) {
    const org = schools[s]!;
    for (let i = teacherStart[s]!; i < teacherStart[s + 1]!; i++) {
      mentors.push({
        personId: `t${i}`,
        organizationId: org,
        capacity: 1 + int(4),
        training: r() < 0.6 ? [{ hours: r() < 0.7 ? 36 : 16, completedAt: iso(int(640)) }] : [],
      });
    }
    for (let i = pupilStart[s]!; i < pupilStart[s + 1]!; i += 10) {
      mentors.push({ personId: `p${i}`, organizationId: org, capacity: 1 + int(2), training: [] });
    }
  }

  const requests: RequestRecord[] = [];
  const pairs: PairRecord[] = new Array(nPairs);
  for (let j = 0; j < nPairs; j++) {
    const s = int(schools.length);
    const org = schools[s]!;
    const np = pupilStart[s + 1]! - pupilStart[s]!;
    const nt = teacherStart[s + 1]! - teacherStart[s]!;
    const form = forms[r() < 0.55 ? 0 : r() < 0.5 ? 1 : 2 + int(3)]!;
    const teacherPair = form === 'educatorEducator' || form === 'headEducator';
    const mentorId = teacherPair
      ? `t${teacherStart[s]! + int(nt)}`
      : form === 'employerStudent'
        ? `e${int(5000)}`
        : `p${pupilStart[s]! + 10 * int(Math.max(1, Math.floor(np / 10)))}`;
    const nMentees = r() < 0.1 ? 2 + int(3) : 1;
    const menteeIds: string[] = [];
    for (let m = 0; m < nMentees; m++) {
      const id = teacherPair ? `t${teacherStart[s]! + int(nt)}` : `p${pupilStart[s]! + int(np)}`;
      if (id !== mentorId && !menteeIds.includes(id)) menteeIds.push(id);
    }
    if (menteeIds.length === 0)
      menteeIds.push(teacherPair ? `x${j}` : `p${pupilStart[s]! + ((int(np) + 1) % np)}x`);
    const created = int(600);
    const roll = r();
    const status =
      roll < 0.08
        ? 'proposed'
        : roll < 0.13
          ? 'approved'
          : roll < 0.53
            ? 'active'
            : roll < 0.88
              ? 'completed'
              : 'terminated';
    const approved = created + int(60);
    const closed = approved + 30 + int(300);
    const fmt = [formats[int(formats.length)]!];
    if (r() < 0.25) {
      const extra = formats[int(formats.length)]!;
      if (extra !== fmt[0]) fmt.push(extra);
    }
    const reqId = `req${requests.length}`;
    requests.push({ id: reqId, menteeId: menteeIds[0]!, organizationId: org, createdAt: iso(created) });
    const p: PairRecord = {
      id: `pair${j}`,
      organizationId: org,
      mentorId,
      menteeIds,
      form,
      formats: fmt,
      status,
      extended: r() < 0.07,
      meetingsHeld: int(12),
      meetingsPlanned: 6 + int(7),
      requestIds: [reqId],
    };
    if (status !== 'proposed') p.approvedAt = iso(approved);
    if (status === 'completed') p.completedAt = iso(closed);
    if (status === 'terminated') {
      p.terminatedAt = iso(closed);
      p.terminationReason = reasons[int(4)]!;
    }
    pairs[j] = p;
  }
  // Requests still waiting (no pair yet).
  const extraRequests = Math.round(nPairs * 0.1);
  for (let j = 0; j < extraRequests; j++) {
    const s = int(schools.length);
    const np = pupilStart[s + 1]! - pupilStart[s]!;
    requests.push({
      id: `req${requests.length}`,
      menteeId: `p${pupilStart[s]! + int(np)}`,
      organizationId: schools[s]!,
      createdAt: iso(int(640)),
    });
  }

  const responses: ResponseRecord[] = new Array(nResponses);
  for (let j = 0; j < nResponses; j++) {
    const s = int(schools.length);
    const roll = r();
    const kind = roll < 0.4 ? 'satisfaction' : roll < 0.7 ? 'selfAssessmentEntry' : 'selfAssessmentFinal';
    const teacher = r() < 0.3;
    const respondentId = teacher
      ? `t${teacherStart[s]! + int(teacherStart[s + 1]! - teacherStart[s]!)}`
      : `p${pupilStart[s]! + int(pupilStart[s + 1]! - pupilStart[s]!)}`;
    const base = kind === 'selfAssessmentEntry' ? 0 : 150;
    responses[j] = {
      respondentId,
      organizationId: schools[s]!,
      role: r() < 0.4 ? 'mentor' : 'mentee',
      kind,
      score: 1 + Math.min(9, Math.floor(r() * 6 + r() * 5)),
      submittedAt: iso(base + int(560)),
    };
  }

  const activities: ActivityRecord[] = [];
  for (const o of organizations) {
    for (let a = 0; a < 40; a++) {
      const due = int(700);
      const act: ActivityRecord = { organizationId: o.id, activityId: `${a}`, due: iso(due) };
      if (r() < 0.8) act.doneAt = iso(due - 20 + int(50));
      activities.push(act);
    }
  }

  const dataset = {
    organizations,
    persons,
    mentors,
    requests,
    pairs,
    responses,
    activities,
    counters: [],
  } as unknown as IndicatorDataset;
  return {
    dataset,
    counts: {
      organizations: organizations.length,
      pupils: nPupils,
      teachers: nTeachers,
      pairs: nPairs,
      requests: requests.length,
      mentors: mentors.length,
      responses: nResponses,
      activities: activities.length,
    },
  };
}
