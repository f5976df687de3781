import { PassThrough } from 'node:stream';
import {
  ConsentSchema,
  fail,
  MenteeWithProfileSchema,
  MentorWithProfileSchema,
  PairSchema,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Cell, cellText, numberRu } from './_internal/cells';
import { encodeWindows1251, guard } from './_internal/csv';
import { type Lookups, lookups } from './_internal/enums';
import { FIELDS, type FieldDef } from './_internal/fields';
import { consentCells, menteeCells, mentorCells, pairCells } from './_internal/kinds';
import { columnLetter } from './_internal/text';
import { CheckSchema, consentGapsOf, type ExportConsentCheck, refuseExport } from './exportConsent';
import type { RegistryCatalogues, RegistryKind, RegistryRecordOf } from './types';

registerCatalogue();

/**
 * Options of {@link exportRegistry}.
 *
 * @category Export
 * @example
 * const options: ExportOptions<'mentors'> = {
 *   kind: 'mentors',
 *   format: 'csv',
 *   encoding: 'windows-1251',
 *   consentCheck: { consents, date: '2024-05-31' },
 * };
 */
export interface ExportOptions<K extends RegistryKind = RegistryKind> {
  readonly kind: K;
  readonly format: 'xlsx' | 'csv';
  /** CSV only: `utf-8` (with a BOM, so Excel reads it) or `windows-1251`. Default `utf-8`. */
  readonly encoding?: 'utf-8' | 'windows-1251';
  /** CSV only: default `;`, as Russian Excel expects. */
  readonly separator?: ';' | ',' | '\t';
  /** Catalogues for labels and drop-down lists (regional extensions). */
  readonly catalogues?: RegistryCatalogues;
  /** XLSX only: rows that get drop-down lists (default: the records plus 1000 empty rows). */
  readonly validationRows?: number;
  /**
   * Required: the consent policy is asked before a single person is written
   * (152-ФЗ ст. 9), as matching denies by default. In a mentor or mentee
   * file, anyone lacking a consent the policy requires for the file's
   * purpose (`activity`: `export` by default, `registry` for the school's
   * own copy) is refused with a typed error naming their ids and purposes.
   * To leave them out instead, split first with {@link exportableRecords}.
   * Missing: a typed `required` error at `options.consentCheck`. The consent
   * and pair registries hold no person's details to check, but take the
   * check too, so no export path skips it.
   */
  readonly consentCheck: ExportConsentCheck;
}

const TemplateOptionsSchema = z.object({
  catalogues: z.record(z.string(), z.unknown()).optional(),
  validationRows: z.number().int().min(1).max(1_048_575).optional(),
});

const OptionsSchema = TemplateOptionsSchema.extend({
  kind: z.enum(['mentors', 'mentees', 'consents', 'pairs']),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.enum(['utf-8', 'windows-1251']).optional(),
  separator: z.enum([';', ',', '\t']).optional(),
  consentCheck: CheckSchema,
});

const RECORD_SCHEMAS: Readonly<Record<RegistryKind, z.ZodType>> = {
  mentors: MentorWithProfileSchema,
  mentees: MenteeWithProfileSchema,
  consents: ConsentSchema,
  pairs: PairSchema,
};

const SHEET_NAMES: Readonly<Record<RegistryKind, string>> = {
  mentors: 'Наставники',
  mentees: 'Наставляемые',
  consents: 'Согласия',
  pairs: 'Пары',
};

const TITLES: Readonly<Record<RegistryKind, string>> = {
  mentors: 'Реестр (база) наставников',
  mentees: 'Реестр (база) наставляемых с запросами',
  consents: 'Реестр согласий',
  pairs: 'Реестр наставнических пар и групп',
};

const DATE_FIELDS = new Set(['birthDate', 'requestDate', 'givenAt', 'withdrawnAt']);

function cellsOf<K extends RegistryKind>(
  kind: K,
  record: RegistryRecordOf<K>,
  l: Lookups,
): Record<string, Cell>[] {
  switch (kind) {
    case 'mentors':
      return mentorCells(record as RegistryRecordOf<'mentors'>, l);
    case 'mentees':
      return menteeCells(record as RegistryRecordOf<'mentees'>, l);
    case 'consents':
      return consentCells(record as RegistryRecordOf<'consents'>, l);
    default:
      return pairCells(record as RegistryRecordOf<'pairs'>, l);
  }
}

