// Replay of a pair's stored log over a mutable working state. The rules are
// the ones of `pairRules` (`explainPairEvent` decides every event, the
// statechart's compiled transitions the next phase) — nothing here decides
// whether an event is accepted. What differs from `reducePair` is how the
// context changes: the working state owns its arrays and the hot events
// (consents, meetings, plan items, feedback, surveys) append in place
// instead of copying the context per event; the rest go through
// `applyPairEvent`. One guard, `consentsCompleteAfter`, is answered early
// when a required consent has not even been recorded (the judge would say
// «missing» too). Property tests hold the result to `reducePair` and to an
// xstate actor, event by event, refusals included.
import { type ConsentPurpose, fail, registerCatalogue } from '@nastavnik/core';
import type { PairPhase } from '../labels';
import type { PairContext, PairPlanItem } from '../pairContext';
import type { PairEvent } from '../pairEvents';
import { pairMachine } from '../pairMachine';
import { pairEventIndex, pairEventTypes } from './pairEventTypes';
import type { PairState } from './pairReducer';
import {
  applyPairEvent,
  consentsCompleteAfter,
  explainPairEvent,
  type PairRefusal,
  participants,
  requiredPurposes,
  toPairConsent,
} from './pairRules';
import { type CompiledMachine, type CompiledTransition, compileMachine } from './xstate';

registerCatalogue();

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Context = Writable<PairContext>;
type Transition = CompiledTransition<PairWork, PairEvent>;

/** Per phase, by event number (`pairEventIndex`): the candidate transitions, from the statechart. */
let byPhase: Map<string, ReadonlyArray<readonly Transition[] | undefined>> | undefined;

function transitionsOf(phase: string): ReadonlyArray<readonly Transition[] | undefined> {
  if (byPhase === undefined) {
    const compiled: CompiledMachine<PairWork, PairEvent> = compileMachine<PairWork, PairEvent>(
      pairMachine,
      'apply',
      ['allowed'],
      { consentsCompleteAfter: (w, e) => w.consentsCompleteAfter(e) },
      (w) => w.context,
    );
    byPhase = new Map(
      [...compiled.transitions].map(([p, m]) => [p, pairEventTypes.map((t) => m.get(t))] as const),
    );
  }
  return byPhase.get(phase) ?? [];
}

/**
 * A pair being replayed: the phase and a context this object owns (its
 * arrays are copies, appended to in place). `context` is a valid
 * `PairContext` after every step; take it with {@link PairWork.state} once
 * the log is done.
 */
export class PairWork {
  phase: PairPhase;
  readonly context: Context;
  /** The required (person, purpose) pairs; whether a consent of each has been recorded; how many have none. */
  private readonly requiredPerson: string[] = [];
  private readonly requiredPurpose: ConsentPurpose[] = [];
  private readonly recorded: boolean[] = [];
  private uncovered = 0;

  constructor(start: PairState) {
    this.phase = start.phase;
    const ctx = { ...start.context };
    // Owned copies of the arrays appended to in place (the caller's snapshot is never changed).
    ctx.consents = [...ctx.consents];
    ctx.meetings = [...ctx.meetings];
    ctx.feedback = [...ctx.feedback];
    ctx.finalSurveys = [...ctx.finalSurveys];
    if (ctx.programme) ctx.programme = { ...ctx.programme, plan: [...ctx.programme.plan] };
    this.context = ctx;
    this.indexConsents();
  }

  /** The state reached: the working context itself (the replay is done with it). */
  state(): PairState {
    return { phase: this.phase, context: this.context };
  }

  /** One event: null when accepted (the state moved on), or the refusal (the state is unchanged). */
  step(event: PairEvent): PairRefusal | null {
    const ctx = this.context;
    const refused = explainPairEvent(this.phase, ctx, event);
    if (refused) return refused;
    const candidates = transitionsOf(this.phase)[pairEventIndex(event.type)];
    if (candidates !== undefined) {
      for (const t of candidates) {
        if (t.guard === null || t.guard(this, event)) {
          if (t.assigns) this.apply(event);
          if (t.target !== null) this.phase = t.target as PairPhase;
          return null;
        }
      }
    }
    // The rules accepted what the statechart has no transition for: a bug, not the caller's fault.
    throw fail('internal', ['event', 'type'], {
      reason: 'machineRejectedValidEvent',
      event: event.type,
      phase: this.phase,
    });
  }

