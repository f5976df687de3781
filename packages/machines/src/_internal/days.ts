import type { IsoDate } from '@nastavnik/core';

const DAY = 86_400_000;

/** @internal Days since 1970-01-01 of a calendar date (UTC arithmetic: no time zone, no clock). */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

/** @internal The calendar date `days` after `date` (negative: before). */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * DAY).toISOString().slice(0, 10);
}
