/**
 * For tests that must survive what no caller could catch (a heap overflow, a
 * hang): run a fixture script in a child process with a small heap and a
 * deadline, sources resolved as in the tests, and read the JSON lines it prints.
 */
import { spawn } from 'node:child_process';

/** What the child did: its exit status, the JSON lines it printed, the tail of its stderr. */
export interface ChildRun<T> {
  readonly status: number | null;
  readonly lines: readonly T[];
  readonly err: string;
}

/** Runs `script` with `args` under `--max-old-space-size=heapMb`, killed after `deadlineMs`. */
export function runChild<T>(
  script: string,
  args: readonly string[],
  heapMb: number,
  deadlineMs: number,
): Promise<ChildRun<T>> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${heapMb}`,
        '--import',
        'tsx',
        '--conditions',
        'nastavnik-source',
        script,
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      const lines = stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as T);
      resolve({ status, lines, err: stderr.slice(-1500) });
    });
  });
}
