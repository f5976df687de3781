/**
 * @nastavnik/machines — xstate v5 statecharts where the rules of the seeds
 * live: a mentoring pair (consents → order → meetings in sequence → plan →
 * completion or early termination) and a programme cycle driven by a roadmap.
 *
 * @packageDocumentation
 * @module @nastavnik/machines
 */
export {
  type AttentionDigest,
  attentionDigest,
  type DigestOptions,
  type DigestSubject,
  type DigestViewer,
  visibleFindings,
} from './attention/digest';
export {
  type AttentionFinding,
  type AttentionInput,
  type AttentionSeverity,
  type FindingOf,
  findAttention,
  type WaitingMentee,
} from './attention/findings';
export {
  type AttentionPolicy,
  type AttentionPolicyInput,
  AttentionPolicySchema,
  type AttentionRole,
  AttentionRoleSchema,
  attentionPolicy,
  defaultAttentionPolicy,
  type EscalationStep,
  EscalationStepSchema,
} from './attention/policy';
export { type Reminder, reminderSchedule, type SentReminder } from './attention/reminders';
export {
  type AttentionCode,
  type AttentionReasons,
  attentionActions,
  attentionTexts,
} from './attention/texts';
export { defaultPairAuthority, defaultProgrammeAuthority } from './authority';
export { type PairEventType, type PairPhase, pairEventLabels, pairPhaseLabels } from './labels';
export {
  defaultFormMentors,
  defaultMeetingSequence,
  type MeetingSequence,
  meetingSequences,
  type OpeningMeeting,
} from './meetingSequence';
export {
  type ActivityStatus,
  findPairOverdue,
  findProgrammeOverdue,
  type PairOverdue,
  type ProgrammeOverdue,
  programmeActivityStatus,
} from './overdue';
export {
  defaultPairPolicy,
  type PairConsent,
  type PairContext,
  type PairPlanItem,
  type PairPolicy,
} from './pairContext';
export {
  type PairActor,
  PairActorSchema,
  type PairEvent,
  type PairEventInput,
  PairEventSchema,
  type PairParticipant,
  PairParticipantSchema,
} from './pairEvents';
export { pairMachine } from './pairMachine';
export {
  createPairSnapshot,
  type PairSnapshot,
  type PairSnapshotOptions,
  type PairStateValue,
  pairPhase,
} from './pairSnapshot';
export { type PairReportStatus, pairReportStatus } from './pairStatus';
export {
  type PairReplayResult,
  type PairTransitionResult,
  pairTransition,
  parsePairEvent,
  replayPair,
  replayPairUntrusted,
} from './pairTransition';
export {
  migratePairSnapshot,
  migrateProgrammeSnapshot,
  type PersistedPair,
  type PersistedProgramme,
  pairSnapshotMigrations,
  persistPair,
  persistProgramme,
  programmeSnapshotMigrations,
  SNAPSHOT_VERSION,
  type SnapshotMigrations,
} from './persistence';
export type { PlainSnapshot } from './plainSnapshot';
export type {
  CheckpointSpec,
  ProgrammeActivity,
  ProgrammeContext,
  ProgrammePolicy,
  StageGate,
} from './programmeContext';
export { type ProgrammeEvent, type ProgrammeEventInput, ProgrammeEventSchema } from './programmeEvents';
export { programmeMachine } from './programmeMachine';
export { type ProgrammePreset, programmePresets } from './programmePresets';
export {
  createProgrammeSnapshot,
  type ProgrammeSetup,
  type ProgrammeSnapshot,
  type ProgrammeSnapshotOptions,
  type ProgrammeStateValue,
} from './programmeSnapshot';
export {
  type ProgrammeReplayResult,
  type ProgrammeTransitionResult,
  parseProgrammeEvent,
  programmeTransition,
  replayProgramme,
  replayProgrammeUntrusted,
} from './programmeTransition';
export {
  type PairRefusalCode,
  type ProgrammeRefusalCode,
  pairRefusalTexts,
  programmeRefusalTexts,
  type Refusal,
  type RefusalParams,
} from './refusal';
export { type ReplayItem, type ReplayOutcome, replayMany } from './replayMany';
export { type MermaidOptions, toMermaid } from './toMermaid';
export { workloadEntriesFromPairs } from './workloadEntries';