  /** Whether every required consent is in force after the event (the statechart's guard). */
  consentsCompleteAfter(event: PairEvent): boolean {
    if (event.type === 'consentRecorded') {
      const i = this.requiredIndex(event.consent.personId, event.consent.purpose);
      const newlyRecorded = i >= 0 && !this.recorded[i] ? 1 : 0;
      if (this.uncovered - newlyRecorded > 0) return false;
    }
    return consentsCompleteAfter(this.context, event);
  }

  private apply(event: PairEvent): void {
    const ctx = this.context;
    switch (event.type) {
      case 'consentRecorded': {
        (ctx.consents as PairContext['consents'][number][]).push(toPairConsent(event.consent));
        this.cover(event.consent.personId, event.consent.purpose);
        break;
      }
      case 'meetingHeld': {
        const m = event.meeting;
        (ctx.meetings as PairContext['meetings'][number][]).push(
          m.durationMinutes === undefined
            ? { id: m.id, kind: m.kind, date: m.date }
            : { id: m.id, kind: m.kind, date: m.date, durationMinutes: m.durationMinutes },
        );
        break;
      }
      case 'planItemDone': {
        const plan = ctx.programme?.plan as PairPlanItem[] | undefined;
        if (plan === undefined) {
          this.applyByRules(event);
          return;
        }
        for (let i = 0; i < plan.length; i++) {
          const item = plan[i] as PairPlanItem;
          if (item.id === event.itemId) plan[i] = { ...item, doneAt: event.date };
        }
        break;
      }
      case 'feedbackSubmitted':
        (ctx.feedback as PairContext['feedback'][number][]).push({
          respondentId: event.respondentId,
          date: event.date,
        });
        break;
      case 'finalSurveySubmitted':
        (ctx.finalSurveys as PairContext['finalSurveys'][number][]).push({
          respondentId: event.respondentId,
          date: event.date,
        });
        break;
      default:
        this.applyByRules(event);
        return;
    }
    ctx.lastDate = event.date;
    ctx.eventCount++;
  }

  /**
   * The context update of `applyPairEvent`, merged as xstate's `assign` does.
   * It returns new arrays for what it changes (or keeps ours), so the
   * arrays this object appends to stay its own.
   */
  private applyByRules(event: PairEvent): void {
    Object.assign(this.context, applyPairEvent(this.context, event));
    if (event.type === 'mentorReplaced' || event.type === 'menteeAdded' || event.type === 'menteeRemoved') {
      this.indexConsents();
    }
  }

  /** Which consents the participants need, and which of those have been recorded. */
  private indexConsents(): void {
    const ctx = this.context;
    this.requiredPerson.length = 0;
    this.requiredPurpose.length = 0;
    this.recorded.length = 0;
    for (const p of participants(ctx)) {
      const role = p === ctx.mentor ? 'mentor' : 'mentee';
      for (const purpose of requiredPurposes(ctx.policy, p, role)) {
        if (this.requiredIndex(p.id, purpose) >= 0) continue;
        this.requiredPerson.push(p.id);
        this.requiredPurpose.push(purpose);
        this.recorded.push(false);
      }
    }
    this.uncovered = this.recorded.length;
    for (const c of ctx.consents) this.cover(c.personId, c.purpose);
  }

  private requiredIndex(personId: string, purpose: ConsentPurpose): number {
    for (let i = 0; i < this.requiredPerson.length; i++) {
      if (this.requiredPerson[i] === personId && this.requiredPurpose[i] === purpose) return i;
    }
    return -1;
  }

  private cover(personId: string, purpose: ConsentPurpose): void {
    const i = this.requiredIndex(personId, purpose);
    if (i >= 0 && !this.recorded[i]) {
      this.recorded[i] = true;
      this.uncovered--;
    }
  }
}
