import { isNastavnikError } from '@nastavnik/core';
import { parsePairEvent, parseProgrammeEvent } from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return isNastavnikError(error) ? error.code : 'not a NastavnikError';
  }
};

describe('free text in events', () => {
  it('refuses NUL and lone surrogates with unsafe_text (a database would refuse them later)', () => {
    const terminated = (note: string) => ({
      type: 'terminated',
      date: '2024-01-10',
      by: { role: 'curator' },
      reason: 'curatorInitiative',
      note,
    });
    expect(codeOf(() => parsePairEvent(terminated('Переезд семьи')))).toBeUndefined();
    expect(codeOf(() => parsePairEvent(terminated('Переезд\u0000')))).toBe('unsafe_text');
    expect(codeOf(() => parsePairEvent(terminated('\udc00')))).toBe('unsafe_text');
    const started = (activityId: string) => ({
      type: 'activityStarted',
      date: '2023-09-01',
      by: { role: 'curator' },
      activityId,
    });
    expect(codeOf(() => parseProgrammeEvent(started('1.1')))).toBeUndefined();
    expect(codeOf(() => parseProgrammeEvent(started('1.\u00001')))).toBe('unsafe_text');
  });
});
