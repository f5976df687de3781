import type { Gender } from '../../person';
import type { Random } from './random';

/** Common Russian surnames in the masculine form; the feminine is derived (see {@link surnameFor}). */
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Сидоров',
  'Матвеев',
  'Титов',
  'Марков',
  'Миронов',
  'Крылов',
  'Куликов',
  'Карпов',
  'Власов',
  'Мельников',
  'Денисов',
  'Гаврилов',
  'Тихонов',
  'Казаков',
  'Афанасьев',
  'Данилов',
  'Савельев',
  'Тимофеев',
  'Фомин',
  'Чернов',
  'Абрамов',
  'Мартынов',
  'Ефимов',
  'Федотов',
  'Щербаков',
  'Назаров',
  'Калинин',
  'Исаев',
  'Чернышёв',
  'Быков',
  'Маслов',
  'Родионов',
  'Коновалов',
  'Лазарев',
  'Воронин',
  'Климов',
  'Филатов',
  'Пономарёв',
  'Голубев',
  'Кудрявцев',
  'Прохоров',
  'Наумов',
  'Потапов',
  'Журавлёв',
  'Овчинников',
  'Трофимов',
  'Леонов',
  'Соболев',
  'Ермаков',
  'Колесников',
  'Гончаров',
  'Емельянов',
  'Никифоров',
  'Грачёв',
  'Котов',
  'Гришин',
  'Ефремов',
  'Архипов',
  'Громов',
  'Кириллов',
  'Малышев',
  'Панов',
  'Моисеев',
  'Румянцев',
  'Акимов',
  'Кондратьев',
  'Бирюков',
  'Горбунов',
  'Анисимов',
  'Ерёмин',
  'Галкин',
  'Лукьянов',
  'Михеев',
  'Скворцов',
  'Юдин',
  'Белоусов',
  'Нестеров',
  'Симонов',
  'Прокофьев',
  'Харитонов',
  'Князев',
  'Цветков',
  'Мальцев',
  'Логинов',
  'Горшков',
  'Савин',
  'Краснов',
  'Майоров',
  'Демидов',
  'Елисеев',
  'Рыбаков',
  'Сафонов',
  'Плотников',
  'Хохлов',
  'Жданов',
  'Шубин',
  'Покровский',
  'Вишневский',
  'Успенский',
  'Троицкий',
  'Вознесенский',
  'Толстой',
  'Шевченко',
  'Ткаченко',
  'Кравченко',
  'Бондаренко',
  'Черных',
  'Седых',
] as const;

/**
 * Men's first names with the patronymics formed from them: [name, son's
 * patronymic, daughter's patronymic]. The first block reads as adults', the
 * whole list is used for fathers.
 */
const MALE: ReadonlyArray<readonly [string, string, string]> = [
  ['Александр', 'Александрович', 'Александровна'],
  ['Алексей', 'Алексеевич', 'Алексеевна'],
  ['Андрей', 'Андреевич', 'Андреевна'],
  ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
  ['Сергей', 'Сергеевич', 'Сергеевна'],
  ['Иван', 'Иванович', 'Ивановна'],
  ['Михаил', 'Михайлович', 'Михайловна'],
  ['Николай', 'Николаевич', 'Николаевна'],
  ['Владимир', 'Владимирович', 'Владимировна'],
  ['Павел', 'Павлович', 'Павловна'],
  ['Евгений', 'Евгеньевич', 'Евгеньевна'],
  ['Игорь', 'Игоревич', 'Игоревна'],
  ['Олег', 'Олегович', 'Олеговна'],
  ['Юрий', 'Юрьевич', 'Юрьевна'],
  ['Виктор', 'Викторович', 'Викторовна'],
  ['Василий', 'Васильевич', 'Васильевна'],
  ['Пётр', 'Петрович', 'Петровна'],
  ['Григорий', 'Григорьевич', 'Григорьевна'],
  ['Константин', 'Константинович', 'Константиновна'],
  ['Анатолий', 'Анатольевич', 'Анатольевна'],
  ['Валерий', 'Валерьевич', 'Валерьевна'],
  ['Вячеслав', 'Вячеславович', 'Вячеславовна'],
  ['Геннадий', 'Геннадьевич', 'Геннадьевна'],
  ['Максим', 'Максимович', 'Максимовна'],
  ['Роман', 'Романович', 'Романовна'],
  ['Денис', 'Денисович', 'Денисовна'],
  ['Антон', 'Антонович', 'Антоновна'],
  ['Артём', 'Артёмович', 'Артёмовна'],
  ['Кирилл', 'Кириллович', 'Кирилловна'],
  ['Илья', 'Ильич', 'Ильинична'],
  ['Никита', 'Никитич', 'Никитична'],
  ['Егор', 'Егорович', 'Егоровна'],
  ['Фёдор', 'Фёдорович', 'Фёдоровна'],
  ['Степан', 'Степанович', 'Степановна'],
];

