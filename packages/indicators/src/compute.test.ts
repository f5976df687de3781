import { isNastavnikError } from '@nastavnik/core';
import {
  computeIndicators,
  defaultIndicators,
  defineIndicator,
  type IndicatorDatasetInput,
  type IndicatorValue,
  resolvePeriod,
} from '@nastavnik/indicators';
import { describe, expect, it } from 'vitest';
import { pitfall } from './__fixtures__/small';

const year = { kind: 'academicYear', year: '2023-2024' } as const;
const asOf = '2024-05-31';

function pick(values: readonly IndicatorValue[], id: string, org: string, key?: string): IndicatorValue {
  const v = values.find(
    (x) =>
      x.indicatorId === id && x.organizationId === org && (key === undefined || x.breakdown?.key === key),
  );
  if (!v) throw new Error(`no ${id} for ${org}`);
  return v;
}

describe('rollup', () => {
  it('sums numerators and denominators: 1/2 and 99/100 give 100/102, not 74.5 %', () => {
    const { values } = computeIndicators(pitfall, { asOf, period: year });
    const a = pick(values, 'coverage.pupilMentees', 'a');
    const b = pick(values, 'coverage.pupilMentees', 'b');
    const mun = pick(values, 'coverage.pupilMentees', 'mun');
    expect([a.numerator, a.denominator, a.value]).toEqual([1, 2, 50]);
    expect([b.numerator, b.denominator, b.value]).toEqual([99, 100, 99]);
    expect([mun.numerator, mun.denominator]).toEqual([100, 102]);
    expect(mun.value).toBeCloseTo((100 / 102) * 100, 12);
    expect(mun.value).not.toBeCloseTo(74.5, 1);
    expect(mun.target).toBe(70);
    expect(mun.meetsTarget).toBe(true);
    expect(a.meetsTarget).toBe(false);
    expect(mun.asOf).toBe(asOf);
    expect(mun.period).toEqual({
      kind: 'academicYear',
      label: '2023-2024',
      start: '2023-09-01',
      end: '2024-08-31',
    });
    expect(a.parentId).toBe('mun');
  });

  it('rolls a median up from the underlying values, not as a median of medians', () => {
    // School a: days 1, 2, 3 (median 2); school b: days 10, 20 (median 15).
    // Median of medians would be 8.5; the union 1,2,3,10,20 has median 3.
    const req = (org: string, id: string, createdAt: string) => ({
      id,
      menteeId: `${id}-m`,
      organizationId: org,
      createdAt,
    });
    const pair = (org: string, id: string, approvedAt: string) => ({
      id: `p-${id}`,
      organizationId: org,
      mentorId: `${id}-t`,
      menteeIds: [`${id}-m`],
      form: 'educatorEducator',
      formats: ['traditional'],
      status: 'active' as const,
      approvedAt,
      requestIds: [id],
    });
    const ds: IndicatorDatasetInput = {
      organizations: pitfall.organizations,
      requests: [
        req('a', 'r1', '2023-10-01'),
        req('a', 'r2', '2023-10-01'),
        req('a', 'r3', '2023-10-01'),
        req('b', 'r4', '2023-10-01'),
        req('b', 'r5', '2023-10-01'),
        req('b', 'r6', '2023-10-01'),
      ],
      pairs: [
        pair('a', 'r1', '2023-10-02'),
        pair('a', 'r2', '2023-10-03'),
        pair('a', 'r3', '2023-10-04'),
        pair('b', 'r4', '2023-10-11'),
        pair('b', 'r5', '2023-10-21'),
      ],
    };
    const { values } = computeIndicators(ds, { asOf, period: year });
    expect(pick(values, 'process.daysToPair', 'a').value).toBe(2);
    expect(pick(values, 'process.daysToPair', 'b').value).toBe(15);
    const mun = pick(values, 'process.daysToPair', 'mun');
    expect(mun.value).toBe(3);
    expect(mun.denominator).toBe(5);
    const matched = pick(values, 'process.requestsMatched', 'mun');
    expect([matched.numerator, matched.denominator]).toEqual([5, 6]);
    expect(pick(values, 'process.menteesWaiting', 'b').numerator).toBe(1);
  });
});

