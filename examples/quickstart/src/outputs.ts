// Every document of the year, written to the output folder as DOCX + HTML
// (and XLSX / JSON for the data): orders, the Regulation, roadmaps, personal
// programmes, questionnaires, consents, reports, a press release, registries.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Consent,
  catalogueLabel,
  competences,
  formatName,
  type IsoDate,
  isMinorOn,
  mayProcess,
  type Order,
  type Person,
  programmeStageLabels,
} from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  buildCompetitionOrder,
  buildConsentForm,
  buildCuratorOrder,
  buildDisseminationConsentForm,
  buildFinalReport,
  buildIntroductionOrder,
  buildMonitoringReport,
  buildPairChangeOrder,
  buildPairsOrder,
  buildPersonalProgramme,
  buildPlansOrder,
  buildPressRelease,
  buildQuestionnaireForm,
  buildRegulation,
  buildRoadmap,
  checkDocumentSet,
  type DocumentSetFinding,
  type IndicatorRowInput,
  type NastavnikDocument,
  organizationRoadmap,
  questionnaireJsonSchema,
  renderHtml,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { type DataSheet, renderXlsx } from '@nastavnik/documents/xlsx';
import { defaultIndicators, type IndicatorValue, type PublishedValue } from '@nastavnik/indicators';
import { exportableRecords, exportRegistry } from '@nastavnik/registry';
import { municipalDocuments } from './municipal';
import type { YearResult } from './year';

/** One written file: its path relative to the output folder and its kind. */
export interface WrittenFile {
  readonly path: string;
  readonly kind: 'docx' | 'html' | 'xlsx' | 'csv' | 'json';
  readonly document: string;
}

/** The forms of Р-145 for pupils, and the region's own «учитель – ученик». */
const PUPIL_FORMS = ['pupilPupil', 'teacherTeacher', 'studentPupil', 'employerPupil', 'teacherPupil'];

type Writer = (
  relPath: string,
  data: Uint8Array | string,
  kind: WrittenFile['kind'],
  document: string,
) => Promise<void>;

function isPublishedNumber(v: PublishedValue['value']): v is number {
  return typeof v === 'number';
}

/** Rows for the reports: shares as numerator / denominator, summed up the tree (never averaged). */
function shareRows(values: readonly IndicatorValue[], orgId: string): IndicatorRowInput[] {
  const rows: Array<[string, string, number | undefined, IndicatorRowInput['unit']]> = [
    ['coverage.pupilMentees', 'Доля обучающихся — наставляемых', 70, 'чел.'],
    ['coverage.pupilMentors', 'Доля обучающихся — наставников', undefined, 'чел.'],
    ['coverage.youngTeacherMentees', 'Доля молодых специалистов — наставляемых', undefined, 'чел.'],
    ['coverage.teacherMentors', 'Доля педагогов — наставников', undefined, 'чел.'],
    ['process.requestsMatched', 'Доля запросов, закрытых парой', undefined, 'запросов'],
    ['process.meetingsHeld', 'Выполнение плана встреч', undefined, 'встреч'],
    ['process.activitiesOnTime', 'Мероприятия дорожной карты, выполненные в срок', undefined, 'мероприятий'],
  ];
  const out: IndicatorRowInput[] = [];
  for (const [id, label, target, unit] of rows) {
    const v = values.find(
      (x) => x.indicatorId === id && x.organizationId === orgId && x.breakdown === undefined,
    );
    if (!v || v.denominator === null || v.denominator === 0) continue;
    out.push({
      label,
      numerator: Math.round(v.numerator ?? 0),
      denominator: Math.round(v.denominator),
      unit,
      ...(target !== undefined ? { target } : {}),
    });
  }
  return out;
}

function indicatorValue(values: readonly IndicatorValue[], id: string, orgId: string): number | null {
  const v = values.find(
    (x) => x.indicatorId === id && x.organizationId === orgId && x.breakdown === undefined,
  );
  return v?.value ?? null;
}

