import {
  type IssueParamsArg,
  type ProgrammeStage,
  ProgrammeStageSchema,
  requiredRoles,
} from '@nastavnik/core';
import { match } from 'ts-pattern';
import { defaultProgrammeAuthority } from '../authority';
import type { ProgrammeActivity, ProgrammeContext } from '../programmeContext';
import type { ProgrammeEvent } from '../programmeEvents';
import { makeRefusal, type ProgrammeRefusalCode, type Refusal } from '../refusal';

export type ProgrammeRefusal = Refusal<ProgrammeRefusalCode>;

const refuse = <C extends ProgrammeRefusalCode>(code: C, ...params: IssueParamsArg<C>): ProgrammeRefusal =>
  makeRefusal(code, ...params) as ProgrammeRefusal;

export const STAGES: readonly ProgrammeStage[] = ProgrammeStageSchema.options;

export function stageIndex(stage: ProgrammeStage | 'closed'): number {
  return stage === 'closed' ? STAGES.length : STAGES.indexOf(stage);
}

export function continuousAllDone(ctx: ProgrammeContext): boolean {
  return ctx.activities.every((a) => !a.continuous || a.status === 'done');
}

export function checkpointsAllHeld(ctx: ProgrammeContext): boolean {
  return ctx.checkpoints.every((c) => c.heldAt !== null);
}

export function isClosed(ctx: ProgrammeContext): boolean {
  return ctx.stage === 'closed' && continuousAllDone(ctx) && checkpointsAllHeld(ctx);
}

function produced(ctx: ProgrammeContext, kind: string, activityId?: string): boolean {
  return ctx.deliverables.some(
    (d) => d.kind === kind && (activityId === undefined || d.activityId === activityId),
  );
}

function activityRule(ctx: ProgrammeContext, a: ProgrammeActivity): ProgrammeRefusal | null {
  if (a.status === 'done') return refuse('activity_already_done', { activityId: a.id });
  if (!a.continuous && ctx.stage === 'closed') return refuse('programme_closed');
  if (
    ctx.policy.strictStageOrder &&
    !a.continuous &&
    ctx.stage !== 'closed' &&
    stageIndex(a.stage) > stageIndex(ctx.stage)
  ) {
    return refuse('stage_not_reached', { stage: a.stage, current: ctx.stage });
  }
  return null;
}

