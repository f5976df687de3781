import fc from 'fast-check';

// Property tests explore fresh random cases on every local run. In CI the seed
// is fixed (override with FC_SEED) so that a run is reproducible: a red CI is
// a real counterexample to fix, never a roll of the dice.
if (process.env.CI) {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20231001) });
}
