import {
  type Consent,
  type ConsentPolicy,
  type ConsentPurpose,
  decideConsent,
  defaultConsentPolicy,
  fail,
  type IsoDate,
  IsoDateSchema,
  type OrganizationId,
  type PairId,
  type PersonId,
  PersonIdSchema,
  parse,
  registerCatalogue,
  requiredConsents,
} from '@nastavnik/core';
import { z } from 'zod';
import { addDaysIso, dayNumber } from '../_internal/days';
import { findProgrammeOverdue } from '../overdue';
import type { PairParticipant } from '../pairEvents';
import type { PairSnapshot } from '../pairSnapshot';
import type { ProgrammeSnapshot } from '../programmeSnapshot';
import { type AttentionPolicy, type AttentionRole, attentionPolicy } from './policy';
import { type AttentionCode, type AttentionReasons, attentionTexts } from './texts';

registerCatalogue();

/**
 * How urgent a finding is: `info` (worth a look), `warning` (act this week),
 * `critical` (act now: a rule of the seeds or of 152-ФЗ is broken, or a pair
 * has stopped).
 *
 * @category Attention
 * @example
 * const s: AttentionSeverity = 'critical';
 */
export type AttentionSeverity = 'info' | 'warning' | 'critical';

/**
 * Something a pair, a programme or a mentee needs, found on a date by
 * {@link findAttention}. Plain JSON with ids, dates and counts only — never a
 * name: the caller resolves names for the people entitled to see them.
 *
 * - `key`: stable for the same problem on later dates (a new meeting starts a
 *   new episode, so a new key): reminders are keyed on it.
 * - `subject`: what the finding is about; `pairId`, `programmeId` and
 *   `personId` (the mentee left without a pair, the person whose consent or
 *   survey is missing) are set accordingly, `null` otherwise.
 * - `mentorId`, `menteeIds`: the pair's participants, for visibility (a
 *   mentor's digest shows only their pairs).
 * - `addressees`: who may be told, first to last — the participants (the
 *   parent for a minor), then the curator, then the municipal curator.
 * - `since`: when the condition began (the last meeting, the due date);
 *   `dueSince`: when it became a finding under the policy.
 * - `source`: the rule of the seeds (or of 152-ФЗ) it comes from.
 *
 * @category Attention
 * @example
 * const f: AttentionFinding = findAttention({ pairs }, '2026-12-07')[0]!;
 * f.code === 'no_meeting' && f.reason.days; // 15
 */
export type AttentionFinding = { [C in AttentionCode]: FindingOf<C> }[AttentionCode];

/**
 * A finding of one code (see {@link AttentionFinding}).
 *
 * @category Attention
 * @example
 * const f: FindingOf<'mentee_unpaired'> | undefined = findings.find((x): x is FindingOf<'mentee_unpaired'> => x.code === 'mentee_unpaired');
 */
export interface FindingOf<C extends AttentionCode> {
  readonly key: string;
  readonly code: C;
  readonly severity: AttentionSeverity;
  readonly subject: 'pair' | 'programme' | 'mentee';
  readonly pairId: PairId | null;
  readonly programmeId: string | null;
  readonly personId: PersonId | null;
  readonly organizationId: OrganizationId | null;
  readonly mentorId: PersonId | null;
  readonly menteeIds: readonly PersonId[];
  readonly addressees: readonly AttentionRole[];
  readonly reason: AttentionReasons[C];
  readonly source: string;
  readonly since: IsoDate;
  readonly dueSince: IsoDate;
  /** Russian text, for people. */
  readonly message: string;
  /** English text, for logs and integrators. */
  readonly messageEn: string;
}

/**
 * A mentee of the base waiting for a pair: the id and the date they entered
 * the base with their request (or the date of the pairs order that left them
 * out).
 *
 * @category Attention
 * @example
 * const m: WaitingMentee = { id: PersonIdSchema.parse('pupil-9'), since: '2026-09-20' };
 */
export interface WaitingMentee {
  readonly id: PersonId;
  readonly since: IsoDate;
}

/**
 * What {@link findAttention} looks at: the pairs' snapshots, the programmes'
 * snapshots, and the mentee base (who is waiting, since when). Each is
 * optional; only what is given is checked.
 *
 * @category Attention
 * @example
 * const input: AttentionInput = { pairs: [pairSnapshot], programmes: [programmeSnapshot], mentees: [{ id, since: '2026-09-20' }] };
 */
