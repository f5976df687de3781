import {
  type Consent,
  type ConsentCause,
  type ConsentGiver,
  type ConsentPolicy,
  type ConsentPurpose,
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
import { findProgrammeOverdue } from '../overdue';
import type { PairParticipant } from '../pairEvents';
import type { PairSnapshot } from '../pairSnapshot';
import type { ProgrammeSnapshot } from '../programmeSnapshot';
import { dayOf, IsoDays } from './days';
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
 * - `key`, `message`, `messageEn`: made when read (getters of the object
 *   {@link findAttention} returns: a region's million pairs do not pay for
 *   texts nobody reads). `JSON.stringify` includes them; an object spread
 *   (`{ ...f }`) does not — copy them by name: `{ ...f, key: f.key, message: f.message, messageEn: f.messageEn }`.
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

type Text = (r: unknown) => { readonly ru: string; readonly en: string };

/**
 * A finding as {@link findAttention} makes it: plain fields, and the key and
 * the two messages made from them when read (a million pairs give 3.4 million
 * findings; most messages are never read). `toJSON` gives every field.
 */
class Finding {
  readonly code: AttentionCode;
  readonly severity: AttentionSeverity;
  readonly subject: Base['subject'];
  readonly pairId: PairId | null;
  readonly programmeId: string | null;
  readonly personId: PersonId | null;
  readonly organizationId: OrganizationId | null;
  readonly mentorId: PersonId | null;
  readonly menteeIds: readonly PersonId[];
  readonly addressees: readonly AttentionRole[];
  readonly reason: AttentionReasons[AttentionCode];
  readonly source: string;
  readonly since: IsoDate;
  readonly dueSince: IsoDate;
  /** What tells this problem from others of the same code and subject, in one to three parts of the key. */
  readonly #detail: string;
  readonly #detail2: string | null;
  readonly #detail3: string | null;

  constructor(
    code: AttentionCode,
    b: Base,
    severity: AttentionSeverity,
    personId: PersonId | null,
    addressees: readonly AttentionRole[],
    reason: AttentionReasons[AttentionCode],
    source: string,
    since: IsoDate,
    dueSince: IsoDate,
    detail: string,
    detail2: string | null = null,
    detail3: string | null = null,
  ) {
    this.code = code;
    this.severity = severity;
    this.subject = b.subject;
    this.pairId = b.pairId;
    this.programmeId = b.programmeId;
    this.personId = personId;
    this.organizationId = b.organizationId;
    this.mentorId = b.mentorId;
    this.menteeIds = b.menteeIds;
    this.addressees = addressees;
    this.reason = reason;
    this.source = source;
    this.since = since;
    this.dueSince = dueSince;
    this.#detail = detail;
    this.#detail2 = detail2;
    this.#detail3 = detail3;
  }

  get key(): string {
    const d2 = this.#detail2 === null ? '' : `:${this.#detail2}`;
    const d3 = this.#detail3 === null ? '' : `:${this.#detail3}`;
    return `${this.code}:${this.pairId ?? this.programmeId ?? this.personId ?? ''}:${this.#detail}${d2}${d3}`;
  }

  get message(): string {
    return (attentionTexts[this.code] as Text)(this.reason).ru;
  }

  get messageEn(): string {
    return (attentionTexts[this.code] as Text)(this.reason).en;
  }

  toJSON(): AttentionFinding {
    return {
      key: this.key,
      code: this.code,
      severity: this.severity,
      subject: this.subject,
      pairId: this.pairId,
      programmeId: this.programmeId,
      personId: this.personId,
      organizationId: this.organizationId,
      mentorId: this.mentorId,
      menteeIds: this.menteeIds,
      addressees: this.addressees,
      reason: this.reason,
      source: this.source,
      since: this.since,
      dueSince: this.dueSince,
      message: this.message,
      messageEn: this.messageEn,
    } as AttentionFinding;
  }
}

/** What one call shares: the date as a string and a day number, the policy, the output. */
interface Run {
  readonly date: IsoDate;
  readonly today: number;
  /** A person born after this date (by string comparison) is a minor on `date`. */
  readonly minorAfter: string;
  readonly p: AttentionPolicy;
  readonly days: IsoDays;
  readonly out: AttentionFinding[];
  readonly paired: Set<string> | null;
  readonly window: FeedbackWindow;
}

const add = (
  r: Run,
  code: AttentionCode,
  b: Base,
  severity: AttentionSeverity,
  personId: PersonId | null,
  addressees: readonly AttentionRole[],
  reason: AttentionReasons[AttentionCode],
  source: string,
  since: IsoDate,
  dueSince: IsoDate,
  detail: string,
  detail2: string | null = null,
  detail3: string | null = null,
): void => {
  r.out.push(
    new Finding(
      code,
      b,
      severity,
      personId,
      addressees,
      reason,
      source,
      since,
      dueSince,
      detail,
      detail2,
      detail3,
    ) as unknown as AttentionFinding,
  );
};

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
  const today = dayOf(date);
  const days = new IsoDays();
  const r: Run = {
    date,
    today,
    minorAfter: `${String(Number(date.slice(0, 4)) - 18).padStart(4, '0')}${date.slice(4)}`,
    p,
    days,
    out: [],
    // Who has a pair matters only when there is a base of mentees to check.
    paired: mentees.length > 0 ? new Set<string>() : null,
    window: lastFeedbackWindow(date, today, p, days),
  };
  const pairs = input.pairs ?? [];
  for (let i = 0; i < pairs.length; i++) pairFindings(pairs[i] as PairSnapshot, i, r);
  const programmes = input.programmes ?? [];
  for (let i = 0; i < programmes.length; i++) {
    programmeFindings(programmes[i] as ProgrammeSnapshot, i, r);
  }
  for (const m of mentees) {
    if (r.paired?.has(m.id)) continue;
    const waited = today - dayOf(m.since);
    if (waited < p.unpairedDays) continue;
    const dueSince = days.add(m.since, p.unpairedDays);
    const base: Base = {
      subject: 'mentee',
      pairId: null,
      programmeId: null,
      organizationId: null,
      mentorId: null,
      menteeIds: [m.id],
    };
    const severity = today - dayOf(dueSince) >= p.criticalAfterDays ? 'critical' : 'warning';
    add(
      r,
      'mentee_unpaired',
      base,
      severity,
      m.id,
      UP,
      { days: waited },
      '003 roadmap 6; 004 §4',
      m.since,
      dueSince,
      m.since,
    );
  }
  return r.out;
}

