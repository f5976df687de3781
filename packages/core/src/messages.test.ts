import {
  type DateRangeReason,
  type DuplicateKind,
  type InvalidInputReason,
  type InvalidValueReason,
  type IssueParams,
  issueMessagesEn,
  issueMessagesRu,
  type NastavnikErrorCode,
  nastavnikIssue,
  type ReferenceKind,
  type RequiredReason,
  type TooBigReason,
} from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

// Every key of a reason union, checked by the compiler both ways.
const keys = <K extends string>(table: Record<K, true>): K[] => Object.keys(table) as K[];
const dateRange = keys<DateRangeReason>({
  noRoundByOrderDate: true,
  consentExpiresBeforeGiven: true,
  scoreBeforeRound: true,
  scaleBounds: true,
  consentWithdrawnBeforeGiven: true,
  periodEndsBeforeStart: true,
  asOfOutsideYear: true,
  planItemDueBeforeStart: true,
  programmeEndsBeforeStart: true,
  extensionNotLater: true,
  agreementEndsBeforeStart: true,
  completionBeforeStart: true,
  pairEndsBeforeApproval: true,
  consentAfterEvent: true,
  eventDateIsOrderDate: true,
  eventDateIsMeetingDate: true,
  eventDateIsAgreementDate: true,
  programmeBeforeApproval: true,
  programmeEndedBeforeApproval: true,
  extensionAfterEnd: true,
});
const refs = keys<ReferenceKind>({
  indicatorDefinition: true,
  pairOfProgramme: true,
  round: true,
  pairParticipant: true,
  organization: true,
  parentOrganization: true,
  pair: true,
  programmePair: true,
  competitionPair: true,
  participant: true,
  person: true,
  mentor: true,
  activity: true,
  deliverable: true,
  registryPerson: true,
  mentee: true,
  consent: true,
  request: true,
  incentiveForm: true,
  incentiveCondition: true,
});
const dups = keys<DuplicateKind>({
  pair: true,
  round: true,
  roundScore: true,
  organization: true,
  question: true,
  request: true,
  indicator: true,
  participant: true,
  planItem: true,
  preference: true,
  catalogueEntry: true,
  incentiveForm: true,
  incentiveRule: true,
  mentorResult: true,
});
const requiredReasons = keys<RequiredReason>({
  headerRow: true,
  computeResult: true,
  indicatorDefinitions: true,
  machineInput: true,
  roadmapPeriod: true,
  changeFormOrFormats: true,
  statusField: true,
  fileEmpty: true,
  columnFullName: true,
  columnPersonId: true,
  columnMentorId: true,
  columnMenteeIds: true,
  salaryForPercentPay: true,
});
const valueReasons = keys<InvalidValueReason>({
  pupilsRange: true,
  seedInteger: true,
  sqlDialect: true,
  databaseNumber: true,
  snapshotLayout: true,
  threshold: true,
  questionnaireKind: true,
  pairState: true,
  checkpointMonth: true,
  snapshotTooNew: true,
  snapshotNoMigration: true,
  mergePolicy: true,
  registryField: true,
  attentionThresholds: true,
  escalationWithoutCurator: true,
  calendarDayOff: true,
  calendarWorkingWeekend: true,
});
const inputReasons = keys<InvalidInputReason>({
  malformedProgrammeEvent: true,
  malformedPairEvent: true,
  costsSize: true,
  notSnapshot: true,
  preferenceRepeated: true,
  capacitiesLength: true,
  matchingLength: true,
  pairUnacceptable: true,
  profileOfOtherPerson: true,
  weightsNegative: true,
  candidatesPerMentee: true,
  menteeFixedElsewhere: true,
  menteeWithoutConsent: true,
  dimensions: true,
  rowStartShape: true,
  rowStartDecreasing: true,
  colIndexShort: true,
  colIndexRange: true,
  edgeCost: true,
  cellCost: true,
  certificateMissing: true,
  capacity: true,
  recordsNotExportable: true,
  streamItemWithoutId: true,
  streamLogKind: true,
  streamNotGrouped: true,
  streamEventsNotArray: true,
  requestBodyNotJson: true,
  rematchTolerance: true,
  rematchMaxSolves: true,
});
const bigReasons = keys<TooBigReason>({
  roundMaximum: true,
  mentorOverCapacity: true,
  fixedOverCapacity: true,
  xlsxFile: true,
  csvCell: true,
});
const counts = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5];
const consent = [{}, { personId: 'p-7', purpose: 'personalData', cause: 'consent_missing' }];