describe('hand-computed school', () => {
  const ds: IndicatorDatasetInput = {
    organizations: [{ id: 's', kind: 'school', name: 'МОУ «Лицей № 7»' }],
    persons: [
      // Pupils on 2024-05-31: ages 9 (out of band), 10, 15, 18, 19 (out); one left.
      { id: 'p9', organizationId: 's', category: 'pupil', birthDate: '2014-06-01' },
      { id: 'p10', organizationId: 's', category: 'pupil', birthDate: '2014-05-31' },
      { id: 'p15', organizationId: 's', category: 'pupil', birthDate: '2009-01-01' },
      { id: 'p18', organizationId: 's', category: 'pupil', age: 18 },
      { id: 'p19', organizationId: 's', category: 'pupil', age: 19 },
      { id: 'pLeft', organizationId: 's', category: 'pupil', age: 12, leftAt: '2024-03-01' },
      { id: 't1', organizationId: 's', category: 'teacher', experienceYears: 1 },
      { id: 't2', organizationId: 's', category: 'teacher', experienceYears: 3 },
      { id: 't3', organizationId: 's', category: 'teacher', experienceYears: 20 },
      { id: 'h', organizationId: 's', category: 'head', experienceYears: 25 },
      // A young specialist mentored since 2022 who left in 2023-12 (a year after approval: retained).
      { id: 't4', organizationId: 's', category: 'teacher', experienceYears: 2, leftAt: '2023-12-01' },
    ],
    mentors: [
      {
        personId: 't3',
        organizationId: 's',
        capacity: 1,
        training: [{ hours: 36, completedAt: '2023-11-30' }],
      },
      {
        personId: 'h',
        organizationId: 's',
        capacity: 3,
        training: [{ hours: 16, completedAt: '2023-11-30' }],
      },
      { personId: 'p18', organizationId: 's', capacity: 2 },
    ],
    requests: [
      { id: 'r1', menteeId: 't1', organizationId: 's', createdAt: '2023-09-05' },
      { id: 'r2', menteeId: 'p10', organizationId: 's', createdAt: '2023-09-20' },
      { id: 'r3', menteeId: 'p9', organizationId: 's', createdAt: '2024-02-01' },
      { id: 'rOld', menteeId: 'p9', organizationId: 's', createdAt: '2023-05-01' },
    ],
    pairs: [
      {
        id: 'A',
        organizationId: 's',
        mentorId: 't3',
        menteeIds: ['t1', 't2'],
        form: 'educatorEducator',
        formats: ['traditional', 'group'],
        status: 'active',
        approvedAt: '2023-09-15',
        requestIds: ['r1'],
        meetingsHeld: 8,
        meetingsPlanned: 10,
        extended: true,
      },
      {
        id: 'B',
        organizationId: 's',
        mentorId: 'p18',
        menteeIds: ['p10'],
        form: 'studentStudent',
        formats: ['traditional'],
        status: 'completed',
        approvedAt: '2023-10-10',
        completedAt: '2024-04-30',
        requestIds: ['r2'],
        meetingsHeld: 6,
        meetingsPlanned: 6,
      },
      {
        id: 'C',
        organizationId: 's',
        mentorId: 'h',
        menteeIds: ['p15'],
        form: 'employerStudent',
        formats: ['virtual'],
        status: 'terminated',
        approvedAt: '2023-10-01',
        terminatedAt: '2024-01-15',
        terminationReason: 'menteeInitiative',
        meetingsHeld: 2,
        meetingsPlanned: 8,
      },
      {
        id: 'D',
        organizationId: 's',
        mentorId: 'h',
        menteeIds: ['t4'],
        form: 'educatorEducator',
        formats: ['traditional'],
        status: 'completed',
        approvedAt: '2022-10-01',
        completedAt: '2023-06-30',
      },
      {
        id: 'E',
        organizationId: 's',
        mentorId: 't3',
        menteeIds: ['p19'],
        form: 'x',
        formats: ['y'],
        status: 'proposed',
      },
    ],
    responses: [
      {
        respondentId: 't1',
        organizationId: 's',
        role: 'mentee',
        kind: 'satisfaction',
        score: 9,
        submittedAt: '2024-05-20',
      },
      {
        respondentId: 'p10',
        organizationId: 's',
        role: 'mentee',
        kind: 'satisfaction',
        score: 6,
        submittedAt: '2024-05-20',
      },
      {
        respondentId: 't2',
        organizationId: 's',
        role: 'mentee',
        kind: 'satisfaction',
        score: 10,
        submittedAt: '2024-05-20',
      },
      {
        respondentId: 't3',
        organizationId: 's',
        role: 'mentor',
        kind: 'satisfaction',
        score: 7,
        submittedAt: '2024-05-21',
      },
      {
        respondentId: 't3',
        organizationId: 's',
        role: 'mentor',
        kind: 'satisfaction',
        score: 8,
        submittedAt: '2023-05-21',
      },
      {
        respondentId: 't1',
        organizationId: 's',
        role: 'mentee',
        kind: 'selfAssessmentEntry',
        score: 4,
        submittedAt: '2023-09-20',
      },
      {
        respondentId: 't1',
        organizationId: 's',
        role: 'mentee',
        kind: 'selfAssessmentFinal',
        score: 7,
        submittedAt: '2024-05-20',
      },
      {
        respondentId: 'p10',
        organizationId: 's',
        role: 'mentee',
        kind: 'selfAssessmentEntry',
        score: 6,
        submittedAt: '2023-10-20',
      },
      {
        respondentId: 'p10',
        organizationId: 's',
        role: 'mentee',
        kind: 'selfAssessmentFinal',
        score: 5,
        submittedAt: '2024-04-20',
      },
      {
        respondentId: 't2',
        organizationId: 's',
        role: 'mentee',
        kind: 'selfAssessmentEntry',
        score: 5,
        submittedAt: '2023-09-20',
      },
    ],
    activities: [
      { organizationId: 's', activityId: '1.1', due: '2023-09-30', doneAt: '2023-09-25' },
      { organizationId: 's', activityId: '2.6', due: '2024-01-31', doneAt: '2024-02-10' },
      { organizationId: 's', activityId: '6.6', due: '2024-05-31' },
      { organizationId: 's', activityId: '7.2', due: '2024-06-30' },
    ],
    counters: [{ organizationId: 's', key: 'yts.sessions', value: 8 }],
  };
  const { values } = computeIndicators(ds, { asOf, period: year });
  const nd = (id: string, key?: string) => {
    const v = pick(values, id, 's', key);
    return [v.numerator, v.denominator, v.value];
  };

  it('coverage', () => {
    // In band: p10, p15, p18 (p9 is 9, p19 is 19, pLeft left). Mentees: p10, p15; mentor: p18.
    expect(nd('coverage.pupilMentees')).toEqual([2, 3, 200 / 3]);
    expect(nd('coverage.pupilMentors')).toEqual([1, 3, 100 / 3]);
    expect(nd('coverage.pupilsInvolved')).toEqual([3, 3, 100]);
    // Young (≤ 3 years) on roll: t1, t2; both mentees. Teachers: t1, t2, t3, h (t4 left); mentors t3, h.
    expect(nd('coverage.youngTeacherMentees')).toEqual([2, 2, 100]);
    expect(nd('coverage.teacherMentors')).toEqual([2, 4, 50]);
  });

  it('process', () => {
    // Pairs of the period: A, B, C (D closed before, E proposed). One group (A).
    expect(nd('process.pairs')).toEqual([3, null, 3]);
    expect(nd('process.groups')).toEqual([1, 3, 100 / 3]);
    expect(nd('process.pairsByForm', 'educatorEducator')).toEqual([1, 3, 100 / 3]);
    expect(nd('process.pairsByFormat', 'traditional')).toEqual([2, 3, 200 / 3]);
    // Requests of the period: r1, r2, r3 (rOld before). r1: 10 days, r2: 20 days; r3 waits.
    expect(nd('process.requestsMatched')).toEqual([2, 3, 200 / 3]);
    expect(nd('process.daysToPair')).toEqual([null, 2, 15]);
    // p9 waits: no working pair.
    expect(nd('process.menteesWaiting')).toEqual([1, null, 1]);
    // Ended in the period: B (completed), C (terminated, mentee's initiative).
    expect(nd('process.programmesCompleted')).toEqual([1, 2, 50]);
    expect(nd('process.programmesTerminatedByReason', 'menteeInitiative')).toEqual([1, 1, 100]);
    expect(nd('process.programmesTerminatedByReason', 'curatorInitiative')).toEqual([0, 1, 0]);
    expect(nd('process.programmesExtended')).toEqual([1, 3, 100 / 3]);
    expect(nd('process.meetingsHeld')).toEqual([16, 24, 200 / 3]);
    // Due by the as-of date in the period: 1.1 on time, 2.6 late, 6.6 overdue; 7.2 not yet due.
    expect(nd('process.activitiesOnTime')).toEqual([1, 3, 100 / 3]);
    expect(nd('process.activitiesLate')).toEqual([1, 3, 100 / 3]);
    expect(nd('process.activitiesOverdue')).toEqual([1, 3, 100 / 3]);
  });

  it('mentors', () => {
    // Open on 2024-05-31: A only (t3 with 2 mentees, capacity 1). Capacity 1 + 3 + 2.
    expect(nd('mentors.menteesPerMentor')).toEqual([2, 1, 2]);
    expect(nd('mentors.capacityUsed')).toEqual([2, 6, 100 / 3]);
    expect(nd('mentors.overCapacity')).toEqual([1, 3, 100 / 3]);
    expect(nd('mentors.trained')).toEqual([1, 3, 100 / 3]);
  });

  it('impact and satisfaction', () => {
    expect(nd('satisfaction.menteeMean')).toEqual([25, 3, 25 / 3]);
    expect(nd('satisfaction.menteeMedian')).toEqual([null, 3, 9]);
    expect(nd('satisfaction.menteeDistribution', '10')).toEqual([1, 3, 100 / 3]);
    // Last year's answer of t3 is outside the period.
    expect(nd('satisfaction.mentorMean')).toEqual([7, 1, 7]);
    // t1: +3, p10: −1; t2 has no final.
    expect(nd('impact.selfAssessmentChangeMentee')).toEqual([2, 2, 1]);
    expect(nd('impact.selfAssessmentImprovedMentee')).toEqual([1, 2, 50]);
    // t1, t2 first approved 2023-09-15: less than a year. t4 approved 2022-10-01, left 2023-12-01: retained.
    expect(nd('impact.youngSpecialistsRetained')).toEqual([1, 1, 100]);
  });

  it('parameters change the age band and the young-specialist limit', () => {
    const { values: v } = computeIndicators(ds, {
      asOf,
      period: year,
      params: { pupilAgeBand: { min: 11, max: 18 }, youngSpecialistMaxYears: 1 },
    });
    const a = pick(v, 'coverage.pupilMentees', 's');
    expect([a.numerator, a.denominator]).toEqual([1, 2]);
    const y = pick(v, 'coverage.youngTeacherMentees', 's');
    expect([y.numerator, y.denominator]).toEqual([1, 1]);
  });

  it('a checkpoint only counts what happened by its end', () => {
    const { values: jan } = computeIndicators(ds, {
      asOf: '2024-01-31',
      period: { kind: 'checkpoint', year: '2023-2024', checkpoint: 'january' },
    });
    const v = pick(jan, 'process.programmesTerminated', 's');
    expect([v.numerator, v.denominator]).toEqual([1, 1]);
    expect(v.period.label).toBe('2023-2024/january');
    expect(resolvePeriod({ kind: 'checkpoint', year: '2023-2024', checkpoint: 'december' }).end).toBe(
      '2023-12-31',
    );
  });

  it('a regional indicator defined as data', () => {
    const yts = defineIndicator({
      id: 'regional.ytsSessions',
      block: 'regional',
      unit: 'count',
      direction: 'higherIsBetter',
      target: 9,
      name: { ru: 'Занятия Школы молодого учителя', en: 'Young Teacher School sessions' },
      description: { ru: 'Проведено занятий ШМУ (001 6.5)', en: 'Sessions held (001 6.5)' },
      numerator: { ru: 'Занятия', en: 'Sessions' },
      denominator: { ru: '—', en: '—' },
      compute: (acc) => ({ numerator: acc.counters.get('yts.sessions') ?? 0, denominator: null }),
    });
    const { values: v } = computeIndicators(ds, {
      asOf,
      period: year,
      indicators: [...defaultIndicators, yts],
    });
    const row = pick(v, 'regional.ytsSessions', 's');
    expect([row.value, row.meetsTarget]).toEqual([8, false]);
  });
});

