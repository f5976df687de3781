import { addDaysIso, type IsoDate, IsoDateSchema, type PairId, type PersonId, parse } from '@nastavnik/core';
import { z } from 'zod';
import type { AttentionFinding, AttentionSeverity } from './findings';
import { type AttentionPolicy, type AttentionRole, AttentionRoleSchema, attentionPolicy } from './policy';
import type { AttentionCode } from './texts';

/**
 * A reminder already sent: the finding's key, the step of the escalation
 * ladder, the date. The caller stores these and passes them back, so that a
 * reminder is never sent twice.
 *
 * @category Attention
 * @example
 * const sent: SentReminder = { findingKey: 'no_meeting:pair-1:2026-11-20', step: 0, date: '2026-11-27' };
 */
export interface SentReminder {
  readonly findingKey: string;
  readonly step: number;
  readonly date: IsoDate;
}

/**
 * A reminder to send today: to whom (roles; the caller resolves the people),
 * about which finding, at which step of the ladder. A `proposal` asks the
 * curator to decide about a pair that stopped meeting (`action`: pause or
 * close); the SDK never pauses or closes a pair by itself.
 *
 * @category Attention
 * @example
 * const r: Reminder = reminderSchedule(findings, history, '2026-12-07')[0]!;
 * history.push({ findingKey: r.findingKey, step: r.step, date: r.date });
 */
export interface Reminder {
  /** `findingKey#step`: unique over the life of a finding. */
  readonly key: string;
  readonly findingKey: string;
  readonly code: AttentionCode;
  /** Index of the step in `policy.escalation`. */
  readonly step: number;
  readonly kind: 'reminder' | 'proposal';
  readonly action: 'pause' | 'close' | null;
  readonly to: readonly AttentionRole[];
  readonly severity: AttentionSeverity;
  readonly pairId: PairId | null;
  readonly programmeId: string | null;
  readonly personId: PersonId | null;
  readonly message: string;
  readonly messageEn: string;
  readonly date: IsoDate;
}

const HistorySchema = z.array(
  z.object({ findingKey: z.string().min(1).max(500), step: z.number().int().min(0), date: IsoDateSchema }),
);
const FindingsSchema = z.array(
  z.looseObject({
    key: z.string().min(1).max(500),
    dueSince: IsoDateSchema,
    addressees: z.array(AttentionRoleSchema),
  }),
);

const ROLE_ORDER = AttentionRoleSchema.options;
const SEVERITY_RANK: Readonly<Record<AttentionSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/**
 * Which reminders to send on `date`: for each finding, the highest step of
 * the escalation ladder it has reached, unless that step (or a later one) was
 * already sent. A finding starts at the first step that has someone to tell
 * (its addressees) on its `dueSince`, and climbs the ladder as it stays
 * unresolved: mentor and mentee → the parent of a minor → the curator → the
 * municipal curator. When days were skipped, the reminder goes to everyone
 * of the steps passed over, so the curator is never left out. Pure: the
 * history of sent reminders is an input, the date is passed in.
 *
 * Properties (tested over a simulated school year): a finding's steps only
 * go up; no reminder twice; none for a completed or terminated pair (it has no
 * findings); every finding left unresolved reaches the curator.
 *
 * @category Attention
 * @throws NastavnikError on an invalid date, history or policy.
 * @example
 * const today = reminderSchedule(findAttention({ pairs }, '2026-12-07'), history, '2026-12-07');
 * for (const r of today) send(r.to, r.message);
 */
export function reminderSchedule(
  findings: readonly AttentionFinding[],
  history: readonly SentReminder[],
  date: IsoDate,
  policy: AttentionPolicy | Parameters<typeof attentionPolicy>[0] = {},
): Reminder[] {
  parse(IsoDateSchema, date, ['date']);
  parse(FindingsSchema, findings, ['findings']);
  parse(HistorySchema, history, ['history']);
  const p = attentionPolicy(policy);
  const lastSent = new Map<string, number>();
  for (const h of history) lastSent.set(h.findingKey, Math.max(h.step, lastSent.get(h.findingKey) ?? -1));
  const out: Reminder[] = [];
  for (const f of findings) {
    const has = new Set(f.addressees);
    const steps = p.escalation
      .map((s, index) => ({ index, afterDays: s.afterDays, to: s.to.filter((r) => has.has(r)) }))
      .filter((s) => s.to.length > 0);
    const first = steps[0];
    if (first === undefined) continue;
    const sent = lastSent.get(f.key) ?? -1;
    const reached = steps.filter((s) => addDaysIso(f.dueSince, s.afterDays - first.afterDays) <= date);
    const top = reached.at(-1);
    if (top === undefined || top.index <= sent) continue;
    const to = new Set<AttentionRole>();
    for (const s of reached) if (s.index > sent) for (const r of s.to) to.add(r);
    const proposal = f.code === 'pause_proposed' || f.code === 'close_proposed';
    out.push({
      key: `${f.key}#${top.index}`,
      findingKey: f.key,
      code: f.code,
      step: top.index,
      kind: proposal ? 'proposal' : 'reminder',
      action: f.code === 'pause_proposed' ? 'pause' : f.code === 'close_proposed' ? 'close' : null,
      to: ROLE_ORDER.filter((r) => to.has(r)),
      severity: f.severity,
      pairId: f.pairId,
      programmeId: f.programmeId,
      personId: f.personId,
      message: f.message,
      messageEn: f.messageEn,
      date,
    });
  }
  return out.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
