import type { Roadmap } from '../roadmap';
import { activity, roadmapId } from './_build';

const MCMN = 'Муниципальной целевой модели наставничества педагогических работников и обучающихся';
const UO_OU = ['УО', 'ОУ'];
const ORDER_INTRODUCE =
  'Приказ о внедрении МЦМН педагогических работников и обучающихся в образовательных организациях города Дагестанские Огни';

/**
 * Seed 002: annex 2 to the order of МКУ «Управление образования» of the
 * urban district «город Дагестанские Огни» of 20.01.2023 № 05 — the plan of
 * activities (roadmap) for introducing the municipal target model of
 * mentorship in 2023: five sections, 23 activities (one of them unnumbered,
 * under 2.1, with id `2.1a`).
 *
 * Cells broken across a page in the source are joined (1.3, 4.2.); numbers
 * are kept as printed («4.2.», «5.2»).
 *
 * @category Roadmaps
 * @example
 * import { dagestanskieOgni002, dueDeadline } from '@nastavnik/core';
 * const a15 = dagestanskieOgni002.sections[0]!.activities[4]!; // «до 30 января 2023 г.»
 * dueDeadline(a15.due, dagestanskieOgni002.period!); // '2023-01-30'
 */
export const dagestanskieOgni002: Roadmap = {
  id: roadmapId('seed-002-dagestanskie-ogni'),
  title: `План мероприятий (дорожная карта) внедрения ${MCMN} образовательных учреждений города Дагестанские Огни на 2023 год`,
  level: 'municipality',
  period: { start: '2023-01-01', end: '2023-12-31' },
  approvedBy: {
    act: 'приказ МКУ «Управление образования» городского округа «город Дагестанские Огни» (Приложение 2)',
    number: '05',
    date: '2023-01-20',
  },
  columns: [
    { key: 'number', header: '№ п/п' },
    { key: 'activity', header: 'Наименование мероприятий' },
    { key: 'due', header: 'Срок реализации' },
    { key: 'responsible', header: 'Исполнители' },
    { key: 'result', header: 'Результат, вид документа' },
  ],
  sections: [
    {
      number: '1',
      title: `Нормативно-правовое регулирование внедрения ${MCMN} образовательных учреждений города Дагестанские Огни`,
      activities: [
        activity({
          id: '1.1',
          number: '1.1',
          title: `Издание распорядительного акта о внедрении ${MCMN} в образовательных учреждениях города Дагестанские Огни (далее МЦМН)`,
          dueText: 'январь 2023 г.',
          responsible: ['УО'],
          result: ORDER_INTRODUCE,
          deliverables: ['introduceOrder'],
          stage: 'preparation',
        }),
        activity({
          id: '1.2',
          number: '1.2',
          title: 'Утверждение Положения о МЦМН',
          dueText: 'январь 2023 г.',
          responsible: ['УО'],
          result: `${ORDER_INTRODUCE}, Положение`,
          deliverables: ['introduceOrder', 'regulation'],
          stage: 'preparation',
        }),
        activity({
          id: '1.3',
          number: '1.3',
          title:
            'Утверждение муниципальной дорожной карты внедрения МЦМН педагогических работников и обучающихся в образовательных учреждениях города Дагестанские Огни',
          dueText: 'январь 2023 г.',
          responsible: ['УО'],
          result: `${ORDER_INTRODUCE}, муниципальная дорожная карта`,
          deliverables: ['introduceOrder', 'roadmap'],
          stage: 'preparation',
        }),
        activity({
          id: '1.4',
          number: '1.4',
          title:
            'Подготовка пакета нормативных актов по внедрению МЦМН педагогических работников и обучающихся в муниципальных образовательных учреждениях города Дагестанские Огни',
          dueText: 'январь 2023 г.',
          responsible: ['УО'],
          result:
            'База макетов нормативных документов образовательных учреждений для запуска Модели наставничества',
          deliverables: ['methodicalMaterials'],
          stage: 'preparation',
        }),
        activity({
          id: '1.5',
          number: '1.5',
          title:
            'Разработка и утверждение распорядительных актов образовательных учреждений о внедрении МЦМН в образовательном учреждении',
          dueText: 'до 30 января 2023 г.',
          responsible: ['ОУ'],
          result: 'Утвержденные распорядительные акты',
          deliverables: ['introduceOrder'],
          stage: 'preparation',
        }),
        activity({
          id: '1.6',
          number: '1.6',
          title: 'Назначение кураторов внедрения целевой модели наставничества в ОУ',
          dueText: 'январь 2023 г.',
          responsible: ['ОУ'],
          result: 'Приказы о назначении кураторов в ОУ',
          deliverables: ['curatorOrder'],
          stage: 'preparation',
        }),
        activity({
          id: '1.7',
          number: '1.7',
          title:
            'Разработка «Положения о системе наставничества педагогических работников и обучающихся в образовательном учреждении», Дорожной карты',
          dueText: 'до 30 января 2023 г.',
          responsible: ['ОУ'],
          result: 'Положения и дорожные карты в ОУ.',
          deliverables: ['regulation', 'roadmap'],
          stage: 'preparation',
        }),
      ],
    },
    {
      number: '2',
      title:
        'Организационная, методическая, консультационная, информационная и просветительская поддержка участников внедрения Целевой модели наставничества',
      activities: [
        activity({
          id: '2.1',
          number: '2.1',
          title: 'Проведение семинаров для кураторов внедрения Целевой модели наставничества',
          dueText: 'По необходимости',
          responsible: UO_OU,
          result: 'Проведение семинаров',
          deliverables: ['event'],
          stage: 'preparation',
        }),
        // Unnumbered in the source, printed right under 2.1.
        activity({
          id: '2.1a',
          number: '',
          title: 'Проведение публичных мероприятий для популяризации практик наставничества',
          dueText: 'В течение года',
          responsible: UO_OU,
          result: 'Проведение семинаров',
          deliverables: ['event'],
          stage: 'completion',
        }),
        activity({
          id: '2.2',
          number: '2.2',
          title:
            'Формирование и актуализация муниципальной базы кураторов внедрения Целевой модели наставничества в образовательных учреждениях (далее – кураторы внедрения Целевой модели наставничества)',
          dueText: 'В течение всего периода реализации Целевой модели наставничества',
          responsible: UO_OU,
          result: 'Муниципальная база кураторов',
          deliverables: ['curatorRegistry'],
          stage: 'preparation',
        }),
        activity({
          id: '2.3',
          number: '2.3',
          title: 'Формирование единой муниципальной базы наставников',
          dueText: 'В течение всего периода реализации целевой модели наставничества',
          responsible: UO_OU,
          result: 'Актуальный муниципальный реестр наставников, имеющих положительный опыт работы/реализации',
          deliverables: ['mentorRegistry'],
          stage: 'mentorBase',
        }),
      ],
    },
    {
      number: '3',
      title: 'Внедрение Целевой модели наставничества в образовательных учреждениях',
      activities: [
        activity({
          id: '3.1',
          number: '3.1',
          title: 'Формирование базы наставляемых в 2023 г.',
          dueText: 'до 05 февраля 2023 г.',
          responsible: ['ОУ'],
          result: 'База наставляемых с перечнем запросов',
          deliverables: ['menteeRegistry'],
          stage: 'menteeBase',
        }),
        activity({
          id: '3.2',
          number: '3.2',
          title:
            'Формирование базы наставников в 2023 г. (отбор из числа потенциальных наставников в соответствии с сформированным перечнем запросов)',
          dueText: 'до 10 февраля 2023 г.',
          responsible: ['ОУ'],
          result: 'База наставником с перечнем компетенций',
          deliverables: ['mentorRegistry'],
          stage: 'mentorBase',
        }),
        activity({
          id: '3.3',
          number: '3.3',
          title: 'Обучение наставников',
          dueText: 'по плану ДИРО',
          responsible: ['ДИРО', 'ОУ'],
          result: 'Проведенные методические семинары и др. по запросам наставников',
          deliverables: ['trainingCompleted'],
          stage: 'mentorTraining',
        }),
        activity({
          id: '3.4',
          number: '3.4',
          title: 'Формирование наставнических пар или групп',
          dueText: 'в течение года',
          responsible: ['ОУ'],
          result: 'Приказ о закреплении наставнических пар',
          deliverables: ['pairsOrder'],
          stage: 'pairFormation',
        }),
        activity({
          id: '3.5',
          number: '3.5',
          title:
            'Организация работы наставнических пар или групп, формирование и реализация индивидуального образовательного маршрута, индивидуальной образовательной траектории.',
          dueText: 'в соответствии со сроками реализации программ наставничества',
          responsible: ['ОУ'],
          result: 'Реализация программ наставничества',
          deliverables: ['personalProgrammes'],
          stage: 'pairWork',
        }),
      ],
    },
    {
      number: '4',
      title:
        'Содействие распространению и внедрению лучших наставнических практик, различных форм и ролевых моделей для обучающихся, педагогов и молодых специалистов города Дагестанские Огни',
      activities: [
        activity({
          id: '4.1',
          number: '4.1',
          title:
            'Создание специальных рубрик в социальных сетях, на официальных сайтах образовательных учреждений',
          dueText: 'до 30. 01.2023 г.',
          responsible: UO_OU,
          result: 'Поддержка программ наставничества посредством интернет-сайтов и сообществ',
          deliverables: ['publication'],
          stage: 'preparation',
        }),
        activity({
          id: '4.2',
          number: '4.2.',
          title:
            'Размещение информации о реализации Целевой модели наставничества на информационных ресурсах учреждений',
          dueText: 'Постоянно',
          responsible: UO_OU,
          result:
            'Размещенные материалы о реализации Целевой модели наставничества на информационных ресурсах образовательных учреждений',
          deliverables: ['publication'],
          stage: 'preparation',
        }),
        activity({
          id: '4.3',
          number: '4.3.',
          title:
            'Публикация лучших практик наставничества на официальном сайте Центра в разделе «Целевая модель наставничества»',
          dueText: 'в течение года',
          responsible: UO_OU,
          result: 'Размещение материалов на сайте УО, ОУ',
          deliverables: ['practiceBank', 'publication'],
          stage: 'completion',
        }),
      ],
    },
    {
      number: '5',
      title: 'Мониторинг и оценка результатов внедрения Целевой модели наставничества',
      activities: [
        activity({
          id: '5.1',
          number: '5.1.',
          title: 'Организация персонализированного учета наставников и наставляемых',
          dueText: 'январь— декабрь 2023 г.',
          responsible: ['кураторы внедрения целевой модели наставничества (УО, ОУ)'],
          result:
            'Сформированы первичные данные для проведения оценки вовлеченности учителей и обучающихся в различные формы наставничества',
          deliverables: ['monitoringReport'],
          stage: 'pairWork',
        }),
        activity({
          id: '5.2',
          number: '5.2',
          title:
            'Проведение внутреннего мониторинга образовательных организаций по реализации и эффективности программ наставничества',
          dueText: 'март – декабрь 2023 г.',
          responsible: ['Кураторы внедрения целевой модели наставничества (ОУ)'],
          result:
            'Аналитические данные предоставляются кураторами муниципального координатору внедрения Целевой модели наставничества',
          deliverables: ['monitoringReport'],
          stage: 'pairWork',
        }),
        activity({
          id: '5.3',
          number: '5.3.',
          title:
            'Проведение Муниципального мониторинга состояния внедрения и реализации Целевой модели наставничества в образовательных учреждениях города Дагестанские Огни',
          dueText: 'Март 2023г.',
          responsible: ['Кураторы внедрения целевой модели наставничества (ОУ)', 'УО'],
          result:
            'Аналитические данные предоставляются кураторами муниципального координатору внедрения Целевой модели наставничества',
          deliverables: ['monitoringReport'],
          stage: 'pairWork',
        }),
        activity({
          id: '5.4',
          number: '5.4.',
          title:
            'Анализ результатов Муниципального мониторинга состояния внедрения и реализации целевой модели наставничества в образовательных учреждениях города Дагестанские Огни',
          dueText: 'апрель 2023 г.',
          responsible: ['Кураторы внедрения целевой модели наставничества (ОУ)', 'УО'],
          result: 'Аналитическая справка',
          deliverables: ['monitoringReport'],
          stage: 'completion',
        }),
      ],
    },
  ],
};
