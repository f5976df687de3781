import {
  type CompletedProgrammeSummary,
  draftPracticeCase,
  isNastavnikError,
  type PersonInput,
  type PracticeCase,
  practiceStatus,
  preparePracticeForPublication,
  reviewPracticeCase,
} from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

const programme: CompletedProgrammeSummary = {
  organizationId: 'school-1',
  form: 'teacherTeacher',
  start: '2023-09-01',
  end: '2024-05-31',
  mentorId: 't-1',
  menteeIds: ['t-9', 't-8'],
  completed: true,
  indicators: [{ indicatorId: 'satisfaction', title: 'Удовлетворённость', before: 60, value: 92, unit: '%' }],
};

const content = {
  id: 'case-1',
  title: 'Первый год в профессии: опыт Ивановой Анны Петровны',
  targetGroup: 'молодые учителя математики',
  problem: 'Молодой учитель Петров Олег (род. 12.03.1999) испытывал трудности с дисциплиной.',
  actions: ['Иванова А. П. провела 12 встреч с Петровым и Сидоровой.', 'Анна Петровна посещала уроки Олега.'],
  results: 'Петров О. и Сидорова Мария Ильинична провели открытые уроки; Иванова рада результату.',
};

const people: PersonInput[] = [
  {
    id: 't-1',
    organizationId: 'school-1',
    category: 'teacher',
    name: { lastName: 'Иванова', firstName: 'Анна', middleName: 'Петровна' },
    experienceYears: 22,
  },
  {
    id: 't-9',
    organizationId: 'school-1',
    category: 'teacher',
    name: { lastName: 'Петров', firstName: 'Олег' },
    birthDate: '1999-03-12',
    experienceYears: 1,
  },
  {
    id: 't-8',
    organizationId: 'school-1',
    category: 'teacher',
    name: { lastName: 'Сидорова', firstName: 'Мария', middleName: 'Ильинична' },
    experienceYears: 2,
  },
];

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isNastavnikError(e) ? e.code : 'raw';
  }
  return undefined;
}

function reviewed(): PracticeCase {
  const draft = draftPracticeCase(programme, content, { at: '2024-06-01', byPosition: 'куратор программы' });
  return reviewPracticeCase(draft, {
    status: 'reviewed',
    at: '2024-06-05',
    byPosition: 'методист ИМЦ',
    byId: 'm-1',
  });
}

function allText(c: PracticeCase): string {
  return [
    c.title,
    c.targetGroup,
    c.problem,
    ...c.actions,
    c.results,
    ...c.indicators.map((i) => i.title),
  ].join('\n');
}

describe('draftPracticeCase', () => {
  it('takes the form, period, participants and indicators from the programme', () => {
    const d = draftPracticeCase(programme, content, { at: '2024-06-01', byPosition: 'куратор программы' });
    expect(practiceStatus(d)).toBe('draft');
    expect(d.participants.map((p) => `${p.role}:${p.personId}`)).toEqual([
      'mentor:t-1',
      'mentee:t-9',
      'mentee:t-8',
    ]);
    expect(d.period).toEqual({ start: '2023-09-01', end: '2024-05-31' });
    expect(d.indicators[0]?.value).toBe(92);
  });

  it('refuses a programme terminated early and a draft before the programme ended', () => {
    expect(
      codeOf(() =>
        draftPracticeCase({ ...programme, completed: false }, content, { at: '2024-06-01', byPosition: 'к' }),
      ),
    ).toBe('invalid_value');
    expect(codeOf(() => draftPracticeCase(programme, content, { at: '2024-05-01', byPosition: 'к' }))).toBe(
      'invalid_date_range',
    );
  });
});

describe('the review workflow', () => {
  const draft = draftPracticeCase(programme, content, { at: '2024-06-01', byPosition: 'куратор программы' });

  it('draft → reviewed → published, each step with who and when', () => {
    const r = reviewPracticeCase(draft, {
      status: 'reviewed',
      at: '2024-06-05',
      byPosition: 'методист ИМЦ',
      byId: 'm-1',
    });
    const p = reviewPracticeCase(r, { status: 'published', at: '2024-06-10', byPosition: 'специалист УО' });
    expect(p.history.map((h) => `${h.status}@${h.at}`)).toEqual([
      'draft@2024-06-01',
      'reviewed@2024-06-05',
      'published@2024-06-10',
    ]);
    expect(p.history[1]?.byId).toBe('m-1');
  });

  it('a draft is not published without review; a published case is final', () => {
    expect(
      codeOf(() => reviewPracticeCase(draft, { status: 'published', at: '2024-06-10', byPosition: 'x' })),
    ).toBe('practice_transition_invalid');
    const r = reviewPracticeCase(draft, { status: 'reviewed', at: '2024-06-05', byPosition: 'методист' });
    const p = reviewPracticeCase(r, { status: 'published', at: '2024-06-10', byPosition: 'x' });
    for (const status of ['draft', 'reviewed', 'returned', 'published'] as const) {
      expect(
        codeOf(() => reviewPracticeCase(p, { status, at: '2024-06-11', byPosition: 'x', comment: 'c' })),
      ).toBe('practice_transition_invalid');
    }
  });

  it('a return needs a comment; the rework replaces texts and goes back to review', () => {
    expect(
      codeOf(() => reviewPracticeCase(draft, { status: 'returned', at: '2024-06-05', byPosition: 'м' })),
    ).toBe('required');
    const back = reviewPracticeCase(draft, {
      status: 'returned',
      at: '2024-06-05',
      byPosition: 'методист',
      comment: 'Добавьте показатели',
    });
    const again = reviewPracticeCase(
      back,
      { status: 'draft', at: '2024-06-07', byPosition: 'куратор' },
      { results: 'Новые результаты' },
    );
    expect(again.results).toBe('Новые результаты');
    expect(practiceStatus(again)).toBe('draft');
    expect(
      codeOf(() => reviewPracticeCase(again, { status: 'reviewed', at: '2024-06-06', byPosition: 'м' })),
    ).toBe('invalid_date_range');
    expect(
      codeOf(() =>
        reviewPracticeCase(
          again,
          { status: 'reviewed', at: '2024-06-08', byPosition: 'м' },
          { results: 'тихая правка' },
        ),
      ),
    ).toBe('practice_transition_invalid');
  });
});

