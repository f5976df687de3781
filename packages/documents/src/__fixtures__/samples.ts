/**
 * Sample inputs from the seeds (003 Rassvet school, 004 Lyceum No. 7,
 * Tikhvin) and the four seed roadmaps of core: the golden tests, the
 * render-samples script and the docs use them. Names of the seeds are kept;
 * first names and the mentees are made up where the seeds give initials only.
 */
import type { ConsentSchema, OrderKind, PersonInput } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  buildCompetitionOrder,
  buildConsentForm,
  buildCuratorOrder,
  buildDisseminationConsentForm,
  buildFinalReport,
  buildIntroductionOrder,
  buildMonitoringReport,
  buildMunicipalOrder,
  buildPairChangeOrder,
  buildPairsOrder,
  buildPersonalProgramme,
  buildPlansOrder,
  buildPressRelease,
  buildQuestionnaireForm,
  buildRegulation,
  buildRoadmap,
  type NastavnikDocument,
  organizationRoadmap,
  type PairsOrderInput,
  type ReportInput,
  standardQuestionnaire,
} from '@nastavnik/documents';
import type { z } from 'zod';

type ConsentInput = z.input<typeof ConsentSchema>;

export const rassvet = {
  id: 'rassvet',
  kind: 'school',
  name: 'Муниципальное казённое общеобразовательное учреждение «Рассветовская средняя общеобразовательная школа»',
  shortName: 'МКОУ «Рассветовская СОШ»',
} as const;

export const tikhvinCommittee = {
  id: 'tikhvin-committee',
  kind: 'authority',
  name: 'Комитет по образованию администрации муниципального образования Тихвинский муниципальный район Ленинградской области',
} as const;

export const lyceum7 = {
  id: 'lyceum-7',
  kind: 'school',
  parentId: 'tikhvin-committee',
  name: 'Муниципальное общеобразовательное учреждение «Лицей № 7»',
  shortName: 'МОУ «Лицей № 7»',
  locality: 'г. Тихвин',
} as const;

const t = (
  id: string,
  org: string,
  lastName: string,
  firstName: string,
  middleName: string,
  gender: 'female' | 'male',
  position: string,
  experienceYears = 10,
): PersonInput => ({
  id,
  organizationId: org,
  category: 'teacher',
  name: { lastName, firstName, middleName },
  gender,
  position,
  experienceYears,
});

export const rassvetPeople: PersonInput[] = [
  t('ponomareva', 'rassvet', 'Пономарева', 'Ольга', 'Владимировна', 'female', 'директор', 25),
  t(
    'zhaksimbaeva',
    'rassvet',
    'Жаксимбаева',
    'Лилия',
    'Викторовна',
    'female',
    'заместитель директора по УВР',
    18,
  ),
  t('pronina', 'rassvet', 'Пронина', 'Татьяна', 'Николаевна', 'female', 'учитель начальных классов', 22),
  t('zenkova', 'rassvet', 'Зенькова', 'Ольга', 'Викторовна', 'female', 'учитель начальных классов', 15),
  t('timofeeva', 'rassvet', 'Тимофеева', 'Елена', 'Викторовна', 'female', 'учитель математики', 20),
  t('smirnova', 'rassvet', 'Смирнова', 'Анна', 'Игоревна', 'female', 'учитель начальных классов', 1),
  t('kovalchuk', 'rassvet', 'Ковальчук', 'Ирина', 'Сергеевна', 'female', 'учитель начальных классов', 0),
  t('chernykh', 'rassvet', 'Черных', 'Максим', 'Андреевич', 'male', 'учитель математики', 2),
  t('garipov', 'rassvet', 'Гарипов', 'Ильдар', 'Ринатович', 'male', 'учитель информатики', 1),
];

