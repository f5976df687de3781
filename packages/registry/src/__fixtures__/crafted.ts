import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportRegistry } from '../index';
import { consentCheckFor } from './consents';
import { deflateRepeated, makeZip, type ZipPartSpec } from './zip';

const enc = (s: string) => new TextEncoder().encode(s);

/** A CSV with `blanks` empty lines before and after the header. */
export function blankLinesCsv(blanks: number): Uint8Array {
  return enc(
    `${'\n'.repeat(blanks)}ФИО;Дата рождения\n${'\n'.repeat(blanks)}Иванов Иван Иванович;01.02.1980\n`,
  );
}

/** An XLSX sheet from rows keyed by row number. */
export async function sheetOf(
  rows: ReadonlyMap<number, readonly ExcelJS.CellValue[]>,
  styleEmpty = 0,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (let i = 1; i <= styleEmpty; i++) ws.getRow(i).getCell(1).style = { font: { bold: true } };
  for (const [n, values] of rows) ws.getRow(n).values = values as ExcelJS.CellValue[];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Data in row 2 and in row `last` of a mentors sheet. */
export const farApart = (last: number) =>
  sheetOf(
    new Map([
      [1, ['ФИО', 'Дата рождения']],
      [2, ['Иванов Иван Иванович', '01.02.1980']],
      [last, ['Петров Пётр Петрович', '03.04.1981']],
    ]),
  );

/** `count` cells referencing one shared string of `length` characters. */
export function hugeSharedString(length: number, count: number): Promise<Uint8Array> {
  const big = 'а'.repeat(length);
  const rows = new Map<number, ExcelJS.CellValue[]>([[1, ['ФИО', 'Дата рождения', 'Компетенции']]]);
  for (let i = 0; i < count; i++) rows.set(i + 2, ['Иванов Иван Иванович', '01.02.1980', big]);
  return sheetOf(rows);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>ФИО</t></is></c><c r="B1" t="inlineStr"><is><t>Дата рождения</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * A mentors workbook (as exportRegistry writes it, worksheets first) whose
 * first worksheet is replaced by `sheet`, its declared size optionally a lie.
 */
async function withSheet(
  sheet: { bytes: Uint8Array; size: number; crc: number },
  declaredSize?: number,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await exportRegistry([], {
      kind: 'mentors',
      format: 'xlsx',
      consentCheck: consentCheckFor('mentors', []),
    }),
  );
  const parts: ZipPartSpec[] = [];
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file || file.dir) continue;
    if (name === 'xl/worksheets/sheet1.xml')
      parts.push({ name, deflated: sheet, ...(declaredSize !== undefined ? { declaredSize } : {}) });
    else parts.push({ name, data: await file.async('uint8array') });
  }
  return makeZip(parts);
}

/** One cell of `chars` characters: a 300 KB file that unpacks to `chars` bytes held as one text node. */
export async function textBomb(chars: number): Promise<Uint8Array> {
  return withSheet(
    await deflateRepeated(
      `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>`,
      'a',
      chars,
      `</t></is></c></row>${SHEET_TAIL}`,
    ),
  );
}

/** A worksheet of `count` XML comments: streamed, small in memory, large unpacked. */
export async function commentBomb(count: number, declaredSize?: number): Promise<Uint8Array> {
  return withSheet(await deflateRepeated(SHEET_HEAD, '<!---->', count, SHEET_TAIL), declaredSize);
}
