import { consentPurposeLabels } from '../enums';
import type {
  DateRangeReason,
  DuplicateKind,
  InvalidInputReason,
  InvalidValueReason,
  IssueParams,
  ReferenceKind,
  RequiredReason,
  TooBigReason,
} from '../issueParams';
import { calendarMessagesEn } from './calendar';
import { generalMessagesEn } from './general';
import { plural } from './plural';
import { refusalMessagesEn } from './refusals';
import type { IssueMessages } from './registry';
import { id, isoDate, num, pick, token, tokens } from './safe';
import { type SolverInputReason, solverInputEn, solverMessagesEn } from './solver';

const field = (where: string): string => (where ? `Field "${where}": ` : '');
const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const chars = { one: 'character', other: 'characters' };
const months = { one: 'month', other: 'months' };

const dateRange: Readonly<Record<DateRangeReason, string>> = {
  consentExpiresBeforeGiven: 'A consent expires before it was given',
  scoreBeforeRound: 'The score is recorded before the round is held',
  noRoundByOrderDate: 'No round of the competition is held by the date of the order',
  scaleBounds: 'Scale: max must exceed min',
  consentWithdrawnBeforeGiven: 'A consent is withdrawn before it was given',
  periodEndsBeforeStart: 'The period ends before it starts',
  asOfOutsideYear: 'The data date must fall within the academic year',
  planItemDueBeforeStart: 'A plan item is due before it starts',
  programmeEndsBeforeStart: 'The programme ends before it starts',
  extensionNotLater: 'An extension must move the end later',
  completionBeforeStart: 'The completion date is before the programme starts',
  pairEndsBeforeApproval: 'The pair ends before it was approved',
  consentAfterEvent: 'A consent cannot be signed after the date it is recorded',
  eventDateIsOrderDate: "The event's date must be the order's date",
  eventDateIsMeetingDate: "The event's date must be the meeting's date",
  eventDateIsAgreementDate: "The event's date must be the date the extension was agreed",
  programmeBeforeApproval: 'The programme starts before it is approved (003 §6.2)',
  programmeEndedBeforeApproval: 'The programme ended before it was approved (003 §6.2)',
  extensionAfterEnd: 'An extension is agreed before the programme ends (003 §7.2)',
  agreementEndsBeforeStart: "The agreement's mentoring term ends before it starts",
};

const references: Readonly<Record<ReferenceKind, string>> = {
  round: 'A score for a round that does not exist',
  pairParticipant: 'A participant of the pair is not described in options.participants',
  indicatorDefinition:
    'The definition that computed this value is missing: suppression cannot run without it',
  pairOfProgramme: "The programme's pair is not found",
  organization: 'The organization is not in the organization tree',
  parentOrganization: 'The parent organization is not found',
  pair: 'The pair refers to an unknown participant',
  programmePair: 'The programme belongs to another pair',
  competitionPair: 'A pair from the competition results is not found',
  participant: 'The participant is not in the list of people',
  person: 'A reference to a participant that does not exist',
  mentor: 'A reference to a mentor that does not exist',
  activity: 'The activity is not in the roadmap',
  deliverable: 'No roadmap activity yields this deliverable',
  registryPerson: 'No participant with this full name in the registry',
  mentee: 'A reference to a mentee that does not exist',
  consent: 'A reference to a consent that does not exist',
  request: 'A reference to a request that does not exist',
  incentiveForm: 'An incentive rule names a form of incentive the system does not have',
  incentiveCondition: 'Ranking by a condition the incentive rule does not have',
};

const duplicates: Readonly<Record<DuplicateKind, string>> = {
  round: 'A round is listed twice',
  roundScore: 'The pair already has a score in this round: record a correction with recordCompetitionScore',
  pair: 'Duplicate pair id',
  organization: 'Duplicate organization id',
  question: 'Duplicate question id',
  request: 'Duplicate request id',
  indicator: 'Duplicate indicator',
  participant: 'Duplicate participant id',
  planItem: 'A plan item is listed twice',
  preference: 'A participant is listed twice',
  catalogueEntry: 'Duplicate id in a catalogue',
  incentiveForm: 'A form of incentive is listed twice',
  incentiveRule: 'An incentive rule is listed twice',
  mentorResult: "A mentor's results are listed twice",
};

