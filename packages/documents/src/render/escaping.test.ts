import { isNastavnikError } from '@nastavnik/core';
import { type NastavnikDocument, renderHtml, renderMarkdown } from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { renderXlsx, safeCellText } from '@nastavnik/documents/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

function tableDoc(colSpan: unknown, text: string): NastavnikDocument {
  return {
    meta: { kind: 'test', title: 'Таблица' },
    blocks: [
      {
        kind: 'table',
        columns: [{ header: 'А' }, { header: 'Б' }, { header: 'В' }],
        rows: [{ cells: [{ text, colSpan }, 'x'] }],
      },
    ],
    annexes: [],
  } as unknown as NastavnikDocument;
}

describe('HTML: every attribute escaped, colSpan included', () => {
  it('a colSpan that is not a number cannot break out of its attribute', () => {
    const html = renderHtml(tableDoc('2" onmouseover="alert(1)', 'ячейка'));
    expect(html).not.toContain('onmouseover');
    expect(html).toContain('<td colspan="1">');
  });

  it('a colSpan is a whole number between 1 and the table width', () => {
    expect(renderHtml(tableDoc(2, 'a'))).toContain('<td colspan="2">');
    expect(renderHtml(tableDoc(99, 'a'))).toContain('<td colspan="3">');
    expect(renderHtml(tableDoc(-4, 'a'))).toContain('<td colspan="1">');
    expect(renderHtml(tableDoc(Number.NaN, 'a'))).toContain('<td colspan="1">');
  });
});

describe('XLSX: formula starts hidden behind invisible characters or fullwidth signs are neutralised', () => {
  const hidden = [
    ' =1+1',
    '\u00a0=1+1',
    '\n=1+1',
    '\u200b=1+1',
    '\ufeff=1+1',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
  ];

  it('safeCellText guards each of them', () => {
    for (const t of hidden) expect(safeCellText(t).startsWith("'")).toBe(true);
    expect(safeCellText('Иванова')).toBe('Иванова');
  });

  it('renderXlsx writes them as guarded text, never as formulas', async () => {
    const doc = {
      meta: { kind: 'test', title: 'Таблица' },
      blocks: [{ kind: 'table', columns: [{ header: 'Текст' }], rows: hidden.map((t) => ({ cells: [t] })) }],
      annexes: [],
    } as unknown as NastavnikDocument;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(doc)) as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          values.push(c.value);
        }),
      ),
    );
    const guarded = values.filter((v) => typeof v === 'string' && v.includes('1'));
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(guarded).toHaveLength(hidden.length);
    expect(guarded.every((v) => (v as string).startsWith("'"))).toBe(true);
  });
});

function formDoc(min: number, max: number): NastavnikDocument {
  return {
    meta: { kind: 'questionnaire', title: 'Анкета' },
    blocks: [{ kind: 'form', fields: [{ label: 'Оценка', scale: { min, max } }] }],
    annexes: [],
  } as unknown as NastavnikDocument;
}

describe('questionnaire renderers: a scale is bounded, with a typed error', () => {
  const renderers = {
    html: async (d: NastavnikDocument) => renderHtml(d),
    markdown: async (d: NastavnikDocument) => renderMarkdown(d),
    docx: async (d: NastavnikDocument) => renderDocx(d),
  };

  it.each(Object.entries(renderers))(
    '%s: a scale of 100,000,000 points is a typed error, at once',
    async (_, render) => {
      const t0 = performance.now();
      const e = await render(formDoc(1, 100_000_000)).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(isNastavnikError(e)).toBe(true);
      expect(e).toMatchObject({ issues: [{ code: 'too_big', params: { maximum: 101 } }] });
      expect(performance.now() - t0).toBeLessThan(2000);
    },
  );

  it.each(Object.entries(renderers))(
    '%s: a scale that is not whole numbers is a typed error',
    async (_, render) => {
      const e = await render(formDoc(1, Number.POSITIVE_INFINITY)).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toMatchObject({ issues: [{ code: 'invalid_type' }] });
    },
  );

  it('a 1–10 scale renders its ten points', () => {
    const html = renderHtml(formDoc(1, 10));
    expect((html.match(/nd-scale-point/g) ?? []).length).toBe(10);
  });
});
