import { nastavnikError } from '@nastavnik/core';
import iconv from 'iconv-lite';
import type { RawRow } from './sheet';

/** Excel's own limit on a cell; longer «cells» mean a broken file (an unclosed quote). */
export const MAX_CELL = 32_767;

/** BOM, else strict UTF-8 on the first bytes, else Windows-1251 (what Russian Excel writes). */
export function sniffEncoding(head: Uint8Array): 'utf-8' | 'windows-1251' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Decode a byte stream as text, chunk by chunk (multi-byte characters may straddle chunks). */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: 'utf-8' | 'windows-1251',
): AsyncGenerator<string> {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8');
    for await (const c of chunks) {
      const s = d.decode(c, { stream: true });
      if (s) yield s;
    }
    const tail = d.decode();
    if (tail) yield tail;
    return;
  }
  const d = iconv.getDecoder('win1251');
  for await (const c of chunks) {
    const s = d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    if (s) yield s;
  }
  const tail = d.end();
  if (tail) yield tail;
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

const TRIGGER = /^'+[=+\-@\t\r]/;

/** Undo the export's formula guard: one leading apostrophe before = + - @ tab CR. */
export function unguard(value: string): string {
  return TRIGGER.test(value) ? value.slice(1) : value;
}

/** RFC 4180 records from text chunks; rows are numbered by record (as Excel shows them). */
export async function* csvRows(text: AsyncIterable<string>, sep: string): AsyncGenerator<RawRow> {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // the previous char was a quote inside a quoted field
  let afterCR = false;
  let row = 0;
  let fieldQuoted = false;
  const endField = () => {
    fields.push(fieldQuoted ? field : field);
    field = '';
    fieldQuoted = false;
  };
  const tooLong = () =>
    nastavnikError(
      'too_big',
      ['input'],
      'Ячейка CSV длиннее 32 767 символов: вероятно, в файле не закрыта кавычка',
      'A CSV cell is longer than 32,767 characters: probably an unclosed quote',
    );
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
            continue;
          }
          inQuotes = false;
          // fall through: ch is handled as outside quotes
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += ch;
          if (field.length > MAX_CELL) throw tooLong();
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
        if (field.length > MAX_CELL) throw tooLong();
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
