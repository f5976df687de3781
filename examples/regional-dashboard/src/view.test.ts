import { describe, expect, it } from 'vitest';
import { type DashboardData, SHOWN } from './data';
import { childRows, esc, formatValue, indexData, pathTo } from './view';

const data: DashboardData = {
  title: 'Регион',
  asOf: '2024-05-31',
  periods: [{ id: 'may', label: 'Май 2024' }],
  indicators: [{ id: 'coverage.pupilMentees', name: 'Охват', unit: 'percent', target: 70 }],
  organizations: [
    { id: 'r', name: 'Область', kind: 'region' },
    { id: 'm1', name: 'Тихвинский район', kind: 'authority', parentId: 'r' },
    { id: 's1', name: 'Лицей № 7', kind: 'school', parentId: 'm1' },
    { id: 's2', name: 'Гимназия № 2', kind: 'school', parentId: 'm1' },
  ],
  values: [
    {
      period: 'may',
      indicatorId: 'coverage.pupilMentees',
      organizationId: 'm1',
      numerator: 100,
      denominator: 102,
      value: 10000 / 102,
      suppressed: false,
    },
    {
      period: 'may',
      indicatorId: 'coverage.pupilMentees',
      organizationId: 's1',
      numerator: 1,
      denominator: 2,
      value: null,
      suppressed: true,
    },
    {
      period: 'may',
      indicatorId: 'coverage.pupilMentees',
      organizationId: 's2',
      numerator: 99,
      denominator: 100,
      value: 99,
      suppressed: false,
    },
  ],
  formBreakdown: [],
};

describe('dashboard view model', () => {
  it('drills down region → municipality → schools, sorted by name', () => {
    const ix = indexData(data);
    expect(ix.root.id).toBe('r');
    expect(childRows(data, ix, 'may', 'r').map((r) => [r.org.id, r.coverage, r.drillable])).toEqual([
      ['m1', '98,0\u00a0%', true],
    ]);
    const schools = childRows(data, ix, 'may', 'm1');
    expect(schools.map((r) => [r.org.name, r.coverage])).toEqual([
      ['Гимназия № 2', '99,0\u00a0%'],
      ['Лицей № 7', '< 5'],
    ]);
    expect(pathTo(ix, 's1').map((o) => o.id)).toEqual(['r', 'm1', 's1']);
  });

  it('formats suppressed and missing values and escapes text', () => {
    expect(formatValue(undefined, 'percent')).toBe('—');
    expect(esc('<script>"x"</script>')).toBe('&#60;script&#62;&#34;x&#34;&#60;/script&#62;');
  });
});

describe('an authority’s own roadmap row', () => {
  it('shows activities only: no coverage, pairs or satisfaction where there are no pupils', () => {
    const own = {
      id: 'm1~own',
      name: 'Собственная дорожная карта',
      kind: 'own' as const,
      parentId: 'm1',
    };
    const d = {
      ...data,
      organizations: [...data.organizations, own],
      values: [
        ...data.values,
        {
          period: 'may',
          indicatorId: SHOWN.coverage,
          organizationId: own.id,
          numerator: null,
          denominator: null,
          value: null,
          suppressed: true,
        },
        {
          period: 'may',
          indicatorId: SHOWN.overdue,
          organizationId: own.id,
          numerator: null,
          denominator: null,
          value: null,
          suppressed: true,
        },
      ],
    };
    const ix = indexData(d);
    const row = childRows(d, ix, 'may', 'm1').find((r) => r.org.id === own.id);
    expect(row?.coverage).toBe('—');
    expect(row?.pairs).toBe('—');
    expect(row?.overdue).toBe('< 5');
    expect(row?.drillable).toBe(false);
  });
});
