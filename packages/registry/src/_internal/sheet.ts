import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells';

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

/** Decode UTF-8 across chunk boundaries (exceljs decodes each chunk alone and breaks Cyrillic letters that straddle two). */
async function* utf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const d = new TextDecoder('utf-8');
  for await (const c of chunks) {
    if (typeof c === 'string') yield c;
    else if (c instanceof Uint8Array) {
      const s = d.decode(c, { stream: true });
      if (s) yield s;
    }
  }
  const tail = d.decode();
  if (tail) yield tail;
}

/**
 * exceljs' streaming reader with its text decoding fixed: shared strings and
 * worksheets are decoded as streams, so multi-byte characters that fall on a
 * chunk boundary survive.
 */
class SafeReader extends Base {
  override async *_parseSharedStrings(entry: unknown): AsyncGenerator<unknown> {
    const e = entry as { setEncoding?: (enc: string) => void };
    e.setEncoding?.('utf8');
    yield* super._parseSharedStrings(entry);
  }

  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<StreamEvent> {
    // exceljs 4.4 sometimes loses xl/workbook.xml and xl/sharedStrings.xml when they come after the
    // worksheets in the zip (they do in most files) and the process is busy: the worksheets, parked
    // in temporary files, are then read without their names and shared strings. Every XLSX has a
    // workbook part, so a worksheet read without one means the read lost parts: say so, and the
    // caller reads the bytes again.
    if ((this as unknown as { workbookRels?: unknown }).workbookRels === undefined) throw new LostParts();
    yield* super._parseWorksheet(utf8(iterator), sheetNo);
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

function toRaw(r: ExcelRow): RawRow {
  const values = Array.isArray(r.values) ? (r.values as unknown[]) : [];
  const cells: Cell[] = [];
  let formula = false;
  // exceljs rows are 1-based sparse arrays; cap at Excel's column limit.
  const n = Math.min(values.length, 16_385);
  for (let i = 1; i < n; i++) {
    const f = flatten(values[i]);
    cells.push(f.cell);
    if (f.formula) formula = true;
  }
  return formula ? { row: r.number, cells, formula } : { row: r.number, cells };
}

const STALL_MS = 2000;
const EOCD = [0x50, 0x4b, 0x05, 0x06];

function hasEocd(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === EOCD[0] && tail[i + 1] === EOCD[1] && tail[i + 2] === EOCD[2] && tail[i + 3] === EOCD[3])
      return true;
  }
  return false;
}

/**
 * Guards the streaming zip reader against damaged files: exceljs (unzipper)
 * waits forever for bytes that never come when a file is truncated. Once the
 * input has ended, a file without an end-of-central-directory record fails at
 * once, and a reader that makes no progress for two seconds fails too.
 */
class Watchdog {
  private last = Date.now();
  private tail = new Uint8Array(0);
  private broken: Error | undefined;
  /** Rejecters of the awaits in flight (a race against one long-lived promise would leak a reaction per row). */
  private readonly waiters = new Set<(e: Error) => void>();

  constructor(private readonly error: () => Error) {}

  private fail(): void {
    if (!this.broken) this.broken = this.error();
    for (const w of this.waiters) w(this.broken);
    this.waiters.clear();
  }

  async *watch(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const c of chunks) {
      this.progress();
      const keep = 65_557;
      if (c.byteLength >= keep) this.tail = c.slice(c.byteLength - keep);
      else {
        const joined = new Uint8Array(Math.min(keep, this.tail.byteLength + c.byteLength));
        const fromTail = joined.byteLength - c.byteLength;
        joined.set(this.tail.subarray(this.tail.byteLength - fromTail), 0);
        joined.set(c, fromTail);
        this.tail = joined;
      }
      yield c;
    }
    this.progress();
    if (!hasEocd(this.tail)) this.fail();
    // After the input has ended, a reader that makes no progress is stuck for good.
    this.timer = setInterval(() => {
      if (Date.now() - this.last > STALL_MS) this.fail();
    }, 250);
    this.timer.unref?.();
  }

  private timer: ReturnType<typeof setInterval> | undefined;

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
  }

  progress(): void {
    this.last = Date.now();
  }

  /** Await `p` unless the file turns out broken first. */
  async guard<T>(p: Promise<T>): Promise<T> {
    if (this.broken) throw this.broken;
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
export async function* xlsxSheets(
  chunks: AsyncIterable<Uint8Array>,
  onDate1904: (v: boolean) => void,
  broken: () => Error,
  tooLarge: () => Error,
): AsyncGenerator<SheetStream> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.byteLength;
    if (size > MAX_XLSX_BYTES) throw tooLarge();
    parts.push(c);
  }
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const sheet of readSheets(parts, onDate1904, broken)) {
        yielded = true;
        yield sheet;
      }
      return;
    } catch (e) {
      if (!(e instanceof LostParts)) throw e;
      // Parts are lost before any worksheet is read (they are read last), so nothing was handed out.
      if (yielded || attempt >= READ_ATTEMPTS) throw broken();
    }
  }
}

async function* readSheets(
  parts: readonly Uint8Array[],
  onDate1904: (v: boolean) => void,
  broken: () => Error,
): AsyncGenerator<SheetStream> {
  const chunks = (async function* () {
    yield* parts;
  })();
  const dog = new Watchdog(broken);
  const input = Readable.from(dog.watch(chunks), { objectMode: false });
  input.on('error', () => undefined);
  const reader = new SafeReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const events = reader.parse();
  try {
    for (;;) {
      const ev = await dog.guard(events.next());
      if (ev.done) return;
      if (ev.value.eventType !== 'worksheet') continue;
      onDate1904(reader.properties?.model?.date1904 === true);
      const ws = ev.value.value as { name?: unknown } & AsyncIterable<ExcelRow>;
      const name = typeof ws.name === 'string' ? ws.name : '';
      const rows = ws[Symbol.asyncIterator]();
      yield {
        name,
        rows: (async function* () {
          for (;;) {
            const r = await dog.guard(rows.next());
            if (r.done) return;
            yield toRaw(r.value);
          }
        })(),
      };
    }
  } finally {
    dog.dispose();
    input.destroy();
  }
}
