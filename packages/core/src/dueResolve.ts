import { z } from 'zod';
import { addDaysIso, addMonthsIso, dateParts, dayNumber, isoFromParts } from './calendar';
import {
  type AcademicYear,
  AcademicYearSchema,
  academicYearBounds,
  academicYearOf,
  type IsoDate,
  IsoDateSchema,
} from './dates';
import { type Due, DueSchema, type MonthRef, type RecurrenceUnit } from './due';
import { fail } from './errors';
import { registerCatalogue } from './messages/catalogue';
import { parse } from './parse';
import {
  type SchoolCalendar,
  type SchoolCalendarInput,
  SchoolCalendarSchema,
  schoolTermWindows,
  standardQuarterCalendar,
  standardTrimesterCalendar,
} from './schoolCalendar';

registerCatalogue();

/**
 * A concrete window of days (both ends included) in which an activity is to
 * be done.
 *
 * @category Due dates
 * @example
 * const w: DueWindow = { start: '2023-08-01', end: '2023-09-30' };
 */
export type DueWindow = { start: IsoDate; end: IsoDate };

/**
 * The period a due is resolved against: an academic year (1 September –
 * 31 August) or explicit first and last days (a calendar year, a programme's term).
 *
 * @category Due dates
 * @example
 * const p: DuePeriod = { academicYear: '2023-2024' };
 * const q: DuePeriod = { start: '2023-01-01', end: '2023-12-31' };
 */
export type DuePeriod = { academicYear: AcademicYear } | { start: IsoDate; end: IsoDate };

/**
 * Schema of {@link DuePeriod}.
 *
 * @category Due dates
 * @example
 * DuePeriodSchema.parse({ academicYear: '2023-2024' });
 */
export const DuePeriodSchema = z.union([
  z.object({ academicYear: AcademicYearSchema }),
  z.object({ start: IsoDateSchema, end: IsoDateSchema }),
]);

interface Bounds {
  start: IsoDate;
  end: IsoDate;
}

function boundsOf(period: DuePeriod): Bounds {
  const p = parse(DuePeriodSchema, period, ['period']);
  if ('academicYear' in p) return academicYearBounds(p.academicYear);
  if (p.start > p.end) {
    throw fail('invalid_date_range', ['period', 'end'], { reason: 'periodEndsBeforeStart' });
  }
  return { start: p.start, end: p.end };
}

/** Months counted from year 0: `year * 12 + (month - 1)`. */
type MonthIndex = number;

const indexOf = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
const monthOfIndex = (i: MonthIndex): number => (((i % 12) + 12) % 12) + 1;
const earliest = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const latest = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The first month `month` on or after the month index `from`. */
function onOrAfter(month: number, from: MonthIndex): MonthIndex {
  return from + ((month - monthOfIndex(from) + 12) % 12);
}

/** The last month `month` on or before the month index `to`. */
function onOrBefore(month: number, to: MonthIndex): MonthIndex {
  return to - ((monthOfIndex(to) - month + 12) % 12);
}

function startMonth(bounds: Bounds): MonthIndex {
  const d = dateParts(bounds.start);
  return indexOf(d.year, d.month);
}

/**
 * A month without a year goes to its first occurrence in the period: for an
 * academic year, September–December of the first year and January–August of
 * the second.
 */
function placeRef(ref: MonthRef, bounds: Bounds): MonthIndex {
  return ref.year === undefined ? onOrAfter(ref.month, startMonth(bounds)) : indexOf(ref.year, ref.month);
}

function monthsWindow(from: MonthIndex, to: MonthIndex): DueWindow {
  const [a, b] = from <= to ? [from, to] : [to, from];
  // A day past the month's end is clamped to it: 31 gives the last day.
  return {
    start: isoFromParts(Math.floor(a / 12), monthOfIndex(a), 1),
    end: isoFromParts(Math.floor(b / 12), monthOfIndex(b), 31),
  };
}

/** A range goes forward in time: `to` is placed first, then `from` is the latest such month not after it. */
function periodWindow(from: MonthRef, to: MonthRef, bounds: Bounds): DueWindow {
  let toIndex: MonthIndex;
  if (to.year !== undefined) toIndex = indexOf(to.year, to.month);
  else if (from.year !== undefined) toIndex = onOrAfter(to.month, indexOf(from.year, from.month));
  else toIndex = placeRef(to, bounds);
  const fromIndex =
    from.year !== undefined ? indexOf(from.year, from.month) : onOrBefore(from.month, toIndex);
  return monthsWindow(fromIndex, toIndex);
}

const UNIT_MONTHS: Readonly<Record<Exclude<RecurrenceUnit, 'week'>, number>> = {
  month: 1,
  quarter: 3,
  halfYear: 6,
  year: 12,
};

/**
 * The most windows one recurrence may resolve to: a weekly activity over ten
 * years is 522. A period set from outside cannot make it loop for seconds.
 */
const MAX_DUE_WINDOWS = 1000;