/** Sample params of every code: the compiler refuses a code without samples. */
const samples: { readonly [C in NastavnikErrorCode]: readonly IssueParams[C][] } = {
  invalid_type: [
    'string',
    'number',
    'array',
    'object',
    'bytes',
    'pairSnapshot',
    'programmeSnapshot',
    'xstateMachine',
    'toMermaidOptions',
    'template_literal',
  ].map((expected) => ({
    expected,
  })),
  required: [
    {},
    ...requiredReasons.map((reason) => ({ reason })),
    { reason: 'statusField', status: 'completed' },
  ],
  invalid_format: ['date', 'folder', 'email', 'xls', 'spreadsheet', 'training', 'registryDate', 'cuid2'].map(
    (format) => ({
      format,
    }),
  ),
  invalid_value: [
    {},
    { allowed: 'a, b' },
    ...valueReasons.map((reason) => ({ reason, version: 3, supported: 2, id: 'c-1' })),
    { reason: 'registryField', allowed: 'fullName, birthDate' },
  ],
  too_small: counts.flatMap((minimum) =>
    ['array', 'string', 'number'].map((origin) => ({ minimum, origin, inclusive: minimum % 2 === 0 })),
  ),
  too_big: [
    ...counts.flatMap((maximum) =>
      ['array', 'string', 'number'].map((origin) => ({ maximum, origin, inclusive: maximum % 2 === 0 })),
    ),
    ...bigReasons.map((reason) => ({ maximum: 1, origin: 'number', inclusive: true, reason })),
    { limit: 'maxRows', maxRows: 100000 },
    { limit: 'maxCellLength', maxCellLength: 32767, row: 7, column: 'D' },
    { limit: 'maxCellLength', maxCellLength: 32767 },
    { limit: 'columns', maxColumns: 16384, row: 3 },
    { limit: 'rows', maxRow: 1048576, row: 1048577 },
    { limit: 'maxUnpackedBytes', maxUnpackedBytes: 512 * 1024 * 1024, format: 'xlsx' },
    { limit: 'maxUnpackedBytes', maxUnpackedBytes: 64 * 1024 * 1024, format: 'csv' },
    {},
  ],
  unrecognized_keys: [
    { keys: 'extra', count: 1 },
    { keys: 'snils', count: 1, notInPlan: true },
    { keys: 'a, b', count: 2 },
  ],
  invalid_input: [{}, ...inputReasons.map((reason) => ({ reason })), { reason: 'cellCost', row: 2, col: 3 }],
  unsafe_text: [{}],
  invalid_date_range: [{}, ...dateRange.map((reason) => ({ reason }))],
  consent_missing: consent,
  consent_withdrawn: consent,
  minor_requires_parent_consent: consent,
  consent_expired: consent,
  consent_element_missing: [{}],
  k_anonymity_failed: counts.map((exposed) => ({ k: 5, found: 2, exposed })),
  depersonalisation_key_mismatch: [{}],
  representative_required: [{}],
  programme_too_short: [{ months: 3 }],
  programme_too_long: [{ months: 12 }],
  extension_too_long: [{ months: 24 }],
  pair_size_mismatch: [
    { format: 'group', mentees: 1 },
    { format: 'individual', mentees: 3 },
  ],
  pair_without_mentees: [{}],
  self_pair: [{}],
  duplicate_mentee: [{}, { scope: 'pair' }, { scope: 'pairs' }, { scope: 'fixedPairs' }],
  capacity_negative: [{}],
  request_area_missing: [{}],
  plan_item_outside_programme: [{}, { itemId: 'i-1', start: '2023-09-01', end: '2024-05-31' }],
  due_unparsed: [{}],
  unknown_reference: [
    {},
    ...refs.map((ref) => ({ ref, id: 'a-1' })),
    { ref: 'deliverable', kind: 'regulation' },
  ],
  duplicate_id: [{}, ...dups.map((of) => ({ of, id: 'x-1' })), { row: 7 }],
  organization_cycle: [{}, { id: 'o-1' }],
  invalid_academic_year: [{}],
  answer_mismatch: [
    {},
    ...(['scale', 'single', 'multiple', 'ranking', 'yesNo', 'text'] as const).map((type) => ({
      type,
      min: 1,
      max: 5,
    })),
    { type: 'ranking', max: 1 },
  ],
  unknown_question: [{}, { questionId: 'q1' }],
  required_answer_missing: [{}, { questionId: 'q1' }],
  aborted: [{}],
  infeasible: [{}],
  rematch_change: [
    {},
    ...(
      ['mentorLeft', 'capacityReduced', 'pairForbidden', 'requestRemoved', 'reassigned', 'placed'] as const
    ).flatMap((reason) => [{ reason }, { reason, replaced: true }]),
  ],
  internal: [
    {},
    { reason: 'machineRejectedValidEvent', event: 'orderIssued', phase: 'active' },
    { reason: 'migrationNoProgress' },
    { reason: 'fastReplayUnsupported', what: 'guard' },
  ],
  date_invalid: [{}],
  number_invalid: [{}, { format: 'schoolClass' }],
  catalogue_unknown: [{}, { count: 2 }, { count: 5 }],
  name_incomplete: [{}],
  name_initials_only: [{}],
  ambiguous_reference: [{}],
  practice_transition_invalid: [
    {},
    { from: 'draft', to: 'published' },
    { from: 'published', to: 'reviewed' },
  ],
  order_before_agreement: [{}, { pairId: 'pair-1', mentorId: 't-7' }],
  agreement_missing: [{}, { pairId: 'pair-1', mentorId: 't-7' }],
  calendar_year_missing: [{}, { year: 2031 }],
  workload_over_limit: [
    {},
    { mentorId: 't-7', month: '2026-03', limit: 'maxHoursPerMonth', value: 12.5, maximum: 10 },
    { mentorId: 't-7', month: '2026-03', limit: 'availableHoursPerMonth', value: 9, maximum: 6 },
    { mentorId: 't-7', limit: 'maxMenteesPerMentor', value: 5, maximum: 3 },
  ],
  // the machines' refusals
  pair_closed: [{}],
  programme_closed: [{}],
  event_not_allowed: [
    { event: 'orderIssued', phase: 'awaitingOrganizational' },
    { event: 'meetingHeld', phase: 'forming' },
    { event: 'terminated', phase: 'running' },
  ],
  date_before_previous: [{ date: '2023-09-10', previous: '2023-09-11' }],
  actor_mismatch: [
    { id: 'p-1', role: 'mentor' },
    { id: 'p-1', role: 'curator' },
  ],
  not_authorized: [{ required: 'head, actingHead' }, { required: 'curator' }, { required: '' }],
  not_representative: [{}],
  not_participant: [{ personId: 'p-2' }],
  wrong_pair: [{ pairId: 'pr-1' }],
  duplicate_consent: [{ consentId: 'c-1' }],
  unknown_consent: [{ consentId: 'c-1' }],
  consent_already_withdrawn: [{ consentId: 'c-1' }],
  consents_in_force: [{}],
  consents_incomplete: (
    ['consent_missing', 'consent_withdrawn', 'consent_expired', 'minor_requires_parent_consent'] as const
  ).map((cause) => ({ personId: 'p-2', purpose: 'personalData', cause })),
  order_missing: [{}],
  order_already_issued: [{}],
  order_kind_mismatch: [{ expected: 'approvePairs' }, { expected: 'replaceMentor' }],
  duplicate_meeting: [{ meetingId: 'm-1' }],
  meeting_out_of_sequence: [{ expected: 'organizational', got: 'trial' }],
  planning_meeting_missing: [{}],
  programme_not_approved: [{}],
  programme_already_approved: [{}],
  plan_empty: [{}],
  unknown_plan_item: [{ itemId: 'i-1' }],
  plan_item_already_done: [{ itemId: 'i-1' }],
  done_item_removed: [{ itemId: 'i-1' }],
  plan_not_done: counts.map((remaining) => ({ remaining })),
  final_meeting_missing: [{}],
  survey_already_submitted: [{ personId: 'p-2' }],
  final_survey_missing: [{ missing: 'p-2' }, { missing: 'p-2, p-3' }],
  mutual_agreement_required: [{ missing: 1 }, { missing: 2 }],
  extension_not_later: [{ end: '2024-05-31' }],
  term_outside_policy: [
    { violation: 'programme_too_short', rule: '003 §1.2', months: 2, minimum: 3 },
    { violation: 'programme_too_long', rule: '003 §1.2', months: 14, maximum: 12 },
    { violation: 'extension_too_long', rule: '003 §7.2', months: 30, maximum: 24 },
    { violation: 'invalid_date_range', rule: '003 §1.2', start: '2024-01-01', end: '2023-09-01' },
    {
      violation: 'programme_before_approval',
      rule: '003 §6.2',
      start: '2023-09-01',
      approvedAt: '2023-09-10',
    },
    { violation: 'programme_already_ended', rule: '003 §6.2', end: '2023-09-01', approvedAt: '2023-09-10' },
    { violation: 'extension_not_later', rule: '003 §7.2', end: '2024-05-31', newEnd: '2024-05-01' },
    { violation: 'extension_after_end', rule: '003 §7.2', agreedAt: '2024-06-01', end: '2024-05-31' },
  ],
  same_mentor: [{}],
  mentor_is_mentee: [{ personId: 'p-2' }],
  replacement_order_required: [{}],
  termination_initiator_mismatch: [{ reason: 'mutualDecision', role: 'mentee' }],
  opening_meeting_missing: [{ expected: 'organizational' }, { expected: 'trial' }],
  too_few_meetings: [{ minimum: 3, held: 1 }],
  mentor_unfit_for_form: [{ category: 'pupil', form: 'teacherTeacher' }],
  last_mentee: [{}],
  group_member_leaves: [{}],
  already_participant: [{ personId: 'p-2' }],
  membership_order_required: [{}],
  plan_item_not_mentee: [{ itemId: 'i-1' }],
  unknown_activity: [{ activityId: 'a-1' }],
  activity_already_started: [{ activityId: 'a-1' }],
  activity_already_done: [{ activityId: 'a-1' }],
  stage_not_reached: [
    { stage: 'pairWork', current: 'menteeBase' },
    { stage: 'pairWork', current: 'closed' },
  ],
  deliverable_missing: [{ activityId: 'a-1', kind: 'regulation' }],
  stage_mismatch: [{ expected: 'menteeBase', got: 'pairWork' }],
  gate_deliverable_missing: [{ stage: 'pairFormation', kind: 'pairsOrder' }],
  gate_activity_open: [{ stage: 'pairFormation', activityId: 'a-1' }],
  activities_open: [{ count: 2, ids: 'a-1, a-2' }],
  unknown_checkpoint: [{ checkpointId: 'jan' }],
  checkpoint_already_held: [{ checkpointId: 'jan' }],
  checkpoint_too_early: [{ checkpointId: 'jan', from: '2024-01-01' }],
};