export const lyceumPeople: PersonInput[] = [
  t('nuritdinova', 'lyceum-7', 'Нуритдинова', 'Татьяна', 'Николаевна', 'female', 'и.о. директора', 30),
  t('yakovleva', 'lyceum-7', 'Яковлева', 'Елена', 'Сергеевна', 'female', 'заместитель директора по УВР', 20),
  t('rodionova', 'lyceum-7', 'Родионова', 'Татьяна', 'Юрьевна', 'female', 'заместитель директора по ВР', 16),
  t('kuzmenko', 'lyceum-7', 'Кузьменко', 'Наталья', 'Олеговна', 'female', 'учитель информатики', 9),
  t('kudryashova', 'lyceum-7', 'Кудряшова', 'Надежда', 'Олеговна', 'female', 'педагог-психолог', 12),
  t('belov', 'lyceum-7', 'Белов', 'Игорь', 'Петрович', 'male', 'учитель физики', 14),
  t('lebedeva', 'lyceum-7', 'Лебедева', 'Ксения', 'Андреевна', 'female', 'учитель английского языка', 2),
  {
    id: 'pupil-sokolov',
    organizationId: 'lyceum-7',
    category: 'pupil',
    name: { lastName: 'Соколов', firstName: 'Артём', middleName: 'Денисович' },
    gender: 'male',
    birthDate: '2009-03-14',
    grade: 8,
  },
  {
    id: 'pupil-orlova',
    organizationId: 'lyceum-7',
    category: 'pupil',
    name: { lastName: 'Орлова', firstName: 'Мария', middleName: 'Ильинична' },
    gender: 'female',
    birthDate: '2005-04-02',
    grade: 11,
  },
  {
    id: 'pupil-ivanov',
    organizationId: 'lyceum-7',
    category: 'pupil',
    name: { lastName: 'Иванов', firstName: 'Никита', middleName: 'Сергеевич' },
    gender: 'male',
    birthDate: '2010-10-30',
    grade: 7,
  },
];

const consent = (
  id: string,
  personId: string,
  purpose: ConsentInput['purpose'],
  givenAt: string,
  givenBy: ConsentInput['givenBy'] = 'self',
): ConsentInput =>
  givenBy === 'self'
    ? { id, personId, purpose, givenBy, givenAt }
    : {
        id,
        personId,
        purpose,
        givenBy,
        givenAt,
        representative: { lastName: 'Соколова', firstName: 'Ирина' },
      };

export const lyceumConsents: ConsentInput[] = [
  consent('c1', 'belov', 'mentorDuties', '2023-09-04'),
  consent('c2', 'lebedeva', 'mentorDuties', '2023-09-05'),
  consent('c4', 'pupil-orlova', 'participation', '2023-09-06'),
  consent('c5', 'pupil-sokolov', 'participation', '2023-09-06', 'parent'),
  consent('c6', 'pupil-ivanov', 'participation', '2023-09-07', 'parent'),
  consent('c7', 'kuzmenko', 'mentorDuties', '2023-09-04'),
  consent('c8', 'belov', 'publication', '2023-09-04'),
  // The consent to the processing of personal data everyone gives first (152-ФЗ ст. 9; 004 §1).
  consent('pd-belov', 'belov', 'personalData', '2023-09-01'),
  consent('pd-lebedeva', 'lebedeva', 'personalData', '2023-09-01'),
  consent('pd-kuzmenko', 'kuzmenko', 'personalData', '2023-09-01'),
  consent('pd-orlova', 'pupil-orlova', 'personalData', '2023-09-01'),
  consent('pd-sokolov', 'pupil-sokolov', 'personalData', '2023-09-01', 'parent'),
  consent('pd-ivanov', 'pupil-ivanov', 'personalData', '2023-09-01', 'parent'),
];

const lyceumOrder = (
  id: string,
  kind: OrderKind,
  number: string,
  date: string,
  title: string,
  act: 'order' | 'directive' = 'order',
) => ({
  id,
  organizationId: 'lyceum-7',
  act,
  kind,
  number,
  date,
  title,
  signatory: {
    position: 'и.о. директора',
    name: { lastName: 'Нуритдинова', firstName: 'Татьяна', middleName: 'Николаевна' },
  },
});

