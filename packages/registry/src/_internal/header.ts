import type { ColumnBinding, ImportWarning } from '../types';
import { type Cell, cellText } from './cells';
import type { FieldDef } from './fields';
import type { Binding } from './row';
import type { RawRow } from './sheet';
import { columnLetter, normalizeKey } from './text';

/** Header text → field key, for one registry kind plus the caller's extra names. */
export class HeaderMatcher {
  private readonly map = new Map<string, string>();

  constructor(fields: readonly FieldDef[], custom: Readonly<Record<string, string>> | undefined) {
    if (custom) for (const [h, key] of Object.entries(custom)) this.map.set(normalizeKey(h), key);
    for (const f of fields) {
      for (const v of [f.header, f.headerEn, f.key, ...f.variants]) {
        const k = normalizeKey(v);
        if (k !== '' && !this.map.has(k)) this.map.set(k, f.key);
      }
    }
  }

  match(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const k = normalizeKey(text);
    if (k === '') return undefined;
    const direct = this.map.get(k);
    if (direct) return direct;
    // «Педагогический стаж (полных лет)», «Дата рождения (ДД.ММ.ГГГГ)»: drop a trailing parenthesis.
    const noParen = normalizeKey(text.replace(/\([^)]*\)\s*$/, ''));
    return noParen !== '' ? this.map.get(noParen) : undefined;
  }
}

export interface HeaderFound {
  readonly headerRows: number[];
  /** Index in the buffered rows of the first data row. */
  readonly dataStart: number;
  readonly bindings: Map<string, Binding>;
  readonly columns: ColumnBinding[];
  readonly warnings: ImportWarning[];
}

const texts = (cells: readonly Cell[]) => cells.map((c) => cellText(c));

function label(
  m: HeaderMatcher,
  parent: readonly (string | undefined)[] | undefined,
  child: readonly (string | undefined)[],
  width: number,
): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let carried: string | undefined;
  for (let c = 0; c < width; c++) {
    const p = parent?.[c];
    if (p !== undefined) carried = p;
    const ch = child[c];
    if (parent === undefined) out.push(ch);
    else if (ch === undefined)
      out.push(p); // a header merged vertically over both rows
    else if (m.match(ch)) out.push(ch);
    else if (carried !== undefined && m.match(`${carried} ${ch}`)) out.push(`${carried} ${ch}`);
    else out.push(ch);
  }
  return out;
}

const score = (m: HeaderMatcher, labels: readonly (string | undefined)[]) =>
  new Set(labels.map((l) => m.match(l)).filter((k) => k !== undefined)).size;

/**
 * Find the header among the first rows: the row with most recognised
 * headers, joined with the row above or below when that recognises more
 * (two header rows with merged cells: «Сведения о работе» over «Должность»,
 * «Стаж»; «ФИО» merged down over both rows).
 */
export function findHeader(rows: readonly RawRow[], m: HeaderMatcher): HeaderFound | undefined {
  let best = -1;
  let bestScore = 1;
  rows.forEach((r, i) => {
    const s = score(m, texts(r.cells));
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  const h = rows[best];
  if (!h) return undefined;
  const width = Math.max(...rows.slice(Math.max(0, best - 1), best + 2).map((r) => r.cells.length));
  const single = label(m, undefined, texts(h.cells), width);
  let chosen = { labels: single, rows: [h.row], dataStart: best + 1, s: score(m, single) };
  const below = rows[best + 1];
  if (below && below.row === h.row + 1) {
    const l = label(m, texts(h.cells), texts(below.cells), width);
    const s = score(m, l);
    if (s > chosen.s) chosen = { labels: l, rows: [h.row, below.row], dataStart: best + 2, s };
  }
  const above = rows[best - 1];
  if (above && above.row === h.row - 1) {
    const l = label(m, texts(above.cells), texts(h.cells), width);
    const s = score(m, l);
    if (s > chosen.s) chosen = { labels: l, rows: [above.row, h.row], dataStart: best + 1, s };
  }
  const bindings = new Map<string, Binding>();
  const columns: ColumnBinding[] = [];
  const warnings: ImportWarning[] = [];
  chosen.labels.forEach((text, index) => {
    if (text === undefined) return;
    const column = columnLetter(index + 1);
    const key = m.match(text);
    if (key === undefined) {
      columns.push({ column, header: text, field: null });
      warnings.push({
        code: 'column_ignored',
        column,
        header: text,
        message: `Столбец «${text}» не распознан и не импортирован`,
        messageEn: `Column "${text}" was not recognised and was not imported`,
      });
      return;
    }
    if (key === 'rowNo') {
      columns.push({ column, header: text, field: key });
      return;
    }
    const first = bindings.get(key);
    if (first) {
      columns.push({ column, header: text, field: null });
      warnings.push({
        code: 'column_duplicated',
        column,
        header: text,
        message: `Столбец «${text}» повторяет столбец ${first.column} «${first.header}»; импортирован первый`,
        messageEn: `Column "${text}" repeats column ${first.column} "${first.header}"; the first one was imported`,
      });
      return;
    }
    bindings.set(key, { index, column, header: text });
    columns.push({ column, header: text, field: key });
  });
  return { headerRows: chosen.rows, dataStart: chosen.dataStart, bindings, columns, warnings };
}
