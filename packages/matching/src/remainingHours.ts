import { parse } from '@nastavnik/core';
import { z } from 'zod';
import { type MatchingInput, MatchingInputSchema } from './match';

/**
 * Options of {@link limitByRemainingHours}.
 *
 * @category Matching
 * @example
 * const o: RemainingHoursOptions = { remainingHours: { 't-ivanova': 6 }, hoursPerMentee: 4 };
 */
export interface RemainingHoursOptions {
  /** Mentor id → hours a month the mentor still has (core's `remainingHours`); a mentor not listed has no limit. */
  readonly remainingHours: Readonly<Record<string, number>>;
  /** Hours a month one new mentee takes. Default 4 (as the hours criterion). */
  readonly hoursPerMentee?: number;
}

const OptionsSchema = z.object({
  remainingHours: z.record(z.string(), z.number().min(0).max(300)),
  hoursPerMentee: z.number().positive().max(300).default(4),
});

/**
 * Make the mentor's remaining hours a hard constraint (the hours criterion
 * only scores them): each listed mentor's capacity becomes at most the pairs
 * already fixed to them plus as many new mentees as their remaining hours
 * cover (`floor(remaining / hoursPerMentee)`). Returns a new input for
 * `matchOptimal` or `matchStable`; a mentor with no hours left gets no new
 * mentee, and the result explains it as `mentorFull`.
 *
 * @category Matching
 * @example
 * const result = matchOptimal(limitByRemainingHours(input, { remainingHours: { 't-ivanova': 3 }, hoursPerMentee: 4 }));
 */
export function limitByRemainingHours(input: MatchingInput, options: RemainingHoursOptions): MatchingInput {
  const parsed = parse(MatchingInputSchema, input, ['input']);
  const o = parse(OptionsSchema, options, ['options']);
  const fixedCount = new Map<string, number>();
  for (const p of parsed.fixedPairs) fixedCount.set(p.mentorId, (fixedCount.get(p.mentorId) ?? 0) + 1);
  return {
    ...parsed,
    mentors: parsed.mentors.map((m) => {
      const left = o.remainingHours[m.person.id];
      if (left === undefined) return m;
      // A little tolerance so that 8 hours at 4 an hour is 2 mentees despite floating error.
      const more = Math.floor(left / o.hoursPerMentee + 1e-9);
      const capacity = Math.min(m.profile.capacity, (fixedCount.get(m.person.id) ?? 0) + more);
      return { ...m, profile: { ...m.profile, capacity } };
    }),
  };
}
