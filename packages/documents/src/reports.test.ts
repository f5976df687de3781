import { isNastavnikError } from '@nastavnik/core';
import { buildFinalReport, cellText } from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceum7 } from './__fixtures__/samples';

const base = {
  organization: lyceum7,
  date: '2024-05-31',
  period: { start: '2023-09-01', end: '2024-05-31' },
  author: {
    position: 'заместитель директора по УВР',
    name: { lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' },
  },
};

describe('reports: conclusions derived from the indicators', () => {
  it('says a missed target is missed, with the gap, and refuses «в запланированном объёме» beside it', () => {
    const coverage = [
      { label: 'Доля обучающихся — наставляемых', numerator: 9, denominator: 200, target: 70 },
    ];
    const doc = buildFinalReport({ ...base, coverage });
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain('не достигнут: 4,5');
    expect(text).toContain('отставание 65,5');
    let code: string | undefined;
    try {
      buildFinalReport({
        ...base,
        coverage,
        conclusions: ['Целевая модель реализована в запланированном объёме'],
      });
    } catch (e) {
      if (isNastavnikError(e)) code = e.code;
    }
    expect(code).toBe('invalid_value');
  });

  it('labels units: a share of meetings is not under «чел.»', () => {
    const doc = buildFinalReport({
      ...base,
      coverage: [{ label: 'Выполнение плана встреч', numerator: 40, denominator: 50, unit: 'встреч' }],
    });
    const table = doc.blocks.find((b) => b.kind === 'table' && b.caption === 'Показатели охвата');
    expect(table?.kind === 'table' && table.columns.map((c) => c.header).join(' ')).not.toContain('чел.');
    expect(table?.kind === 'table' && table.rows[0]?.cells.map(cellText)).toContain('встреч');
  });
});
