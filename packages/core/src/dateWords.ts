import { type IsoDate, IsoDateSchema } from './dates';
import type { Lang } from './labels';
import { parse } from './parse';

const NBSP = '\u00a0';
/**
 * The names of the months, January first: Russian in the nominative («январь»,
 * a heading or a timesheet's month) and in the genitive («7 декабря»), English.
 * One list for every package that writes a month in words.
 *
 * @category Dates
 * @example
 * monthNames.ru.genitive[11]; // 'декабря'
 * monthNames.ru.nominative[0]; // 'январь'
 * monthNames.en[4]; // 'May'
 */
export const monthNames: {
  readonly ru: { readonly nominative: readonly string[]; readonly genitive: readonly string[] };
  readonly en: readonly string[];
} = {
  ru: {
    nominative: [
      'январь',
      'февраль',
      'март',
      'апрель',
      'май',
      'июнь',
      'июль',
      'август',
      'сентябрь',
      'октябрь',
      'ноябрь',
      'декабрь',
    ],
    genitive: [
      'января',
      'февраля',
      'марта',
      'апреля',
      'мая',
      'июня',
      'июля',
      'августа',
      'сентября',
      'октября',
      'ноября',
      'декабря',
    ],
  },
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A date in words, as a letter or a digest prints it: «7 декабря 2026 г.» in
 * Russian (the day and the month, the year and «г.» held together by
 * no-break spaces), "7 December 2026" in English. No clock, no time zone: the
 * date is the calendar date given.
 *
 * @category Dates
 * @throws NastavnikError on an invalid date.
 * @example
 * formatDateLong('2026-12-07'); // '7 декабря 2026 г.' (with no-break spaces)
 * formatDateLong('2026-12-07', 'en'); // '7 December 2026'
 */
export function formatDateLong(date: IsoDate, lang: Lang = 'ru'): string {
  parse(IsoDateSchema, date, ['date']);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  return lang === 'ru'
    ? `${day}${NBSP}${monthNames.ru.genitive[month]} ${year}${NBSP}г.`
    : `${day} ${monthNames.en[month]} ${year}`;
}