export interface AttentionInput {
  readonly pairs?: readonly PairSnapshot[];
  readonly programmes?: readonly ProgrammeSnapshot[];
  readonly mentees?: readonly WaitingMentee[];
}

const MenteesSchema = z.array(z.object({ id: PersonIdSchema, since: IsoDateSchema }));

const LIVE_RUNNING = new Set([
  'awaitingOrganizational',
  'awaitingTrial',
  'awaitingPlanning',
  'awaitingProgramme',
  'active',
]);
const FORMING = new Set(['collectingConsents', 'consented']);
const UP: readonly AttentionRole[] = ['curator', 'municipalCurator'];

/** What every finding of one subject shares (one object per pair, not copied per finding). */
type Base = Pick<
  FindingOf<AttentionCode>,
  'subject' | 'pairId' | 'programmeId' | 'organizationId' | 'mentorId' | 'menteeIds'
>;
type Emit = <C extends AttentionCode>(
  code: C,
  base: Base,
  fields: Omit<FindingOf<C>, 'code' | 'message' | 'messageEn' | 'key' | keyof Base> & {
    readonly detail: string;
  },
) => void;

/**
 * Every pair, programme and mentee that needs attention on `date`, under a
 * policy: a pure function of snapshots, a date and the policy (never the
 * clock). Findings come in input order: pairs, then programmes, then
 * mentees; {@link attentionDigest} sorts them for people.
 *
 * | code | when | source |
 * |---|---|---|
 * | `no_meeting` | a pair with an order has not met for `noMeeting.afterDays` | 004 §5; 001 6.6 |
 * | `pause_proposed`, `close_proposed` | no meeting for 90 / 97 days | 003 §7 |
 * | `plan_item_overdue` | a plan item past its due date | 003 roadmap 9 |
 * | `programme_missing` | no personal programme 30 days after the order | 003 roadmap 6–8; 004 §4 |
 * | `programme_end_passed` | the programme's (extended) end has passed | 003 §1.2, §7.2 |
 * | `consent_missing` | a required consent not in force (core's consent policy) | 004 §1; 152-ФЗ ст. 9 |
 * | `consent_expiring` | a consent in force ends within 30 days | 152-ФЗ ст. 9 ч. 1 |
 * | `feedback_survey_missing` | no interim feedback in December or May | 001 6.6, 7.1; 004 §5 |
 * | `final_survey_missing` | no final survey 14 days after the final meeting | 004 §6; 003 roadmap 10 |
 * | `activity_overdue` | a roadmap activity past its deadline | 003 §3.4 |
 * | `checkpoint_missed` | a monitoring checkpoint not held in its window | 001 2.6, 6.6, 7.2 |
 * | `mentee_unpaired` | a mentee of the base without a pair for 14 days | 003 roadmap 6; 004 §4 |
 *
 * Completed and terminated pairs have no findings.
 *
 * @category Attention
 * @throws NastavnikError on an invalid date, policy, mentee list or snapshot.
 * @example
 * const findings = findAttention({ pairs, programmes, mentees }, '2026-12-07', { noMeeting: { afterDays: 10 } });
 * findings.filter((f) => f.severity === 'critical').map((f) => f.message);
 */
