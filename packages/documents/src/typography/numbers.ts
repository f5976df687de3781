const NBSP = '\u00a0';

/**
 * An order number with the number sign and a non-breaking space: «№ 348-р».
 * A number already starting with «№» is normalised, not doubled.
 *
 * @category Typography
 * @example
 * formatOrderNumber('348-р'); // '№ 348-р' (NBSP)
 * formatOrderNumber('№5/1-п.о.д.'); // '№ 5/1-п.о.д.'
 */
export function formatOrderNumber(number: string): string {
  const bare = number.trim().replace(/^№\s*/u, '');
  return `№${NBSP}${bare}`;
}

/**
 * The reference to an act as annexes and texts write it:
 * «от 31.08.2023 № 348-р».
 *
 * @category Typography
 * @example
 * formatActRef('31.08.2023', '348-р'); // 'от 31.08.2023 № 348-р'
 */
export function formatActRef(dateShort: string, number: string): string {
  return `от${NBSP}${dateShort} ${formatOrderNumber(number)}`;
}

/**
 * A share as a percentage with a decimal comma: 72,5 %. Rolls up as a
 * ratio (numerator / denominator), never as a mean of percentages.
 *
 * @category Typography
 * @example
 * formatPercent(29, 40); // '72,5 %'
 * formatPercent(0, 0); // '—'
 */
export function formatPercent(numerator: number, denominator: number, digits = 1): string {
  if (denominator <= 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return '—';
  const value = (numerator / denominator) * 100;
  const text = value.toFixed(digits).replace('.', ',').replace(/,0+$/u, '');
  return `${text}${NBSP}%`;
}

/**
 * A number with thin grouping as Russian texts write it: 12 345 (NBSP).
 *
 * @category Typography
 * @example
 * formatNumber(12345); // '12 345'
 */
export function formatNumber(value: number): string {
  const [int, frac] = String(value).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/gu, NBSP);
  return frac ? `${grouped},${frac}` : grouped;
}

const RU_PLURAL = new Intl.PluralRules('ru');

/**
 * The Russian plural form for a count, chosen by `Intl.PluralRules('ru')`:
 * 1 пара, 2 пары, 5 пар; a fraction takes the genitive singular (1,5 пары).
 *
 * @category Typography
 * @example
 * plural(21, ['пара', 'пары', 'пар']); // 'пара'
 */
export function plural(count: number, forms: readonly [string, string, string]): string {
  switch (RU_PLURAL.select(count)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    case 'many':
      return forms[2];
    default:
      // `other` is a fraction: «1,5 пары», «2,5 часа».
      return forms[1];
  }
}

/**
 * A count with its noun agreed, the number first and a non-breaking space
 * between them: «18 пар», «21 пара», «3 группы», «1 234 наставляемых».
 *
 * @category Typography
 * @example
 * formatCount(18, ['пара', 'пары', 'пар']); // '18 пар' (NBSP)
 * [formatCount(18, ['пара', 'пары', 'пар']), formatCount(6, ['группа', 'группы', 'групп'])].join(', '); // '18 пар, 6 групп'
 */
export function formatCount(count: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(count)}${NBSP}${plural(count, forms)}`;
}
