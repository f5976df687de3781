import { type NastavnikError, type NastavnikErrorCode, nastavnikError } from '@nastavnik/core';

/** Build the package's errors in one place (codes from core, Russian first). */
export function fail(
  code: NastavnikErrorCode,
  path: ReadonlyArray<string | number>,
  message: string,
  messageEn: string,
  params?: Readonly<Record<string, string | number | boolean>>,
): NastavnikError {
  return nastavnikError(code, path, message, messageEn, params);
}

/** Throw `aborted` when the caller's signal fired. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw fail('aborted', [], 'Подбор пар прерван', 'Matching was aborted');
  }
}