export function findAttention(
  input: AttentionInput,
  date: IsoDate,
  policy: AttentionPolicy | Parameters<typeof attentionPolicy>[0] = {},
): AttentionFinding[] {
  parse(IsoDateSchema, date, ['date']);
  const p = attentionPolicy(policy);
  const mentees = input.mentees === undefined ? [] : parse(MenteesSchema, input.mentees, ['mentees']);
  const today = dayNumber(date);
  const out: AttentionFinding[] = [];
  // One object of one shape per finding (no rest or spread: a million pairs go through here).
  const emit: Emit = (code, b, f) => {
    const text = (attentionTexts[code] as (r: AttentionReasons[typeof code]) => { ru: string; en: string })(
      f.reason,
    );
    out.push({
      key: `${code}:${b.pairId ?? b.programmeId ?? f.personId ?? ''}:${f.detail}`,
      code,
      severity: f.severity,
      subject: b.subject,
      pairId: b.pairId,
      programmeId: b.programmeId,
      personId: f.personId,
      organizationId: b.organizationId,
      mentorId: b.mentorId,
      menteeIds: b.menteeIds,
      addressees: f.addressees,
      reason: f.reason,
      source: f.source,
      since: f.since,
      dueSince: f.dueSince,
      message: text.ru,
      messageEn: text.en,
    } as AttentionFinding);
  };
  const paired = new Set<string>();
  const pairs = input.pairs ?? [];
  const window = lastFeedbackWindow(date, today, p);
  for (let i = 0; i < pairs.length; i++) {
    pairFindings(pairs[i] as PairSnapshot, i, date, today, p, emit, paired, window);
  }
  const programmes = input.programmes ?? [];
  for (let i = 0; i < programmes.length; i++) {
    programmeFindings(programmes[i] as ProgrammeSnapshot, i, date, p, emit);
  }
  for (const m of mentees) {
    if (paired.has(m.id)) continue;
    const waited = today - dayNumber(m.since);
    if (waited < p.unpairedDays) continue;
    const dueSince = addDaysIso(m.since, p.unpairedDays);
    const base: Base = {
      subject: 'mentee',
      pairId: null,
      programmeId: null,
      organizationId: null,
      mentorId: null,
      menteeIds: [m.id],
    };
    emit('mentee_unpaired', base, {
      detail: m.since,
      severity: today - dayNumber(dueSince) >= p.criticalAfterDays ? 'critical' : 'warning',
      personId: m.id,
      addressees: UP,
      reason: { days: waited },
      source: '003 roadmap 6; 004 §4',
      since: m.since,
      dueSince,
    });
  }
  return out;
}

const RUNNING = new Set([...LIVE_RUNNING, 'closing']);
const WITH_PARENT: readonly AttentionRole[] = ['mentor', 'mentee', 'parent', 'curator', 'municipalCurator'];
const WITHOUT_PARENT: readonly AttentionRole[] = ['mentor', 'mentee', 'curator', 'municipalCurator'];
const OWN: { readonly [R in 'mentor' | 'mentee']: readonly AttentionRole[] } = {
  mentor: ['mentor', 'curator', 'municipalCurator'],
  mentee: ['mentee', 'curator', 'municipalCurator'],
};
const OWN_MINOR: { readonly [R in 'mentor' | 'mentee']: readonly AttentionRole[] } = {
  mentor: ['mentor', 'parent', 'curator', 'municipalCurator'],
  mentee: ['mentee', 'parent', 'curator', 'municipalCurator'],
};
const PARENT_SIGNS: readonly AttentionRole[] = ['parent', 'curator', 'municipalCurator'];

const ownAddressees = (
  who: PairParticipant,
  role: 'mentor' | 'mentee',
  date: IsoDate,
): readonly AttentionRole[] => (minorOn(who, date) ? OWN_MINOR : OWN)[role];

function everyoneOf(c: PairSnapshot['context']): Array<{ p: PairParticipant; role: 'mentor' | 'mentee' }> {
  const out: Array<{ p: PairParticipant; role: 'mentor' | 'mentee' }> = [{ p: c.mentor, role: 'mentor' }];
  for (const m of c.mentees) out.push({ p: m, role: 'mentee' });
  return out;
}

const severityAfter = (today: number, dueSince: IsoDate, p: AttentionPolicy): 'warning' | 'critical' =>
  today - dayNumber(dueSince) >= p.criticalAfterDays ? 'critical' : 'warning';

/** The phase of a stored pair, checked against the machine's state values (the hot path of a million pairs). */
function phaseAt(s: PairSnapshot, i: number): string {
  if (typeof s !== 'object' || s === null || typeof s.context !== 'object' || s.context === null) {
    throw fail('invalid_type', ['pairs', i], { expected: 'pairSnapshot' });
  }
  const v: unknown = s.value;
  if (v === 'completed' || v === 'terminated') return v;
  if (typeof v === 'object' && v !== null) {
    const r = (v as { running?: unknown }).running;
    if (typeof r === 'string' && RUNNING.has(r)) return r;
    const f = (v as { forming?: unknown }).forming;
    if (typeof f === 'string' && FORMING.has(f)) return f;
  }
  throw fail('invalid_value', ['pairs', i, 'value'], { reason: 'pairState' });
}

