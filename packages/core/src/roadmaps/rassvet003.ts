import type { Roadmap } from '../roadmap';
import { activity, roadmapId } from './_build';

const TITLE =
  'Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических работников МКОУ «Рассветовская СОШ»';
const THROUGHOUT = 'в течение всего периода реализации модели наставничества';
const DIRECTOR = 'директор ОУ Пономарева О.В.';
const DEPUTY = 'заместитель директора по УВР Жаксимбаева Л.В.';
// The source prints the mentors after «наставники:» in one cell; the cell is split at commas as printed.
const MENTORS = [
  'наставники: учитель начальных классов Пронина Т.Н.',
  'учитель начальных классов Зенькова О.В.',
  'учитель математики Тимофеева Е.В.',
];

/**
 * Seed 003: annex 2 to the order of МКОУ «Рассветовская СОШ» of 08.02.2022
 * № 5/1-п.о.д. — the school roadmap (plan of activities) implementing its
 * Regulation on the mentoring system for teachers: 11 rows, each a stage
 * («Наименование этапа», kept as the activity title) with its content,
 * due and responsible officials (printed by name in the source).
 *
 * The order starts the work on 1 February 2022 and the last row drafts the
 * roadmap for 2022-2023, so this one runs in the academic year 2021-2022,
 * from February: `period` is 1 February – 31 August 2022.
 *
 * @category Roadmaps
 * @example
 * import { rassvet003, resolveDue } from '@nastavnik/core';
 * const completion = rassvet003.sections[0]!.activities[9]!; // «май-июнь»
 * resolveDue(completion.due, rassvet003.period!); // [{ start: '2022-05-01', end: '2022-06-30' }]
 */