const RUNNING = new Set([...LIVE_RUNNING, 'closing']);
const WITH_PARENT: readonly AttentionRole[] = ['mentor', 'mentee', 'parent', 'curator', 'municipalCurator'];
const WITHOUT_PARENT: readonly AttentionRole[] = ['mentor', 'mentee', 'curator', 'municipalCurator'];
const MENTOR_UP: readonly AttentionRole[] = ['mentor', 'curator', 'municipalCurator'];
const OWN: { readonly [R in 'mentor' | 'mentee']: readonly AttentionRole[] } = {
  mentor: MENTOR_UP,
  mentee: ['mentee', 'curator', 'municipalCurator'],
};
const OWN_MINOR: { readonly [R in 'mentor' | 'mentee']: readonly AttentionRole[] } = {
  mentor: ['mentor', 'parent', 'curator', 'municipalCurator'],
  mentee: ['mentee', 'parent', 'curator', 'municipalCurator'],
};
const PARENT_SIGNS: readonly AttentionRole[] = ['parent', 'curator', 'municipalCurator'];
const DEFAULT_SIGNERS: readonly ConsentGiver[] = ['parent', 'guardian'];

/** A minor on the run's date, as core `isMinorOn` (by string comparison: no date objects on the hot path). */
const minorOn = (who: PairParticipant, r: Run): boolean =>
  who.birthDate === undefined ? who.category === 'pupil' : who.birthDate > r.minorAfter;

/** The mentor (j = -1) or the j-th mentee: an index, not an array of participants per pair. */
const participant = (c: PairSnapshot['context'], j: number): PairParticipant =>
  j < 0 ? c.mentor : (c.mentees[j] as PairParticipant);

/** A warning, critical `criticalAfterDays` after the day it became due (a day number). */
const severityAfter = (r: Run, dueDay: number): 'warning' | 'critical' =>
  r.today - dueDay >= r.p.criticalAfterDays ? 'critical' : 'warning';

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

type FeedbackWindow = { month: number; start: IsoDate; end: IsoDate; closes: IsoDate } | null;

