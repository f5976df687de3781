// Type-level tests (checked by the package's `tsc`; vitest's typecheck mode
// reads the same file): the hand-written state-value types are the machines'
// own, and the pure API is typed by the event unions.
import { expectTypeOf, test } from 'vitest';
import type { SnapshotFrom, StateValueFrom } from 'xstate';
import {
  type PairEvent,
  type PairPhase,
  type PairSnapshot,
  type PairStateValue,
  type ProgrammeSnapshot,
  type ProgrammeStateValue,
  type pairMachine,
  pairTransition,
  type programmeMachine,
  programmeTransition,
  replayPair,
} from './index';

/** The state names at the leaves of a state value type (xstate's types are partial objects). */
type Leaves<V> = V extends string
  ? V
  : V extends object
    ? { [K in keyof V]-?: Leaves<NonNullable<V[K]>> }[keyof V]
    : never;
/** The names of the compound states of a state value type. */
type Groups<V> = V extends object ? keyof V : never;
type Atomic<V> = Exclude<Leaves<V>, Groups<V>>;

type PairValue = StateValueFrom<typeof pairMachine>;
type ProgrammeValue = Extract<StateValueFrom<typeof programmeMachine>, object>;

test('PairStateValue and PairPhase are the pair machine’s', () => {
  expectTypeOf<PairStateValue>().toMatchTypeOf<PairValue>();
  expectTypeOf<PairPhase>().toEqualTypeOf<Atomic<PairValue>>();
  expectTypeOf<Atomic<PairStateValue>>().toEqualTypeOf<Atomic<PairValue>>();
  expectTypeOf<Groups<PairStateValue>>().toEqualTypeOf<Groups<PairValue>>();
  expectTypeOf<SnapshotFrom<typeof pairMachine>['context']>().toEqualTypeOf<PairSnapshot['context']>();
});

test('ProgrammeStateValue is the programme machine’s, region by region', () => {
  expectTypeOf<ProgrammeStateValue>().toMatchTypeOf<StateValueFrom<typeof programmeMachine>>();
  expectTypeOf<keyof ProgrammeStateValue>().toEqualTypeOf<keyof ProgrammeValue>();
  expectTypeOf<ProgrammeStateValue['continuous']>().toEqualTypeOf<
    NonNullable<ProgrammeValue['continuous']>
  >();
  expectTypeOf<ProgrammeStateValue['monitoring']>().toEqualTypeOf<
    NonNullable<ProgrammeValue['monitoring']>
  >();
  type Stages = NonNullable<ProgrammeValue['stages']>;
  expectTypeOf<Atomic<ProgrammeStateValue['stages']>>().toEqualTypeOf<Atomic<Stages>>();
  expectTypeOf<SnapshotFrom<typeof programmeMachine>['context']>().toEqualTypeOf<
    ProgrammeSnapshot['context']
  >();
});

test('the pure transitions are typed by their event unions', () => {
  const s = {} as PairSnapshot;
  const typo = { type: 'orderIsued', date: '2023-09-25', by: { role: 'head' } } as const;
  const programmeEvent = {
    type: 'stageCompleted',
    date: '2023-09-30',
    by: { role: 'curator' },
    stage: 'preparation',
  } as const;
  const p = {} as ProgrammeSnapshot;
  const programmeTypo = { type: 'stageComplete', date: '2023-09-30', by: { role: 'curator' } } as const;
  // @ts-expect-error a misspelt event type does not compile
  pairTransition(s, typo);
  // @ts-expect-error nor does a programme event sent to a pair
  pairTransition(s, programmeEvent);
  // @ts-expect-error a misspelt programme event
  programmeTransition(p, programmeTypo);
  programmeTransition(p, programmeEvent);
  // @ts-expect-error a stored log of unknown shape goes through replayPairUntrusted
  replayPair(s, [] as unknown[]);
  expectTypeOf(replayPair).parameter(1).toEqualTypeOf<readonly PairEvent[]>();
});