describe('preparePracticeForPublication', () => {
  it('a draft cannot be prepared', () => {
    const d = draftPracticeCase(programme, content, { at: '2024-06-01', byPosition: 'к' });
    expect(codeOf(() => preparePracticeForPublication(d, { people, date: '2024-06-10' }))).toBe(
      'practice_transition_invalid',
    );
  });

  it('without consents nobody is named: declined names, initials and birth dates become roles', () => {
    const out = preparePracticeForPublication(reviewed(), { people, date: '2024-06-10' });
    const text = allText(out.practice);
    for (const word of [
      'Иванов',
      'Анн',
      'Петров',
      'Олег',
      'Сидоров',
      'Мари',
      'Ильинич',
      '12.03.1999',
      'А. П.',
    ]) {
      expect(text).not.toContain(word);
    }
    expect(out.practice.title).toBe('Первый год в профессии: опыт наставник');
    expect(out.practice.actions[0]).toBe('Наставник провела 12 встреч с наставляемый 1 и наставляемый 2.');
    expect(out.practice.problem).toBe(
      'Молодой учитель наставляемый 1 (род. сведения скрыты) испытывал трудности с дисциплиной.',
    );
    expect(out.redactions).toBeGreaterThan(10);
    expect(out.participants.map((p) => p.label)).toEqual(['наставник', 'наставляемый 1', 'наставляемый 2']);
    expect(out.participants.every((p) => p.name === undefined)).toBe(true);
    expect(out.participants[0]?.profile).toBe('педагог, стаж 20–24 лет');
  });

  it('a person who consented to dissemination is named; the others are not', () => {
    const consents = [
      { id: 'c1', personId: 't-1', purpose: 'personalData', givenBy: 'self', givenAt: '2023-09-01' },
      { id: 'c2', personId: 't-1', purpose: 'publication', givenBy: 'self', givenAt: '2024-06-01' },
    ] as const;
    const out = preparePracticeForPublication(reviewed(), {
      people,
      consents: [...consents],
      date: '2024-06-10',
    });
    expect(out.practice.title).toContain('Ивановой Анны Петровны');
    expect(allText(out.practice)).not.toContain('Петров ');
    expect(out.participants[0]?.name).toBe('А.\u00a0П.\u00a0Иванова');
    // A consent withdrawn before the date names nobody.
    const withdrawn = [
      consents[0],
      { ...consents[1], withdrawnAt: '2024-06-05', withdrawnBy: 'self' as const },
    ];
    const out2 = preparePracticeForPublication(reviewed(), {
      people,
      consents: withdrawn,
      date: '2024-06-10',
    });
    expect(allText(out2.practice)).not.toContain('Иванов');
  });

  it("a consenting person's name and patronymic survive a non-consenting namesake's first name and patronymic", () => {
    const c = reviewed();
    const text = {
      ...c,
      results: 'Анна Петровна провела урок; Петров Олег и Мария Петровна Сидорова помогали.',
    };
    const consents = [
      { id: 'c1', personId: 't-1', purpose: 'personalData', givenBy: 'self', givenAt: '2023-09-01' },
      { id: 'c2', personId: 't-1', purpose: 'publication', givenBy: 'self', givenAt: '2024-06-01' },
    ] as const;
    const others: PersonInput[] = [
      ...people.slice(0, 2),
      {
        ...(people[2] as PersonInput),
        name: { lastName: 'Сидорова', firstName: 'Мария', middleName: 'Петровна' },
      },
    ];
    const out = preparePracticeForPublication(text, {
      people: others,
      consents: [...consents],
      date: '2024-06-10',
    });
    // «Анна Петровна» is the consenting mentor's; Мария Петровна Сидорова shares the patronymic and is scrubbed whole.
    expect(out.practice.results).toBe(
      'Анна Петровна провела урок; наставляемый 1 и наставляемый 2 помогали.',
    );
  });

  it('refuses a participant who is not among the people', () => {
    expect(
      codeOf(() =>
        preparePracticeForPublication(reviewed(), { people: people.slice(0, 2), date: '2024-06-10' }),
      ),
    ).toBe('unknown_reference');
  });
});