/** The one source of the programme rules: why `event` is refused, or null when accepted. */
export function explainProgrammeEvent(ctx: ProgrammeContext, event: ProgrammeEvent): ProgrammeRefusal | null {
  if (isClosed(ctx)) return refuse('programme_closed');
  if (event.date < ctx.lastDate)
    return refuse('date_before_previous', { date: event.date, previous: ctx.lastDate });
  const roles = requiredRoles(ctx.policy.authority ?? defaultProgrammeAuthority, event.type) ?? [];
  if (!roles.includes(event.by.role)) return refuse('not_authorized', { required: roles.join(', ') });
  return match(event)
    .returnType<ProgrammeRefusal | null>()
    .with({ type: 'activityStarted' }, (e) => {
      const a = ctx.activities.find((x) => x.id === e.activityId);
      if (!a) return refuse('unknown_activity', { activityId: e.activityId });
      if (a.status === 'inProgress') return refuse('activity_already_started', { activityId: a.id });
      return activityRule(ctx, a);
    })
    .with({ type: 'activityDone' }, (e) => {
      const a = ctx.activities.find((x) => x.id === e.activityId);
      if (!a) return refuse('unknown_activity', { activityId: e.activityId });
      const r = activityRule(ctx, a);
      if (r) return r;
      for (const kind of a.deliverables) {
        if (!produced(ctx, kind, a.id) && !e.deliverables.some((d) => d.kind === kind)) {
          return refuse('deliverable_missing', { activityId: a.id, kind });
        }
      }
      return null;
    })
    .with({ type: 'deliverableRecorded' }, (e) => {
      if (e.activityId !== undefined && !ctx.activities.some((x) => x.id === e.activityId)) {
        return refuse('unknown_activity', { activityId: e.activityId });
      }
      return null;
    })
    .with({ type: 'stageCompleted' }, (e) => {
      if (ctx.stage === 'closed') return refuse('programme_closed');
      if (e.stage !== ctx.stage) return refuse('stage_mismatch', { expected: ctx.stage, got: e.stage });
      const gate = ctx.policy.gates[e.stage];
      for (const kind of gate.deliverables) {
        if (!produced(ctx, kind)) return refuse('gate_deliverable_missing', { stage: e.stage, kind });
      }
      const required =
        gate.activities === 'none'
          ? []
          : gate.activities === 'stage'
            ? ctx.activities.filter((a) => a.stage === e.stage && !a.continuous)
            : ctx.activities.filter((a) => (gate.activities as readonly string[]).includes(a.id));
      const open = required.find((a) => a.status !== 'done');
      if (open) return refuse('gate_activity_open', { stage: e.stage, activityId: open.id });
      if (e.stage === 'completion' && ctx.policy.closeRequiresAllActivities) {
        const left = ctx.activities.filter((a) => !a.continuous && a.status !== 'done');
        if (left.length > 0) {
          return refuse('activities_open', {
            count: left.length,
            ids: left
              .slice(0, 5)
              .map((a) => a.id)
              .join(', '),
          });
        }
      }
      return null;
    })
    .with({ type: 'checkpointHeld' }, (e) => {
      const c = ctx.checkpoints.find((x) => x.id === e.checkpointId);
      if (!c) return refuse('unknown_checkpoint', { checkpointId: e.checkpointId });
      if (c.heldAt !== null) return refuse('checkpoint_already_held', { checkpointId: c.id });
      if (e.date < c.start) return refuse('checkpoint_too_early', { checkpointId: c.id, from: c.start });
      return null;
    })
    .exhaustive();
}

function setActivity(
  ctx: ProgrammeContext,
  id: string,
  f: (a: ProgrammeActivity) => ProgrammeActivity,
): readonly ProgrammeActivity[] {
  return ctx.activities.map((a) => (a.id === id ? f(a) : a));
}

/** The programme's context after an accepted event. Pure. */
export function applyProgrammeEvent(ctx: ProgrammeContext, event: ProgrammeEvent): ProgrammeContext {
  const next: ProgrammeContext = { ...ctx, lastDate: event.date, eventCount: ctx.eventCount + 1 };
  return match(event)
    .returnType<ProgrammeContext>()
    .with({ type: 'activityStarted' }, (e) => ({
      ...next,
      activities: setActivity(ctx, e.activityId, (a) => ({ ...a, status: 'inProgress', startedAt: e.date })),
    }))
    .with({ type: 'activityDone' }, (e) => ({
      ...next,
      activities: setActivity(ctx, e.activityId, (a) => ({
        ...a,
        status: 'done',
        startedAt: a.startedAt ?? e.date,
        doneAt: e.date,
      })),
      deliverables: [
        ...ctx.deliverables,
        ...e.deliverables.map((d) => ({
          kind: d.kind,
          activityId: e.activityId,
          date: e.date,
          ref: d.ref ?? null,
        })),
      ],
    }))
    .with({ type: 'deliverableRecorded' }, (e) => ({
      ...next,
      deliverables: [
        ...ctx.deliverables,
        { kind: e.kind, activityId: e.activityId ?? null, date: e.date, ref: e.ref ?? null },
      ],
    }))
    .with({ type: 'stageCompleted' }, (e) => ({
      ...next,
      stage: STAGES[stageIndex(e.stage) + 1] ?? 'closed',
      stageHistory: [...ctx.stageHistory, { stage: e.stage, completedAt: e.date, by: e.by.role }],
    }))
    .with({ type: 'checkpointHeld' }, (e) => ({
      ...next,
      // Held after its window: accepted, and flagged late (001 2.6: monitoring at fixed points).
      checkpoints: ctx.checkpoints.map((c) =>
        c.id === e.checkpointId ? { ...c, heldAt: e.date, late: e.date > c.end } : c,
      ),
    }))
    .exhaustive();
}
