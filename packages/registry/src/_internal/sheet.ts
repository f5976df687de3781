import { registerCatalogue } from '@nastavnik/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell } from './cells';
import { unguard } from './csv';
import {
  cellTooLong,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  type Limits,
  rowBeyondExcel,
  textTooLong,
  tooMuchData,
} from './limits';
import { eocdAt, unpack, type ZipDirectory, type ZipPart, zipDirectory } from './zip';

registerCatalogue();

/** A row as read from a file: its number as the spreadsheet shows it, cells from column A. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly Cell[];
  /** Some cell held a formula; its cached result was used. */
  readonly formula?: boolean;
}

/** A worksheet being streamed. */
export interface SheetStream {
  readonly name: string;
  readonly rows: AsyncIterable<RawRow>;
}

/** What {@link xlsxSheets} needs besides the bytes. */
export interface XlsxContext {
  readonly limits: Limits;
  readonly onDate1904: (v: boolean) => void;
  /** The file is damaged. */
  readonly broken: () => Error;
  /** The compressed file itself is too large to hold. */
  readonly tooLarge: () => Error;
}

/** Largest XLSX (compressed) read: Excel's own limit of 1,048,576 rows stays far below it. */
const MAX_XLSX_BYTES = 256 * 1024 * 1024;

/**
 * Counts the unpacked bytes of a part against the limit (shared strings and
 * worksheets count towards `maxUnpackedBytes`) and against the size the part
 * declares in the zip's central directory (a part that unpacks to more than
 * it declares is a crafted file, stopped at once rather than after
 * gigabytes), and decodes it as UTF-8 across chunk boundaries.
 */
class Meter {
  private total = 0;

  constructor(
    private readonly max: number,
    private readonly tooMuch: () => Error,
    private readonly broken: () => Error,
    /** The longest run of bytes between two `<`: a text or attribute longer than a cell can be. */
    private readonly maxText: number,
    private readonly textTooLong: () => Error,
  ) {}

  /**
   * The run of bytes without a `<` at the end of `c`, given the run before it;
   * throws when any run, inside `c` or across chunks, is longer than a text may be.
   */
  private longestRun(c: Uint8Array, before: number): number {
    let lt = c.indexOf(0x3c);
    if (lt < 0) {
      if (before + c.byteLength > this.maxText) throw this.textTooLong();
      return before + c.byteLength;
    }
    if (before + lt > this.maxText) throw this.textTooLong();
    // A chunk no longer than the limit holds no run over it; a larger one (a zip bomb unpacks so) is scanned.
    if (c.byteLength > this.maxText) {
      for (let next = c.indexOf(0x3c, lt + 1); next >= 0; next = c.indexOf(0x3c, lt + 1)) {
        if (next - lt - 1 > this.maxText) throw this.textTooLong();
        lt = next;
      }
    } else lt = c.lastIndexOf(0x3c);
    const tail = c.byteLength - lt - 1;
    if (tail > this.maxText) throw this.textTooLong();
    return tail;
  }

  /** The part's text, chunk by chunk; `counted` parts add to the total. */
  *text(chunks: Iterable<Uint8Array>, declared: number, counted: boolean): Generator<string> {
    let part = 0;
    let run = 0;
    const d = new TextDecoder('utf-8');
    for (const c of chunks) {
      const bytes = c.byteLength;
      part += bytes;
      if (counted) this.total += bytes;
      if (this.total > this.max || (!counted && part > this.max)) throw this.tooMuch();
      if (part > declared) throw this.broken();
      // The XML parser holds a whole text node in memory: one that no cell could hold is stopped here.
      run = this.longestRun(c, run);
      const s = d.decode(c, { stream: true });
      if (s) yield s;
    }
    const tail = d.decode();
    if (tail) yield tail;
  }
}

/**
 * A saxes parser fed string chunks: `write` throws the first well-formedness
 * error of a chunk. The document is never closed, so a part that stops early
 * ends where it stops (as exceljs reads it).
 */
function xmlParser(handlers: {
  open?: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (tag: SaxesTagPlain) => void;
}): { write(s: string): void } {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let error: Error | undefined;
  p.on('error', (e) => {
    error = e;
  });
  if (handlers.open) p.on('opentag', handlers.open);
  if (handlers.text) p.on('text', handlers.text);
  if (handlers.close) p.on('closetag', handlers.close);
  return {
    write(s) {
      p.write(s);
      if (error) throw error;
    },
  };
}

