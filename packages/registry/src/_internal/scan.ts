import { cellText } from './cells';
import { findHeader, type HeaderFound, type HeaderMatcher } from './header';
import type { RawRow } from './sheet';

/** Filled rows looked at to find the header. */
const HEADER_SCAN = 30;

/** A row with no cell that holds text. */
export function isEmptyRow(r: RawRow): boolean {
  for (const c of r.cells) if (cellText(c) !== undefined) return false;
  return true;
}

/** The header of a sheet, the filled rows above it and the data rows from just after it. */
export interface ScannedSheet {
  readonly header: HeaderFound;
  readonly lastHeaderRow: number;
  /** Filled rows above the header (not imported; reported as a warning). */
  readonly preamble: readonly RawRow[];
  /** The rows after the header, as read (empty rows between are gaps in the numbering). */
  readonly rest: AsyncIterable<RawRow>;
}

/**
 * Read a sheet until {@link HEADER_SCAN} filled rows have been seen (or the
 * sheet ends) and find the header among them. Empty rows are counted past,
 * never kept: the scan is linear in the rows read, blank or not, and holds
 * at most {@link HEADER_SCAN} rows.
 */
export async function scanHeader(
  rows: AsyncIterable<RawRow>,
  matcher: HeaderMatcher,
): Promise<ScannedSheet | undefined> {
  const it = rows[Symbol.asyncIterator]();
  const filled: RawRow[] = [];
  let exhausted = false;
  while (filled.length < HEADER_SCAN) {
    const r = await it.next();
    if (r.done) {
      exhausted = true;
      break;
    }
    if (!isEmptyRow(r.value)) filled.push(r.value);
  }
  const header = findHeader(filled, matcher);
  if (!header) {
    if (!exhausted) for (let r = await it.next(); !r.done; r = await it.next());
    return undefined;
  }
  const first = header.headerRows[0] ?? 0;
  const lastHeaderRow = header.headerRows[header.headerRows.length - 1] ?? 0;
  const rest = (async function* () {
    for (const r of filled) if (r.row > lastHeaderRow) yield r;
    if (exhausted) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  })();
  return { header, lastHeaderRow, preamble: filled.filter((r) => r.row < first), rest };
}
