import type {
  ConsentPurpose,
  MeetingKind,
  OrderKind,
  ParticipantRole,
  PersonCategory,
  ProgrammeStage,
  TerminationReason,
} from './enums';
import type { PairEventType, PairLocus } from './pairLabels';
import type { DeliverableKind } from './roadmap';

/**
 * The typed extras of every issue code: what a message may say beyond the
 * field path. Values are ids, limits, counts, dates and enum keys — never
 * personal data (no names, no cell contents).
 *
 * One entry per code; {@link NastavnikErrorCode} is `keyof IssueParams`, so a
 * new code is added here, then in both message catalogues (`messages/ru.ts`,
 * `messages/en.ts`); the compiler refuses a code without a message.
 */

/**
 * Why a date range or a date order is wrong. Each key has its own sentence in
 * the catalogues.
 *
 * @category Errors
 * @example
 * const r: DateRangeReason = 'programmeEndsBeforeStart';
 */
export type DateRangeReason =
  | 'scaleBounds'
  | 'noRoundByOrderDate'
  | 'consentExpiresBeforeGiven'
  | 'scoreBeforeRound'
  | 'consentWithdrawnBeforeGiven'
  | 'periodEndsBeforeStart'
  | 'asOfOutsideYear'
  | 'planItemDueBeforeStart'
  | 'programmeEndsBeforeStart'
  | 'extensionNotLater'
  | 'completionBeforeStart'
  | 'pairEndsBeforeApproval'
  | 'consentAfterEvent'
  | 'eventDateIsOrderDate'
  | 'eventDateIsMeetingDate'
  | 'eventDateIsAgreementDate'
  | 'programmeBeforeApproval'
  | 'programmeEndedBeforeApproval'
  | 'extensionAfterEnd'
  | 'agreementEndsBeforeStart';

/**
 * What a reference points to when it is not found (or points elsewhere).
 *
 * @category Errors
 * @example
 * const r: ReferenceKind = 'organization';
 */
export type ReferenceKind =
  | 'organization'
  | 'indicatorDefinition'
  | 'pairOfProgramme'
  | 'round'
  | 'pairParticipant'
  | 'parentOrganization'
  | 'pair'
  | 'programmePair'
  | 'competitionPair'
  | 'participant'
  | 'person'
  | 'mentor'
  | 'activity'
  | 'deliverable'
  | 'registryPerson'
  | 'incentiveForm'
  | 'incentiveCondition'
  | 'mentee'
  | 'consent'
  | 'request';

/**
 * What an id identifies when it appears twice.
 *
 * @category Errors
 * @example
 * const k: DuplicateKind = 'question';
 */
export type DuplicateKind =
  | 'organization'
  | 'pair'
  | 'round'
  | 'roundScore'
  | 'question'
  | 'request'
  | 'indicator'
  | 'participant'
  | 'planItem'
  | 'preference'
  | 'catalogueEntry'
  | 'incentiveForm'
  | 'incentiveRule'
  | 'mentorResult';

/**
 * Why a required thing is missing, when it is more than an empty field.
 *
 * @category Errors
 * @example
 * const r: RequiredReason = 'fileEmpty';
 */
export type RequiredReason =
  | 'machineInput'
  | 'headerRow'
  | 'computeResult'
  | 'indicatorDefinitions'
  | 'roadmapPeriod'
  | 'changeFormOrFormats'
  | 'statusField'
  | 'fileEmpty'
  | 'columnFullName'
  | 'columnPersonId'
  | 'columnMentorId'
  | 'columnMenteeIds'
  | 'salaryForPercentPay';

/**
 * Why a value is not one of the allowed ones, when the schema does not say.
 *
 * @category Errors
 * @example
 * const r: InvalidValueReason = 'threshold';
 */
export type InvalidValueReason =
  | 'threshold'
  | 'pupilsRange'
  | 'seedInteger'
  | 'sqlDialect'
  | 'databaseNumber'
  | 'snapshotLayout'
  | 'questionnaireKind'
  | 'pairState'
  | 'attentionThresholds'
  | 'escalationWithoutCurator'
  | 'checkpointMonth'
  | 'snapshotTooNew'
  | 'snapshotNoMigration'
  | 'mergePolicy'
  | 'registryField'
  | 'calendarDayOff'
  | 'calendarWorkingWeekend';

