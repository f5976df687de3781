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

/**
 * The Russian plural form for a count: 1 пара, 2 пары, 5 пар.
 *
 * @category Typography
 * @example
 * plural(21, ['пара', 'пары', 'пар']); // 'пара'
 */
export function plural(count: number, forms: readonly [string, string, string]): string {
  const n = Math.abs(count) % 100;
  const n1 = n % 10;
  if (n > 10 && n < 20) return forms[2];
  if (n1 > 1 && n1 < 5) return forms[1];
  if (n1 === 1) return forms[0];
  return forms[2];
}
