import { type NastavnikError, nastavnikError } from '@nastavnik/core';
import { columnLetter } from './text';

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

const fmt = (n: number) => n.toLocaleString('ru-RU').replace(/\u00a0/g, ' ');
const fmtEn = (n: number) => n.toLocaleString('en-US');

/** More filled rows than `maxRows`. */
export function tooManyRows(maxRows: number): NastavnikError {
  return nastavnikError(
    'too_big',
    ['input'],
    `В файле больше ${fmt(maxRows)} строк: разделите реестр на несколько файлов или увеличьте maxRows`,
    `The file has more than ${fmtEn(maxRows)} rows: split the registry or raise maxRows`,
    { limit: 'maxRows', maxRows },
  );
}

/** A cell longer than `maxCellLength` (in CSV and XLSX alike). */
export function cellTooLong(maxCellLength: number, row: number, columnIndex: number): NastavnikError {
  const column = columnLetter(columnIndex);
  return nastavnikError(
    'too_big',
    ['input', row, column],
    `Ячейка в строке ${row}, столбце ${column} длиннее ${fmt(maxCellLength)} символов (предел ячейки Excel — 32 767)`,
    `The cell in row ${row}, column ${column} is longer than ${fmtEn(maxCellLength)} characters (Excel's cell limit is 32,767)`,
    { limit: 'maxCellLength', maxCellLength, row, column },
  );
}

/** A row with more columns than Excel allows. */
export function tooManyColumns(row: number): NastavnikError {
  return nastavnikError(
    'too_big',
    ['input', row],
    `В строке ${row} больше ${fmt(EXCEL_MAX_COLUMNS)} столбцов — больше, чем допускает Excel`,
    `Row ${row} has more than ${fmtEn(EXCEL_MAX_COLUMNS)} columns, more than Excel allows`,
    { limit: 'columns', maxColumns: EXCEL_MAX_COLUMNS, row },
  );
}

/** A row number beyond Excel's last row. */
export function rowBeyondExcel(row: number): NastavnikError {
  return nastavnikError(
    'too_big',
    ['input', row],
    `Номер строки ${row} больше последней строки Excel (${fmt(EXCEL_MAX_ROWS)}): файл повреждён`,
    `Row number ${row} is beyond Excel's last row (${fmtEn(EXCEL_MAX_ROWS)}): the file is damaged`,
    { limit: 'rows', maxRow: EXCEL_MAX_ROWS, row },
  );
}

/** More spreadsheet data than `maxUnpackedBytes` (a zip bomb, or a registry to split). */
export function tooMuchData(maxUnpackedBytes: number, format: 'xlsx' | 'csv'): NastavnikError {
  const mib = Math.round((maxUnpackedBytes / 1024 / 1024) * 10) / 10;
  return nastavnikError(
    'too_big',
    ['input'],
    format === 'xlsx'
      ? `Распакованное содержимое файла XLSX больше ${fmt(mib)} МБ (предел maxUnpackedBytes): файл слишком велик или это «zip-бомба»`
      : `Файл CSV больше ${fmt(mib)} МБ (предел maxUnpackedBytes): разделите реестр на несколько файлов`,
    format === 'xlsx'
      ? `The unpacked contents of the XLSX file exceed ${fmtEn(mib)} MB (maxUnpackedBytes): too large, or a zip bomb`
      : `The CSV file is larger than ${fmtEn(mib)} MB (maxUnpackedBytes): split the registry into several files`,
    { limit: 'maxUnpackedBytes', maxUnpackedBytes },
  );
}

/** XLSX: a text in the XML longer than any cell may be (found before the cell it belongs to is known). */
export function textTooLong(maxCellLength: number): NastavnikError {
  return nastavnikError(
    'too_big',
    ['input'],
    `В файле XLSX есть текст длиннее ${fmt(maxCellLength)} символов (предел ячейки Excel — 32 767): файл повреждён или составлен со злым умыслом`,
    `The XLSX file holds a text longer than ${fmtEn(maxCellLength)} characters (Excel's cell limit is 32,767): the file is damaged or crafted`,
    { limit: 'maxCellLength', maxCellLength },
  );
}
