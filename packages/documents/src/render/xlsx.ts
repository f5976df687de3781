import { startsFormula } from '@nastavnik/core';
import ExcelJS from 'exceljs';
import { cleanText } from '../_internal/clean';
import { checkDocumentBounds } from '../_internal/documentBounds';
import { type Block, cellText, type NastavnikDocument, type TableColumn, type TableRowValue } from '../model';

/**
 * A sheet of data for {@link renderXlsx}: a name, columns and rows (the
 * same shape as a table block).
 *
 * @category Render
 * @example
 * const sheet: DataSheet = { name: 'Реестр наставников', columns: [{ header: 'ФИО' }], rows: [{ cells: ['Иванова И. И.'] }] };
 */
export interface DataSheet {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRowValue[];
}

/**
 * Neutralise spreadsheet formula injection (CSV/XLSX injection): a text a
 * spreadsheet could read as a formula — starting with `=`, `+`, `-`, `@` or
 * their fullwidth forms, also behind spaces, NBSP, line breaks, zero-width
 * characters or a BOM, or with a tab or a line break (`startsFormula` of
 * core) — gets a leading apostrophe, so no spreadsheet ever evaluates it.
 *
 * @category Render
 * @example
 * safeCellText('=HYPERLINK("http://evil")'); // "'=HYPERLINK(\"http://evil\")"
 * safeCellText('Иванова'); // 'Иванова'
 */
export function safeCellText(text: string): string {
  const clean = cleanText(text);
  return startsFormula(clean) ? `'${clean}` : clean;
}

function sheetName(raw: string, used: Set<string>): string {
  const base =
    cleanText(raw)
      .replace(/[[\]:*?/\\]/gu, ' ')
      .replace(/^'+|'+$/gu, '')
      .trim()
      .slice(0, 28)
      .replace(/[\s,.;:–-]+$/u, '') || 'Лист';
  let name = base;
  let i = 2;
  while (used.has(name.toLowerCase())) name = `${base.slice(0, 26)} ${i++}`;
  used.add(name.toLowerCase());
  return name;
}

function collectTables(doc: NastavnikDocument): DataSheet[] {
  const out: DataSheet[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'table')
        out.push({ name: b.caption ?? `Таблица ${out.length + 1}`, columns: b.columns, rows: b.rows });
      if (b.kind === 'chart') {
        out.push({
          name: b.title,
          columns: [
            { header: 'Показатель', width: 4 },
            { header: b.unit ? `Значение, ${b.unit}` : 'Значение', numeric: true },
          ],
          rows: b.bars.map((bar) => ({ cells: [bar.label, String(bar.value)] })),
        });
      }
    }
  };
  visit(doc.blocks);
  for (const a of doc.annexes) visit(a.blocks);
  return out;
}

/**
 * A printed number read back as a number with its display format: «1 234» →
 * 1234 (`# ##0`), «72,5 %» → 0.725 (`0,0 %`, the space kept), «4,5» → 4.5 (`# ##0,0`). The
 * format codes are the file's own (`#,##0.0`), shown with the reader's locale:
 * a space for thousands and a decimal comma in Russian.
 */
function numberOf(text: string): { value: number; format: string } | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/gu, '');
  if (t === '') return undefined;
  const percent = t.endsWith('%');
  const body = (percent ? t.slice(0, -1) : t).replace(',', '.');
  if (!/^[-−]?\d+(\.\d+)?$/u.test(body)) return undefined;
  const n = Number(body.replace('−', '-'));
  if (!Number.isFinite(n)) return undefined;
  const decimals = body.includes('.') ? Math.min(3, body.split('.')[1]?.length ?? 0) : 0;
  const frac = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  // «9,2 %»: the space before the sign as in the DOCX text (ГОСТ 8.417, Мильчин); a number in a cell
  // never wraps, so a plain space (valid unquoted in Excel and LibreOffice format codes) is enough.
  return percent ? { value: n / 100, format: `0${frac} %` } : { value: n, format: `#,##0${frac}` };
}

/**
 * Render tables to XLSX with exceljs: one sheet per table (registries,
 * roadmap, indicators), a bold frozen header row, merged section rows,
 * numbers in numeric columns, wrapped text, and formula injection
 * neutralised in every text cell ({@link safeCellText}). Pass a document
 * (its table and chart blocks become sheets) or sheets directly.
 *
 * @category Render
 * @example
 * const bytes = await renderXlsx(buildRoadmap({ roadmap }));
 * const bytes2 = await renderXlsx([{ name: 'Реестр', columns: [{ header: 'ФИО' }], rows: [] }]);
 */
export async function renderXlsx(source: NastavnikDocument | readonly DataSheet[]): Promise<Uint8Array> {
  if (!Array.isArray(source)) checkDocumentBounds(source as NastavnikDocument);
  const sheets = Array.isArray(source)
    ? (source as readonly DataSheet[])
    : collectTables(source as NastavnikDocument);
  const wb = new ExcelJS.Workbook();
  wb.creator = '@nastavnik/documents';
  const used = new Set<string>();
  if (sheets.length === 0) wb.addWorksheet('Лист');
  for (const s of sheets) {
    // Printed as a person reads it: landscape A4, one page wide, the header row on every page.
    const ws = wb.addWorksheet(sheetName(s.name, used), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
        margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: 'Страница &P из &N' },
    });
    const total = s.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
    ws.columns = s.columns.map((c) => ({ width: Math.max(8, Math.round(((c.width ?? 1) / total) * 120)) }));
    const header = ws.addRow(s.columns.map((c) => safeCellText(c.header)));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const r of s.rows) {
      if (r.section) {
        const row = ws.addRow([safeCellText(r.cells.map(cellText).join(' '))]);
        row.font = { bold: true };
        if (s.columns.length > 1) ws.mergeCells(row.number, 1, row.number, s.columns.length);
        continue;
      }
      const values: (string | number)[] = [];
      const formats: (string | undefined)[] = [];
      for (const c of r.cells) {
        const text = cellText(c);
        const numeric = s.columns[values.length]?.numeric === true;
        const n = numeric ? numberOf(text) : undefined;
        values.push(n ? n.value : safeCellText(text));
        formats.push(n?.format);
        const span = typeof c === 'string' ? 1 : (c.colSpan ?? 1);
        for (let k = 1; k < span; k++) {
          values.push('');
          formats.push(undefined);
        }
      }
      const row = ws.addRow(values);
      row.alignment = { wrapText: true, vertical: 'top' };
      formats.forEach((f, k) => {
        if (f === undefined) return;
        const cell = row.getCell(k + 1);
        cell.numFmt = f;
        cell.alignment = { vertical: 'top', horizontal: 'right' };
      });
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
