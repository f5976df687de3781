import { z } from 'zod';
import { addDaysIso, daysBetween, weekdayOf } from '../calendar';
import { type IsoDate, IsoDateSchema } from '../dates';
import { domainRule, fail } from '../errors';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';
import { safeText } from '../text';

registerCatalogue();

/**
 * One year of a production calendar (производственный календарь): the days
 * that differ from a Monday–Friday week. `daysOff` are Monday–Friday dates
 * that are not worked (the non-working holidays of the Labour Code art. 112
 * and the days off moved onto weekdays); `workingWeekends` are Saturdays or
 * Sundays made working by a transfer. `source` names the decree; a year with
 * no decree yet is `provisional` (only art. 112 part 2 applied).
 *
 * @category Labour
 * @example
 * parse(ProductionCalendarYearSchema, { year: 2031, daysOff: ['2031-01-01'], source: 'ст. 112 ТК РФ', provisional: true });
 */
export const ProductionCalendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    daysOff: z.array(IsoDateSchema).max(60),
    workingWeekends: z.array(IsoDateSchema).max(20).default([]),
    source: safeText().trim().min(1).max(500),
    provisional: z.boolean().default(false),
  })
  .superRefine((y, ctx) => {
    const check = (list: readonly string[], key: 'daysOff' | 'workingWeekends', weekend: boolean): void => {
      list.forEach((d, i) => {
        // zod runs this refinement even when a date failed its format: such a date is no weekend.
        const isWeekend = IsoDateSchema.safeParse(d).success && weekdayOf(d) >= 6;
        if (Number(d.slice(0, 4)) !== y.year || isWeekend !== weekend) {
          ctx.addIssue({
            code: 'custom',
            path: [key, i],
            message: 'calendar day',
            params: domainRule('invalid_value', {
              reason: weekend ? 'calendarWorkingWeekend' : 'calendarDayOff',
            }),
          });
        }
      });
    };
    check(y.daysOff, 'daysOff', false);
    check(y.workingWeekends, 'workingWeekends', true);
  });
/** One year of a production calendar. @category Labour @example const y: ProductionCalendarYear = russianProductionCalendar.years[0]!; */
export type ProductionCalendarYear = z.infer<typeof ProductionCalendarYearSchema>;
/** One year as written (defaults may be omitted). @category Labour @example const y: ProductionCalendarYearInput = { year: 2031, daysOff: [], source: 'ст. 112 ТК РФ' }; */
export type ProductionCalendarYearInput = z.input<typeof ProductionCalendarYearSchema>;

/**
 * A production calendar: the years it knows. Functions that count working
 * days refuse a date in a year it does not know (`calendar_year_missing`)
 * rather than guess.
 *
 * @category Labour
 * @example
 * const calendar: ProductionCalendar = extendProductionCalendar(russianProductionCalendar, []);
 */
export interface ProductionCalendar {
  readonly years: readonly ProductionCalendarYear[];
}

const y2025: ProductionCalendarYear = {
  year: 2025,
  // Постановление Правительства РФ от 04.10.2024 № 1335: 4 янв. → 2 мая, 5 янв. → 31 дек., 23 февр. → 8 мая,
  // 8 марта → 13 июня, 1 нояб. → 3 нояб. (суббота 1 ноября — рабочая). 247 рабочих дней.
  daysOff: [
    '2025-01-01',
    '2025-01-02',
    '2025-01-03',
    '2025-01-06',
    '2025-01-07',
    '2025-01-08',
    '2025-05-01',
    '2025-05-02',
    '2025-05-08',
    '2025-05-09',
    '2025-06-12',
    '2025-06-13',
    '2025-11-03',
    '2025-11-04',
    '2025-12-31',
  ],
  workingWeekends: ['2025-11-01'],
  source: 'ст. 112 ТК РФ; постановление Правительства РФ от 04.10.2024 № 1335',
  provisional: false,
};

const y2026: ProductionCalendarYear = {
  year: 2026,
  // Постановление Правительства РФ от 24.09.2025 № 1466: 3 янв. → 9 янв., 4 янв. → 31 дек.; 8 марта и 9 мая
  // (выходные) переходят на 9 марта и 11 мая по ч. 2 ст. 112 ТК РФ. 247 рабочих дней.
  daysOff: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09',
    '2026-02-23',
    '2026-03-09',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ],
  workingWeekends: [],
  source: 'ст. 112 ТК РФ; постановление Правительства РФ от 24.09.2025 № 1466',
  provisional: false,
};

const y2027: ProductionCalendarYear = {
  year: 2027,
  // No decree on transfers in 2027 was found: only the holidays and art. 112 part 2 (1 May → 3 May,
  // 9 May → 10 May, 12 June → 14 June). The decree will also move 2 and 3 January (a weekend); replace this
  // year with extendProductionCalendar when it is published.
  daysOff: [
    '2027-01-01',
    '2027-01-04',
    '2027-01-05',
    '2027-01-06',
    '2027-01-07',
    '2027-01-08',
    '2027-02-23',
    '2027-03-08',
    '2027-05-03',
    '2027-05-10',
    '2027-06-14',
    '2027-11-04',
  ],
  workingWeekends: [],
  source: 'ст. 112 ТК РФ (постановление о переносе выходных дней в 2027 году не найдено)',
  provisional: true,
};

