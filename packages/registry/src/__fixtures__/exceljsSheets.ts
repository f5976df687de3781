/**
 * The XLSX reader the registry used up to 0.1 (exceljs' streaming reader,
 * with its fixes), kept as the oracle of the equivalence tests
 * (`xlsxReader.test.ts`) and as the "before" case of `pnpm bench`: the
 * reader in `_internal/sheet.ts` must give the same rows.
 */
import { Readable } from 'node:stream';
import { registerCatalogue } from '@nastavnik/core';
import ExcelJS from 'exceljs';
import type { Cell } from '../_internal/cells';
import { unguard } from '../_internal/csv';
import {
  cellTooLong,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  rowBeyondExcel,
  textTooLong,
  tooMuchData,
} from '../_internal/limits';
import type { RawRow, SheetStream, XlsxContext } from '../_internal/sheet';
import { eocdAt, type ZipDirectory, zipDirectory } from '../_internal/zip';

registerCatalogue();

interface StreamEvent {
  eventType: string;
  value: unknown;
}

/** The parts of exceljs' streaming reader this module relies on (exceljs 4.4). */
interface ReaderInternals {
  parse(): AsyncGenerator<StreamEvent>;
  _parseSharedStrings(entry: unknown): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<StreamEvent>;
  properties?: { model?: { date1904?: boolean } };
}

type ReaderCtor = new (input: Readable, options: Record<string, string>) => ReaderInternals;

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderCtor;

/**
 * Counts the unpacked bytes of the parts the import reads (shared strings and
 * worksheets), against the limit and against the size each part declares in
 * the zip's central directory: a part that unpacks to more than it declares
 * is a crafted file, stopped at once rather than after gigabytes.
 */
export class Meter {
  private total = 0;

  constructor(
    private readonly declared: ReadonlyMap<string, number> | undefined,
    private readonly max: number,
    private readonly tooMuch: () => Error,
    private readonly broken: () => Error,
    private readonly onBytes: (e?: Error) => void,
    /** The longest run of bytes between two `<`: a text or attribute longer than a cell can be. */
    private readonly maxText: number,
    private readonly textTooLong: () => Error,
  ) {}

  /** Decode a part as UTF-8 across chunk boundaries (exceljs decodes each chunk alone and breaks Cyrillic letters that straddle two), counting its bytes. */
  async *utf8(chunks: AsyncIterable<unknown>, path: string): AsyncGenerator<string> {
    const declared = this.declared?.get(path);
    let part = 0;
    let run = 0;
    const d = new TextDecoder('utf-8');
    for await (const c of chunks) {
      const bytes = typeof c === 'string' ? Buffer.byteLength(c) : c instanceof Uint8Array ? c.byteLength : 0;
      part += bytes;
      this.total += bytes;
      // The XML parser holds a whole text node in memory: one that no cell could hold is stopped here.
      const lt =
        c instanceof Uint8Array ? c.lastIndexOf(0x3c) : typeof c === 'string' ? c.lastIndexOf('<') : -1;
      run = lt < 0 ? run + bytes : bytes - lt - 1;
      let stop: Error | undefined;
      if (this.total > this.max) stop = this.tooMuch();
      else if (declared !== undefined && part > declared) stop = this.broken();
      else if (run > this.maxText) stop = this.textTooLong();
      this.onBytes(stop);
      if (stop) throw stop;
      if (typeof c === 'string') yield c;
      else if (c instanceof Uint8Array) {
        const s = d.decode(c, { stream: true });
        if (s) yield s;
      }
    }
    const tail = d.decode();
    if (tail) yield tail;
  }
}

/**
 * exceljs' streaming reader with its text decoding fixed (shared strings and
 * worksheets are decoded as streams, so multi-byte characters that fall on a
 * chunk boundary survive) and the unpacked bytes of those parts metered.
 */
class SafeReader extends Base {
  meter: Meter | undefined;

  override async *_parseSharedStrings(entry: unknown): AsyncGenerator<unknown> {
    const source = this.meter?.utf8(entry as AsyncIterable<unknown>, 'xl/sharedStrings.xml');
    yield* super._parseSharedStrings(source ? Readable.from(source) : entry);
  }

  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<StreamEvent> {
    // exceljs 4.4 sometimes loses xl/workbook.xml and xl/sharedStrings.xml when they come after the
    // worksheets in the zip (they do in most files) and the process is busy: the worksheets, parked
    // in temporary files, are then read without their names and shared strings. Every XLSX has a
    // workbook part, so a worksheet read without one means the read lost parts: say so, and the
    // caller reads the bytes again.
    if ((this as unknown as { workbookRels?: unknown }).workbookRels === undefined) throw new LostParts();
    const path = `xl/worksheets/sheet${sheetNo}.xml`;
    yield* super._parseWorksheet(this.meter ? this.meter.utf8(iterator, path) : iterator, sheetNo);
  }
}

