import {
  type AuthorityTable,
  type Consent,
  type ConsentPurpose,
  checkExtension,
  checkProgrammeTerm,
  decideConsent,
  defaultConsentPolicy,
  HEAD_ROLES,
  type IsoDate,
  type IssueParamsArg,
  isMinorOn,
  isSingleMeeting,
  type MeetingKind,
  type PairLocus,
  type ParticipantRole,
  type PersonId,
  pairSizeIssue,
  requiredConsents,
  requiredRoles,
  type TermViolation,
} from '@nastavnik/core';
import { match } from 'ts-pattern';
import { defaultPairAuthority } from '../authority';
import type { PairPhase } from '../labels';
import {
  defaultFormMentors,
  defaultMeetingSequence,
  type MeetingSequence,
  meetingSequences,
} from '../meetingSequence';
import type { PairConsent, PairContext, PairPlanItem, PairPolicy } from '../pairContext';
import type { PairEvent, PairParticipant } from '../pairEvents';
import { makeRefusal, type PairRefusalCode, type Refusal } from '../refusal';
import { pairEventIndex, pairEventTypes } from './pairEventTypes';

/** Where a guard is evaluated: an atomic phase, or a group (for events handled by a parent state). */
export type { PairLocus } from '@nastavnik/core';

export type PairRefusal = Refusal<PairRefusalCode>;

const refuse = <C extends PairRefusalCode>(code: C, ...params: IssueParamsArg<C>): PairRefusal =>
  makeRefusal(code, ...params) as PairRefusal;

const FORMING: ReadonlySet<PairLocus> = new Set(['forming', 'collectingConsents', 'consented']);
const FINAL: ReadonlySet<PairLocus> = new Set(['completed', 'terminated']);

const MEETING_ORDER: Readonly<Partial<Record<PairPhase, MeetingKind>>> = {
  awaitingOrganizational: 'organizational',
  awaitingTrial: 'trial',
  awaitingPlanning: 'planning',
};

/** The pair's meeting sequence: a single meeting for a speed format, else the policy's (004 §5 by default). */
export function sequenceOf(ctx: PairContext): MeetingSequence {
  if (isSingleMeeting(ctx.formats, ctx.policy.terms)) return meetingSequences.singleMeeting;
  return ctx.policy.meetings ?? defaultMeetingSequence;
}

/** How many opening meetings (organizational, trial, planning) the pair has held. */
function openingCount(ctx: Pick<PairContext, 'meetings'>): number {
  let n = 0;
  for (const m of ctx.meetings) if (m.kind !== 'regular' && m.kind !== 'final') n++;
  return n;
}

/** Whether a list holds an entry with this id (a loop: the rules run per event in replays). */
function hasId(list: ReadonlyArray<{ readonly id: string }>, id: string): boolean {
  for (const x of list) if (x.id === id) return true;
  return false;
}

/**
 * The phase a pair enters after the order, or after an opening meeting: the
 * next opening meeting of its sequence, or the programme's approval. The
 * branch guard of those transitions.
 */
export function openingPhaseAfter(ctx: PairContext, event: PairEvent): PairPhase {
  const seq = sequenceOf(ctx);
  const held = openingCount(ctx) + (event.type === 'meetingHeld' ? 1 : 0);
  const before = seq.beforeOrder.length;
  const next = held < before ? seq.beforeOrder[held] : seq.afterOrder[held - before];
  // After the order the sequence runs the whole opening chain or none of it (MeetingSequence.afterOrder).
  if (next === 'organizational') return 'awaitingOrganizational';
  if (next === 'trial') return 'awaitingTrial';
  if (next === 'planning') return 'awaitingPlanning';
  return 'awaitingProgramme';
}

export function participants(ctx: PairContext): readonly PairParticipant[] {
  return [ctx.mentor, ...ctx.mentees];
}

function isParticipant(ctx: PairContext, id: PersonId): boolean {
  return ctx.mentor.id === id || hasId(ctx.mentees, id);
}

