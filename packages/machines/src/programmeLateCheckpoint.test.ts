import {
  createProgrammeSnapshot,
  type ProgrammeSnapshot,
  programmePresets,
  programmeTransition,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

// Seed 001, item 2.6: «Промежуточный мониторинг влияния программы на наставляемых по итогам этапа — Январь».
// A checkpoint held after its window is accepted (the monitoring did happen) and flagged `late: true`;
// one held within the window is not flagged; one held before the window is refused.
const by = { role: 'curator' as const };
const start = (): ProgrammeSnapshot =>
  createProgrammeSnapshot(programmePresets.prokopyevsk001, {
    date: '2023-08-01',
    period: { academicYear: '2023-2024' },
  });

function held(s: ProgrammeSnapshot, date: string, checkpointId = 'interim-jan') {
  return programmeTransition(s, { type: 'checkpointHeld', date, by, checkpointId });
}

describe('programme machine: late checkpoints (001 2.6, January monitoring)', () => {
  it('the January checkpoint of 001 2.6 has the window of January 2024', () => {
    const c = start().context.checkpoints.find((x) => x.id === 'interim-jan');
    expect(c).toMatchObject({ start: '2024-01-01', end: '2024-01-31', heldAt: null, late: false });
  });

  it('held in May (001 2.6 says January): accepted and flagged late', () => {
    const r = held(start(), '2024-05-15');
    expect(r.refused).toBeUndefined();
    const c = r.snapshot.context.checkpoints.find((x) => x.id === 'interim-jan');
    expect(c).toMatchObject({ heldAt: '2024-05-15', late: true });
    // The other checkpoints are untouched.
    expect(r.snapshot.context.checkpoints.filter((x) => x.id !== 'interim-jan').every((x) => !x.late)).toBe(
      true,
    );
  });

  it('held on the last day of January: on time', () => {
    const r = held(start(), '2024-01-31');
    expect(r.snapshot.context.checkpoints.find((x) => x.id === 'interim-jan')).toMatchObject({ late: false });
  });

  it('held the day after the window closes: late', () => {
    const r = held(start(), '2024-02-01');
    expect(r.snapshot.context.checkpoints.find((x) => x.id === 'interim-jan')).toMatchObject({ late: true });
  });

  it('held before January: refused, not flagged', () => {
    expect(held(start(), '2023-12-20').refused?.code).toBe('checkpoint_too_early');
  });

  it('a late checkpoint cannot be held a second time to clear the flag', () => {
    const once = held(start(), '2024-03-01').snapshot;
    expect(held(once, '2024-03-02').refused?.code).toBe('checkpoint_already_held');
    expect(once.context.checkpoints.find((x) => x.id === 'interim-jan')?.late).toBe(true);
  });
});
