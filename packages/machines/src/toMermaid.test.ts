import { readFileSync } from 'node:fs';
import { pairMachine, programmeMachine, toMermaid } from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function block(name: string): string | undefined {
  const m = new RegExp(`<!-- diagram:${name} -->\\s*\`\`\`mermaid\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  return m?.[1];
}

describe('toMermaid', () => {
  it('draws every state and transition of the pair machine, guards included', () => {
    const d = toMermaid(pairMachine);
    expect(d.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const s of [
      'collectingConsents',
      'consented',
      'awaitingTrial',
      'active',
      'closing',
      'completed',
      'terminated',
    ]) {
      expect(d).toContain(`state "${s}"`);
    }
    expect(d).toContain(
      'pair_running_active --> pair_running_closing : meetingHeld [allowed and isFinalMeeting]',
    );
    expect(toMermaid(pairMachine, { hideGuards: ['allowed'] })).toContain(
      'pair_running_active --> pair_running_closing : meetingHeld [isFinalMeeting]',
    );
  });

  it('draws parallel regions with separators', () => {
    const d = toMermaid(programmeMachine, { hideGuards: ['allowed'] });
    expect(d.match(/^ {4}--$/gm)).toHaveLength(2);
    expect(d).toContain(
      'programme_continuous_running --> programme_continuous_closed : always [continuousAllDone]',
    );
  });

  it('matches the diagrams in the README (regenerate them if this fails)', () => {
    expect(block('pair')).toBe(toMermaid(pairMachine, { hideGuards: ['allowed'] }));
    expect(block('programme')).toBe(toMermaid(programmeMachine, { hideGuards: ['allowed'] }));
  });
});
