import { parse, parseDue, SchoolCalendarSchema, standardTrimesterCalendar } from '@nastavnik/core';
import { createProgrammeSnapshot, programmePresets } from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

// 001 6.6 and 7.2 hold monitoring by the school's own schedule (December, May);
// a roadmap's term dues («в конце I четверти», «по итогам триместра») resolve
// against the calendar of the school that runs the programme, not a fixed one.
const preset = programmePresets.prokopyevsk001;
const withDue = (text: string) => {
  const roadmap = structuredClone(preset.roadmap) as typeof preset.roadmap & {
    sections: Array<{ activities: Array<{ dueText: string; due: unknown }> }>;
  };
  const first = roadmap.sections[0]?.activities[0];
  if (!first) throw new Error('the preset has no activity');
  first.dueText = text;
  first.due = parseDue(text);
  return { ...preset, roadmap };
};

describe('a programme resolves term dues against its school calendar', () => {
  it('by default the standard quarters: the end of term I is 27 October', () => {
    const s = createProgrammeSnapshot(withDue('в конце I четверти'), {
      date: '2023-08-21',
      period: { academicYear: '2023-2024' },
    });
    expect(s.context.activities[0]?.deadline).toBe('2023-10-27');
  });

  it("a school's own quarters move the deadline with them", () => {
    const own = parse(SchoolCalendarSchema, {
      id: 'school-7',
      system: 'quarters',
      terms: [
        {
          label: { ru: 'I четверть', en: 'Term 1' },
          start: { month: 9, day: 1 },
          end: { month: 10, day: 31 },
        },
        {
          label: { ru: 'II четверть', en: 'Term 2' },
          start: { month: 11, day: 8 },
          end: { month: 12, day: 28 },
        },
        {
          label: { ru: 'III четверть', en: 'Term 3' },
          start: { month: 1, day: 10 },
          end: { month: 3, day: 20 },
        },
        {
          label: { ru: 'IV четверть', en: 'Term 4' },
          start: { month: 3, day: 30 },
          end: { month: 5, day: 24 },
        },
      ],
      holidays: [],
    });
    const s = createProgrammeSnapshot(withDue('в конце I четверти'), {
      date: '2023-08-21',
      period: { academicYear: '2023-2024' },
      calendar: own,
    });
    expect(s.context.activities[0]?.deadline).toBe('2023-10-31');
  });

  it('a school on trimesters: «по итогам триместра» follows each trimester (the last ends 31 May, its results are due within two weeks)', () => {
    const s = createProgrammeSnapshot(withDue('по итогам триместра'), {
      date: '2023-08-21',
      period: { academicYear: '2023-2024' },
      calendar: standardTrimesterCalendar,
    });
    expect(s.context.activities[0]?.deadline).toBe('2024-06-14');
  });

  it('a calendar that is not one is refused with a typed error and its path', () => {
    expect(() =>
      createProgrammeSnapshot(withDue('в конце I четверти'), {
        date: '2023-08-21',
        period: { academicYear: '2023-2024' },
        calendar: { id: 'x', system: 'quarters', terms: [], holidays: [] } as never,
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'NastavnikError',
        path: expect.arrayContaining(['options', 'calendar']),
      }),
    );
  });
});
