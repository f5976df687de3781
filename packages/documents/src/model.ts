/**
 * The document model: what every builder produces and every renderer reads.
 * A document is a list of blocks plus annexes; blocks are a discriminated
 * union on `kind`. Texts are plain strings: renderers escape them.
 */

/**
 * A run of text inside a paragraph: plain, or bold / italic.
 *
 * @category Model
 * @example
 * const runs: Inline[] = ['Назначить ', { text: 'Жаксимбаеву Л. В.', bold: true }];
 */
export type Inline = string | { readonly text: string; readonly bold?: boolean; readonly italic?: boolean };

/**
 * Horizontal alignment of a paragraph.
 *
 * @category Model
 * @example
 * const a: Align = 'justify';
 */
export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * A cell of a table: text, or text with a column span and emphasis.
 *
 * @category Model
 * @example
 * const c: TableCellValue = { text: 'Этап 1. Подготовка', colSpan: 4, bold: true };
 */
export type TableCellValue =
  | string
  | { readonly text: string; readonly colSpan?: number; readonly bold?: boolean; readonly align?: Align };

/**
 * A column of a table: header and relative width (any unit; renderers scale).
 *
 * @category Model
 * @example
 * const col: TableColumn = { header: 'Сроки', width: 2 };
 */
export interface TableColumn {
  readonly header: string;
  readonly width?: number;
  /** Numeric columns are right-aligned and written as numbers to XLSX. */
  readonly numeric?: boolean;
}

/**
 * A row of a table. A `section` row (a roadmap stage) spans all columns.
 *
 * @category Model
 * @example
 * const row: TableRowValue = { cells: ['1', 'Формирование базы наставляемых'] };
 */
export interface TableRowValue {
  readonly cells: readonly TableCellValue[];
  readonly section?: boolean;
}

/**
 * One bar of a chart.
 *
 * @category Model
 * @example
 * const bar: ChartBar = { label: 'Наставляемые', value: 72 };
 */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
}

/**
 * A field of a printable form: a label and blank lines to fill in by hand,
 * or options to tick.
 *
 * @category Model
 * @example
 * const f: FormField = { label: 'Фамилия, имя, отчество', lines: 1 };
 */
export interface FormField {
  readonly label: string;
  readonly lines?: number;
  readonly options?: readonly string[];
  /** A scale to circle, e.g. 1–10. */
  readonly scale?: {
    readonly min: number;
    readonly max: number;
    readonly minLabel?: string;
    readonly maxLabel?: string;
  };
}

/**
 * A block of a document. Discriminated on `kind`.
 *
 * - `orgHeader`: the organization's name lines at the top, centred.
 * - `requisites`: the act word (ПРИКАЗ / РАСПОРЯЖЕНИЕ), date and number.
 * - `approval`: the «УТВЕРЖДАЮ» block, top right.
 * - `title`: the bold centred title of the document.
 * - `heading`: a section heading («1. Общие положения»).
 * - `paragraph`: running text, with a first-line indent by default.
 * - `numbered`: a numbered point with optional sub-points («4.1.»).
 * - `list`: dash items («– …»), as Russian official texts write them.
 * - `table`: columns and rows; `caption` names it (also the XLSX sheet).
 * - `signature`: position, a line for the signature, and the name.
 * - `signatures`: several signature lines (mentor, mentee, curator).
 * - `acquaintance`: «С приказом ознакомлен(а)» with date / signature / name columns (004).
 * - `form`: printable fields of a questionnaire or a consent.
 * - `chart`: a bar chart (SVG in HTML, PNG in DOCX, a table in Markdown / XLSX).
 * - `pageBreak`.
 *
 * @category Model
 * @example
 * const b: Block = { kind: 'numbered', number: '1.', text: 'Организовать работу…' };
 */
