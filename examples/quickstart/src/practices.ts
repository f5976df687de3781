// The mentor's side of the year (001 1.4, 7.4, 7.5, 7.8): the authority's decision on the forms
// and conditions of incentives, the order awarding the mentors who qualified, and the bank of
// best practices — cases drafted from completed programmes, reviewed by the municipal curator,
// published (named only with a consent to dissemination) and gathered into the electronic
// collection «Лучшие практики наставничества» with an HTML index.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Consent,
  competitionStandings,
  draftPracticeCase,
  evaluateIncentives,
  type IncentiveSystemInput,
  type MentorResultInput,
  type Order,
  type PracticeCase,
  type PracticeIndicator,
  reviewPracticeCase,
} from '@nastavnik/core';
import {
  buildAwardOrder,
  buildIncentivesDecision,
  buildPracticeCase,
  buildPracticeCollection,
  type NastavnikDocument,
  type PracticeCollectionInput,
  practiceIndexHtml,
  renderHtml,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import type { IndicatorValue } from '@nastavnik/indicators';
import type { PairJourney, YearResult } from './year';

/** The authority's system of incentives (001 1.4), as data. */
export const demoIncentives = (authorityId: string): IncentiveSystemInput => ({
  id: 'uo-incentives',
  organizationId: authorityId,
  title: 'Система мотивации и стимулирования наставников и кураторов',
  forms: [
    { id: 'gramota', kind: 'certificate', title: 'Почётная грамота комитета по образованию' },
    { id: 'thanks', kind: 'letterOfThanks', title: 'Благодарственное письмо комитета по образованию' },
    { id: 'points', kind: 'ratingPoints', title: 'Баллы в муниципальном рейтинге наставников', points: 10 },
    { id: 'bonus', kind: 'bonus', title: 'Премия из стимулирующей части фонда оплаты труда', amount: 5000 },
  ],
  rules: [
    {
      id: 'completed',
      title: 'за успешное завершение персонализированной программы наставничества',
      formId: 'thanks',
      conditions: [{ kind: 'completedProgrammes', min: 1 }],
    },
    {
      id: 'effective',
      title: 'за результативное наставничество',
      formId: 'gramota',
      conditions: [
        { kind: 'completedProgrammes', min: 1 },
        { kind: 'satisfaction', minPercent: 90, minResponses: 1 },
      ],
    },
    {
      id: 'competition',
      title: 'за призовое место в муниципальном конкурсе «#Наставник+»',
      formId: 'points',
      conditions: [{ kind: 'competitionPlace', maxPlace: 3 }],
    },
    {
      id: 'best',
      title: 'за высокую удовлетворённость наставляемых (лучшие результаты года)',
      formId: 'bonus',
      conditions: [
        { kind: 'completedProgrammes', min: 1 },
        { kind: 'satisfaction', minPercent: 80, minResponses: 1 },
      ],
      maxRecipients: 3,
      rankBy: 'satisfaction',
    },
  ],
});

/** Each mentor's results for the year, as plain numbers: completed programmes, places, satisfaction. */
function mentorResults(year: YearResult): MentorResultInput[] {
  const { dates } = year;
  const completed = (j: PairJourney) =>
    j.snapshot.context.completedAt !== null && j.snapshot.context.completedAt <= dates.extendedTo;
  const standings = competitionStandings(year.competition, { asOf: dates.may });
  const satisfactionQ = year.questionnaires.find((q) => q.kind === 'finalSatisfaction');
  const mentorOfMentee = new Map<string, string>();
  for (const j of year.pairs) for (const m of j.pair.menteeIds) mentorOfMentee.set(m, j.pair.mentorId);
  const scores = new Map<string, number[]>();
  for (const r of year.responses) {
    if (r.questionnaireId !== satisfactionQ?.id || r.role !== 'mentee') continue;
    const v = r.answers.overall;
    const mentor = mentorOfMentee.get(r.respondentId);
    if (typeof v !== 'number' || mentor === undefined) continue;
    scores.set(mentor, [...(scores.get(mentor) ?? []), v]);
  }
  const mentors = [
    ...new Set(year.pairs.filter((j) => j.snapshot.context.order).map((j) => j.pair.mentorId)),
  ];
  return mentors.map((mentorId) => {
    const mine = year.pairs.filter((j) => j.pair.mentorId === mentorId);
    const s = scores.get(mentorId) ?? [];
    const places = standings.rows
      .filter((row) => mine.some((j) => j.pair.id === row.pairId))
      .map((row) => ({ competitionId: year.competition.id, place: row.place }));
    return {
      mentorId,
      completedProgrammes: mine.filter(completed).length,
      competitionPlaces: places,
      // The final questionnaire rates 1–10: the mean as a percentage of the top of the scale.
      ...(s.length > 0
        ? {
            satisfaction: {
              percent: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 10),
              responses: s.length,
            },
          }
        : {}),
    };
  });
}