/**
 * Why an input is not usable, when no narrower code fits.
 *
 * @category Errors
 * @example
 * const r: InvalidInputReason = 'notSnapshot';
 */
export type InvalidInputReason =
  | 'notSnapshot'
  | 'malformedProgrammeEvent'
  | 'malformedPairEvent'
  | 'costsSize'
  | 'preferenceRepeated'
  | 'capacitiesLength'
  | 'matchingLength'
  | 'pairUnacceptable'
  | 'profileOfOtherPerson'
  | 'weightsNegative'
  | 'candidatesPerMentee'
  | 'menteeFixedElsewhere'
  | 'menteeWithoutConsent'
  | 'dimensions'
  | 'rowStartShape'
  | 'rowStartDecreasing'
  | 'colIndexShort'
  | 'colIndexRange'
  | 'edgeCost'
  | 'cellCost'
  | 'certificateMissing'
  | 'capacity'
  | 'recordsNotExportable'
  | 'rematchTolerance'
  | 'rematchMaxSolves'
  | 'streamItemWithoutId'
  | 'streamLogKind'
  | 'streamNotGrouped'
  | 'streamEventsNotArray'
  | 'requestBodyNotJson';

/**
 * Why something is larger than allowed, beyond a zod limit.
 *
 * @category Errors
 * @example
 * const r: TooBigReason = 'xlsxFile';
 */
export type TooBigReason =
  | 'mentorOverCapacity'
  | 'fixedOverCapacity'
  | 'xlsxFile'
  | 'csvCell'
  | 'roundMaximum';

/**
 * A date or data format a value failed: zod's `format` names (`date`,
 * `email`, `regex`, …) and the SDK's own.
 *
 * @category Errors
 * @example
 * const f: IssueFormat = 'date';
 */
export type IssueFormat =
  | 'date'
  | 'xls'
  | 'spreadsheet'
  | 'training'
  | 'registryDate'
  | 'registryNumber'
  | 'schoolClass'
  // zod's other string formats (email, uuid, regex, …), named as zod names them
  | (string & Record<never, never>);

/**
 * Why a pair changed when a matching was repaired (`rematch` in
 * `@nastavnik/matching`): the mentor left, the mentor's places were cut, the
 * pair was forbidden, the request was withdrawn, a reassignment needed to keep
 * the score within the tolerance or to place more requests, or a request
 * (new or waiting) was placed.
 *
 * @category Errors
 * @example
 * const r: RematchChangeReason = 'mentorLeft';
 */
export type RematchChangeReason =
  | 'mentorLeft'
  | 'capacityReduced'
  | 'pairForbidden'
  | 'requestRemoved'
  | 'reassigned'
  | 'placed';

/**
 * The params of every issue code. `NastavnikIssue<'too_small'>['params']` is
 * `IssueParams['too_small']`.
 *
 * @category Errors
 * @example
 * const p: IssueParams['too_small'] = { minimum: 1, origin: 'array', inclusive: true };
 */
