import { fail, registerMessages, solverMessagesEn, solverMessagesRu } from '@nastavnik/core';

registerMessages(solverMessagesRu, solverMessagesEn);

// The package's errors come from core's catalogue: code, path and typed params.
export { fail };

/** Throw `aborted` when the caller's signal fired. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw fail('aborted', []);
  }
}
