import {
  type IssueParamsArg,
  type ProgrammeStage,
  ProgrammeStageSchema,
  requiredRoles,
} from '@nastavnik/core';
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
  switch (event.type) {
    case 'activityStarted': {
      const e = event;
      const a = findActivity(ctx, e.activityId);
      if (!a) return refuse('unknown_activity', { activityId: e.activityId });
      if (a.status === 'inProgress') return refuse('activity_already_started', { activityId: a.id });
      return activityRule(ctx, a);
    }
    case 'activityDone': {
      const e = event;
      const a = findActivity(ctx, e.activityId);
      if (!a) return refuse('unknown_activity', { activityId: e.activityId });
      const r = activityRule(ctx, a);
      if (r) return r;
      for (const kind of a.deliverables) {
        if (!produced(ctx, kind, a.id) && !e.deliverables.some((d) => d.kind === kind)) {
          return refuse('deliverable_missing', { activityId: a.id, kind });
        }
      }
      return null;
    }
    case 'deliverableRecorded': {
      const e = event;
      if (e.activityId !== undefined && findActivity(ctx, e.activityId) === undefined) {
        return refuse('unknown_activity', { activityId: e.activityId });
      }
      return null;
    }
    case 'stageCompleted': {
      const e = event;
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
    }
    case 'checkpointHeld': {
      const e = event;
      let c: ProgrammeContext['checkpoints'][number] | undefined;
      for (const x of ctx.checkpoints) {
        if (x.id === e.checkpointId) {
          c = x;
          break;
        }
      }
      if (!c) return refuse('unknown_checkpoint', { checkpointId: e.checkpointId });
      if (c.heldAt !== null) return refuse('checkpoint_already_held', { checkpointId: c.id });
      if (e.date < c.start) return refuse('checkpoint_too_early', { checkpointId: c.id, from: c.start });
      return null;
    }
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A programme context whose arrays the caller owns: {@link applyProgrammeEventIn} changes them in place. */
export type ProgrammeDraft = Writable<ProgrammeContext>;

/** The programme's context after an accepted event. Pure: copies what the event changes. */
export function applyProgrammeEvent(ctx: ProgrammeContext, event: ProgrammeEvent): ProgrammeContext {
  const d: ProgrammeDraft = { ...ctx };
  switch (event.type) {
    case 'activityStarted':
      d.activities = [...ctx.activities];
      break;
    case 'activityDone':
      d.activities = [...ctx.activities];
      d.deliverables = [...ctx.deliverables];
      break;
    case 'deliverableRecorded':
      d.deliverables = [...ctx.deliverables];
      break;
    case 'stageCompleted':
      d.stageHistory = [...ctx.stageHistory];
      break;
    case 'checkpointHeld':
      d.checkpoints = [...ctx.checkpoints];
      break;
  }
  applyProgrammeEventIn(d, event);
  return d;
}

/**
 * The one place that says what an accepted event changes: applied to a draft
 * in place (its arrays must be the caller's own, as {@link applyProgrammeEvent}
 * and the replay's working state make them).
 */
export function applyProgrammeEventIn(d: ProgrammeDraft, event: ProgrammeEvent): void {
  d.lastDate = event.date;
  d.eventCount++;
  switch (event.type) {
    case 'activityStarted':
      setActivity(d, event.activityId, (a) => ({ ...a, status: 'inProgress', startedAt: event.date }));
      return;
    case 'activityDone': {
      setActivity(d, event.activityId, (a) => ({
        ...a,
        status: 'done',
        startedAt: a.startedAt ?? event.date,
        doneAt: event.date,
      }));
      const deliverables = d.deliverables as Writable<ProgrammeContext['deliverables']>;
      for (const x of event.deliverables) {
        deliverables.push({
          kind: x.kind,
          activityId: event.activityId,
          date: event.date,
          ref: x.ref ?? null,
        });
      }
      return;
    }
    case 'deliverableRecorded':
      (d.deliverables as Writable<ProgrammeContext['deliverables']>).push({
        kind: event.kind,
        activityId: event.activityId ?? null,
        date: event.date,
        ref: event.ref ?? null,
      });
      return;
    case 'stageCompleted':
      d.stage = STAGES[stageIndex(event.stage) + 1] ?? 'closed';
      (d.stageHistory as Writable<ProgrammeContext['stageHistory']>).push({
        stage: event.stage,
        completedAt: event.date,
        by: event.by.role,
      });
      return;
    case 'checkpointHeld': {
      // Held after its window: accepted, and flagged late (001 2.6: monitoring at fixed points).
      const checkpoints = d.checkpoints as Writable<ProgrammeContext['checkpoints']>;
      for (let i = 0; i < checkpoints.length; i++) {
        const c = checkpoints[i] as ProgrammeContext['checkpoints'][number];
        if (c.id === event.checkpointId)
          checkpoints[i] = { ...c, heldAt: event.date, late: event.date > c.end };
      }
      return;
    }
  }
}

function setActivity(d: ProgrammeDraft, id: string, f: (a: ProgrammeActivity) => ProgrammeActivity): void {
  const activities = d.activities as ProgrammeActivity[];
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i] as ProgrammeActivity;
    if (a.id === id) activities[i] = f(a);
  }
}

function findActivity(ctx: ProgrammeContext, id: string): ProgrammeActivity | undefined {
  for (const a of ctx.activities) if (a.id === id) return a;
  return undefined;
}
