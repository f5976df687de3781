import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  type ISectionOptions,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { cleanText } from '../_internal/clean';
import { cellSpan, checkDocumentBounds } from '../_internal/documentBounds';
import { barChartPng } from '../_internal/png';
import { scalePoints } from '../_internal/scale';
import { chartMax, chartValue } from '../chart';
import {
  type Align,
  type Block,
  cellText,
  type Inline,
  type NastavnikDocument,
  type TableCellValue,
} from '../model';
import { NB_HYPHEN, typograph } from '../typography/text';

/**
 * Page and type settings of {@link renderDocx}. Defaults follow ГОСТ Р
 * 7.0.97-2016 for organisational documents: A4, Times New Roman 14 pt in
 * text and 12 pt in tables, margins 20 mm top and bottom, 30 mm left,
 * 15 mm right.
 *
 * @category Render
 * @example
 * const o: DocxOptions = { fontSize: 12 };
 */
export interface DocxOptions {
  readonly font?: string;
  /** Body size in points (12–14). */
  readonly fontSize?: number;
  /** Table size in points. */
  readonly tableFontSize?: number;
}

const MM = 56.7;
const A4_W = 11906;
const A4_H = 16838;
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const FIRST_LINE = 709;

interface Ctx {
  readonly width: number;
  readonly size: number;
  readonly tableSize: number;
  readonly font: string;
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Every printed text is cleaned and typeset (non-breaking spaces and hyphens, dashes, quotes). */
const t = (text: string) => typograph(cleanText(text));

/** A line's run children: U+2011 becomes Word's own non-breaking hyphen (fonts without the glyph print a box). */
function lineChildren(line: string): (string | NoBreakHyphen)[] {
  const parts = line.split(NB_HYPHEN);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [new NoBreakHyphen(), part])).filter((x) => x !== '');
}

function runs(text: string | readonly Inline[], extra: { bold?: boolean; size?: number } = {}): TextRun[] {
  const list: readonly Inline[] = typeof text === 'string' ? [text] : text;
  return list.flatMap((r) => {
    const base = typeof r === 'string' ? { text: r } : r;
    return t(base.text)
      .split('\n')
      .map(
        (line, i) =>
          new TextRun({
            children: lineChildren(line),
            ...(i > 0 ? { break: 1 } : {}),
            bold: extra.bold === true || ('bold' in base && base.bold === true),
            italics: 'italic' in base && base.italic === true,
            ...(extra.size === undefined ? {} : { size: extra.size }),
          }),
      );
  });
}

function para(
  text: string | readonly Inline[],
  opts: {
    align?: Align;
    bold?: boolean;
    firstLine?: boolean;
    left?: number;
    before?: number;
    after?: number;
    size?: number;
    keepNext?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    children: runs(text, { ...(opts.bold ? { bold: true } : {}), ...(opts.size ? { size: opts.size } : {}) }),
    alignment: ALIGN[opts.align ?? 'left'],
    indent: {
      ...(opts.firstLine ? { firstLine: FIRST_LINE } : {}),
      ...(opts.left ? { left: opts.left } : {}),
    },
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
}

function tabbed(
  left: string,
  right: string,
  ctx: Ctx,
  before = 0,
  middle?: string,
  keepNext = false,
): Paragraph {
  const children: ParagraphChild[] = [new TextRun({ children: lineChildren(t(left)) })];
  const stops: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number }[] = [];
  if (middle !== undefined) {
    stops.push({ type: TabStopType.CENTER, position: Math.round(ctx.width * 0.55) });
    children.push(new TextRun({ children: [new Tab(), ...lineChildren(t(middle))] }));
  }
  stops.push({ type: TabStopType.RIGHT, position: ctx.width });
  children.push(new TextRun({ children: [new Tab(), ...lineChildren(t(right))] }));
  return new Paragraph({
    children,
    tabStops: stops,
    spacing: { before, after: 0 },
    ...(keepNext ? { keepNext: true } : {}),
  });
}

function cellParagraphs(text: string, ctx: Ctx, bold: boolean, align: Align, keepNext: boolean): Paragraph[] {
  return text.split('\n').map((line) => para(line, { bold, size: ctx.tableSize, align, keepNext }));
}

