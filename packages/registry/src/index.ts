/**
 * @nastavnik/registry — import and export of the registries a school keeps
 * for the target model of mentorship: the mentor bank, the mentee bank with
 * requests, consents and pairs, from and to XLSX and CSV as Russian Excel
 * writes them, with row-level errors in Russian and nothing lost.
 *
 * @packageDocumentation
 * @module @nastavnik/registry
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
export { buildRegistryTemplate, type ExportOptions, exportRegistry } from './exportRegistry';
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
