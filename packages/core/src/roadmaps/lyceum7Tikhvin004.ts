import type { Roadmap } from '../roadmap';
import { activity, roadmapId } from './_build';

const CURATORS = 'кураторы целевой модели наставничества';
const CURATOR = 'куратор целевой модели наставничества';
const DEPUTIES = 'Заместители директора';
const SEPT = 'Сентябрь 2023 г.';
const MARCH = 'Март 2024 г.';
const ROW2_EVENTS = 'Формирование базы наставляемых Сбор данных о наставниках';
const ROW4_EVENTS = 'Отбор наставников и наставляемых Закрепление наставнических пар/групп';
const ROW6_EVENTS = 'Отчеты по итогам наставнической программы Мотивация и поощрение наставников';

/**
 * Seed 004: the annex to the directive of МОУ «Лицей № 7» (Tikhvin) of
 * 31.08.2023 № 348-р — the roadmap of the target model of mentorship for the
 * academic year 2023-2024: six stages, 15 activities.
 *
 * In this table «№» and «Наименования этапа» number and name the stage, so
 * they are the sections, and the activities have no number of their own.
 * Where one row lists several sub-activities with their own dues and
 * responsible persons (rows 2, 4 and 6), each is a separate activity with
 * its part of «Содержание деятельности»; «Мероприятия» is kept verbatim as
 * the title (including the stray «Формирование базы наставляемых» of row 2).
 * Row 6 prints three dues for four sentences: the monitoring of impact and
 * the final event share the third.
 *
 * @category Roadmaps
 * @example
 * import { lyceum7Tikhvin004, isOverdue } from '@nastavnik/core';
 * const base = lyceum7Tikhvin004.sections[0]!.activities[0]!; // «Сентябрь 2023 г.»
 * isOverdue(base.due, { academicYear: '2023-2024' }, '2023-10-02'); // true
 */