const required: Readonly<Record<Exclude<RequiredReason, 'statusField'>, string>> = {
  computeResult: 'Pass the result of computeIndicators: the values with their definitions',
  indicatorDefinitions:
    'The definitions that computed the values are required: suppression cannot run without them',
  headerRow: 'No header row found: expected columns such as "ФИО", "Дата рождения", "Должность"',
  machineInput: 'Start the machine with a snapshot from create…Snapshot (or its context as input)',
  roadmapPeriod: 'The roadmap has no period: give the academic year or dates in options.period',
  changeFormOrFormats: 'Give the new form or the new formats',
  fileEmpty: 'The file is empty',
  columnFullName: 'The file has no full-name column (nor last-name and first-name columns)',
  columnPersonId:
    'The file has no participant-id column (nor a participant-name column with a list of persons in the options)',
  columnMentorId: 'The file has no mentor-id column',
  columnMenteeIds: 'The file has no mentee-ids column',
  salaryForPercentPay: 'The pay is a percentage of salary: the salary is needed',
};

const invalidValue: Readonly<Record<InvalidValueReason, string>> = {
  snapshotLayout:
    'The snapshot was stored with another layout of the data: it needs a migration from its release',
  pupilsRange: 'Pupils: an integer from 1,000 to 100,000,000',
  seedInteger: 'The seed is an integer',
  sqlDialect: 'SQL dialect: duckdb or postgres',
  databaseNumber: 'The database returned a non-number or a number beyond the exact range',
  threshold: 'The publication threshold is an integer from 1 to 1000',
  questionnaireKind: 'Unknown questionnaire kind',
  pairState: 'Unknown pair state value',
  attentionThresholds: "The attention policy's thresholds are not in ascending order",
  escalationWithoutCurator: 'The reminder ladder must reach the curator',
  checkpointMonth: "The checkpoint's month is outside the period",
  snapshotTooNew: 'The snapshot was saved by a newer version of the library',
  snapshotNoMigration: 'No snapshot migration from this version',
  mergePolicy: 'Merge policy: keepFirst, keepLast, preferComplete or reject',
  registryField: 'Unknown registry field',
  calendarDayOff: "A calendar's day off must be a Monday to Friday of its year",
  calendarWorkingWeekend: "A calendar's working weekend day must be a Saturday or Sunday of its year",
};

const invalidInput: Readonly<Record<Exclude<InvalidInputReason, SolverInputReason>, string>> = {
  malformedPairEvent:
    'A malformed pair event or snapshot: validate it with the schema (replayPairUntrusted, parsePairEvent)',
  malformedProgrammeEvent:
    'A malformed programme event or snapshot: validate it with the schema (replayProgrammeUntrusted, parseProgrammeEvent)',
  notSnapshot: 'This is not a stored machine snapshot',
  preferenceRepeated: 'A participant is listed twice',
  capacitiesLength: 'The number of capacities is not the number of mentors',
  matchingLength: 'The matching length is not the number of mentees',
  pairUnacceptable: 'The pair is unacceptable to one side',
  profileOfOtherPerson: 'The profile belongs to another person',
  weightsNegative: 'Criteria weights must be non-negative numbers',
  candidatesPerMentee: 'The number of candidates must be a positive integer',
  menteeFixedElsewhere: 'The mentee is already fixed to another mentor',
  menteeWithoutConsent: 'The mentee cannot take part in matching (no consent)',
  recordsNotExportable: 'The registry records cannot be exported: check them with the schema',
  streamItemWithoutId: 'A stream item without an id',
  streamLogKind: 'A log start without its kind (pair or programme)',
  streamNotGrouped: 'An event of a log other than the one started last: the stream must be grouped by log',
  streamEventsNotArray: 'Expected an array of events',
  requestBodyNotJson: 'The request body must be a JSON object',
  rematchTolerance: 'The tolerance must be a number from 0 to 1 (0.01 = within 1 % of the optimum)',
  rematchMaxSolves: 'The number of solves must be an integer of at least 2',
};

