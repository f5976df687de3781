import { readFileSync } from 'node:fs';
import {
  ProgrammeStageSchema,
  parse,
  parseDue,
  type Roadmap,
  RoadmapSchema,
  resolveDue,
  roadmapActivities,
} from '@nastavnik/core';
import {
  dagestanskieOgni002,
  lyceum7Tikhvin004,
  prokopyevsk001,
  rassvet003,
  type SeedRoadmapName,
  seedRoadmaps,
} from '@nastavnik/core/roadmaps';
import { describe, expect, it } from 'vitest';

/** The seed documents, copied verbatim from shared/seeds. */
const SEED_FILES: Record<SeedRoadmapName, string> = {
  prokopyevsk001: '001_2098aa702197b24e.txt',
  dagestanskieOgni002: '002_75888b620fad29fb.txt',
  rassvet003: '003_37dff12010c45986.txt',
  lyceum7Tikhvin004: '004_9dfb072b166e2c51.txt',
};

const squash = (s: string) =>
  s
    .replace(/<\/?p>|\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const seedText = (name: SeedRoadmapName) =>
  squash(readFileSync(new URL(`./__fixtures__/${SEED_FILES[name]}`, import.meta.url), 'utf8'));

/**
 * Cells the source breaks across a page: each listed fragment must appear in
 * the seed instead of the joined text.
 */
const PAGE_BREAKS: Record<string, string[]> = {
  'prokopyevsk001 6.6 result': [
    'Обратная связь от наставника и наставляемых, их анализ: Результаты анкетирования наставляемых; мониторинг',
    'эффективности ПН.',
  ],
  'dagestanskieOgni002 1.3 title': [
    'Утверждение муниципальной дорожной карты внедрения МЦМН педагогических',
    'работников и обучающихся в образовательных учреждениях города Дагестанские Огни',
  ],
  'dagestanskieOgni002 1.3 result': [
    'Приказ о внедрении МЦМН педагогических работников и обучающихся',
    'обучающихся в образовательных организациях города Дагестанские Огни, муниципальная дорожная карта',
  ],
  'dagestanskieOgni002 4.2 title': [
    'Размещение информации о реализации Целевой модели наставничества на',
    'информационных ресурсах учреждений',
  ],
  'dagestanskieOgni002 4.2 result': [
    'Размещенные материалы о реализации Целевой модели',
    'наставничества на информационных ресурсах образовательных учреждений',
  ],
  'rassvet003 10 content': [
    '1) Проведение мониторинга качества реализации персонализированных программ наставничества (анкетирование)',
    '2) Проведение школьной конференции или семинара 3) Проведение итогового мероприятия (круглого стола) по выявлению лучших практик наставничества; пополнение методической копилки педагогических практик наставничества; 4) Разработка дорожной карты на 2022-2023 учебный год',
  ],
  'rassvet003 10 responsible': ['заместитель директора по УВР', 'Жаксимбаева Л.В.'],
};

const names = Object.keys(seedRoadmaps) as SeedRoadmapName[];

describe('seed roadmaps', () => {
  it('exports the four roadmaps by name and in the record', () => {
    expect(names).toEqual(['prokopyevsk001', 'dagestanskieOgni002', 'rassvet003', 'lyceum7Tikhvin004']);
    expect(seedRoadmaps.prokopyevsk001).toBe(prokopyevsk001);
    expect(seedRoadmaps.dagestanskieOgni002).toBe(dagestanskieOgni002);
    expect(seedRoadmaps.rassvet003).toBe(rassvet003);
    expect(seedRoadmaps.lyceum7Tikhvin004).toBe(lyceum7Tikhvin004);
  });

  it.each(names)('%s validates with RoadmapSchema unchanged, with unique activity ids', (name) => {
    const rm = seedRoadmaps[name];
    expect(parse(RoadmapSchema, rm)).toEqual(rm);
    const ids = roadmapActivities(rm).map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['prokopyevsk001', [7, 6, 2, 3, 4, 9, 8]],
    ['dagestanskieOgni002', [7, 4, 5, 3, 4]],
    ['rassvet003', [11]],
    ['lyceum7Tikhvin004', [1, 4, 1, 4, 1, 4]],
  ] satisfies Array<[SeedRoadmapName, number[]]>)(
    '%s has the seed’s activities per section',
    (name, counts) => {
      expect(seedRoadmaps[name].sections.map((s) => s.activities.length)).toEqual(counts);
    },
  );

  it.each([
    ['prokopyevsk001', ['Этап, мероприятия этапа', 'Длительность этапа', 'Ответственные', 'Результат']],
    [
      'dagestanskieOgni002',
      ['№ п/п', 'Наименование мероприятий', 'Срок реализации', 'Исполнители', 'Результат, вид документа'],
    ],
    [
      'rassvet003',
      ['№ п/п', 'Наименование этапа', 'Содержание деятельности и план мероприятий', 'Сроки', 'Ответственный'],
    ],
    [
      'lyceum7Tikhvin004',
      ['№', 'Наименования этапа', 'Мероприятия', 'Содержание деятельности', 'Сроки', 'Ответственные'],
    ],
  ] satisfies Array<[SeedRoadmapName, string[]]>)('%s keeps the seed’s table headers', (name, headers) => {
    const rm = seedRoadmaps[name];
    expect(rm.columns.map((c) => c.header)).toEqual(headers);
    expect(seedText(name)).toContain(headers.join(' '));
  });

  it('records the approving acts, periods and the compiler', () => {
    expect(dagestanskieOgni002.approvedBy).toMatchObject({ number: '05', date: '2023-01-20' });
    expect(dagestanskieOgni002.approvedBy?.act).toMatch(/^приказ МКУ «Управление образования»/);
    expect(dagestanskieOgni002.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(rassvet003.approvedBy).toMatchObject({ number: '5/1-п.о.д.', date: '2022-02-08' });
    expect(rassvet003.academicYear).toBe('2021-2022');
    expect(lyceum7Tikhvin004.approvedBy).toMatchObject({ number: '348-р', date: '2023-08-31' });
    expect(lyceum7Tikhvin004.approvedBy?.act).toMatch(/^распоряжение/);
    expect(lyceum7Tikhvin004.academicYear).toBe('2023-2024');
    expect(prokopyevsk001.compiledBy).toMatch(/^Трусевич М\.В\. - методист/);
    expect(prokopyevsk001.approvedBy).toBeUndefined();
    expect(prokopyevsk001.level).toBe('municipality');
    expect(rassvet003.level).toBe('school');
  });

  it.each(names)('%s: every printed text of the fixture is in the seed document', (name) => {
    const seed = seedText(name);
    const rm: Roadmap = seedRoadmaps[name];
    const missing: string[] = [];
    const check = (key: string, text: string | undefined) => {
      if (text === undefined || text === '') return;
      const fragments = PAGE_BREAKS[`${name} ${key}`] ?? text.split('\n');
      for (const f of fragments) if (!seed.includes(squash(f))) missing.push(`${key}: ${f}`);
    };
    check('title', rm.title);
    check('compiledBy', rm.compiledBy);
    for (const s of rm.sections) {
      check(`section ${s.number} title`, s.title);
      check(`section ${s.number} task`, s.task);
      for (const a of s.activities) {
        if (a.number !== '') expect(seed).toContain(a.number);
        check(`${a.id} title`, a.title);
        check(`${a.id} content`, a.content);
        check(`${a.id} dueText`, a.dueText);
        check(`${a.id} result`, a.result);
        if (PAGE_BREAKS[`${name} ${a.id} responsible`])
          check(`${a.id} responsible`, a.responsible.join(', '));
        else for (const r of a.responsible) check(`${a.id} responsible`, r);
      }
    }
    expect(missing).toEqual([]);
  });

  it('maps the sections of 001 and the rows of 004 onto the seven stages in order', () => {
    const sectionStages = (rm: Roadmap) =>
      rm.sections.map((s) => [...new Set(s.activities.map((a) => a.stage))]);
    expect(sectionStages(prokopyevsk001)).toEqual(ProgrammeStageSchema.options.map((s) => [s]));
    expect(sectionStages(lyceum7Tikhvin004)).toEqual(
      ProgrammeStageSchema.options.filter((s) => s !== 'preparation').map((s) => [s]),
    );
    for (const rm of Object.values(seedRoadmaps)) {
      const stages = new Set(roadmapActivities(rm).map((a) => a.stage));
      expect(stages.has('preparation') || rm === lyceum7Tikhvin004).toBe(true);
      expect(stages.has('completion')).toBe(true);
    }
  });
});

describe('sample activities against the seed text', () => {
  const find = (rm: Roadmap, id: string) => {
    const a = roadmapActivities(rm).find((x) => x.id === id);
    if (!a) throw new Error(`no activity ${id}`);
    return a;
  };

  it('001 6.5: the School of the Young Teacher', () => {
    expect(find(prokopyevsk001, '6.5')).toEqual({
      id: '6.5',
      number: '6.5',
      title: 'Организация и планирование занятий Школы молодого учителя (ШМУ)',
      dueText: 'Сентябрь; занятия ШМУ проводятся не реже одного раза в месяц.',
      due: {
        kind: 'all',
        parts: [
          { kind: 'period', from: { month: 9 }, to: { month: 9 } },
          { kind: 'recurring', times: 1, per: 'month', atLeast: true },
        ],
      },
      responsible: ['Деятельность муниципального куратора'],
      result: 'Изучение образовательного запроса наставляемых. Планирование. План занятий ШМУ на 3 года.',
      deliverables: ['trainingPlan'],
      stage: 'pairWork',
    });
  });

  it('001 4.1 has an empty due; 5.4 recurs twice a year', () => {
    expect(find(prokopyevsk001, '4.1')).toMatchObject({ dueText: '', due: { kind: 'unspecified' } });
    expect(resolveDue(find(prokopyevsk001, '5.4').due, { academicYear: '2023-2024' })).toHaveLength(2);
    expect(find(prokopyevsk001, '1.summary')).toMatchObject({
      number: '',
      responsible: [],
      stage: 'preparation',
    });
  });

  it('002: the unnumbered activity under 2.1, and 4.1 with its odd date', () => {
    const sec2 = dagestanskieOgni002.sections[1]!;
    expect(sec2.activities.map((a) => a.number)).toEqual(['2.1', '', '2.2', '2.3']);
    expect(find(dagestanskieOgni002, '2.1a')).toMatchObject({
      number: '',
      title: 'Проведение публичных мероприятий для популяризации практик наставничества',
      dueText: 'В течение года',
      due: { kind: 'throughout', scope: 'year' },
      responsible: ['УО', 'ОУ'],
      result: 'Проведение семинаров',
    });
    expect(find(dagestanskieOgni002, '4.1')).toMatchObject({
      dueText: 'до 30. 01.2023 г.',
      due: { kind: 'deadline', date: '2023-01-30' },
    });
    expect(find(dagestanskieOgni002, '3.3')).toMatchObject({
      due: { kind: 'bySchedule', schedule: 'по плану ДИРО' },
      responsible: ['ДИРО', 'ОУ'],
      stage: 'mentorTraining',
    });
  });

  it('003 row 9: individual plans carried out by the deputy head and the mentors', () => {
    expect(find(rassvet003, '9')).toMatchObject({
      number: '9',
      title: 'Реализация индивидуальных планов',
      content: 'Проведение мероприятий, направленных на реализацию индивидуальных планов',
      dueText: 'в течение всего периода реализации модели наставничества',
      due: { kind: 'throughout', scope: 'programme' },
      responsible: [
        'заместитель директора по УВР Жаксимбаева Л.В.',
        'наставники: учитель начальных классов Пронина Т.Н.',
        'учитель начальных классов Зенькова О.В.',
        'учитель математики Тимофеева Е.В.',
      ],
      stage: 'pairWork',
    });
    expect(find(rassvet003, '8').deliverables).toEqual(['plansOrder']);
  });

  it('004 row 4: four sub-activities with their own dues and responsible persons', () => {
    const row4 = lyceum7Tikhvin004.sections[3]!;
    expect(row4.number).toBe('4.');
    expect(row4.title).toBe('Формирование наставнических пар/групп');
    expect(row4.activities.map((a) => [a.dueText, a.responsible])).toEqual([
      [
        'Сентябрь 2023 г. Октябрь 2023 г.',
        ['Заместители директора', 'кураторы целевой модели наставничества'],
      ],
      ['Сентябрь 2023 г.', ['директор', 'заместители директора']],
      ['Сентябрь 2023 г.', ['Наставники']],
      ['Сентябрь 2023 г.', ['Педагог - психолог']],
    ]);
    expect(row4.activities[1]!.deliverables).toContain('pairsOrder');
    expect(row4.activities[0]!.due).toEqual(parseDue('Сентябрь 2023 г. Октябрь 2023 г.'));
  });

  it('004: training is dated August 2023, before the academic year it serves', () => {
    const training = find(lyceum7Tikhvin004, '3.1');
    expect(resolveDue(training.due, { academicYear: '2023-2024' })).toEqual([
      { start: '2023-08-01', end: '2023-08-31' },
    ]);
  });
});
