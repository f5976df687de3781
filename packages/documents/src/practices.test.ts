import {
  type ConsentPurpose,
  draftPracticeCase,
  type IncentiveSystemInput,
  isNastavnikError,
  type PersonInput,
  type PracticeCase,
  reviewPracticeCase,
} from '@nastavnik/core';
import {
  buildAwardOrder,
  buildIncentivesDecision,
  buildPracticeCase,
  buildPracticeCollection,
  type NastavnikDocument,
  practiceIndexHtml,
  renderHtml,
  renderMarkdown,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { lyceum7, lyceumConsents, lyceumPeople, tikhvinCommittee } from './__fixtures__/samples';

async function docxText(doc: NastavnikDocument): Promise<string> {
  const content = await readDocx(await renderDocx(doc));
  return content.body
    .map((b) => ('p' in b ? b.p : b.table.map((r) => r.join(' | ')).join('\n')))
    .join('\n')
    .replaceAll('\u00a0', ' ')
    .replaceAll('\u2011', '-');
}

const plain = (s: string) =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('\u00a0', ' ')
    .replaceAll('\u2011', '-')
    .replaceAll('\u00ad', '');

const order = {
  id: 'o-1',
  organizationId: 'tikhvin-committee',
  kind: 'approveIncentives' as const,
  number: '112',
  date: '2023-09-01',
  title: 'Об утверждении форм и условий поощрения наставников',
  signatory: {
    position: 'председатель комитета',
    name: { lastName: 'Смирнова', firstName: 'Ирина', middleName: 'Викторовна' },
  },
};

const system: IncentiveSystemInput = {
  id: 'tikhvin-2023',
  organizationId: 'tikhvin-committee',
  title: 'Система мотивации и стимулирования наставников и кураторов',
  forms: [
    { id: 'gramota', kind: 'certificate', title: 'Почётная грамота комитета по образованию' },
    { id: 'thanks', kind: 'letterOfThanks', title: 'Благодарственное письмо' },
    { id: 'points', kind: 'ratingPoints', title: 'Баллы в рейтинге наставников', points: 10 },
    { id: 'bonus', kind: 'bonus', title: 'Премия', amount: 5000 },
  ],
  rules: [
    {
      id: 'completed',
      title: 'за завершённую программу наставничества',
      formId: 'thanks',
      conditions: [{ kind: 'completedProgrammes', min: 1 }],
    },
    {
      id: 'effective',
      title: 'за результативное наставничество',
      formId: 'gramota',
      conditions: [
        { kind: 'completedProgrammes', min: 2 },
        { kind: 'satisfaction', minPercent: 80, minResponses: 3 },
      ],
    },
    {
      id: 'competition',
      title: 'за призовое место в конкурсе «#Наставник+»',
      formId: 'bonus',
      conditions: [{ kind: 'competitionPlace', maxPlace: 3 }],
      maxRecipients: 2,
      rankBy: 'competitionPlace',
    },
  ],
};

describe('buildIncentivesDecision', () => {
  it('lists forms with their sizes and conditions in words; names nobody', async () => {
    const doc = buildIncentivesDecision({ organization: tikhvinCommittee, order, system });
    const text = await docxText(doc);
    expect(text).toContain('Утвердить формы и условия поощрения наставников и кураторов');
    expect(text).toContain('Премия | премия | 5 000 руб.');
    expect(text).toContain('Баллы в рейтинге наставников | баллы в рейтинге наставников | 10 баллов');
    expect(text).toContain(
      'завершено не менее 2 персонализированных программ наставничества; удовлетворённость наставляемых не ниже 80 % (не менее 3 анкет)',
    );
    expect(text).toContain(
      'место с 1 по 3 в конкурсе профессионального мастерства; не более 2 наставников в год, при равенстве результатов поощряются все',
    );
    const html = renderHtml(doc);
    expect(plain(html)).toContain('Формы и условия поощрения наставников и кураторов');
  });
});

describe('buildAwardOrder', () => {
  const awardOrder = {
    ...order,
    id: 'o-2',
    kind: 'awardMentors' as const,
    number: '87',
    date: '2024-06-14',
    title: 'О поощрении наставников',
  };
  const consents = [
    ...lyceumConsents,
    {
      id: 'pd-k',
      personId: 'kuzmenko',
      purpose: 'personalData' as const,
      givenBy: 'self' as const,
      givenAt: '2023-09-01',
    },
  ];
  const results = [
    {
      mentorId: 'belov',
      completedProgrammes: 2,
      satisfaction: { percent: 90, responses: 4 },
      competitionPlaces: [{ competitionId: 'np', place: 1 }],
    },
    { mentorId: 'kuzmenko', completedProgrammes: 1, competitionPlaces: [{ competitionId: 'np', place: 2 }] },
    { mentorId: 'lebedeva', completedProgrammes: 0, competitionPlaces: [{ competitionId: 'np', place: 2 }] },
  ];

  it('one point per form, mentors declined, the rule that qualified them, ties at a limit kept', async () => {
    const doc = buildAwardOrder({
      organization: tikhvinCommittee,
      order: awardOrder,
      people: lyceumPeople,
      consents,
      system,
      results,
      period: { start: '2023-09-01', end: '2024-05-31' },
      decisionRef: 'приказом комитета от 01.09.2023 № 112',
    });
    const text = await docxText(doc);
    expect(text).toContain('Наградить почётной грамотой комитета по образованию следующих наставников:');
    expect(text).toContain('Белова И. П., учителя физики, — за результативное наставничество.');
    expect(text).toContain('Вручить благодарственное письмо следующим наставникам:');
    expect(text).toContain(
      'Кузьменко Н. О., учителю информатики, — за завершённую программу наставничества.',
    );
    // Two places of 2 share the limit's last place: both get the bonus with the winner.
    expect(text).toContain('Выплатить премию в размере 5 000 руб. следующим наставникам:');
    expect(text).toContain(
      'Лебедевой К. А., учителю английского языка, — за призовое место в конкурсе «#Наставник+»',
    );
    expect(text).toContain('утверждёнными приказом комитета от 01.09.2023 № 112');
    // With the schools given, an authority's order names each mentor's school; without a position, no stray comma.
    const withSchools = await docxText(
      buildAwardOrder({
        organization: tikhvinCommittee,
        order: awardOrder,
        people: lyceumPeople.map((p) => (p.id === 'kuzmenko' ? { ...p, position: undefined } : p)),
        consents,
        system,
        results,
        period: { start: '2023-09-01', end: '2024-05-31' },
        organizations: [lyceum7],
      }),
    );
    expect(withSchools).toContain(
      'Белова И. П., учителя физики МОУ «Лицей № 7», — за результативное наставничество.',
    );
    expect(withSchools).toContain(
      'Кузьменко Н. О., МОУ «Лицей № 7», — за завершённую программу наставничества.',
    );
  });

  it('checks every named mentor has the consents for documents first', () => {
    try {
      buildAwardOrder({
        organization: tikhvinCommittee,
        order: awardOrder,
        people: lyceumPeople,
        consents: consents.filter((c) => c.personId !== 'lebedeva'),
        system,
        results,
        period: { start: '2023-09-01', end: '2024-05-31' },
      });
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e) && e.code).toBe('consent_missing');
      expect(isNastavnikError(e) && JSON.stringify(e.path)).toContain('results');
    }
  });
});

