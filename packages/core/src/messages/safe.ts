// Params are typed, but a message must stay free of personal data even when a caller passes
// the wrong string: a param printed as-is must look like what it claims to be.

/** An enum key or an input key (`completed`, `menteeIds`), or nothing. */
export function token(value: string | undefined): string {
  return value !== undefined && /^[A-Za-z][A-Za-z0-9]*$/.test(value) ? value : '';
}

/** A list of keys, each a {@link token}; others are counted, not printed. */
export function tokens(list: string): string {
  return list
    .split(',')
    .map((k) => token(k.trim()) || '…')
    .join(', ');
}

/** An ISO date `YYYY-MM-DD`, or nothing. */
export function isoDate(value: string | undefined): string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

/** Look a reason up; an unknown key (a wrong cast) falls back to the generic text. */
export function pick<K extends string>(
  table: Readonly<Record<K, string>>,
  key: K | undefined,
): string | undefined {
  return key === undefined ? undefined : (table as Readonly<Record<string, string>>)[key];
}

/** An id (`p-7`, `sch.12`, `Q3`): Latin letters, digits and `.-:`, at most 64 characters; or nothing. */
export function id(value: string | undefined): string {
  return value !== undefined && /^[A-Za-z0-9][A-Za-z0-9.:-]{0,63}$/.test(value) ? value : '';
}

/** A finite number as digits, or nothing. */
export function num(value: number | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
