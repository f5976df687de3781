import { parseDue, resolveDue } from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

describe('due dates: half-years as the seeds’ neighbours write them', () => {
  it('001 5.4 («1 раз в полгода»), 004 §6: I/II, 1-е/2-е, words, with or without the academic year', () => {
    const first = { kind: 'period', from: { month: 9 }, to: { month: 12 } };
    const second = { kind: 'period', from: { month: 1 }, to: { month: 5 } };
    for (const t of [
      'I полугодие',
      '1 полугодие',
      '1-е полугодие',
      'Первое полугодие',
      'в первом полугодии',
    ]) {
      expect(parseDue(t), t).toEqual(first);
    }
    for (const t of ['II полугодие', '2-е полугодие', 'второе полугодие', 'Во втором полугодии']) {
      expect(parseDue(t), t).toEqual(second);
    }
    expect(parseDue('II полугодие 2023-2024 уч. г.')).toEqual({
      kind: 'period',
      from: { month: 1, year: 2024 },
      to: { month: 5, year: 2024 },
    });
    expect(parseDue('I полугодие 2023/24 учебного года')).toEqual({
      kind: 'period',
      from: { month: 9, year: 2023 },
      to: { month: 12, year: 2023 },
    });
  });

  it('a half-year resolves to a window inside the academic year', () => {
    const w = resolveDue(parseDue('II полугодие'), { academicYear: '2023-2024' });
    expect(w).toEqual([{ start: '2024-01-01', end: '2024-05-31' }]);
  });

  it('a half-year of a year that is not an academic year is not guessed', () => {
    expect(() => parseDue('II полугодие 2023-2025 уч. г.')).toThrow(
      expect.objectContaining({ code: 'due_unparsed' }),
    );
  });
});

describe('due dates: a day and a month without a year', () => {
  it('004 §5, 001 6.x: «15 сентября», «до 25 мая», «25.05» are placed within the academic year of the programme', () => {
    expect(parseDue('15 сентября')).toEqual({ kind: 'dayMonth', day: 15, month: 9, deadline: false });
    expect(parseDue('до 25 мая')).toEqual({ kind: 'dayMonth', day: 25, month: 5, deadline: true });
    expect(parseDue('25.05')).toEqual({ kind: 'dayMonth', day: 25, month: 5, deadline: false });
    const period = { academicYear: '2023-2024' } as const;
    expect(resolveDue(parseDue('15 сентября'), period)).toEqual([{ start: '2023-09-15', end: '2023-09-15' }]);
    expect(resolveDue(parseDue('до 25 мая'), period)).toEqual([{ start: '2023-09-01', end: '2024-05-25' }]);
  });

  it('29 February is a day (of a leap year), 30 February is not', () => {
    expect(resolveDue(parseDue('29 февраля'), { academicYear: '2022-2023' })).toEqual([
      { start: '2023-02-28', end: '2023-02-28' },
    ]);
    expect(resolveDue(parseDue('29 февраля'), { academicYear: '2023-2024' })).toEqual([
      { start: '2024-02-29', end: '2024-02-29' },
    ]);
    expect(() => parseDue('30 февраля')).toThrow(expect.objectContaining({ code: 'due_unparsed' }));
  });
});
