import type {
  Catalogue,
  Consent,
  ConsentPolicy,
  IsoDate,
  MenteeWithProfile,
  MentorWithProfile,
  NastavnikErrorCode,
  NastavnikIssue,
  Pair,
  Person,
} from '@nastavnik/core';

/**
 * The four registries a school keeps (001 3.2, 002 2.3, 003 §3.4, 004 §1–2):
 * the mentor bank, the mentee bank with requests, consents, and pairs.
 *
 * @category Registry
 * @example
 * const kind: RegistryKind = 'mentees';
 */
export type RegistryKind = 'mentors' | 'mentees' | 'consents' | 'pairs';

/**
 * One line of the mentor registry: core's `MentorWithProfile`, the person and
 * their mentor profile (`profile.personId === person.id`).
 *
 * @deprecated Use `MentorWithProfile` from `@nastavnik/core` (the one `{ person, profile }` type; the
 * indicators' `MentorRecord` is a different, flat dataset row); this alias goes in the next minor release.
 * @category Registry
 * @example
 * const r: MentorWithProfile = { person, profile }; // instead of MentorRecord
 */
export type MentorRecord = MentorWithProfile;

/**
 * One mentee of the mentee registry with all their requests (a mentee with
 * several requests takes several consecutive rows in a spreadsheet): core's
 * `MenteeWithProfile`.
 *
 * @deprecated Use `MenteeWithProfile` from `@nastavnik/core` (the one `{ person, profile }` type); this
 * alias goes in the next minor release.
 * @category Registry
 * @example
 * const r: MenteeWithProfile = { person, profile }; // instead of MenteeRecord
 */
export type MenteeRecord = MenteeWithProfile;

/**
 * The record type of each registry kind.
 *
 * @category Registry
 * @example
 * type Row = RegistryRecordOf<'pairs'>; // Pair
 */
export interface RegistryRecords {
  mentors: MentorWithProfile;
  mentees: MenteeWithProfile;
  consents: Consent;
  pairs: Pair;
}

/**
 * The record type of a registry kind.
 *
 * @category Registry
 * @example
 * const rows: RegistryRecordOf<'mentors'>[] = result.records;
 */
export type RegistryRecordOf<K extends RegistryKind> = RegistryRecords[K];

/**
 * Codes of row-level problems: codes of core's one catalogue
 * (`NastavnikErrorCode`), the schema's and the spreadsheet's alike
 * (`date_invalid`, `number_invalid`, `catalogue_unknown`, `name_incomplete`,
 * `name_initials_only`, `ambiguous_reference`, …).
 *
 * @category Import
 * @example
 * const code: RowIssueCode = 'date_invalid';
 */
export type RowIssueCode = NastavnikErrorCode;

/**
 * Where a row issue sits in the file.
 *
 * @category Import
 * @example
 * const place: RowPlace = { row: 7, column: 'D', header: 'Дата рождения', field: 'birthDate' };
 */
export interface RowPlace {
  /** Row number as the spreadsheet shows it (1-based; for CSV, the record number). */
  readonly row: number;
  /** Column letter as the spreadsheet shows it (`A`, `B`, … `AA`), when the problem is in one cell. */
  readonly column?: string;
  /** The header of that column as written in the file. */
  readonly header?: string;
  /** The registry field the column was mapped to. */
  readonly field?: string;
  /** The cell content. Personal data: for the uploading school only, never for logs. */
  readonly value?: string;
}

/**
 * One problem in one row, for the curator of the school that uploaded the
 * file: core's `NastavnikIssue` (a `code` of the one catalogue, a `path` —
 * the registry field, typed `params`, and the Russian `message` and English
 * `messageEn` from the catalogue, naming the column by its header) plus
 * where it sits in the file ({@link RowPlace}). `value` holds the cell
 * content as it was in the file: it may be personal data, so this report goes
 * back to the uploading school only and must not be written to logs
 * (`message` and `messageEn` never contain values; use {@link redactIssues}
 * before logging).
 *
 * @category Import
 * @example
 * const issue: RowIssue = {
 *   row: 7, column: 'D', header: 'Дата рождения', field: 'birthDate', value: '31.02.1990',
 *   code: 'date_invalid', path: ['birthDate'], params: {},
 *   message: 'Не удалось распознать дату…', messageEn: 'Cannot read the date…',
 * };
 */
