import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runChild } from '../../../scripts/testing/runChild';

const SCRIPT = fileURLToPath(new URL('./__fixtures__/fuzzChild.ts', import.meta.url));

/**
 * Stored snapshots, stored event logs, attention policies and toMermaid's
 * arguments filled with random JSON-like values (long strings and arrays, huge
 * numbers among them): every call returns or throws a NastavnikError, within a
 * 256 MB heap and a deadline, in a child process (#21: bounded time and memory
 * measured where an abort cannot take the test runner with it).
 */
const CASES = [
  'stored pair snapshots',
  'stored event logs',
  'attention over junk, with junk policies',
  'toMermaid with anything in place of the machine or its options',
];

describe('fuzz in a child process: machines entries give a result or a typed error, within 256 MB', () => {
  for (const name of CASES) {
    it(name, async () => {
      const r = await runChild<{ name: string; calls: number; typed: number; heapMb: number }>(
        SCRIPT,
        [name],
        256,
        60_000,
      );
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      expect(r.lines[0]?.name).toBe(name);
      expect(r.lines[0]?.calls).toBeGreaterThan(0);
      // most junk is refused: the fuzz reaches the validation, not only the happy path
      expect(r.lines[0]?.typed).toBeGreaterThan((r.lines[0]?.calls ?? 0) / 2);
    }, 90_000);
  }
});
