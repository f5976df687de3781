/**
 * A machine snapshot as plain JSON data: the state value and the context,
 * with xstate's bookkeeping fields fixed (no child actors, no history, no
 * output or error). Both machines' snapshots have this shape, so they can be
 * stored as they are and restored into an actor.
 *
 * @category Persistence
 * @example
 * const stored: PlainSnapshot<unknown, unknown> = JSON.parse(JSON.stringify(pairSnapshot));
 */
export interface PlainSnapshot<TValue, TContext> {
  readonly status: 'active' | 'done';
  readonly value: TValue;
  readonly context: TContext;
  readonly children: Readonly<Record<string, never>>;
  readonly historyValue: Readonly<Record<string, never>>;
  /** Always `undefined` (dropped by JSON; present for xstate's `Snapshot` type). */
  readonly output: undefined;
  /** Always `undefined` (dropped by JSON; present for xstate's `Snapshot` type). */
  readonly error: undefined;
}
