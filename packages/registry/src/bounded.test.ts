import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChildRun, runChild } from '../../../scripts/testing/runChild';

const SCRIPT = fileURLToPath(new URL('./__fixtures__/bounded.ts', import.meta.url));
const HEAP_MB = 256;

interface Outcome {
  outcome: 'result' | 'error';
  code?: string;
  params?: Record<string, unknown>;
  totals?: { read: number; accepted: number; rejected: number; empty: number };
  batches?: number;
  ms: number;
}

/**
 * Each crafted input ends in a result or a typed error, within its time
 * (`ms`, the import alone, before the fix 8–26 s or never) and within a
 * 256 MB heap (the child dies otherwise), on a shared machine.
 */
const EXPECT: ReadonlyArray<[string, Partial<Outcome>, number]> = [
  [
    'csv: 40,000 blank lines around the header',
    { outcome: 'result', totals: { read: 1, accepted: 1, rejected: 0, empty: 40_000 } },
    4000,
  ],
  [
    'csv: a 32,768-character quoted cell',
    {
      outcome: 'error',
      code: 'too_big',
      params: { limit: 'maxCellLength', maxCellLength: 32_767, row: 2, column: 'A' },
    },
    2000,
  ],
  [
    'csv: 1,000,000 separators on one line',
    { outcome: 'error', code: 'too_big', params: { limit: 'columns', maxColumns: 16_384, row: 2 } },
    2000,
  ],
  [
    'xlsx: data in rows 2 and 150,000',
    { outcome: 'result', totals: { read: 2, accepted: 2, rejected: 0, empty: 149_997 } },
    4000,
  ],
  [
    'xlsx: 40,000 formatted empty rows before the header',
    { outcome: 'result', totals: { read: 1, accepted: 1, rejected: 0, empty: 0 } },
    8000,
  ],
  [
    'xlsx: a 480,000-character shared string in 60 cells',
    { outcome: 'error', code: 'too_big', params: { limit: 'maxCellLength', maxCellLength: 32_767 } },
    2000,
  ],
  [
    'xlsx: the same with maxCellLength 500,000',
    { outcome: 'result', totals: { read: 60, accepted: 0, rejected: 60, empty: 0 } },
    4000,
  ],
  [
    'xlsx: zip bomb, one 300 MB cell',
    { outcome: 'error', code: 'too_big', params: { limit: 'maxCellLength', maxCellLength: 32_767 } },
    2000,
  ],
  [
    'xlsx: zip bomb, 56 MB of markup over maxUnpackedBytes 16 MB',
    {
      outcome: 'error',
      code: 'too_big',
      params: { limit: 'maxUnpackedBytes', maxUnpackedBytes: 16 * 1024 * 1024 },
    },
    8000,
  ],
  ['xlsx: a part that unpacks to more than it declares', { outcome: 'error', code: 'invalid_format' }, 2000],
  [
    'xlsx: a part that declares 4 GB',
    { outcome: 'error', code: 'too_big', params: { limit: 'maxUnpackedBytes', maxUnpackedBytes: 1024 ** 3 } },
    1000,
  ],
  [
    'xlsx: a consumer that takes 2.5 s per batch',
    { outcome: 'result', totals: { read: 20, accepted: 20, rejected: 0, empty: 0 }, batches: 3 },
    12_000,
  ],
];

describe('crafted imports in a child process: a result or a typed error, bounded time and memory', () => {
  // Every crafted case in one child process with a 256 MB heap and a deadline.
  let run: ChildRun<Outcome & { name: string }>;
  beforeAll(async () => {
    run = await runChild(
      SCRIPT,
      EXPECT.map(([name]) => name),
      HEAP_MB,
      240_000,
    );
  }, 250_000);

  it('the child process ends normally, within its heap and deadline', () => {
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(EXPECT)('%s', (name, expected, maxMs) => {
    const out = run.lines.find((o) => o.name === name);
    expect(out).toMatchObject(expected);
    expect(out?.ms).toBeLessThan(maxMs);
  });
});