/** Twips a word needs at a size (half-points): a generous Times New Roman average, bold wider. */
function wordTwips(word: string, halfPoints: number, bold: boolean): number {
  let units = 0;
  for (const ch of word)
    units += /[А-ЯЁA-ZШЩЖМЮФ%№—]/u.test(ch) ? 0.72 : /[ilj.,:;!'|()\-\u2011]/u.test(ch) ? 0.3 : 0.52;
  return Math.ceil(units * (bold ? 1.08 : 1) * halfPoints * 10);
}

/** Each column's longest word (header bold), in twips, with the cell's padding. */
function minimumWidths(
  columns: readonly { header: string; width?: number }[],
  rows: readonly { cells: readonly TableCellValue[]; section?: boolean }[],
  halfPoints: number,
): number[] {
  const pad = 200;
  const min = columns.map(
    (c) =>
      Math.max(
        ...t(c.header)
          .split(/[ \t\r\n/]+/u)
          .map((w) => wordTwips(w, halfPoints, true)),
      ) + pad,
  );
  for (const r of rows) {
    if (r.section) continue;
    let col = 0;
    for (const c of r.cells) {
      const span = cellSpan(c, columns.length);
      if (span === 1 && col < min.length) {
        const need =
          Math.max(
            0,
            // A NBSP binds («13,1 %», «№ 5»): what it joins is one unbreakable word.
            ...t(cellText(c))
              .split(/[ \t\r\n]+/u)
              .map((w) => wordTwips(w, halfPoints, false)),
          ) + pad;
        min[col] = Math.max(min[col] ?? 0, need);
      }
      col += span;
    }
  }
  return min;
}

/**
 * The font size of a table, in half-points: the document's table size, or
 * one or two points smaller (down to 10 pt) when the longest words of its
 * columns do not fit the width at that size, as a typist would set a wide
 * table rather than break a word across lines.
 */
function tableFontSize(
  columns: readonly { header: string; width?: number }[],
  rows: readonly { cells: readonly TableCellValue[]; section?: boolean }[],
  width: number,
  halfPoints: number,
): number {
  for (const size of [halfPoints, halfPoints - 2, halfPoints - 4]) {
    if (size < 20) break;
    if (minimumWidths(columns, rows, size).reduce((a, b) => a + b, 0) < width) return size;
  }
  return halfPoints;
}

/**
 * Column widths that never break a word: each column gets at least its
 * longest word (header bold), the rest of the width is shared by the
 * relative widths; when even the minima do not fit they are scaled down.
 */
export function columnWidths(
  columns: readonly { header: string; width?: number }[],
  rows: readonly { cells: readonly TableCellValue[]; section?: boolean }[],
  width: number,
  halfPoints: number,
): number[] {
  const min = minimumWidths(columns, rows, halfPoints);
  const total = columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const wanted = columns.map((c) => ((c.width ?? 1) / total) * width);
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= width) return min.map((m) => Math.floor((m / minSum) * width));
  // Raise the narrow columns to their minimum, take the difference from the others in proportion.
  let fixed = columns.map((_, i) => (wanted[i] ?? 0) < (min[i] ?? 0));
  for (let pass = 0; pass < columns.length; pass++) {
    const fixedSum = min.reduce((a, m, i) => a + (fixed[i] ? m : 0), 0);
    const freeWanted = wanted.reduce((a, w, i) => a + (fixed[i] ? 0 : w), 0);
    const scale = freeWanted === 0 ? 0 : (width - fixedSum) / freeWanted;
    const next = columns.map((_, i) => fixed[i] === true || (wanted[i] ?? 0) * scale < (min[i] ?? 0));
    if (next.every((f, i) => f === fixed[i])) {
      return columns.map((_, i) => Math.floor(fixed[i] ? (min[i] ?? 0) : (wanted[i] ?? 0) * scale));
    }
    fixed = next;
  }
  return min;
}

