/**
 * `@nastavnik/documents/ics`: calendars (iCalendar, RFC 5545) of a pair's
 * meetings and plan and of a programme's roadmap deadlines, made with
 * `ical-generator` (VTIMEZONE from `@touch4it/ical-timezones`). A subpath of
 * its own, so that an application that never exports calendars never loads
 * them.
 *
 * @module @nastavnik/documents/ics
 */
import {
  addDaysIso,
  type Due,
  type DueLeaf,
  type DuePeriod,
  DuePeriodSchema,
  dayNumber,
  domainRule,
  fail,
  IsoDateSchema,
  parse,
  type RoadmapInput,
  RoadmapSchema,
  resolveDue,
  roadmapActivities,
  safeText,
} from '@nastavnik/core';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendar } from 'ical-generator';
import { z } from 'zod';

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  return Boolean(getVtimezoneComponent(tz));
};

// ical-generator escapes commas, semicolons and line breaks (RFC 5545 §3.3.11)
const Text = (max: number) => safeText().trim().min(1).max(max);

/**
 * Zod schema of the options of {@link pairCalendar} and {@link roadmapCalendar}.
 *
 * @category Calendars
 * @example
 * const o = CalendarOptionsSchema.parse({ timeZone: 'Asia/Vladivostok', date: '2024-09-02' });
 */
export const CalendarOptionsSchema = z.object({
  /** The organization's time zone (IANA): Russia spans eleven, `Europe/Kaliningrad` to `Asia/Kamchatka`. */
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, { params: domainRule('invalid_format', { format: 'timeZone' }) }),
  /** The day of the export (DTSTAMP): functions never read the clock. */
  date: IsoDateSchema,
  /** The domain part of every UID (`…@domain`), e.g. the organization's site. Default `nastavnik`. */
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,100}$/)
    .default('nastavnik'),
  /** The calendar's name (X-WR-CALNAME). */
  name: Text(200).optional(),
});
/** Options of the calendars, as written. @category Calendars @example const o: CalendarOptions = { timeZone: 'Europe/Moscow', date: '2024-09-02' }; */
export type CalendarOptions = z.input<typeof CalendarOptionsSchema>;

const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/);
const Id = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/);

/**
 * Zod schema of a pair's calendar: its meetings (local date and time in the
 * organization's zone, with a duration) and plan items (all-day, on the due
 * day). Plain data: the pair machine's snapshot maps onto it (meeting ids,
 * plan item ids, titles and dues), so documents do not depend on machines.
 *
 * @category Calendars
 * @example
 * PairCalendarInputSchema.parse({
 *   pairId: 'pair-1',
 *   meetings: [{ id: 'm-1', start: '2024-09-10T15:30', durationMinutes: 45 }],
 *   planItems: [{ id: 'pi-1', title: 'Открытый урок', due: '2024-10-15' }],
 * });
 */
export const PairCalendarInputSchema = z.object({
  pairId: Id,
  meetings: z
    .array(
      z.object({
        id: Id,
        /** Local date and time in the organization's zone: `YYYY-MM-DDTHH:mm`. */
        start: LocalDateTime,
        durationMinutes: z.number().int().min(1).max(1440),
        /** Default «Встреча наставнической пары». */
        summary: Text(300).optional(),
        location: Text(300).optional(),
        description: Text(2000).optional(),
      }),
    )
    .default([]),
  planItems: z
    .array(z.object({ id: Id, title: Text(500), due: IsoDateSchema, description: Text(2000).optional() }))
    .default([]),
});
/** A pair's calendar input, as written. @category Calendars @example const p: PairCalendarInput = { pairId: 'pair-1', meetings: [] }; */
export type PairCalendarInput = z.input<typeof PairCalendarInputSchema>;

function newCalendar(o: z.output<typeof CalendarOptionsSchema>): ICalCalendar {
  const cal = ical({
    prodId: { company: 'nastavnik', product: 'nastavnik-sdk', language: 'RU' },
    ...(o.name ? { name: o.name } : {}),
  });
  // VTIMEZONE for every TZID used (RFC 5545 §3.6.5), from tzdata.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  return cal;
}

