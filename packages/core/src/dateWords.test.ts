import { formatDateLong, isNastavnikError } from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

describe('formatDateLong', () => {
  it('writes a Russian date with the genitive month and «г.» held by no-break spaces', () => {
    expect(formatDateLong('2026-12-07')).toBe('7\u00a0декабря 2026\u00a0г.');
    expect(formatDateLong('2024-05-31', 'ru')).toBe('31\u00a0мая 2024\u00a0г.');
  });
  it('writes an English date', () => {
    expect(formatDateLong('2026-01-01', 'en')).toBe('1 January 2026');
  });
  it('refuses an invalid date with a NastavnikError', () => {
    let caught: unknown;
    try {
      formatDateLong('2026-13-01');
    } catch (e) {
      caught = e;
    }
    expect(isNastavnikError(caught)).toBe(true);
  });
});
