import {
  fail,
  type IsoDate,
  IsoDateSchema,
  type IssuePath,
  type PairInput,
  PairSchema,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { type PairState, pairTable } from './_internal/pairReducer';
import { keepParticipant } from './_internal/pairRules';
import { PairPolicySchema } from './_internal/pairSchemas';
import type { PairPhase } from './labels';
import { defaultPairPolicy, type PairContext, type PairPolicy } from './pairContext';
import { type PairParticipant, PairParticipantSchema } from './pairEvents';
import type { PlainSnapshot } from './plainSnapshot';

registerCatalogue();

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

/** @internal The stored snapshot of a reducer state. */
export function pairSnapshotOf(state: PairState): PairSnapshot {
  const node = pairTable().states.get(state.phase);
  if (node === undefined) throw unknownState();
  return {
    status: node.final ? 'done' : 'active',
    value: node.value as PairStateValue,
    context: state.context,
    children: {},
    historyValue: {},
    output: undefined,
    error: undefined,
  };
}

/**
 * @internal The reducer state of a snapshot, checked for its shape: a
 * `NastavnikError` at `path` (never a TypeError) when it is not a pair's.
 */
export function pairStateOf(snapshot: unknown, path: IssuePath): PairState {
  if (!isRecord(snapshot) || !isRecord(snapshot.context)) {
    throw fail('invalid_type', path, { expected: 'pairSnapshot' });
  }
  return {
    phase: phaseOf(snapshot.value, [...path, 'value']),
    context: snapshot.context as unknown as PairContext,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const unknownState = (path: IssuePath = ['value']) => fail('invalid_value', path, { reason: 'pairState' });

/** Whether two state values are the same (strings, or one-key objects down to a string). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (!isRecord(a) || !isRecord(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === 1 && kb.length === 1 && ka[0] === kb[0] && sameValue(a[ka[0] as string], b[kb[0] as string])
  );
}

function phaseOf(v: unknown, path: IssuePath): PairPhase {
  let phase: unknown = v;
  if (isRecord(v)) {
    const keys = Object.keys(v);
    phase = keys.length === 1 ? v[keys[0] as string] : undefined;
  }
  if (typeof phase !== 'string') throw unknownState(path);
  const node = pairTable().states.get(phase);
  // The value must be the one the machine has for that phase (a group and its phase).
  if (node === undefined || !sameValue(node.value, v)) throw unknownState(path);
  return phase as PairPhase;
}

/**
 * The phase of a pair: the atomic state of {@link pairMachine}.
 *
 * @category Pair machine
 * @example
 * pairPhase(createPairSnapshot(pair, options)); // 'collectingConsents'
 */
export function pairPhase(snapshot: Pick<PairSnapshot, 'value'>): PairPhase {
  if (!isRecord(snapshot)) throw unknownState([]);
  return phaseOf(snapshot.value, ['value']);
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
      throw fail('unknown_reference', path, { ref: 'pairParticipant', id });
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
    departures: [],
    withdrawals: [],
    termination: null,
    completedAt: null,
    createdAt: o.date,
    lastDate: o.date,
    eventCount: 0,
  };
  return pairSnapshotOf({ phase: 'collectingConsents', context });
}