/** The zip reader lost parts of the workbook (see {@link SafeReader}); reading again helps. */
class LostParts extends Error {}

/** Largest XLSX (compressed) read: Excel's own limit of 1,048,576 rows stays far below it. */
const MAX_XLSX_BYTES = 256 * 1024 * 1024;
/** How many times a read that lost parts is tried again before the file is reported as damaged. */
const READ_ATTEMPTS = 5;

interface ExcelRow {
  number: number;
  values: unknown;
}

function flatten(v: unknown): { cell: Cell; formula: boolean } {
  if (v === null || v === undefined) return { cell: undefined, formula: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return { cell: v, formula: false };
  if (v instanceof Date) return { cell: v, formula: false };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const text = o.richText
        .map((r) => (typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : ''))
        .join('');
      return { cell: text, formula: false };
    }
    if ('formula' in o || 'sharedFormula' in o) return { cell: flatten(o.result).cell, formula: true };
    if (typeof o.error === 'string') return { cell: o.error, formula: false };
    if (typeof o.text === 'string') return { cell: o.text, formula: false };
    if (o.text !== undefined) return flatten(o.text);
  }
  return { cell: undefined, formula: false };
}

function toRaw(r: ExcelRow, maxCell: number): RawRow {
  if (r.number > EXCEL_MAX_ROWS) throw rowBeyondExcel(r.number);
  const values = Array.isArray(r.values) ? (r.values as unknown[]) : [];
  const cells: Cell[] = [];
  let formula = false;
  // exceljs rows are 1-based sparse arrays; cap at Excel's column limit.
  const n = Math.min(values.length, EXCEL_MAX_COLUMNS + 1);
  for (let i = 1; i < n; i++) {
    const f = flatten(values[i]);
    if (typeof f.cell === 'string' && f.cell.length > maxCell) throw cellTooLong(maxCell, r.number, i);
    // The export guards formula starts in XLSX as in CSV; the guard comes off the same way.
    cells.push(typeof f.cell === 'string' ? unguard(f.cell) : f.cell);
    if (f.formula) formula = true;
  }
  return formula ? { row: r.number, cells, formula } : { row: r.number, cells };
}

/** A reader that moves no bytes for this long while the import waits on it is stuck (a damaged zip). */
const STALL_MS = 2000;

/** The parts a worksheet needs, in the order they are best read. */
const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * The zip's bytes with the workbook, its relations, shared strings and styles
 * moved before the worksheets. Excel and exceljs write worksheets first; read
 * in that order, exceljs parks each worksheet unpacked in a temporary file
 * (unmetered, and where it sometimes loses the workbook part under load).
 * Local entries are self-contained, so moving them keeps the zip readable as
 * a stream; the central directory stays last.
 */
export function workbookFirst(b: Uint8Array, dir: ZipDirectory): Uint8Array[] {
  const starts = [...new Set(dir.parts.map((p) => p.offset))].sort((x, y) => x - y);
  const end = new Map<number, number>();
  starts.forEach((s, i) => {
    end.set(s, starts[i + 1] ?? dir.offset);
  });
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    return i < 0 ? FIRST.length : i;
  };
  const seen = new Set<number>();
  const ordered = dir.parts
    .map((p, i) => ({ p, i }))
    .sort((x, y) => rank(x.p.name) - rank(y.p.name) || x.i - y.i);
  const out: Uint8Array[] = [];
  if ((starts[0] ?? 0) > 0) out.push(b.subarray(0, starts[0]));
  for (const { p } of ordered) {
    if (seen.has(p.offset)) continue;
    seen.add(p.offset);
    out.push(b.subarray(p.offset, end.get(p.offset)));
  }
  out.push(b.subarray(dir.offset));
  return out;
}

/**
 * Guards the streaming zip reader against damaged files: exceljs (unzipper)
 * can wait forever for bytes that never come. The clock runs only while the
 * import waits on the reader, and any byte read or unpacked resets it: a
 * caller that takes its time over a batch never stops an import.
 */