/** One window per unit, counted from the start of the period; the last one is cut at its end. */
function recurringWindows(per: RecurrenceUnit, bounds: Bounds): DueWindow[] {
  const { start, end } = bounds;
  const s = dateParts(start);
  const e = dateParts(end);
  const span =
    per === 'week'
      ? Math.floor((dayNumber(end) - dayNumber(start)) / 7)
      : Math.floor(((e.year - s.year) * 12 + e.month - s.month) / UNIT_MONTHS[per]);
  if (span + 1 > MAX_DUE_WINDOWS) {
    throw fail('too_big', ['period'], { maximum: MAX_DUE_WINDOWS, origin: 'array', inclusive: true });
  }
  const step = (k: number): IsoDate =>
    per === 'week' ? addDaysIso(start, 7 * k) : addMonthsIso(start, k * UNIT_MONTHS[per]);
  const windows: DueWindow[] = [];
  for (let k = 0; ; k++) {
    const from = step(k);
    if (from > end) break;
    const next = addDaysIso(step(k + 1), -1);
    windows.push({ start: from, end: earliest(next, end) });
  }
  return windows;
}

/** Two school weeks: «в начале / в конце четверти». */
const TERM_EDGE_DAYS = 13;
/** «По итогам четверти»: from its last week to the end of the holidays after it. */
const TERM_RESULTS_DAYS = 6;

/** The school calendar of a system: the caller's when it is of that system, else the standard one. */
function calendarFor(system: SchoolCalendar['system'], calendar: SchoolCalendar | undefined): SchoolCalendar {
  if (calendar?.system === system) return calendar;
  return system === 'quarters' ? standardQuarterCalendar : standardTrimesterCalendar;
}

type TermDue = Extract<Due, { kind: 'schoolTerm' }>;

/** The windows of a school term in every academic year the period touches. */
function termWindows(due: TermDue, bounds: Bounds, calendar: SchoolCalendar | undefined): DueWindow[] {
  const cal = calendarFor(due.system, calendar);
  if (due.term !== null && due.term > cal.terms.length) {
    throw fail('too_big', ['due', 'term'], { maximum: cal.terms.length, origin: 'number', inclusive: true });
  }
  const first = Number(academicYearOf(bounds.start).slice(0, 4));
  const last = Number(academicYearOf(bounds.end).slice(0, 4));
  const out: DueWindow[] = [];
  for (let y = first; y <= last; y++) {
    for (const t of schoolTermWindows(cal, `${y}-${y + 1}` as AcademicYear)) {
      if (due.term !== null && t.term !== due.term) continue;
      const w: DueWindow =
        due.part === 'whole'
          ? { start: t.start, end: t.end }
          : due.part === 'start'
            ? { start: t.start, end: earliest(addDaysIso(t.start, TERM_EDGE_DAYS), t.end) }
            : due.part === 'end'
              ? { start: latest(addDaysIso(t.end, -TERM_EDGE_DAYS), t.start), end: t.end }
              : { start: latest(addDaysIso(t.end, -TERM_RESULTS_DAYS), t.start), end: t.resultsEnd };
      // A term of an academic year the period only touches counts when it overlaps the period.
      if (w.end >= bounds.start && w.start <= bounds.end) out.push(w);
    }
  }
  return out;
}

function windowsOf(due: Due, bounds: Bounds, calendar: SchoolCalendar | undefined): DueWindow[] {
  switch (due.kind) {
    case 'deadline':
      return [{ start: earliest(due.date, bounds.start), end: due.date }];
    case 'date':
      return [{ start: due.date, end: due.date }];
    case 'dayMonth': {
      // Placed like a month without a year: in an academic year, September–December of the first.
      const w = monthsWindow(placeRef({ month: due.month }, bounds), placeRef({ month: due.month }, bounds));
      const last = Number(w.end.slice(8, 10));
      const date = `${w.start.slice(0, 8)}${String(Math.min(due.day, last)).padStart(2, '0')}`;
      return due.deadline
        ? [{ start: earliest(date, bounds.start), end: date }]
        : [{ start: date, end: date }];
    }
    case 'period':
      return [periodWindow(due.from, due.to, bounds)];
    case 'months':
      return due.months.map((m) => {
        const i = placeRef(m, bounds);
        return monthsWindow(i, i);
      });
    case 'recurring':
      return recurringWindows(due.per, bounds);
    case 'throughout':
      return [{ start: bounds.start, end: bounds.end }];
    case 'asNeeded':
    case 'bySchedule':
    case 'afterEvent':
    case 'unspecified':
      return [];
    case 'schoolTerm':
      return termWindows(due, bounds, calendar);
    case 'all':
      return due.parts.flatMap((p) => windowsOf(p, bounds, calendar));
  }
}

function sortUnique(windows: DueWindow[]): DueWindow[] {
  const sorted = [...windows].sort((a, b) =>
    a.start === b.start ? (a.end < b.end ? -1 : a.end > b.end ? 1 : 0) : a.start < b.start ? -1 : 1,
  );
  return sorted.filter((w, i) => {
    const prev = sorted[i - 1];
    return prev === undefined || prev.start !== w.start || prev.end !== w.end;
  });
}

