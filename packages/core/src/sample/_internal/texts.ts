/** Texts the sample generator draws from. Invented places and institutions, real-looking forms. */

/** Regions: the name and its genitive («Приозёрной области»). */
export const REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['Приозёрная область', 'Приозёрной области'],
  ['Заречный край', 'Заречного края'],
  ['Верхневолжская область', 'Верхневолжской области'],
  ['Северо-Озёрская область', 'Северо-Озёрской области'],
  ['Среднеуральский край', 'Среднеуральского края'],
  ['Южно-Степная область', 'Южно-Степной области'],
];

/** Towns heading municipal districts: the town and the district's genitive adjective. */
export const TOWNS: ReadonlyArray<readonly [string, string]> = [
  ['Светлогорск', 'Светлогорского'],
  ['Озёрск', 'Озёрского'],
  ['Каменногорск', 'Каменногорского'],
  ['Новоберёзовск', 'Новоберёзовского'],
  ['Лесогорск', 'Лесогорского'],
  ['Краснополье', 'Краснопольского'],
  ['Сосновоборск', 'Сосновоборского'],
  ['Приволжск', 'Приволжского'],
  ['Северогорск', 'Северогорского'],
  ['Старомихайловск', 'Старомихайловского'],
  ['Белоключинск', 'Белоключинского'],
  ['Верхнеречинск', 'Верхнеречинского'],
  ['Зеленодольск', 'Зеленодольского'],
  ['Ясногорск', 'Ясногорского'],
  ['Тихоборск', 'Тихоборского'],
  ['Дубравинск', 'Дубравинского'],
];

/** Villages: the settlement and the adjective that names its school («Рассветовская СОШ»). */
export const VILLAGES: ReadonlyArray<readonly [string, string]> = [
  ['Рассвет', 'Рассветовская'],
  ['Берёзовка', 'Берёзовская'],
  ['Сосново', 'Сосновская'],
  ['Луговое', 'Луговская'],
  ['Никольское', 'Никольская'],
  ['Покровка', 'Покровская'],
  ['Троицкое', 'Троицкая'],
  ['Ивановка', 'Ивановская'],
  ['Михайловка', 'Михайловская'],
  ['Каменка', 'Каменская'],
  ['Озёрки', 'Озёрская'],
  ['Вишнёвка', 'Вишнёвская'],
  ['Кленовка', 'Кленовская'],
  ['Дубровка', 'Дубровская'],
  ['Ольховка', 'Ольховская'],
  ['Раздолье', 'Раздольненская'],
  ['Заречье', 'Зареченская'],
  ['Красный Бор', 'Красноборская'],
  ['Липовка', 'Липовская'],
  ['Знаменка', 'Знаменская'],
];

/** Founders' forms: short and full. */
export const OWNERSHIP: ReadonlyArray<readonly [string, string]> = [
  ['МОУ', 'Муниципальное общеобразовательное учреждение'],
  ['МБОУ', 'Муниципальное бюджетное общеобразовательное учреждение'],
  ['МКОУ', 'Муниципальное казенное общеобразовательное учреждение'],
  ['МАОУ', 'Муниципальное автономное общеобразовательное учреждение'],
];

/** Subjects with the teacher's position («учитель математики»). */
export const SUBJECTS: ReadonlyArray<readonly [string, string]> = [
  ['начальные классы', 'учитель начальных классов'],
  ['начальные классы', 'учитель начальных классов'],
  ['математика', 'учитель математики'],
  ['русский язык', 'учитель русского языка и литературы'],
  ['литература', 'учитель русского языка и литературы'],
  ['английский язык', 'учитель английского языка'],
  ['история', 'учитель истории и обществознания'],
  ['обществознание', 'учитель истории и обществознания'],
  ['физика', 'учитель физики'],
  ['химия', 'учитель химии'],
  ['биология', 'учитель биологии'],
  ['география', 'учитель географии'],
  ['информатика', 'учитель информатики'],
  ['физическая культура', 'учитель физической культуры'],
  ['музыка', 'учитель музыки'],
  ['изобразительное искусство', 'учитель изобразительного искусства'],
  ['технология', 'учитель технологии'],
  ['ОБЖ', 'преподаватель-организатор ОБЖ'],
];

