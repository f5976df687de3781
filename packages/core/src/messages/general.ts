import { plural } from './plural';
import type { IssueMessages } from './registry';
import { num } from './safe';

// The generic codes: what zod reports (type, missing field, format, value,
// size, unknown keys), unsafe text and the internal error, with their generic
// texts. Every bundle that can throw carries these; the specific texts of
// reasons (`{ reason: 'dimensions' }`) come with the domain parts.

type GeneralCode =
  | 'invalid_type'
  | 'required'
  | 'invalid_format'
  | 'invalid_value'
  | 'too_small'
  | 'too_big'
  | 'unrecognized_keys'
  | 'invalid_input'
  | 'unsafe_text'
  | 'internal';

const fieldRu = (where: string): string => (where ? `Поле «${where}»: ` : '');
const fieldEn = (where: string): string => (where ? `Field "${where}": ` : '');
const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const typeNamesRu: Readonly<Record<string, string>> = {
  xstateMachine: 'машина xstate',
  toMermaidOptions: 'параметры: необязательный список hideGuards (строки)',
  pairSnapshot: 'снимок пары из createPairSnapshot',
  programmeSnapshot: 'снимок программы из createProgrammeSnapshot',
  bytes: 'содержимое файла: байты (Uint8Array) или поток байтов',
  string: 'строка',
  number: 'число',
  int: 'целое число',
  boolean: 'логическое значение',
  object: 'объект',
  array: 'список',
  date: 'дата',
  bigint: 'целое число',
  record: 'объект',
  map: 'словарь',
  set: 'множество',
  tuple: 'список',
};

const typeNamesEn: Readonly<Record<string, string>> = {
  xstateMachine: 'an xstate machine',
  toMermaidOptions: 'options: an optional hideGuards list of strings',
  pairSnapshot: 'a pair snapshot from createPairSnapshot',
  programmeSnapshot: 'a programme snapshot from createProgrammeSnapshot',
  bytes: 'the file content: bytes (Uint8Array) or a byte stream',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  bigint: 'an integer',
  record: 'an object',
  map: 'a map',
  set: 'a set',
  tuple: 'a list',
};

const itemsRu = { one: 'элемент', few: 'элемента', many: 'элементов', other: 'элемента' };
const itemsGenRu = { one: 'элемента', few: 'элементов', many: 'элементов', other: 'элемента' };
const charsGenRu = { one: 'символа', few: 'символов', many: 'символов', other: 'символа' };
const itemsEn = { one: 'item', other: 'items' };
const charsEn = { one: 'character', other: 'characters' };

const formatsRu: Readonly<Record<string, string>> = {
  date: 'ожидается дата в формате ГГГГ-ММ-ДД',
  email: 'ожидается адрес электронной почты',
  regex: 'значение не соответствует образцу',
  folder: 'папка: латинские буквы, цифры, _ . / -',
};

const formatsEn: Readonly<Record<string, string>> = {
  date: 'expected a date as YYYY-MM-DD',
  email: 'expected an email address',
  regex: 'the value does not match the pattern',
  folder: 'folder: Latin letters, digits, _ . / -',
};