const stampOf = (date: string) => new Date(`${date}T00:00:00Z`);
const nextDay = (date: string): string => addDaysIso(date, 1);
const addMinutes = (local: string, minutes: number): string => {
  // wall-clock arithmetic on the local time (no zone): the duration is elapsed time
  // except across a DST change, which Russia no longer has
  const d = new Date(`${local}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 19);
};

function checkUnique(ids: readonly string[], path: string): void {
  const seen = new Set<string>();
  ids.forEach((id, k) => {
    if (seen.has(id))
      throw fail('duplicate_id', [path, k, 'id'], { of: path === 'planItems' ? 'planItem' : 'pair' });
    seen.add(id);
  });
}

/**
 * A pair's calendar (RFC 5545): each meeting a timed event in the
 * organization's time zone (TZID with its VTIMEZONE) with its duration, each
 * plan item an all-day event on its due day. UIDs are deterministic from the
 * ids (`pair-<pairId>-meeting-<id>@domain`), so importing the file again
 * updates the events instead of duplicating them. Only what the caller passes
 * goes in: no names unless written into a summary.
 *
 * @category Calendars
 * @param input - the pair's id, meetings and plan items; validated with zod.
 * @param options - the time zone, the day of the export, the UID domain, the calendar's name.
 * @returns the iCalendar text (`text/calendar`, UTF-8, CRLF lines).
 * @throws NastavnikError on invalid input (`invalid_format` for an unknown time zone, `duplicate_id`).
 * @example
 * import { pairCalendar } from '@nastavnik/documents/ics';
 * const ics = pairCalendar(
 *   { pairId: 'pair-1', meetings: [{ id: 'm-1', start: '2024-09-10T15:30', durationMinutes: 45 }] },
 *   { timeZone: 'Asia/Vladivostok', date: '2024-09-02' },
 * );
 * // BEGIN:VEVENT … DTSTART;TZID=Asia/Vladivostok:20240910T153000 … SUMMARY:Встреча наставнической пары
 */
export function pairCalendar(input: PairCalendarInput, options: CalendarOptions): string {
  const p = parse(PairCalendarInputSchema, input);
  const o = parse(CalendarOptionsSchema, options, ['options']);
  checkUnique(
    p.meetings.map((m) => m.id),
    'meetings',
  );
  checkUnique(
    p.planItems.map((i) => i.id),
    'planItems',
  );
  const cal = newCalendar(o);
  const stamp = stampOf(o.date);
  for (const m of p.meetings) {
    cal.createEvent({
      id: `pair-${p.pairId}-meeting-${m.id}@${o.uidDomain}`,
      stamp,
      timezone: o.timeZone,
      start: `${m.start}:00`,
      end: addMinutes(m.start, m.durationMinutes),
      summary: m.summary ?? 'Встреча наставнической пары',
      ...(m.location ? { location: m.location } : {}),
      ...(m.description ? { description: m.description } : {}),
    });
  }
  for (const item of p.planItems) {
    cal.createEvent({
      id: `pair-${p.pairId}-plan-${item.id}@${o.uidDomain}`,
      stamp,
      allDay: true,
      start: item.due,
      end: nextDay(item.due),
      summary: `Срок: ${item.title}`,
      ...(item.description ? { description: item.description } : {}),
    });
  }
  return cal.toString();
}

/**
 * Options of {@link roadmapCalendar}: the calendar options and the period the
 * dues are placed in (default: the roadmap's own period or academic year).
 *
 * @category Calendars
 * @example
 * const o: RoadmapCalendarOptions = { timeZone: 'Europe/Kaliningrad', date: '2024-09-02', period: { academicYear: '2024-2025' } };
 */
export type RoadmapCalendarOptions = CalendarOptions & { readonly period?: DuePeriod };

/** The leaves of a due (`all` flattened), in order. */
function leavesOf(due: Due): DueLeaf[] {
  return due.kind === 'all' ? due.parts.flatMap(leavesOf) : [due];
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const isLastDay = (date: string) => nextDay(date).slice(8) === '01';

/**
 * The RRULE that yields exactly `days` (sorted, at least two) from the first
 * one, or undefined: monthly steps on the last day of the month, monthly
 * steps on one day of the month (≤ 28), or a constant number of days.
 */
function recurrenceRule(days: readonly string[]): string | undefined {
  if (days.length < 2) return undefined;
  const n = days.length;
  const months = days.map(monthIndex);
  const step = months[1]! - months[0]!;
  const monthly = step > 0 && months.every((m, k) => k === 0 || m - months[k - 1]! === step);
  if (monthly && days.every(isLastDay)) return `FREQ=MONTHLY;INTERVAL=${step};BYMONTHDAY=-1;COUNT=${n}`;
  const dom = days[0]!.slice(8);
  if (monthly && Number(dom) <= 28 && days.every((d) => d.slice(8) === dom)) {
    return `FREQ=MONTHLY;INTERVAL=${step};COUNT=${n}`;
  }
  const nums = days.map(dayNumber);
  const gap = nums[1]! - nums[0]!;
  if (gap > 0 && nums.every((d, k) => k === 0 || d - nums[k - 1]! === gap)) {
    return gap % 7 === 0
      ? `FREQ=WEEKLY;INTERVAL=${gap / 7};COUNT=${n}`
      : `FREQ=DAILY;INTERVAL=${gap};COUNT=${n}`;
  }
  return undefined;
}

/**
 * A programme's roadmap as a calendar (RFC 5545): every activity's due,
 * resolved by core's `resolveDue` in the period, as all-day events in the
 * organization's time zone — a deadline («до 30 января») on its day, a month
 * or a range («Август-сентябрь», «в течение года») as one event over the
 * whole window, and a recurring due («ежемесячно», «ежеквартально», «1 раз в
 * полгода») as one event with an RRULE on the last day of each window (when
 * the last window is cut by the period's end, it gets an event of its own).
 * Dues without dates (`asNeeded`, `bySchedule`, `afterEvent`, `unspecified`)
 * give no event. Summaries are the activities' numbers and titles;
 * descriptions the due as written, the responsible and the result. UIDs are
 * deterministic (`<roadmap>-<activity>-<part>-<window>@domain`).
 *
 * @category Calendars
 * @param roadmap - a roadmap (core `RoadmapSchema`), e.g. one of `seedRoadmaps`.
 * @param options - the time zone, the day of the export, the period (default: the roadmap's), the UID domain.
 * @returns the iCalendar text.
 * @throws NastavnikError on invalid input; `required` when neither the roadmap nor the options give a period.
 * @example
 * import { seedRoadmaps } from '@nastavnik/core';
 * import { roadmapCalendar } from '@nastavnik/documents/ics';
 * const ics = roadmapCalendar(seedRoadmaps.lyceum7Tikhvin004, { timeZone: 'Europe/Moscow', date: '2024-09-02' });
 */
export function roadmapCalendar(roadmap: RoadmapInput, options: RoadmapCalendarOptions): string {
  const rm = parse(RoadmapSchema, roadmap, ['roadmap']);
  const { period: rawPeriod, ...rest } = options;
  const o = parse(CalendarOptionsSchema, rest, ['options']);
  const period: DuePeriod | undefined =
    rawPeriod !== undefined
      ? parse(DuePeriodSchema, rawPeriod, ['options', 'period'])
      : rm.period
        ? rm.period
        : rm.academicYear
          ? { academicYear: rm.academicYear }
          : undefined;
  if (period === undefined) throw fail('required', ['options', 'period']);
  const cal = newCalendar(o);
  const stamp = stampOf(o.date);
  for (const a of roadmapActivities(rm)) {
    const summary = a.number ? `${a.number.replace(/\.$/, '')}. ${a.title}` : a.title;
    const description = [
      a.dueText ? `Срок: ${a.dueText}` : undefined,
      a.responsible.length > 0 ? `Ответственные: ${a.responsible.join(', ')}` : undefined,
      a.result ? `Результат: ${a.result}` : undefined,
    ]
      .filter((x): x is string => x !== undefined)
      .join('\n');
    const uid = (part: number, k: number) => `${rm.id}-${a.id}-${part}-${k}@${o.uidDomain}`;
    const event = (id: string, start: string, end: string, repeating?: string) =>
      cal.createEvent({
        id,
        stamp,
        allDay: true,
        start,
        end: nextDay(end),
        summary,
        ...(description ? { description } : {}),
        ...(repeating ? { repeating } : {}),
      });
    leavesOf(a.due).forEach((leaf, part) => {
      const windows = resolveDue(leaf, period);
      if (leaf.kind === 'recurring') {
        const ends = windows.map((w) => w.end);
        // the longest prefix that one rule covers, then the rest one by one
        let covered = 0;
        for (let k = ends.length; k >= 2; k--) {
          const rule = recurrenceRule(ends.slice(0, k));
          if (rule) {
            event(uid(part, 0), ends[0]!, ends[0]!, rule);
            covered = k;
            break;
          }
        }
        for (let k = covered; k < ends.length; k++) event(uid(part, k), ends[k]!, ends[k]!);
        return;
      }
      windows.forEach((w, k) => {
        const single = leaf.kind === 'deadline' || (leaf.kind === 'dayMonth' && leaf.deadline);
        event(uid(part, k), single ? w.end : w.start, w.end);
      });
    });
  }
  return cal.toString();
}
