import { dayNumberFromParts, daysInMonth, partsOfDayNumber } from '@nastavnik/core';
import { collapseSpaces, memoLong } from './text';

/** A cell as the readers hand it over: already flattened from rich text, formulas and hyperlinks. */
export type Cell = string | number | boolean | Date | undefined;

/** A failed conversion of one cell, before a row number and column are attached (words: core's catalogue). */
export interface CellProblem {
  readonly code: 'date_invalid' | 'number_invalid';
}

export type Parsed<T> = { ok: true; value: T; note?: 'twoDigitYear' } | { ok: false; problem: CellProblem };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The text of a cell for text fields (integers without a decimal point, dates as ДД.ММ.ГГГГ). */
export function cellText(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'string') {
    const t = collapseSpaces(cell);
    return t === '' ? undefined : t;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberText(cell) : undefined;
  if (typeof cell === 'boolean') return cell ? 'ИСТИНА' : 'ЛОЖЬ';
  if (Number.isNaN(cell.getTime())) return undefined;
  return `${pad(cell.getUTCDate())}.${pad(cell.getUTCMonth() + 1)}.${cell.getUTCFullYear()}`;
}

/** The value of a cell as shown to the curator in the error report. */
export function cellDisplay(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'string') return cell;
  return cellText(cell);
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}

const DATE_PROBLEM: CellProblem = { code: 'date_invalid' };

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^янв/, 1],
  [/^фев/, 2],
  [/^мар/, 3],
  [/^апр/, 4],
  [/^ма[йя]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^авг/, 8],
  [/^сен/, 9],
  [/^окт/, 10],
  [/^ноя/, 11],
  [/^дек/, 12],
];

function isoOf(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return undefined;
  if (d > daysInMonth(y, m)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Day numbers (core's calendar) of the two Excel epochs: serial 0 of the 1900 system, serial 0 of the 1904 one. */
const DAY_1900 = dayNumberFromParts(1899, 12, 31);
const DAY_1904 = dayNumberFromParts(1904, 1, 1);

/** Excel serial (1900 system, with its phantom 29 Feb 1900) or 1904 system → ISO date. */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 109_574) return undefined;
  const whole = Math.floor(serial);
  let day: number;
  if (date1904) {
    day = DAY_1904 + whole;
  } else {
    if (whole === 60) return undefined; // 29.02.1900 never existed (Lotus 1-2-3 compatibility)
    day = DAY_1900 + (whole > 60 ? whole - 1 : whole);
  }
  const p = partsOfDayNumber(day);
  return isoOf(p.year, p.month, p.day);
}

export interface DateOptions {
  readonly date1904: boolean;
  /** Two-digit years below the pivot are 20xx, others 19xx. */
  readonly pivot: number;
}

/** Read a date as Russian spreadsheets write it. */
export function parseDate(cell: Cell, opts: DateOptions): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, problem: DATE_PROBLEM };
    // Dates from cells are UTC midnight (Excel has no time zones); round to the nearest day
    // so that a 23:59:59.999 artefact of float serials does not shift the date.
    const t = Math.round(cell.getTime() / 86_400_000) * 86_400_000;
    const d = new Date(t);
    const iso = isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    return iso ? { ok: true, value: iso } : { ok: false, problem: DATE_PROBLEM };
  }
  if (typeof cell === 'number') {
    const iso = serialToIso(cell, opts.date1904);
    return iso ? { ok: true, value: iso } : { ok: false, problem: DATE_PROBLEM };
  }
  const text = cellText(cell);
  if (text === undefined) return { ok: false, problem: DATE_PROBLEM };
  const t = text.toLowerCase().replace(/ё/g, 'е');
  // 31.08.2023, 31/08/2023, 31-08-2023, 31.08.23, optional time and «г.»
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) {
    const yRaw = m[3] ?? '';
    let y = Number(yRaw);
    let note: 'twoDigitYear' | undefined;
    if (yRaw.length === 2) {
      y += y < opts.pivot ? 2000 : 1900;
      note = 'twoDigitYear';
    }
    const iso = isoOf(y, Number(m[2]), Number(m[1]));
    if (!iso) return { ok: false, problem: DATE_PROBLEM };
    return note ? { ok: true, value: iso, note } : { ok: true, value: iso };
  }
  // 2023-08-31 (ISO, optionally with a time)
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t\s].*)?$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, value: iso } : { ok: false, problem: DATE_PROBLEM };
  }
  // 31 августа 2023 г.
  m = /^(\d{1,2})\s+([а-я]+)\.?\s+(\d{4})(?:\s*г\.?)?$/.exec(t);
  if (m) {
    const month = MONTHS.find(([re]) => re.test(m?.[2] ?? ''))?.[1];
    const iso = month ? isoOf(Number(m[3]), month, Number(m[1])) : undefined;
    return iso ? { ok: true, value: iso } : { ok: false, problem: DATE_PROBLEM };
  }
  // An Excel serial stored as text.
  if (/^\d{4,6}(?:[.,]\d+)?$/.test(t)) {
    const iso = serialToIso(Number(t.replace(',', '.')), opts.date1904);
    if (iso) return { ok: true, value: iso };
  }
  return { ok: false, problem: DATE_PROBLEM };
}

const NUMBER_PROBLEM: CellProblem = { code: 'number_invalid' };

/** A number, also when stored as text: «5», « 5 », «5,5», «5 лет», «1 200». */
export function parseNumber(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, problem: NUMBER_PROBLEM };
  }
  if (typeof cell === 'boolean' || cell instanceof Date) return { ok: false, problem: NUMBER_PROBLEM };
  const text = cellText(cell);
  if (text === undefined) return { ok: false, problem: NUMBER_PROBLEM };
  const t = text.toLowerCase().replace(/ё/g, 'е');
  const m =
    /^(-?\d{1,3}(?:[ \u00a0]\d{3})+|-?\d+)(?:[.,](\d+))?\s*(?:год|года|лет|г|ч|час|часа|часов|чел|человек)?\.?$/.exec(
      t,
    );
  if (!m) return { ok: false, problem: NUMBER_PROBLEM };
  const value = Number(`${(m[1] ?? '').replace(/[ \u00a0]/g, '')}${m[2] ? `.${m[2]}` : ''}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: NUMBER_PROBLEM };
}

/** A school grade: 7, «7», «7А», «7 «Б»», «7-в класс». */
export function parseGrade(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') return parseNumber(cell);
  const text = cellText(cell);
  if (text === undefined) return { ok: false, problem: NUMBER_PROBLEM };
  const m = /^(\d{1,2})\s*[-–]?\s*[«"]?[а-яa-z]?[»"]?\s*(?:класс|кл\.?)?$/i.exec(text);
  if (!m) return { ok: false, problem: NUMBER_PROBLEM };
  return { ok: true, value: Number(m[1]) };
}

/** Split a multi-value cell on «;», line breaks and (unless told otherwise) commas. */
export function splitList(text: string, commas: boolean): string[] {
  return [...(commas ? splitAll(text) : splitLines(text))];
}

const splitOn = (re: RegExp) =>
  memoLong((text: string): readonly string[] =>
    text
      .split(re)
      .map((s) => collapseSpaces(s))
      .filter((s) => s !== ''),
  );
const splitAll = splitOn(/[;\n\r,]+/);
const splitLines = splitOn(/[;\n\r]+/);

/** A UTC-midnight Date for an ISO date (how XLSX date cells are written). */
export function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Russian decimal comma for CSV. */
export function numberRu(n: number): string {
  return numberText(n).replace('.', ',');
}
