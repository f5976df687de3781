import { z } from 'zod';
import { addDaysIso, weekdayOf } from '../calendar';
import { type Consent, ConsentSchema } from '../consent';
import { type ConsentPolicy, ConsentPolicySchema } from '../consentPolicy';
import { type IsoDate, IsoDateSchema } from '../dates';
import { type ConsentPurpose, ConsentPurposeSchema } from '../enums';
import { type PersonId, PersonIdSchema } from '../ids';
import { parse } from '../parse';
import { safeText } from '../text';

/**
 * A record of personal data the school holds: whose, in which data set, for
 * which purpose (the consent it rests on), and — when known — the day the
 * purpose was achieved (the programme year closed, the pair completed or
 * terminated). A record already destroyed or depersonalised says so.
 *
 * @category Personal data
 * @example
 * const r = RetentionRecordSchema.parse({ id: 'mentee-base/p-1', personId: 'p-1', dataset: 'база наставляемых', purpose: 'personalData', purposeAchievedAt: '2024-05-31' });
 */
export const RetentionRecordSchema = z.object({
  id: safeText().trim().min(1).max(200),
  personId: PersonIdSchema,
  /** Where it is kept: «база наставляемых», «анкеты обратной связи», … */
  dataset: safeText().trim().min(1).max(200),
  purpose: ConsentPurposeSchema,
  purposeAchievedAt: IsoDateSchema.optional(),
  /** Already destroyed (act of destruction) or depersonalised: nothing is due. */
  disposedAt: IsoDateSchema.optional(),
});
/** A record of personal data. @category Personal data @example const r: RetentionRecord = RetentionRecordSchema.parse(raw); */
export type RetentionRecord = z.infer<typeof RetentionRecordSchema>;

const RetentionInputSchema = z.object({
  records: z.array(RetentionRecordSchema),
  consents: z.array(ConsentSchema).default([]),
});
/** Input of {@link retentionSchedule}. @category Personal data @example const i: RetentionInput = { records, consents }; */
export type RetentionInput = z.input<typeof RetentionInputSchema>;

/**
 * Why data must go (152-ФЗ ст. 21):
 * - `purposeAchieved` — ч. 4: within 30 days of the purpose being achieved;
 * - `consentWithdrawn` — ч. 5: stop at once, destroy within 30 days of the withdrawal;
 * - `consentExpired` — the consent's term ended (ст. 9 ч. 4 п. 8): no ground
 *   left, handled as a withdrawal (ч. 5);
 * - `noConsent` — no consent at all: unlawful processing, ч. 3: stop within
 *   3 working days, destroy within 10 working days of it being found.
 *
 * @category Personal data
 * @example
 * const g: RetentionGround = 'consentWithdrawn';
 */
export type RetentionGround = 'purposeAchieved' | 'consentWithdrawn' | 'consentExpired' | 'noConsent';

/**
 * One line of the schedule: what to do with which record, on which ground,
 * since when and by when. Ids only, never names.
 *
 * @category Personal data
 * @example
 * const due: RetentionItem = retentionSchedule({ records, consents }, defaultConsentPolicy, '2024-06-15')[0]!;
 */
export interface RetentionItem {
  readonly recordId: string;
  readonly personId: PersonId;
  readonly dataset: string;
  readonly purpose: ConsentPurpose;
  readonly action: 'destroy' | 'depersonalise';
  readonly ground: RetentionGround;
  /** The article that sets the term, e.g. «ст. 21 ч. 5». */
  readonly article: string;
  /** The day the ground arose. */
  readonly since: IsoDate;
  /** The last day to destroy or depersonalise. */
  readonly deadline: IsoDate;
  /** Whether `today` is past the deadline. */
  readonly overdue: boolean;
}

/** Working days skip weekends only: holidays would only move the real deadline later, so this is the safe side. */
function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDaysIso(d, 1);
    if (weekdayOf(d) < 6) left--;
  }
  return d;
}

const plusDays = addDaysIso;

type Ground = { ground: Exclude<RetentionGround, 'purposeAchieved'>; since: IsoDate };