/** Staff without a subject. */
export const SPECIALISTS = [
  'педагог-психолог',
  'социальный педагог',
  'педагог дополнительного образования',
] as const;

/** Competences a teacher asks for or offers (catalogue `competences`). */
export const TEACHER_COMPETENCES = [
  'lessonPlanning',
  'classroomManagement',
  'assessment',
  'subjectMethods',
  'digitalTools',
  'parentCommunication',
  'inclusiveEducation',
  'educationalWork',
  'projectActivity',
  'documentation',
  'attestation',
  'olympiadPreparation',
] as const;

/** Competences a pupil asks for or a pupil mentor offers (catalogue `competences`). */
export const PUPIL_COMPETENCES = [
  'academicSupport',
  'socialAdaptation',
  'careerGuidance',
  'leadership',
  'publicSpeaking',
  'creativity',
  'sports',
  'projectActivity',
  'olympiadPreparation',
  'digitalTools',
] as const;

/** Difficulties as a young teacher or a referrer writes them, with the competence they call for. No personal data. */
export const TEACHER_DIFFICULTIES: ReadonlyArray<readonly [string, string]> = [
  ['classroomManagement', 'Трудности с поддержанием дисциплины на уроке'],
  ['lessonPlanning', 'Не хватает опыта в составлении рабочей программы и технологических карт'],
  ['parentCommunication', 'Сложно выстроить общение с родителями обучающихся'],
  ['assessment', 'Затруднения в выборе критериев оценивания'],
  ['attestation', 'Подготовка к аттестации на первую квалификационную категорию'],
  ['digitalTools', 'Неуверенность в использовании цифровых ресурсов на уроке'],
  ['inclusiveEducation', 'Затруднения в работе с обучающимися с ОВЗ'],
  ['documentation', 'Большой объём документации, не успеваю в сроки'],
  ['educationalWork', 'Впервые веду классное руководство, не знаю, с чего начать'],
  ['subjectMethods', 'Не удаётся удержать внимание класса на объяснении нового материала'],
];

/** Difficulties of pupils as a class teacher, a psychologist or parents describe them, with the competence they call for. */
export const PUPIL_DIFFICULTIES: ReadonlyArray<readonly [string, string]> = [
  ['academicSupport', 'Трудности в освоении математики'],
  ['academicSupport', 'Пробелы по русскому языку после болезни'],
  ['academicSupport', 'Низкая мотивация к учёбе'],
  ['socialAdaptation', 'Затруднения в общении со сверстниками'],
  ['socialAdaptation', 'Адаптация после перехода в новую школу'],
  ['careerGuidance', 'Не может определиться с профилем обучения'],
  ['olympiadPreparation', 'Хочет подготовиться к олимпиаде, нужен помощник'],
  ['publicSpeaking', 'Боится выступать перед классом'],
];

/** Interests, for profiles. */
export const INTERESTS = [
  'робототехника',
  'шахматы',
  'волонтёрство',
  'краеведение',
  'театр',
  'хоровое пение',
  'футбол',
  'лыжи',
  'программирование',
  'фотография',
  'чтение',
  'туризм',
  'рисование',
  'школьный медиацентр',
] as const;

/** Education of teachers. */
export const EDUCATION = [
  'высшее педагогическое',
  'высшее педагогическое, магистратура',
  'высшее, профессиональная переподготовка по профилю',
  'среднее профессиональное педагогическое',
] as const;

/** Providers of the 36-hour mentor training (001 4.3). */
export const TRAINING_PROVIDERS = [
  'ЦНППМ регионального института развития образования',
  'Региональный институт развития образования',
  'Центр непрерывного повышения профессионального мастерства',
] as const;
