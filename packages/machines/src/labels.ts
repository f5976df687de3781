// The words of the pair's phases and events live in core, where the one message catalogue names
// them in a refusal; the machines re-export them where an integrator looks for them.
export { type PairEventType, type PairPhase, pairEventLabels, pairPhaseLabels } from '@nastavnik/core';