/** The purposes of a policy, by role and category (the policy's answer depends on nothing else). */
const purposesOf = new WeakMap<object, Map<string, readonly ConsentPurpose[]>>();

export function requiredPurposes(
  policy: PairPolicy,
  p: PairParticipant,
  role: 'mentor' | 'mentee',
): readonly ConsentPurpose[] {
  const consentPolicy = policy.consentPolicy ?? defaultConsentPolicy;
  let byKind = purposesOf.get(consentPolicy);
  if (byKind === undefined) {
    byKind = new Map();
    purposesOf.set(consentPolicy, byKind);
  }
  const kind = `${role} ${p.category}`;
  let purposes = byKind.get(kind);
  if (purposes === undefined) {
    purposes = requiredConsents(consentPolicy, p, role, 'pair');
    byKind.set(kind, purposes);
  }
  return purposes;
}

/** The first missing consent of a person on a date, or null when all required consents are in force. */
function consentGapOf(
  p: PairParticipant,
  role: 'mentor' | 'mentee',
  policy: PairPolicy,
  consents: readonly PairConsent[],
  date: IsoDate,
): PairRefusal | null {
  const signers = (policy.consentPolicy ?? defaultConsentPolicy).minorSigners;
  for (const purpose of requiredPurposes(policy, p, role)) {
    // The pair keeps consents without the representative's name: the judge reads only dates, purpose and signer.
    const d = decideConsent(p, consents as readonly Consent[], date, purpose, signers);
    if (!d.allowed) return refuse('consents_incomplete', { personId: p.id, purpose, cause: d.code });
  }
  return null;
}

/** The first missing consent among all participants on a date. */
export function consentGap(
  ctx: Pick<PairContext, 'mentor' | 'mentees' | 'policy'>,
  consents: readonly PairConsent[],
  date: IsoDate,
): PairRefusal | null {
  const m = consentGapOf(ctx.mentor, 'mentor', ctx.policy, consents, date);
  if (m) return m;
  for (const t of ctx.mentees) {
    const r = consentGapOf(t, 'mentee', ctx.policy, consents, date);
    if (r) return r;
  }
  return null;
}

export function toPairConsent(c: PairConsent): PairConsent {
  const out: PairConsent = {
    id: c.id,
    personId: c.personId,
    purpose: c.purpose,
    givenBy: c.givenBy,
    givenAt: c.givenAt,
  };
  const withdrawn = c.withdrawnAt === undefined ? out : { ...out, withdrawnAt: c.withdrawnAt };
  return c.validUntil === undefined ? withdrawn : { ...withdrawn, validUntil: c.validUntil };
}

/**
 * Whether every required consent is in force after a consent event or a
 * replacement of the mentor (the branch guards of the `forming` states).
 */
export function consentsCompleteAfter(ctx: PairContext, event: PairEvent): boolean {
  if (event.type === 'menteeAdded' || event.type === 'menteeRemoved') {
    const next = { ...ctx, ...applyPairEvent(ctx, event) };
    return consentGap(next, next.consents, event.date) === null;
  }
  if (event.type === 'mentorReplaced') {
    const mentor = keepParticipant(event.mentor, event.date);
    const added = event.consents.filter((c) => c.personId === event.mentor.id).map(toPairConsent);
    return consentGap({ ...ctx, mentor }, [...ctx.consents, ...added], event.date) === null;
  }
  return consentGap(ctx, consentsAfter(ctx, event), event.date) === null;
}

/**
 * Whether a withdrawal ends an approved pair: after the order, it leaves a
 * consent the policy requires for the pair no longer in force (the branch
 * guard of the `running` states; before the order the pair only goes back to
 * collecting consents).
 */
export function withdrawalEndsPair(ctx: PairContext, event: PairEvent): boolean {
  return (
    event.type === 'consentWithdrawn' &&
    ctx.order !== null &&
    consentGap(ctx, consentsAfter(ctx, event), event.date) !== null
  );
}

