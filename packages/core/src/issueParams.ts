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
  duplicate_id: { readonly of?: DuplicateKind; readonly id?: string };
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
