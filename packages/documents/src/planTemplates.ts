/**
 * A plan item of a template: what to do and what it yields, due at a share
 * of the programme's term (0 = start, 1 = end).
 *
 * @category Builders
 * @example
 * const it: PlanTemplateItem = { title: 'Знакомство, постановка целей', expectedResult: 'Цели пары согласованы', at: 0.1 };
 */
export interface PlanTemplateItem {
  readonly title: string;
  readonly expectedResult: string;
  readonly at: number;
}

/**
 * Plan templates of a personal programme by form of mentoring (Р-145 for
 * pupils and students; 003 §2.3 for teachers), keyed by the catalogue id of
 * the form: a senior pupil mentoring younger ones gets a learner's plan, not
 * the teachers' «взаимопосещение занятий». Regions add their own forms and
 * templates by extending this record.
 *
 * @category Builders
 * @example
 * planTemplates.pupilPupil[0].title; // 'Знакомство, выявление учебных трудностей и интересов наставляемого'
 */
export const planTemplates: Readonly<Record<string, readonly PlanTemplateItem[]>> = {
  pupilPupil: [
    {
      title: 'Знакомство, выявление учебных трудностей и интересов наставляемого',
      expectedResult: 'Цели пары согласованы, выбраны предметы и темы для совместной работы',
      at: 0.12,
    },
    {
      title: 'Совместные занятия по трудным темам, помощь в подготовке домашних заданий',
      expectedResult: 'Улучшение текущих оценок по выбранным предметам',
      at: 0.4,
    },
    {
      title: 'Совместный проект или участие в школьном мероприятии',
      expectedResult: 'Проект или выступление наставляемого',
      at: 0.7,
    },
    {
      title: 'Подведение итогов, рефлексия, самооценка наставляемого',
      expectedResult: 'Анкета обратной связи, портфолио достижений',
      at: 0.95,
    },
  ],
  teacherPupil: [
    {
      title: 'Диагностика учебных затруднений и интересов обучающегося',
      expectedResult: 'Индивидуальный образовательный маршрут',
      at: 0.12,
    },
    {
      title: 'Индивидуальные консультации по предмету',
      expectedResult: 'Ликвидация пробелов по темам маршрута',
      at: 0.4,
    },
    {
      title: 'Подготовка к олимпиаде, конкурсу или проекту',
      expectedResult: 'Участие наставляемого в олимпиаде, конкурсе или защита проекта',
      at: 0.7,
    },
    {
      title: 'Подведение итогов, рефлексия',
      expectedResult: 'Анкета обратной связи, рекомендации на следующий год',
      at: 0.95,
    },
  ],
  teacherTeacher: [
    {
      title: 'Диагностика профессиональных затруднений и постановка целей',
      expectedResult: 'Карта затруднений, цели программы',
      at: 0.12,
    },
    {
      title: 'Совместная разработка и проведение занятий',
      expectedResult: 'Разработки двух занятий с анализом',
      at: 0.4,
    },
    {
      title: 'Взаимопосещение занятий и их анализ',
      expectedResult: 'Протоколы посещения, рекомендации',
      at: 0.7,
    },
    {
      title: 'Подготовка и представление результатов',
      expectedResult: 'Выступление, портфолио пары',
      at: 0.95,
    },
  ],
  headEducator: [
    {
      title: 'Анализ управленческих и методических задач педагога',
      expectedResult: 'Перечень задач и ресурсов, цели программы',
      at: 0.12,
    },
    {
      title: 'Разработка плана совершенствования образовательного процесса',
      expectedResult: 'План действий, согласованный с руководителем',
      at: 0.4,
    },
    {
      title: 'Реализация плана, промежуточная оценка результатов',
      expectedResult: 'Отчёт о промежуточных результатах',
      at: 0.7,
    },
    {
      title: 'Представление опыта на педагогическом совете',
      expectedResult: 'Выступление, методические материалы',
      at: 0.95,
    },
  ],
  studentPupil: [
    {
      title: 'Знакомство, профориентационная диагностика обучающегося',
      expectedResult: 'Профиль интересов, цели пары',
      at: 0.12,
    },
    {
      title: 'Знакомство с профессиональной образовательной организацией или вузом',
      expectedResult: 'Посещение дня открытых дверей, мастер-класса',
      at: 0.4,
    },
    { title: 'Совместный учебный проект', expectedResult: 'Проект наставляемого', at: 0.7 },
    {
      title: 'Подведение итогов, рефлексия',
      expectedResult: 'Анкета обратной связи, план дальнейшего обучения',
      at: 0.95,
    },
  ],
  employerPupil: [
    {
      title: 'Знакомство с предприятием и профессиями отрасли',
      expectedResult: 'Экскурсия, перечень интересующих профессий',
      at: 0.12,
    },
    {
      title: 'Профессиональные пробы на рабочем месте',
      expectedResult: 'Отчёт о профессиональных пробах',
      at: 0.4,
    },
    {
      title: 'Проект по задаче работодателя',
      expectedResult: 'Проект, представленный представителю работодателя',
      at: 0.7,
    },
    {
      title: 'Подведение итогов, рекомендации по выбору профессии',
      expectedResult: 'Анкета обратной связи, индивидуальный план профессионального выбора',
      at: 0.95,
    },
  ],
  employerStudent: [
    {
      title: 'Знакомство с предприятием, определение темы практики',
      expectedResult: 'Тема и план практики',
      at: 0.12,
    },
    {
      title: 'Практика на рабочем месте под руководством наставника',
      expectedResult: 'Дневник практики',
      at: 0.45,
    },
    {
      title: 'Выполнение производственного задания',
      expectedResult: 'Выполненное задание, отзыв наставника',
      at: 0.75,
    },
    {
      title: 'Подведение итогов, рекомендации по трудоустройству',
      expectedResult: 'Характеристика, анкета обратной связи',
      at: 0.95,
    },
  ],
};

/** The teachers' plan serves the teachers' catalogue ids too (003 §2.3: «педагог – педагог»). */
const ALIASES: Readonly<Record<string, string>> = { educatorEducator: 'teacherTeacher' };

/**
 * The plan template for a form of mentoring (catalogue id), or undefined
 * when the form has none (the caller writes its own plan).
 *
 * @category Builders
 * @example
 * planTemplateFor('educatorEducator')?.[2]?.title; // 'Взаимопосещение занятий и их анализ'
 */
export function planTemplateFor(form: string): readonly PlanTemplateItem[] | undefined {
  return planTemplates[form] ?? planTemplates[ALIASES[form] ?? ''];
}