/**
 * The Russian production calendar for 2025–2027 (five-day week), as data:
 * holidays of the Labour Code art. 112 (1–8 January, 23 February, 8 March,
 * 1 and 9 May, 12 June, 4 November) and the Government's decrees on
 * transferring days off — № 1335 of 04.10.2024 (2025) and № 1466 of
 * 24.09.2025 (2026). 2027 is `provisional`: its decree was not found, so only
 * art. 112 part 2 is applied. Add later years with
 * {@link extendProductionCalendar}.
 *
 * @category Labour
 * @example
 * isWorkingDay('2025-11-01', russianProductionCalendar); // true (a working Saturday)
 */
export const russianProductionCalendar: ProductionCalendar = Object.freeze({
  years: Object.freeze([y2025, y2026, y2027]),
});

/**
 * A calendar with more years, or with a year replaced (the same `year`
 * given again wins). Input is validated.
 *
 * @category Labour
 * @example
 * const withDecree = extendProductionCalendar(russianProductionCalendar, [
 *   { year: 2028, daysOff: ['2028-01-03'], source: 'постановление Правительства РФ …' },
 * ]);
 */
export function extendProductionCalendar(
  calendar: ProductionCalendar,
  years: readonly ProductionCalendarYearInput[],
): ProductionCalendar {
  const added = parse(z.array(ProductionCalendarYearSchema).max(200), years, ['years']);
  const byYear = new Map<number, ProductionCalendarYear>();
  for (const y of [...calendar.years, ...added]) byYear.set(y.year, y);
  return { years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

interface CalendarIndex {
  readonly years: ReadonlySet<number>;
  readonly off: ReadonlySet<string>;
  readonly working: ReadonlySet<string>;
}
const indexes = new WeakMap<ProductionCalendar, CalendarIndex>();
function indexOf(calendar: ProductionCalendar): CalendarIndex {
  let ix = indexes.get(calendar);
  if (ix === undefined) {
    ix = {
      years: new Set(calendar.years.map((y) => y.year)),
      off: new Set(calendar.years.flatMap((y) => y.daysOff)),
      working: new Set(calendar.years.flatMap((y) => y.workingWeekends)),
    };
    indexes.set(calendar, ix);
  }
  return ix;
}

function dayIsWorking(date: string, ix: CalendarIndex, path: readonly (string | number)[]): boolean {
  const year = Number(date.slice(0, 4));
  if (!ix.years.has(year)) throw fail('calendar_year_missing', path, { year });
  return weekdayOf(date) >= 6 ? ix.working.has(date) : !ix.off.has(date);
}

/**
 * Whether a date is a working day by the calendar (five-day week).
 *
 * @category Labour
 * @example
 * isWorkingDay('2026-01-09', russianProductionCalendar); // false (moved from 3 January)
 */
export function isWorkingDay(date: IsoDate, calendar: ProductionCalendar): boolean {
  const d = parse(IsoDateSchema, date, ['date']);
  return dayIsWorking(d, indexOf(calendar), ['date']);
}

/**
 * The `n`-th working day after `date` (the date itself is not counted, as a
 * period counted in days starts the next day, Labour Code art. 14); `n = 0`
 * gives `date`. Throws `calendar_year_missing` when the count runs into a
 * year the calendar does not know.
 *
 * @category Labour
 * @example
 * addWorkingDays('2025-12-30', 3, russianProductionCalendar); // '2026-01-14'
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: ProductionCalendar): IsoDate {
  let d = parse(IsoDateSchema, date, ['date']);
  const count = parse(z.number().int().min(0).max(3660), n, ['n']);
  const ix = indexOf(calendar);
  for (let left = count; left > 0; ) {
    d = addDaysIso(d, 1);
    if (dayIsWorking(d, ix, ['n'])) left -= 1;
  }
  return d;
}

/**
 * The number of working days after `from` up to and including `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n, c), c) === n`.
 *
 * @category Labour
 * @example
 * workingDaysBetween('2025-12-30', '2026-01-14', russianProductionCalendar); // 3
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: ProductionCalendar): number {
  const a = parse(IsoDateSchema, from, ['from']);
  const b = parse(IsoDateSchema, to, ['to']);
  if (b < a) throw fail('invalid_date_range', ['to'], { reason: 'periodEndsBeforeStart' });
  if (daysBetween(a, b) > 3660) throw fail('too_big', ['to'], { maximum: 3660, origin: 'date' });
  const ix = indexOf(calendar);
  let count = 0;
  for (let d = addDaysIso(a, 1); d <= b; d = addDaysIso(d, 1)) if (dayIsWorking(d, ix, ['to'])) count += 1;
  return count;
}

/**
 * Working days in a month `YYYY-MM` (for a timesheet's norm).
 *
 * @category Labour
 * @example
 * workingDaysInMonth('2026-01', russianProductionCalendar); // 15
 */
export function workingDaysInMonth(month: string, calendar: ProductionCalendar): number {
  const m = parse(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), month, ['month']);
  const first = `${m}-01`;
  const next = addDaysIso(`${m}-28`, 4).slice(0, 7);
  return workingDaysBetween(addDaysIso(first, -1), addDaysIso(`${next}-01`, -1), calendar);
}
