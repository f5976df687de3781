import type { AuthorityTable, ParticipantRole } from '@nastavnik/core';
import type { PairEvent } from './pairEvents';
import type { ProgrammeEvent } from './programmeEvents';

const HEADS: readonly ParticipantRole[] = ['head', 'actingHead'];
const PAIR: readonly ParticipantRole[] = ['mentor', 'mentee'];

/**
 * Who may record each pair event by default (003 §3.3–3.5, §4–5, §6.2,
 * §7.1; 004 §1): the head or acting head issues the orders; the curator keeps
 * the records and replaces a mentor; the mentor and the mentee record their
 * own work and agreements; a parent or legal representative acts for a minor
 * mentee (consents, surveys, leaving the group at their own initiative); the
 * methodical council helps draft and correct plans. A school passes its own
 * copy as `PairPolicy.authority`.
 *
 * @category Authority
 * @example
 * defaultPairAuthority.orderIssued; // ['head', 'actingHead']
 */
export const defaultPairAuthority: AuthorityTable<PairEvent['type']> = {
  consentRecorded: ['curator', ...HEADS, ...PAIR, 'parent'],
  consentWithdrawn: ['curator', ...HEADS, ...PAIR, 'parent'],
  orderIssued: HEADS,
  meetingHeld: [...PAIR, 'curator'],
  programmeApproved: ['curator', ...HEADS, 'methodicalCouncil'],
  planItemDone: [...PAIR, 'curator'],
  feedbackSubmitted: [...PAIR, 'parent', 'curator'],
  finalSurveySubmitted: [...PAIR, 'parent', 'curator'],
  extended: [...PAIR, 'curator'],
  planCorrected: [...PAIR, 'curator', 'methodicalCouncil'],
  formChanged: [...PAIR, 'curator'],
  mentorReplaced: ['curator', ...HEADS],
  menteeAdded: ['curator', ...HEADS],
  menteeRemoved: ['mentee', 'parent', 'curator', ...HEADS],
  terminated: [...PAIR, 'parent', 'curator', ...HEADS],
  completed: ['curator', ...HEADS],
};

/**
 * Who may record each programme event by default: the school's curator or
 * the municipal curator runs the roadmap (003 §3.4; 001, 002), the head or
 * acting head approves its documents (003 §3.3), the methodical council takes
 * part in activities and monitoring (003 §3.5).
 *
 * @category Authority
 * @example
 * defaultProgrammeAuthority.stageCompleted.includes('municipalCurator'); // true
 */
export const defaultProgrammeAuthority: AuthorityTable<ProgrammeEvent['type']> = {
  activityStarted: ['curator', 'municipalCurator', ...HEADS, 'methodicalCouncil'],
  activityDone: ['curator', 'municipalCurator', ...HEADS, 'methodicalCouncil'],
  deliverableRecorded: ['curator', 'municipalCurator', ...HEADS, 'methodicalCouncil'],
  stageCompleted: ['curator', 'municipalCurator', ...HEADS],
  checkpointHeld: ['curator', 'municipalCurator', ...HEADS, 'methodicalCouncil'],
};