function pairFindings(s: PairSnapshot, i: number, r: Run): void {
  const phase = phaseAt(s, i);
  if (phase === 'completed' || phase === 'terminated') return;
  const c = s.context;
  const p = r.p;
  const today = r.today;
  // Plain loops, no closures: this runs for every pair of a region.
  let minorMentee = false;
  const menteeIds: PersonId[] = [];
  for (const m of c.mentees) {
    r.paired?.add(m.id);
    menteeIds.push(m.id);
    if (!minorMentee && minorOn(m, r)) minorMentee = true;
  }
  const participants = minorMentee ? WITH_PARENT : WITHOUT_PARENT;
  const base: Base = {
    subject: 'pair',
    pairId: c.pairId,
    programmeId: null,
    organizationId: c.organizationId,
    mentorId: c.mentor.id,
    menteeIds,
  };

  consentFindings(s, r, base, FORMING.has(phase));

  if (c.order === null) return;
  const running = LIVE_RUNNING.has(phase);
  // No meeting: from the last meeting, or from the order before the first (as findPairOverdue).
  if (running) {
    const last = c.meetings.at(-1)?.date ?? null;
    const since = last ?? c.order.date;
    const sinceDay = dayOf(since);
    const d = today - sinceDay;
    const n = p.noMeeting;
    if (d >= n.afterDays) {
      const reason = { days: d, lastMeeting: last };
      const severity = d >= n.criticalDays ? 'critical' : d >= n.warningDays ? 'warning' : 'info';
      const due = r.days.of(sinceDay + n.afterDays);
      add(r, 'no_meeting', base, severity, null, participants, reason, '004 §5; 001 6.6', since, due, since);
      if (d >= n.proposePauseDays) {
        const close = d >= n.proposeCloseDays;
        const proposed = r.days.of(sinceDay + (close ? n.proposeCloseDays : n.proposePauseDays));
        const code = close ? 'close_proposed' : 'pause_proposed';
        add(r, code, base, 'critical', null, UP, reason, '003 §7', since, proposed, since);
      }
    }
    if (c.programme === null && d >= 0) {
      const orderDay = dayOf(c.order.date);
      const waited = today - orderDay;
      if (waited > p.programmeAfterOrderDays) {
        const dueDay = orderDay + p.programmeAfterOrderDays + 1;
        const dueSince = r.days.of(dueDay);
        add(
          r,
          'programme_missing',
          base,
          severityAfter(r, dueDay),
          null,
          MENTOR_UP,
          { orderDate: c.order.date, days: waited },
          '003 roadmap 6–8; 004 §4',
          c.order.date,
          dueSince,
          c.order.id,
        );
      }
    }
  }
  const prog = c.programme;
  if (prog === null) return;
  for (const it of prog.plan) {
    if (it.doneAt !== null) continue;
    const dueDay = dayOf(it.due);
    const late = today - dueDay;
    if (late <= p.planItemGraceDays) continue;
    const sinceDay = dueDay + p.planItemGraceDays + 1;
    const dueSince = r.days.of(sinceDay);
    add(
      r,
      'plan_item_overdue',
      base,
      severityAfter(r, sinceDay),
      it.menteeId,
      participants,
      { itemId: it.id, due: it.due, days: late },
      '003 roadmap 9; 004 §4',
      it.due,
      dueSince,
      it.id,
    );
  }
  const endDay = dayOf(prog.effectiveEnd);
  const pastEnd = today - endDay;
  if (pastEnd > 0) {
    const dueSince = r.days.of(endDay + 1);
    add(
      r,
      'programme_end_passed',
      base,
      severityAfter(r, endDay + 1),
      null,
      participants,
      { end: prog.effectiveEnd, days: pastEnd },
      '003 §1.2, §7.2',
      prog.effectiveEnd,
      dueSince,
      prog.effectiveEnd,
    );
  }
  const w = r.window;
  if (running && w !== null && c.order.date <= w.start) {
    // One reason object for the pair's participants: the same month and window.
    let reason: AttentionReasons['feedback_survey_missing'] | null = null;
    for (let j = -1; j < c.mentees.length; j++) {
      const who = participant(c, j);
      let answered = false;
      for (const f of c.feedback) {
        if (f.respondentId === who.id && f.date >= w.start && f.date <= w.closes) {
          answered = true;
          break;
        }
      }
      if (answered) continue;
      reason ??= { month: w.month, windowEnd: w.end };
      const to = (minorOn(who, r) ? OWN_MINOR : OWN)[j < 0 ? 'mentor' : 'mentee'];
      const source = '001 6.6, 7.1; 004 §5';
      add(
        r,
        'feedback_survey_missing',
        base,
        'info',
        who.id,
        to,
        reason,
        source,
        w.end,
        w.closes,
        who.id,
        w.start,
      );
    }
  }
  if (phase === 'closing') finalSurveyFindings(c, r, base, participants);
}