/** Consents after a consent event (for the branch guards). */
export function consentsAfter(ctx: PairContext, event: PairEvent): readonly PairConsent[] {
  if (event.type === 'consentRecorded') return [...ctx.consents, toPairConsent(event.consent)];
  if (event.type === 'consentWithdrawn') {
    return ctx.consents.map((c) => (c.id === event.consentId ? { ...c, withdrawnAt: event.date } : c));
  }
  return ctx.consents;
}

function missingAgreement(ctx: PairContext, agreed: readonly PersonId[]): number {
  return participants(ctx).filter((p) => !agreed.includes(p.id)).length;
}

function remainingItems(ctx: PairContext): number {
  return ctx.programme ? ctx.programme.plan.filter((i) => i.doneAt === null).length : 0;
}

/** A plan item kept for someone who is not a mentee of the group (a plan per mentee, 004 §4). */
function planStranger(
  ctx: PairContext,
  plan: ReadonlyArray<{ readonly id: string; readonly menteeId?: PersonId | undefined }>,
): PairRefusal | null {
  const it = plan.find((i) => i.menteeId !== undefined && !ctx.mentees.some((m) => m.id === i.menteeId));
  return it ? refuse('plan_item_not_mentee', { itemId: it.id }) : null;
}

/** A term outside the policy, with the seed rule it breaks. */
function termRefusal(v: TermViolation): PairRefusal {
  return refuse('term_outside_policy', { violation: v.code, rule: v.rule, ...v.params });
}

function notAllowed(locus: PairLocus, event: PairEvent): PairRefusal {
  return refuse('event_not_allowed', { event: event.type, phase: locus });
}

function hasRespondent(list: ReadonlyArray<{ readonly respondentId: PersonId }>, id: PersonId): boolean {
  for (const x of list) if (x.respondentId === id) return true;
  return false;
}

export function missingFinalSurveys(ctx: PairContext): PersonId[] {
  const done = new Set(ctx.finalSurveys.map((s) => s.respondentId));
  const pool = ctx.policy.finalSurvey === 'everyone' ? participants(ctx) : ctx.mentees;
  const missing = pool.filter((p) => !done.has(p.id)).map((p) => p.id);
  if (ctx.policy.finalSurvey === 'anyone') return ctx.finalSurveys.length > 0 ? [] : [ctx.mentor.id];
  return missing;
}

/** An authority table's roles by event number (see `pairEventIndex`), made once per table. */
const rolesByTable = new WeakMap<object, ReadonlyArray<readonly ParticipantRole[]>>();

/** `requiredRoles(table, type) ?? []`, without using the event's type as a key. */
function rolesFor(
  table: AuthorityTable<PairEvent['type']>,
  type: PairEvent['type'],
): readonly ParticipantRole[] {
  let byIndex = rolesByTable.get(table);
  if (byIndex === undefined) {
    byIndex = pairEventTypes.map((t) => requiredRoles(table, t) ?? []);
    rolesByTable.set(table, byIndex);
  }
  return byIndex[pairEventIndex(type)] ?? [];
}

/**
 * Who may record the event (the policy's authority table, 003 §3.3–3.5), and
 * whether a named actor is who they say: the pair's mentor, one of its mentees,
 * one of the organization's curators, or a parent acting for a minor mentee.
 */
function actorRule(ctx: PairContext, event: PairEvent): PairRefusal | null {
  const by = event.by;
  const roles = rolesFor(ctx.policy.authority ?? defaultPairAuthority, event.type);
  if (!roles.includes(by.role)) return refuse('not_authorized', { required: roles.join(', ') });
  if (by.id !== undefined) {
    if (by.role === 'mentor' && by.id !== ctx.mentor.id)
      return refuse('actor_mismatch', { role: 'mentor', id: by.id });
    if (by.role === 'mentee' && !hasId(ctx.mentees, by.id)) {
      return refuse('actor_mismatch', { role: 'mentee', id: by.id });
    }
    const curators = ctx.policy.curatorIds;
    if (by.role === 'curator' && curators !== undefined && curators.length > 0 && !curators.includes(by.id)) {
      return refuse('actor_mismatch', { role: 'curator', id: by.id });
    }
  }
  if (by.role === 'parent') {
    const child = ctx.mentees.find((m) => m.id === by.onBehalfOf);
    if (!child || !isMinorOn(child, event.date)) return refuse('not_representative');
  }
  return null;
}

