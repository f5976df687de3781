/**
 * Read a DOCX back for golden tests: unzip, parse `word/document.xml`, and
 * return its body as a list of paragraphs and tables (cell texts, column
 * spans), plus each section's page orientation. A deliberately small
 * reader for the subset of WordprocessingML our renderer writes.
 */
import JSZip from 'jszip';

export type DocxItem = { p: string } | { table: string[][] };
export interface DocxContent {
  readonly body: DocxItem[];
  readonly sections: string[];
  readonly media: string[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

export async function readDocx(bytes: Uint8Array): Promise<DocxContent & { xml: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  const xml = await file.async('string');
  const body: DocxItem[] = [];
  const sections: string[] = [];
  const token =
    /<w:tbl>|<\/w:tbl>|<w:tr[ >]|<\/w:tr>|<w:tc>|<\/w:tc>|<w:p[ >]|<w:p\/>|<\/w:p>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:t\/>|<w:tab\/>|<w:noBreakHyphen\/>|<w:br\/>|<w:gridSpan w:val="(\d+)"\/>|<w:pgSz ([^>]*)\/>/g;
  let table: string[][] | undefined;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let para: string | undefined;
  let span = 1;
  for (const m of xml.matchAll(token)) {
    const t = m[0];
    if (t === '<w:tbl>') table = [];
    else if (t === '</w:tbl>') {
      if (table) body.push({ table });
      table = undefined;
    } else if (t.startsWith('<w:tr')) row = [];
    else if (t === '</w:tr>') {
      if (table && row) table.push(row);
      row = undefined;
    } else if (t === '<w:tc>') {
      cell = [];
      span = 1;
    } else if (t === '</w:tc>') {
      if (row && cell) row.push(cell.join('\n') + (span > 1 ? ` [span ${span}]` : ''));
      cell = undefined;
    } else if (t.startsWith('<w:gridSpan')) span = Number(m[2]);
    else if (t.startsWith('<w:pgSz'))
      sections.push(/w:orient="landscape"/.test(m[3] ?? '') ? 'landscape' : 'portrait');
    else if (t === '<w:p/>') {
      if (cell) cell.push('');
      else if (!table) body.push({ p: '' });
    } else if (t.startsWith('<w:p')) para = '';
    else if (t === '</w:p>') {
      if (cell) cell.push(para ?? '');
      else if (!table) body.push({ p: para ?? '' });
      para = undefined;
    } else if (t === '<w:tab/>') para = `${para ?? ''}\t`;
    else if (t === '<w:noBreakHyphen/>') para = `${para ?? ''}\u2011`;
    else if (t === '<w:br/>') para = `${para ?? ''}\n`;
    else if (m[1] !== undefined) para = `${para ?? ''}${decode(m[1])}`;
  }
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'));
  return { body, sections, media, xml, zip };
}