function csvCell(cell: Cell, sep: string): string {
  let text: string;
  if (cell === undefined) return '';
  if (typeof cell === 'number') text = numberRu(cell);
  else if (cell instanceof Date) text = cellText(cell) ?? '';
  else text = String(cell);
  if (text.includes(sep) || /["\r\n]/.test(text) || /^\s|\s$/.test(text))
    return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A text cell with its formula start guarded, for XLSX as for CSV. */
function guarded(cell: Cell): Cell {
  return typeof cell === 'string' ? guard(cell) : cell;
}

function rowsOf<K extends RegistryKind>(
  kind: K,
  records: readonly RegistryRecordOf<K>[],
  l: Lookups,
  cols: readonly FieldDef[],
): Generator<Cell[]> {
  return (function* () {
    let n = 0;
    for (const r of records) {
      for (const cells of cellsOf(kind, r, l)) {
        n++;
        yield cols.map((c) => (c.key === 'rowNo' ? n : guarded(cells[c.key])));
      }
    }
  })();
}

function exportCsv<K extends RegistryKind>(
  kind: K,
  records: readonly RegistryRecordOf<K>[],
  l: Lookups,
  sep: string,
  encoding: 'utf-8' | 'windows-1251',
): Uint8Array {
  const cols = FIELDS[kind].filter((f) => f.exported);
  const lines: string[] = [cols.map((c) => csvCell(c.header, sep)).join(sep)];
  for (const row of rowsOf(kind, records, l, cols)) lines.push(row.map((c) => csvCell(c, sep)).join(sep));
  const text = `${lines.join('\r\n')}\r\n`;
  if (encoding === 'windows-1251') return encodeWindows1251(text);
  return new TextEncoder().encode(`\ufeff${text}`);
}

function listValues(l: Lookups, f: FieldDef): string[] {
  return f.list ? l[f.list].allLabels() : [];
}

async function exportXlsx<K extends RegistryKind>(
  kind: K,
  records: readonly RegistryRecordOf<K>[],
  l: Lookups,
  validationRows: number | undefined,
): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  wb.creator = 'Nastavnik SDK';
  const cols = FIELDS[kind].filter((f) => f.exported);
  const lists = [...new Set(cols.map((c) => c.list).filter((x) => x !== undefined))];
  const listCol = new Map(lists.map((name, i) => [name, columnLetter(i + 1)]));

  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    key: c.key,
    width: c.key === 'rowNo' ? 6 : Math.min(40, Math.max(12, c.header.length + 4)),
    ...(DATE_FIELDS.has(c.key) ? { style: { numFmt: 'dd.mm.yyyy' } } : {}),
  }));
  let count = 0;
  // The streaming writer supports validations (exceljs 4.4) but its typings omit them.
  const validations = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  // Drop-down lists: multi-value columns accept free text (several values with «;»), so they only warn.
  const last =
    (validationRows ?? 0) > 0 ? (validationRows ?? 0) + 1 : Math.max(records.length * 2 + 1000, 1001);
  cols.forEach((c, i) => {
    if (!c.list) return;
    const values = listValues(l, c);
    const letter = listCol.get(c.list) ?? 'A';
    const col = columnLetter(i + 1);
    validations.add(`${col}2:${col}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'Справочники'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: !c.multi,
      errorStyle: c.multi ? 'warning' : 'stop',
      errorTitle: c.header,
      error: c.multi
        ? 'Значения выбираются из списка; несколько значений — через «;»'
        : 'Выберите значение из списка',
      showInputMessage: true,
      promptTitle: c.header,
      prompt: c.hint.slice(0, 255),
    });
  });
  const header = ws.addRow(cols.map((c) => (c.required ? `${c.header} *` : c.header)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  for (const row of rowsOf(kind, records, l, cols)) {
    ws.addRow(row).commit();
    count++;
  }
  ws.commit();

  const help = wb.addWorksheet('Инструкция');
  help.columns = [{ width: 34 }, { width: 90 }];
  const addHelp = (a: string, b: string, bold = false) => {
    const r = help.addRow([a, b]);
    if (bold) r.font = { bold: true };
    r.commit();
  };
  addHelp(TITLES[kind], '', true);
  addHelp(
    'Как заполнять',
    'По строке на человека (запрос, согласие, пару). Столбцы со «*» обязательны. Даты — ДД.ММ.ГГГГ. Несколько значений в ячейке — через «;». Значения справочников выбираются из выпадающих списков.',
  );
  if (kind === 'mentees') {
    addHelp(
      'Несколько запросов',
      'Наставляемый с несколькими запросами занимает несколько строк подряд с одинаковым ID.',
    );
  }
  addHelp('', '');
  addHelp('Столбец', 'Что писать', true);
  for (const c of cols) addHelp(c.required ? `${c.header} *` : c.header, c.hint);
  help.commit();

  const ref = wb.addWorksheet('Справочники', { state: 'hidden' });
  const maxLen = Math.max(0, ...lists.map((name) => l[name].allLabels().length));
  const head = ref.addRow(lists.map((name) => name));
  head.commit();
  for (let i = 0; i < maxLen; i++) {
    ref.addRow(lists.map((name) => l[name].allLabels()[i])).commit();
  }
  ref.commit();
  await wb.commit();
  await finished;
  void count;
  const size = chunks.reduce((s, c) => s + c.byteLength, 0);
  const bytes = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.byteLength;
  }
  return bytes;
}

/**
 * Export a registry to XLSX (a workbook a school can fill in next year: the
 * data sheet with Russian headers, drop-down lists for forms, formats,
 * competences, mentee groups and categories, an instruction sheet) or to
 * CSV (UTF-8 with BOM or Windows-1251, `;` by default). Importing the
 * result gives the same registry back.
 *
 * Records are validated with the core schemas first (a typed error with the
 * record's path, never `[object Object]` in a cell). Formula injection is
 * neutralised: cells are written as text, never as formulas, and a text a
 * spreadsheet could read as a formula (= + - @ or their fullwidth forms, also
 * behind spaces, NBSP, line breaks, zero-width characters or a BOM) gets a
 * leading apostrophe, in XLSX and CSV alike; the importer removes it.
 *
 * @category Export
 * The consent policy is always asked (`consentCheck` is required): a file
 * with a person lacking a consent the policy requires is refused, see
 * {@link ExportOptions.consentCheck}.
 *
 * @example
 * const bytes = await exportRegistry(result.records, {
 *   kind: 'mentors',
 *   format: 'xlsx',
 *   consentCheck: { consents, date: '2024-05-31' },
 * });
 * await writeFile('наставники.xlsx', bytes);
 */
export async function exportRegistry<K extends RegistryKind>(
  records: readonly RegistryRecordOf<K>[],
  options: ExportOptions<K>,
): Promise<Uint8Array> {
  const opts = parse(OptionsSchema, options, ['options']);
  if (!Array.isArray(records)) {
    throw fail('invalid_type', ['records'], { expected: 'array' });
  }
  const kind = opts.kind as K;
  // Records are checked with the core schemas first: nothing unvalidated (an object where a
  // text belongs, a formula object) reaches a cell.
  const valid = parse(z.array(RECORD_SCHEMAS[kind]), records, ['records']) as RegistryRecordOf<K>[];
  refuseExport(consentGapsOf(kind, valid, opts.consentCheck));
  return write(kind, valid, opts);
}

/** Write validated records the consent policy allowed (or none: the template). */
async function write<K extends RegistryKind>(
  kind: K,
  valid: readonly RegistryRecordOf<K>[],
  opts: z.output<typeof TemplateOptionsSchema> & {
    readonly format: 'xlsx' | 'csv';
    readonly encoding?: 'utf-8' | 'windows-1251' | undefined;
    readonly separator?: ';' | ',' | '\t' | undefined;
  },
): Promise<Uint8Array> {
  const l = lookups(opts.catalogues as RegistryCatalogues | undefined);
  try {
    if (opts.format === 'csv')
      return exportCsv(kind, valid, l, opts.separator ?? ';', opts.encoding ?? 'utf-8');
    return await exportXlsx(kind, valid, l, opts.validationRows);
  } catch (e) {
    if (e instanceof Error && e.name === 'NastavnikError') throw e;
    throw fail('invalid_input', ['records'], { reason: 'recordsNotExportable' });
  }
}

/**
 * An empty registry workbook for schools to fill in: Russian headers (with
 * «*» on required columns), drop-down lists for forms, formats,
 * competences, mentee groups, categories and the other fixed lists, and an
 * instruction sheet. What it produces imports with {@link importRegistry}.
 *
 * @category Export
 * @example
 * const template = await buildRegistryTemplate('mentees');
 * await writeFile('шаблон-наставляемые.xlsx', template);
 */
export function buildRegistryTemplate(
  kind: RegistryKind,
  options: { readonly catalogues?: RegistryCatalogues; readonly validationRows?: number } = {},
): Promise<Uint8Array> {
  const k = parse(OptionsSchema.shape.kind, kind, ['kind']);
  const opts = parse(TemplateOptionsSchema, options, ['options']);
  // No person in it: nothing for the consent policy to judge.
  return write(k, [], { ...opts, format: 'xlsx' });
}
