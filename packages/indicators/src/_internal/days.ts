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

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/** Day number of an ISO date string `YYYY-MM-DD` (validated upstream). */
export function isoDay(s: string): number {
  return civilToDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
}

/** Year, month and day packed as `y * 10000 + m * 100 + d`, for age arithmetic. */
export function isoPacked(s: string): number {
  return digits(s, 0, 4) * 10000 + digits(s, 5, 7) * 100 + digits(s, 8, 10);
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