/** Excel's built-in number formats that have a format code (ids without one are locale-specific). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A number format shows a date or time: a date letter outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial → Date, to the millisecond (as exceljs reads date cells). */
function serialToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The five XML entities once more: cell texts of `str` and `inlineStr` cells are decoded twice, as exceljs does. */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** The column number of a cell reference («B7», «$B$7»); `undefined` without letters. */
function columnOf(ref: string, broken: () => Error): number | undefined {
  let col = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) hasRow = true;
    else if (hasRow && hasCol && ch !== 36) break;
  }
  if (!hasCol) return undefined;
  if (col > EXCEL_MAX_COLUMNS) throw broken();
  return col;
}

/** What the workbook's parts say about its sheets. */
interface Book {
  rels?: { id: string; target: string }[];
  sheets?: { name: string | undefined; rId: string | undefined }[];
  date1904: boolean;
  /** Shared strings (rich text joined); `null` for an entry without text. */
  strings?: (string | null)[];
  /** Cell formats: the number format id of each. */
  xfs: number[];
  formats: Map<number, string>;
}

function readRels(book: Book, xml: Iterable<string>): void {
  const rels: { id: string; target: string }[] = [];
  const p = xmlParser({
    open(tag) {
      if (tag.name === 'Relationship') {
        rels.push({ id: tag.attributes.Id ?? '', target: tag.attributes.Target ?? '' });
      }
    },
  });
  for (const s of xml) p.write(s);
  book.rels = rels;
}

function readWorkbook(book: Book, xml: Iterable<string>): void {
  const sheets: { name: string | undefined; rId: string | undefined }[] = [];
  let inSheets = false;
  const p = xmlParser({
    open(tag) {
      if (tag.name === 'workbookPr') {
        const v = tag.attributes.date1904;
        book.date1904 = v === '1' || v === 'true';
      } else if (tag.name === 'sheets') inSheets = true;
      else if (tag.name === 'sheet' && inSheets) {
        sheets.push({ name: tag.attributes.name, rId: tag.attributes['r:id'] });
      }
    },
    close(tag) {
      if (tag.name === 'sheets') inSheets = false;
    },
  });
  for (const s of xml) p.write(s);
  book.sheets = sheets;
}

function readStyles(book: Book, xml: Iterable<string>, broken: () => Error): void {
  let where: 'numFmts' | 'cellXfs' | undefined;
  const p = xmlParser({
    open(tag) {
      if (tag.name === 'numFmts' || tag.name === 'cellXfs') where = tag.name;
      else if (where === 'numFmts' && tag.name === 'numFmt') {
        const code = tag.attributes.formatCode;
        if (code === undefined) throw broken();
        book.formats.set(Number.parseInt(tag.attributes.numFmtId ?? '', 10), code.replace(/[\\](.)/g, '$1'));
      } else if (where === 'cellXfs' && tag.name === 'xf') {
        book.xfs.push(Number.parseInt(tag.attributes.numFmtId ?? '', 10));
      }
    },
    close(tag) {
      if (tag.name === where) where = undefined;
    },
  });
  for (const s of xml) p.write(s);
}

/** Shared strings as Excel's readers see them: a run's text, joined; text outside runs as it comes. */
function readStrings(book: Book, xml: Iterable<string>): void {
  const strings: (string | null)[] = [];
  let text: string | null = null;
  let runs: (string | null)[] = [];
  const p = xmlParser({
    open(tag) {
      if (tag.name === 'si') {
        runs = [];
        text = null;
      } else if (tag.name === 't') text = null;
    },
    text(t) {
      text = text ? text + t : t;
    },
    close(tag) {
      if (tag.name === 'r') {
        runs.push(text);
        text = null;
      } else if (tag.name === 'si') {
        strings.push(runs.length > 0 ? runs.map((r) => r ?? '').join('') : text);
        runs = [];
        text = null;
      }
    },
  });
  for (const s of xml) p.write(s);
  book.strings = strings;
}

/** The number format of a cell format, when it has one. */
function formatOf(book: Book, id: number): string | undefined | null {
  const numFmtId = book.xfs[id];
  if (numFmtId === undefined) return null;
  if (!numFmtId) return undefined;
  return book.formats.get(numFmtId) || BUILTIN_FORMATS[numFmtId];
}

/** A cell while its row is read. */
interface CellSlot {
  cell: Cell;
  formula: boolean;
  /** The cell holds a value (a cell without one is not a cell of the row). */
  set: boolean;
  format: string | undefined;
}