// --- the bank of best practices ---

const programme = {
  organizationId: 'lyceum-7',
  form: 'teacherTeacher',
  start: '2023-09-01',
  end: '2024-05-31',
  mentorId: 'belov',
  menteeIds: ['lebedeva'],
  completed: true,
  indicators: [
    {
      indicatorId: 'satisfaction',
      title: 'Удовлетворённость наставляемого',
      before: 55,
      value: 90,
      target: 80,
      unit: '%',
    },
    { indicatorId: 'lessons', title: 'Открытые уроки наставляемого', before: 0, value: 3, unit: '' },
  ],
};

function reviewedCase(
  texts: Partial<Record<'title' | 'targetGroup' | 'problem' | 'results', string>> & {
    actions?: string[];
  } = {},
): PracticeCase {
  const d = draftPracticeCase(
    programme,
    {
      id: 'case-1',
      title: 'Первый год в профессии: поддержка молодого учителя английского языка',
      targetGroup: 'молодые педагоги со стажем до 3 лет',
      problem: 'Молодой учитель испытывал трудности с дисциплиной на уроках в 7–8 классах.',
      actions: ['Взаимные посещения уроков раз в две недели.', 'Совместная разработка технологических карт.'],
      results: 'Наставляемый провёл три открытых урока, удовлетворённость выросла до 90 %.',
      materials: [{ title: 'Технологическая карта урока', kind: 'methodical' }],
      ...texts,
    },
    { at: '2024-06-01', byPosition: 'куратор программы' },
  );
  return reviewPracticeCase(d, {
    status: 'reviewed',
    at: '2024-06-05',
    byPosition: 'методист ИМЦ',
    byId: 'rodionova',
  });
}