class Watchdog {
  private last = Date.now();
  private broken: Error | undefined;
  /** Rejecters of the awaits in flight (a race against one long-lived promise would leak a reaction per row). */
  private readonly waiters = new Set<(e: Error) => void>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly error: () => Error) {
    this.timer = setInterval(() => {
      if (this.waiters.size > 0 && Date.now() - this.last > STALL_MS) this.fail(this.error());
    }, 250);
    this.timer.unref?.();
  }

  fail(e: Error): void {
    if (!this.broken) this.broken = e;
    for (const w of this.waiters) w(this.broken);
    this.waiters.clear();
  }

  async *watch(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const c of chunks) {
      this.progress();
      yield c;
    }
    this.progress();
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  progress(): void {
    this.last = Date.now();
  }

  /** Await `p` unless the file turns out broken first. */
  async guard<T>(p: Promise<T>): Promise<T> {
    if (this.broken) throw this.broken;
    this.progress();
    let reject: ((e: Error) => void) | undefined;
    const stop = new Promise<never>((_, r) => {
      reject = r;
    });
    if (reject) this.waiters.add(reject);
    try {
      const v = await Promise.race([p, stop]);
      this.progress();
      return v;
    } finally {
      if (reject) this.waiters.delete(reject);
    }
  }
}

/**
 * The worksheets of an XLSX byte stream, in file order, each streamed row by
 * row. The compressed bytes are held (they are small: a 100,000-row registry
 * is about 10 MB) so that a read that lost parts can be repeated; the rows are
 * streamed, never all held.
 */
export async function* exceljsSheets(
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
  const bytes = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, size);
  parts.length = 0;
  // A zip without its end record is truncated: unzipper would wait for the rest forever.
  const eocd = eocdAt(bytes);
  if (eocd < 0) throw ctx.broken();
  const dir = zipDirectory(bytes, eocd);
  if (dir) {
    let total = 0;
    for (const p of dir.parts) total += p.size;
    // Declared sizes refuse a zip bomb before a byte is unpacked; the meter catches one that lies.
    if (total > ctx.limits.maxUnpackedBytes) throw tooMuchData(ctx.limits.maxUnpackedBytes, 'xlsx');
  }
  const segments = dir ? workbookFirst(bytes, dir) : [bytes];
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const sheet of readSheets(segments, dir?.sizes, ctx)) {
        yielded = true;
        yield sheet;
      }
      return;
    } catch (e) {
      if (!(e instanceof LostParts)) throw e;
      // Parts are lost before any worksheet is read (they are read last), so nothing was handed out.
      if (yielded || attempt >= READ_ATTEMPTS) throw ctx.broken();
    }
  }
}

const SLICE = 65_536;

async function* readSheets(
  segments: readonly Uint8Array[],
  declared: ReadonlyMap<string, number> | undefined,
  ctx: XlsxContext,
): AsyncGenerator<SheetStream> {
  const chunks = (async function* () {
    for (const b of segments) for (let o = 0; o < b.byteLength; o += SLICE) yield b.subarray(o, o + SLICE);
  })();
  const dog = new Watchdog(ctx.broken);
  const input = Readable.from(dog.watch(chunks), { objectMode: false });
  input.on('error', () => undefined);
  const reader = new SafeReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  reader.meter = new Meter(
    declared,
    ctx.limits.maxUnpackedBytes,
    () => tooMuchData(ctx.limits.maxUnpackedBytes, 'xlsx'),
    ctx.broken,
    (e) => (e ? dog.fail(e) : dog.progress()),
    // Up to 4 bytes a character in UTF-8, or 6 for an escaped one (`&quot;`), plus a chunk.
    ctx.limits.maxCellLength * 6 + 65_536,
    () => textTooLong(ctx.limits.maxCellLength),
  );
  const maxCell = ctx.limits.maxCellLength;
  const events = reader.parse();
  try {
    for (;;) {
      const ev = await dog.guard(events.next());
      if (ev.done) return;
      if (ev.value.eventType !== 'worksheet') continue;
      ctx.onDate1904(reader.properties?.model?.date1904 === true);
      const ws = ev.value.value as { name?: unknown } & AsyncIterable<ExcelRow>;
      const name = typeof ws.name === 'string' ? ws.name : '';
      const rows = ws[Symbol.asyncIterator]();
      yield {
        name,
        rows: (async function* () {
          for (;;) {
            const r = await dog.guard(rows.next());
            if (r.done) return;
            yield toRaw(r.value, maxCell);
          }
        })(),
      };
    }
  } finally {
    dog.dispose();
    input.destroy();
  }
}
