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
import { prng } from './random';

const forms = ['studentStudent', 'educatorEducator', 'employerStudent'];
const formats = ['traditional', 'group', 'virtual'];
const reasons = ['mentorInitiative', 'menteeInitiative', 'mutualDecision', 'curatorInitiative'] as const;
// Few distinct days, around the period's edges and a 29 February, so ties and boundaries happen.
const days = [
  '2022-08-31',
  '2022-09-01',
  '2023-02-28',
  '2023-05-31',
  '2023-08-31',
  '2023-09-01',
  '2023-12-31',
  '2024-01-31',
  '2024-02-29',
  '2024-03-01',
  '2024-05-30',
  '2024-05-31',
  '2024-06-01',
  '2024-08-31',
  '2024-09-01',
  '2025-02-28',
];

/**
 * A small random region where the engines' corner cases meet: people in
 * pairs of other schools, several mentor records of one person, several
 * answers of one respondent on one day, requests of one mentee in several
 * schools, records of authorities and the region themselves, dates on the
 * period's edges and 29 February. Pair ids are unique; hours and counters
 * are integers (sums of fractions depend on the order of addition).
 */
export function trickyRegion(seed: number, size: number): IndicatorDatasetInput {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pickOf = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const day = () => pickOf(days);
  const organizations: NonNullable<IndicatorDatasetInput['organizations']>[number][] = [
    { id: 'reg', kind: 'region', name: 'Область' },
    { id: 'm0', kind: 'authority', name: 'УО 0', parentId: 'reg' },
    { id: 'm1', kind: 'authority', name: 'УО 1', parentId: 'reg' },
  ];
  const schools = ['m0s0', 'm0s1', 'm1s0', 'm1s1', 'm1s2'].slice(0, 2 + int(4));
  for (const s of schools) organizations.push({ id: s, kind: 'school', name: s, parentId: s.slice(0, 2) });
  const orgs = [...schools, ...schools, 'm0', 'reg'];
  const people = Array.from({ length: 3 + int(size) }, (_, i) => `p${i}`);
  const persons: PersonRecord[] = people.map((id) => {
    const teacher = r() < 0.4;
    return {
      id,
      organizationId: pickOf(orgs),
      category: teacher ? (r() < 0.2 ? 'head' : 'teacher') : r() < 0.9 ? 'pupil' : 'parent',
      ...(teacher
        ? r() < 0.8
          ? { experienceYears: int(6) }
          : {}
        : r() < 0.7
          ? {
              birthDate: pickOf([
                '2006-02-28',
                '2006-03-01',
                '2008-02-29',
                '2013-05-31',
                '2014-06-01',
                '2016-01-01',
              ]),
            }
          : r() < 0.8
            ? { age: 8 + int(12) }
            : {}),
      ...(r() < 0.2 ? { leftAt: day() } : {}),
    } as PersonRecord;
  });
  const requests: RequestRecord[] = Array.from({ length: int(size) }, (_, i) => ({
    id: `r${i}`,
    menteeId: pickOf(people),
    organizationId: pickOf(orgs),
    createdAt: day(),
  }));
  const pairs: PairRecord[] = [];
  for (let i = 0; i < int(size); i++) {
    const mentor = pickOf(people);
    const mentees = [...new Set([pickOf(people), ...(r() < 0.3 ? [pickOf(people), pickOf(people)] : [])])];
    const status = pickOf(['proposed', 'approved', 'active', 'completed', 'terminated'] as const);
    const [approvedAt, closed] = [day(), day()].sort() as [string, string];
    pairs.push({
      id: `pair${i}`,
      organizationId: pickOf(orgs),
      mentorId: mentor,
      menteeIds: mentees,
      form: pickOf(forms),
      formats: [pickOf(formats), ...(r() < 0.3 ? [pickOf(formats)] : [])],
      status,
      ...(status === 'proposed' && r() < 0.5 ? {} : { approvedAt }),
      ...(status === 'completed' ? { completedAt: closed } : {}),
      ...(status === 'terminated' ? { terminatedAt: closed, terminationReason: pickOf(reasons) } : {}),
      extended: r() < 0.3,
      meetingsHeld: int(8),
      meetingsPlanned: int(10),
      requestIds: requests.length > 0 && r() < 0.7 ? [pickOf(requests).id, `r${int(size * 2)}`] : [],
    } as PairRecord);
  }
  const mentors: MentorRecord[] = Array.from({ length: int(size) }, () => ({
    personId: pickOf(people),
    organizationId: pickOf(orgs),
    capacity: int(4),
    training: Array.from({ length: int(3) }, () => ({ hours: pickOf([8, 16, 36]), completedAt: day() })),
  }));
  const responses: ResponseRecord[] = Array.from({ length: int(size * 2) }, () => ({
    respondentId: pickOf(people.slice(0, 6)),
    organizationId: pickOf(orgs),
    role: r() < 0.5 ? 'mentor' : 'mentee',
    kind: pickOf(['satisfaction', 'selfAssessmentEntry', 'selfAssessmentFinal'] as const),
    score: 1 + int(10),
    submittedAt: pickOf(days.slice(5, 12)),
  }));
  const activities: ActivityRecord[] = Array.from({ length: int(size) }, (_, i) => ({
    organizationId: pickOf(orgs),
    activityId: `${i}`,
    due: day(),
    ...(r() < 0.6 ? { doneAt: day() } : {}),
  }));
  const counters: CounterRecord[] = Array.from({ length: int(4) }, () => ({
    organizationId: pickOf(orgs),
    key: pickOf(['yts.sessions', 'competition.entries']),
    value: int(20),
  }));
  return { organizations, persons, mentors, requests, pairs, responses, activities, counters };
}
