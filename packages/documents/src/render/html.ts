import { cellSpan, checkDocumentBounds } from '../_internal/documentBounds';
import { escapeHtml } from '../_internal/escapeHtml';
import { scalePoints } from '../_internal/scale';
import { barChartSvg } from '../chart';
import { type Annex, type Block, cellText, type Inline, type NastavnikDocument } from '../model';
import { typograph } from '../typography/text';

export { escapeHtml };

/**
 * Options of {@link renderHtml}.
 *
 * @category Render
 * @example
 * const o: HtmlOptions = { fullPage: true };
 */
export interface HtmlOptions {
  /** A complete page with `<head>` and print styles (default: a fragment for a site section). */
  readonly fullPage?: boolean;
}

/** Every text typeset as in DOCX ({@link typograph}: NBSP, dashes, «ёлочки»), then escaped. */
const e = (text: string) => escapeHtml(typograph(text));

const br = (text: string) => e(text).replace(/\r?\n/gu, '<br>');

function inline(text: string | readonly Inline[]): string {
  if (typeof text === 'string') return br(text);
  return text
    .map((r) => {
      if (typeof r === 'string') return br(r);
      let s = br(r.text);
      if (r.italic) s = `<em>${s}</em>`;
      if (r.bold) s = `<strong>${s}</strong>`;
      return s;
    })
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'orgHeader':
      return `<header class="nd-org">${b.lines.map((l) => `<p>${e(l)}</p>`).join('')}</header>`;
    case 'requisites':
      return `<div class="nd-requisites"><p class="nd-act">${e(b.act)}</p><p class="nd-date-number"><span class="nd-date">${e(b.date)}</span> <span class="nd-number">${e(b.number)}</span></p>${b.place ? `<p class="nd-place">${e(b.place)}</p>` : ''}</div>`;
    case 'approval':
      return `<div class="nd-approval"><p><strong>${e(b.word)}</strong></p><p>${e(b.position)}</p><p>____________ ${e(b.name)}</p>${b.basis ? `<p>${e(b.basis)}</p>` : ''}${b.date ? `<p>${e(b.date)}</p>` : ''}</div>`;
    case 'title':
      return `<h1 class="nd-title">${e(b.text)}${b.subtitle ? `<br><span class="nd-subtitle">${e(b.subtitle)}</span>` : ''}</h1>`;
    case 'heading':
      return b.level === 1 ? `<h2>${e(b.text)}</h2>` : `<h3>${e(b.text)}</h3>`;
    case 'paragraph':
      return `<p class="nd-p${b.align ? ` nd-${b.align}` : ''}${b.indent === false ? ' nd-noindent' : ''}${b.spaced ? ' nd-spaced' : ''}">${inline(b.text)}</p>`;
    case 'numbered':
      return `<div class="nd-point"><p><span class="nd-num">${e(b.number)}</span> ${inline(b.text)}</p>${(b.items ?? []).map((i) => `<p class="nd-subpoint"><span class="nd-num">${e(i.number)}</span> ${e(i.text)}</p>`).join('')}</div>`;
    case 'list':
      return `<ul class="nd-dash">${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<thead><tr>${b.columns.map((c) => `<th scope="col">${e(c.header)}</th>`).join('')}</tr></thead>`;
      const body = b.rows
        .map((r) => {
          if (r.section) {
            const text = r.cells.map(cellText).join(' ');
            return `<tr class="nd-section"><th colspan="${e(String(b.columns.length))}" scope="rowgroup">${e(text)}</th></tr>`;
          }
          return `<tr>${r.cells
            .map((c) => {
              const span =
                typeof c === 'string' || c.colSpan === undefined
                  ? ''
                  : ` colspan="${cellSpan(c, b.columns.length)}"`;
              const text = br(cellText(c));
              const bold = typeof c !== 'string' && c.bold === true;
              return `<td${span}>${bold ? `<strong>${text}</strong>` : text}</td>`;
            })
            .join('')}</tr>`;
        })
        .join('');
      const caption = b.caption && b.showCaption !== false ? `<caption>${e(b.caption)}</caption>` : '';
      return `<table class="nd-table">${caption}${head}<tbody>${body}</tbody></table>`;
    }
    case 'signature':
      return `<p class="nd-signature"><span class="nd-sig-position">${e(b.position)}</span> <span class="nd-sig-line">____________</span> <span class="nd-sig-name">${e(b.name)}</span></p>`;
    case 'signatures':
      return `<div class="nd-signatures">${b.items.map((i) => `<p class="nd-signature"><span class="nd-sig-position">${e(i.role)}</span> <span class="nd-sig-line">____________</span> <span class="nd-sig-name">${e(i.name)}</span></p>`).join('')}${b.date ? `<p>${e(b.date)}</p>` : ''}</div>`;
    case 'acquaintance':
      return `<section class="nd-acquaintance"><p>${e(b.title)}</p><table class="nd-table"><thead><tr><th scope="col">Дата</th><th scope="col">Подпись</th><th scope="col">Расшифровка подписи</th></tr></thead><tbody>${b.rows.map((r) => `<tr><td>${e(r.date ?? '')}</td><td></td><td>${e(r.name)}</td></tr>`).join('')}</tbody></table></section>`;
    case 'form':
      return `<ol class="nd-form">${b.fields
        .map((f) => {
          let body = '';
          if (f.options)
            body += `<ul class="nd-options">${f.options.map((o) => `<li>☐ ${e(o)}</li>`).join('')}</ul>`;
          if (f.scale) {
            const nums = scalePoints(f.scale).map((i) => `<span class="nd-scale-point">${i}</span>`);
            body += `<p class="nd-scale">${f.scale.minLabel ? `${e(f.scale.minLabel)} ` : ''}${nums.join(' ')}${f.scale.maxLabel ? ` ${e(f.scale.maxLabel)}` : ''}</p>`;
          }
          for (let i = 0; i < (f.lines ?? 0); i++) body += '<p class="nd-blank">&nbsp;</p>';
          return `<li><p>${e(f.label)}</p>${body}</li>`;
        })
        .join('')}</ol>`;
    case 'chart':
      return `<figure class="nd-chart">${barChartSvg(b)}<figcaption>${e(b.title)}</figcaption></figure>`;
    case 'pageBreak':
      return '<hr class="nd-page-break">';
  }
}

