import { daysInMonth } from './calendar';
import type { IsoDate } from './dates';
import { type Due, DueSchema, type MonthRef, type RecurrenceUnit } from './due';
import { fail, isNastavnikError } from './errors';
import { calendarMessagesEn, calendarMessagesRu } from './messages/calendar';
import { registerMessages } from './messages/registry';
import { parse, type Result } from './parse';
import { safeText } from './text';

registerMessages(calendarMessagesRu, calendarMessagesEn);

/** The longest due text accepted (the `dueText` limit of a roadmap activity). */
const MAX_DUE_TEXT = 300;

const DueTextSchema = safeText().max(MAX_DUE_TEXT);

/** Month names in their case forms (январь / января / январе / январю / январем) and abbreviations. */
const MONTH_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:январ[ьяею]|январем|янв)$/, 1],
  [/^(?:феврал[ьяею]|февралем|фев|февр)$/, 2],
  [/^(?:март[аеу]?|мартом|мар)$/, 3],
  [/^(?:апрел[ьяею]|апрелем|апр)$/, 4],
  [/^(?:ма[йяею]|маем)$/, 5],
  [/^(?:июн[ьяею]?|июнем)$/, 6],
  [/^(?:июл[ьяею]?|июлем)$/, 7],
  [/^(?:август[аеу]?|августом|авг)$/, 8],
  [/^(?:сентябр[ьяею]|сентябрем|сен|сент)$/, 9],
  [/^(?:октябр[ьяею]|октябрем|окт)$/, 10],
  [/^(?:ноябр[ьяею]|ноябрем|ноя|нояб)$/, 11],
  [/^(?:декабр[ьяею]|декабрем|дек)$/, 12],
];

function monthOf(word: string): number | undefined {
  for (const [re, month] of MONTH_WORDS) if (re.test(word)) return month;
  return undefined;
}

/** A clause of a due text: lower-cased for matching, and as written (spaces collapsed) for free text. */
interface Clause {
  readonly norm: string;
  readonly orig: string;
}

const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g;
const EDGE_PUNCTUATION = /^[\s.,:;-]+|[\s.,:;]+$/g;

