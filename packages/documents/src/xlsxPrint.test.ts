import { buildFinalReport } from '@nastavnik/documents';
import { renderXlsx } from '@nastavnik/documents/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lyceum7 } from './__fixtures__/samples';

describe('XLSX a person can use', () => {
  it('stores numbers and shares as numbers with formats, and prints landscape, one page wide, header repeated', async () => {
    const doc = buildFinalReport({
      organization: lyceum7,
      date: '2024-05-31',
      period: { start: '2023-09-01', end: '2024-05-31' },
      author: { position: 'куратор', name: { lastName: 'Яковлева', firstName: 'Елена' } },
      coverage: [
        { label: 'Доля обучающихся — наставляемых', numerator: 1290, denominator: 1800, target: 70 },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(doc)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('Показатели охвата');
    expect(ws).toBeDefined();
    const row = ws?.getRow(2);
    expect(row?.getCell(2).value).toBe(1290);
    expect(row?.getCell(2).numFmt).toBe('#,##0');
    expect(row?.getCell(5).value).toBeCloseTo(0.717, 6);
    expect(row?.getCell(5).numFmt).toBe('0.0 %');
    expect(row?.getCell(6).value).toBe(0.7);
    expect(ws?.pageSetup.orientation).toBe('landscape');
    expect(ws?.pageSetup.fitToWidth).toBe(1);
    expect(ws?.pageSetup.fitToHeight).toBe(0);
    expect(ws?.pageSetup.printTitlesRow).toBe('1:1');
  });
});
