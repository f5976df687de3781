import { isNastavnikError } from '@nastavnik/core';
import {
  migratePairSnapshot,
  pairMachine,
  pairPhase,
  pairTransition,
  programmeTransition,
  replayMany,
  replayPair,
  replayPairUntrusted,
  replayProgramme,
  toMermaid,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { candidates, makeWorld } from './__fixtures__/pairWorld';

/** What a call threw: a NastavnikError's code and path, or the other error's name. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isNastavnikError(e)
      ? `${e.code} ${JSON.stringify(e.issues[0]?.path)}`
      : `raw ${(e as Error).name}`;
  }
  return 'nothing';
}

async function thrownAsync(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    return isNastavnikError(e)
      ? `${e.code} ${JSON.stringify(e.issues[0]?.path)}`
      : `raw ${(e as Error).name}`;
  }
  return 'nothing';
}

// A JavaScript caller, or data cast from JSON, can pass anything (#21, item 11).
const any = (v: unknown) => v as never;

describe('public functions validate their arguments: a typed NastavnikError, never a TypeError', () => {
  const { initial } = makeWorld();
  const event = candidates(initial, 0)[0]!;

  it('pairPhase, pairTransition, replayPair with a missing or broken snapshot', () => {
    expect(thrown(() => pairPhase(any(null)))).toBe('invalid_value []');
    expect(thrown(() => pairPhase(any({ value: { forming: 'nowhere' } })))).toBe('invalid_value ["value"]');
    expect(thrown(() => pairTransition(any(null), event))).toBe('invalid_type ["snapshot"]');
    expect(thrown(() => pairTransition(any({ value: 'completed' }), event))).toBe(
      'invalid_type ["snapshot"]',
    );
    expect(
      thrown(() => pairTransition(any({ ...initial, context: { ...initial.context, consents: 7 } }), event)),
    ).toBe('invalid_input ["snapshot"]');
    expect(thrown(() => replayPair(any(undefined), []))).toBe('invalid_type ["initial"]');
    expect(thrown(() => replayPair(initial, any(null)))).toBe('invalid_type ["events"]');
    expect(thrown(() => replayPair(initial, any([null])))).toBe('invalid_input ["events",0]');
    expect(
      thrown(() =>
        replayPair(initial, any([{ type: 'consentRecorded', date: '2023-09-02', by: { role: 'curator' } }])),
      ),
    ).toBe('invalid_input ["events",0]');
    expect(thrown(() => replayPairUntrusted(initial, any({})))).toBe('invalid_type ["events"]');
    expect(thrown(() => replayPairUntrusted(initial, [{ type: 'orderIsued' }]))).toMatch(/\["events",0/);
  });

  it('programmeTransition and replayProgramme with a missing snapshot', () => {
    const e = {
      type: 'stageCompleted',
      date: '2023-09-30',
      by: { role: 'curator' },
      stage: 'preparation',
    } as const;
    expect(thrown(() => programmeTransition(any(null), e))).toBe('invalid_type ["snapshot"]');
    expect(thrown(() => replayProgramme(any(42), []))).toBe('invalid_type ["initial"]');
  });

  it('toMermaid without a machine or with broken options', () => {
    expect(thrown(() => toMermaid(any(null)))).toBe('invalid_type ["machine"]');
    expect(thrown(() => toMermaid(pairMachine, any(null)))).toBe('invalid_type ["options"]');
    expect(thrown(() => toMermaid(pairMachine, any({ hideGuards: 'allowed' })))).toBe(
      'invalid_type ["options"]',
    );
    expect(toMermaid(pairMachine)).toMatch(/^stateDiagram-v2/);
  });

  it('replayMany: items out of order, without an id, or of an unknown kind', async () => {
    const drain = async (items: unknown[]) => {
      for await (const _ of replayMany(any(items))) {
        // drained
      }
    };
    expect(await thrownAsync(() => drain([null]))).toBe('invalid_input ["source",0]');
    expect(await thrownAsync(() => drain([{ id: 'a', event }]))).toBe('invalid_input ["source",0]');
    expect(
      await thrownAsync(() =>
        drain([
          { kind: 'pair', id: 'a', initial },
          { id: 'b', event },
        ]),
      ),
    ).toBe('invalid_input ["source",1]');
    expect(await thrownAsync(() => drain([{ kind: 'robot', id: 'a', initial }]))).toBe(
      'invalid_input ["source",0]',
    );
    expect(await thrownAsync(() => drain([{ kind: 'pair', id: 'a', initial: null }]))).toBe(
      'invalid_type ["source",0,"initial"]',
    );
  });

  it('migratePairSnapshot refuses a compact snapshot of another layout', () => {
    expect(
      thrown(() => migratePairSnapshot({ version: 2, layout: '00000000', phase: 'active', context: [] })),
    ).toBe('invalid_value ["stored","layout"]');
  });
});