describe('buildPracticeCase and the collection', () => {
  it('prints the passport, the sections, indicators before and after, and who reviewed', async () => {
    const doc = buildPracticeCase({
      practice: reviewedCase(),
      people: lyceumPeople,
      consents: lyceumConsents,
      organization: lyceum7,
      date: '2024-06-10',
    });
    const text = await docxText(doc);
    expect(text).toContain('Форма наставничества | учитель — учитель');
    expect(text).toContain('Период реализации | с 01.09.2023 по 31.05.2024');
    // Belov consented to publication (c8 + pd-belov); Lebedeva did not.
    expect(text).toContain('Наставник — И. П. Белов (педагог, стаж 10–14 лет)');
    expect(text).toContain('Наставляемый (педагог, стаж 0–4 лет)');
    expect(text).toContain('Удовлетворённость наставляемого | 55 % | 90 % | 80 %');
    expect(text).toContain('Практика рассмотрена: методист ИМЦ, 05.06.2024.');
    expect(text).not.toContain('Лебедев');
  });

  it('a draft is never printed', () => {
    const d = draftPracticeCase(
      programme,
      { id: 'c', title: 'Т', targetGroup: 'г', problem: 'п', actions: ['а'], results: 'р' },
      { at: '2024-06-01', byPosition: 'к' },
    );
    try {
      buildPracticeCase({ practice: d, people: lyceumPeople, organization: lyceum7, date: '2024-06-10' });
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e) && e.code).toBe('practice_transition_invalid');
    }
  });

  it('the collection has a title page, contents and every case; the HTML index links each', async () => {
    const input = {
      organization: tikhvinCommittee,
      year: 2024,
      date: '2024-06-20',
      foreword: ['Сборник открывает муниципальный банк лучших практик.'],
      cases: [
        { practice: reviewedCase(), people: lyceumPeople, consents: lyceumConsents, organization: lyceum7 },
        {
          practice: reviewedCase({ title: 'Наставник-психолог для молодого педагога' }),
          people: lyceumPeople,
          consents: lyceumConsents,
          organization: lyceum7,
        },
      ],
    };
    const text = await docxText(buildPracticeCollection(input));
    expect(text).toContain('ЛУЧШИЕ ПРАКТИКИ НАСТАВНИЧЕСТВА');
    expect(text).toContain('электронный сборник');
    expect(text).toContain(
      '1 | Первый год в профессии: поддержка молодого учителя английского языка | МОУ «Лицей № 7»',
    );
    expect(text).toContain('2. Наставник-психолог для молодого педагога');
    const html = practiceIndexHtml(input, ['case-1.html', 'javascript:alert(1)']);
    expect(html).toContain('<a href="case-1.html">');
    expect(html).toContain('<a href="#">');
    expect(html).not.toContain('javascript');
  });
});

// --- property: no published case carries personal data of anyone who did not consent ---