describe('validation', () => {
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (isNastavnikError(e))
        return [e.code, e.path.join('.'), e.message.length > 0, e.messageEn.length > 0];
      return ['not a NastavnikError'];
    }
    return ['no error'];
  };

  it('rejects bad records with a code, a path and bilingual messages', () => {
    expect(
      codeOf(() =>
        computeIndicators(
          {
            ...pitfall,
            persons: [{ id: 'x', organizationId: 'a', category: 'pupil', birthDate: '2012-13-01' }],
          },
          { asOf, period: year },
        ),
      ),
    ).toEqual(['invalid_format', 'persons.0.birthDate', true, true]);
    expect(
      codeOf(() =>
        computeIndicators(
          {
            ...pitfall,
            pairs: [
              {
                id: 'p',
                organizationId: 'a',
                mentorId: 'm',
                menteeIds: ['x'],
                form: 'f',
                formats: ['g'],
                status: 'active',
              },
            ],
          },
          { asOf, period: year },
        ),
      ),
    ).toEqual(['required', 'pairs.0.approvedAt', true, true]);
    expect(
      codeOf(() =>
        computeIndicators(
          { ...pitfall, persons: [{ id: 'x', organizationId: 'nowhere', category: 'pupil' }] },
          { asOf, period: year },
        ),
      ),
    ).toEqual(['unknown_reference', 'persons.0.organizationId', true, true]);
    const req = (id: string, createdAt: string, organizationId = 'a') => ({
      id,
      menteeId: 'x',
      organizationId,
      createdAt,
    });
    expect(
      codeOf(() =>
        computeIndicators(
          { ...pitfall, requests: [req('r', '2023-10-01'), req('r', '2024-01-10')] },
          { asOf, period: year },
        ),
      ),
    ).toEqual(['duplicate_id', 'requests.1.id', true, true]);
    expect(
      codeOf(() =>
        computeIndicators(
          { ...pitfall, requests: [req('r', '2023-10-01'), req('r', '2022-10-01')] },
          { asOf, period: year },
        ),
      ),
    ).toEqual(['duplicate_id', 'requests.1.id', true, true]);
    expect(
      codeOf(() =>
        computeIndicators(
          { ...pitfall, requests: [req('r', '2022-10-01', 'nowhere')] },
          { asOf, period: year },
        ),
      ),
    ).toEqual(['unknown_reference', 'requests.0.organizationId', true, true]);
    expect(codeOf(() => computeIndicators(pitfall, { asOf: '31.05.2024', period: year }))).toEqual([
      'invalid_format',
      'asOf',
      true,
      true,
    ]);
    expect(
      codeOf(() => computeIndicators(pitfall, { asOf, period: { kind: 'academicYear', year: '2023-2025' } })),
    ).toEqual(['invalid_academic_year', 'period.year', true, true]);
    expect(codeOf(() => defineIndicator({ ...defaultIndicators[0]!, id: '1bad' }))).toEqual([
      'invalid_format',
      'definition.id',
      true,
      true,
    ]);
  });
});
