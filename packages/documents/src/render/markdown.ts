import { cleanText } from '../_internal/clean';
import { cellSpan, checkDocumentBounds } from '../_internal/documentBounds';
import { scalePoints } from '../_internal/scale';
import { chartValue } from '../chart';
import { type Annex, type Block, cellText, type Inline, type NastavnikDocument } from '../model';
import { typograph } from '../typography/text';

/**
 * Escape a text for Markdown (CommonMark / GFM): HTML-significant
 * characters become entities, Markdown punctuation is backslash-escaped,
 * so user data never turns into markup, links or raw HTML.
 *
 * @category Render
 * @example
 * escapeMarkdown('*важно* <b>'); // '\\*важно\\* &lt;b&gt;'
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/gu, '\\$1')
    .replace(/^(\s*)(\d+)\./gmu, '$1$2\\.')
    .replace(/^(\s*)-/gmu, '$1\\-');
}

/** Every text typeset as in DOCX ({@link typograph}: NBSP, dashes, «ёлочки»), then escaped. */
const m = (text: string) => escapeMarkdown(typograph(text));
const cell = (s: string) => m(s).replace(/\r?\n/gu, ' ');

const para = (text: string) => m(text).replace(/\r?\n/gu, '  \n');

function inline(text: string | readonly Inline[]): string {
  if (typeof text === 'string') return para(text);
  return text
    .map((r) => {
      if (typeof r === 'string') return para(r);
      let s = para(r.text);
      if (r.italic) s = `*${s}*`;
      if (r.bold) s = `**${s}**`;
      return s;
    })
    .join('');
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `| ${headers.map(cell).join(' | ')} |`;
  const sep = `| ${headers.map(() => '---').join(' | ')} |`;
  return [head, sep, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'orgHeader':
      return b.lines.map((l) => `**${m(l)}**`).join('  \n');
    case 'requisites':
      return `**${m(b.act)}**\n\n${m(b.date)} ${m(b.number)}${b.place ? `  \n${m(b.place)}` : ''}`;
    case 'approval':
      return [
        `**${m(b.word)}**`,
        m(b.position),
        `\\_\\_\\_\\_\\_\\_\\_\\_ ${m(b.name)}`,
        b.basis ? m(b.basis) : '',
        b.date ? m(b.date) : '',
      ]
        .filter(Boolean)
        .join('  \n');
    case 'title':
      return `# ${m(b.text)}${b.subtitle ? `\n\n${m(b.subtitle)}` : ''}`;
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${m(b.text)}`;
    case 'paragraph':
      return inline(b.text);
    case 'numbered':
      return [
        `${m(b.number)} ${inline(b.text)}`,
        ...(b.items ?? []).map((i) => `    ${m(i.number)} ${m(i.text)}`),
      ].join('  \n');
    case 'list':
      return b.items.map((i) => `- ${m(i)}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map((c) => cell(c.header)).join(' | ')} |`;
      const sep = `| ${b.columns.map(() => '---').join(' | ')} |`;
      const body = b.rows.map((r) => {
        if (r.section) {
          return `| **${cell(r.cells.map(cellText).join(' '))}** |${' |'.repeat(b.columns.length - 1)}`;
        }
        const out: string[] = [];
        for (const c of r.cells) {
          out.push(cell(cellText(c)));
          const span = cellSpan(c, b.columns.length);
          for (let i = 1; i < span; i++) out.push('');
        }
        return `| ${out.join(' | ')} |`;
      });
      const caption = b.caption && b.showCaption !== false ? `**${m(b.caption)}**\n\n` : '';
      return `${caption}${[head, sep, ...body].join('\n')}`;
    }
    case 'signature':
      return `${m(b.position)} \\_\\_\\_\\_\\_\\_\\_\\_ ${m(b.name)}`;
    case 'signatures':
      return [
        ...b.items.map((i) => `${m(i.role)} \\_\\_\\_\\_\\_\\_\\_\\_ ${m(i.name)}`),
        b.date ? m(b.date) : '',
      ]
        .filter(Boolean)
        .join('  \n');
    case 'acquaintance':
      return `${m(b.title)}\n\n${table(
        ['Дата', 'Подпись', 'Расшифровка подписи'],
        b.rows.map((r) => [r.date ?? '', '', r.name]),
      )}`;
    case 'form':
      return b.fields
        .map((f, i) => {
          const lines = [`${i + 1}\\. ${m(f.label)}`];
          for (const o of f.options ?? []) lines.push(`    - [ ] ${m(o)}`);
          if (f.scale) {
            const nums = scalePoints(f.scale);
            lines.push(
              `    ${f.scale.minLabel ? `${m(f.scale.minLabel)} ` : ''}${nums.join(' ')}${f.scale.maxLabel ? ` ${m(f.scale.maxLabel)}` : ''}`,
            );
          }
          for (let k = 0; k < (f.lines ?? 0); k++)
            lines.push('    \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_');
          return lines.join('\n');
        })
        .join('\n\n');
    case 'chart':
      return `**${m(b.title)}**\n\n${table(
        ['Показатель', 'Значение'],
        b.bars.map((bar) => [bar.label, chartValue(bar.value, b.unit)]),
      )}`;
    case 'pageBreak':
      return '---';
  }
}

function annex(a: Annex): string {
  return ['---', a.label.map((l) => `*${m(l)}*`).join('  \n'), ...a.blocks.map(block)].join('\n\n');
}

/**
 * Render a document to Markdown (GFM tables), for wikis, repositories and
 * site generators. Every text is escaped.
 *
 * @category Render
 * @example
 * const md = renderMarkdown(buildRegulation(input));
 */
export function renderMarkdown(doc: NastavnikDocument): string {
  checkDocumentBounds(doc);
  return `${[...doc.blocks.map(block), ...doc.annexes.map(annex)].join('\n\n')}\n`;
}