/** A minor on `date` (as core `isMinorOn`, by string comparison: no date objects on the hot path). */
function minorOn(p: PairParticipant, date: IsoDate): boolean {
  const b = p.birthDate;
  if (b === undefined) return p.category === 'pupil';
  return `${String(Number(b.slice(0, 4)) + 18).padStart(4, '0')}${b.slice(4)}` > date;
}

type FeedbackWindow = { month: number; start: IsoDate; end: IsoDate; closes: IsoDate } | null;

function pairFindings(
  s: PairSnapshot,
  i: number,
  date: IsoDate,
  today: number,
  p: AttentionPolicy,
  emit: Emit,
  paired: Set<string>,
  window: FeedbackWindow,
): void {
  const phase = phaseAt(s, i);
  if (phase === 'completed' || phase === 'terminated') return;
  const c = s.context;
  // Plain loops, no closures: this runs for every pair of a region.
  let minorMentee = false;
  const menteeIds: PersonId[] = [];
  for (const m of c.mentees) {
    paired.add(m.id);
    menteeIds.push(m.id);
    if (!minorMentee && minorOn(m, date)) minorMentee = true;
  }
  const participants = minorMentee ? WITH_PARENT : WITHOUT_PARENT;
  const base = {
    subject: 'pair' as const,
    pairId: c.pairId,
    programmeId: null,
    organizationId: c.organizationId,
    mentorId: c.mentor.id,
    menteeIds,
  };

  consentFindings(s, date, today, p, emit, base, FORMING.has(phase));

  if (c.order === null) return;
  const running = LIVE_RUNNING.has(phase);
  // No meeting: from the last meeting, or from the order before the first (as findPairOverdue).
  if (running) {
    const last = c.meetings.at(-1)?.date ?? null;
    const since = last ?? c.order.date;
    const d = today - dayNumber(since);
    const n = p.noMeeting;
    if (d >= n.afterDays) {
      const reason = { days: d, lastMeeting: last };
      emit('no_meeting', base, {
        detail: since,
        personId: null,
        severity: d >= n.criticalDays ? 'critical' : d >= n.warningDays ? 'warning' : 'info',
        addressees: participants,
        reason,
        source: '004 §5; 001 6.6',
        since,
        dueSince: addDaysIso(since, n.afterDays),
      });
      if (d >= n.proposePauseDays) {
        const close = d >= n.proposeCloseDays;
        emit(close ? 'close_proposed' : 'pause_proposed', base, {
          detail: since,
          personId: null,
          severity: 'critical',
          addressees: UP,
          reason,
          source: '003 §7',
          since,
          dueSince: addDaysIso(since, close ? n.proposeCloseDays : n.proposePauseDays),
        });
      }
    }
    if (c.programme === null && d >= 0) {
      const waited = today - dayNumber(c.order.date);
      if (waited > p.programmeAfterOrderDays) {
        const dueSince = addDaysIso(c.order.date, p.programmeAfterOrderDays + 1);
        emit('programme_missing', base, {
          detail: c.order.id,
          personId: null,
          severity: severityAfter(today, dueSince, p),
          addressees: ['mentor', 'curator', 'municipalCurator'],
          reason: { orderDate: c.order.date, days: waited },
          source: '003 roadmap 6–8; 004 §4',
          since: c.order.date,
          dueSince,
        });
      }
    }
  }
  const prog = c.programme;
  if (prog === null) return;
  for (const it of prog.plan) {
    if (it.doneAt !== null) continue;
    const late = today - dayNumber(it.due);
    if (late <= p.planItemGraceDays) continue;
    const dueSince = addDaysIso(it.due, p.planItemGraceDays + 1);
    emit('plan_item_overdue', base, {
      detail: it.id,
      personId: it.menteeId,
      severity: severityAfter(today, dueSince, p),
      addressees: participants,
      reason: { itemId: it.id, due: it.due, days: late },
      source: '003 roadmap 9; 004 §4',
      since: it.due,
      dueSince,
    });
  }
  const pastEnd = today - dayNumber(prog.effectiveEnd);
  if (pastEnd > 0) {
    const dueSince = addDaysIso(prog.effectiveEnd, 1);
    emit('programme_end_passed', base, {
      detail: prog.effectiveEnd,
      personId: null,
      severity: severityAfter(today, dueSince, p),
      addressees: participants,
      reason: { end: prog.effectiveEnd, days: pastEnd },
      source: '003 §1.2, §7.2',
      since: prog.effectiveEnd,
      dueSince,
    });
  }
  if (running && p.feedbackMonths.length > 0) {
    const w = window;
    if (w !== null && c.order.date <= w.start) {
      for (const { p: who, role } of everyoneOf(c)) {
        let answered = false;
        for (const f of c.feedback) {
          if (f.respondentId === who.id && f.date >= w.start && f.date <= w.closes) answered = true;
        }
        if (answered) continue;
        emit('feedback_survey_missing', base, {
          detail: `${who.id}:${w.start}`,
          personId: who.id,
          severity: 'info',
          addressees: ownAddressees(who, role, date),
          reason: { month: w.month, windowEnd: w.end },
          source: '001 6.6, 7.1; 004 §5',
          since: w.end,
          dueSince: w.closes,
        });
      }
    }
  }
  if (phase === 'closing') {
    const final = [...c.meetings].reverse().find((m) => m.kind === 'final')?.date ?? c.meetings.at(-1)?.date;
    if (final === undefined) return;
    const d = today - dayNumber(final);
    if (d <= p.finalSurveyDays) return;
    const answered = new Set(c.finalSurveys.map((f) => f.respondentId));
    const rule = c.policy.finalSurvey;
    const who =
      rule === 'anyone'
        ? answered.size > 0
          ? []
          : [{ p: c.mentor, role: 'mentor' as const }]
        : everyoneOf(c).filter((e) => (rule === 'everyone' || e.role === 'mentee') && !answered.has(e.p.id));
    const dueSince = addDaysIso(final, p.finalSurveyDays + 1);
    for (const { p: x, role } of who) {
      emit('final_survey_missing', base, {
        detail: rule === 'anyone' ? 'anyone' : x.id,
        personId: rule === 'anyone' ? null : x.id,
        severity: severityAfter(today, dueSince, p),
        addressees: rule === 'anyone' ? participants : ownAddressees(x, role, date),
        reason: { finalMeeting: final, days: d },
        source: '004 §6; 003 roadmap 10',
        since: final,
        dueSince,
      });
    }
  }
}

