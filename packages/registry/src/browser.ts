/**
 * @nastavnik/registry/browser — the registry's import, duplicate search and
 * consent check without a Node built-in: for a browser (or a worker, Deno,
 * Bun, an edge runtime) that reads an `<input type="file">` or a `fetch`
 * body. XLSX and CSV (UTF-8, UTF-16, Windows-1251) are read by the same code
 * as in Node: the same records, the same row issues, the same limits.
 *
 * Everything of the main entry but the export: `exportRegistry` and
 * `buildRegistryTemplate` are Node-only and stay in the main entry (they write
 * the workbook with exceljs); `exportableRecords`, the export's consent
 * filter, is here.
 *
 * @example
 * import { importRegistry } from '@nastavnik/registry/browser';
 *
 * input.addEventListener('change', async () => {
 *   const file = input.files?.[0];
 *   if (!file) return;
 *   const result = await importRegistry(file, { kind: 'mentors', organizationId: 'lyceum-7' });
 *   show(result.records, result.rejected);
 * });
 *
 * @packageDocumentation
 * @module @nastavnik/registry/browser
 */

export { type ConsentCheck, flagConsentGaps } from './consentGaps';
export type {
  DuplicateGroup,
  DuplicateReason,
  MergeConflict,
  MergePolicy,
  MergeResult,
  RegistryOccurrence,
} from './duplicates';
export { findDuplicates, mergeRegistries } from './duplicates';
export { type ExportConsentCheck, exportableRecords } from './exportConsent';
export { type RegistryField, redactIssues, registryFields } from './helpers';
export { importRegistry, importRegistryStream, type RegistryInput } from './importRegistry';
export type {
  ColumnBinding,
  ImportBatch,
  ImportOptions,
  ImportResult,
  ImportSource,
  ImportTotals,
  ImportWarning,
  ImportWarningCode,
  MenteeRecord,
  MentorRecord,
  RegistryCatalogues,
  RegistryKind,
  RegistryRecordOf,
  RegistryRecords,
  RowIssue,
  RowIssueCode,
  RowPlace,
} from './types';
