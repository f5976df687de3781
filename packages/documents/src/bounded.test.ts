import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runChild } from '../../../scripts/testing/runChild';

const SCRIPT = fileURLToPath(new URL('./__fixtures__/bounded.ts', import.meta.url));
const HEAP_MB = 256;

interface Outcome {
  readonly name: string;
  readonly outcome: 'result' | 'error';
  readonly code?: string;
  readonly ms: number;
}

/**
 * Each entry that takes a size from outside (core's questionnaire scales,
 * recurrence periods and due texts; the documents' builders and renderers)
 * ends in a result or a typed error, in bounded time, within a 256 MB heap.
 * Before `_internal/documentBounds.ts`, a cell spanning 1,000,000,000
 * columns (now read as the table's width by every renderer, as HTML already
 * did) and a 5,000,000-character cell (now `too_big`) ran the child out of
 * memory (signal 6).
 */
const CASES: ReadonlyArray<[string, Partial<Outcome>]> = [
  [
    'a questionnaire scale of 100,000,000 points, through the form and every renderer',
    { outcome: 'error', code: 'too_big' },
  ],
  ['random scales through the form and every renderer', { outcome: 'result' }],
  ['a weekly recurrence over 2000–9999', { outcome: 'error', code: 'too_big' }],
  ['random periods and recurrences', { outcome: 'result' }],
  ['a due text of 1,000,000 characters', { outcome: 'error', code: 'too_big' }],
  ['a table cell spanning 1,000,000,000 columns, through every renderer', { outcome: 'result' }],
  ['a 5,000,000-character table cell, through every renderer', { outcome: 'error', code: 'too_big' }],
  ['an ordinary table, through every renderer', { outcome: 'result' }],
];

describe('bounded: sizes from outside give a result or a typed error, within 256 MB and a deadline (child process)', () => {
  for (const [name, expected] of CASES) {
    it(name, async () => {
      const r = await runChild<Outcome>(SCRIPT, [name], HEAP_MB, 60_000);
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      expect(r.lines.at(-1)).toMatchObject({ name, ...expected });
    }, 90_000);
  }
});