function consentFindings(
  s: PairSnapshot,
  date: IsoDate,
  today: number,
  p: AttentionPolicy,
  emit: Emit,
  base: Pick<
    FindingOf<'consent_missing'>,
    'subject' | 'pairId' | 'programmeId' | 'organizationId' | 'mentorId' | 'menteeIds'
  >,
  forming: boolean,
): void {
  const c = s.context;
  // A proposed pair collects its consents for a while; a pair at work must have them all.
  if (forming && today - dayNumber(c.createdAt) < p.consentCollectionDays) return;
  const cp = c.policy.consentPolicy ?? defaultConsentPolicy;
  const all = c.consents as readonly Consent[];
  // The mentor (j = -1), then each mentee: a loop, not a closure per pair.
  for (let j = -1; j < c.mentees.length; j++) {
    const who = j < 0 ? c.mentor : (c.mentees[j] as PairParticipant);
    const role = j < 0 ? 'mentor' : 'mentee';
    const addressees = minorOn(who, date) ? PARENT_SIGNS : OWN[role];
    const consents: Consent[] = [];
    for (const k of all) if (k.personId === who.id) consents.push(k);
    for (const purpose of purposesOf(cp, who, role)) {
      const d = decideConsent(who, consents, date, purpose, cp.minorSigners);
      if (!d.allowed) {
        const since = gapSince(c, who.id, purpose, d.code, forming);
        emit('consent_missing', base, {
          detail: `${who.id}:${purpose}`,
          personId: who.id,
          severity: forming ? 'warning' : 'critical',
          addressees,
          reason: { purpose, cause: d.code },
          source: '004 §1; 152-ФЗ ст. 9',
          since,
          dueSince: forming ? addDaysIso(c.createdAt, p.consentCollectionDays) : since,
        });
        continue;
      }
      const until = d.consent.validUntil ?? null;
      if (until === null) continue;
      const left = dayNumber(until) - today;
      if (left > p.consentExpiryWarningDays) continue;
      const since = addDaysIso(until, -p.consentExpiryWarningDays);
      emit('consent_expiring', base, {
        detail: `${who.id}:${purpose}:${until}`,
        personId: who.id,
        severity: left <= 7 ? 'warning' : 'info',
        addressees,
        reason: { purpose, validUntil: until, daysLeft: left },
        source: '152-ФЗ ст. 9 ч. 1; 004 §1',
        since,
        dueSince: since,
      });
    }
  }
}