function indicatorsFor(year: YearResult, orgId: string): PracticeIndicator[] {
  const at = (values: readonly IndicatorValue[], id: string) =>
    values.find((x) => x.indicatorId === id && x.organizationId === orgId && x.breakdown === undefined)
      ?.value ?? null;
  const rows: { id: string; title: string; unit: string; scale?: number }[] = [
    { id: 'satisfaction.menteeMean', title: 'Удовлетворённость наставляемых (средний балл из 10)', unit: '' },
    { id: 'satisfaction.mentorMean', title: 'Удовлетворённость наставников (средний балл из 10)', unit: '' },
  ];
  return rows.flatMap((r) => {
    const value = at(year.indicators.may, r.id);
    if (value === null) return [];
    const before = at(year.indicators.december, r.id);
    return [{ indicatorId: r.id, title: r.title, before, value, unit: r.unit }];
  });
}

/**
 * Write the incentives decision, the award order, the published cases, the collection and its
 * index into `<outDir>/practices`. Returns the relative paths written.
 */
export async function writePractices(year: YearResult, outDir: string): Promise<string[]> {
  const { sample, dates } = year;
  const dir = join(outDir, 'practices');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const both = async (name: string, doc: NastavnikDocument) => {
    await writeFile(join(dir, `${name}.docx`), await renderDocx(doc));
    await writeFile(join(dir, `${name}.html`), renderHtml(doc, { fullPage: true }));
    written.push(`practices/${name}.docx`, `practices/${name}.html`);
  };
  const authority = sample.authority;
  const authorityOrder = sample.orders.find((o) => o.organizationId === authority.id);
  const signatory = authorityOrder?.signatory ?? {
    position: 'председатель комитета',
    name: sample.municipalCurator.name,
  };
  const people = [...sample.persons];
  const curator = sample.municipalCurator;

  // 1. The decision on the forms and conditions of incentives, at the start of the year (001 1.4).
  const system = demoIncentives(authority.id);
  const order = (id: string, kind: Order['kind'], number: string, date: string, title: string): Order => ({
    id: id as Order['id'],
    organizationId: authority.id,
    act: 'order',
    kind,
    number,
    date,
    title,
    signatory,
  });
  await both(
    'incentives-decision',
    buildIncentivesDecision({
      organization: authority,
      order: order(
        'ord-uo-incentives',
        'approveIncentives',
        '58',
        '2023-08-25',
        'Об утверждении форм и условий поощрения наставников и кураторов',
      ),
      system,
    }),
  );

  // 2. The order awarding the mentors who qualified, after the year.
  const results = mentorResults(year);
  const consents: Consent[] = [...sample.consents, ...year.consents];
  const { awards } = evaluateIncentives(system, results);
  if (awards.length > 0) {
    await both(
      'award-order',
      buildAwardOrder({
        organization: authority,
        order: order(
          'ord-uo-awards',
          'awardMentors',
          '104',
          '2024-06-14',
          'О поощрении наставников по итогам 2023–2024 учебного года',
        ),
        people,
        consents,
        system,
        results,
        period: { start: dates.programmeStart, end: dates.programmeTo },
        decisionRef: 'приказом комитета по образованию от 25.08.2023 № 58',
        organizations: [...sample.organizations],
      }),
    );
  }

  // 3. The bank of best practices: up to three completed programmes of different schools.
  const completed = year.pairs.filter((j) => j.fate === 'completed' && j.programme !== null);
  const picked: PairJourney[] = [];
  for (const j of completed) {
    if (picked.length >= 3) break;
    if (!picked.some((p) => p.schoolId === j.schoolId) || completed.length < 3) picked.push(j);
  }
  const personById = new Map(people.map((p) => [p.id as string, p]));
  // The first case's mentor agreed to be named (a consent to dissemination, 152-ФЗ ст. 10.1).
  const firstMentor = picked[0]?.pair.mentorId;
  const published: PracticeCase[] = picked.map((j, k) => {
    const mentor = personById.get(j.pair.mentorId);
    const mentee = personById.get(j.pair.menteeIds[0] as string);
    const pupils = mentee?.category === 'pupil';
    // The school writes as schools do: with names. Publication scrubs those who did not consent.
    const menteeName = mentee ? `${mentee.name.lastName} ${mentee.name.firstName}` : 'наставляемый';
    const mentorName = mentor
      ? `${mentor.name.firstName} ${mentor.name.middleName ?? ''}`.trim()
      : 'наставник';
    const draft = draftPracticeCase(
      {
        organizationId: j.schoolId,
        form: j.pair.form,
        start: j.programme?.start ?? dates.programmeFrom,
        end: j.snapshot.context.completedAt ?? dates.programmeTo,
        mentorId: j.pair.mentorId,
        menteeIds: j.pair.menteeIds,
        completed: true,
        indicators: indicatorsFor(year, j.schoolId),
      },
      {
        id: `case-${k + 1}`,
        title: pupils
          ? 'Наставничество «учитель – ученик»: от затруднений в учёбе к проектной работе'
          : ([
              'Первый год в профессии: адаптация молодого педагога через совместное проектирование уроков',
              'Взаимопосещение уроков как инструмент профессионального роста молодого учителя',
              'Наставничество «педагог – педагог»: от затруднений в дисциплине к открытому уроку',
            ][k] as string),
        targetGroup: pupils
          ? 'обучающиеся, испытывающие затруднения в освоении предметов'
          : 'молодые педагоги со стажем работы до трёх лет',
        problem: pupils
          ? `${menteeName} в начале года не успевал по двум предметам и не участвовал в жизни класса; запрос — индивидуальная поддержка и интерес к предмету.`
          : `${menteeName}, молодой специалист, испытывал затруднения в планировании уроков и работе с дисциплиной; в анкете запроса указал потребность в методической поддержке.`,
        actions: [
          'Диагностика затруднений и постановка целей на входной встрече, индивидуальный план на учебный год.',
          `Совместная разработка и проведение занятий: ${mentorName} и ${menteeName} готовили технологические карты и анализировали уроки.`,
          'Взаимные посещения занятий раз в две недели с обратной связью по единой схеме.',
          'Итоговая встреча: самоанализ, анкета удовлетворённости, представление опыта на методическом объединении.',
        ],
        results: pupils
          ? 'Наставляемый ликвидировал академическую задолженность, подготовил проект и представил его на школьной конференции; пара приняла участие в конкурсе «#Наставник+».'
          : 'Наставляемый самостоятельно провёл открытый урок, план программы выполнен; педагог продолжает работу в школе, пара приняла участие в конкурсе «#Наставник+».',
        materials: [
          { title: 'Индивидуальный план развития под руководством наставника', kind: 'plan' },
          { title: 'Технологическая карта открытого урока', kind: 'methodical' },
        ],
      },
      { at: dates.extendedTo, byPosition: 'куратор программы наставничества образовательной организации' },
    );
    const reviewed = reviewPracticeCase(draft, {
      status: 'reviewed',
      at: '2024-07-01',
      byPosition: 'муниципальный куратор целевой модели наставничества',
      byId: curator.id,
    });
    return reviewPracticeCase(reviewed, {
      status: 'published',
      at: '2024-07-05',
      byPosition: 'специалист комитета по образованию',
    });
  });
  const extraConsents: Consent[] =
    firstMentor === undefined
      ? []
      : [
          {
            id: 'demo-dissemination-1' as Consent['id'],
            personId: firstMentor as Consent['personId'],
            purpose: 'publication',
            givenBy: 'self',
            givenAt: '2024-06-24',
          },
        ];
  const allConsents = [...consents, ...extraConsents];
  const orgOf = (id: string) => sample.organizations.find((o) => o.id === id) ?? authority;
  for (const [k, practice] of published.entries()) {
    await both(
      `case-${k + 1}`,
      buildPracticeCase({
        practice,
        people,
        consents: allConsents,
        organization: orgOf(practice.organizationId),
        date: '2024-07-05',
        forms: year.forms,
      }),
    );
  }
  if (published.length > 0) {
    const collection: PracticeCollectionInput = {
      organization: authority,
      year: 2024,
      date: '2024-07-05',
      foreword: [
        'Сборник представляет практики наставничества, реализованные в образовательных организациях муниципалитета в 2023–2024 учебном году. Практики прошли рецензирование муниципальным куратором целевой модели наставничества.',
        'Персональные данные участников приводятся только с их согласия на распространение (ст. 10.1 Федерального закона № 152-ФЗ); остальные участники названы по роли в программе.',
      ],
      cases: published.map((practice) => ({
        practice,
        people,
        consents: allConsents,
        organization: orgOf(practice.organizationId),
      })),
      forms: year.forms,
    };
    const doc = buildPracticeCollection(collection);
    await writeFile(join(dir, 'collection.docx'), await renderDocx(doc));
    await writeFile(
      join(dir, 'index.html'),
      practiceIndexHtml(
        collection,
        published.map((_, k) => `case-${k + 1}.html`),
      ),
    );
    written.push('practices/collection.docx', 'practices/index.html');
  }
  return written;
}