/** Collapse spaces and unify dashes; keeps the letter case and the string length stable for slicing. */
function clean(text: string): string {
  return text.normalize('NFC').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

function lower(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** Words that go with a year («2023 г.», «2023/24 уч. г.»), not a new sentence. */
const YEAR_WORDS = new Set(['г', 'гг', 'год', 'года', 'году', 'уч', 'учебный', 'учебного', 'учебном']);

/** A piece begins with a month, a number or a year word: it continues the previous clause («Сентябрь 2023 г. Октябрь 2023 г.»). */
function continuesDate(normPiece: string): boolean {
  const first = /^[\s-]*([а-яa-z]+|\d)/.exec(normPiece)?.[1];
  if (first === undefined) return true;
  return /^\d$/.test(first) || monthOf(first) !== undefined || YEAR_WORDS.has(first);
}

/**
 * Split a cleaned text into clauses: at «;», and at a sentence end «. » that
 * is not followed by a month or a number.
 */
function splitClauses(text: string): Clause[] {
  const norm = lower(text);
  const clauses: Clause[] = [];
  for (const [start, end] of splitRanges(norm)) {
    const n = norm.slice(start, end).replace(EDGE_PUNCTUATION, '');
    const o = text.slice(start, end).replace(EDGE_PUNCTUATION, '');
    clauses.push({ norm: n, orig: o });
  }
  return clauses;
}

function splitRanges(norm: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i];
    const sentenceEnd = ch === '.' && norm[i + 1] === ' ' && !continuesDate(norm.slice(i + 1));
    if (ch === ';' || sentenceEnd) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  ranges.push([start, norm.length]);
  return ranges;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  один: 1,
  одного: 1,
  одну: 1,
  два: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
};

const UNIT_WORDS: Readonly<Record<string, RecurrenceUnit>> = {
  неделю: 'week',
  месяц: 'month',
  квартал: 'quarter',
  полгода: 'halfYear',
  полугодие: 'halfYear',
  год: 'year',
  'учебный год': 'year',
};

const ADVERB_UNITS: Readonly<Record<string, RecurrenceUnit>> = {
  еженедельно: 'week',
  ежемесячно: 'month',
  ежеквартально: 'quarter',
  ежегодно: 'year',
};

const RECURRING_TIMES =
  /(?:^|\s)(?:(не реже|не менее|как минимум|минимум)\s+)?(?:(\d{1,3}|один|одного|одну|два|двух|три|трех|четыре|четырех)\s+)?(раза?|дважды|трижды)\s+в\s+(неделю|месяц|квартал|четверть|триместр|полгода|полугодие|учебный год|год)$/;
const RECURRING_ADVERB = /(?:^|\s)(?:(не реже|не менее)\s+)?(еженедельно|ежемесячно|ежеквартально|ежегодно)$/;

/** A recurrence at the end of a clause, and the free text before it. */
function matchRecurring(norm: string): { due: Due; prefix: string } | undefined {
  const t = RECURRING_TIMES.exec(norm);
  if (t) {
    const [, atLeastWord, count, word, unitWord] = t;
    let times = 1;
    if (word === 'дважды') times = 2;
    else if (word === 'трижды') times = 3;
    if (count !== undefined) times = NUMBER_WORDS[count] ?? Number(count);
    if (unitWord === 'четверть' || unitWord === 'триместр') {
      // A school term is not three months from 1 September: each term of the school calendar.
      const system = unitWord === 'четверть' ? 'quarters' : 'trimesters';
      return {
        due: { kind: 'schoolTerm', system, term: null, part: 'whole' },
        prefix: norm.slice(0, t.index).trim(),
      };
    }
    const per = unitWord === undefined ? undefined : UNIT_WORDS[unitWord];
    if (per === undefined || !Number.isInteger(times) || times < 1 || times > 366) return undefined;
    return {
      due: { kind: 'recurring', times, per, atLeast: atLeastWord !== undefined },
      prefix: norm.slice(0, t.index).trim(),
    };
  }
  const a = RECURRING_ADVERB.exec(norm);
  if (a) {
    const [, atLeastWord, adverb] = a;
    const per = adverb === undefined ? undefined : ADVERB_UNITS[adverb];
    if (per === undefined) return undefined;
    return {
      due: { kind: 'recurring', times: 1, per, atLeast: atLeastWord !== undefined },
      prefix: norm.slice(0, a.index).trim(),
    };
  }
  return undefined;
}

function isoOf(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const YEAR_SUFFIX = String.raw`(?:\s*(?:г\.?|года|году|год))?`;
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4}|\d{2})${YEAR_SUFFIX}$`);
const WORD_DATE = new RegExp(String.raw`^(\d{1,2})\s+([а-я]+)\.?\s+(\d{4})${YEAR_SUFFIX}$`);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An exact day: «30.01.2023», «30. 01.2023 г.», «05 февраля 2023 г.», «2023-01-30». */
function parseDay(norm: string): IsoDate | undefined {
  const n = NUMERIC_DATE.exec(norm);
  if (n) {
    const year = n[3]!.length === 2 ? 2000 + Number(n[3]) : Number(n[3]);
    return isoOf(year, Number(n[2]), Number(n[1]));
  }
  const w = WORD_DATE.exec(norm);
  if (w) {
    const month = monthOf(w[2]!);
    return month === undefined ? undefined : isoOf(Number(w[3]), month, Number(w[1]));
  }
  const i = ISO_DATE.exec(norm);
  if (i) return isoOf(Number(i[1]), Number(i[2]), Number(i[3]));
  return undefined;
}

const DAY_MONTH = /^(\d{1,2})\s+([а-я]+)\.?$/;
const NUMERIC_DAY_MONTH = /^(\d{1,2})\s*\.\s*(\d{1,2})\.?$/;

/** A day and a month without a year: «15 сентября», «25.05» (a day the month has in a leap year). */
function parseDayMonth(norm: string): Extract<Due, { kind: 'dayMonth' }> | undefined {
  const w = DAY_MONTH.exec(norm);
  const n = w ? undefined : NUMERIC_DAY_MONTH.exec(norm);
  const month = w ? monthOf(w[2]!) : n ? Number(n[2]) : undefined;
  const day = Number((w ?? n)?.[1]);
  if (month === undefined || month < 1 || month > 12 || !(day >= 1)) return undefined;
  if (isoOf(2024, month, day) === undefined) return undefined;
  return { kind: 'dayMonth', day, month, deadline: false };
}

const AS_NEEDED = /^(?:по|при) (?:мере )?необходимости$|^по (?:запросу|требованию)$/;
const CONSTANTLY = /^(?:постоянно|систематически)$/;
const THROUGHOUT_ACADEMIC_YEAR = /^(?:в течение|на протяжении)(?: всего)? учебного года$/;
const THROUGHOUT_YEAR = /^(?:в течение|на протяжении)(?: всего)?(?: календарного)? года$/;
const THROUGHOUT_PROGRAMME =
  /^(?:(?:в течение|на протяжении)(?: всего)? (?:периода|срока)|весь (?:период|срок))(?: .+)?$/;
const BY_SCHEDULE =
  /^(?:(?:по|согласно)(?: [а-я]+)? (?:плану|графику|расписанию|календарю|срокам)|в соответствии со? (?:[а-я]+ )?(?:планом|графиком|расписанием|календарем|сроками))(?: .+)?$/;
const AFTER_EVENT = /^(?:по (?:итогам|окончании|завершении|результатам|подведении итогов)|после) .+$/;
const ACADEMIC_YEAR =
  /^(?:(?:в течение|на|в) )?(\d{4}) ?[-/] ?(\d{4}|\d{2})(?: ?(уч\.?|учебн(?:ый|ого|ом)|гг\.?)(?: ?(?:год[ау]?|г\.?))?)?$/;
const CALENDAR_YEAR = /^(?:(?:в течение|на|в) )?(\d{4})(?: ?(?:г\.?|год[ау]?))?$/;
/**
 * A half-year as the seeds' neighbours write it: Roman or Arabic numerals or words, with or
 * without the academic year — «I полугодие», «2-е полугодие 2023/2024 уч. г.», «первое
 * полугодие», «во втором полугодии». The first is September–December, the second January–May.
 */
const HALF_YEAR =
  /^(?:(?:в|во|за|на) )?(i|ii|1|2|1-?е|2-?е|1-?ое|2-?ое|первое|второе|первом|втором|первое|второе) полугоди[еия](?: (.+))?$/;

function parseHalfYear(n: string): Due | undefined {
  const m = HALF_YEAR.exec(n);
  if (!m) return undefined;
  const second = /^(?:ii|2|втор)/.test(m[1]!);
  let years: [number, number] | undefined;
  if (m[2] !== undefined) {
    const ay = ACADEMIC_YEAR.exec(m[2].replace(/^(?:на|в|за) /, ''));
    if (!ay) return undefined;
    const y1 = Number(ay[1]);
    const y2raw = ay[2]!;
    const y2 = y2raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(y2raw) : Number(y2raw);
    if (y2 !== y1 + 1 || y1 < 2000 || y2 > 2100) return undefined;
    years = [y1, y2];
  }
  const ref = (month: number, year: number | undefined) => (year === undefined ? { month } : { month, year });
  return second
    ? { kind: 'period', from: ref(1, years?.[1]), to: ref(5, years?.[1]) }
    : { kind: 'period', from: ref(9, years?.[0]), to: ref(12, years?.[0]) };
}

const TERM_ORDINAL = String.raw`(i|ii|iii|iv|[1-4](?:-?(?:я|й|ой|ей|ая|ую|ий|го|м|ом))?|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт(?:ая|ой|ую|ом)|кажд[а-я]*)`;
const TERM_NOUN = String.raw`(четверт[а-я]*|триместр[а-я]*)`;
const SCHOOL_TERM = new RegExp(
  String.raw`^(?:(?:в|во) )?(?:(конце|начале|течение)|по (?:итогам|окончании|завершении|результатам)|за|на)? ?(?:${TERM_ORDINAL} )?${TERM_NOUN}$`,
);

/**
 * A school term as schools write it: «в конце I четверти», «по итогам триместра», «во II
 * четверти», «в начале 3-й четверти», «по итогам каждой четверти», «за I триместр». Resolved
 * against the school calendar (`resolveDue`); without a number, each term.
 */
function parseSchoolTerm(n: string): Due | undefined {
  const m = SCHOOL_TERM.exec(n);
  if (!m) return undefined;
  const [, edge, ordinal, noun] = m;
  const system = noun!.startsWith('четверт') ? 'quarters' : 'trimesters';
  let term: number | null = null;
  if (ordinal !== undefined && !ordinal.startsWith('кажд')) {
    // Roman numerals checked longest first: «iii» and «iv» also start with «i».
    term = /^(?:iv|4|четверт)/.test(ordinal)
      ? 4
      : /^(?:iii|3|трет)/.test(ordinal)
        ? 3
        : /^(?:ii|2|втор)/.test(ordinal)
          ? 2
          : 1;
  }
  if (system === 'trimesters' && term !== null && term > 3) return undefined;
  const words = n.split(' ');
  const part =
    edge === 'конце' ? 'end' : edge === 'начале' ? 'start' : words[0] === 'по' ? 'results' : 'whole';
  // A bare «четверть» without a number or a preposition says nothing about which term.
  if (
    term === null &&
    part === 'whole' &&
    ordinal === undefined &&
    edge === undefined &&
    words.length === 1
  ) {
    return undefined;
  }
  return { kind: 'schoolTerm', system, term, part };
}

/** A month reference in text order, before years are filled in. */
interface RefDraft {
  month: number;
  year?: number;
}
interface ItemDraft {
  from: RefDraft;
  to?: RefDraft;
}

const MONTH_FILLERS = new Set(['в', 'во', 'с', 'со', 'на', 'течение', 'г', 'гг', 'год', 'года', 'году', '.']);

/**
 * Months, month ranges and lists: «Сентябрь», «Август-сентябрь», «декабрь, май»,
 * «март – декабрь 2023 г.», «Сентябрь 2023 г. Октябрь 2023 г.», «с сентября по май».
 */
function parseMonths(norm: string): Due | undefined {
  const tokens = norm.match(/\d+|[а-яa-z]+|[-,./]/g) ?? [];
  const items: ItemDraft[] = [];
  let rangeOpen = false;
  let separated = true;
  let last: RefDraft | undefined;
  for (const tok of tokens) {
    const month = monthOf(tok);
    if (month !== undefined) {
      const ref: RefDraft = { month };
      const open = items.at(-1);
      if (rangeOpen && open !== undefined) {
        open.to = ref;
        rangeOpen = false;
      } else {
        items.push({ from: ref });
      }
      last = ref;
      separated = false;
    } else if (/^\d{4}$/.test(tok)) {
      const year = Number(tok);
      if (last === undefined || last.year !== undefined || rangeOpen || year < 2000 || year > 2100) {
        return undefined;
      }
      last.year = year;
    } else if (tok === '-' || tok === 'по') {
      const open = items.at(-1);
      if (open === undefined || open.to !== undefined || rangeOpen) return undefined;
      rangeOpen = true;
    } else if (tok === ',' || tok === 'и') {
      if (separated || rangeOpen) return undefined;
      separated = true;
    } else if (!MONTH_FILLERS.has(tok)) {
      return undefined;
    }
  }
  if (items.length === 0 || rangeOpen) return undefined;
  fillYears(items.flatMap((i) => (i.to ? [i.from, i.to] : [i.from])));
  const refs = items.map((i) => ({ from: toRef(i.from), to: toRef(i.to ?? i.from) }));
  if (refs.length === 1) {
    const only = refs[0]!;
    return { kind: 'period', from: only.from, to: only.to };
  }
  if (items.every((i) => i.to === undefined)) {
    return { kind: 'months', months: refs.map((r) => r.from) };
  }
  return { kind: 'all', parts: refs.map((r) => ({ kind: 'period', from: r.from, to: r.to })) };
}

function toRef(draft: RefDraft): MonthRef {
  return draft.year === undefined ? { month: draft.month } : { month: draft.month, year: draft.year };
}

/**
 * Time runs forward through a list: a year written after months applies to
 * the months before it (the latest such month not after the dated one), and
 * a year written before applies to the months after it (the earliest such
 * month not before).
 */
function fillYears(refs: RefDraft[]): void {
  let anchor: RefDraft | undefined;
  for (let i = refs.length - 1; i >= 0; i--) {
    const r = refs[i]!;
    if (r.year === undefined && anchor?.year !== undefined) {
      r.year = r.month <= anchor.month ? anchor.year : anchor.year - 1;
    }
    if (r.year !== undefined) anchor = r;
  }
  anchor = undefined;
  for (const r of refs) {
    if (r.year === undefined && anchor?.year !== undefined) {
      r.year = r.month >= anchor.month ? anchor.year : anchor.year + 1;
    }
    if (r.year !== undefined) anchor = r;
  }
}

/** One clause without a recurrence. */
function parseSimpleClause(c: Clause): Due | undefined {
  const n = c.norm;
  if (n === '' || /^-+$/.test(n)) return { kind: 'unspecified' };
  if (AS_NEEDED.test(n)) return { kind: 'asNeeded' };
  if (CONSTANTLY.test(n)) return { kind: 'throughout', scope: 'programme' };
  if (THROUGHOUT_ACADEMIC_YEAR.test(n)) return { kind: 'throughout', scope: 'academicYear' };
  if (THROUGHOUT_YEAR.test(n)) return { kind: 'throughout', scope: 'year' };
  if (THROUGHOUT_PROGRAMME.test(n)) return { kind: 'throughout', scope: 'programme' };
  if (BY_SCHEDULE.test(n)) return { kind: 'bySchedule', schedule: c.orig };
  const term = parseSchoolTerm(n);
  if (term !== undefined) return term;
  if (AFTER_EVENT.test(n)) return { kind: 'afterEvent', event: c.orig };

  const deadline = /^(?:до|не позднее|в срок до|срок до)\s+(.+)$/.exec(n);
  if (deadline) {
    const date = parseDay(deadline[1]!);
    if (date !== undefined) return { kind: 'deadline', date };
    const dm = parseDayMonth(deadline[1]!);
    return dm === undefined ? undefined : { ...dm, deadline: true };
  }
  const day = parseDay(n);
  if (day !== undefined) return { kind: 'date', date: day };
  const dm = parseDayMonth(n);
  if (dm !== undefined) return dm;

  const half = parseHalfYear(n);
  if (half !== undefined) return half;
  const ay = ACADEMIC_YEAR.exec(n);
  if (ay) {
    const y1 = Number(ay[1]);
    const y2raw = ay[2]!;
    const y2 = y2raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(y2raw) : Number(y2raw);
    const calendar = ay[3]?.startsWith('гг') === true || y2 !== y1 + 1;
    if (y2 <= y1 || y1 < 2000 || y2 > 2100) return undefined;
    return calendar
      ? { kind: 'period', from: { month: 1, year: y1 }, to: { month: 12, year: y2 } }
      : { kind: 'period', from: { month: 9, year: y1 }, to: { month: 8, year: y2 } };
  }
  const cy = CALENDAR_YEAR.exec(n);
  if (cy) {
    const y = Number(cy[1]);
    if (y < 2000 || y > 2100) return undefined;
    return { kind: 'period', from: { month: 1, year: y }, to: { month: 12, year: y } };
  }
  return parseMonths(n);
}

function parseClause(c: Clause): Due | undefined {
  const simple = parseSimpleClause(c);
  if (simple !== undefined) return simple;
  const rec = matchRecurring(c.norm);
  if (rec === undefined) return undefined;
  if (rec.prefix === '') return rec.due;
  // «Сентябрь, далее не реже раза в месяц»: a time before the recurrence is kept;
  // any other words before it («занятия ШМУ проводятся …») only say what recurs.
  const prefix = rec.prefix.replace(EDGE_PUNCTUATION, '');
  const head = parseSimpleClause({ norm: prefix, orig: prefix });
  if (head !== undefined && head.kind !== 'unspecified') return combine([head, rec.due]);
  return rec.due;
}

function combine(parts: Due[]): Due {
  const flat = parts
    .flatMap((p) => (p.kind === 'all' ? p.parts : [p]))
    .filter((p) => p.kind !== 'unspecified');
  if (flat.length === 0) return { kind: 'unspecified' };
  if (flat.length === 1) return flat[0]!;
  return { kind: 'all', parts: flat };
}

function unparsed(): never {
  throw fail('due_unparsed', []);
}

/**
 * Parse a due text of a roadmap («Август-сентябрь», «до 30 января 2023 г.»,
 * «1 раз в полгода», «В течение всего периода реализации ПН», «по плану ДИРО»,
 * an empty cell, …) into a typed {@link Due}.
 *
 * It is lenient about case, dashes (-, –, —), spaces, dots, «г.» and the case
 * forms of month names (январь / января / январе). Clauses joined by «;» or
 * by a sentence end become `{ kind: 'all' }`. A year written after a list or
 * range of months applies to the months before it, time running forward
 * («март – декабрь 2023 г.» is March–December 2023).
 *
 * Throws a {@link NastavnikError} with code `due_unparsed` for a text it
 * does not recognise (see {@link safeParseDue} for a non-throwing variant),
 * and `invalid_type` / `too_big` for a non-string or a text over 300 characters.
 *
 * @category Due dates
 * @example
 * parseDue('Август-сентябрь'); // { kind: 'period', from: { month: 8 }, to: { month: 9 } }
 * parseDue('до 30. 01.2023 г.'); // { kind: 'deadline', date: '2023-01-30' }
 * parseDue('1 раз в полгода'); // { kind: 'recurring', times: 1, per: 'halfYear', atLeast: false }
 * parseDue(''); // { kind: 'unspecified' }
 */
export function parseDue(text: string): Due {
  const input = parse(DueTextSchema, text, ['dueText']);
  const cleaned = clean(input);
  const parts: Due[] = [];
  for (const clause of splitClauses(cleaned)) {
    const due = parseClause(clause);
    if (due === undefined) unparsed();
    parts.push(due);
  }
  const due = combine(parts);
  // Years filled in from a neighbour can leave the supported range (2000–2100).
  if (!DueSchema.safeParse(due).success) unparsed();
  return due;
}

/**
 * Like {@link parseDue}, but returns a {@link Result} instead of throwing.
 *
 * @category Due dates
 * @example
 * const r = safeParseDue('когда-нибудь');
 * if (!r.ok) console.log(r.error.code); // 'due_unparsed'
 */
export function safeParseDue(text: string): Result<Due> {
  try {
    return { ok: true, value: parseDue(text) };
  } catch (error) {
    if (isNastavnikError(error)) return { ok: false, error };
    return {
      ok: false,
      error: fail('internal', ['dueText']),
    };
  }
}
