import type {
  AuthorityTable,
  DeliverableKind,
  DuePeriod,
  IsoDate,
  LocalizedText,
  ParticipantRole,
  ProgrammeStage,
} from '@nastavnik/core';
import type { ProgrammeEvent } from './programmeEvents';

/**
 * What must be in hand to leave a stage: deliverables (orders, registries,
 * reports) and, optionally, activities done — `'stage'` for every activity
 * of the stage, or a list of activity ids.
 *
 * @category Programme machine
 * @example
 * const gate: StageGate = { deliverables: ['pairsOrder'], activities: 'none' };
 */
export interface StageGate {
  readonly deliverables: readonly DeliverableKind[];
  readonly activities: 'none' | 'stage' | readonly string[];
}

/**
 * A monitoring checkpoint: a month of the period (January interim; December
 * and May), resolved to a window of days when the programme is created.
 *
 * @category Programme machine
 * @example
 * const c: CheckpointSpec = { id: 'interim-jan', month: 1, label: { ru: 'Промежуточный мониторинг', en: 'Interim monitoring' } };
 */
export interface CheckpointSpec {
  readonly id: string;
  readonly month: number;
  readonly label: LocalizedText;
}

/**
 * How hard the rules of a programme are: a policy, not code, because the seeds
 * differ (001 trains mentors in November, after pairs form in September; 004
 * trains them in August, before).
 *
 * @category Programme machine
 * @example
 * const policy: ProgrammePolicy = { ...programmePresets.rassvet003.policy, strictStageOrder: true };
 */
export interface ProgrammePolicy {
  /** Exit gate of each of the seven stages. */
  readonly gates: { readonly [S in ProgrammeStage]: StageGate };
  readonly checkpoints: readonly CheckpointSpec[];
  /** When true, an activity of a later stage may not start or finish before its stage is reached. */
  readonly strictStageOrder: boolean;
  /** When true, the completion stage is not left while a (non-continuous) activity is not done. */
  readonly closeRequiresAllActivities: boolean;
  /** Who may record each event; `defaultProgrammeAuthority` when absent. */
  readonly authority?: AuthorityTable<ProgrammeEvent['type']> | undefined;
}

/**
 * A roadmap activity as the programme tracks it: its stage, whether it runs
 * throughout the period (in the `continuous` region), its deliverables, its
 * resolved deadline, and its status.
 *
 * @category Programme machine
 * @example
 * const a: ProgrammeActivity = snapshot.context.activities[0]!;
 * a.status; // 'planned' | 'inProgress' | 'done'
 */
export interface ProgrammeActivity {
  readonly id: string;
  readonly stage: ProgrammeStage;
  readonly continuous: boolean;
  readonly deliverables: readonly DeliverableKind[];
  /** First day of its first window, or null (as needed, by schedule…). */
  readonly start: IsoDate | null;
  /** Last day of its last window (core `dueDeadline`), or null: never overdue. */
  readonly deadline: IsoDate | null;
  readonly status: 'planned' | 'inProgress' | 'done';
  readonly startedAt: IsoDate | null;
  readonly doneAt: IsoDate | null;
}

/**
 * The context of {@link programmeMachine}. JSON-serialisable.
 *
 * @category Programme machine
 * @example
 * const ctx: ProgrammeContext = snapshot.context;
 * ctx.stage; // 'pairFormation'
 */
export interface ProgrammeContext {
  readonly roadmapId: string;
  readonly period: DuePeriod;
  readonly policy: ProgrammePolicy;
  /** The current stage (mirrors the `stages` region), or `closed`. */
  readonly stage: ProgrammeStage | 'closed';
  readonly activities: readonly ProgrammeActivity[];
  readonly deliverables: ReadonlyArray<{
    readonly kind: DeliverableKind;
    readonly activityId: string | null;
    readonly date: IsoDate;
    readonly ref: string | null;
  }>;
  readonly checkpoints: ReadonlyArray<{
    readonly id: string;
    readonly label: LocalizedText;
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly heldAt: IsoDate | null;
    /** Held after the end of its window: accepted, and flagged. */
    readonly late: boolean;
  }>;
  readonly stageHistory: ReadonlyArray<{
    readonly stage: ProgrammeStage;
    readonly completedAt: IsoDate;
    readonly by: ParticipantRole;
  }>;
  readonly createdAt: IsoDate;
  readonly lastDate: IsoDate;
  readonly eventCount: number;
}
