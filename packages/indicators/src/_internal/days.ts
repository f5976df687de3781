/**
 * Calendar arithmetic on ISO dates without allocating `Date` objects: hot
 * loops turn `YYYY-MM-DD` strings into day numbers (days since 1970-01-01).
 */

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
export function civilToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of the first of each month, by `year * 16 + month`, filled on first use. */
const UNSET = -(2 ** 31);
const monthStart = new Int32Array(10000 * 16).fill(UNSET);

/** Day number of an ISO date string `YYYY-MM-DD` (validated upstream). */
export function isoDay(s: string): number {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const k = y * 16 + m;
  let first = monthStart[k]!;
  if (first === UNSET) {
    first = civilToDay(y, m, 1);
    monthStart[k] = first;
  }
  // civilToDay is linear in the day of the month.
  return first + d - 1;
}

/** Year, month and day packed as `y * 10000 + m * 100 + d`, for age arithmetic. */
export function isoPacked(s: string): number {
  return (
    (s.charCodeAt(0) - 48) * 10000000 +
    (s.charCodeAt(1) - 48) * 1000000 +
    (s.charCodeAt(2) - 48) * 100000 +
    (s.charCodeAt(3) - 48) * 10000 +
    (s.charCodeAt(5) - 48) * 1000 +
    (s.charCodeAt(6) - 48) * 100 +
    (s.charCodeAt(8) - 48) * 10 +
    (s.charCodeAt(9) - 48)
  );
}

/** Full years from `birth` to `on`, both packed (see {@link isoPacked}). */
export function fullYears(birthPacked: number, onPacked: number): number {
  const years = Math.floor(onPacked / 10000) - Math.floor(birthPacked / 10000);
  return onPacked % 10000 < birthPacked % 10000 ? years - 1 : years;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The day number one calendar year after a day number (29 February → 28 February). */
export function dayPlusOneYear(day: number): number {
  // Inverse of civilToDay.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return civilToDay(y + 1, m, Math.min(d, daysInMonth(y + 1, m)));
}
