import type {
  ActivityRecord,
  CounterRecord,
  IndicatorDatasetInput,
  MentorRecord,
  PairRecord,
  PersonRecord,
  RequestRecord,
  ResponseRecord,
} from '@nastavnik/indicators';

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const forms = ['studentStudent', 'educatorEducator', 'employerStudent'];
const formats = ['traditional', 'group', 'virtual', 'shortTerm'];
const reasons = ['mentorInitiative', 'menteeInitiative', 'mutualDecision', 'curatorInitiative'] as const;

function day(r: () => number, from: string, spanDays: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.floor(r() * spanDays));
  return d.toISOString().slice(0, 10);
}

/**
 * A random region: `municipalities` authorities with 1–`maxSchools` schools
 * each, and records only in schools. Dates span 2022-09 … 2024-08.
 */
export function randomRegion(
  seed: number,
  municipalities: number,
  maxSchools: number,
  size: number,
): IndicatorDatasetInput {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const organizations: NonNullable<IndicatorDatasetInput['organizations']>[number][] = [
    { id: 'reg', kind: 'region', name: 'Область' },
  ];
  const schools: string[] = [];
  for (let m = 0; m < municipalities; m++) {
    organizations.push({ id: `m${m}`, kind: 'authority', name: `УО ${m}`, parentId: 'reg' });
    const n = 1 + int(maxSchools);
    for (let s = 0; s < n; s++) {
      const id = `m${m}s${s}`;
      schools.push(id);
      organizations.push({ id, kind: 'school', name: `Школа ${id}`, parentId: `m${m}` });
    }
  }
  const ds = {
    organizations,
    persons: [] as PersonRecord[],
    mentors: [] as MentorRecord[],
    requests: [] as RequestRecord[],
    pairs: [] as PairRecord[],
    responses: [] as ResponseRecord[],
    activities: [] as ActivityRecord[],
    counters: [] as CounterRecord[],
  };
  for (const org of schools) {
    const people: string[] = [];
    const nP = int(size);
    for (let i = 0; i < nP; i++) {
      const id = `${org}-p${i}`;
      people.push(id);
      const teacher = r() < 0.3;
      ds.persons.push({
        id,
        organizationId: org,
        category: teacher ? (r() < 0.1 ? 'head' : 'teacher') : 'pupil',
        ...(teacher
          ? { experienceYears: int(8) }
          : r() < 0.8
            ? { birthDate: day(r, '2004-01-01', 5000) }
            : { age: 8 + int(12) }),
        ...(r() < 0.1 ? { leftAt: day(r, '2023-01-01', 600) } : {}),
      });
    }
    if (people.length < 2) continue;
    const pick = () => people[int(people.length)]!;
    for (let i = 0; i < int(size); i++) {
      ds.requests.push({
        id: `${org}-r${i}`,
        menteeId: pick(),
        organizationId: org,
        createdAt: day(r, '2023-06-01', 400),
      });
    }
    const nReq = ds.requests.filter((q) => q.organizationId === org).length;
    for (let i = 0; i < int(size / 2); i++) {
      const mentor = pick();
      const mentees = [...new Set([pick(), ...(r() < 0.2 ? [pick()] : [])])].filter((m) => m !== mentor);
      if (mentees.length === 0) continue;
      const statusRoll = r();
      const status =
        statusRoll < 0.1
          ? 'proposed'
          : statusRoll < 0.5
            ? 'active'
            : statusRoll < 0.8
              ? 'completed'
              : 'terminated';
      const approvedAt = day(r, '2022-09-01', 650);
      const closed = day(r, approvedAt, 300);
      ds.pairs.push({
        id: `${org}-pair${i}`,
        organizationId: org,
        mentorId: mentor,
        menteeIds: mentees,
        form: forms[int(forms.length)]!,
        formats: [
          ...new Set([formats[int(formats.length)]!, ...(r() < 0.3 ? [formats[int(formats.length)]!] : [])]),
        ],
        status,
        ...(status === 'proposed' ? {} : { approvedAt }),
        ...(status === 'completed' ? { completedAt: closed } : {}),
        ...(status === 'terminated' ? { terminatedAt: closed, terminationReason: reasons[int(4)]! } : {}),
        extended: r() < 0.2,
        meetingsHeld: int(10),
        meetingsPlanned: int(12),
        requestIds: nReq > 0 && r() < 0.7 ? [`${org}-r${int(nReq)}`] : [],
      });
    }
    for (const p of people) {
      if (r() < 0.3) {
        ds.mentors.push({
          personId: p,
          organizationId: org,
          capacity: int(4),
          training:
            r() < 0.5 ? [{ hours: [16, 36, 72][int(3)]!, completedAt: day(r, '2023-01-01', 600) }] : [],
        });
      }
      for (const kind of ['satisfaction', 'selfAssessmentEntry', 'selfAssessmentFinal'] as const) {
        if (r() < 0.4) {
          ds.responses.push({
            respondentId: p,
            organizationId: org,
            role: r() < 0.5 ? 'mentor' : 'mentee',
            kind,
            score: 1 + int(10),
            submittedAt: day(r, kind === 'selfAssessmentEntry' ? '2023-08-01' : '2023-12-01', 250),
          });
        }
      }
    }
    for (let i = 0; i < int(6); i++) {
      const due = day(r, '2023-09-01', 365);
      ds.activities.push({
        organizationId: org,
        activityId: `${i}`,
        due,
        ...(r() < 0.7 ? { doneAt: day(r, due, 60) } : {}),
      });
    }
    ds.counters.push({ organizationId: org, key: 'yts.sessions', value: int(10) });
  }
  return ds;
}

/** The same records, all moved into one organization `u`. */
export function unionOfLeaves(ds: IndicatorDatasetInput): IndicatorDatasetInput {
  const move = <T extends { organizationId: string }>(list: readonly T[] | undefined): T[] =>
    (list ?? []).map((x) => ({ ...x, organizationId: 'u' }));
  return {
    organizations: [{ id: 'u', kind: 'region', name: 'Объединение' }],
    persons: move(ds.persons),
    mentors: move(ds.mentors),
    requests: move(ds.requests),
    pairs: move(ds.pairs),
    responses: move(ds.responses),
    activities: move(ds.activities),
    counters: move(ds.counters),
  };
}
