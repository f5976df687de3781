import { FIELDS } from './_internal/fields';
import type { RegistryKind, RowIssue } from './types';

/**
 * A column a registry recognises: its field key (for the `columns` option),
 * the canonical Russian header, and the header variants accepted on import.
 *
 * @category Import
 * @example
 * const f: RegistryField = registryFields('mentors')[0];
 */
export interface RegistryField {
  readonly key: string;
  readonly header: string;
  readonly headerEn: string;
  readonly variants: readonly string[];
  readonly required: boolean;
  readonly multi: boolean;
  /** Written by export and the template (false: recognised on import only, e.g. «ФИО»). */
  readonly exported: boolean;
}

/**
 * The columns of a registry kind, with the header variants recognised on
 * import (matching ignores case, Ё/Е, punctuation and «*» marks).
 *
 * @category Import
 * @example
 * registryFields('mentors').find((f) => f.key === 'experienceYears')?.variants; // ['стаж', 'педагогический стаж', …]
 */
export function registryFields(kind: RegistryKind): readonly RegistryField[] {
  return (FIELDS[kind] ?? []).map((f) => ({
    key: f.key,
    header: f.header,
    headerEn: f.headerEn,
    variants: f.variants,
    required: f.required ?? false,
    multi: f.multi ?? false,
    exported: f.exported,
  }));
}

/**
 * The row issues without the cell values, for logs and statistics (the
 * values may be personal data and belong to the uploading school only).
 *
 * @category Import
 * @example
 * logger.info({ issues: redactIssues(result.rejected) });
 */
export function redactIssues(issues: readonly RowIssue[]): Omit<RowIssue, 'value'>[] {
  return issues.map(({ value: _value, ...rest }) => rest);
}