/** Whether the consents for a person and purpose still give a ground on `today`, and if not, why. */
function consentGround(consents: readonly Consent[], today: IsoDate): Ground | null {
  const given = consents.filter((c) => c.givenAt <= today);
  const inForce = given.some(
    (c) =>
      (c.withdrawnAt === undefined || c.withdrawnAt > today) &&
      (c.validUntil === undefined || c.validUntil >= today),
  );
  if (inForce) return null;
  const withdrawn = given.flatMap((c) => (c.withdrawnAt !== undefined ? [c.withdrawnAt] : [])).sort();
  const last = withdrawn.at(-1);
  if (last !== undefined) return { ground: 'consentWithdrawn', since: last };
  const expired = given
    .flatMap((c) => (c.validUntil !== undefined ? [plusDays(c.validUntil, 1)] : []))
    .sort();
  const end = expired.at(-1);
  if (end !== undefined) return { ground: 'consentExpired', since: end };
  return { ground: 'noConsent', since: today };
}

/**
 * What must be destroyed or depersonalised, and by when, on `today`
 * (152-ФЗ ст. 21 ч. 3–5; ст. 5 ч. 7): for each record still held, the
 * earliest ground among the purpose achieved, the withdrawal or expiry of the
 * consent to its purpose or to the processing of personal data as a whole,
 * and the absence of any consent. Withdrawal always means destruction;
 * an achieved purpose means destruction or depersonalisation as the policy
 * says. Sorted by deadline. Pure: `today` is passed in.
 *
 * @category Personal data
 * @example
 * const due = retentionSchedule({ records, consents }, defaultConsentPolicy, '2024-06-15');
 * due.filter((d) => d.overdue); // what is late
 */
export function retentionSchedule(
  input: RetentionInput,
  policy: ConsentPolicy,
  today: IsoDate,
): readonly RetentionItem[] {
  const v = parse(RetentionInputSchema, input);
  const p = parse(ConsentPolicySchema, policy, ['policy']);
  parse(IsoDateSchema, today, ['today']);
  const byKey = new Map<string, Consent[]>();
  for (const c of v.consents) {
    const k = `${c.personId}\u0000${c.purpose}`;
    const list = byKey.get(k) ?? [];
    list.push(c);
    byKey.set(k, list);
  }
  const out: RetentionItem[] = [];
  for (const r of v.records) {
    if (r.disposedAt !== undefined && r.disposedAt <= today) continue;
    const candidates: Omit<RetentionItem, 'overdue'>[] = [];
    const base = { recordId: r.id, personId: r.personId, dataset: r.dataset, purpose: r.purpose };
    if (r.purposeAchievedAt !== undefined && r.purposeAchievedAt <= today) {
      candidates.push({
        ...base,
        action: p.retention.onPurposeAchieved,
        ground: 'purposeAchieved',
        article: 'ст. 21 ч. 4',
        since: r.purposeAchievedAt,
        deadline: plusDays(r.purposeAchievedAt, p.retention.purposeAchievedDays),
      });
    }
    const purposes: ConsentPurpose[] =
      r.purpose === 'personalData' ? ['personalData'] : [r.purpose, 'personalData'];
    for (const purpose of purposes) {
      const g = consentGround(byKey.get(`${r.personId}\u0000${purpose}`) ?? [], today);
      if (g === null) continue;
      candidates.push({
        ...base,
        action: 'destroy',
        ground: g.ground,
        article: g.ground === 'noConsent' ? 'ст. 21 ч. 3' : 'ст. 21 ч. 5',
        since: g.since,
        deadline:
          g.ground === 'noConsent'
            ? addWorkingDays(g.since, 10)
            : plusDays(g.since, p.retention.withdrawalDays),
      });
    }
    // The earliest deadline wins; destruction wins over depersonalisation on the same day.
    candidates.sort((a, b) =>
      a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : a.action === 'destroy' ? -1 : 1,
    );
    const first = candidates[0];
    if (first !== undefined) out.push({ ...first, overdue: first.deadline < today });
  }
  return out.sort((a, b) =>
    a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : a.recordId < b.recordId ? -1 : 1,
  );
}