export interface IssueParams {
  // generic input problems (mapped from zod)
  invalid_type: { readonly expected: string };
  required: { readonly reason?: RequiredReason; readonly status?: string };
  invalid_format: { readonly format: IssueFormat };
  invalid_value: {
    readonly allowed?: string;
    readonly reason?: InvalidValueReason;
    readonly version?: number;
    readonly supported?: number;
    readonly id?: string;
  };
  too_small: { readonly minimum: number; readonly origin: string; readonly inclusive: boolean };
  too_big: {
    readonly maximum?: number;
    readonly origin?: string;
    readonly inclusive?: boolean;
    readonly reason?: TooBigReason;
    /** The option or Excel limit that was hit (`maxRows`, `maxCellLength`, `columns`, `rows`, `maxUnpackedBytes`). */
    readonly limit?: 'maxRows' | 'maxCellLength' | 'columns' | 'rows' | 'maxUnpackedBytes';
    readonly maxRows?: number;
    readonly maxCellLength?: number;
    readonly maxColumns?: number;
    readonly maxRow?: number;
    readonly maxUnpackedBytes?: number;
    readonly format?: 'xlsx' | 'csv';
    readonly row?: number;
    readonly column?: string;
  };
  unrecognized_keys: { readonly keys: string; readonly count: number; readonly notInPlan?: boolean };
  invalid_input: { readonly reason?: InvalidInputReason; readonly row?: number; readonly col?: number };
  unsafe_text: Record<never, never>;
  // domain rules
  invalid_date_range: { readonly reason?: DateRangeReason };
  consent_missing: { readonly personId?: string; readonly purpose?: string; readonly cause?: string };
  consent_withdrawn: { readonly personId?: string; readonly purpose?: string; readonly cause?: string };
  minor_requires_parent_consent: {
    readonly personId?: string;
    readonly purpose?: string;
    readonly cause?: string;
  };
  consent_expired: { readonly personId?: string; readonly purpose?: string; readonly cause?: string };
  consent_element_missing: { readonly element?: string };
  k_anonymity_failed: { readonly k: number; readonly found: number; readonly exposed: number };
  depersonalisation_key_mismatch: Record<never, never>;
  representative_required: Record<never, never>;
  programme_too_short: { readonly months: number };
  programme_too_long: { readonly months: number };
  extension_too_long: { readonly months: number };
  pair_size_mismatch: { readonly format: string; readonly mentees: number };
  pair_without_mentees: Record<never, never>;
  self_pair: Record<never, never>;
  duplicate_mentee: { readonly scope?: 'pair' | 'pairs' | 'fixedPairs' };
  capacity_negative: Record<never, never>;
  request_area_missing: Record<never, never>;
  plan_item_outside_programme: { readonly itemId?: string; readonly start?: string; readonly end?: string };
  due_unparsed: Record<never, never>;
  unknown_reference: { readonly ref?: ReferenceKind; readonly id?: string; readonly kind?: string };
  /** `row`: the row of a registry file where the id first appeared. */
  duplicate_id: { readonly of?: DuplicateKind; readonly id?: string; readonly row?: number };
  organization_cycle: { readonly id?: string };
  invalid_academic_year: Record<never, never>;
  answer_mismatch: {
    readonly type?: 'scale' | 'single' | 'multiple' | 'ranking' | 'yesNo' | 'text';
    readonly min?: number;
    readonly max?: number;
  };
  unknown_question: { readonly questionId?: string };
  required_answer_missing: { readonly questionId?: string };
  aborted: Record<never, never>;
  infeasible: Record<never, never>;
  /** Not an error: the explanation of one change of `rematch` (matching); `replaced` when the request got another mentor. */
  rematch_change: { readonly reason?: RematchChangeReason; readonly replaced?: boolean };
  internal: {
    readonly reason?: 'machineRejectedValidEvent' | 'migrationNoProgress' | 'fastReplayUnsupported';
    readonly event?: string;
    readonly phase?: string;
    readonly what?: string;
  };
  // row-level problems of a registry import
  date_invalid: Record<never, never>;
  number_invalid: { readonly format?: IssueFormat };
  catalogue_unknown: { readonly catalogue?: string; readonly count?: number };
  name_incomplete: Record<never, never>;
  name_initials_only: Record<never, never>;
  ambiguous_reference: Record<never, never>;
  // the bank of best practices: the review workflow (draft → reviewed → published)
  practice_transition_invalid: { readonly from?: string; readonly to?: string };
  // the mentor's side: agreements (Labour Code art. 351.8), the production calendar, workload
  order_before_agreement: { readonly pairId?: string; readonly mentorId?: string };
  agreement_missing: { readonly pairId?: string; readonly mentorId?: string };
  calendar_year_missing: { readonly year?: number };
  workload_over_limit: {
    readonly mentorId?: string;
    readonly month?: string;
    readonly limit?: 'maxHoursPerMonth' | 'availableHoursPerMonth' | 'maxMenteesPerMentor';
    readonly value?: number;
    readonly maximum?: number;
  };
  // Refusals of the pair and programme machines (`@nastavnik/machines`): the event was valid input,
  // a rule of the seeds said no. Ids, dates, counts and enum keys only.
  pair_closed: Record<never, never>;
  programme_closed: Record<never, never>;
  event_not_allowed: { readonly event: PairEventType; readonly phase: PairLocus };
  date_before_previous: { readonly date: string; readonly previous: string };
  actor_mismatch: { readonly id: string; readonly role: ParticipantRole };
  /** `required`: the roles that may record the event, comma-separated (`'head, actingHead'`). */
  not_authorized: { readonly required: string };
  not_representative: Record<never, never>;
  not_participant: { readonly personId: string };
  wrong_pair: { readonly pairId: string };
  duplicate_consent: { readonly consentId: string };
  unknown_consent: { readonly consentId: string };
  consent_already_withdrawn: { readonly consentId: string };
  consents_in_force: Record<never, never>;
  consents_incomplete: {
    readonly personId: string;
    readonly purpose: ConsentPurpose;
    readonly cause:
      | 'consent_missing'
      | 'consent_withdrawn'
      | 'consent_expired'
      | 'minor_requires_parent_consent';
  };
  order_missing: Record<never, never>;
  order_already_issued: Record<never, never>;
  order_kind_mismatch: { readonly expected: OrderKind };
  duplicate_meeting: { readonly meetingId: string };
  meeting_out_of_sequence: { readonly expected: MeetingKind; readonly got: MeetingKind };
  planning_meeting_missing: Record<never, never>;
  programme_not_approved: Record<never, never>;
  programme_already_approved: Record<never, never>;
  plan_empty: Record<never, never>;
  unknown_plan_item: { readonly itemId: string };
  plan_item_already_done: { readonly itemId: string };
  done_item_removed: { readonly itemId: string };
  plan_not_done: { readonly remaining: number };
  final_meeting_missing: Record<never, never>;
  survey_already_submitted: { readonly personId: string };
  /** `missing`: the ids of the participants whose final survey is missing, comma-separated. */
  final_survey_missing: { readonly missing: string };
  /** `missing`: how many participants have not agreed. */
  mutual_agreement_required: { readonly missing: number };
  extension_not_later: { readonly end: string };
  /** A programme's term against the term policy: the violation's code, its rule, and its figures and dates. */
  term_outside_policy: {
    readonly violation:
      | 'invalid_date_range'
      | 'programme_too_short'
      | 'programme_too_long'
      | 'programme_before_approval'
      | 'programme_already_ended'
      | 'extension_not_later'
      | 'extension_after_end'
      | 'extension_too_long';
    readonly rule: '003 §1.2' | '003 §7.2' | '003 §6.2';
    readonly months?: number;
    readonly minimum?: number;
    readonly maximum?: number;
    readonly start?: string;
    readonly end?: string;
    readonly newEnd?: string;
    readonly approvedAt?: string;
    readonly agreedAt?: string;
  };
  same_mentor: Record<never, never>;
  mentor_is_mentee: { readonly personId: string };
  replacement_order_required: Record<never, never>;
  termination_initiator_mismatch: { readonly reason: TerminationReason; readonly role: ParticipantRole };
  opening_meeting_missing: { readonly expected: MeetingKind };
  too_few_meetings: { readonly minimum: number; readonly held: number };
  mentor_unfit_for_form: { readonly category: PersonCategory; readonly form: string };
  last_mentee: Record<never, never>;
  group_member_leaves: Record<never, never>;
  already_participant: { readonly personId: string };
  membership_order_required: Record<never, never>;
  plan_item_not_mentee: { readonly itemId: string };
  unknown_activity: { readonly activityId: string };
  activity_already_started: { readonly activityId: string };
  activity_already_done: { readonly activityId: string };
  stage_not_reached: { readonly stage: ProgrammeStage; readonly current: ProgrammeStage | 'closed' };
  deliverable_missing: { readonly activityId: string; readonly kind: DeliverableKind };
  stage_mismatch: { readonly expected: ProgrammeStage; readonly got: ProgrammeStage };
  gate_deliverable_missing: { readonly stage: ProgrammeStage; readonly kind: DeliverableKind };
  gate_activity_open: { readonly stage: ProgrammeStage; readonly activityId: string };
  /** `ids`: the open activities' ids, comma-separated (at most a few). */
  activities_open: { readonly count: number; readonly ids: string };
  unknown_checkpoint: { readonly checkpointId: string };
  checkpoint_already_held: { readonly checkpointId: string };
  checkpoint_too_early: { readonly checkpointId: string; readonly from: string };
}

/**
 * Stable codes of every error the SDK reports. Integrators switch on these;
 * they never change meaning between releases.
 *
 * @category Errors
 * @example
 * function status(code: NastavnikErrorCode): number {
 *   return code === 'consent_missing' || code === 'minor_requires_parent_consent' ? 403 : 400;
 * }
 */
export type NastavnikErrorCode = keyof IssueParams;

/**
 * A path into the input: object keys and array indices, as in zod.
 *
 * @category Errors
 * @example
 * const path: IssuePath = ['pairs', 0, 'menteeIds'];
 */
export type IssuePath = ReadonlyArray<string | number>;
