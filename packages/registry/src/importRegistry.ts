import {
  ConsentPolicySchema,
  ConsentSchema,
  fail,
  IsoDateSchema,
  type NastavnikError,
  type Person,
  parse,
  type RequiredReason,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { type Lookups, lookups } from './_internal/enums';
import { FIELDS, type FieldDef } from './_internal/fields';
import { type HeaderFound, HeaderMatcher } from './_internal/header';
import type { RegistryInput } from './_internal/input';
import { DEFAULT_LIMITS, type Limits } from './_internal/limits';
import { type OpenedInput, openInput, wrapUnexpected } from './_internal/open';
import type { PersonIndex, RowEnv } from './_internal/row';
import { type RunContext, runRows, zeroTotals } from './_internal/rows';
import { type ScannedSheet, scanHeader } from './_internal/scan';
import { normalizeKey } from './_internal/text';
import type {
  ImportBatch,
  ImportOptions,
  ImportResult,
  ImportSource,
  ImportTotals,
  ImportWarning,
  RegistryKind,
  RegistryRecordOf,
  RowIssue,
} from './types';

registerCatalogue();

export type { RegistryInput } from './_internal/input';

const OptionsSchema = z.object({
  kind: z.enum(['mentors', 'mentees', 'consents', 'pairs']),
  organizationId: z.string().trim().min(1).max(200),
  format: z.enum(['xlsx', 'csv']).optional(),
  encoding: z.enum(['utf-8', 'windows-1251', 'utf-16le', 'utf-16be']).optional(),
  separator: z.enum([';', ',', '\t']).optional(),
  columns: z.record(z.string(), z.string()).optional(),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  idPrefix: z.string().trim().min(1).max(100).optional(),
  batchSize: z.number().int().min(1).max(100_000).optional(),
  twoDigitYearPivot: z.number().int().min(0).max(100).optional(),
  normalizeYo: z.boolean().optional(),
  requestDate: IsoDateSchema.optional(),
  persons: z.array(z.custom<Person>((p) => typeof p === 'object' && p !== null)).optional(),
  catalogues: z.record(z.string(), z.unknown()).optional(),
  maxRows: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  maxCellLength: z.number().int().min(1).max(1_000_000_000).optional(),
  maxUnpackedBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  consentCheck: z
    .object({
      consents: z.array(ConsentSchema),
      date: IsoDateSchema,
      policy: ConsentPolicySchema.optional(),
    })
    .optional(),
});

const KIND_PREFIX: Readonly<Record<RegistryKind, string>> = {
  mentors: 'mentor',
  mentees: 'mentee',
  consents: 'consent',
  pairs: 'pair',
};

function personIndex(persons: readonly Person[] | undefined): PersonIndex | undefined {
  if (!persons) return undefined;
  const byName = new Map<string, Person[]>();
  for (const p of persons) {
    const k = normalizeKey([p.name.lastName, p.name.firstName, p.name.middleName ?? ''].join(' '));
    const list = byName.get(k) ?? [];
    list.push(p);
    byName.set(k, list);
  }
  return {
    find(name, birthDate) {
      const list = byName.get(normalizeKey(name)) ?? [];
      const narrowed = birthDate === undefined ? list : list.filter((p) => p.birthDate === birthDate);
      return (narrowed.length > 0 ? narrowed : list).map((p) => p.id);
    },
  };
}

function missingColumn(key: string, reason: RequiredReason): NastavnikError {
  return fail('required', ['columns', key], { reason });
}

function checkColumns(kind: RegistryKind, has: (k: string) => boolean, persons: boolean): void {
  if (kind === 'mentors' || kind === 'mentees') {
    if (!has('fullName') && !(has('lastName') && has('firstName'))) {
      throw missingColumn('fullName', 'columnFullName');
    }
  }
  if (kind === 'consents' && !has('personId') && !(has('fullName') && persons)) {
    throw missingColumn('personId', 'columnPersonId');
  }
  if (kind === 'pairs') {
    if (!has('mentorId') && !(has('mentorName') && persons)) {
      throw missingColumn('mentorId', 'columnMentorId');
    }
    if (!has('menteeIds') && !(has('menteeNames') && persons)) {
      throw missingColumn('menteeIds', 'columnMenteeIds');
    }
  }
}

type Options = z.infer<typeof OptionsSchema>;

/** Fails when `columns` maps a header to a field this kind of registry does not have. */
function checkColumnOption(fields: readonly FieldDef[], columns: Options['columns']): void {
  if (!columns) return;
  const known = new Set(fields.map((f) => f.key));
  for (const [header, key] of Object.entries(columns)) {
    if (!known.has(key)) {
      throw fail('invalid_value', ['options', 'columns', header], {
        reason: 'registryField',
        allowed: [...known].join(', '),
      });
    }
  }
}

function limitsOf(opts: Options): Limits {
  return {
    maxRows: opts.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxCellLength: opts.maxCellLength ?? DEFAULT_LIMITS.maxCellLength,
    maxUnpackedBytes: opts.maxUnpackedBytes ?? DEFAULT_LIMITS.maxUnpackedBytes,
  };
}

/** What stays the same for every sheet of one file. */
interface FileRun<K extends RegistryKind> {
  readonly kind: K;
  readonly opts: Options;
  readonly limits: Limits;
  readonly opened: OpenedInput;
  readonly matcher: HeaderMatcher;
  readonly fieldMap: ReadonlyMap<string, FieldDef>;
  readonly look: Lookups;
}

function sheetSkipped(name: string): ImportWarning {
  return {
    code: 'sheet_skipped',
    message: `Лист «${name}» пропущен: не найдена строка заголовков`,
    messageEn: `Sheet "${name}" skipped: no header row found`,
    params: { sheet: name },
  };
}

function sourceOf(opened: OpenedInput, sheetName: string, header: HeaderFound): ImportSource {
  const { format, encoding, separator } = opened;
  return {
    format,
    ...(encoding ? { encoding } : {}),
    ...(separator ? { separator } : {}),
    ...(format === 'xlsx' ? { sheet: sheetName } : {}),
    headerRows: header.headerRows,
    columns: header.columns,
  };
}

/** What every row of the sheet is read with. */
function rowEnv<K extends RegistryKind>(file: FileRun<K>, header: HeaderFound): RowEnv {
  const { kind, opts, opened } = file;
  return {
    kind,
    organizationId: opts.organizationId,
    idPrefix: opts.idPrefix ?? `${opts.organizationId}-${KIND_PREFIX[kind]}`,
    pivot: opts.twoDigitYearPivot ?? 40,
    get date1904() {
      return opened.date1904();
    },
    normalizeYo: opts.normalizeYo ?? false,
    requestDate: opts.requestDate,
    lookups: file.look,
    bindings: header.bindings,
    fields: file.fieldMap,
    persons: personIndex(opts.persons),
  };
}

/** Warnings about the file, handed out with the first batch. */
function fileWarnings<K extends RegistryKind>(
  file: FileRun<K>,
  skipped: readonly ImportWarning[],
  scanned: ScannedSheet,
): ImportWarning[] {
  const { kind, opts } = file;
  const { header, preamble } = scanned;
  const out: ImportWarning[] = [
    ...skipped,
    ...header.warnings,
    ...missingOptional(kind, header.bindings, opts),
  ];
  if ((kind === 'mentors' || kind === 'mentees') && opts.consentCheck === undefined) {
    out.push({
      code: 'consents_not_checked',
      message:
        'Согласия на обработку персональных данных не проверены: передайте согласия и дату (consentCheck), чтобы отметить строки без согласия',
      messageEn:
        'Consents to the processing of personal data were not checked: pass the consents and the date (consentCheck) to flag rows without consent',
    });
  }
  if (preamble.length > 0) {
    out.push({
      code: 'rows_before_header',
      message: `Строки над заголовком (${preamble.length}) не импортированы`,
      messageEn: `Rows above the header (${preamble.length}) were not imported`,
      params: { rows: preamble.map((r) => r.row).join(',') },
    });
  }
  return out;
}

/** The sheet whose header was found: check its columns and set up the reading of its rows. */
function sheetRun<K extends RegistryKind>(
  file: FileRun<K>,
  sheetName: string,
  scanned: ScannedSheet,
  skipped: readonly ImportWarning[],
): RunContext<K> {
  const { kind, opts } = file;
  const { header } = scanned;
  checkColumns(kind, (k) => header.bindings.has(k), opts.persons !== undefined);
  return {
    kind,
    source: sourceOf(file.opened, sheetName, header),
    env: rowEnv(file, header),
    firstWarnings: fileWarnings(file, skipped, scanned),
    batchSize: opts.batchSize ?? 1000,
    maxRows: file.limits.maxRows,
    consentCheck: opts.consentCheck,
    afterRow: scanned.lastHeaderRow,
  };
}

/**
 * Import a registry in batches, in bounded memory: rows are read, checked
 * and handed over batch by batch (a 100 000-row regional upload never sits
 * in memory as objects). The last batch has `done: true` and the final
 * totals in `cumulative`. File-level problems (not a spreadsheet, no header
 * row, no name column) reject with a {@link NastavnikError}; row-level
 * problems are data in `rejected`.
 *
 * @category Import
 * @example
 * for await (const batch of importRegistryStream(file.stream(), { kind: 'mentees', organizationId: 'lyceum-7', requestDate: '2023-09-01' })) {
 *   await db.insert(batch.records);
 *   report.push(...batch.rejected);
 * }
 */
export async function* importRegistryStream<K extends RegistryKind>(
  input: RegistryInput,
  options: ImportOptions<K>,
): AsyncGenerator<ImportBatch<RegistryRecordOf<K>>> {
  const opts = parse(OptionsSchema, options, ['options']);
  const kind = opts.kind as K;
  const fields = FIELDS[kind];
  checkColumnOption(fields, opts.columns);
  const limits = limitsOf(opts);
  const opened = await openInput(input, opts, limits);
  const file: FileRun<K> = {
    kind,
    opts,
    limits,
    opened,
    matcher: new HeaderMatcher(fields, opts.columns),
    fieldMap: new Map(fields.map((f) => [f.key, f])),
    look: lookups(opts.catalogues as ImportOptions['catalogues']),
  };
  const skipped: ImportWarning[] = [];
  let sheetNo = 0;

  try {
    for await (const sheet of opened.sheets) {
      sheetNo++;
      if (opts.sheet !== undefined && opts.sheet !== sheet.name && opts.sheet !== sheetNo) {
        await drain(sheet.rows);
        continue;
      }
      const scanned = await scanHeader(sheet.rows, file.matcher);
      if (!scanned) {
        if (opened.format === 'xlsx') skipped.push(sheetSkipped(sheet.name));
        continue;
      }
      yield* runRows(scanned.rest, sheetRun(file, sheet.name, scanned, skipped));
      return;
    }
  } catch (e) {
    throw wrapUnexpected(e);
  }
  throw fail('required', ['header'], { reason: 'headerRow' });
}

/** Read a sheet to its end without looking at it (a streamed workbook hands out sheets in order). */
async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of rows) {
    // skipped
  }
}