/** A pair in closing: who has not filled the final survey `finalSurveyDays` after the final meeting. */
function finalSurveyFindings(
  c: PairSnapshot['context'],
  r: Run,
  base: Base,
  participants: readonly AttentionRole[],
): void {
  const p = r.p;
  const final = [...c.meetings].reverse().find((m) => m.kind === 'final')?.date ?? c.meetings.at(-1)?.date;
  if (final === undefined) return;
  const finalDay = dayOf(final);
  const d = r.today - finalDay;
  if (d <= p.finalSurveyDays) return;
  const answered = new Set(c.finalSurveys.map((f) => f.respondentId));
  const rule = c.policy.finalSurvey;
  const dueDay = finalDay + p.finalSurveyDays + 1;
  const dueSince = r.days.of(dueDay);
  const severity = severityAfter(r, dueDay);
  const source = '004 §6; 003 roadmap 10';
  if (rule === 'anyone') {
    if (answered.size > 0) return;
    const reason = { finalMeeting: final, days: d };
    add(
      r,
      'final_survey_missing',
      base,
      severity,
      null,
      participants,
      reason,
      source,
      final,
      dueSince,
      'anyone',
    );
    return;
  }
  for (let j = -1; j < c.mentees.length; j++) {
    const who = participant(c, j);
    const role = j < 0 ? 'mentor' : 'mentee';
    if ((rule !== 'everyone' && role !== 'mentee') || answered.has(who.id)) continue;
    const to = (minorOn(who, r) ? OWN_MINOR : OWN)[role];
    const reason = { finalMeeting: final, days: d };
    add(r, 'final_survey_missing', base, severity, who.id, to, reason, source, final, dueSince, who.id);
  }
}

function consentFindings(s: PairSnapshot, r: Run, base: Base, forming: boolean): void {
  const c = s.context;
  const p = r.p;
  const date = r.date;
  // A proposed pair collects its consents for a while; a pair at work must have them all.
  if (forming && r.today - dayOf(c.createdAt) < p.consentCollectionDays) return;
  const cp = c.policy.consentPolicy ?? defaultConsentPolicy;
  const signers: readonly ConsentGiver[] = cp.minorSigners ?? DEFAULT_SIGNERS;
  const all = c.consents as readonly Consent[];
  for (let j = -1; j < c.mentees.length; j++) {
    const who = participant(c, j);
    const role = j < 0 ? 'mentor' : 'mentee';
    const minor = minorOn(who, r);
    const addressees = minor ? PARENT_SIGNS : OWN[role];
    for (const purpose of purposesOf(cp, who, role)) {
      // core `decideConsent` in one pass without copies: the latest consent in force
      // (the first of equals), else why none is.
      let inForce: Consent | null = null;
      let withdrawn = false;
      let expired = false;
      let wrongSigner = false;
      for (const k of all) {
        if (k.personId !== who.id || k.purpose !== purpose || k.givenAt > date) continue;
        if (k.withdrawnAt !== undefined && k.withdrawnAt <= date) withdrawn = true;
        else if (k.validUntil !== undefined && k.validUntil < date) expired = true;
        else if (minor && !signers.includes(k.givenBy)) wrongSigner = true;
        else if (inForce === null || k.givenAt > inForce.givenAt) inForce = k;
      }
      if (inForce === null) {
        const cause: ConsentCause = wrongSigner
          ? 'minor_requires_parent_consent'
          : withdrawn
            ? 'consent_withdrawn'
            : expired
              ? 'consent_expired'
              : 'consent_missing';
        const since = gapSince(c, who.id, purpose, cause, forming, r.days);
        add(
          r,
          'consent_missing',
          base,
          forming ? 'warning' : 'critical',
          who.id,
          addressees,
          { purpose, cause },
          '004 §1; 152-ФЗ ст. 9',
          since,
          forming ? r.days.add(c.createdAt, p.consentCollectionDays) : since,
          who.id,
          purpose,
        );
        continue;
      }
      const until = inForce.validUntil ?? null;
      if (until === null) continue;
      const untilDay = dayOf(until);
      const left = untilDay - r.today;
      if (left > p.consentExpiryWarningDays) continue;
      const since = r.days.of(untilDay - p.consentExpiryWarningDays);
      add(
        r,
        'consent_expiring',
        base,
        left <= 7 ? 'warning' : 'info',
        who.id,
        addressees,
        { purpose, validUntil: until, daysLeft: left },
        '152-ФЗ ст. 9 ч. 1; 004 §1',
        since,
        since,
        who.id,
        purpose,
        until,
      );
    }
  }
}

