import type { Roadmap } from '../roadmap';
import { activity, roadmapId } from './_build';

const UO_OU = ['Управление образования', 'ОУ'];
const MUN_AND_OU = ['Деятельность муниципального куратора', 'кураторов ОУ'];
const MUN_AND_IN_OU = ['Деятельность муниципального куратора', 'кураторов в ОУ'];
const MUN = ['Деятельность муниципального куратора'];
const STAGE_SUMMARY =
  'Описание хода реализации этапа и выработка предложений по эффективности достижения цели и задачи этапа.';

/**
 * Seed 001: the roadmap of the programme for mentoring young specialists of
 * the schools of Prokopyevsk municipal district — seven stages, 38 numbered
 * activities and one unnumbered closing row in stage 1, compiled by the
 * municipal curator.
 * The source gives no year; resolve its dues against an academic year.
 *
 * Activity numbers are printed as «1.1.» in the activity cell; they are kept
 * without the separating dot («1.1»). Responsible cells are split at commas
 * as printed («Деятельность муниципального куратора, кураторов ОУ»).
 *
 * @category Roadmaps
 * @example
 * import { prokopyevsk001, resolveDue } from '@nastavnik/core';
 * const a = prokopyevsk001.sections[0]!.activities[0]!; // 1.1, «Август-сентябрь»
 * resolveDue(a.due, { academicYear: '2023-2024' }); // [{ start: '2023-08-01', end: '2023-09-30' }]
 */