function missingOptional(
  kind: RegistryKind,
  bindings: ReadonlyMap<string, unknown>,
  opts: { requestDate?: string | undefined },
): ImportWarning[] {
  const out: ImportWarning[] = [];
  const say = (key: string, ru: string, en: string) => {
    if (!bindings.has(key))
      out.push({ code: 'value_defaulted', message: ru, messageEn: en, params: { field: key } });
  };
  if (kind === 'mentors') {
    say(
      'capacity',
      'Нет столбца «Число наставляемых»: у всех наставников принято 1',
      'No capacity column: 1 for every mentor',
    );
    say(
      'category',
      'Нет столбца «Категория участника»: все наставники — педагоги',
      'No category column: every mentor is a teacher',
    );
  }
  if (kind === 'mentees' && opts.requestDate !== undefined) {
    say(
      'requestDate',
      'Нет столбца «Дата запроса»: взята дата из настроек загрузки',
      'No request date column: the date from the options is used',
    );
  }
  if (kind === 'pairs')
    say(
      'origin',
      'Нет столбца «Способ формирования»: принято «куратор»',
      'No origin column: "curator" for every pair',
    );
  return out;
}

/**
 * Import a registry of mentors, mentees (with requests), consents or pairs
 * from an XLSX or CSV file as schools keep them. Returns the valid records,
 * every bad row with its row number, column, value and a Russian message,
 * totals that add up (`read = accepted + rejected`, empty rows apart) and
 * warnings about what was normalised. One bad row never loses the others.
 *
 * Rejects with a {@link NastavnikError} only for file-level problems: not a
 * spreadsheet, no header row, no name column, bad options.
 *
 * The `rejected[].value` fields hold cell contents (personal data): the
 * report is for the uploading school, not for logs.
 *
 * @category Import
 * @example
 * const result = await importRegistry(bytes, { kind: 'mentors', organizationId: 'lyceum-7' });
 * console.log(result.totals); // { read: 42, accepted: 40, rejected: 2, empty: 1 }
 * for (const issue of result.rejected) console.log(issue.row, issue.column, issue.message);
 */
export async function importRegistry<K extends RegistryKind>(
  input: RegistryInput,
  options: ImportOptions<K>,
): Promise<ImportResult<RegistryRecordOf<K>>> {
  const records: RegistryRecordOf<K>[] = [];
  const rows: number[] = [];
  const rejected: RowIssue[] = [];
  const warnings: ImportWarning[] = [];
  const emptyRows: number[] = [];
  let totals: ImportTotals = zeroTotals();
  let source: ImportSource | undefined;
  for await (const b of importRegistryStream(input, options)) {
    for (const r of b.records) records.push(r);
    for (const r of b.rows) rows.push(r);
    for (const r of b.rejected) rejected.push(r);
    for (const w of b.warnings) warnings.push(w);
    for (const e of b.emptyRows) emptyRows.push(e);
    totals = b.cumulative;
    source = b.source;
  }
  if (!source) throw fail('internal', []);
  return { records, rows, rejected, totals, warnings, emptyRows, source };
}