/** The generic Russian messages (no reason-specific text). */
export const generalMessagesRu: Pick<IssueMessages, GeneralCode> = {
  invalid_type: (p, w) => cap(`${fieldRu(w)}ожидается ${typeNamesRu[p.expected] ?? 'значение другого типа'}`),
  required: (_p, w) => (w ? `Не заполнено обязательное поле «${w}»` : 'Нет входных данных'),
  invalid_format: (p, w) => cap(`${fieldRu(w)}${formatsRu[p.format] ?? 'неверный формат'}`),
  invalid_value: (p, w) =>
    p.allowed
      ? cap(`${fieldRu(w)}допустимые значения — ${p.allowed}`)
      : cap(`${fieldRu(w)}недопустимое значение`),
  too_small: (p, w) => {
    const n = p.minimum;
    if (p.origin === 'array' || p.origin === 'set') {
      return cap(`${fieldRu(w)}нужно хотя бы ${num(n)} ${plural('ru', n, itemsRu)}`);
    }
    if (p.origin === 'string') return cap(`${fieldRu(w)}не короче ${num(n)} ${plural('ru', n, charsGenRu)}`);
    return cap(`${fieldRu(w)}значение должно быть ${p.inclusive ? 'не меньше' : 'больше'} ${num(n)}`);
  },
  too_big: (p, w) => {
    const n = p.maximum;
    if (n === undefined) return cap(`${fieldRu(w)}значение слишком велико`);
    if (p.origin === 'array' || p.origin === 'set') {
      return cap(`${fieldRu(w)}не больше ${num(n)} ${plural('ru', n, itemsGenRu)}`);
    }
    if (p.origin === 'string') return cap(`${fieldRu(w)}не длиннее ${num(n)} ${plural('ru', n, charsGenRu)}`);
    return cap(`${fieldRu(w)}значение должно быть ${p.inclusive ? 'не больше' : 'меньше'} ${num(n)}`);
  },
  // Keys come from the input and can carry personal data: counted, never printed.
  unrecognized_keys: (p) =>
    `${plural('ru', p.count, { one: 'Лишнее поле', few: 'Лишние поля', many: 'Лишние поля', other: 'Лишние поля' })} (${num(p.count)}): удалите ${plural('ru', p.count, { one: 'его', few: 'их', many: 'их', other: 'их' })} или проверьте написание`,
  invalid_input: (_p, w) => (w ? `Недопустимое значение поля «${w}»` : 'Недопустимые данные'),
  unsafe_text: (_p, w) =>
    cap(`${fieldRu(w)}текст содержит недопустимые символы (нулевой символ или непарный суррогат UTF-16)`),
  internal: () => 'Внутренняя ошибка библиотеки',
};

/** The generic English messages (no reason-specific text). */
export const generalMessagesEn: Pick<IssueMessages, GeneralCode> = {
  invalid_type: (p, w) =>
    cap(`${fieldEn(w)}expected ${typeNamesEn[p.expected] ?? 'a value of another type'}`),
  required: (_p, w) => (w ? `Required field "${w}" is missing` : 'No input'),
  invalid_format: (p, w) => cap(`${fieldEn(w)}${formatsEn[p.format] ?? 'invalid format'}`),
  invalid_value: (p, w) =>
    p.allowed ? cap(`${fieldEn(w)}allowed values are ${p.allowed}`) : cap(`${fieldEn(w)}value not allowed`),
  too_small: (p, w) => {
    const n = p.minimum;
    if (p.origin === 'array' || p.origin === 'set') {
      return cap(`${fieldEn(w)}at least ${num(n)} ${plural('en', n, itemsEn)} required`);
    }
    if (p.origin === 'string')
      return cap(`${fieldEn(w)}at least ${num(n)} ${plural('en', n, charsEn)} required`);
    return cap(`${fieldEn(w)}must be ${p.inclusive ? 'at least' : 'greater than'} ${num(n)}`);
  },
  too_big: (p, w) => {
    const n = p.maximum;
    if (n === undefined) return cap(`${fieldEn(w)}the value is too large`);
    if (p.origin === 'array' || p.origin === 'set') {
      return cap(`${fieldEn(w)}at most ${num(n)} ${plural('en', n, itemsEn)} allowed`);
    }
    if (p.origin === 'string')
      return cap(`${fieldEn(w)}at most ${num(n)} ${plural('en', n, charsEn)} allowed`);
    return cap(`${fieldEn(w)}must be ${p.inclusive ? 'at most' : 'less than'} ${num(n)}`);
  },
  unrecognized_keys: (p) =>
    `${plural('en', p.count, { one: 'Unrecognized field', other: 'Unrecognized fields' })} (${num(p.count)}): remove ${plural('en', p.count, { one: 'it', other: 'them' })} or check the spelling`,
  invalid_input: (_p, w) => (w ? `Invalid value of field "${w}"` : 'Invalid input'),
  unsafe_text: (_p, w) =>
    cap(`${fieldEn(w)}the text contains characters that are not allowed (NUL or a lone UTF-16 surrogate)`),
  internal: () => 'Internal error of the library',
};