/**
 * The one source of the pair rules: why `event` is refused at `locus` with
 * `ctx`, or null when it is accepted. The machine's guards call it; so does
 * `pairTransition`, to tell the caller why.
 */
export function explainPairEvent(locus: PairLocus, ctx: PairContext, event: PairEvent): PairRefusal | null {
  if (FINAL.has(locus)) return refuse('pair_closed');
  if (event.date < ctx.lastDate) {
    return refuse('date_before_previous', { date: event.date, previous: ctx.lastDate });
  }
  const by = event.by;
  const actor = actorRule(ctx, event);
  if (actor) return actor;
  const forming = FORMING.has(locus);
  switch (event.type) {
    case 'consentRecorded': {
      const e = event;
      if (!isParticipant(ctx, e.consent.personId))
        return refuse('not_participant', { personId: e.consent.personId });
      if (hasId(ctx.consents, e.consent.id)) return refuse('duplicate_consent', { consentId: e.consent.id });
      return null;
    }
    case 'consentWithdrawn': {
      const e = event;
      const c = ctx.consents.find((x) => x.id === e.consentId);
      if (!c) return refuse('unknown_consent', { consentId: e.consentId });
      if (c.withdrawnAt !== undefined && c.withdrawnAt <= e.date) {
        return refuse('consent_already_withdrawn', { consentId: e.consentId });
      }
      // 152-ФЗ ст. 9 ч. 2: the subject withdraws at any time (a parent for a minor), staff record a paper withdrawal.
      // Before the order the pair goes back to collecting consents; after it, a gap ends the pair (applyPairEvent).
      if ((by.role === 'mentor' || by.role === 'mentee') && by.id !== undefined && by.id !== c.personId) {
        return refuse('actor_mismatch', { role: by.role, id: by.id });
      }
      if (by.role === 'parent' && by.onBehalfOf !== c.personId) return refuse('not_representative');
      return null;
    }
    case 'orderIssued': {
      const e = event;
      if (!forming) return refuse('order_already_issued');
      const gap = consentGap(ctx, ctx.consents, e.date);
      if (gap) return gap;
      // Complete only by now (a self-signed consent of a pupil who has come of age):
      // record a consent again to move on.
      if (locus === 'collectingConsents') return notAllowed(locus, e);
      if (e.order.kind !== 'approvePairs') return refuse('order_kind_mismatch', { expected: 'approvePairs' });
      // 001 5.2–5.3: where the seed holds meetings before the order, they come first.
      const before = sequenceOf(ctx).beforeOrder;
      if (openingCount(ctx) < before.length) {
        return refuse('opening_meeting_missing', { expected: before[openingCount(ctx)] as MeetingKind });
      }
      return null;
    }
    case 'meetingHeld': {
      const e = event;
      if (e.meeting.pairId !== ctx.pairId) return refuse('wrong_pair', { pairId: e.meeting.pairId });
      if (hasId(ctx.meetings, e.meeting.id)) return refuse('duplicate_meeting', { meetingId: e.meeting.id });
      const kind = e.meeting.kind;
      if (forming) {
        // The meetings the policy holds before the order (001 5.2), in their order; nothing else.
        const seq = sequenceOf(ctx);
        const held = openingCount(ctx);
        const next = seq.beforeOrder[held];
        if (next === undefined) return refuse('order_missing');
        return kind === next ? null : refuse('meeting_out_of_sequence', { expected: next, got: kind });
      }
      const expected = MEETING_ORDER[locus as PairPhase];
      if (expected !== undefined) {
        return kind === expected ? null : refuse('meeting_out_of_sequence', { expected, got: kind });
      }
      if (locus === 'awaitingProgramme') {
        return kind === 'regular' || kind === 'final'
          ? refuse('programme_not_approved')
          : refuse('meeting_out_of_sequence', { expected: 'regular', got: kind });
      }
      if (locus === 'active') {
        if (kind === 'regular') return null;
        if (kind === 'final') {
          const remaining = remainingItems(ctx);
          if (remaining > 0) return refuse('plan_not_done', { remaining });
          const minimum = sequenceOf(ctx).minRegularMeetings;
          const held = ctx.meetings.filter((m) => m.kind === 'regular').length;
          return held < minimum ? refuse('too_few_meetings', { minimum, held }) : null;
        }
        return refuse('meeting_out_of_sequence', { expected: 'regular', got: kind });
      }
      // closing: the final meeting has been held.
      return refuse('meeting_out_of_sequence', { expected: 'final', got: kind });
    }
    case 'programmeApproved': {
      const e = event;
      if (forming) return refuse('order_missing');
      if (locus === 'active' || locus === 'closing') return refuse('programme_already_approved');
      if (locus !== 'awaitingProgramme') return refuse('planning_meeting_missing');
      if (e.programme.pairId !== ctx.pairId) return refuse('wrong_pair', { pairId: e.programme.pairId });
      if (e.programme.plan.length === 0) return refuse('plan_empty');
      const stranger = planStranger(ctx, e.programme.plan);
      if (stranger) return stranger;
      const term = checkProgrammeTerm(
        { start: e.programme.start, end: e.programme.end, approvedAt: e.date, formats: ctx.formats },
        ctx.policy.terms,
      );
      if (term) return termRefusal(term);
      if (e.order !== undefined && e.order.kind !== 'approvePlans') {
        return refuse('order_kind_mismatch', { expected: 'approvePlans' });
      }
      return null;
    }
    case 'planItemDone': {
      const e = event;
      if (locus !== 'active') return ctx.programme ? notAllowed(locus, e) : refuse('programme_not_approved');
      let item: PairPlanItem | undefined;
      for (const i of ctx.programme?.plan ?? []) {
        if (i.id === e.itemId) {
          item = i;
          break;
        }
      }
      if (!item) return refuse('unknown_plan_item', { itemId: e.itemId });
      if (item.doneAt !== null) return refuse('plan_item_already_done', { itemId: e.itemId });
      return null;
    }
    case 'feedbackSubmitted': {
      const e = event;
      if (locus !== 'active') return ctx.programme ? notAllowed(locus, e) : refuse('programme_not_approved');
      if (!isParticipant(ctx, e.respondentId)) return refuse('not_participant', { personId: e.respondentId });
      return null;
    }
    case 'finalSurveySubmitted': {
      const e = event;
      if (locus !== 'closing') return refuse('final_meeting_missing');
      if (!isParticipant(ctx, e.respondentId)) return refuse('not_participant', { personId: e.respondentId });
      if (hasRespondent(ctx.finalSurveys, e.respondentId)) {
        return refuse('survey_already_submitted', { personId: e.respondentId });
      }
      return null;
    }
    case 'extended': {
      const e = event;
      if (locus !== 'active' || !ctx.programme) {
        return ctx.programme ? notAllowed(locus, e) : refuse('programme_not_approved');
      }
      const missing = missingAgreement(ctx, e.agreedBy);
      if (missing > 0) return refuse('mutual_agreement_required', { missing });
      if (e.extension.newEnd <= ctx.programme.effectiveEnd) {
        return refuse('extension_not_later', { end: ctx.programme.effectiveEnd });
      }
      const x = checkExtension(
        {
          start: ctx.programme.start,
          end: ctx.programme.effectiveEnd,
          newEnd: e.extension.newEnd,
          agreedAt: e.date,
        },
        ctx.policy.terms,
      );
      if (x) return termRefusal(x);
      return null;
    }
    case 'planCorrected': {
      const e = event;
      if (locus !== 'active' || !ctx.programme) {
        return ctx.programme ? notAllowed(locus, e) : refuse('programme_not_approved');
      }
      const pp = ctx.programme;
      const missing = missingAgreement(ctx, e.agreedBy);
      if (missing > 0) return refuse('mutual_agreement_required', { missing });
      const stranger = planStranger(ctx, e.plan);
      if (stranger) return stranger;
      for (const done of pp.plan) {
        if (done.doneAt !== null && !e.plan.some((i) => i.id === done.id)) {
          return refuse('done_item_removed', { itemId: done.id });
        }
      }
      for (const it of e.plan) {
        if (it.due < pp.start || it.due > pp.effectiveEnd) {
          return refuse('plan_item_outside_programme', {
            itemId: it.id,
            start: pp.start,
            end: pp.effectiveEnd,
          });
        }
      }
      return null;
    }
    case 'formChanged': {
      const e = event;
      const size = e.formats ? pairSizeIssue(e.formats, ctx.mentees.length) : null;
      if (size) return refuse('pair_size_mismatch', size);
      const missing = missingAgreement(ctx, e.agreedBy);
      return missing > 0 ? refuse('mutual_agreement_required', { missing }) : null;
    }
    case 'mentorReplaced': {
      const e = event;
      if (e.mentor.id === ctx.mentor.id) return refuse('same_mentor');
      if (ctx.mentees.some((m) => m.id === e.mentor.id))
        return refuse('mentor_is_mentee', { personId: e.mentor.id });
      // Р-145, 003 §2.3: the new mentor fits the form (a pupil does not replace a teacher's mentor).
      const fit = (ctx.policy.formMentors ?? defaultFormMentors)[ctx.form];
      if (fit !== undefined && !fit.includes(e.mentor.category)) {
        return refuse('mentor_unfit_for_form', { form: ctx.form, category: e.mentor.category });
      }
      const kept = e.consents.filter((c) => c.personId === e.mentor.id).map(toPairConsent);
      const gap = consentGapOf(e.mentor, 'mentor', ctx.policy, kept, e.date);
      if (gap) return gap;
      if (!forming) {
        if (e.order === undefined) return refuse('replacement_order_required');
        if (e.order.kind !== 'replaceMentor')
          return refuse('order_kind_mismatch', { expected: 'replaceMentor' });
      }
      return null;
    }
    case 'menteeAdded': {
      const e = event;
      if (isParticipant(ctx, e.mentee.id)) return refuse('already_participant', { personId: e.mentee.id });
      if (!forming) {
        const kept = e.consents.filter((c) => c.personId === e.mentee.id).map(toPairConsent);
        const gap = consentGapOf(e.mentee, 'mentee', ctx.policy, kept, e.date);
        if (gap) return gap;
        if (e.order === undefined) return refuse('membership_order_required');
        if (e.order.kind !== 'approvePairs')
          return refuse('order_kind_mismatch', { expected: 'approvePairs' });
      }
      return null;
    }
    case 'menteeRemoved': {
      const e = event;
      if (!ctx.mentees.some((m) => m.id === e.menteeId))
        return refuse('not_participant', { personId: e.menteeId });
      if (ctx.mentees.length === 1) return refuse('last_mentee');
      // Only the mentee (or a parent for a minor) leaves of their own; a move or a withdrawn consent is recorded by staff.
      const self =
        (by.role === 'mentee' && (by.id ?? e.menteeId) === e.menteeId) ||
        (by.role === 'parent' && by.onBehalfOf === e.menteeId);
      if ((by.role === 'mentee' || by.role === 'parent') && (!self || e.reason !== 'ownInitiative')) {
        return refuse('actor_mismatch', { role: 'mentee', id: by.id ?? by.onBehalfOf ?? e.menteeId });
      }
      return null;
    }
    case 'terminated': {
      const e = event;
      // 003 §2.3: in a group one mentee leaves and the others go on.
      if (e.reason === 'menteeInitiative' && ctx.mentees.length > 1) return refuse('group_member_leaves');
      const mismatch = () => refuse('termination_initiator_mismatch', { reason: e.reason, role: by.role });
      // A parent or legal representative leaves for a minor mentee (004 §1).
      return (
        match(e.reason)
          .with('mentorInitiative', () => (by.role === 'mentor' ? null : mismatch()))
          .with('menteeInitiative', () => (by.role === 'mentee' || by.role === 'parent' ? null : mismatch()))
          .with('curatorInitiative', () =>
            by.role === 'curator' || HEAD_ROLES.includes(by.role) ? null : mismatch(),
          )
          .with('mutualDecision', () => {
            const missing = missingAgreement(ctx, e.agreedBy ?? []);
            return missing > 0 ? refuse('mutual_agreement_required', { missing }) : null;
          })
          // A consent no longer in force (withdrawn elsewhere, or expired): anyone who may terminate records it.
          .with('consentWithdrawn', () =>
            consentGap(ctx, ctx.consents, e.date) === null ? refuse('consents_in_force') : null,
          )
          .exhaustive()
      );
    }
    case 'completed': {
      if (locus === 'closing') {
        const missing = missingFinalSurveys(ctx);
        return missing.length > 0 ? refuse('final_survey_missing', { missing: missing.join(', ') }) : null;
      }
      if (locus === 'active') {
        const remaining = remainingItems(ctx);
        return remaining > 0 ? refuse('plan_not_done', { remaining }) : refuse('final_meeting_missing');
      }
      return forming ? refuse('order_missing') : refuse('programme_not_approved');
    }
  }
}