function table(
  columns: readonly { header: string; width?: number; numeric?: boolean }[],
  rows: readonly { cells: readonly TableCellValue[]; section?: boolean }[],
  bodyCtx: Ctx,
  minRowHeight?: number,
  keepTogether = false,
): Table {
  const size = tableFontSize(columns, rows, bodyCtx.width, bodyCtx.tableSize);
  const ctx = size === bodyCtx.tableSize ? bodyCtx : { ...bodyCtx, tableSize: size };
  const widths = columnWidths(columns, rows, ctx.width, ctx.tableSize);
  const cell = (
    text: string,
    width: number,
    opts: { bold?: boolean; span?: number; align?: Align; keepNext?: boolean } = {},
  ) =>
    new TableCell({
      children: cellParagraphs(
        t(text),
        ctx,
        opts.bold === true,
        opts.align ?? 'left',
        opts.keepNext === true,
      ),
      width: { size: width, type: WidthType.DXA },
      ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      verticalAlign: VerticalAlign.TOP,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) =>
      cell(c.header, widths[i] ?? 0, {
        bold: true,
        align: 'center',
        keepNext: keepTogether || rows.length > 0,
      }),
    ),
  });
  const body = rows.map((r, ri) => {
    const keepNext = keepTogether && ri < rows.length - 1;
    if (r.section) {
      return new TableRow({
        cantSplit: true,
        children: [
          cell(r.cells.map(cellText).join(' '), ctx.width, {
            bold: true,
            span: columns.length,
            keepNext: true,
          }),
        ],
      });
    }
    let col = 0;
    const cells = r.cells.map((c) => {
      const span = cellSpan(c, columns.length);
      let w = 0;
      for (let k = 0; k < span; k++) w += widths[col + k] ?? 0;
      const numeric = columns[col]?.numeric === true;
      col += span;
      const align: Align = typeof c !== 'string' && c.align ? c.align : numeric ? 'right' : 'left';
      return cell(cellText(c), w, { bold: typeof c !== 'string' && c.bold === true, span, align, keepNext });
    });
    return new TableRow({
      children: cells,
      ...(keepTogether || r.cells.reduce((n, c) => n + cellText(c).length, 0) < 400
        ? { cantSplit: true }
        : {}),
      ...(minRowHeight ? { height: { value: minRowHeight, rule: HeightRule.ATLEAST } } : {}),
    });
  });
  return new Table({
    rows: [header, ...body],
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: widths,
  });
}

function block(b: Block, ctx: Ctx, keepNext = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'orgHeader':
      return b.lines.map((l) => para(l, { align: 'center', bold: true }));
    case 'requisites':
      return [
        para(b.act, { align: 'center', bold: true, before: 240, after: 240 }),
        tabbed(b.date, b.number, ctx),
        ...(b.place ? [para(b.place, { align: 'center' })] : []),
      ];
    case 'approval': {
      const left = Math.round(ctx.width * 0.55);
      return [
        para(b.word, { bold: true, left, before: 240 }),
        para(b.position, { left }),
        para(`____________ ${b.name}`, { left, before: 120 }),
        ...(b.basis ? [para(b.basis, { left })] : []),
        ...(b.date ? [para(b.date, { left, after: 120 })] : []),
      ];
    }
    case 'title':
      return [
        para(b.text, { align: 'center', bold: true, before: 240, after: b.subtitle ? 0 : 240 }),
        ...(b.subtitle ? [para(b.subtitle, { align: 'center', bold: true, after: 240 })] : []),
      ];
    case 'heading':
      return [
        para(b.text, {
          align: b.level === 1 ? 'center' : 'left',
          bold: true,
          before: 240,
          after: 120,
          firstLine: b.level === 2,
          keepNext: true,
        }),
      ];
    case 'paragraph':
      return [
        para(b.text, {
          align: b.align ?? 'justify',
          firstLine: b.indent !== false,
          ...(b.spaced ? { before: 160, after: 160 } : {}),
          keepNext,
        }),
      ];
    case 'numbered':
      return [
        para([`${b.number} `, ...(typeof b.text === 'string' ? [b.text] : b.text)], {
          align: 'justify',
          firstLine: true,
          keepNext: keepNext || (b.items?.length ?? 0) > 0,
        }),
        ...(b.items ?? []).map((i, k, all) =>
          para(`${i.number} ${i.text}`, {
            align: 'justify',
            left: FIRST_LINE,
            keepNext: keepNext && k < all.length - 1,
          }),
        ),
      ];
    case 'list':
      return b.items.map((i, k) =>
        para(`– ${i}`, { align: 'justify', firstLine: true, keepNext: keepNext && k === b.items.length - 1 }),
      );
    case 'table':
      return [
        ...(b.caption && b.showCaption !== false
          ? [para(b.caption, { align: 'center', bold: true, before: 120, after: 120 })]
          : []),
        table(b.columns, b.rows, ctx),
        para(''),
      ];
    case 'signature':
      // Kept with the acquaintance sheet that follows it, so neither is orphaned on a page.
      return [tabbed(b.position, b.name, ctx, 480, '____________', keepNext)];
    case 'signatures':
      return [
        ...b.items.map((i, k) =>
          tabbed(
            i.role,
            i.name,
            ctx,
            k === 0 ? 480 : 240,
            '____________',
            k < b.items.length - 1 || b.date !== undefined,
          ),
        ),
        ...(b.date ? [para(b.date, { before: 240 })] : []),
      ];
    case 'acquaintance':
      return [
        para(b.title, { before: 480, after: 120, keepNext: true }),
        table(
          [
            { header: 'Дата', width: 2 },
            { header: 'Подпись', width: 2 },
            { header: 'Расшифровка подписи', width: 4 },
          ],
          b.rows.map((r) => ({ cells: [r.date ?? '', '', r.name] })),
          ctx,
          454,
          true,
        ),
      ];
    case 'form': {
      const blankLine = '_'.repeat(Math.floor(ctx.width / 142));
      return b.fields.flatMap((f, i) => {
        const out: Paragraph[] = [para(`${i + 1}. ${f.label}`, { bold: true, before: 160 })];
        for (const o of f.options ?? []) out.push(para(`☐ ${o}`, { left: FIRST_LINE }));
        if (f.scale) {
          const nums = scalePoints(f.scale).map(String);
          const scale = [f.scale.minLabel, nums.join('   '), f.scale.maxLabel].filter(Boolean).join('   ');
          out.push(para(scale, { left: FIRST_LINE }));
        }
        for (let k = 0; k < (f.lines ?? 0); k++) out.push(para(blankLine));
        return out;
      });
    }
    case 'chart': {
      const png = barChartPng(
        b.bars.map((bar) => ({ value: bar.value, text: chartValue(bar.value, b.unit) })),
        chartMax(b),
      );
      return [
        para(b.title, { align: 'center', bold: true, before: 120, keepNext: true }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: 480, height: 240 },
              altText: { name: 'chart', title: t(b.title), description: t(b.title) },
            }),
          ],
        }),
        ...b.bars.map((bar, i) =>
          para(`${i + 1} — ${bar.label}: ${chartValue(bar.value, b.unit)}`, { size: ctx.tableSize }),
        ),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Blocks in order; the last point before a signature is kept with it, and the signature with the acquaintance sheet. */