export const lyceumPairs = [
  {
    id: 'pair-1',
    organizationId: 'lyceum-7',
    mentorId: 'belov',
    menteeIds: ['lebedeva'],
    form: 'teacherTeacher',
    formats: ['traditional'],
    origin: 'curator',
  },
  {
    id: 'pair-2',
    organizationId: 'lyceum-7',
    mentorId: 'pupil-orlova',
    menteeIds: ['pupil-sokolov', 'pupil-ivanov'],
    form: 'pupilPupil',
    formats: ['group', 'shortTerm'],
    origin: 'mutualChoice',
  },
] as const;

export const pairsOrderInput: PairsOrderInput = {
  organization: lyceum7,
  parentOrganization: tikhvinCommittee,
  order: lyceumOrder(
    'ord-pairs',
    'approvePairs',
    '361-р',
    '2023-09-15',
    'О закреплении наставнических пар (групп)',
    'directive',
  ),
  people: lyceumPeople,
  pairs: [...lyceumPairs].map((p) => ({ ...p, menteeIds: [...p.menteeIds], formats: [...p.formats] })),
  consents: lyceumConsents,
  start: '2023-09-15',
  end: '2024-05-31',
  curatorId: 'yakovleva',
  programmesDue: '2023-09-29',
  acquainted: ['yakovleva', 'belov', 'lebedeva', 'kudryashova'],
};

export const programme = {
  id: 'pp-1',
  pairId: 'pair-1',
  start: '2023-09-15',
  end: '2024-05-31',
  goals: [
    'Адаптация молодого специалиста в коллективе и профессии',
    'Развитие навыков планирования урока и управления классом',
  ],
  directions: ['методика преподавания английского языка', 'классное руководство'],
  plan: [
    {
      id: 'i1',
      title: 'Организационная встреча, знакомство с локальными актами лицея',
      due: '2023-09-22',
      expectedResult: 'План работы пары согласован',
      doneAt: '2023-09-21',
    },
    {
      id: 'i2',
      title: 'Посещение уроков наставника',
      description: 'Не менее 4 уроков в 7–9 классах',
      start: '2023-09-25',
      due: '2023-10-31',
      expectedResult: 'Анализ 4 уроков',
    },
    {
      id: 'i3',
      title: 'Разработка технологических карт уроков',
      due: '2023-12-15',
      expectedResult: '5 технологических карт',
    },
    {
      id: 'i4',
      title: 'Открытый урок наставляемого',
      due: '2024-03-15',
      expectedResult: 'Самоанализ урока, отзыв наставника',
    },
    {
      id: 'i5',
      title: 'Заключительная встреча, анкетирование удовлетворённости',
      due: '2024-05-24',
      expectedResult: 'Анкеты, отчёт наставника',
    },
  ],
};