type PurposesByCategory = { readonly [R in 'mentor' | 'mentee']: Map<string, readonly ConsentPurpose[]> };
const purposeCache = new WeakMap<ConsentPolicy, PurposesByCategory>();
/** core `requiredConsents` for the pair, remembered per policy, role and category. */
function purposesOf(
  cp: ConsentPolicy,
  who: PairParticipant,
  role: 'mentor' | 'mentee',
): readonly ConsentPurpose[] {
  let byRole = purposeCache.get(cp);
  if (byRole === undefined) {
    byRole = { mentor: new Map(), mentee: new Map() };
    purposeCache.set(cp, byRole);
  }
  const byCategory = byRole[role];
  let out = byCategory.get(who.category);
  if (out === undefined) {
    out = requiredConsents(cp, who, role, 'pair');
    byCategory.set(who.category, out);
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
  days: IsoDays,
): IsoDate {
  const start = forming || c.order === null ? c.createdAt : c.order.date;
  let since: IsoDate | null = null;
  for (const k of c.consents) {
    if (k.personId !== personId || k.purpose !== purpose) continue;
    const end =
      cause === 'consent_withdrawn'
        ? (k.withdrawnAt ?? null)
        : cause === 'consent_expired' && k.validUntil
          ? days.add(k.validUntil, 1)
          : null;
    if (end !== null && (since === null || end > since)) since = end;
  }
  return since !== null && since > start ? since : start;
}

/** The latest feedback window whose grace has passed: [first day of the month, last day], closing `feedbackGraceDays` later. */
function lastFeedbackWindow(date: IsoDate, today: number, p: AttentionPolicy, days: IsoDays): FeedbackWindow {
  const year = Number(date.slice(0, 4));
  let best: FeedbackWindow = null;
  for (const month of p.feedbackMonths) {
    for (const y of [year, year - 1]) {
      const start = `${y}-${String(month).padStart(2, '0')}-01`;
      const end = days.add(
        month === 12 ? `${y + 1}-01-01` : `${y}-${String(month + 1).padStart(2, '0')}-01`,
        -1,
      );
      const closes = days.add(end, p.feedbackGraceDays);
      if (dayOf(closes) >= today) continue;
      if (best === null || end > best.end) best = { month, start, end, closes };
      break;
    }
  }
  return best;
}

function programmeFindings(s: ProgrammeSnapshot, i: number, r: Run): void {
  if (typeof s !== 'object' || s === null || typeof s.context !== 'object' || s.context === null) {
    throw fail('invalid_type', ['programmes', i], { expected: 'programmeSnapshot' });
  }
  const c = s.context;
  if (c.stage === 'closed') return;
  const base: Base = {
    subject: 'programme',
    pairId: null,
    programmeId: c.roadmapId,
    organizationId: null,
    mentorId: null,
    menteeIds: [],
  };
  const p = r.p;
  for (const o of findProgrammeOverdue(s, r.date)) {
    const end = o.kind === 'activity' ? o.deadline : o.end;
    if (o.days <= p.activityGraceDays) continue;
    const dueDay = dayOf(end) + p.activityGraceDays + 1;
    const dueSince = r.days.of(dueDay);
    const severity = severityAfter(r, dueDay);
    if (o.kind === 'activity') {
      add(
        r,
        'activity_overdue',
        base,
        severity,
        null,
        UP,
        { activityId: o.activityId, stage: o.stage, deadline: o.deadline, days: o.days },
        `003 §3.4; roadmap ${o.activityId}`,
        o.deadline,
        dueSince,
        o.activityId,
      );
    } else {
      add(
        r,
        'checkpoint_missed',
        base,
        severity,
        null,
        UP,
        { checkpointId: o.checkpointId, end: o.end, days: o.days },
        '001 2.6, 6.6, 7.2',
        o.end,
        dueSince,
        o.checkpointId,
      );
    }
  }
}