export const prokopyevsk001: Roadmap = {
  id: roadmapId('seed-001-prokopyevsk'),
  title:
    'Дорожная карта реализации Программы наставничества по работе с молодыми специалистами образовательных организаций Прокопьевского муниципального округа.',
  level: 'municipality',
  columns: [
    { key: 'activity', header: 'Этап, мероприятия этапа' },
    { key: 'due', header: 'Длительность этапа' },
    { key: 'responsible', header: 'Ответственные' },
    { key: 'result', header: 'Результат' },
  ],
  sections: [
    {
      number: '1',
      title: 'Подготовка условий для запуска программы наставничества',
      task: 'Задача этапа – создание благоприятных условий для запуска программы наставничества',
      activities: [
        activity({
          id: '1.1',
          number: '1.1',
          title: 'Обеспечить нормативно-правовое оформление программы наставничества (далее-ПН)',
          dueText: 'Август-сентябрь',
          responsible: ['Управление образования', 'образовательные учреждения (далее-ОУ)'],
          result:
            'Программа наставничества, приказ об утверждении ПН, приказ об утверждении Положения о наставничестве; Приказ об утверждении дорожной карты внедрения системы наставничества в ОО; Положение о наставничестве в ОО,',
          deliverables: ['regulation', 'introduceOrder', 'roadmap'],
          stage: 'preparation',
        }),
        activity({
          id: '1.2',
          number: '1.2',
          title: 'Создать организационные условия для осуществления программы наставничества',
          dueText: 'Сентябрь',
          responsible: UO_OU,
          result:
            'Приказ о назначении ответственных: муниципального куратора, кураторов в ОО. Экспертиза и утверждение программ наставничества образовательных организаций',
          deliverables: ['curatorOrder'],
          stage: 'preparation',
        }),
        activity({
          id: '1.3',
          number: '1.3',
          title: 'Определить заинтересованные в наставничестве организации.',
          dueText: 'Сентябрь-октябрь',
          responsible: ['Образовательные организации'],
          result: 'Банк данных ОУ, нуждающихся в наставничестве',
          deliverables: ['other'],
          stage: 'preparation',
        }),
        activity({
          id: '1.4',
          number: '1.4',
          title:
            'Разработать систему мотивирования и поощрения потенциальных наставников за участие в программе (повышение социального статуса, личный рост, привлечение перспективных кадров, развитие собственных гибких навыков).',
          dueText: 'Сентябрь',
          responsible: UO_OU,
          result: 'Решение о формах и условиях поощрения и стимулирования куратора и наставников',
          deliverables: ['other'],
          stage: 'preparation',
        }),
        activity({
          id: '1.5',
          number: '1.5',
          title: 'Создать условия для информационного обеспечения внедрения программы наставничества',
          dueText: 'Сентябрь-октябрь',
          responsible: UO_OU,
          result: 'Рекомендательные, информационные письма, приказы.',
          deliverables: ['methodicalMaterials'],
          stage: 'preparation',
        }),
        activity({
          id: '1.6',
          number: '1.6',
          title: 'Выбрать методологию наставничества, формы положений, формы мониторингов и отчетности.',
          dueText: 'Сентябрь',
          responsible: UO_OU,
          result: 'Методические рекомендации по документации наставничества',
          deliverables: ['methodicalMaterials'],
          stage: 'preparation',
        }),
        // An unnumbered row of the table closing stage 1, with no due, responsible or result.
        activity({
          id: '1.summary',
          number: '',
          title: STAGE_SUMMARY,
          dueText: '',
          responsible: [],
          deliverables: ['monitoringReport'],
          stage: 'preparation',
        }),
      ],
    },
    {
      number: '2',
      title: 'Формирование базы наставляемых.',
      task: 'Задача этапа – поддержание программы наставничества внутри организации и выявлении конкретных проблем молодых специалистов образовательных организаций, которые можно решить с помощью наставничества',
      activities: [
        activity({
          id: '2.1',
          number: '2.1',
          title: 'Информировать педагогическое сообщество о возможностях и целях программы',
          dueText: 'Сентябрь-октябрь',
          responsible: MUN_AND_OU,
          result: 'Протокол заседания педагогического совета ОУ, методические рекомендации',
          deliverables: ['minutes', 'methodicalMaterials'],
          stage: 'menteeBase',
        }),
        activity({
          id: '2.2',
          number: '2.2',
          title:
            'Организовать сбор запросов наставляемых (анкетирование для анализа потребностей среди педагогов), желающих принять участие в программе наставничества',
          dueText: 'В течение всего периода реализации ПН',
          responsible: MUN_AND_OU,
          result:
            'База данных о предварительных запросах молодых специалистов по потребностям в обучении и развитии навыков, компетенций',
          deliverables: ['menteeRegistry', 'surveyResults'],
          stage: 'menteeBase',
        }),
        activity({
          id: '2.3',
          number: '2.3',
          title:
            'Провести уточняющий анализ потребности в обучении и развитии (анкетный опрос, интервью, наблюдения и другое) о запросах наставляемых',
          dueText: 'В течение всего периода реализации ПН',
          responsible: ['Кураторы ОУ'],
          result: 'Анализ результатов анкетирования',
          deliverables: ['surveyResults'],
          stage: 'menteeBase',
        }),
        activity({
          id: '2.4',
          number: '2.4',
          title:
            'Анализ соответствия выявленных запросов наставляемых выбранным формам наставничества в программе наставничества образовательной организации',
          dueText: 'В течение всего периода реализации ПН',
          responsible: ['Кураторы ОУ'],
          result: 'Лист изменений к программе наставничества (при необходимости).',
          deliverables: ['other'],
          stage: 'menteeBase',
        }),
        activity({
          id: '2.5',
          number: '2.5',
          title: 'Популяризация программы наставничества среди наставляемых',
          dueText: 'В течение всего периода реализации ПН',
          responsible: ['Кураторы ОУ'],
          result: 'Анонсы, пресс-релизы о запуске ПН, о первых этапах реализации ПН',
          deliverables: ['publication'],
          stage: 'menteeBase',
        }),
        activity({
          id: '2.6',
          number: '2.6',
          title: 'Промежуточный мониторинг влияния программы на наставляемых по итогам этапа',
          dueText: 'Январь',
          responsible: MUN_AND_OU,
          result: `Отчеты кураторов. ${STAGE_SUMMARY}`,
          deliverables: ['monitoringReport'],
          stage: 'menteeBase',
        }),
      ],
    },
    {
      number: '3',
      title: 'Формирование базы наставников',
      task: 'Задача этапа – поиск потенциальных наставников для формирования базы наставников',
      activities: [
        activity({
          id: '3.1',
          number: '3.1',
          title:
            'Информировать потенциальных наставников о целях и задачах программы, ее принципах и планируемых результатах (на профильных мероприятиях, при личных встречах)',
          dueText: 'Сентябрь',
          responsible: MUN,
          result: 'Деятельность кураторов ОУ, малые педсоветы, собеседования, индивидуальные консультации',
          deliverables: ['event'],
          stage: 'mentorBase',
        }),
        activity({
          id: '3.2',
          number: '3.2',
          title: 'Подготовить информационную базу для выявления кандидатов в наставники',
          dueText: 'Сентябрь',
          responsible: ['Деятельность кураторов ОУ'],
          result:
            'Банк данных по критериям: образование, должность, стаж, жизненный опыт, сфера интересов, профессиональные компетенции, возрастная категория потенциальных наставляемых, ресурс времени',
          deliverables: ['mentorRegistry'],
          stage: 'mentorBase',
        }),
      ],
    },
    {
      number: '4',
      title: 'Отбор и обучение наставников',
      task: 'Задача этапа – выявление наставников и их подготовка к работе с наставляемыми',
      activities: [
        activity({
          id: '4.1',
          number: '4.1',
          title:
            'Провести отбор (выдвижение) наставников в соответствии с Положением о наставничестве и утвердить реестр наставников',
          dueText: '',
          responsible: MUN_AND_OU,
          result: 'Банк данных наставников, реестр потенциальных наставников',
          deliverables: ['mentorRegistry'],
          stage: 'mentorTraining',
        }),
        activity({
          id: '4.2',
          number: '4.2',
          title:
            'Провести анализ потребности в обучении наставников. Заполнить анкеты в письменной форме всеми потенциальными наставниками.',
          dueText: 'Октябрь',
          responsible: MUN_AND_OU,
          result:
            'Деятельность кураторов в ОО: заявки на курсы по наставничеству, районный методический семинар по наставничеству',
          deliverables: ['surveyResults', 'trainingPlan', 'event'],
          stage: 'mentorTraining',
        }),
        activity({
          id: '4.3',
          number: '4.3',
          title:
            'Обучение наставников по дополнительной профессиональной программе повышения квалификации наставников',
          dueText: 'Ноябрь',
          responsible: ['ЦНППМ ГПОУ КРИПО'],
          result:
            'Дополнительная профессиональная программа повышения квалификации наставников (36 часов, заочная форма). Общеразвивающая программа для взрослых (36 часов, очно-заочная форма). Утверждение программ и графика обучения наставников.',
          deliverables: ['trainingPlan', 'trainingCompleted'],
          stage: 'mentorTraining',
        }),
      ],
    },
    {
      number: '5',
      title: 'Формирование наставнических пар',
      task: 'Задача этапа – сформировать пары «наставник + наставляемый».',
      activities: [
        activity({
          id: '5.1',
          number: '5.1',
          title: 'Собеседования с наставниками и наставляемыми',
          dueText: 'Сентябрь',
          responsible: MUN,
          result: 'Деятельность кураторов в ОО: формирование плана работы в паре',
          deliverables: ['personalProgrammes'],
          stage: 'pairFormation',
        }),
        activity({
          id: '5.2',
          number: '5.2',
          title:
            'Организовать пробную рабочую встречу и встречу-планирование наставников и наставляемых с заполнением анкет',
          dueText: 'Сентябрь',
          responsible: MUN,
          result: 'Деятельность кураторов в ОО: изучение результатов анкетирования',
          deliverables: ['surveyResults'],
          stage: 'pairFormation',
        }),
        activity({
          id: '5.3',
          number: '5.3',
          title: 'Закрепление пар распоряжением руководителя образовательной организации',
          dueText: 'Сентябрь',
          responsible: MUN_AND_IN_OU,
          result: 'Приказ об утверждении наставнических пар',
          deliverables: ['pairsOrder'],
          stage: 'pairFormation',
        }),
        activity({
          id: '5.4',
          number: '5.4',
          title: 'Мониторинг и оценка ПН',
          dueText: '1 раз в полгода',
          responsible: ['Кураторы ОУ'],
          result:
            'Описание хода реализации этапа и выработка предложений по эффективности достижения цели этапа. Отчеты кураторов.',
          deliverables: ['monitoringReport'],
          stage: 'pairFormation',
        }),
      ],
    },
    {
      number: '6',
      title: 'Организация работы наставнических пар.',
      task: 'Задача данного этапа – закрепление гармоничных и продуктивных отношений в наставнической паре так, чтобы они были максимально комфортными, стабильными и результативными для обеих сторон',
      activities: [
        activity({
          id: '6.1',
          number: '6.1',
          title: 'Изучать образовательного запроса наставляемого, планировать образовательные события',
          dueText: 'Сентябрь.',
          responsible: MUN_AND_IN_OU,
          result:
            'Собеседования пар по составлению плана деятельности пары на основе ПН. Календарный план работы в паре',
          deliverables: ['personalProgrammes'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.2',
          number: '6.2',
          title: 'Экспертиза и утверждение планов работы наставников. Реализация плановых мероприятий',
          dueText: 'Октябрь - май',
          responsible: MUN_AND_IN_OU,
          result: 'Деятельность кураторов в ОО. Реализация плановых мероприятий',
          deliverables: ['plansOrder'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.3',
          number: '6.3',
          title:
            'Подготовка и проведение открытия ПН: участие пар в первом этапе конкурса #Наставник+ (Визитка)',
          dueText: 'Октябрь',
          responsible: MUN_AND_IN_OU,
          result:
            'Подведение итогов, приказ об итогах конкурса, рейтинг, пресс-релиз на сайте ОО и УО. Рефлексия.',
          deliverables: ['event', 'competitionOrder', 'publication'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.4',
          number: '6.4',
          title: 'Подготовка и проведение второго этапа конкурса #Наставник+ (Фрагмент)',
          dueText: 'Декабрь',
          responsible: MUN_AND_IN_OU,
          result: 'Подведение итогов. Пресс-релиз на сайтах УО, ОО.',
          deliverables: ['event', 'publication'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.5',
          number: '6.5',
          title: 'Организация и планирование занятий Школы молодого учителя (ШМУ)',
          dueText: 'Сентябрь; занятия ШМУ проводятся не реже одного раза в месяц.',
          responsible: MUN,
          result: 'Изучение образовательного запроса наставляемых. Планирование. План занятий ШМУ на 3 года.',
          deliverables: ['trainingPlan'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.6',
          number: '6.6',
          title: 'Организовать текущий контроль достижения планируемых результатов наставниками',
          dueText: 'декабрь, май',
          responsible: MUN,
          result:
            'Обратная связь от наставника и наставляемых, их анализ: Результаты анкетирования наставляемых; мониторинг эффективности ПН.',
          deliverables: ['surveyResults', 'monitoringReport'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.7',
          number: '6.7',
          title:
            'Транслировать промежуточные результаты программы партнерам программы по внешнему контуру для актуализации и потенциального вовлечения в будущий цикл программы.',
          dueText: 'В течение всего срока реализации ПН',
          responsible: ['Кураторы в ОУ'],
          result: 'Публикации аналитических отчетов на сайте образовательной организации.',
          deliverables: ['publication'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.8',
          number: '6.8',
          title: 'Мониторинг и оценка влияния программ на всех участников по итогам этапа',
          dueText: 'В течение всего срока реализации',
          responsible: MUN_AND_IN_OU,
          result: 'Отчеты кураторов: изучение деятельности наставляемых, их адаптации в ОО.',
          deliverables: ['monitoringReport'],
          stage: 'pairWork',
        }),
        activity({
          id: '6.9',
          number: '6.9',
          title: 'Проведение третьего этапа конкурса #Наставник+ (Педагогический батл)',
          dueText: 'апрель',
          responsible: MUN,
          result:
            'Подведение итогов, приказ об итогах конкурса, рейтинг, пресс-релиз на сайте ОО и УО. Рефлексия',
          deliverables: ['event', 'competitionOrder', 'publication'],
          stage: 'pairWork',
        }),
      ],
    },
    {
      number: '7',
      title: 'Завершение наставничества',
      task: 'Задачи этапа: подведение итогов работы каждой пары и всей программы в целом в формате личной рефлексии, проведение открытого публичного мероприятия для популяризации практик наставничества и награждения лучших наставников.',
      activities: [
        activity({
          id: '7.1',
          number: '7.1',
          title:
            'Организовать «обратную связь» с наставниками, наставляемыми и куратором (провести итоговое анкетирование участников по итогам реализации программы)',
          dueText: 'Декабрь, май',
          responsible: MUN,
          result:
            'Анализ личной удовлетворенности участием в программе наставничества Внесение корректировок в программу в случае необходимости.',
          deliverables: ['surveyResults'],
          stage: 'completion',
        }),
        activity({
          id: '7.2',
          number: '7.2',
          title: 'Подвести итоги мониторинга эффективности реализации программы',
          dueText: 'Декабрь, май',
          responsible: MUN,
          result: 'Анализ результатов реализации ПН (включая отчеты наставников и куратора)',
          deliverables: ['monitoringReport'],
          stage: 'completion',
        }),
        activity({
          id: '7.3',
          number: '7.3',
          title: 'Организовать обсуждения результатов эффективности реализации программ наставнических пар',
          dueText: 'Декабрь, май',
          responsible: MUN,
          result: 'Анализ итогов реализации наставнической программы в парах (выводы, рекомендации)',
          deliverables: ['monitoringReport'],
          stage: 'completion',
        }),
        activity({
          id: '7.4',
          number: '7.4',
          title: 'Сформировать базу успешных практик наставничества',
          dueText: 'Май-июнь',
          responsible: MUN,
          result:
            'Оформление кейсов и баз наставнических практик на сайте УО Выявление лучшего опыта по формам и моделям наставничества, поощрение лучших наставников',
          deliverables: ['practiceBank', 'publication'],
          stage: 'completion',
        }),
        activity({
          id: '7.5',
          number: '7.5',
          title: 'Популяризировать лучшие практики и примеры наставничества через медиа.',
          dueText: 'По итогам реализации НП',
          responsible: MUN,
          result:
            'Публикация интервью, результатов мероприятий, программ в интернет-изданиях, публикации в периодических изданиях. Возможное создание электронного сборника «Лучшие практики наставничества»',
          deliverables: ['publication'],
          stage: 'completion',
        }),
        activity({
          id: '7.6',
          number: '7.6',
          title: 'Подготовить итоговый отчёт о результатах работы по ПН',
          dueText: 'Май-июнь',
          responsible: MUN,
          result: 'Итоговый отчёт о результатах апробации методологии наставничества',
          deliverables: ['finalReport'],
          stage: 'completion',
        }),
        activity({
          id: '7.7',
          number: '7.7',
          title: 'Организовать итоговое мероприятие (фестиваль) лучшего опыта реализации ПН',
          dueText: 'Май-июнь',
          responsible: MUN,
          result:
            'Выявление лучших наставнических пар, создание условий для дальнейшего развития форм и моделей наставничества, популяризация методологии наставничества.',
          deliverables: ['event'],
          stage: 'completion',
        }),
        activity({
          id: '7.8',
          number: '7.8',
          title:
            'Популяризация лучших практик наставничества через участие в конкурсах профессионального мастерства «Лучшие программы наставничества», «Лучший учитель-наставник», «Педагогический дебют», «Новая волна»',
          dueText: 'В течение учебного года',
          responsible: MUN,
          result: 'Пресс-релиз, награждение и поощрение победителей и лауреатов, обобщение опыта их работы.',
          deliverables: ['publication', 'event'],
          stage: 'completion',
        }),
      ],
    },
  ],
  compiledBy: 'Трусевич М.В. - методист отдела методического сопровождения, муниципальный куратор ПН',
};
