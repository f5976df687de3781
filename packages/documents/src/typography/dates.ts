import { type IsoDate, IsoDateSchema, monthNames, parse } from '@nastavnik/core';

const NBSP = '\u00a0';

function parts(date: IsoDate): { y: number; m: number; d: number } {
  parse(IsoDateSchema, date);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/**
 * A date as official Russian documents write it in text: «31» августа 2023 г.
 * (day in guillemets, month in the genitive, non-breaking spaces so that the
 * date never breaks across lines). `quoted: false` gives 31 августа 2023 г.
 *
 * @category Typography
 * @example
 * formatDateLong('2023-08-31'); // '«31» августа 2023 г.' (with NBSP)
 * formatDateLong('2023-09-01', { quoted: false }); // '1 сентября 2023 г.'
 */
export function formatDateLong(date: IsoDate, options: { quoted?: boolean } = {}): string {
  const { y, m, d } = parts(date);
  const day = options.quoted === false ? String(d) : `«${String(d).padStart(2, '0')}»`;
  return `${day}${NBSP}${monthNames.ru.genitive[m - 1]}${NBSP}${y}${NBSP}г.`;
}

/**
 * A date as 31.08.2023 (requisites of orders, tables).
 *
 * @category Typography
 * @example
 * formatDateShort('2023-08-31'); // '31.08.2023'
 */
export function formatDateShort(date: IsoDate): string {
  const { y, m, d } = parts(date);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/**
 * A month and year as a roadmap writes a due: «сентябрь 2023 г.».
 *
 * @category Typography
 * @example
 * formatMonth('2023-09-15'); // 'сентябрь 2023 г.'
 */
export function formatMonth(date: IsoDate): string {
  const { y, m } = parts(date);
  return `${monthNames.ru.nominative[m - 1]} ${y}${NBSP}г.`;
}

/**
 * A term from one date to another: «с 01.09.2023 по 31.05.2024».
 *
 * @category Typography
 * @example
 * formatTerm('2023-09-01', '2024-05-31'); // 'с 01.09.2023 по 31.05.2024'
 */
export function formatTerm(start: IsoDate, end: IsoDate): string {
  return `с${NBSP}${formatDateShort(start)} по${NBSP}${formatDateShort(end)}`;
}