function blocksOf(blocks: readonly Block[], ctx: Ctx): (Paragraph | Table)[] {
  return blocks.flatMap((b, i) => {
    const next = blocks[i + 1]?.kind;
    const keep =
      (next === 'signature' || next === 'signatures' || next === 'acquaintance') &&
      (b.kind === 'numbered' || b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'signature');
    return block(b, ctx, keep);
  });
}

/** The page number, centred in the footer. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

function section(children: (Paragraph | Table)[], landscape: boolean, first: boolean): ISectionOptions {
  return {
    // Every page but the first carries its number (a one-page document shows none).
    footers: first
      ? { default: pageFooter(), first: new Footer({ children: [] }) }
      : { default: pageFooter() },
    properties: {
      ...(first ? { titlePage: true } : {}),
      page: {
        size: landscape
          ? { width: A4_W, height: A4_H, orientation: PageOrientation.LANDSCAPE }
          : { width: A4_W, height: A4_H, orientation: PageOrientation.PORTRAIT },
        margin: MARGIN,
      },
    },
    children,
  };
}

/**
 * Render a document to DOCX bytes with the `docx` package: A4, Times New
 * Roman, official margins; each annex starts a new section (landscape for
 * wide tables); table header rows repeat on every page; charts are PNG
 * images made without native dependencies, with a numbered legend.
 *
 * @category Render
 * @example
 * const bytes = await renderDocx(buildPairsOrder(input));
 * await writeFile('pairs.docx', bytes);
 */
export async function renderDocx(doc: NastavnikDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  checkDocumentBounds(doc);
  const font = options.font ?? 'Times New Roman';
  const size = Math.round((options.fontSize ?? 14) * 2);
  const tableSize = Math.round((options.tableFontSize ?? 12) * 2);
  const ctx = (landscape: boolean): Ctx => ({
    width: (landscape ? A4_H : A4_W) - MARGIN.left - MARGIN.right,
    size,
    tableSize,
    font,
  });
  const mainCtx = ctx(doc.meta.landscape === true);
  const sections: ISectionOptions[] = [
    section(blocksOf(doc.blocks, mainCtx), doc.meta.landscape === true, true),
    ...doc.annexes.map((a) => {
      const c = ctx(a.landscape === true);
      const left = Math.round(c.width * (a.landscape ? 0.7 : 0.55));
      return section(
        [...a.label.map((l) => para(l, { left })), para(''), ...blocksOf(a.blocks, c)],
        a.landscape === true,
        false,
      );
    }),
  ];
  const document = new Document({
    title: t(doc.meta.title),
    creator: '@nastavnik/documents',
    styles: {
      default: {
        document: {
          run: { font, size },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