const reportInput: ReportInput = {
  organization: lyceum7,
  date: '2024-05-31',
  period: { start: '2023-09-01', end: '2024-05-31' },
  author: {
    position: 'заместитель директора по УВР',
    name: { lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' },
  },
  counts: {
    mentors: 24,
    mentees: 41,
    pairs: 19,
    groups: 5,
    completed: 21,
    terminatedEarly: 2,
    menteesWithoutPair: 1,
  },
  coverage: [
    {
      label: 'Доля обучающихся 10–18 лет, вовлечённых в наставничество в роли наставляемого',
      numerator: 290,
      denominator: 400,
      target: 70,
    },
    {
      label: 'Доля педагогов со стажем до 3 лет, вовлечённых в наставничество в роли наставляемого',
      numerator: 7,
      denominator: 8,
      target: 70,
    },
    { label: 'Доля обучающихся 15–18 лет — наставников', numerator: 18, denominator: 160, target: 10 },
    { label: 'Доля педагогов — наставников', numerator: 19, denominator: 52 },
  ],
  satisfaction: [
    { label: 'Наставляемые: удовлетворённость программой', value: 8.6 },
    { label: 'Наставники: удовлетворённость программой', value: 8.1 },
    { label: 'Наставляемые: достижение целей', value: 7.4 },
  ],
  events: [
    'Групповая встреча наставников и наставляемых (сентябрь 2023 г.)',
    'Ярмарка методических идей в рамках районного семинара (март 2024 г.)',
  ],
  conclusions: ['Плановые показатели охвата достигнуты, кроме доли обучающихся — наставников.'],
  proposals: [
    'Расширить форму «ученик – ученик» в 9–11 классах.',
    'Разработать дорожную карту на 2024-2025 учебный год.',
  ],
};

/** Every sample document, by a file-friendly name. */
/** Seed 002: the education authority of Dagestanskie Ogni, its schools (made up) and a municipal curator (made up). */
export const ogniAuthority = {
  id: 'ogni-uo',
  kind: 'authority',
  name: 'Муниципальное казённое учреждение «Управление образования» городского округа «город Дагестанские Огни»',
  shortName: 'МКУ «Управление образования»',
  locality: 'г. Дагестанские Огни',
} as const;

export const ogniSchools = [1, 2, 3].map((n) => ({
  id: `ogni-sosh-${n}`,
  kind: 'school' as const,
  parentId: 'ogni-uo',
  name: `Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}» городского округа «город Дагестанские Огни»`,
  shortName: `МКОУ «СОШ № ${n}»`,
}));

export const ogniPeople: PersonInput[] = [
  t('ogni-head', 'ogni-uo', 'Гасанов', 'Рустам', 'Магомедович', 'male', 'начальник', 20),
  t('ogni-curator', 'ogni-uo', 'Алиева', 'Заира', 'Руслановна', 'female', 'главный специалист', 12),
];

export function municipalOrderSample(): NastavnikDocument {
  const order = {
    id: 'ord-ogni-05',
    organizationId: 'ogni-uo',
    act: 'order' as const,
    kind: 'introduceModel' as const,
    number: '05',
    date: '2023-01-20',
    title: 'О внедрении муниципальной целевой модели наставничества педагогических работников и обучающихся',
    signatory: {
      position: 'начальник',
      name: { lastName: 'Гасанов', firstName: 'Рустам', middleName: 'Магомедович' },
    },
  };
  const territory = 'городского округа «город Дагестанские Огни»';
  const uo = 'МКУ «Управление образования»';
  const schools = 'образовательные организации';
  const roadmap = organizationRoadmap({
    template: seedRoadmaps.dagestanskieOgni002,
    organization: ogniAuthority,
    academicYear: '2022-2023',
    territory,
    approvedBy: { act: 'приказ МКУ «Управление образования»', number: order.number, date: order.date },
    stages: {
      preparation: { from: '2023-01-20', to: '2023-01-30', responsible: [uo, schools] },
      menteeBase: { from: '2023-01-23', to: '2023-02-05', responsible: [schools] },
      mentorBase: {
        from: '2023-01-23',
        to: '2023-02-10',
        responsible: [schools, 'Алиева З. Р., главный специалист'],
      },
      mentorTraining: { from: '2023-02-13', to: '2023-03-31', responsible: ['ДИРО', schools] },
      pairFormation: { from: '2023-02-13', to: '2023-03-15', responsible: [schools] },
      pairWork: { from: '2023-03-01', to: '2023-05-31', responsible: [schools] },
      completion: {
        from: '2023-03-01',
        to: '2023-04-28',
        responsible: ['Алиева З. Р., главный специалист', uo],
      },
    },
  });
  return buildMunicipalOrder({
    organization: ogniAuthority,
    order,
    people: ogniPeople,
    territory,
    schools: ogniSchools,
    municipalCuratorId: 'ogni-curator',
    startDate: '2023-01-23',
    deadlines: {
      schoolActs: '2023-01-30',
      schoolRegulations: '2023-01-30',
      siteSection: '2023-01-30',
      menteeBase: '2023-02-05',
      mentorBase: '2023-02-10',
      monitoring: '2023-03-31',
      analysis: '2023-04-28',
    },
    regulation: { mentorCouncil: true },
    roadmap,
    acquainted: ['ogni-curator'],
    acquaintanceDate: '2023-01-20',
  });
}

export function sampleDocuments(): Record<string, NastavnikDocument> {
  const rassvetOrder = {
    id: 'ord-5-1',
    organizationId: 'rassvet',
    act: 'order' as const,
    kind: 'introduceModel' as const,
    number: '5/1-п.о.д.',
    date: '2022-02-08',
    title:
      'Об организации работы по разработке и внедрению системы (целевой модели) наставничества педагогических работников МКОУ «Рассветовская СОШ»',
    signatory: {
      position: 'директор',
      name: { lastName: 'Пономарева', firstName: 'Ольга', middleName: 'Владимировна' },
    },
  };
  return {
    'order-municipal-002': municipalOrderSample(),
    'order-introduction-003': buildIntroductionOrder({
      organization: rassvet,
      order: rassvetOrder,
      people: rassvetPeople,
      audience: 'teachers',
      curatorId: 'zhaksimbaeva',
      startDate: '2022-02-01',
      basis:
        'В соответствии с совместным письмом Минпросвещения России от 21 декабря 2021 года № АЗ-1128/08 и Общероссийского Профсоюза образования от 21 декабря 2021 года № 657, в целях создания условий для формирования эффективной системы поддержки педагогических работников и молодых (вновь принятых) специалистов и на основании решения педагогического совета (протокол № 6 от 08.02.2022)',
      regulation: { mentorCouncil: true },
      roadmap: seedRoadmaps.rassvet003,
      acquainted: ['zhaksimbaeva', 'pronina', 'zenkova', 'timofeeva'],
    }),
    'directive-roadmap-004': buildIntroductionOrder({
      organization: lyceum7,
      parentOrganization: tikhvinCommittee,
      order: lyceumOrder(
        'ord-348',
        'approveRoadmap',
        '348-р',
        '2023-08-31',
        'О реализации целевой модели наставничества',
        'directive',
      ),
      people: lyceumPeople,
      consents: lyceumConsents,
      audience: 'pupils',
      // 004 п. 3 names two curators; п. 5 has the first bring the directive to participants by 01.09.2023.
      curatorId: ['yakovleva', 'rodionova'],
      startDate: '2023-09-01',
      roadmap: seedRoadmaps.lyceum7Tikhvin004,
      publisher: { personId: 'kuzmenko', due: '2023-09-08' },
      bringToParticipants: { personId: 'yakovleva', due: '2023-09-01' },
      acquainted: ['kudryashova', 'nuritdinova', 'yakovleva'],
      acquaintanceDate: '2023-08-31',
    }),
    'order-curator': buildCuratorOrder({
      organization: lyceum7,
      parentOrganization: tikhvinCommittee,
      order: lyceumOrder(
        'ord-349',
        'appointCurator',
        '349-р',
        '2023-08-31',
        'О назначении куратора внедрения целевой модели наставничества',
        'directive',
      ),
      people: lyceumPeople,
      consents: lyceumConsents,
      audience: 'pupils',
      curatorId: 'rodionova',
      from: '2023-09-01',
      acquainted: ['rodionova'],
    }),
    'order-pairs': buildPairsOrder(pairsOrderInput),
    'order-plans': buildPlansOrder({
      organization: lyceum7,
      parentOrganization: tikhvinCommittee,
      order: lyceumOrder(
        'ord-plans',
        'approvePlans',
        '370-р',
        '2023-10-02',
        'Об утверждении персонализированных программ наставничества',
        'directive',
      ),
      people: lyceumPeople,
      consents: lyceumConsents,
      pairs: pairsOrderInput.pairs,
      programmes: [
        programme,
        {
          ...programme,
          id: 'pp-2',
          pairId: 'pair-2',
          end: '2023-12-29',
          goals: ['Повышение успеваемости по физике'],
          directions: [],
          plan: [],
        },
      ],
      curatorId: 'yakovleva',
    }),
    'order-termination': buildPairChangeOrder({
      organization: lyceum7,
      order: lyceumOrder(
        'ord-t',
        'terminatePair',
        '52-р',
        '2024-02-01',
        'О досрочном завершении персонализированной программы наставничества',
        'directive',
      ),
      people: lyceumPeople,
      consents: lyceumConsents,
      pair: pairsOrderInput.pairs[1] as NonNullable<PairsOrderInput['pairs'][number]>,
      programme: { ...programme, id: 'pp-2', pairId: 'pair-2', plan: [] },
      curatorId: 'yakovleva',
      change: {
        kind: 'terminate',
        date: '2024-02-01',
        reason: 'menteeInitiative',
        details: 'перевод наставляемого в другую образовательную организацию',
      },
    }),
    'order-extension': buildPairChangeOrder({
      organization: lyceum7,
      order: lyceumOrder(
        'ord-e',
        'extendPair',
        '140-р',
        '2024-05-20',
        'О продлении срока реализации персонализированной программы наставничества',
        'directive',
      ),
      people: lyceumPeople,
      consents: lyceumConsents,
      pair: pairsOrderInput.pairs[0] as NonNullable<PairsOrderInput['pairs'][number]>,
      programme,
      change: {
        kind: 'extend',
        extension: {
          newEnd: '2024-12-27',
          agreedAt: '2024-05-17',
          reason: 'подготовка наставляемого к аттестации',
        },
      },
    }),
    'order-competition': buildCompetitionOrder({
      organization: lyceum7,
      order: lyceumOrder(
        'ord-c',
        'competitionResults',
        '401-р',
        '2023-10-27',
        'Об итогах первого этапа конкурса «#Наставник+»',
        'directive',
      ),
      people: lyceumPeople,
      consents: lyceumConsents,
      pairs: pairsOrderInput.pairs,
      competition: {
        id: 'np-2023',
        organizationId: 'lyceum-7',
        title: '#Наставник+',
        academicYear: '2023-2024',
        rounds: [
          {
            id: 'card',
            title: 'Визитка',
            date: '2023-10-20',
            criteria: [
              { id: 'experience', title: 'Представление опыта пары', maxScore: 15 },
              { id: 'creativity', title: 'Творческий подход', maxScore: 15 },
            ],
          },
          {
            id: 'fragment',
            title: 'Фрагмент',
            date: '2023-12-15',
            criteria: [{ id: 'lesson', title: 'Фрагмент занятия', maxScore: 30 }],
          },
        ],
        scores: [
          { pairId: 'pair-1', roundId: 'card', score: 27, recordedAt: '2023-10-20' },
          { pairId: 'pair-2', roundId: 'card', score: 29, recordedAt: '2023-10-20' },
          { pairId: 'pair-1', roundId: 'fragment', score: 25.5, recordedAt: '2023-12-15' },
          { pairId: 'pair-2', roundId: 'fragment', score: 26, recordedAt: '2023-12-15' },
        ],
      },
    }),
    'regulation-003': buildRegulation({
      organization: rassvet,
      audience: 'teachers',
      options: { approvedBy: { number: '5/1-п.о.д.', date: '2022-02-08' } },
    }),
    'roadmap-001': buildRoadmap({ roadmap: seedRoadmaps.prokopyevsk001 }),
    'roadmap-002': buildRoadmap({ roadmap: seedRoadmaps.dagestanskieOgni002 }),
    'roadmap-003': buildRoadmap({ roadmap: seedRoadmaps.rassvet003, organization: rassvet }),
    'roadmap-004': buildRoadmap({
      roadmap: seedRoadmaps.lyceum7Tikhvin004,
      organization: lyceum7,
      parentOrganization: tikhvinCommittee,
    }),
    'personal-programme': buildPersonalProgramme({
      organization: lyceum7,
      pair: pairsOrderInput.pairs[0] as NonNullable<PairsOrderInput['pairs'][number]>,
      programme,
      people: lyceumPeople,
      consents: lyceumConsents,
      curatorId: 'yakovleva',
      approval: {
        position: 'И.о. директора МОУ «Лицей № 7»',
        name: 'Т.\u00a0Н.\u00a0Нуритдинова',
        date: '«02» октября 2023 г.',
      },
    }),
    'questionnaire-mentee-needs': buildQuestionnaireForm({
      questionnaire: standardQuestionnaire('menteeNeeds'),
      organization: lyceum7,
    }),
    'questionnaire-mentor-potential': buildQuestionnaireForm({
      questionnaire: standardQuestionnaire('mentorPotential'),
      organization: lyceum7,
    }),
    'questionnaire-preference': buildQuestionnaireForm({
      questionnaire: standardQuestionnaire('preference'),
      organization: lyceum7,
    }),
    'questionnaire-interim-feedback': buildQuestionnaireForm({
      questionnaire: standardQuestionnaire('interimFeedback'),
      organization: lyceum7,
    }),
    'questionnaire-final-satisfaction': buildQuestionnaireForm({
      questionnaire: standardQuestionnaire('finalSatisfaction', 'mentor'),
      organization: lyceum7,
    }),
    'consent-adult': buildConsentForm({
      organization: lyceum7,
      operatorAddress: '187556, Ленинградская область, г. Тихвин, 5-й микрорайон, д. 3',
      subject: {
        ...(lyceumPeople[5] as PersonInput),
        address: '187555, Ленинградская область, г. Тихвин, ул. Советская, д. 12, кв. 4',
        identityDocument: {
          kind: 'passport',
          series: '41 08',
          number: '512345',
          issuedAt: '2012-05-17',
          issuedBy: 'ТП УФМС России по Ленинградской обл. в Тихвинском р-не',
        },
      },
      date: '2023-09-04',
    }),
    'consent-minor': buildConsentForm({
      organization: lyceum7,
      operatorAddress: '187556, Ленинградская область, г. Тихвин, 5-й микрорайон, д. 3',
      subject: {
        ...(lyceumPeople[7] as PersonInput),
        address: '187555, Ленинградская область, г. Тихвин, 1-й микрорайон, д. 22, кв. 9',
        identityDocument: {
          kind: 'birthCertificate',
          series: 'II-ВО',
          number: '634512',
          issuedAt: '2009-03-20',
          issuedBy: 'отделом ЗАГС администрации Тихвинского района',
        },
      },
      date: '2023-09-06',
      representative: {
        name: { lastName: 'Соколова', firstName: 'Ирина', middleName: 'Викторовна' },
        address: '187555, Ленинградская область, г. Тихвин, 1-й микрорайон, д. 22, кв. 9',
        identityDocument: {
          kind: 'passport',
          series: '41 05',
          number: '123456',
          issuedAt: '2015-03-02',
          issuedBy: 'ТП УФМС России по Ленинградской обл. в Тихвинском р-не',
        },
        authorityDocument: 'свидетельство о рождении II-ВО № 634512 от 20.03.2009',
      },
      validUntil: '2024-05-31',
    }),
    'consent-blank-minor': buildConsentForm({ organization: lyceum7, date: '2023-09-01', minor: true }),
    'consent-dissemination': buildDisseminationConsentForm({
      organization: lyceum7,
      operatorAddress: '187556, Ленинградская область, г. Тихвин, 5-й микрорайон, д. 3',
      subject: lyceumPeople[5] as PersonInput,
      date: '2023-09-04',
      resources: [
        'официальный сайт https://lyceum7-tikhvin.ru',
        'официальная группа https://vk.com/lyceum7tikhvin',
      ],
      permissions: [
        { item: 'name', allowed: true, unlimited: true },
        { item: 'results', allowed: true, unlimited: true },
        { item: 'photo', allowed: true, conditions: 'только групповые фотографии с мероприятий программы' },
      ],
      contact: 'belov@lyceum7-tikhvin.ru',
    }),
    'report-monitoring': buildMonitoringReport({
      ...reportInput,
      date: '2024-01-20',
      period: { start: '2023-09-01', end: '2023-12-31' },
    }),
    'report-final': buildFinalReport(reportInput),
    'press-release': buildPressRelease({
      organization: lyceum7,
      date: '2024-03-20',
      headline: 'Ярмарка методических идей: наставники Лицея № 7 поделились опытом',
      lead: 'В МОУ «Лицей № 7» прошла Ярмарка методических идей в рамках районного семинара по наставничеству.',
      paragraphs: [
        'Наставнические пары представили результаты работы за полугодие: открытые уроки, проекты и кейсы для банка лучших практик.',
      ],
      mentions: [
        { personId: 'belov', role: 'mentor', text: 'провёл мастер-класс по проектной деятельности.' },
        { personId: 'pupil-orlova', role: 'mentor', text: 'рассказала о работе группы «ученик – ученик».' },
      ],
      people: lyceumPeople,
      consents: lyceumConsents,
    }),
  };
}