const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** The row being read. */
interface OpenRow {
  n: number;
  format: string | undefined;
  cells: CellSlot[];
}

/** The cell being read: its attributes and the text of its formula and value. */
interface OpenCell {
  ref: string | undefined;
  s: number;
  t: string | undefined;
  f?: { text: string };
  v?: { text: string };
}

/** Put the value of a cell, as Excel stores it, into its slot of the row. */
function storeCell(book: Book, row: OpenRow, c: OpenCell, broken: () => Error): void {
  if (c.ref === undefined) throw broken();
  const col = columnOf(c.ref, broken);
  // A cell without a column, or in a row without a number, has no address.
  if (col === undefined || !Number.isFinite(row.n) || row.n < 0) throw broken();
  let slot = row.cells[col];
  if (!slot) {
    slot = { cell: undefined, formula: false, set: false, format: row.format };
    row.cells[col] = slot;
  }
  if (c.s) {
    const f = formatOf(book, c.s);
    if (f !== null) slot.format = f;
  }
  const v = c.v?.text;
  if (c.f) {
    const result = v === undefined ? undefined : c.t === 'str' ? xmlDecode(v) : Number.parseFloat(v);
    // A formula's empty or failed result is no value; a shared formula's copy keeps what it holds.
    // A result of 0 is kept (exceljs read it as an empty cell).
    slot.cell = c.f.text === '' || result || result === 0 ? result : undefined;
    slot.formula = true;
    slot.set = true;
  } else if (v !== undefined) {
    slot.formula = false;
    slot.set = true;
    switch (c.t) {
      case 's': {
        const i = Number.parseInt(v, 10);
        if (book.strings) {
          const s = book.strings[i];
          slot.cell = s ?? undefined;
          slot.set = s !== undefined && s !== null;
        } else slot.cell = undefined;
        break;
      }
      case 'inlineStr':
      case 'str':
        slot.cell = xmlDecode(v);
        break;
      case 'e':
        slot.cell = v;
        break;
      case 'b':
        slot.cell = Number.parseInt(v, 10) !== 0;
        break;
      default:
        slot.cell = isDateFormat(slot.format)
          ? serialToDate(Number.parseFloat(v), book.date1904)
          : Number.parseFloat(v);
    }
  }
}

/** The row read: its cells up to the last one with a value, the export's formula guard taken off. */
function finishRow(row: OpenRow, maxCell: number): RawRow {
  if (row.n > EXCEL_MAX_ROWS) throw rowBeyondExcel(row.n);
  let last = 0;
  for (let i = row.cells.length - 1; i > 0; i--) {
    if (row.cells[i]?.set) {
      last = i;
      break;
    }
  }
  const cells: Cell[] = [];
  let formula = false;
  for (let i = 1; i <= last; i++) {
    const slot = row.cells[i];
    if (!slot?.set) {
      cells.push(undefined);
      continue;
    }
    const cell = slot.cell;
    if (typeof cell === 'string' && cell.length > maxCell) throw cellTooLong(maxCell, row.n, i);
    // The export guards formula starts in XLSX as in CSV; the guard comes off the same way.
    cells.push(typeof cell === 'string' ? unguard(cell) : cell);
    if (slot.formula) formula = true;
  }
  return formula ? { row: row.n, cells, formula } : { row: row.n, cells };
}

/**
 * Rows of one worksheet as they are unpacked and parsed: cell values as
 * Excel stores them (shared and inline strings, numbers, dates by their
 * number format, booleans, error codes, a formula's cached result).
 */
