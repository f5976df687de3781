import {
  type IssueParams,
  type IssueParamsArg,
  type IssuePath,
  type LocalizedText,
  type NastavnikIssue,
  nastavnikIssue,
  registerCatalogue,
} from '@nastavnik/core';

registerCatalogue();

const PAIR_REFUSAL_CODES = [
  'pair_closed',
  'event_not_allowed',
  'date_before_previous',
  'actor_mismatch',
  'not_authorized',
  'not_representative',
  'not_participant',
  'wrong_pair',
  'duplicate_consent',
  'unknown_consent',
  'consent_already_withdrawn',
  'consents_in_force',
  'consents_incomplete',
  'order_missing',
  'order_already_issued',
  'order_kind_mismatch',
  'duplicate_meeting',
  'meeting_out_of_sequence',
  'planning_meeting_missing',
  'programme_not_approved',
  'programme_already_approved',
  'plan_empty',
  'unknown_plan_item',
  'plan_item_already_done',
  'plan_item_outside_programme',
  'done_item_removed',
  'plan_not_done',
  'final_meeting_missing',
  'survey_already_submitted',
  'final_survey_missing',
  'mutual_agreement_required',
  'extension_not_later',
  'term_outside_policy',
  'same_mentor',
  'mentor_is_mentee',
  'replacement_order_required',
  'termination_initiator_mismatch',
  'pair_size_mismatch',
  'opening_meeting_missing',
  'too_few_meetings',
  'mentor_unfit_for_form',
  'last_mentee',
  'group_member_leaves',
  'already_participant',
  'membership_order_required',
  'plan_item_not_mentee',
] as const;

const PROGRAMME_REFUSAL_CODES = [
  'programme_closed',
  'not_authorized',
  'date_before_previous',
  'unknown_activity',
  'activity_already_started',
  'activity_already_done',
  'stage_not_reached',
  'deliverable_missing',
  'stage_mismatch',
  'gate_deliverable_missing',
  'gate_activity_open',
  'activities_open',
  'unknown_checkpoint',
  'checkpoint_already_held',
  'checkpoint_too_early',
] as const;

/**
 * Why a pair machine refused an event. Stable codes: integrators switch on
 * them, and they never change meaning between releases. Each is a code of
 * core's one catalogue (`NastavnikErrorCode`), with typed params.
 *
 * @category Refusals
 * @example
 * const code: PairRefusalCode = 'consents_incomplete';
 */
export type PairRefusalCode = (typeof PAIR_REFUSAL_CODES)[number];

/**
 * Why a programme machine refused an event.
 *
 * @category Refusals
 * @example
 * const code: ProgrammeRefusalCode = 'gate_deliverable_missing';
 */
export type ProgrammeRefusalCode = (typeof PROGRAMME_REFUSAL_CODES)[number];

type RefusalCode = PairRefusalCode | ProgrammeRefusalCode;

/**
 * The typed extras of a refusal code (ids, dates, counts, enum keys; never
 * personal data): core's `IssueParams` of that code.
 *
 * @category Refusals
 * @example
 * const p: RefusalParams<'plan_not_done'> = { remaining: 2 };
 */
export type RefusalParams<C extends RefusalCode = RefusalCode> = IssueParams[C];

/**
 * A refused event, as data: an issue of the same shape as every other
 * (core's `NastavnikIssue`): a stable `code`, a `path` (the event's field to
 * blame, `['date']` or `['by', 'role']`, or empty for the event as a whole),
 * the code's typed `params`, and the Russian `message` and English
 * `messageEn` from core's one catalogue. A refusal is not an error: the event
 * was valid input, the rules of the seeds said no.
 *
 * A refusal stored before 0.x carried no `path`: re-render it from its code
 * and params with `nastavnikIssue(code, [], params)` (the params kept their
 * shape).
 *
 * @category Refusals
 * @example
 * const r = pairTransition(snapshot, orderEvent);
 * if (r.refused) console.log(r.refused.code, r.refused.path, r.refused.message);
 */
export type Refusal<C extends RefusalCode = RefusalCode> = NastavnikIssue<C>;

// The event's field to blame, where there is one.
const PATHS: Partial<Record<RefusalCode, IssuePath>> = {
  date_before_previous: ['date'],
  not_authorized: ['by', 'role'],
  actor_mismatch: ['by'],
  not_representative: ['by', 'onBehalfOf'],
};

/** Build a refusal: code and params only; the words come from core's catalogue (not exported from the package). */
export function makeRefusal<C extends RefusalCode>(code: C, ...params: IssueParamsArg<C>): Refusal<C> {
  return nastavnikIssue(code, PATHS[code] ?? [], ...params);
}

type Texts<C extends RefusalCode> = { readonly [K in C]: (params: IssueParams[K]) => LocalizedText };

function textsOf<C extends RefusalCode>(codes: readonly C[]): Texts<C> {
  const text = (code: C) => (params: IssueParams[C]) => {
    const issue = nastavnikIssue(code, [], ...([params] as IssueParamsArg<C>));
    return { ru: issue.message, en: issue.messageEn };
  };
  return Object.fromEntries(codes.map((code) => [code, text(code)])) as unknown as Texts<C>;
}

/**
 * Russian and English texts of every pair refusal, by code: a view of core's
 * catalogue, so that a UI can print the refusals table or re-render a stored
 * refusal from its code and params.
 *
 * @category Refusals
 * @example
 * pairRefusalTexts.plan_not_done({ remaining: 2 }).ru; // 'Индивидуальный план выполнен не полностью: осталось пунктов — 2'
 */
export const pairRefusalTexts: Texts<PairRefusalCode> = textsOf(PAIR_REFUSAL_CODES);

/**
 * Russian and English texts of every programme refusal, by code (a view of
 * core's catalogue).
 *
 * @category Refusals
 * @example
 * programmeRefusalTexts.stage_mismatch({ expected: 'menteeBase', got: 'pairWork' }).en;
 */
export const programmeRefusalTexts: Texts<ProgrammeRefusalCode> = textsOf(PROGRAMME_REFUSAL_CODES);
