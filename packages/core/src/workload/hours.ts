import { z } from 'zod';
import { IsoDateSchema } from '../dates';
import { type NastavnikIssue, nastavnikIssue } from '../errors';
import { PairIdSchema, PersonIdSchema, ProgrammeIdSchema } from '../ids';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';

registerCatalogue();

/** A month `YYYY-MM`. */
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * One piece of a mentor's work with a duration: a meeting held, a plan item
 * done. Plain records, so they can come from any store (machines builds them
 * from pair snapshots with `workloadEntriesFromPairs`).
 *
 * @category Workload
 * @example
 * parse(WorkloadEntrySchema, { mentorId: 't-ivanova', pairId: 'pair-1', date: '2025-10-14', durationMinutes: 45 });
 */
export const WorkloadEntrySchema = z.object({
  mentorId: PersonIdSchema,
  pairId: PairIdSchema,
  programmeId: ProgrammeIdSchema.optional(),
  date: IsoDateSchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** What it was: a meeting or a plan item. */
  source: z.enum(['meeting', 'planItem', 'other']).default('meeting'),
});
/** One piece of work with a duration. @category Workload @example const e: WorkloadEntry = parse(WorkloadEntrySchema, raw); */
export type WorkloadEntry = z.infer<typeof WorkloadEntrySchema>;
/** A workload entry as written. @category Workload @example const e: WorkloadEntryInput = { mentorId: 't', pairId: 'p', date: '2025-10-14', durationMinutes: 45 }; */
export type WorkloadEntryInput = z.input<typeof WorkloadEntrySchema>;

/**
 * A policy's limits on a mentor's load (data, from the school's regulation):
 * hours a month and mentees at once. Absent means no limit.
 *
 * @category Workload
 * @example
 * parse(WorkloadPolicySchema, { maxHoursPerMonth: 8, maxMenteesPerMentor: 3 });
 */
export const WorkloadPolicySchema = z.object({
  maxHoursPerMonth: z.number().positive().max(300).optional(),
  maxMenteesPerMentor: z.number().int().min(1).max(100).optional(),
});
/** A workload policy. @category Workload @example const p: WorkloadPolicy = { maxHoursPerMonth: 8 }; */
export type WorkloadPolicy = z.infer<typeof WorkloadPolicySchema>;

/**
 * A mentor's hours in one month, in total and by pair.
 *
 * @category Workload
 * @example
 * const row: MentorMonthHours = mentorMonthHours(entries)[0]!;
 */
export interface MentorMonthHours {
  readonly mentorId: string;
  readonly month: string;
  readonly minutes: number;
  /** `minutes / 60`, rounded to hundredths. */
  readonly hours: number;
  readonly byPair: readonly { readonly pairId: string; readonly minutes: number; readonly hours: number }[];
}

/**
 * A programme's hours in one month (all its mentors).
 *
 * @category Workload
 * @example
 * const row: ProgrammeMonthHours = programmeMonthHours(entries)[0]!;
 */
export interface ProgrammeMonthHours {
  readonly programmeId: string;
  readonly month: string;
  readonly minutes: number;
  readonly hours: number;
}

const toHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
const EntriesSchema = z.array(WorkloadEntrySchema).max(1_000_000);

/**
 * Hours per mentor per month, with the split by pair; sorted by mentor, then
 * month, then pair. Sums minutes, so no rounding drift.
 *
 * @category Workload
 * @example
 * mentorMonthHours([{ mentorId: 't-1', pairId: 'p-1', date: '2025-10-14', durationMinutes: 90 }]);
 * // [{ mentorId: 't-1', month: '2025-10', minutes: 90, hours: 1.5, byPair: [{ pairId: 'p-1', minutes: 90, hours: 1.5 }] }]
 */