/** Write every document and data file of the year into `outDir`. */
export async function writeOutputs(
  year: YearResult,
  outDir: string,
  onFile?: (file: WrittenFile) => void,
): Promise<WrittenFile[]> {
  const files: WrittenFile[] = [];
  const write: Writer = async (relPath, data, kind, document) => {
    const full = join(outDir, relPath);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, data);
    const f = { path: relPath, kind, document };
    files.push(f);
    onFile?.(f);
  };
  const both = async (name: string, doc: NastavnikDocument, title: string) => {
    await write(`${name}.docx`, await renderDocx(doc), 'docx', title);
    await write(`${name}.html`, renderHtml(doc, { fullPage: true }), 'html', title);
  };

  const { sample, dates } = year;
  const school = sample.schools[0];
  if (!school) throw new Error('no school');
  const org = school.organization;
  const people: Person[] = [...sample.persons];
  const consents: Consent[] = [...sample.consents, ...year.consents];
  const head = { position: 'директор', name: school.head.name };
  const order = (n: number, kind: Order['kind'], date: IsoDate, title: string): Order => ({
    id: `ord-doc-${n}` as Order['id'],
    organizationId: org.id,
    act: 'order',
    kind,
    number: `${n}-о/д`,
    date,
    title,
    signatory: head,
  });

  // Stage 1: the curator's appointment, then the order introducing the model with the
  // Regulation and the school's own roadmap as annexes (built from 004's template with the
  // school's dates and people), and the Regulation on its own.
  const curatorOrder = order(
    101,
    'appointCurator',
    '2023-08-30',
    'О назначении куратора внедрения целевой модели наставничества',
  );
  const introOrder = order(102, 'introduceModel', '2023-08-31', 'О реализации целевой модели наставничества');
  const who = (p: Person) => `${formatName(p.name, 'lastFirst')}${p.position ? `, ${p.position}` : ''}`;
  const curatorText = who(school.curator);
  const headText = who(school.head);
  const ownRoadmap = organizationRoadmap({
    template: seedRoadmaps.lyceum7Tikhvin004,
    organization: org,
    academicYear: dates.academicYear,
    approvedBy: {
      act: `приказ ${org.shortName ?? org.name}`,
      number: introOrder.number,
      date: introOrder.date,
    },
    stages: {
      preparation: { from: '2023-08-28', to: dates.programmeStart, responsible: [headText, curatorText] },
      menteeBase: { from: dates.programmeStart, to: '2023-09-22', responsible: [curatorText] },
      mentorBase: { from: dates.programmeStart, to: '2023-09-22', responsible: [curatorText] },
      mentorTraining: { from: '2023-09-11', to: '2023-09-29', responsible: [curatorText] },
      pairFormation: { from: '2023-09-25', to: dates.plansOrder, responsible: [headText, curatorText] },
      pairWork: {
        from: dates.programmeFrom,
        to: dates.programmeTo,
        responsible: ['наставники', curatorText],
      },
      completion: { from: dates.finalMeeting, to: dates.extendedTo, responsible: [curatorText] },
    },
  });
  // The orders on pairs that ended early or were extended (003 §7), numbered in sequence.
  const changes = year.pairs
    .filter((j) => (j.fate === 'terminated' || j.fate === 'extended') && j.programme !== null)
    .map((j, k) => {
      const fate = j.fate as 'terminated' | 'extended';
      const s = sample.schools.find((x) => x.organization.id === j.schoolId) ?? school;
      const t = j.snapshot.context.termination;
      const date =
        fate === 'terminated' && t ? t.date : (j.programme?.extensions[0]?.agreedAt ?? '2024-04-15');
      const o: Order = {
        ...order(
          151 + k,
          fate === 'terminated' ? 'terminatePair' : 'extendPair',
          date,
          fate === 'terminated'
            ? 'О досрочном завершении персонализированной программы наставничества'
            : 'О продлении срока персонализированной программы наставничества',
        ),
        id: `ord-change-${k + 1}` as Order['id'],
        organizationId: s.organization.id,
        signatory: { position: 'директор', name: s.head.name },
      };
      return { journey: j, fate, order: o, school: s };
    });

  // One year's documents of the first school side by side: no contradictions (dates of stages
  // vs orders vs programmes, people appointed twice, terms outside policy).
  const schoolJourneys = year.pairs.filter((j) => j.schoolId === org.id && j.snapshot.context.order !== null);
  const findings: DocumentSetFinding[] = checkDocumentSet({
    roadmap: ownRoadmap,
    orders: [
      { order: curatorOrder, appoints: [{ personId: school.curator.id, role: 'curator' }] },
      { order: introOrder },
      ...year.orders
        .filter((o) => o.organizationId === org.id)
        .map((o) =>
          o.kind === 'approvePairs'
            ? { order: o, term: { start: dates.programmeFrom, end: dates.programmeTo } }
            : { order: o },
        ),
      ...changes
        .filter((c) => c.school.organization.id === org.id)
        .map((c) => ({ order: c.order, pairIds: [c.journey.pair.id] })),
    ],
    pairs: schoolJourneys.map((j) => j.pair),
    programmes: schoolJourneys.flatMap((j) => (j.programme ? [j.programme] : [])),
  });
  // The municipal authority's own set (002): its order with the municipal Regulation and roadmap.
  const municipal = municipalDocuments(year);
  await write(
    'checks/document-set.json',
    `${JSON.stringify([...findings, ...municipal.findings], null, 2)}\n`,
    'json',
    'Проверка комплекта документов',
  );
  await both(
    'orders/00-municipal-order',
    municipal.document,
    'Приказ органа управления образованием о внедрении муниципальной целевой модели наставничества',
  );

  await both(
    'orders/01-curator-order',
    buildCuratorOrder({
      organization: org,
      parentOrganization: sample.authority,
      order: curatorOrder,
      people,
      audience: 'pupils',
      curatorId: school.curator.id,
      from: dates.programmeStart,
      acquainted: [school.curator.id],
    }),
    'Приказ о назначении куратора',
  );
  await both(
    'orders/02-introduction-order',
    buildIntroductionOrder({
      organization: org,
      parentOrganization: sample.authority,
      order: introOrder,
      people,
      audience: 'pupils',
      curatorId: school.curator.id,
      curatorAppointedBy: { number: curatorOrder.number, date: curatorOrder.date },
      startDate: dates.programmeStart,
      regulation: { mentorCouncil: true, forms: PUPIL_FORMS, formsCatalogue: year.forms },
      roadmap: ownRoadmap,
      acquainted: [school.curator.id],
    }),
    'Приказ о реализации целевой модели наставничества',
  );
  await both(
    'regulation',
    buildRegulation({
      organization: org,
      parentOrganization: sample.authority,
      audience: 'pupils',
      options: {
        mentorCouncil: true,
        forms: PUPIL_FORMS,
        formsCatalogue: year.forms,
        approvedBy: { number: introOrder.number, date: introOrder.date },
      },
    }),
    'Положение о системе наставничества',
  );
  await both(
    `roadmaps/${org.id}`,
    buildRoadmap({ roadmap: ownRoadmap, organization: org, parentOrganization: sample.authority }),
    'Дорожная карта школы',
  );
  // The seed roadmaps stay as templates.
  for (const [name, roadmap] of Object.entries(seedRoadmaps))
    await both(`roadmaps/templates/${name}`, buildRoadmap({ roadmap }), `Дорожная карта (${name})`);

  // Stage 5: pairs and plans orders, one per school.
  for (const s of sample.schools) {
    const journeys = year.pairs.filter(
      (j) => j.schoolId === s.organization.id && j.snapshot.context.order !== null,
    );
    if (journeys.length === 0) continue;
    const pairsOrder = year.orders.find(
      (o) => o.organizationId === s.organization.id && o.kind === 'approvePairs',
    );
    const plansOrder = year.orders.find(
      (o) => o.organizationId === s.organization.id && o.kind === 'approvePlans',
    );
    if (!pairsOrder || !plansOrder) continue;
    const slug = s.organization.id;
    await both(
      `orders/${slug}-pairs-order`,
      buildPairsOrder({
        organization: s.organization,
        parentOrganization: sample.authority,
        order: pairsOrder,
        people,
        consents,
        pairs: journeys.map((j) => j.pair),
        start: dates.programmeFrom,
        end: dates.programmeTo,
        curatorId: s.curator.id,
        programmesDue: dates.plansOrder,
        // The preamble cites the Regulation with the date and number of the order that approved it.
        ...(s.organization.id === org.id
          ? { regulationApprovedBy: { number: introOrder.number, date: introOrder.date } }
          : {}),
        catalogues: { forms: year.forms },
        // Everyone the order names signs once: the curator, the mentors, and the adult mentees.
        acquainted: [
          ...new Set([
            s.curator.id,
            ...journeys.map((j) => j.pair.mentorId),
            ...journeys
              .flatMap((j) => j.pair.menteeIds)
              .filter((id) => {
                const p = people.find((x) => x.id === id);
                return p !== undefined && !isMinorOn(p, pairsOrder.date);
              }),
          ]),
        ],
      }),
      `Приказ о закреплении наставнических пар (${s.organization.shortName ?? slug})`,
    );
    const withProgrammes = journeys.filter((j) => j.programme !== null);
    if (withProgrammes.length > 0)
      await both(
        `orders/${slug}-plans-order`,
        buildPlansOrder({
          organization: s.organization,
          parentOrganization: sample.authority,
          order: plansOrder,
          people,
          consents,
          pairs: withProgrammes.map((j) => j.pair),
          programmes: withProgrammes.map((j) => ({
            ...(j.programme as NonNullable<typeof j.programme>),
            extensions: [],
          })),
          curatorId: s.curator.id,
        }),
        `Приказ об утверждении персонализированных программ (${s.organization.shortName ?? slug})`,
      );
  }

  // A personal programme for every approved pair, with each mentee's request, difficulties and
  // strengths from the registry (003 §1.2) and the plan by form of mentoring.
  const profiles = new Map(sample.menteeProfiles.map((m) => [m.personId as string, m]));
  for (const j of year.pairs.filter((x) => x.programme !== null)) {
    const s = sample.schools.find((x) => x.organization.id === j.schoolId) ?? school;
    const needs = j.pair.menteeIds.map((id) => {
      const profile = profiles.get(id);
      const requests = profile?.requests ?? [];
      const areas = requests.flatMap((r) =>
        r.competence ? [catalogueLabel(competences, r.competence)] : [],
      );
      return {
        menteeId: id,
        ...(areas.length > 0 ? { request: `Помощь наставника: ${areas.join(', ')}` } : {}),
        difficulties: requests.flatMap((r) => (r.difficulty ? [r.difficulty] : [])),
        strengths: profile?.interests ?? [],
      };
    });
    await both(
      `programmes/${j.pair.id}`,
      buildPersonalProgramme({
        organization: s.organization,
        pair: j.pair,
        programme: j.programme as NonNullable<typeof j.programme>,
        people,
        consents,
        date: dates.plansOrder,
        curatorId: s.curator.id,
        catalogues: { forms: year.forms },
        needs,
      }),
      `Персонализированная программа (${j.pair.id})`,
    );
  }

  // Early termination and extension orders (003 §7): one for every pair that ended early or was extended.
  for (const c of changes) {
    const { journey: j, fate, order: o, school: s } = c;
    const t = j.snapshot.context.termination;
    const programme = { ...(j.programme as NonNullable<typeof j.programme>), extensions: [] };
    const ext = j.programme?.extensions[0];
    await both(
      `orders/${j.pair.id}-${fate}`,
      buildPairChangeOrder({
        organization: s.organization,
        parentOrganization: sample.authority,
        order: o,
        people,
        consents,
        pair: j.pair,
        programme,
        curatorId: s.curator.id,
        change:
          fate === 'terminated' && t
            ? { kind: 'terminate', date: t.date, reason: t.reason }
            : {
                kind: 'extend',
                extension: ext ?? {
                  newEnd: dates.extendedTo,
                  agreedAt: o.date,
                  reason: 'по обоюдному согласию',
                },
              },
      }),
      fate === 'terminated' ? 'Приказ о досрочном завершении программы' : 'Приказ о продлении программы',
    );
  }

  // The municipal #Наставник+ competition results.
  const rated = new Set(year.competition.scores.map((r) => r.pairId));
  if (rated.size > 0)
    await both(
      'orders/competition-results',
      buildCompetitionOrder({
        organization: sample.authority,
        order: {
          id: 'ord-uo-comp' as Order['id'],
          organizationId: sample.authority.id,
          act: 'order',
          kind: 'competitionResults',
          number: '77',
          date: '2024-04-25',
          title: 'Об итогах муниципального конкурса #Наставник+',
          signatory: { position: 'председатель комитета', name: sample.municipalCurator.name },
        },
        people,
        consents,
        competition: year.competition,
        pairs: year.pairs.filter((j) => rated.has(j.pair.id)).map((j) => j.pair),
      }),
      'Приказ об итогах конкурса #Наставник+',
    );

  // Questionnaires: printable forms and JSON Schemas for online forms.
  for (const q of year.questionnaires) {
    await both(
      `questionnaires/${q.id}`,
      buildQuestionnaireForm({ questionnaire: q, organization: org }),
      q.title.ru,
    );
    await write(
      `questionnaires/${q.id}.schema.json`,
      `${JSON.stringify(questionnaireJsonSchema(q), null, 2)}\n`,
      'json',
      q.title.ru,
    );
  }

  // Consent forms to fill in by hand (the sample registry holds no addresses or identity documents,
  // so pre-filled forms would be refused): an adult's, a parent's for a minor, and the separate
  // consent to dissemination (152-ФЗ ст. 9 ч. 4, ст. 10.1).
  await both(
    'consents/consent-adult',
    buildConsentForm({ organization: org, date: dates.consents, validUntil: dates.programmeTo }),
    'Согласие на обработку персональных данных (совершеннолетний)',
  );
  await both(
    'consents/consent-minor',
    buildConsentForm({ organization: org, date: dates.consents, minor: true, validUntil: dates.programmeTo }),
    'Согласие родителя (законного представителя) несовершеннолетнего',
  );
  await both(
    'consents/consent-dissemination',
    buildDisseminationConsentForm({
      organization: org,
      date: dates.consents,
      resources: ['официальный сайт образовательной организации'],
      validUntil: dates.programmeTo,
    }),
    'Согласие на распространение персональных данных (ст. 10.1 152-ФЗ)',
  );

  // Reports of the municipal curator: December monitoring, the final report in May.
  const uo = sample.authority.id;
  const counts = (values: readonly IndicatorValue[]) => ({
    mentors: new Set(year.pairs.filter((j) => j.snapshot.context.order).map((j) => j.pair.mentorId)).size,
    mentees: new Set(year.pairs.filter((j) => j.snapshot.context.order).flatMap((j) => j.pair.menteeIds))
      .size,
    pairs: Math.round(indicatorValue(values, 'process.pairs', uo) ?? 0),
    groups: year.pairs.filter((j) => j.pair.menteeIds.length > 1 && j.snapshot.context.order).length,
    completed: year.pairs.filter(
      (j) => j.snapshot.context.completedAt !== null && j.snapshot.context.completedAt <= dates.may,
    ).length,
    terminatedEarly: year.pairs.filter((j) => j.fate === 'terminated').length,
    menteesWithoutPair: Math.round(indicatorValue(values, 'process.menteesWaiting', uo) ?? 0),
  });
  const satisfaction = (values: readonly IndicatorValue[]) =>
    (
      [
        ['Наставляемые', indicatorValue(values, 'satisfaction.menteeMean', uo)],
        ['Наставники', indicatorValue(values, 'satisfaction.mentorMean', uo)],
      ] as const
    ).flatMap(([label, v]) => (v === null ? [] : [{ label, value: Math.round(v * 10) / 10 }]));
  const author = { position: 'муниципальный куратор', name: sample.municipalCurator.name };
  await both(
    'reports/monitoring-december',
    buildMonitoringReport({
      organization: sample.authority,
      date: dates.december,
      period: { start: dates.programmeStart, end: dates.december },
      author,
      counts: counts(year.indicators.december),
      coverage: shareRows(year.indicators.december, uo),
      satisfaction: satisfaction(year.indicators.december),
      events: [
        'Проведена групповая встреча наставников и наставляемых и анкетирование предпочтений',
        'Проведён первый этап конкурса #Наставник+ («Визитка»)',
      ],
      conclusions: ['Пары сформированы и работают по утверждённым персонализированным программам'],
      proposals: ['Продолжить поиск наставников для наставляемых без пары (004 §4)'],
    }),
    'Отчёт куратора: мониторинг (декабрь)',
  );
  await both(
    'reports/final-report',
    buildFinalReport({
      organization: sample.authority,
      date: dates.may,
      period: { start: dates.programmeStart, end: dates.may },
      author,
      counts: counts(year.indicators.may),
      coverage: shareRows(year.indicators.may, uo),
      satisfaction: satisfaction(year.indicators.may),
      events: Object.values(programmeStageLabels).map((l) => `Этап «${l.ru}» пройден`),
      // The report derives its conclusions on each target from the indicators; the curator adds the rest.
      conclusions: ['Персонализированные программы наставничества реализованы в парах, завершивших работу'],
      proposals: [
        'Разработать дорожную карту на следующий учебный год',
        'Пополнить банк лучших практик наставничества',
      ],
    }),
    'Итоговый аналитический отчёт',
  );

  // A press release without personal data (no publication consents in the sample).
  await both(
    'press-release',
    buildPressRelease({
      organization: org,
      date: '2024-06-03',
      headline: 'Итоги года наставничества',
      lead: `В ${dates.academicYear} учебном году в школе работали наставнические пары и группы: педагоги помогали молодым специалистам, старшеклассники — младшим школьникам.`,
      paragraphs: [
        'Итоги мониторинга опубликованы в разделе «Наставничество» без персональных данных: значения меньше пяти скрыты.',
      ],
      mentions: year.pairs
        .filter((j) => j.schoolId === org.id && j.fate === 'completed')
        .slice(0, 2)
        .map((j) => ({
          personId: j.pair.mentorId,
          role: 'mentor' as const,
          text: 'провёл(а) программу наставничества в полном объёме',
        })),
      people,
      consents,
    }),
    'Пресс-релиз',
  );

  // Registries: the next year's template filled with this year's data.
  const mentors = sample.mentorProfiles.map((profile) => ({
    person: people.find((p) => p.id === profile.personId) as Person,
    profile,
  }));
  const mentees = sample.menteeProfiles.map((profile) => ({
    person: people.find((p) => p.id === profile.personId) as Person,
    profile,
  }));
  // The school's own registry for next year (activity `registry`): nobody the consent policy does not
  // allow the school to keep; each one left out is listed by id for the curator (152-ФЗ ст. 9, ст. 21).
  const check = { consents, date: dates.may, activity: 'registry' as const };
  const mentorsOut = exportableRecords(mentors, 'mentors', check);
  const menteesOut = exportableRecords(mentees, 'mentees', check);
  await write(
    'registries/mentors.xlsx',
    await exportRegistry(mentorsOut.records, { kind: 'mentors', format: 'xlsx', consentCheck: check }),
    'xlsx',
    'Реестр наставников',
  );
  await write(
    'registries/mentees.xlsx',
    await exportRegistry(menteesOut.records, { kind: 'mentees', format: 'xlsx', consentCheck: check }),
    'xlsx',
    'Реестр наставляемых',
  );
  await write(
    'registries/left-out-for-consent.json',
    `${JSON.stringify({ mentors: mentorsOut.omitted, mentees: menteesOut.omitted }, null, 2)}\n`,
    'json',
    'Не включены в реестры: нет согласия',
  );
  await write(
    'registries/consents.csv',
    await exportRegistry(consents, { kind: 'consents', format: 'csv', consentCheck: check }),
    'csv',
    'Реестр согласий',
  );
  await write(
    'registries/pairs.xlsx',
    await exportRegistry(
      year.pairs.map((j) => j.pair),
      { kind: 'pairs', format: 'xlsx', consentCheck: check },
    ),
    'xlsx',
    'Реестр пар',
  );
  // The same pairs as a secretary keeps them: names where the personal-data consent allows,
  // the approving order's number and date, the term and the outcome.
  const orderById = new Map(year.orders.map((o) => [o.id as string, o]));
  const fullName = new Map(sample.organizations.map((o) => [o.id as string, o.name]));
  const named = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p && mayProcess(p, consents, dates.may, 'personalData').allowed
      ? formatName(p.name, 'lastFirst')
      : id;
  };
  const outcome: Record<string, string> = {
    completed: 'завершена',
    extended: 'продлена',
    terminated: 'завершена досрочно',
    consentsIncomplete: 'не утверждена: нет согласий',
  };
  await write(
    'registries/pairs-register.xlsx',
    await renderXlsx([
      {
        name: 'Реестр наставнических пар',
        columns: [
          { header: '№ п/п', width: 5, numeric: true },
          { header: 'Организация', width: 30 },
          { header: 'Наставник', width: 22 },
          { header: 'Наставляемые', width: 28 },
          { header: 'Форма наставничества', width: 18 },
          { header: 'Приказ о закреплении', width: 22 },
          { header: 'Срок программы', width: 24 },
          { header: 'Итог', width: 18 },
        ],
        rows: year.pairs.map((j, i) => {
          const o = j.snapshot.context.order
            ? orderById.get(j.snapshot.context.order.id as string)
            : undefined;
          return {
            cells: [
              String(i + 1),
              fullName.get(j.schoolId) ?? j.schoolId,
              named(j.pair.mentorId),
              j.pair.menteeIds.map(named).join(', '),
              catalogueLabel(year.forms, j.pair.form),
              o ? `№ ${o.number} от ${o.date.split('-').reverse().join('.')}` : '—',
              j.programme
                ? `${j.programme.start.split('-').reverse().join('.')} — ${(j.programme.extensions[0]?.newEnd ?? j.programme.end).split('-').reverse().join('.')}`
                : '—',
              outcome[j.fate] ?? j.fate,
            ],
          };
        }),
      },
    ]),
    'xlsx',
    'Реестр наставнических пар (для секретаря)',
  );

  // Indicators: the published (suppressed) table as XLSX and JSON — full organization names,
  // indicator names in Russian with the code beside, numbers as numbers.
  const orgName = new Map(sample.organizations.map((o) => [o.id as string, o.name]));
  const indicatorName = new Map(defaultIndicators.map((d) => [d.id as string, d.name.ru]));
  const published = year.indicators.publishedMay.filter((v) => v.breakdown === undefined);
  const cell = (v: PublishedValue['value']) =>
    isPublishedNumber(v) ? String(Math.round(v * 100) / 100).replace('.', ',') : v === null ? '—' : '< 5';
  const sheet: DataSheet = {
    name: 'Показатели (май)',
    columns: [
      { header: 'Организация', width: 34 },
      { header: 'Показатель', width: 34 },
      { header: 'Код показателя', width: 18 },
      { header: 'Числитель', width: 10, numeric: true },
      { header: 'Знаменатель', width: 10, numeric: true },
      { header: 'Значение', width: 10, numeric: true },
    ],
    rows: published.map((v) => ({
      cells: [
        orgName.get(v.organizationId) ?? v.organizationId,
        indicatorName.get(v.indicatorId) ?? v.indicatorId,
        v.indicatorId,
        cell(v.numerator as PublishedValue['value']),
        cell(v.denominator as PublishedValue['value']),
        cell(v.value),
      ],
    })),
  };
  await write('indicators/indicators-may.xlsx', await renderXlsx([sheet]), 'xlsx', 'Показатели мониторинга');
  await write(
    'indicators/published-may.json',
    `${JSON.stringify(year.indicators.publishedMay, null, 2)}\n`,
    'json',
    'Показатели (опубликованные)',
  );

  // The machines' logs: what a school information system would store.
  await write(
    'pairs/events.json',
    `${JSON.stringify(
      year.pairs.map((j) => ({
        pairId: j.pair.id,
        phase: j.fate,
        events: j.events.map((e) => ({ type: e.type, date: e.date })),
      })),
      null,
      2,
    )}\n`,
    'json',
    'Журнал событий пар',
  );
  await write(
    'programmes/programmes.json',
    `${JSON.stringify(
      year.programmes.map((p) => ({
        organizationId: p.organizationId,
        roadmap: p.roadmap,
        stage: p.snapshot.context.stage,
        events: p.log.length,
      })),
      null,
      2,
    )}\n`,
    'json',
    'Программы',
  );
  return files;
}
