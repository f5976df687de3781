import { type Due, isNastavnikError, type RoadmapInput, resolveDue } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import { pairCalendar, roadmapCalendar } from '@nastavnik/documents/ics';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

/** Russia's eleven zones, west to east, with their offsets in hours. */
const ZONES: ReadonlyArray<readonly [string, number]> = [
  ['Europe/Kaliningrad', 2],
  ['Europe/Moscow', 3],
  ['Europe/Samara', 4],
  ['Asia/Yekaterinburg', 5],
  ['Asia/Omsk', 6],
  ['Asia/Krasnoyarsk', 7],
  ['Asia/Irkutsk', 8],
  ['Asia/Yakutsk', 9],
  ['Asia/Vladivostok', 10],
  ['Asia/Magadan', 11],
  ['Asia/Kamchatka', 12],
];

interface ReadEvent {
  uid: string;
  summary: string;
  /** UTC instant of a timed event, or the date of an all-day one. */
  start: string;
  end: string;
  allDay: boolean;
  tzid: string | null;
  rrule: string | null;
  /** Start dates of all occurrences (RRULE expanded), YYYY-MM-DD. */
  occurrences: string[];
}

/** Read a calendar back with ical.js (Mozilla), registering its VTIMEZONEs. */
function read(ics: string): ReadEvent[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const allDay = e.startDate.isDate;
    const day = (t: ICAL.Time) => t.toString().slice(0, 10);
    const occurrences: string[] = [];
    if (e.isRecurring()) {
      const it = e.iterator();
      for (let next = it.next(); next; next = it.next()) {
        occurrences.push(day(next));
        if (occurrences.length > 2000) break;
      }
    } else occurrences.push(day(e.startDate));
    const rrule = v.getFirstPropertyValue('rrule');
    return {
      uid: e.uid,
      summary: e.summary,
      start: allDay ? day(e.startDate) : e.startDate.toJSDate().toISOString(),
      end: allDay ? day(e.endDate) : e.endDate.toJSDate().toISOString(),
      allDay,
      tzid: (v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      rrule: rrule ? rrule.toString() : null,
      occurrences,
    };
  });
}

const utcOf = (local: string, offsetHours: number) =>
  new Date(Date.parse(`${local}:00Z`) - offsetHours * 3_600_000).toISOString();