export type Block =
  | { readonly kind: 'orgHeader'; readonly lines: readonly string[] }
  | {
      readonly kind: 'requisites';
      readonly act: string;
      readonly date: string;
      readonly number: string;
      readonly place?: string;
    }
  | {
      readonly kind: 'approval';
      readonly word: string;
      readonly position: string;
      readonly name: string;
      readonly date?: string;
      readonly basis?: string;
    }
  | { readonly kind: 'title'; readonly text: string; readonly subtitle?: string }
  | { readonly kind: 'heading'; readonly text: string; readonly level: 1 | 2 }
  | {
      readonly kind: 'paragraph';
      readonly text: string | readonly Inline[];
      readonly align?: Align;
      readonly indent?: boolean;
      /** Space above and below (the «ПРИКАЗЫВАЮ:» line). */
      readonly spaced?: boolean;
    }
  | {
      readonly kind: 'numbered';
      readonly number: string;
      readonly text: string | readonly Inline[];
      readonly items?: readonly { readonly number: string; readonly text: string }[];
    }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly caption?: string;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly TableRowValue[];
      /** Print the caption above the table (default true when a caption is given). */
      readonly showCaption?: boolean;
    }
  | { readonly kind: 'signature'; readonly position: string; readonly name: string }
  | {
      readonly kind: 'signatures';
      readonly items: readonly { readonly role: string; readonly name: string }[];
      readonly date?: string;
    }
  | {
      readonly kind: 'acquaintance';
      readonly title: string;
      readonly rows: readonly { readonly name: string; readonly date?: string }[];
    }
  | { readonly kind: 'form'; readonly fields: readonly FormField[] }
  | {
      readonly kind: 'chart';
      readonly title: string;
      readonly bars: readonly ChartBar[];
      readonly unit?: string;
      readonly max?: number;
    }
  | { readonly kind: 'pageBreak' };

/**
 * The kind of a block.
 *
 * @category Model
 * @example
 * const k: BlockKind = 'table';
 */
export type BlockKind = Block['kind'];

/**
 * An annex (приложение) to an order: the annex label lines, top right
 * («Приложение 1», «к приказу от 08.02.2022 № 5/1-п.о.д.»), and its blocks.
 * Starts on a new page; `landscape` for wide tables (roadmaps).
 *
 * @category Model
 * @example
 * const annex: Annex = { label: ['Приложение 1', 'к приказу от 08.02.2022 № 5/1-п.о.д.'], blocks: [] };
 */
export interface Annex {
  readonly label: readonly string[];
  readonly blocks: readonly Block[];
  readonly landscape?: boolean;
}

/**
 * A document: metadata, blocks and annexes. Builders make it; renderers
 * turn it into DOCX, HTML, Markdown or XLSX.
 *
 * @category Model
 * @example
 * const doc: NastavnikDocument = { meta: { kind: 'note', title: 'Справка' }, blocks: [{ kind: 'title', text: 'Справка' }], annexes: [] };
 */
export interface NastavnikDocument {
  readonly meta: {
    /** What document this is («pairsOrder», «regulation», …). */
    readonly kind: string;
    /** A plain title for file properties and the HTML `<title>`. */
    readonly title: string;
    /** Landscape pages for the main body (a roadmap on its own). */
    readonly landscape?: boolean;
  };
  readonly blocks: readonly Block[];
  readonly annexes: readonly Annex[];
}

/**
 * The plain text of an inline run or a list of runs.
 *
 * @category Model
 * @example
 * inlineText(['Назначить ', { text: 'Иванову И. И.', bold: true }]); // 'Назначить Иванову И. И.'
 */
export function inlineText(text: string | readonly Inline[]): string {
  if (typeof text === 'string') return text;
  return text.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}

/**
 * The text of a table cell.
 *
 * @category Model
 * @example
 * cellText({ text: 'Этап 1', colSpan: 4 }); // 'Этап 1'
 */
export function cellText(cell: TableCellValue): string {
  return typeof cell === 'string' ? cell : cell.text;
}