const tooBig: Readonly<Record<TooBigReason, string>> = {
  roundMaximum: "The score exceeds the round's maximum",
  mentorOverCapacity: 'A mentor is assigned more mentees than their capacity',
  fixedOverCapacity: "More fixed pairs than the mentor's capacity",
  xlsxFile: 'The XLSX file is larger than 256 MB: split the registry into several files',
  csvCell: 'A CSV cell is longer than 32,767 characters: probably an unclosed quote',
};

const big = (n: number | undefined): string =>
  n === undefined ? '' : num(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const MIB = 1024 * 1024;

/** The limits a registry import enforces (file size, rows, cells, columns). */
function registryLimitEn(p: IssueParams['too_big']): string | undefined {
  switch (p.limit) {
    case 'maxRows':
      return `The file has more than ${big(p.maxRows)} rows: split the registry or raise maxRows`;
    case 'maxCellLength':
      return p.row !== undefined
        ? `The cell in row ${num(p.row)}, column ${token(p.column)} is longer than ${big(p.maxCellLength)} characters (Excel's cell limit is 32,767)`
        : `The XLSX file holds a text longer than ${big(p.maxCellLength)} characters (Excel's cell limit is 32,767): the file is damaged or crafted`;
    case 'columns':
      return `Row ${num(p.row)} has more than ${big(p.maxColumns)} columns, more than Excel allows`;
    case 'rows':
      return `Row number ${num(p.row)} is beyond Excel's last row (${big(p.maxRow)}): the file is damaged`;
    case 'maxUnpackedBytes': {
      const mib = big(Math.round((p.maxUnpackedBytes ?? 0) / MIB));
      return p.format === 'csv'
        ? `The CSV file is larger than ${mib} MB (maxUnpackedBytes): split the registry into several files`
        : `The unpacked contents of the XLSX file exceed ${mib} MB (maxUnpackedBytes): too large, or a zip bomb`;
    }
    default:
      return undefined;
  }
}

const purpose = (p: { personId?: string; purpose?: string }): string => {
  const label = p.purpose ? consentPurposeLabels[p.purpose as keyof typeof consentPurposeLabels] : undefined;
  const parts = [id(p.personId) && `participant ${id(p.personId)}`, label && `purpose "${label.en}"`].filter(
    Boolean,
  );
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
};

/**
 * The English message of every code.
 *
 * @category Errors
 * @example
 * issueMessagesEn.required({}, 'name'); // 'Required field "name" is missing'
 */
export const issueMessagesEn: IssueMessages = {
  invalid_type: generalMessagesEn.invalid_type,
  required: (p, w) => {
    if (p.reason === 'statusField') {
      return token(p.status)
        ? `Status "${token(p.status)}" needs field "${w}"`
        : `This status needs field "${w}"`;
    }
    const r = pick(required, p.reason);
    if (r) return r;
    return generalMessagesEn.required(p, w);
  },
  invalid_format: (p, w) => {
    switch (p.format) {
      case 'xls':
        return 'The XLS format (Excel 97–2003) is not supported: save the file as an Excel workbook (*.xlsx) or CSV';
      case 'spreadsheet':
        return 'The file is damaged or is not an XLSX/CSV spreadsheet';
      case 'training':
        return 'Training: expected "Course title (36 h, 30.11.2023, provider)", one course per line';
      case 'registryDate':
        return 'Cannot read the date: expected DD.MM.YYYY (e.g. 31.08.2023)';
      default:
        return generalMessagesEn.invalid_format(p, w);
    }
  },
  invalid_value: (p, w) => {
    if (p.reason === 'snapshotTooNew' && p.version !== undefined) {
      const upTo = p.supported === undefined ? '' : `, this release reads up to ${num(p.supported)}`;
      return `The snapshot was saved by a newer version of the library (format ${num(p.version)}${upTo})`;
    }
    if (p.reason === 'snapshotNoMigration' && p.version !== undefined) {
      return `No snapshot migration from version ${num(p.version)}`;
    }
    if (p.reason === 'checkpointMonth' && id(p.id))
      return `The month of checkpoint ${id(p.id)} is outside the period`;
    if (p.reason === 'registryField' && p.allowed) return `Unknown registry field; allowed: ${p.allowed}`;
    const r = pick(invalidValue, p.reason);
    if (r) return r;
    return generalMessagesEn.invalid_value(p, w);
  },
  too_small: generalMessagesEn.too_small,
  too_big: (p, w) => {
    const r = pick(tooBig, p.reason);
    if (r) return r;
    const limits = registryLimitEn(p);
    if (limits) return limits;
    return generalMessagesEn.too_big(p, w);
  },
  unrecognized_keys: (p, w) =>
    p.notInPlan
      ? `${plural('en', p.count, { one: 'A field is', other: 'Fields are' })} not in the depersonalisation plan (${tokens(p.keys)}): release refused`
      : generalMessagesEn.unrecognized_keys(p, w),
  invalid_input: (p, w) => {
    return (
      solverInputEn(p) ??
      pick(invalidInput, p.reason as Exclude<InvalidInputReason, SolverInputReason> | undefined) ??
      generalMessagesEn.invalid_input(p, w)
    );
  },
  unsafe_text: generalMessagesEn.unsafe_text,
  invalid_date_range: (p, w) => pick(dateRange, p.reason) ?? cap(`${field(w)}the dates are out of order`),
  consent_missing: (p) => `No written consent${purpose(p)}`,
  consent_withdrawn: (p) => `The consent has been withdrawn${purpose(p)}`,
  minor_requires_parent_consent: (p) =>
    `A minor needs the consent of a parent or legal guardian${purpose(p)}`,
  consent_expired: (p) => `The consent has expired${purpose(p)}`,
  consent_element_missing: () => 'The consent lacks a required element (152-FZ, art. 9 part 4)',
  k_anonymity_failed: (p) =>
    `Release refused: the depersonalised records are not k-anonymous (k = ${num(p.k)}; smallest class ${num(p.found)}; ${num(p.exposed)} ${plural('en', p.exposed, { one: 'record', other: 'records' })} exposed)`,
  depersonalisation_key_mismatch: () => 'The key does not belong to these depersonalised records',
  representative_required: () => "A parent's or guardian's consent must name the representative",
  programme_too_short: (p) =>
    `A personal programme lasts at least ${num(p.months)} ${plural('en', p.months, months)}`,
  programme_too_long: (p) =>
    `A personal programme lasts at most ${num(p.months)} ${plural('en', p.months, months)} (longer only by an agreed extension)`,
  extension_too_long: (p) =>
    `With its extensions a personal programme lasts at most ${num(p.months)} ${plural('en', p.months, months)}`,
  pair_size_mismatch: (p) =>
    p.format === 'group'
      ? `A group has two or more mentees (003 §2.3), not ${num(p.mentees)}`
      : `A one-to-one pair has exactly one mentee (003 §2.3), not ${num(p.mentees)}`,
  pair_without_mentees: () => 'A pair (group) must have at least one mentee',
  self_pair: () => 'A mentor cannot mentor themselves',
  duplicate_mentee: (p) =>
    p.scope === 'fixedPairs'
      ? 'The mentee is already fixed to a mentor'
      : p.scope === 'pairs'
        ? 'A mentee is in several pairs'
        : 'A mentee is listed twice in a pair (group)',
  capacity_negative: () => 'Capacity cannot be negative',
  request_area_missing: () => 'A request needs a competence area or a described difficulty',
  plan_item_outside_programme: (p) =>
    id(p.itemId) && isoDate(p.start) && isoDate(p.end)
      ? `Item ${id(p.itemId)} is due outside the programme's term (${isoDate(p.start)} — ${isoDate(p.end)})`
      : "A plan item's due date is outside the programme's term",
  due_unparsed: calendarMessagesEn.due_unparsed,
  unknown_reference: (p, w) => {
    if (p.ref === 'activity' && id(p.id)) return `Activity ${id(p.id)} is not in the roadmap`;
    if (p.ref === 'deliverable' && token(p.kind))
      return `No roadmap activity yields the deliverable "${token(p.kind)}"`;
    if (p.ref === 'pairParticipant' && id(p.id)) {
      return `Participant ${id(p.id)} of the pair is not described in options.participants`;
    }
    const r = pick(references, p.ref);
    if (r) return r;
    return w
      ? `Field "${w}": a reference to a record that does not exist`
      : 'A reference to a record that does not exist';
  },
  duplicate_id: (p, w) =>
    (num(p.row) ? cap(`${field(w)}the id already appears in row ${num(p.row)}`) : undefined) ??
    pick(duplicates, p.of) ??
    cap(`${field(w)}duplicate id`),
  organization_cycle: (p) =>
    id(p.id) ? `A cycle in the organization tree (through ${id(p.id)})` : 'A cycle in the organization tree',
  invalid_academic_year: calendarMessagesEn.invalid_academic_year,
  answer_mismatch: (p) => {
    switch (p.type) {
      case 'scale':
        return `The answer must be an integer from ${num(p.min)} to ${num(p.max)}`;
      case 'single':
        return 'Choose one of the options';
      case 'multiple':
        return 'Choose among the options';
      case 'ranking':
        return `Rank at most ${num(p.max)} distinct ${plural('en', p.max ?? 0, { one: 'candidate', other: 'candidates' })}`;
      case 'yesNo':
        return 'Answer yes or no';
      case 'text':
        return `Text of at most ${num(p.max)} ${plural('en', p.max ?? 0, chars)}`;
      default:
        return 'The answer does not fit the question type';
    }
  },
  unknown_question: (p) =>
    p.questionId
      ? `Question ${id(p.questionId)} is not in the questionnaire`
      : 'No such question in the questionnaire',
  required_answer_missing: (p) =>
    id(p.questionId)
      ? `No answer to the required question ${id(p.questionId)}`
      : 'No answer to a required question',
  aborted: solverMessagesEn.aborted,
  infeasible: solverMessagesEn.infeasible,
  rematch_change: (p) => {
    const next = p.replaced ? 'another mentor is assigned' : 'no other mentor found yet; the search goes on';
    switch (p.reason) {
      case 'mentorLeft':
        return `The mentor left the programme; ${next}`;
      case 'capacityReduced':
        return `The mentor's places were reduced; ${next}`;
      case 'pairForbidden':
        return `The pair is forbidden (a conflict or the mentee's request); ${next}`;
      case 'requestRemoved':
        return 'The request was withdrawn: the pair ends';
      case 'reassigned':
        return p.replaced
          ? 'Mentor changed: without this move the total score would fall below the tolerance or fewer mentees would have a pair'
          : 'Pair ended: without this the total score would fall below the tolerance';
      case 'placed':
        return 'A mentor is found for the mentee';
      default:
        return 'The pair changed in re-matching';
    }
  },
  internal: (p) =>
    p.reason === 'machineRejectedValidEvent'
      ? 'Internal error: the machine did not accept a valid event'
      : p.reason === 'migrationNoProgress'
        ? 'Internal error: a snapshot migration did not raise the version'
        : p.reason === 'fastReplayUnsupported'
          ? 'Internal error: the machine definition is not supported by the fast replay'
          : generalMessagesEn.internal(p, ''),
  date_invalid: () => 'Cannot read the date: expected DD.MM.YYYY (e.g. 31.08.2023)',
  number_invalid: (p, w) =>
    p.format === 'schoolClass'
      ? 'Class: expected a grade from 1 to 11 (e.g. 7 or 7А)'
      : w
        ? `Column "${w}": a number is expected`
        : 'A number is expected',
  catalogue_unknown: (p, w) => {
    const n = p.count ?? 1;
    return n > 1
      ? `Column "${w}": ${num(n)} ${plural('en', n, { one: 'value is', other: 'values are' })} not in the catalogue; pick them from the template list`
      : `Column "${w}": value not in the catalogue; pick one from the template list`;
  },
  name_incomplete: () => 'Full name: at least the last and the first name are needed',
  name_initials_only: () =>
    'The name is written with initials; the registry needs the full first name and patronymic',
  ambiguous_reference: () => 'Several participants in the registry have this full name; give the ID',
  practice_transition_invalid: (p) =>
    `A practice case cannot move${token(p.from) ? ` from ${token(p.from)}` : ''}${token(p.to) ? ` to ${token(p.to)}` : ''}: the order is draft, review, publication`,
  order_before_agreement: (p) =>
    `${id(p.pairId) ? `The order assigning pair ${id(p.pairId)}` : 'The order'} precedes the mentoring agreement of mentor${id(p.mentorId) ? ` ${id(p.mentorId)}` : ''} (Labour Code art. 351.8)`,
  agreement_missing: (p) =>
    `Mentor${id(p.mentorId) ? ` ${id(p.mentorId)}` : ''} has no mentoring agreement in force on the order date (Labour Code art. 351.8)`,
  calendar_year_missing: (p) =>
    `The production calendar has no data for ${num(p.year) || 'this'} year; add it (the Government's decree on transferring days off)`,
  workload_over_limit: (p) => {
    const who = id(p.mentorId) ? `Mentor ${id(p.mentorId)}` : 'Mentor';
    const when = /^\d{4}-\d{2}$/.test(p.month ?? '') ? ` in ${p.month}` : '';
    if (p.limit === 'maxMenteesPerMentor')
      return `${who}: ${num(p.value)} mentees against the policy's limit of ${num(p.maximum)}`;
    if (p.limit === 'availableHoursPerMonth')
      return `${who}${when}: ${num(p.value)} h against ${num(p.maximum)} h a month they can give`;
    return `${who}${when}: ${num(p.value)} h against the policy's limit of ${num(p.maximum)} h a month`;
  },
  term_outside_policy: (p, w) => {
    const rule = /^003 §\d\.\d$/.test(p.rule ?? '') ? ` (${p.rule})` : '';
    return `${termViolationEn(p, w)}${rule}`;
  },
  ...refusalMessagesEn,
};

/** The words of a term violation the pair machine refused (the same texts as the schema's codes). */
function termViolationEn(p: IssueParams['term_outside_policy'], w: string): string {
  switch (p.violation) {
    case 'programme_too_short':
      return issueMessagesEn.programme_too_short({ months: p.minimum ?? 0 }, w);
    case 'programme_too_long':
      return issueMessagesEn.programme_too_long({ months: p.maximum ?? 0 }, w);
    case 'extension_too_long':
      return issueMessagesEn.extension_too_long({ months: p.maximum ?? 0 }, w);
    case 'invalid_date_range':
      return dateRange.programmeEndsBeforeStart;
    case 'programme_before_approval':
      return dateRange.programmeBeforeApproval;
    case 'programme_already_ended':
      return dateRange.programmeEndedBeforeApproval;
    case 'extension_not_later':
      return dateRange.extensionNotLater;
    case 'extension_after_end':
      return dateRange.extensionAfterEnd;
    default:
      return "The programme's term does not follow the mentoring regulation";
  }
}