describe('pairCalendar', () => {
  it('golden: one meeting and one plan item, read back', () => {
    const ics = pairCalendar(
      {
        pairId: 'pair-1',
        meetings: [{ id: 'm-1', start: '2024-09-10T15:30', durationMinutes: 45, location: 'Кабинет 12' }],
        planItems: [{ id: 'pi-1', title: 'Открытый урок', due: '2024-10-15' }],
      },
      { timeZone: 'Asia/Vladivostok', date: '2024-09-02' },
    );
    expect(ics).toContain('DTSTART;TZID=Asia/Vladivostok:20240910T153000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTAMP:20240902T000000Z');
    expect(ics.split('\r\n').length).toBeGreaterThan(10);
    const events = read(ics);
    expect(events).toEqual([
      {
        uid: 'pair-pair-1-meeting-m-1@nastavnik',
        summary: 'Встреча наставнической пары',
        start: '2024-09-10T05:30:00.000Z',
        end: '2024-09-10T06:15:00.000Z',
        allDay: false,
        tzid: 'Asia/Vladivostok',
        rrule: null,
        occurrences: ['2024-09-10'],
      },
      {
        uid: 'pair-pair-1-plan-pi-1@nastavnik',
        summary: 'Срок: Открытый урок',
        start: '2024-10-15',
        end: '2024-10-16',
        allDay: true,
        tzid: null,
        rrule: null,
        occurrences: ['2024-10-15'],
      },
    ]);
  });

  it('random plans in each of the eleven zones: every event back at its instant, UIDs stable', () => {
    const meeting = fc.record({
      day: fc.integer({ min: 0, max: 700 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      durationMinutes: fc.integer({ min: 1, max: 1440 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(meeting, { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 5 }),
        ([zone, offset], meetings, dues) => {
          const local = (day: number, h: number, m: number) => {
            const d = new Date(Date.UTC(2024, 8, 1 + day, h, m));
            return d.toISOString().slice(0, 16);
          };
          const input = {
            pairId: 'pair-7',
            meetings: meetings.map((m, k) => ({
              id: `m-${k}`,
              start: local(m.day, m.hour, m.minute),
              durationMinutes: m.durationMinutes,
            })),
            planItems: dues.map((d, k) => ({
              id: `pi-${k}`,
              title: `Пункт ${k}`,
              due: local(d, 0, 0).slice(0, 10),
            })),
          };
          const options = { timeZone: zone, date: '2024-09-01' };
          const ics = pairCalendar(input, options);
          expect(pairCalendar(input, options)).toBe(ics); // deterministic: no clock, no random UIDs
          const events = read(ics);
          expect(events).toHaveLength(meetings.length + dues.length);
          input.meetings.forEach((m, k) => {
            const e = events.find((x) => x.uid === `pair-pair-7-meeting-m-${k}@nastavnik`)!;
            expect(e.tzid).toBe(zone);
            expect(e.start).toBe(utcOf(m.start, offset));
            expect(Date.parse(e.end) - Date.parse(e.start)).toBe(m.durationMinutes * 60_000);
          });
          input.planItems.forEach((p, k) => {
            const e = events.find((x) => x.uid === `pair-pair-7-plan-pi-${k}@nastavnik`)!;
            expect(e).toMatchObject({ allDay: true, start: p.due });
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects an unknown time zone and duplicate ids with typed errors', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isNastavnikError(e) ? [e.code, e.path.join('.')] : 'raw';
      }
      return 'none';
    };
    expect(
      code(() => pairCalendar({ pairId: 'p' }, { timeZone: 'Mars/Olympus', date: '2024-09-01' })),
    ).toEqual(['invalid_format', 'options.timeZone']);
    const m = { id: 'm', start: '2024-09-10T10:00', durationMinutes: 30 };
    expect(
      code(() =>
        pairCalendar({ pairId: 'p', meetings: [m, m] }, { timeZone: 'Europe/Moscow', date: '2024-09-01' }),
      ),
    ).toEqual(['duplicate_id', 'meetings.1.id']);
  });
});

/** The expected start days of an activity leaf's events: recurring → each window's last day. */
function expectedDays(leaf: Due, period: Parameters<typeof resolveDue>[1]): string[] {
  const windows = resolveDue(leaf, period);
  if (leaf.kind === 'recurring') return windows.map((w) => w.end);
  const single = leaf.kind === 'deadline' || (leaf.kind === 'dayMonth' && leaf.deadline);
  return windows.map((w) => (single ? w.end : w.start));
}

const leaves = (due: Due): Due[] => (due.kind === 'all' ? due.parts.flatMap(leaves) : [due]);

describe('roadmapCalendar', () => {
  for (const [name, roadmap] of Object.entries(seedRoadmaps)) {
    it(`seed roadmap ${name}: every due back on its days, recurrences expanded`, () => {
      const rm = roadmap as RoadmapInput & { academicYear?: string; period?: { start: string; end: string } };
      // a roadmap without its own period (prokopyevsk001) is placed in an academic year
      const own = rm.period ?? (rm.academicYear ? { academicYear: rm.academicYear } : undefined);
      const period = own ?? { academicYear: '2023-2024' };
      const ics = roadmapCalendar(roadmap, {
        timeZone: 'Europe/Moscow',
        date: '2024-01-10',
        ...(own ? {} : { period }),
      });
      const events = read(ics);
      let recurring = 0;
      for (const section of roadmap.sections) {
        for (const a of section.activities) {
          leaves(a.due as Due).forEach((leaf, part) => {
            const prefix = `${roadmap.id}-${a.id}-${part}-`;
            const got = events
              .filter((e) => e.uid.startsWith(prefix))
              .flatMap((e) => e.occurrences)
              .sort();
            expect(got, `${a.id} ${JSON.stringify(leaf)}`).toEqual(expectedDays(leaf, period).sort());
            if (leaf.kind === 'recurring') recurring++;
          });
        }
      }
      for (const e of events) {
        expect(e.allDay).toBe(true);
        expect(e.summary.length).toBeGreaterThan(0);
      }
      if (recurring > 0) expect(events.some((e) => e.rrule !== null)).toBe(true);
    });
  }

  it('recurring dues: the RRULE expands to exactly the windows of resolveDue (random periods)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('week', 'month', 'quarter', 'halfYear', 'year') as fc.Arbitrary<
          'week' | 'month' | 'quarter' | 'halfYear' | 'year'
        >,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 20, max: 1100 }),
        (per, startDay, length) => {
          const day = (n: number) => new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10);
          const period = { start: day(startDay), end: day(startDay + length) };
          const due: Due = { kind: 'recurring', times: 1, per, atLeast: true };
          const roadmap: RoadmapInput = {
            id: 'rm-x',
            title: 'План',
            level: 'school',
            columns: [
              { key: 'activity', header: 'Мероприятие' },
              { key: 'due', header: 'Срок' },
            ],
            sections: [
              {
                number: '1',
                title: 'Раздел',
                activities: [
                  {
                    id: 'a1',
                    number: '1',
                    title: 'Встреча',
                    dueText: 'ежемесячно',
                    due,
                    responsible: [],
                    stage: 'pairWork',
                  },
                ],
              },
            ],
          };
          const events = read(
            roadmapCalendar(roadmap, { timeZone: 'Asia/Omsk', date: '2024-01-10', period }),
          );
          const got = events.flatMap((e) => e.occurrences).sort();
          expect(got).toEqual(resolveDue(due, period).map((w) => w.end));
          // a rule covers the first windows (the rest, after a month-end clamp or the cut, one by one)
          if (got.length >= 2) expect(events[0]!.rrule).not.toBeNull();
          expect(events.length).toBeLessThanOrEqual(got.length);
        },
      ),
      { numRuns: 80 },
    );
  });
});
