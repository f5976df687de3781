import { fail, type NastavnikError, registerCatalogue } from '@nastavnik/core';
import { columnLetter } from './text';

registerCatalogue();

/** The size limits an import enforces, the same for CSV and XLSX. */
export interface Limits {
  /** Filled rows (empty rows are not counted). */
  readonly maxRows: number;
  /** Characters in one cell: Excel's own limit is 32,767. */
  readonly maxCellLength: number;
  /** Bytes of spreadsheet data: the file itself for CSV, the unpacked XML parts for XLSX. */
  readonly maxUnpackedBytes: number;
}

/** Excel's limit on the characters of one cell. */
export const EXCEL_MAX_CELL = 32_767;
/** Excel's limit on columns (XFD). */
export const EXCEL_MAX_COLUMNS = 16_384;
/** Excel's limit on rows: a row number beyond it is not a spreadsheet row. */
export const EXCEL_MAX_ROWS = 1_048_576;

export const DEFAULT_LIMITS: Limits = {
  maxRows: 1_000_000,
  maxCellLength: EXCEL_MAX_CELL,
  maxUnpackedBytes: 1024 * 1024 * 1024,
};

/** More filled rows than `maxRows`. */
export function tooManyRows(maxRows: number): NastavnikError {
  return fail('too_big', ['input'], { limit: 'maxRows', maxRows });
}

/** A cell longer than `maxCellLength` (in CSV and XLSX alike). */
export function cellTooLong(maxCellLength: number, row: number, columnIndex: number): NastavnikError {
  const column = columnLetter(columnIndex);
  return fail('too_big', ['input', row, column], { limit: 'maxCellLength', maxCellLength, row, column });
}

/** A row with more columns than Excel allows. */
export function tooManyColumns(row: number): NastavnikError {
  return fail('too_big', ['input', row], { limit: 'columns', maxColumns: EXCEL_MAX_COLUMNS, row });
}

/** A row number beyond Excel's last row. */
export function rowBeyondExcel(row: number): NastavnikError {
  return fail('too_big', ['input', row], { limit: 'rows', maxRow: EXCEL_MAX_ROWS, row });
}

/** More spreadsheet data than `maxUnpackedBytes` (a zip bomb, or a registry to split). */
export function tooMuchData(maxUnpackedBytes: number, format: 'xlsx' | 'csv'): NastavnikError {
  return fail('too_big', ['input'], { limit: 'maxUnpackedBytes', maxUnpackedBytes, format });
}

/** XLSX: a text in the XML longer than any cell may be (found before the cell it belongs to is known). */
export function textTooLong(maxCellLength: number): NastavnikError {
  return fail('too_big', ['input'], { limit: 'maxCellLength', maxCellLength });
}
