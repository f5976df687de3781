import { startsFormula } from '@nastavnik/core';
import { cellTooLong, EXCEL_MAX_COLUMNS, tooManyColumns } from './limits';
import type { RawRow } from './sheet';

/** The text encodings a CSV is read in. */
export type TextEncoding = 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';

/**
 * BOM (UTF-8, or UTF-16 as Excel's «Unicode text» writes it), else UTF-16 by
 * its zero bytes, else strict UTF-8 on the first bytes, else Windows-1251
 * (what Russian Excel writes).
 */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // Text never holds NUL; UTF-16 without a BOM has one in every ASCII character (separators, digits).
  let even = 0;
  let odd = 0;
  const n = Math.min(head.byteLength, 4096) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (n >= 4 && odd > n / 20 && even === 0) return 'utf-16le';
  if (n >= 4 && even > n / 20 && odd === 0) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/**
 * Decode a byte stream as text, chunk by chunk (multi-byte characters may
 * straddle chunks); a BOM is dropped. Windows-1251 too through the WHATWG
 * `TextDecoder` (browsers, and Node with its full ICU), no Node built-ins.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const d = new TextDecoder(encoding);
  // 0x98 is no character in Windows-1251: WHATWG decodes it as U+0098, read here as undecodable.
  const clean =
    encoding === 'windows-1251' ? (s: string) => s.replace(/\u0098/g, '\ufffd') : (s: string) => s;
  for await (const c of chunks) {
    const s = d.decode(c, { stream: true });
    if (s) yield clean(s);
  }
  const tail = d.decode();
  if (tail) yield clean(tail);
}

/** Windows-1251's bytes 0x80–0xFF by character, from the WHATWG decoder (0x98 is no character). */
let cp1251: Map<number, number> | undefined;

/**
 * Encode text as Windows-1251 (what Russian Excel reads from a CSV): a
 * character the code page lacks becomes «?», one per UTF-16 unit, as
 * iconv-lite writes it.
 */
export function encodeWindows1251(text: string): Uint8Array {
  if (!cp1251) {
    const d = new TextDecoder('windows-1251');
    cp1251 = new Map();
    for (let b = 0x80; b <= 0xff; b++)
      if (b !== 0x98) cp1251.set(d.decode(Uint8Array.of(b)).charCodeAt(0), b);
  }
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 ? c : (cp1251.get(c) ?? 0x3f);
  }
  return out;
}

/** Pass bytes through, failing with `tooMuch()` once more than `max` bytes have passed. */
export async function* capBytes(
  chunks: AsyncIterable<Uint8Array>,
  max: number,
  tooMuch: () => Error,
): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const c of chunks) {
    size += c.byteLength;
    if (size > max) throw tooMuch();
    yield c;
  }
}

/** The separator used most in the first lines (outside quotes): `;` wins ties, as Russian Excel writes it. */
export function sniffSeparator(sample: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 20; i++) {
    const ch = sample[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (ch === ';' || ch === ',' || ch === '\t') counts[ch]++;
      else if (ch === '\n') lines++;
    }
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return counts[','] > 0 ? ',' : ';';
}

/**
 * The export's formula guard: an apostrophe before a text a spreadsheet could
 * read as a formula (see `startsFormula` in core), and one more before a text
 * that already has apostrophes there, so that {@link unguard} restores every value.
 */
export function guard(value: string): string {
  return startsFormula(value.replace(/^'+/, '')) ? `'${value}` : value;
}

/** Undo the export's formula guard: one leading apostrophe before what {@link guard} guards. */
export function unguard(value: string): string {
  return value.startsWith("'") && startsFormula(value.replace(/^'+/, '')) ? value.slice(1) : value;
}

/**
 * RFC 4180 records from text chunks; rows are numbered by record (as Excel
 * shows them). A cell longer than `maxCell` (quoted or not) and a row with
 * more columns than Excel allows are typed errors, not a hunt for quotes.
 */
export async function* csvRows(
  text: AsyncIterable<string>,
  sep: string,
  maxCell: number,
): AsyncGenerator<RawRow> {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // the previous char was a quote inside a quoted field
  let afterCR = false;
  let row = 0;
  let fieldQuoted = false;
  const endField = () => {
    if (fields.length >= EXCEL_MAX_COLUMNS) throw tooManyColumns(row + 1);
    fields.push(field);
    field = '';
    fieldQuoted = false;
  };
  const tooLong = () => cellTooLong(maxCell, row + 1, fields.length + 1);
  for await (const chunk of text) {
    const out: RawRow[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (afterCR) {
        afterCR = false;
        if (ch === '\n') continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            if (field.length > maxCell) throw tooLong();
            continue;
          }
          inQuotes = false;
          // fall through: ch is handled as outside quotes
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += ch;
          if (field.length > maxCell) throw tooLong();
          continue;
        }
      }
      if (ch === '"' && field === '' && !fieldQuoted) {
        inQuotes = true;
        fieldQuoted = true;
      } else if (ch === sep) {
        endField();
      } else if (ch === '\n' || ch === '\r') {
        endField();
        row++;
        out.push({ row, cells: fields.map((f) => (f === '' ? undefined : unguard(f))) });
        fields = [];
        afterCR = ch === '\r';
      } else {
        field += ch;
        if (field.length > maxCell) throw tooLong();
      }
    }
    for (const r of out) yield r;
  }
  if (quoteSeen) inQuotes = false;
  if (field !== '' || fields.length > 0 || fieldQuoted) {
    endField();
    row++;
    yield { row, cells: fields.map((f) => (f === '' ? undefined : unguard(f))) };
  }
}