const SYLLABLES = [
  'ба',
  'ве',
  'го',
  'ду',
  'жи',
  'зо',
  'ку',
  'ля',
  'ми',
  'ню',
  'по',
  'ру',
  'си',
  'ту',
  'фе',
  'хо',
  'це',
  'ша',
  'щу',
  'эль',
  'юр',
  'яс',
];
const nameArb = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 3, maxLength: 5 }).map((s) => {
  const w = s.join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
});
const dateArb = fc
  .record({
    y: fc.integer({ min: 1960, max: 2004 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const personArb = fc.record({
  lastName: nameArb,
  firstName: nameArb,
  middleName: nameArb,
  birthDate: dateArb,
  consents: fc.boolean(),
  role: fc.constantFrom('mentor', 'mentee', 'other'),
});

describe('property: a published case names only people who consented to dissemination', () => {
  it('HTML, DOCX and Markdown carry no name part, initials-with-surname or birth date of anyone without consent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(personArb, { minLength: 2, maxLength: 4, selector: (p) => p.lastName }),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        async (raw, picks) => {
          // A consenting person's printed name must not contain a refusing person's name part by chance.
          const parts = (r: (typeof raw)[number]) =>
            [r.lastName, r.firstName, r.middleName].map((x) => x.toLowerCase());
          const named = raw.filter((r) => r.consents).flatMap(parts);
          fc.pre(
            raw
              .filter((r) => !r.consents)
              .every((r) => parts(r).every((q) => named.every((n) => !n.includes(q)))),
          );
          const ids = raw.map((_, i) => `p-${i}`);
          const people: PersonInput[] = raw.map((r, i) => ({
            id: ids[i] as string,
            organizationId: 'lyceum-7',
            category: 'teacher',
            name: { lastName: r.lastName, firstName: r.firstName, middleName: r.middleName },
            birthDate: r.birthDate,
            experienceYears: 5,
          }));
          const consents = raw.flatMap((r, i) =>
            r.consents
              ? (['personalData', 'publication'] as ConsentPurpose[]).map((purpose) => ({
                  id: `c-${i}-${purpose}`,
                  personId: ids[i] as string,
                  purpose,
                  givenBy: 'self' as const,
                  givenAt: '2023-09-01',
                }))
              : [],
          );
          // Every free-text field mentions someone: full name, declined surname, initials, birth date.
          const mention = (k: number): string => {
            const r = raw[(picks[k] as number) % raw.length] as (typeof raw)[number];
            const [y, m, d] = r.birthDate.split('-');
            const forms = [
              `${r.lastName} ${r.firstName} ${r.middleName}`,
              `${r.lastName}ой`,
              `${r.firstName.charAt(0)}. ${r.middleName.charAt(0)}. ${r.lastName}`,
              `${r.firstName} (род. ${d}.${m}.${y})`,
              `${r.lastName} ${r.firstName.charAt(0)}.${r.middleName.charAt(0)}.`,
            ];
            return forms[k % forms.length] as string;
          };
          const mentor = raw.findIndex((r) => r.role === 'mentor');
          const mentorIdx = Math.max(mentor, 0);
          const d = draftPracticeCase(
            {
              ...programme,
              mentorId: ids[mentorIdx] as string,
              menteeIds: ids.filter((_, i) => i !== mentorIdx),
              indicators: programme.indicators.map((ind, k) => ({
                ...ind,
                title: `${ind.title}: ${mention(k + 1)}`,
              })),
            },
            {
              id: 'case-p',
              title: `Опыт пары: ${mention(0)}`,
              targetGroup: `молодые педагоги, как ${mention(1)}`,
              problem: `Проблема, которую описала ${mention(2)}.`,
              actions: [`Встречи с ${mention(3)} еженедельно.`, `Уроки ${mention(4)}.`],
              results: `Итог: ${mention(5)} и ${mention(6)} довольны.`,
              materials: [{ title: `Конспект ${mention(7)}` }],
            },
            { at: '2024-06-01', byPosition: 'куратор' },
          );
          const practice = reviewPracticeCase(d, {
            status: 'reviewed',
            at: '2024-06-02',
            byPosition: 'методист',
          });
          const doc = buildPracticeCase({
            practice,
            people,
            consents,
            organization: lyceum7,
            date: '2024-06-10',
          });
          const outputs = [
            plain(renderHtml(doc, { fullPage: true })),
            await docxText(doc),
            plain(renderMarkdown(doc)),
          ];
          for (const [i, r] of raw.entries()) {
            if (r.consents) continue;
            const [y, m, dd] = r.birthDate.split('-');
            const banned = [r.lastName, r.firstName, r.middleName, r.birthDate, `${dd}.${m}.${y}`];
            for (const text of outputs) {
              const lower = text.toLowerCase();
              for (const b of banned) expect(lower, `person ${i}`).not.toContain(b.toLowerCase());
            }
          }
          // People who consented are named in the participants' list.
          for (const r of raw) {
            if (!r.consents) continue;
            expect(outputs[1]).toContain(r.lastName);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