export const lyceum7Tikhvin004: Roadmap = {
  id: roadmapId('seed-004-lyceum7-tikhvin'),
  title: '«Дорожная карта» Реализация целевой модели наставничества в МОУ «Лицей № 7» 2023-2024 учебный год',
  level: 'school',
  academicYear: '2023-2024',
  approvedBy: { act: 'распоряжение МОУ «Лицей № 7» (Приложение)', number: '348-р', date: '2023-08-31' },
  columns: [
    { key: 'number', header: '№' },
    { key: 'stage', header: 'Наименования этапа' },
    { key: 'activity', header: 'Мероприятия' },
    { key: 'content', header: 'Содержание деятельности' },
    { key: 'due', header: 'Сроки' },
    { key: 'responsible', header: 'Ответственные' },
  ],
  sections: [
    {
      number: '1.',
      title: 'Формирование базы наставляемых',
      activities: [
        activity({
          id: '1.1',
          number: '',
          title: 'Собор данных о наставляемых',
          content: [
            'Проведение анкетирования среди обучающихся/педагогов, желающих принять участие в программе наставничества.',
            'Сбор согласий на обработку персональных данных от совершеннолетних участников программы и согласие от родителей (законных представителей) несовершеннолетних наставляемых.',
            'Сбор дополнительной информации о запросах наставляемых обучающихся от третьих лиц: классный руководитель, психолог, социальный работник, родители.',
            'Сбор дополнительной информации о запросах наставляемых педагогов из личных дел, анализа методической работы, рекомендаций аттестаций, анализа анкет профстандарта.',
            'Формирование базы данных наставляемых из числа педагогов.',
            'Формирование базы данных наставляемых из числа обучающихся.',
          ].join('\n'),
          dueText: SEPT,
          responsible: [DEPUTIES],
          deliverables: ['surveyResults', 'consents', 'menteeRegistry'],
          stage: 'menteeBase',
        }),
      ],
    },
    {
      number: '2.',
      title: 'Формирование базы наставников',
      activities: [
        activity({
          id: '2.1',
          number: '',
          title: ROW2_EVENTS,
          content:
            'Проведение анкетирования среди потенциальных наставников, желающих принять участие в программе наставничества.',
          dueText: SEPT,
          responsible: [CURATORS],
          deliverables: ['surveyResults'],
          stage: 'mentorBase',
        }),
        activity({
          id: '2.2',
          number: '',
          title: ROW2_EVENTS,
          content: 'Сбор согласий на обработку персональных данных.',
          dueText: SEPT,
          responsible: [CURATORS],
          deliverables: ['consents'],
          stage: 'mentorBase',
        }),
        activity({
          id: '2.3',
          number: '',
          title: ROW2_EVENTS,
          content:
            'Проведение мероприятий (круглый стол) для информирования и вовлечения потенциальных наставников.',
          dueText: SEPT,
          responsible: ['директор', 'заместители директора'],
          deliverables: ['event'],
          stage: 'mentorBase',
        }),
        activity({
          id: '2.4',
          number: '',
          title: 'Формирование базы наставников',
          content:
            'Формирование базы данных наставников из числа педагогов. Формирование базы данных наставников из числа обучающихся.',
          dueText: SEPT,
          responsible: [CURATORS],
          deliverables: ['mentorRegistry'],
          stage: 'mentorBase',
        }),
      ],
    },
    {
      number: '3.',
      title: 'Отбор и обучение наставников',
      activities: [
        activity({
          id: '3.1',
          number: '',
          title:
            'Выявление наставников, входящих в базу потенциальных наставников Обучение наставников для работы с наставляемыми',
          content:
            'Провести анализ базы наставников и выбрать подходящих для конкретной программы. Подготовить методические материалы для сопровождения наставнической деятельности. Организовать и провести обучение наставников.',
          dueText: 'Август 2023 г.',
          responsible: [DEPUTIES],
          deliverables: ['methodicalMaterials', 'trainingCompleted'],
          stage: 'mentorTraining',
        }),
      ],
    },
    {
      number: '4.',
      title: 'Формирование наставнических пар/групп',
      activities: [
        activity({
          id: '4.1',
          number: '',
          title: ROW4_EVENTS,
          content:
            'Анализ заполненных анкет потенциальных наставников и сопоставление данных с анкетами наставляемых. Организация групповой встречи наставников и наставляемых. Проведение анкетирования на предмет предпочтительного наставника/наставляемого после завершения групповой встречи. Анализ анкет групповой встречи и соединение наставников и наставляемых в пары/группы.',
          dueText: 'Сентябрь 2023 г. Октябрь 2023 г.',
          responsible: [DEPUTIES, CURATORS],
          deliverables: ['surveyResults', 'event'],
          stage: 'pairFormation',
        }),
        activity({
          id: '4.2',
          number: '',
          title: ROW4_EVENTS,
          content: 'Издание приказа (распоряжения) об утверждении наставнических пар/групп.',
          dueText: SEPT,
          responsible: ['директор', 'заместители директора'],
          deliverables: ['pairsOrder'],
          stage: 'pairFormation',
        }),
        activity({
          id: '4.3',
          number: '',
          title: ROW4_EVENTS,
          content:
            'Создание планов индивидуального развития наставляемых, индивидуальных траектории обучения.',
          dueText: SEPT,
          responsible: ['Наставники'],
          deliverables: ['personalProgrammes'],
          stage: 'pairFormation',
        }),
        activity({
          id: '4.4',
          number: '',
          title: ROW4_EVENTS,
          content:
            'Организация психологического сопровождения наставляемым, не сформировавшим пару или группу (при необходимости), продолжить поиск наставника.',
          dueText: SEPT,
          responsible: ['Педагог - психолог'],
          deliverables: [],
          stage: 'pairFormation',
        }),
      ],
    },
    {
      number: '5.',
      title: 'Организация и осуществление работы наставнических пар/групп',
      activities: [
        activity({
          id: '5.1',
          number: '',
          title: 'Организация комплекса последовательных встреч наставников и наставляемых',
          content:
            'Проведение первой, организационной, встречи наставника и наставляемого. Проведение второй, пробной рабочей, встречи наставника и наставляемого. Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым. Регулярные встречи наставника и наставляемого. Проведение заключительной встречи наставника и наставляемого. Анкетирование. Форма анкет обратной связи для промежуточной оценки.',
          dueText: '2023-2024 учебный год',
          responsible: ['Наставники'],
          deliverables: ['surveyResults'],
          stage: 'pairWork',
        }),
      ],
    },
    {
      number: '6.',
      title: 'Завершение наставничества',
      activities: [
        activity({
          id: '6.1',
          number: '',
          title: ROW6_EVENTS,
          content: 'Проведение мониторинга личной удовлетворенности участием в программе наставничества.',
          dueText: MARCH,
          responsible: [CURATOR],
          deliverables: ['surveyResults', 'monitoringReport'],
          stage: 'completion',
        }),
        activity({
          id: '6.2',
          number: '',
          title: ROW6_EVENTS,
          content: 'Проведение мониторинга качества реализации программы наставничества.',
          dueText: MARCH,
          responsible: [DEPUTIES, CURATOR],
          deliverables: ['monitoringReport'],
          stage: 'completion',
        }),
        activity({
          id: '6.3',
          number: '',
          title: ROW6_EVENTS,
          content:
            'Мониторинг и оценка влияния программ на всех участников. Проведении итогового мероприятия в рамках реализации целевой модели наставничества.',
          dueText: MARCH,
          responsible: [DEPUTIES, CURATOR],
          deliverables: ['monitoringReport', 'event'],
          stage: 'completion',
        }),
        activity({
          id: '6.4',
          number: '',
          title: ROW6_EVENTS,
          content:
            'Публикация результатов программы наставничества, лучших наставников, информации на сайтах школы и организаций партнеров. Проведение Ярмарки методических идей в рамках районного семинара',
          dueText: MARCH,
          responsible: [DEPUTIES, CURATOR],
          deliverables: ['publication', 'event'],
          stage: 'completion',
        }),
      ],
    },
  ],
};