export type RowIssue<C extends RowIssueCode = RowIssueCode> = NastavnikIssue<C> & RowPlace;

/**
 * Codes of warnings: things the importer changed or noticed without
 * rejecting a row.
 *
 * @category Import
 * @example
 * const code: ImportWarningCode = 'lookalikes_replaced';
 */
export type ImportWarningCode =
  | 'lookalikes_replaced'
  | 'yo_replaced'
  | 'two_digit_year'
  | 'column_ignored'
  | 'column_duplicated'
  | 'rows_before_header'
  | 'value_defaulted'
  | 'value_derived'
  | 'possible_duplicate'
  | 'continuation_differs'
  | 'sheet_skipped'
  | 'formula_result_used'
  | 'consent_gap'
  | 'consents_not_checked';

/**
 * A warning: a change the importer made (Latin look-alikes replaced, a
 * default applied) or something the curator should check (a possible
 * duplicate). Never contains cell values.
 *
 * @category Import
 * @example
 * const w: ImportWarning = { code: 'lookalikes_replaced', row: 5, column: 'B', header: 'ФИО',
 *   message: 'Латинские буквы в кириллическом тексте заменены на русские', messageEn: 'Latin look-alike letters replaced' };
 */
export interface ImportWarning {
  readonly code: ImportWarningCode;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly message: string;
  readonly messageEn: string;
  /** Typed extras (row numbers, counts), never personal data. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Row counts. Always `read === accepted + rejected`; empty rows inside the
 * table are counted apart (trailing empty rows after the last filled row are
 * not rows of the registry and are not counted).
 *
 * @category Import
 * @example
 * const { read, accepted, rejected, empty } = result.totals;
 */
export interface ImportTotals {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly empty: number;
}

/**
 * How a column of the file was understood.
 *
 * @category Import
 * @example
 * result.columns.find((c) => c.field === 'birthDate')?.column; // 'D'
 */
export interface ColumnBinding {
  readonly column: string;
  readonly header: string;
  /** The registry field, or `null` for a column that was not recognised (reported as a warning). */
  readonly field: string | null;
}

/**
 * What the importer found out about the file.
 *
 * @category Import
 * @example
 * result.source.format; // 'csv'
 * result.source.encoding; // 'windows-1251'
 */
export interface ImportSource {
  readonly format: 'xlsx' | 'csv';
  readonly encoding?: 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
  readonly separator?: string;
  readonly sheet?: string;
  /** Rows taken as headers (one, or two for a header with merged cells). */
  readonly headerRows: readonly number[];
  readonly columns: readonly ColumnBinding[];
}

/**
 * The result of importing a registry: valid records, row-level problems,
 * totals that always add up, warnings.
 *
 * @category Import
 * @example
 * const result = await importRegistry(bytes, { kind: 'mentors', organizationId: 'lyceum-7' });
 * result.records.length; result.totals; result.rejected[0]?.message;
 */
export interface ImportResult<T> {
  readonly records: T[];
  /** `rows[i]` is the spreadsheet row `records[i]` came from (the first row, for a mentee with several requests). */
  readonly rows: number[];
  /** Problems of the rejected rows; a row may have several. */
  readonly rejected: RowIssue[];
  readonly totals: ImportTotals;
  readonly warnings: ImportWarning[];
  /** Row numbers of empty rows inside the table. */
  readonly emptyRows: number[];
  readonly source: ImportSource;
}

/**
 * A batch of {@link importRegistryStream}: the records finished since the
 * previous batch, the problems found, totals of this batch and cumulative.
 *
 * @category Import
 * @example
 * for await (const batch of importRegistryStream(stream, options)) await save(batch.records);
 */
export interface ImportBatch<T> {
  readonly records: T[];
  readonly rows: number[];
  readonly rejected: RowIssue[];
  readonly warnings: ImportWarning[];
  readonly emptyRows: number[];
  /** Counts of this batch. */
  readonly totals: ImportTotals;
  /** Counts from the start of the file up to and including this batch. */
  readonly cumulative: ImportTotals;
  readonly source: ImportSource;
  /** `true` on the last batch. */
  readonly done: boolean;
}

/**
 * Catalogues to recognise values against, when a region extends the shipped
 * ones (`extendCatalogue` of `@nastavnik/core`).
 *
 * @category Import
 * @example
 * const catalogues: RegistryCatalogues = { formats: extendCatalogue(mentorshipFormats, [{ id: 'project', label: { ru: 'проектное', en: 'project' } }]) };
 */
export interface RegistryCatalogues {
  readonly competences?: Catalogue;
  readonly forms?: Catalogue;
  readonly formats?: Catalogue;
  readonly menteeGroups?: Catalogue;
}

/**
 * Options of {@link importRegistry} and {@link importRegistryStream}.
 *
 * @category Import
 * @example
 * const options: ImportOptions<'mentees'> = { kind: 'mentees', organizationId: 'lyceum-7', requestDate: '2023-09-01' };
 */
export interface ImportOptions<K extends RegistryKind = RegistryKind> {
  readonly kind: K;
  /** The school the file comes from; a «Код ОО» column overrides it row by row. */
  readonly organizationId: string;
  /** Sniffed from the bytes when absent (`PK` → XLSX). */
  readonly format?: 'xlsx' | 'csv';
  /**
   * CSV only; sniffed when absent: a BOM (UTF-8, or UTF-16 as Excel's «Unicode text» writes it),
   * UTF-16 by its zero bytes, then strict UTF-8, else Windows-1251.
   */
  readonly encoding?: 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
  /** CSV only; sniffed from the header line when absent (`;`, `,` or tab). */
  readonly separator?: ';' | ',' | '\t';
  /** Extra header names: header text → field key (see `registryFields(kind)`). */
  readonly columns?: Readonly<Record<string, string>>;
  /** XLSX: the sheet to read, by name or 1-based position; by default the first sheet with a recognisable header. */
  readonly sheet?: string | number;
  /** Prefix of ids made for rows without an id column (default: `<organizationId>-<kind>`); the row number is appended. */
  readonly idPrefix?: string;
  /** Rows per batch of the stream (default 1000). */
  readonly batchSize?: number;
  /** Two-digit years below this are 20xx, others 19xx (default 40: «31.08.23» → 2023, «12.05.75» → 1975). */
  readonly twoDigitYearPivot?: number;
  /** Replace Ё with Е in names and texts (some regional systems require it); a warning says where. Default `false`. */
  readonly normalizeYo?: boolean;
  /** Mentees: the date for requests whose row has no «Дата запроса» (functions never read the clock). */
  readonly requestDate?: IsoDate;
  /** Consents and pairs: people to resolve «ФИО» columns against when there is no id column. */
  readonly persons?: readonly Person[];
  readonly catalogues?: RegistryCatalogues;
  /** Stop with a `too_big` error after this many filled rows (default 1 000 000). */
  readonly maxRows?: number;
  /**
   * The longest cell, in characters, in CSV and XLSX alike (default 32 767, Excel's own limit);
   * a longer cell stops the import with a `too_big` error naming its row and column.
   */
  readonly maxCellLength?: number;
  /**
   * The most bytes of spreadsheet data read: the file itself for CSV, the unpacked XML of the
   * workbook for XLSX (default 1 GiB). Beyond it the import stops with a `too_big` error: a
   * zip bomb is refused by its size, before it is unpacked.
   */
  readonly maxUnpackedBytes?: number;
  /**
   * Mentors and mentees: check every imported person against the consent
   * policy (152-ФЗ ст. 9; 004 §1) — their consents, the date, and the policy
   * (core's `defaultConsentPolicy` unless a region passes its own). A person
   * without what the policy requires for the registry gets a row-level
   * `consent_gap` warning per missing consent; the row is kept. Absent: one
   * file-level `consents_not_checked` warning says the check did not run.
   */
  readonly consentCheck?: {
    readonly consents: readonly Consent[];
    readonly date: IsoDate;
    readonly policy?: ConsentPolicy;
  };
}