/**
 * What an accepted event changes in the pair's context (xstate's `assign`
 * merges it). Pure; never reads the clock.
 */
export function applyPairEvent(ctx: PairContext, event: PairEvent): Partial<PairContext> {
  const base = { lastDate: event.date, eventCount: ctx.eventCount + 1 };
  const pp = ctx.programme;
  switch (event.type) {
    case 'consentRecorded':
      return { ...base, consents: consentsAfter(ctx, event) };
    case 'consentWithdrawn': {
      const consents = consentsAfter(ctx, event);
      const withdrawn = ctx.consents.find((c) => c.id === event.consentId);
      // Who withdrew, in every phase (152-ФЗ ст. 9 ч. 2): before the order the pair goes back to collecting consents.
      const withdrawals = [
        ...(ctx.withdrawals ?? []),
        ...(withdrawn
          ? [
              {
                consentId: withdrawn.id,
                personId: withdrawn.personId,
                purpose: withdrawn.purpose,
                date: event.date,
                by: { role: event.by.role, id: event.by.id ?? null },
              },
            ]
          : []),
      ];
      if (!withdrawalEndsPair(ctx, event)) return { ...base, consents, withdrawals };
      // 152-ФЗ ст. 9 ч. 2, ст. 21 ч. 5: processing stops at once — the pair ends early, reason and initiator kept.
      return {
        ...base,
        consents,
        withdrawals,
        termination: {
          reason: 'consentWithdrawn',
          initiator: { role: event.by.role, id: event.by.id ?? null },
          date: event.date,
        },
      };
    }
    case 'orderIssued':
      return { ...base, order: { id: event.order.id, number: event.order.number, date: event.order.date } };
    case 'meetingHeld': {
      const m = event.meeting;
      // The duration is kept only when given, so snapshots of meetings without one stay as they were.
      const held =
        m.durationMinutes === undefined
          ? { id: m.id, kind: m.kind, date: m.date }
          : { id: m.id, kind: m.kind, date: m.date, durationMinutes: m.durationMinutes };
      return { ...base, meetings: [...ctx.meetings, held] };
    }
    case 'programmeApproved': {
      const p = event.programme;
      const extensions = p.extensions.map((x) => ({ newEnd: x.newEnd, agreedAt: x.agreedAt }));
      return {
        ...base,
        programme: {
          id: p.id,
          start: p.start,
          end: p.end,
          effectiveEnd: extensions.at(-1)?.newEnd ?? p.end,
          approvedAt: event.date,
          plan: p.plan.map((i) => ({
            id: i.id,
            menteeId: i.menteeId ?? null,
            due: i.due,
            doneAt: i.doneAt ?? null,
          })),
          extensions,
          corrections: [],
        },
      };
    }
    case 'planItemDone':
      if (!pp) return base;
      return {
        ...base,
        programme: {
          ...pp,
          plan: pp.plan.map((i) => (i.id === event.itemId ? { ...i, doneAt: event.date } : i)),
        },
      };
    case 'feedbackSubmitted':
      return { ...base, feedback: [...ctx.feedback, { respondentId: event.respondentId, date: event.date }] };
    case 'finalSurveySubmitted':
      return {
        ...base,
        finalSurveys: [...ctx.finalSurveys, { respondentId: event.respondentId, date: event.date }],
      };
    case 'extended': {
      if (!pp) return base;
      const x = event.extension;
      return {
        ...base,
        programme: {
          ...pp,
          effectiveEnd: x.newEnd,
          extensions: [...pp.extensions, { newEnd: x.newEnd, agreedAt: x.agreedAt }],
        },
      };
    }
    case 'planCorrected': {
      if (!pp) return base;
      // Done items keep their date; new and changed items are open.
      const doneAt = new Map(pp.plan.map((i) => [i.id, i.doneAt] as const));
      return {
        ...base,
        programme: {
          ...pp,
          plan: event.plan.map((i) => ({
            id: i.id,
            menteeId: i.menteeId ?? null,
            due: i.due,
            doneAt: doneAt.get(i.id) ?? null,
          })),
          corrections: [...pp.corrections, event.date],
        },
      };
    }
    case 'formChanged':
      return {
        ...base,
        form: event.form ?? ctx.form,
        formats: event.formats ?? ctx.formats,
        formChanges: [...ctx.formChanges, event.date],
      };
    case 'mentorReplaced':
      return {
        ...base,
        mentor: keepParticipant(event.mentor, event.date),
        consents: [
          ...ctx.consents,
          ...event.consents.filter((c) => c.personId === event.mentor.id).map(toPairConsent),
        ],
        mentorHistory: [
          ...ctx.mentorHistory,
          { mentorId: ctx.mentor.id, until: event.date, initiator: event.initiator },
        ],
      };
    case 'menteeAdded':
      return {
        ...base,
        mentees: [...ctx.mentees, keepParticipant(event.mentee, event.date)],
        // 003 §2.3: a pair with a second mentee is a group.
        formats: ctx.formats.includes('group')
          ? ctx.formats
          : ['group', ...ctx.formats.filter((f) => f !== 'traditional')],
        consents: [
          ...ctx.consents,
          ...event.consents.filter((c) => c.personId === event.mentee.id).map(toPairConsent),
        ],
      };
    case 'menteeRemoved': {
      const mentees = ctx.mentees.filter((m) => m.id !== event.menteeId);
      // The leaver's open items go with them; what they did stays in the record.
      const programme = pp
        ? { ...pp, plan: pp.plan.filter((i) => i.menteeId !== event.menteeId || i.doneAt !== null) }
        : null;
      // 003 §2.3: a group of one is a one-to-one pair.
      const formats =
        mentees.length === 1 && ctx.formats.includes('group')
          ? [...new Set(ctx.formats.map((f) => (f === 'group' ? 'traditional' : f)))]
          : ctx.formats;
      return {
        ...base,
        mentees,
        programme,
        formats,
        departures: [...ctx.departures, { menteeId: event.menteeId, date: event.date, reason: event.reason }],
      };
    }
    case 'terminated':
      return {
        ...base,
        termination: {
          reason: event.reason,
          initiator: { role: event.by.role, id: event.by.id ?? null },
          date: event.date,
        },
      };
    case 'completed':
      return { ...base, completedAt: event.date };
  }
}

/** Keep only what the rules need: the birth date only for pupils and minors. */
export function keepParticipant(p: PairParticipant, date: IsoDate): PairParticipant {
  const keepBirth = p.birthDate !== undefined && (p.category === 'pupil' || isMinorOn(p, date));
  return keepBirth && p.birthDate !== undefined
    ? { id: p.id, category: p.category, birthDate: p.birthDate }
    : { id: p.id, category: p.category };
}