const purposeCache = new WeakMap<ConsentPolicy, Map<string, readonly ConsentPurpose[]>>();
/** core `requiredConsents` for the pair, remembered per policy, role and category. */
function purposesOf(
  cp: ConsentPolicy,
  who: PairParticipant,
  role: 'mentor' | 'mentee',
): readonly ConsentPurpose[] {
  let byKey = purposeCache.get(cp);
  if (byKey === undefined) {
    byKey = new Map();
    purposeCache.set(cp, byKey);
  }
  const key = `${role}:${who.category}`;
  let out = byKey.get(key);
  if (out === undefined) {
    out = requiredConsents(cp, who, role, 'pair');
    byKey.set(key, out);
  }
  return out;
}

/** Since when a consent has not been in force: the withdrawal, the day after expiry, or the order (the pair's creation while forming). */
function gapSince(
  c: PairSnapshot['context'],
  personId: PersonId,
  purpose: string,
  cause: string,
  forming: boolean,
): IsoDate {
  const start = forming || c.order === null ? c.createdAt : c.order.date;
  let since: IsoDate | null = null;
  for (const k of c.consents) {
    if (k.personId !== personId || k.purpose !== purpose) continue;
    const end =
      cause === 'consent_withdrawn'
        ? (k.withdrawnAt ?? null)
        : cause === 'consent_expired' && k.validUntil
          ? addDaysIso(k.validUntil, 1)
          : null;
    if (end !== null && (since === null || end > since)) since = end;
  }
  return since !== null && since > start ? since : start;
}

/** The latest feedback window whose grace has passed: [first day of the month, last day], closing `feedbackGraceDays` later. */
function lastFeedbackWindow(date: IsoDate, today: number, p: AttentionPolicy): FeedbackWindow {
  const year = Number(date.slice(0, 4));
  let best: FeedbackWindow = null;
  for (const month of p.feedbackMonths) {
    for (const y of [year, year - 1]) {
      const start = `${y}-${String(month).padStart(2, '0')}-01`;
      const end = addDaysIso(
        month === 12 ? `${y + 1}-01-01` : `${y}-${String(month + 1).padStart(2, '0')}-01`,
        -1,
      );
      const closes = addDaysIso(end, p.feedbackGraceDays);
      if (dayNumber(closes) >= today) continue;
      if (best === null || end > best.end) best = { month, start, end, closes };
      break;
    }
  }
  return best;
}

function programmeFindings(
  s: ProgrammeSnapshot,
  i: number,
  date: IsoDate,
  p: AttentionPolicy,
  emit: Emit,
): void {
  if (typeof s !== 'object' || s === null || typeof s.context !== 'object' || s.context === null) {
    throw fail('invalid_type', ['programmes', i], { expected: 'programmeSnapshot' });
  }
  const c = s.context;
  if (c.stage === 'closed') return;
  const base = {
    subject: 'programme' as const,
    pairId: null,
    programmeId: c.roadmapId,
    organizationId: null,
    mentorId: null,
    menteeIds: [],
  };
  const today = dayNumber(date);
  for (const o of findProgrammeOverdue(s, date)) {
    const end = o.kind === 'activity' ? o.deadline : o.end;
    if (o.days <= p.activityGraceDays) continue;
    const dueSince = addDaysIso(end, p.activityGraceDays + 1);
    const severity = today - dayNumber(dueSince) >= p.criticalAfterDays ? 'critical' : 'warning';
    if (o.kind === 'activity') {
      emit('activity_overdue', base, {
        detail: o.activityId,
        personId: null,
        addressees: UP,
        severity,
        reason: { activityId: o.activityId, stage: o.stage, deadline: o.deadline, days: o.days },
        source: `003 §3.4; roadmap ${o.activityId}`,
        since: o.deadline,
        dueSince,
      });
    } else {
      emit('checkpoint_missed', base, {
        detail: o.checkpointId,
        personId: null,
        addressees: UP,
        severity,
        reason: { checkpointId: o.checkpointId, end: o.end, days: o.days },
        source: '001 2.6, 6.6, 7.2',
        since: o.end,
        dueSince,
      });
    }
  }
}