export const rassvet003: Roadmap = {
  id: roadmapId('seed-003-rassvet'),
  title: TITLE,
  level: 'school',
  academicYear: '2021-2022',
  period: { start: '2022-02-01', end: '2022-08-31' },
  approvedBy: {
    act: 'приказ МКОУ «Рассветовская СОШ» (Приложение 2)',
    number: '5/1-п.о.д.',
    date: '2022-02-08',
  },
  columns: [
    { key: 'number', header: '№ п/п' },
    { key: 'stage', header: 'Наименование этапа' },
    { key: 'content', header: 'Содержание деятельности и план мероприятий' },
    { key: 'due', header: 'Сроки' },
    { key: 'responsible', header: 'Ответственный' },
  ],
  sections: [
    {
      number: '',
      title: TITLE,
      activities: [
        activity({
          id: '1',
          number: '1',
          title: 'Подготовка условий для реализации системы наставничества',
          content:
            'Подготовка и принятие локальных нормативных правовых актов образовательной организации: – приказ «Об утверждении Положения о системе наставничества педагогических работников в образовательной организации» - Положение о системе наставничества педагогических работников в образовательной организации – Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических работников в образовательной организации – приказ о закреплении наставнических пар/групп с письменного согласия их участников на возложение на них дополнительных обязанностей, связанных с наставнической деятельностью – подготовка персонализированных программ наставничества – при наличии в организации наставляемых',
          dueText: 'февраль',
          responsible: [DIRECTOR],
          deliverables: ['introduceOrder', 'regulation', 'roadmap', 'pairsOrder', 'personalProgrammes'],
          stage: 'preparation',
        }),
        activity({
          id: '2',
          number: '2',
          title: 'Формирование банка наставляемых из числа педагогов и административного персонала ОУ',
          content:
            '1) Сбор информации о профессиональных запросах педагогов 2) Формирование банка данных наставляемых, обеспечение согласий на сбор и обработку персональных данных',
          dueText: 'февраль',
          responsible: [DEPUTY],
          deliverables: ['surveyResults', 'menteeRegistry', 'consents'],
          stage: 'menteeBase',
        }),
        activity({
          id: '3',
          number: '3',
          title: 'Формирование банка наставников из числа педагогов административного персонала ОУ',
          content:
            '1) Проведение анкетирования среди потенциальных наставников в образовательной организации, желающих принять участие в персонализированных программах наставничества 2) Формирование банка данных наставников, обеспечение согласий на сбор и обработку персональных данных',
          dueText: THROUGHOUT,
          responsible: [DEPUTY],
          deliverables: ['surveyResults', 'mentorRegistry', 'consents'],
          stage: 'mentorBase',
        }),
        activity({
          id: '4',
          number: '4',
          title:
            'Организация обучения педагогических работников, наставников, в том числе с применением дистанционных образовательных технологий',
          content:
            '1) Анализ банка наставников и выбор подходящих для конкретной персонализированной программы наставничества педагога/группы педагогов 2) Обучение наставников для работы с наставляемыми: - подготовка методических материалов для сопровождения наставнической деятельности; - проведение консультаций, организация обмена опытом среди наставников – «установочные сессии» наставников',
          dueText: 'по отдельному графику',
          responsible: [DEPUTY],
          deliverables: ['methodicalMaterials', 'trainingCompleted'],
          stage: 'mentorTraining',
        }),
        activity({
          id: '5',
          number: '5',
          title: 'Формирование наставнических пар / групп',
          content: 'Организация общей встречи потенциальных наставников и наставляемых',
          dueText: 'февраль',
          responsible: [DEPUTY],
          deliverables: ['event'],
          stage: 'pairFormation',
        }),
        activity({
          id: '6',
          number: '6',
          title: 'Организация и осуществление работы наставнических пар / групп',
          content:
            '1) Разработка персонализированных программ наставничества для каждой пары/группы 2) Организация психолого-педагогической поддержки сопровождения наставляемых, не сформировавших пару или группу (при необходимости), продолжение поиска наставника/наставников',
          dueText: THROUGHOUT,
          responsible: [DEPUTY],
          deliverables: ['personalProgrammes'],
          stage: 'pairFormation',
        }),
        activity({
          id: '7',
          number: '7',
          title: 'Проведение первых организационных встреч внутри наставнической пары / группы',
          content: 'Разработка индивидуальных планов внутри каждой наставнической пары / группы',
          dueText: 'февраль',
          responsible: [DEPUTY],
          deliverables: ['personalProgrammes'],
          stage: 'pairFormation',
        }),
        activity({
          id: '8',
          number: '8',
          title: 'Утверждение индивидуальных планов',
          content: 'Издание приказа по образовательной организации об утверждении индивидуальных планов',
          dueText: 'февраль',
          responsible: [DIRECTOR],
          deliverables: ['plansOrder'],
          stage: 'pairFormation',
        }),
        activity({
          id: '9',
          number: '9',
          title: 'Реализация индивидуальных планов',
          content: 'Проведение мероприятий, направленных на реализацию индивидуальных планов',
          dueText: THROUGHOUT,
          responsible: [DEPUTY, ...MENTORS],
          deliverables: [],
          stage: 'pairWork',
        }),
        activity({
          id: '10',
          number: '10',
          title: 'Завершение персонализированных программ наставничества',
          content:
            '1) Проведение мониторинга качества реализации персонализированных программ наставничества (анкетирование) 2) Проведение школьной конференции или семинара 3) Проведение итогового мероприятия (круглого стола) по выявлению лучших практик наставничества; пополнение методической копилки педагогических практик наставничества; 4) Разработка дорожной карты на 2022-2023 учебный год',
          dueText: 'май-июнь',
          responsible: [DIRECTOR, DEPUTY, ...MENTORS],
          deliverables: ['surveyResults', 'monitoringReport', 'event', 'practiceBank', 'roadmap'],
          stage: 'completion',
        }),
        activity({
          id: '11',
          number: '11',
          title: 'Информационная поддержка системы наставничества',
          content:
            'Освещение мероприятий Дорожной карты на сайте образовательной организации и социальных сетях, по возможности на муниципальном и региональном уровнях',
          dueText: THROUGHOUT,
          responsible: ['заместитель директора по ВР Тимофеева Е.В.'],
          deliverables: ['publication'],
          stage: 'preparation',
        }),
      ],
    },
  ],
};