/**
 * The concrete windows, inside a period, in which an activity with this due
 * is to be done, sorted by start (then end), identical windows once.
 *
 * - a month without a year is placed in the period: for an academic year,
 *   September–December of the first year and January–August of the second;
 *   for explicit dates, at its first occurrence on or after the start month;
 * - a range goes forward in time: `to` is placed first, then `from` is the
 *   latest such month not after it («Август-сентябрь» in 2023-2024 is
 *   1 Aug 2023 – 30 Sep 2023, even though August lies before the period);
 * - explicit years win (a window may then lie outside the period);
 * - `deadline`: from the start of the period to the date; `date`: that day;
 * - `recurring`: one window per unit across the period, counted from its
 *   start (monthly: September, October, …; half-yearly: Sep–Feb, Mar–Aug);
 * - `throughout`: the whole period (whatever its scope);
 * - `asNeeded`, `bySchedule`, `afterEvent`, `unspecified`: no windows (no
 *   deadline, never overdue);
 * - `schoolTerm`: the term from the school calendar (`options.calendar`
 *   when it is of the due's system — четверти or триместры —, else the
 *   standard one: {@link standardQuarterCalendar},
 *   {@link standardTrimesterCalendar}), in every academic year the period
 *   touches: the whole term, its first or last two weeks («в начале / в
 *   конце I четверти»), or its results (its last week to the end of the
 *   holidays after it: «по итогам триместра»); a term the calendar does not
 *   have is refused (`too_big`);
 * - `all`: the windows of all parts.
 *
 * Throws a {@link NastavnikError} for an invalid due, period or calendar.
 *
 * @category Due dates
 * @example
 * resolveDue(parseDue('Август-сентябрь'), { academicYear: '2023-2024' });
 * // [{ start: '2023-08-01', end: '2023-09-30' }]
 * resolveDue(parseDue('1 раз в полгода'), { academicYear: '2023-2024' });
 * // [{ start: '2023-09-01', end: '2024-02-29' }, { start: '2024-03-01', end: '2024-08-31' }]
 * resolveDue(parseDue('в конце I четверти'), { academicYear: '2023-2024' });
 * // [{ start: '2023-10-14', end: '2023-10-27' }]
 */
export function resolveDue(due: Due, period: DuePeriod, options: ResolveDueOptions = {}): DueWindow[] {
  const checked = parse(DueSchema, due, ['due']);
  const calendar =
    options.calendar === undefined ? undefined : parse(SchoolCalendarSchema, options.calendar, ['calendar']);
  return sortUnique(windowsOf(checked, boundsOf(period), calendar));
}

/**
 * Options of {@link resolveDue} and {@link dueDeadline}: the school
 * calendar school-term dues are resolved against (a region's or a school's;
 * default: the standard four terms, or three trimesters for a trimester due).
 *
 * @category Due dates
 * @example
 * resolveDue(parseDue('по итогам триместра'), { academicYear: '2023-2024' }, { calendar: standardTrimesterCalendar });
 */
export interface ResolveDueOptions {
  readonly calendar?: SchoolCalendarInput;
}

/**
 * The last day by which an activity is to be done: the end of its last
 * window, or `null` when it has none (as needed, by schedule, after an event,
 * unspecified).
 *
 * @category Due dates
 * @example
 * dueDeadline(parseDue('декабрь, май'), { academicYear: '2023-2024' }); // '2024-05-31'
 * dueDeadline(parseDue('По необходимости'), { academicYear: '2023-2024' }); // null
 */
export function dueDeadline(due: Due, period: DuePeriod, options: ResolveDueOptions = {}): IsoDate | null {
  let last: IsoDate | null = null;
  for (const w of resolveDue(due, period, options)) if (last === null || w.end > last) last = w.end;
  return last;
}

const OverdueDatesSchema = z.object({ date: IsoDateSchema, doneAt: IsoDateSchema.optional() });

/**
 * Whether an activity is overdue on `date`: its deadline ({@link dueDeadline})
 * has passed and it has not been done by that date (`doneAt` absent or later
 * than `date`). An activity without a deadline is never overdue; one done
 * late is done, not overdue (compare `doneAt` with the deadline to see lateness).
 *
 * @category Due dates
 * @example
 * const due = parseDue('до 30 января 2023 г.');
 * const period = { start: '2023-01-01', end: '2023-12-31' };
 * isOverdue(due, period, '2023-02-01'); // true
 * isOverdue(due, period, '2023-02-01', '2023-01-25'); // false
 */
export function isOverdue(due: Due, period: DuePeriod, date: IsoDate, doneAt?: IsoDate): boolean {
  parse(OverdueDatesSchema, doneAt === undefined ? { date } : { date, doneAt });
  const deadline = dueDeadline(due, period);
  if (deadline === null) return false;
  if (doneAt !== undefined && doneAt <= date) return false;
  return date > deadline;
}