const FEMALE_ADULT = [
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Анна',
  'Мария',
  'Екатерина',
  'Юлия',
  'Марина',
  'Людмила',
  'Галина',
  'Надежда',
  'Оксана',
  'Валентина',
  'Лариса',
  'Наталия',
  'Любовь',
  'Евгения',
  'Анастасия',
  'Ксения',
  'Алла',
  'Жанна',
  'Инна',
  'Нина',
  'Тамара',
] as const;

const MALE_CHILD = [
  'Александр',
  'Максим',
  'Артём',
  'Михаил',
  'Даниил',
  'Иван',
  'Дмитрий',
  'Кирилл',
  'Андрей',
  'Егор',
  'Никита',
  'Илья',
  'Алексей',
  'Матвей',
  'Тимофей',
  'Роман',
  'Владимир',
  'Ярослав',
  'Фёдор',
  'Марк',
  'Лев',
  'Георгий',
  'Константин',
  'Степан',
  'Глеб',
  'Денис',
  'Арсений',
  'Павел',
  'Захар',
  'Савелий',
] as const;

const FEMALE_CHILD = [
  'Софья',
  'Анастасия',
  'Мария',
  'Анна',
  'Виктория',
  'Полина',
  'Алиса',
  'Елизавета',
  'Александра',
  'Дарья',
  'Варвара',
  'Ксения',
  'Вероника',
  'Арина',
  'Екатерина',
  'Ульяна',
  'Милана',
  'Кира',
  'Василиса',
  'Валерия',
  'Ева',
  'Алёна',
  'Таисия',
  'Диана',
  'Маргарита',
  'Есения',
  'Злата',
  'Вера',
  'Ярослава',
] as const;

/** The surname's form for a gender: Иванов → Иванова, Покровский → Покровская, Шевченко unchanged. */
export function surnameFor(masculine: string, gender: Gender): string {
  if (gender === 'male') return masculine;
  if (masculine.endsWith('ский') || masculine.endsWith('цкий')) return `${masculine.slice(0, -2)}ая`;
  if (masculine.endsWith('ой')) return `${masculine.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин|ын)$/.test(masculine)) return `${masculine}а`;
  return masculine;
}

/** A full name: last, first, patronymic. */
export interface FullName {
  lastName: string;
  firstName: string;
  middleName: string;
}

/** A family: the surname (masculine form) and the father's first name (index into {@link MALE}). */
export interface Family {
  readonly surname: string;
  readonly father: number;
}

/** A new random family. */
export function family(rng: Random): Family {
  return { surname: rng.pick(SURNAMES), father: rng.int(0, MALE.length - 1) };
}

function patronymic(father: number, gender: Gender): string {
  const m = MALE[father] as readonly [string, string, string];
  return gender === 'male' ? m[1] : m[2];
}

/** An adult's name (a teacher, a head, a parent, an official). */
export function adultName(rng: Random, gender: Gender, fam: Family = family(rng)): FullName {
  const firstName =
    gender === 'male' ? (MALE[rng.int(0, 22)] as readonly string[])[0] : rng.pick(FEMALE_ADULT);
  return {
    lastName: surnameFor(fam.surname, gender),
    firstName: firstName as string,
    middleName: patronymic(fam.father, gender),
  };
}

/** A child's name in a family: the family's surname, the patronymic from the father's name. */
export function childName(rng: Random, gender: Gender, fam: Family): FullName {
  return {
    lastName: surnameFor(fam.surname, gender),
    firstName: gender === 'male' ? rng.pick(MALE_CHILD) : rng.pick(FEMALE_CHILD),
    middleName: patronymic(fam.father, gender),
  };
}

/** The child's father: the father's first name is the child's patronymic's root. */
export function fatherName(rng: Random, fam: Family): FullName {
  return {
    lastName: fam.surname,
    firstName: (MALE[fam.father] as readonly string[])[0] as string,
    middleName: patronymic(rng.int(0, MALE.length - 1), 'male'),
  };
}

/** The child's mother, with the family's surname in its feminine form. */
export function motherName(rng: Random, fam: Family): FullName {
  return {
    lastName: surnameFor(fam.surname, 'female'),
    firstName: rng.pick(FEMALE_ADULT),
    middleName: patronymic(rng.int(0, MALE.length - 1), 'female'),
  };
}
