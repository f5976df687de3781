import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  barChartSvg,
  buildRoadmap,
  escapeHtml,
  escapeMarkdown,
  type NastavnikDocument,
  renderHtml,
  renderMarkdown,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { renderXlsx, safeCellText } from '@nastavnik/documents/xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { sampleDocuments } from './__fixtures__/samples';

const isUnsafe = (c: number): boolean =>
  (c < 0x20 && c !== 9 && c !== 10 && c !== 13) ||
  c === 0x7f ||
  c === 0x200e ||
  c === 0x200f ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069) ||
  c === 0xfffe ||
  c === 0xffff;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/u;

describe('escapeHtml', () => {
  it('escapes markup and quotes and drops bidi controls', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(escapeHtml("a'b&c")).toBe('a&#39;b&amp;c');
    expect(escapeHtml('abc\u202Efed')).toBe('abcfed');
  });
  it('never lets a tag, quote or bidi control through, and loses no visible text', () => {
    const unescapeHtml = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/u);
        expect(out).not.toMatch(BIDI);
        expect(
          [...out].some((ch) => {
            const c = ch.charCodeAt(0);
            return c < 0x20 && c !== 9 && c !== 10 && c !== 13;
          }),
        ).toBe(false);
        const visible = [...s].filter((ch) => !isUnsafe(ch.charCodeAt(0))).join('');
        if (!/[\ud800-\udfff]/u.test(visible)) expect(unescapeHtml(out)).toBe(visible);
      }),
    );
  });
});

describe('escapeMarkdown', () => {
  it('neutralises markup, links and HTML', () => {
    const out = escapeMarkdown('**жирный** [ссылка](http://x) <b>|</b> # заголовок');
    expect(out).not.toMatch(/<b>/u);
    expect(out).toContain('\\*\\*жирный\\*\\*');
    expect(out).toContain('\\[ссылка\\]\\(http://x\\)');
    expect(out).toContain('\\|');
  });
});

describe('HTML rendering', () => {
  it('renders a full page with the document inside and every table', () => {
    const html = renderHtml(buildRoadmap({ roadmap: seedRoadmaps.rassvet003 }), { fullPage: true });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ru">');
    expect((html.match(/<tr>/g) ?? []).length).toBe(1 + 11); // the header row and the 11 stages of 003
    // Typeset: a one-letter word binds to the next one with a NBSP.
    expect(html).toContain('<th scope="col">Содержание деятельности и\u00a0план мероприятий</th>');
  });
  it('embeds the chart as SVG with escaped labels', () => {
    const svg = barChartSvg({
      title: '<b>t</b>',
      bars: [{ label: '<script>x</script>', value: 5 }],
      max: 10,
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    const html = renderHtml(sampleDocuments()['report-final'] as NastavnikDocument);
    expect((html.match(/<svg /g) ?? []).length).toBe(2);
  });
});

describe('DOCX rendering', () => {
  it('uses A4, Times New Roman 14 pt, official margins, landscape for roadmaps', async () => {
    const doc = sampleDocuments()['order-introduction-003'] as NastavnikDocument;
    const { xml, zip, sections } = await readDocx(await renderDocx(doc));
    const styles = await zip.file('word/styles.xml')?.async('string');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/u);
    expect(sections).toEqual(['portrait', 'portrait', 'landscape']);
    expect(xml).toContain('<w:tblHeader/>');
  });
  it('embeds charts as valid PNG images made without native dependencies', async () => {
    const { zip, media } = await readDocx(
      await renderDocx(sampleDocuments()['report-final'] as NastavnikDocument),
    );
    expect(media.length).toBe(2);
    const png = await zip.file(media[0] as string)?.async('uint8array');
    expect([...(png ?? []).slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView((png as Uint8Array).buffer, (png as Uint8Array).byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([640, 320]);
  });
  it('writes no control characters into document.xml whatever the input', async () => {
    const doc: NastavnikDocument = {
      meta: { kind: 'x', title: 'x\u0000' },
      blocks: [{ kind: 'paragraph', text: 'a\u0001b\u0008c\u202Ed\ud800' }],
      annexes: [],
    };
    const { xml, body } = await readDocx(await renderDocx(doc));
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u0008');
    expect(body).toContainEqual({ p: 'abcd\ufffd' });
  });
});

describe('XLSX rendering', () => {
  async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    return wb;
  }
  for (const [key, rm] of Object.entries(seedRoadmaps)) {
    it(`reads back the roadmap ${key} with its own columns`, async () => {
      const wb = await load(await renderXlsx(buildRoadmap({ roadmap: rm })));
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expect(ws.name).toBe('Дорожная карта');
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(rm.columns.map((c) => c.header));
      const activities = rm.sections.reduce((s, x) => s + x.activities.length, 0);
      expect(ws.rowCount).toBeGreaterThanOrEqual(1 + activities);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });
  }
  it('neutralises formula injection and keeps numbers numeric', async () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '+7 999', '-2+3', '@SUM(A1)', '\tcmd', 'Иванова'];
    const bytes = await renderXlsx([
      {
        name: 'Реестр [наставников]: 2023/2024?',
        columns: [{ header: '=ФИО' }, { header: 'Стаж', numeric: true }],
        rows: hostile.map((h, i) => ({ cells: [h, String(i)] })),
      },
    ]);
    const wb = await load(bytes);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).not.toMatch(/[[\]:*?/\\]/u);
    expect(ws.getCell('A1').value).toBe("'=ФИО");
    hostile.forEach((h, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(safeCellText(h));
      expect(ws.getCell(i + 2, 2).value).toBe(i);
    });
    expect(ws.getCell('A2').value).toBe('\'=HYPERLINK("http://evil","x")');
    expect(ws.getCell('A7').value).toBe('Иванова');
  });
  it('safeCellText never yields a text a spreadsheet would evaluate', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(safeCellText(s)).not.toMatch(/^[=+\-@\t\r]/u);
      }),
    );
  });
  it('exports the indicator tables and charts of a report', async () => {
    const wb = await load(await renderXlsx(sampleDocuments()['report-final'] as NastavnikDocument));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Участники',
      'Показатели охвата',
      'Показатели охвата, %',
      'Удовлетворённость',
      'Удовлетворённость участников',
    ]);
    const cov = wb.getWorksheet('Показатели охвата') as ExcelJS.Worksheet;
    expect(cov.getCell('B2').value).toBe(290);
    expect(cov.getCell('C2').value).toBe(400);
  });
});

describe('Markdown rendering', () => {
  it('renders GFM tables with the roadmap columns', () => {
    const md = renderMarkdown(buildRoadmap({ roadmap: seedRoadmaps.dagestanskieOgni002 })).replaceAll(
      '\u00a0',
      ' ',
    );
    expect(md).toContain(
      '| № п/п | Наименование мероприятий | Срок реализации | Исполнители | Результат, вид документа |',
    );
  });
});