export function mentorMonthHours(entries: readonly WorkloadEntryInput[]): MentorMonthHours[] {
  const list = parse(EntriesSchema, entries, ['entries']);
  const rows = new Map<string, { mentorId: string; month: string; byPair: Map<string, number> }>();
  for (const e of list) {
    const month = e.date.slice(0, 7);
    const key = `${e.mentorId}\u0000${month}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { mentorId: e.mentorId, month, byPair: new Map() };
      rows.set(key, row);
    }
    row.byPair.set(e.pairId, (row.byPair.get(e.pairId) ?? 0) + e.durationMinutes);
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows.values()]
    .map((r) => {
      const byPair = [...r.byPair]
        .sort(([a], [b]) => cmp(a, b))
        .map(([pairId, minutes]) => ({ pairId, minutes, hours: toHours(minutes) }));
      const minutes = byPair.reduce((s, p) => s + p.minutes, 0);
      return { mentorId: r.mentorId, month: r.month, minutes, hours: toHours(minutes), byPair };
    })
    .sort((a, b) => cmp(a.mentorId, b.mentorId) || cmp(a.month, b.month));
}

/**
 * Hours per programme per month (entries without a programme are left out).
 *
 * @category Workload
 * @example
 * programmeMonthHours([{ mentorId: 't-1', pairId: 'p-1', programmeId: 'prog-1', date: '2025-10-14', durationMinutes: 60 }]);
 * // [{ programmeId: 'prog-1', month: '2025-10', minutes: 60, hours: 1 }]
 */
export function programmeMonthHours(entries: readonly WorkloadEntryInput[]): ProgrammeMonthHours[] {
  const list = parse(EntriesSchema, entries, ['entries']);
  const sums = new Map<string, number>();
  for (const e of list) {
    if (e.programmeId === undefined) continue;
    const key = `${e.programmeId}\u0000${e.date.slice(0, 7)}`;
    sums.set(key, (sums.get(key) ?? 0) + e.durationMinutes);
  }
  return [...sums]
    .map(([key, minutes]) => {
      const [programmeId = '', month = ''] = key.split('\u0000');
      return { programmeId, month, minutes, hours: toHours(minutes) };
    })
    .sort((a, b) =>
      a.programmeId < b.programmeId ? -1 : a.programmeId > b.programmeId ? 1 : a.month < b.month ? -1 : 1,
    );
}

/**
 * What the workload check knows of a mentor: the hours a month they can give
 * (`availableHoursPerMonth` of the mentor's profile) and, for the mentee
 * limit, how many mentees they have now.
 *
 * @category Workload
 * @example
 * const m: MentorLoad = { mentorId: 't-ivanova', availableHoursPerMonth: 6, menteeCount: 2 };
 */
export interface MentorLoad {
  readonly mentorId: string;
  readonly availableHoursPerMonth?: number | undefined;
  readonly menteeCount?: number | undefined;
}

const MentorLoadSchema = z.object({
  mentorId: PersonIdSchema,
  availableHoursPerMonth: z.number().min(0).max(300).optional(),
  menteeCount: z.number().int().min(0).max(100_000).optional(),
});

/**
 * Flag every mentor over a limit: hours in a month above the policy's
 * `maxHoursPerMonth` or above the hours the mentor said they can give, and
 * more mentees than `maxMenteesPerMentor`. Returns typed findings
 * (`workload_over_limit`, with the month, the limit, the value and the
 * maximum); an empty list means nobody is over.
 *
 * @category Workload
 * @example
 * const findings = workloadFindings(entries, [{ mentorId: 't-1', availableHoursPerMonth: 4 }], { maxHoursPerMonth: 8 });
 * findings[0]?.params; // { mentorId: 't-1', month: '2025-10', limit: 'availableHoursPerMonth', value: 5, maximum: 4 }
 */
export function workloadFindings(
  entries: readonly WorkloadEntryInput[],
  mentors: readonly MentorLoad[],
  policy: WorkloadPolicy = {},
): NastavnikIssue<'workload_over_limit'>[] {
  const loads = parse(z.array(MentorLoadSchema).max(1_000_000), mentors, ['mentors']);
  const p = parse(WorkloadPolicySchema, policy, ['policy']);
  const byMentor = new Map(loads.map((m) => [m.mentorId as string, m]));
  const findings: NastavnikIssue<'workload_over_limit'>[] = [];
  for (const row of mentorMonthHours(entries)) {
    const own = byMentor.get(row.mentorId)?.availableHoursPerMonth;
    const base = { mentorId: row.mentorId, month: row.month, value: row.hours };
    if (p.maxHoursPerMonth !== undefined && row.minutes > p.maxHoursPerMonth * 60) {
      findings.push(
        nastavnikIssue('workload_over_limit', ['mentors', row.mentorId, row.month], {
          ...base,
          limit: 'maxHoursPerMonth',
          maximum: p.maxHoursPerMonth,
        }),
      );
    }
    if (own !== undefined && row.minutes > own * 60) {
      findings.push(
        nastavnikIssue('workload_over_limit', ['mentors', row.mentorId, row.month], {
          ...base,
          limit: 'availableHoursPerMonth',
          maximum: own,
        }),
      );
    }
  }
  if (p.maxMenteesPerMentor !== undefined) {
    for (const m of loads) {
      if (m.menteeCount !== undefined && m.menteeCount > p.maxMenteesPerMentor) {
        findings.push(
          nastavnikIssue('workload_over_limit', ['mentors', m.mentorId, 'menteeCount'], {
            mentorId: m.mentorId,
            limit: 'maxMenteesPerMentor',
            value: m.menteeCount,
            maximum: p.maxMenteesPerMentor,
          }),
        );
      }
    }
  }
  return findings;
}

/**
 * Hours a mentor still has in a month: the smaller of the policy's
 * `maxHoursPerMonth` and the mentor's own `availableHoursPerMonth`, less the
 * hours already logged that month, never below zero. `undefined` when
 * neither limit is set (no limit). Feed it to matching's
 * `remainingHoursConstraint`.
 *
 * @category Workload
 * @example
 * remainingHours('t-1', '2025-10', entries, { mentorId: 't-1', availableHoursPerMonth: 6 }, { maxHoursPerMonth: 8 }); // 6 - logged
 */
export function remainingHours(
  mentorId: string,
  month: string,
  entries: readonly WorkloadEntryInput[],
  mentor: MentorLoad | undefined,
  policy: WorkloadPolicy = {},
): number | undefined {
  const m = parse(MonthSchema, month, ['month']);
  const p = parse(WorkloadPolicySchema, policy, ['policy']);
  const own =
    mentor === undefined ? undefined : parse(MentorLoadSchema, mentor, ['mentor']).availableHoursPerMonth;
  const limits = [p.maxHoursPerMonth, own].filter((x): x is number => x !== undefined);
  if (limits.length === 0) return undefined;
  const used = mentorMonthHours(entries).find((r) => r.mentorId === mentorId && r.month === m)?.minutes ?? 0;
  return Math.max(0, Math.round(((Math.min(...limits) * 60 - used) / 60) * 100) / 100);
}