async function* sheetRows(
  xml: Iterable<string>,
  book: Book,
  maxCell: number,
  broken: () => Error,
): AsyncGenerator<RawRow> {
  const out: RawRow[] = [];
  let inRows = false;
  let row: OpenRow | undefined;
  let c: OpenCell | undefined;
  let current: { text: string } | undefined;

  const endCell = () => {
    if (!row || !c) return;
    storeCell(book, row, c, broken);
    c = undefined;
  };

  const endRow = () => {
    if (!row) throw broken();
    out.push(finishRow(row, maxCell));
    row = undefined;
  };

  const p = xmlParser({
    open(tag) {
      switch (tag.name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            let format: string | undefined;
            const s = tag.attributes.s;
            if (s) {
              const f = formatOf(book, Number.parseInt(s, 10));
              if (f) format = f;
            }
            row = { n: Number.parseInt(tag.attributes.r ?? '', 10), format, cells: [] };
          }
          break;
        case 'c':
          if (row) {
            c = {
              ref: tag.attributes.r,
              s: Number.parseInt(tag.attributes.s ?? '', 10),
              t: tag.attributes.t,
            };
          }
          break;
        case 'f':
          if (c) {
            c.f = { text: '' };
            current = c.f;
          }
          break;
        case 'v':
        case 'is':
        case 't':
          if (c) {
            c.v = { text: '' };
            current = c.v;
          }
          break;
      }
    },
    text(t) {
      if (current) current.text += t;
    },
    close(tag) {
      switch (tag.name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row':
          endRow();
          break;
        case 'c':
          endCell();
          break;
      }
    },
  });
  for (const s of xml) {
    p.write(s);
    for (const r of out) yield r;
    out.length = 0;
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

/** The parts a worksheet needs, in the order they are read. */
const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** The parts in reading order: the workbook, its relations, shared strings and styles first, then the rest as stored. */
function readingOrder(dir: ZipDirectory): ZipPart[] {
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    return i < 0 ? FIRST.length : i;
  };
  const seen = new Set<number>();
  const out: ZipPart[] = [];
  const ordered = dir.parts
    .map((p, i) => ({ p, i }))
    .sort((x, y) => rank(x.p.name) - rank(y.p.name) || x.i - y.i);
  for (const { p } of ordered) {
    if (seen.has(p.offset)) continue;
    seen.add(p.offset);
    out.push(p);
  }
  return out;
}

/**
 * The worksheets of an XLSX byte stream, in file order, each streamed row by
 * row. The compressed bytes are held (they are small: a 100,000-row registry
 * is about 10 MB) and read through the zip's central directory; each part is
 * unpacked (fflate) and parsed (saxes) chunk by chunk, the rows streamed,
 * never all held. No Node built-ins: the same reader runs in a browser.
 */
export async function* xlsxSheets(
  chunks: AsyncIterable<Uint8Array>,
  ctx: XlsxContext,
): AsyncGenerator<SheetStream> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.byteLength;
    if (size > MAX_XLSX_BYTES) throw ctx.tooLarge();
    parts.push(c);
  }
  const bytes = concat(parts, size);
  parts.length = 0;
  const eocd = eocdAt(bytes);
  if (eocd < 0) throw ctx.broken();
  const dir = zipDirectory(bytes, eocd);
  if (!dir) throw ctx.broken();
  let total = 0;
  for (const p of dir.parts) total += p.size;
  // Declared sizes refuse a zip bomb before a byte is unpacked; the meter catches one that lies.
  const { maxUnpackedBytes, maxCellLength } = ctx.limits;
  if (total > maxUnpackedBytes) throw tooMuchData(maxUnpackedBytes, 'xlsx');
  const meter = new Meter(
    maxUnpackedBytes,
    () => tooMuchData(maxUnpackedBytes, 'xlsx'),
    ctx.broken,
    // Up to 4 bytes a character in UTF-8, or 6 for an escaped one (`&quot;`), plus a chunk.
    maxCellLength * 6 + 65_536,
    () => textTooLong(maxCellLength),
  );
  const text = (part: ZipPart, counted: boolean) =>
    meter.text(unpack(bytes, dir, part, ctx.broken), part.size, counted);

  const book: Book = { date1904: false, xfs: [], formats: new Map() };
  for (const part of readingOrder(dir)) {
    switch (part.name) {
      case 'xl/_rels/workbook.xml.rels':
        readRels(book, text(part, false));
        continue;
      case 'xl/workbook.xml':
        readWorkbook(book, text(part, false));
        continue;
      case 'xl/sharedStrings.xml':
        readStrings(book, text(part, true));
        continue;
      case 'xl/styles.xml':
        readStyles(book, text(part, false), ctx.broken);
        continue;
    }
    const m = WORKSHEET.exec(part.name);
    if (!m) continue;
    // Every workbook has its relations: a worksheet without them cannot be named or read.
    if (!book.rels) throw ctx.broken();
    const target = `worksheets/sheet${m[1]}.xml`;
    const rel = book.rels.find((r) => r.target === target);
    if (rel && !book.sheets) throw ctx.broken();
    const listed = rel ? book.sheets?.find((s) => s.rId === rel.id) : undefined;
    const name = listed ? (listed.name ?? '') : `Sheet${m[1]}`;
    ctx.onDate1904(book.date1904);
    yield { name, rows: sheetRows(text(part, true), book, maxCellLength, ctx.broken) };
  }
}
