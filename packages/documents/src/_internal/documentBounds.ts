import { fail } from '@nastavnik/core';
import type { NastavnikDocument, TableCellValue } from '../model';

/**
 * The longest text one block, cell or line of a document may hold: 100,000
 * characters, some 40 printed pages. Longer text is almost surely a mistake
 * (a whole file pasted into a cell), and typesetting it costs about 60 bytes
 * of working memory a character, so 5 million characters in one cell ran a
 * 256 MB heap out of memory — an abort no caller can catch.
 */
export const MAX_TEXT_LENGTH = 100_000;

/** The most text a whole document may hold: 5,000,000 characters, some 2,000 pages. */
export const MAX_DOCUMENT_TEXT = 5_000_000;

/**
 * Refuse, with a typed error and the path of the offending value, a document
 * whose sizes no renderer can honour: a text over {@link MAX_TEXT_LENGTH} or a
 * document over {@link MAX_DOCUMENT_TEXT}. Walks the document iteratively, so
 * a deep one cannot overflow the stack. The builders never produce such
 * documents; this guards documents assembled or edited by the caller.
 */
export function checkDocumentBounds(doc: NastavnikDocument): void {
  let total = 0;
  const stack: Array<[unknown, Array<string | number>]> = [[doc, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, Array<string | number>];
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_LENGTH) {
        throw fail('too_big', path, { maximum: MAX_TEXT_LENGTH, origin: 'string', inclusive: true });
      }
      total += value.length;
      if (total > MAX_DOCUMENT_TEXT) {
        throw fail('too_big', path, { maximum: MAX_DOCUMENT_TEXT, origin: 'string', inclusive: true });
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
    } else if (typeof value === 'object' && value !== null) {
      const o = value as Record<string, unknown>;
      for (const k of Object.keys(o)) stack.push([o[k], [...path, k]]);
    }
  }
}

/**
 * How many columns a cell spans, as every renderer reads it: a whole number
 * from 1 to the table's width, whatever a document object built without its
 * schema holds (a span of 1,000,000,000 made the Markdown renderer build a
 * billion-cell row and run out of memory).
 */
export function cellSpan(c: TableCellValue, width: number): number {
  if (typeof c === 'string') return 1;
  const v: unknown = c.colSpan;
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 1;
  return Math.min(Math.max(1, n), Math.max(1, width));
}