function annex(a: Annex): string {
  return `<section class="nd-annex"><div class="nd-annex-label">${a.label.map((l) => `<p>${e(l)}</p>`).join('')}</div>${a.blocks.map(block).join('\n')}</section>`;
}

const STYLE = `body{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.3;max-width:48em;margin:2em auto}
.nd-org,.nd-title,.nd-act{text-align:center}.nd-org p{margin:0;font-weight:bold}.nd-act{font-weight:bold;margin-top:1em}
.nd-date-number{display:flex;justify-content:space-between}.nd-approval,.nd-annex-label{margin-left:55%}
.nd-approval p,.nd-annex-label p{margin:0}.nd-title{font-size:14pt}.nd-p{text-indent:1.25cm;text-align:justify}
.nd-noindent{text-indent:0}.nd-spaced{margin:1em 0}.nd-center{text-align:center}.nd-right{text-align:right}
.nd-table{border-collapse:collapse;width:100%;font-size:12pt}.nd-table th,.nd-table td{border:1px solid #000;padding:2px 4px;vertical-align:top}
.nd-section th{text-align:left}.nd-dash{list-style:none}.nd-dash li::before{content:"– "}
.nd-signature{display:flex;justify-content:space-between}.nd-page-break{page-break-after:always;border:0}
.nd-blank{border-bottom:1px solid #000}.nd-annex{page-break-before:always}.nd-chart svg{max-width:100%}`;

/**
 * Render a document to HTML: a fragment for a site section (default) or a
 * full printable page. Every text is escaped; invisible bidi and control
 * characters are dropped; no script, no external resource.
 *
 * @category Render
 * @example
 * const html = renderHtml(buildPairsOrder(input));
 * const page = renderHtml(doc, { fullPage: true });
 */
export function renderHtml(doc: NastavnikDocument, options: HtmlOptions = {}): string {
  checkDocumentBounds(doc);
  const body = `<article class="nastavnik-document" lang="ru">\n${doc.blocks.map(block).join('\n')}\n${doc.annexes.map(annex).join('\n')}\n</article>`;
  if (!options.fullPage) return body;
  return `<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<title>${e(doc.meta.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
