import { fail, isNastavnikError, NastavnikError, nastavnikIssue, registerCatalogue } from '@nastavnik/core';
import { capBytes, csvRows, decodeText, sniffEncoding, sniffSeparator, type TextEncoding } from './csv';
import { chunksOf, PeekedBytes, type RegistryInput, sniffFormat } from './input';
import { type Limits, tooMuchData } from './limits';
import { type SheetStream, xlsxSheets } from './sheet';

registerCatalogue();

/** Bytes looked at before the format, encoding and separator are decided. */
const PEEK = 65_536;

/** Anything that is not already a typed error becomes «the file is damaged». */
export function wrapUnexpected(cause: unknown): NastavnikError {
  if (isNastavnikError(cause)) return cause;
  return new NastavnikError([nastavnikIssue('invalid_format', ['input'], { format: 'spreadsheet' })], {
    cause,
  });
}

/** What the reader found out about the file, and its sheets to stream. */
export interface OpenedInput {
  readonly format: 'xlsx' | 'csv';
  readonly encoding?: TextEncoding;
  readonly separator?: string;
  readonly sheets: AsyncIterable<SheetStream> | Iterable<SheetStream>;
  /** XLSX: the workbook counts dates from 1904 (known once the first sheet is reached). */
  readonly date1904: () => boolean;
}

/** Options of {@link openInput}, as validated by the import. */
export interface OpenOptions {
  readonly format?: 'xlsx' | 'csv' | undefined;
  readonly encoding?: TextEncoding | undefined;
  readonly separator?: ';' | ',' | '\t' | undefined;
}

/** Sniff the format (and for CSV the encoding and separator) and open the sheets as row streams. */
export async function openInput(
  input: RegistryInput,
  opts: OpenOptions,
  limits: Limits,
): Promise<OpenedInput> {
  let peeked: PeekedBytes;
  try {
    peeked = await PeekedBytes.open(chunksOf(input), PEEK);
  } catch (e) {
    throw wrapUnexpected(e);
  }
  const sniffed = sniffFormat(peeked.head);
  if (sniffed === 'xls' && opts.format !== 'csv') {
    throw fail('invalid_format', ['input'], { format: 'xls' });
  }
  const format = opts.format ?? (sniffed === 'xlsx' ? 'xlsx' : 'csv');
  if (peeked.head.byteLength === 0) {
    throw fail('required', ['input'], { reason: 'fileEmpty' });
  }

  if (format === 'xlsx') {
    let date1904 = false;
    const sheets = xlsxSheets(peeked, {
      limits,
      onDate1904: (v) => {
        date1904 = v;
      },
      broken: () => wrapUnexpected(new Error('truncated or damaged zip')),
      tooLarge: () => fail('too_big', ['input'], { reason: 'xlsxFile' }),
    });
    return { format, sheets, date1904: () => date1904 };
  }

  const encoding = opts.encoding ?? sniffEncoding(peeked.head);
  let sample = '';
  for await (const s of decodeText([peeked.head], encoding)) sample += s;
  const separator = opts.separator ?? sniffSeparator(sample);
  const bytes = capBytes(peeked, limits.maxUnpackedBytes, () => tooMuchData(limits.maxUnpackedBytes, 'csv'));
  const rows = csvRows(decodeText(bytes, encoding), separator, limits.maxCellLength);
  return {
    format,
    encoding,
    separator,
    sheets: [{ name: '', rows }],
    date1904: () => false,
  };
}
