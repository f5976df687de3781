import {
  type IsoDate,
  IsoDateSchema,
  nastavnikError,
  type PairInput,
  PairSchema,
  parse,
} from '@nastavnik/core';
import type { SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { keepParticipant } from './_internal/pairRules';
import { PairPolicySchema } from './_internal/pairSchemas';
import type { PairPhase } from './labels';
import { defaultPairPolicy, type PairContext, type PairPolicy } from './pairContext';
import { type PairParticipant, PairParticipantSchema } from './pairEvents';
import { pairMachine } from './pairMachine';
import type { PlainSnapshot } from './plainSnapshot';

/**
 * The state value of {@link pairMachine}: a group (`forming`, `running`)
 * with its phase, or a final state.
 *
 * @category Pair machine
 * @example
 * const v: PairStateValue = { running: 'active' };
 */
export type PairStateValue =
  | { readonly forming: 'collectingConsents' | 'consented' }
  | {
      readonly running:
        | 'awaitingOrganizational'
        | 'awaitingTrial'
        | 'awaitingPlanning'
        | 'awaitingProgramme'
        | 'active'
        | 'closing';
    }
  | 'completed'
  | 'terminated';

/**
 * A pair's state as an xstate persisted snapshot: plain JSON (dates as ISO
 * strings, `null` for absent values), accepted by
 * `createActor(pairMachine, { snapshot })` and by {@link pairTransition}.
 * Store it with {@link persistPair}, which adds the format version.
 *
 * @category Pair machine
 * @example
 * const s: PairSnapshot = createPairSnapshot(pair, options);
 * JSON.parse(JSON.stringify(s)); // deep-equal to s
 */
export type PairSnapshot = PlainSnapshot<PairStateValue, PairContext>;

/**
 * Options of {@link createPairSnapshot}.
 *
 * @category Pair machine
 * @example
 * const o: PairSnapshotOptions = { date: '2023-09-01', participants: [{ id: 't-7', category: 'teacher' }, { id: 't-2', category: 'teacher' }] };
 */
export interface PairSnapshotOptions {
  /** The date the pair is proposed (by matching or by the curator). */
  readonly date: IsoDate;
  /** The mentor and every mentee: id, category, and the birth date for pupils (minors need a parent). */
  readonly participants: ReadonlyArray<z.input<typeof PairParticipantSchema>>;
  /** Which consents and final surveys are required; {@link defaultPairPolicy} by default. */
  readonly policy?: PairPolicy;
}

const OptionsSchema = z.object({
  date: IsoDateSchema,
  participants: z.array(PairParticipantSchema).min(2),
  policy: PairPolicySchema.optional(),
});

type LiveSnapshot = SnapshotFrom<typeof pairMachine>;
// A stored snapshot and the live xstate snapshot it was made from, so that
// chained transitions need not resolve the state nodes again.
const live = new WeakMap<PairSnapshot, LiveSnapshot>();

/** @internal The live xstate snapshot of a stored pair snapshot. */
export function restorePair(s: PairSnapshot): LiveSnapshot {
  let m = live.get(s);
  if (!m) {
    m = pairMachine.resolveState({ value: s.value, context: s.context });
    live.set(s, m);
  }
  return m;
}

/** @internal The stored form of a live snapshot (shares the immutable context). */
export function persistLive(m: LiveSnapshot): PairSnapshot {
  const s: PairSnapshot = {
    status: m.status === 'done' ? 'done' : 'active',
    value: m.value as PairStateValue,
    context: m.context,
    children: {},
    historyValue: {},
    output: undefined,
    error: undefined,
  };
  live.set(s, m);
  return s;
}

/**
 * @internal The stored form of a live snapshot, not linked to it (replays of
 * many pairs keep only the plain snapshots in memory).
 */
export function unlinkedPersist(m: LiveSnapshot): PairSnapshot {
  return {
    status: m.status === 'done' ? 'done' : 'active',
    value: m.value as PairStateValue,
    context: m.context,
    children: {},
    historyValue: {},
    output: undefined,
    error: undefined,
  };
}

/**
 * The phase of a pair: the atomic state of {@link pairMachine}.
 *
 * @category Pair machine
 * @example
 * pairPhase(createPairSnapshot(pair, options)); // 'collectingConsents'
 */
export function pairPhase(snapshot: Pick<PairSnapshot, 'value'>): PairPhase {
  const v = snapshot.value;
  if (v === 'completed' || v === 'terminated') return v;
  if (typeof v === 'object' && v !== null) {
    if ('forming' in v && typeof v.forming === 'string') return v.forming;
    if ('running' in v && typeof v.running === 'string') return v.running;
  }
  throw nastavnikError('invalid_value', ['value'], 'Неизвестное состояние пары', 'Unknown pair state value');
}

/**
 * The snapshot of a newly proposed pair (by matching or by the curator):
 * phase `collectingConsents`. Validates the pair with core's `PairSchema` and
 * keeps only what the rules need from the participants (ids, categories,
 * birth dates of pupils and minors).
 *
 * @category Pair machine
 * @throws NastavnikError on invalid input, or `unknown_reference` when a
 *   participant of the pair is not described.
 * @example
 * const s = createPairSnapshot(
 *   { id: 'pair-1', organizationId: 'lyceum-7', mentorId: 't-7', menteeIds: ['p-2'],
 *     form: 'studentStudent', formats: ['traditional'], origin: 'mutualChoice' },
 *   { date: '2023-09-20', participants: [
 *     { id: 't-7', category: 'pupil', birthDate: '2006-02-01' },
 *     { id: 'p-2', category: 'pupil', birthDate: '2011-05-10' } ] },
 * );
 */
export function createPairSnapshot(pair: PairInput, options: PairSnapshotOptions): PairSnapshot {
  const p = parse(PairSchema, pair, ['pair']);
  const o = parse(OptionsSchema, options, ['options']);
  const find = (id: string, path: Array<string | number>): PairParticipant => {
    const found = o.participants.find((x) => x.id === id);
    if (!found) {
      throw nastavnikError(
        'unknown_reference',
        path,
        `Участник ${id} пары не описан в options.participants`,
        `Participant ${id} of the pair is not described in options.participants`,
      );
    }
    return keepParticipant(found, o.date);
  };
  const context: PairContext = {
    pairId: p.id,
    organizationId: p.organizationId,
    mentor: find(p.mentorId, ['pair', 'mentorId']),
    mentees: p.menteeIds.map((id, i) => find(id, ['pair', 'menteeIds', i])),
    form: p.form,
    formats: p.formats,
    policy: o.policy ?? defaultPairPolicy,
    consents: [],
    order: null,
    meetings: [],
    programme: null,
    feedback: [],
    finalSurveys: [],
    mentorHistory: [],
    formChanges: [],
    termination: null,
    completedAt: null,
    createdAt: o.date,
    lastDate: o.date,
    eventCount: 0,
  };
  return persistLive(pairMachine.resolveState({ value: { forming: 'collectingConsents' }, context }));
}