const codes = Object.keys(samples) as NastavnikErrorCode[];
const paths = [[], ['pairs', 0, 'menteeIds']];

function render(code: NastavnikErrorCode, params: object, path: (string | number)[]) {
  return nastavnikIssue(code, path, params as never);
}

describe('the message catalogue', () => {
  it('has a Russian and an English message for every code, and no others', () => {
    expect(Object.keys(issueMessagesRu).sort()).toEqual([...codes].sort());
    expect(Object.keys(issueMessagesEn).sort()).toEqual([...codes].sort());
  });

  it('renders every message for its sample params without undefined, NaN, braces or internal codes', () => {
    for (const code of codes) {
      for (const params of samples[code]) {
        for (const path of paths) {
          const issue = render(code, params, path);
          for (const text of [issue.message, issue.messageEn]) {
            expect(text, `${code} ${JSON.stringify(params)}`).not.toMatch(/undefined|NaN|[{}]|\[object/);
            // an internal code (snake_case token) never reaches a person
            expect(text, `${code} ${JSON.stringify(params)}`).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
            expect(text.trim()).toBe(text);
            expect(text.length).toBeGreaterThan(5);
          }
          expect(issue.message, code).toMatch(/[А-Яа-яЁё]/);
          expect(issue.code).toBe(code);
          expect(issue.path).toEqual(path);
        }
      }
    }
  });

  it('never shows a name put into any param other than an id', () => {
    const name = 'Иванова Мария Петровна';
    for (const code of codes) {
      for (const params of samples[code]) {
        for (const key of Object.keys(params)) {
          // ids are printed by design (they are not names); `allowed` lists a schema's literals, never input
          if (/(^id$|Id$|^allowed$)/.test(key)) continue;
          const poisoned = { ...params, [key]: name };
          let issue: ReturnType<typeof render>;
          try {
            issue = render(code, poisoned, ['field']);
          } catch {
            continue; // a param of another type may not render at all; that is not a leak
          }
          expect(issue.message, `${code}.${key}`).not.toContain('Иванова');
          expect(issue.messageEn, `${code}.${key}`).not.toContain('Иванова');
        }
      }
    }
  });

  it('uses real plural forms in Russian and English', () => {
    const ru = (minimum: number) =>
      nastavnikIssue('too_small', ['menteeIds'], { minimum, origin: 'array', inclusive: true }).message;
    expect(ru(1)).toBe('Поле «menteeIds»: нужно хотя бы 1 элемент');
    expect(ru(3)).toBe('Поле «menteeIds»: нужно хотя бы 3 элемента');
    expect(ru(5)).toBe('Поле «menteeIds»: нужно хотя бы 5 элементов');
    expect(ru(21)).toBe('Поле «menteeIds»: нужно хотя бы 21 элемент');
    const big = (maximum: number) =>
      nastavnikIssue('too_big', ['name'], { maximum, origin: 'string', inclusive: true });
    expect(big(1).message).toBe('Поле «name»: не длиннее 1 символа');
    expect(big(200).message).toBe('Поле «name»: не длиннее 200 символов');
    expect(big(1).messageEn).toBe('Field "name": at most 1 character allowed');
    expect(big(200).messageEn).toBe('Field "name": at most 200 characters allowed');
    const long = nastavnikIssue('programme_too_long', ['end'], { months: 12 });
    expect(long.message).toContain('не более 12 месяцев');
    for (const text of codes.flatMap((c) =>
      samples[c].flatMap((p) => [render(c, p, ['f']).message, render(c, p, ['f']).messageEn]),
    )) {
      expect(text).not.toMatch(/\((ов|а|ы|s|ies)\)/);
    }
  });
});
