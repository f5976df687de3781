import { isNastavnikError } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  buildMunicipalOrder,
  inlineText,
  type MunicipalOrderInput,
  organizationRoadmap,
} from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import {
  lyceum7,
  municipalOrderSample,
  ogniAuthority,
  ogniPeople,
  ogniSchools,
} from './__fixtures__/samples';

const base: MunicipalOrderInput = {
  organization: ogniAuthority,
  order: {
    id: 'ord-ogni-05',
    organizationId: 'ogni-uo',
    act: 'order',
    kind: 'introduceModel',
    number: '05',
    date: '2023-01-20',
    title: 'О внедрении муниципальной целевой модели наставничества',
    signatory: { position: 'начальник', name: { lastName: 'Гасанов', firstName: 'Рустам' } },
  },
  people: ogniPeople,
  territory: 'городского округа «город Дагестанские Огни»',
  schools: ogniSchools,
  municipalCuratorId: 'ogni-curator',
  startDate: '2023-01-23',
  deadlines: {
    schoolActs: '2023-01-30',
    schoolRegulations: '2023-01-30',
    siteSection: '2023-01-30',
    menteeBase: '2023-02-05',
    mentorBase: '2023-02-10',
    monitoring: '2023-03-31',
    analysis: '2023-04-28',
  },
};

function codeOf(f: () => unknown): { code: string; path: readonly (string | number)[] } | undefined {
  try {
    f();
  } catch (e) {
    if (isNastavnikError(e)) return { code: e.code, path: e.path };
    throw e;
  }
  return undefined;
}

const text = (doc: ReturnType<typeof buildMunicipalOrder>) =>
  doc.blocks
    .flatMap((b) =>
      b.kind === 'numbered' ? [inlineText(b.text), ...(b.items ?? []).map((i) => i.text)] : [],
    )
    .join('\n')
    .replaceAll('\u00a0', ' ');

describe('the municipal authority’s order (002): one model for teachers and pupils', () => {
  it('annexes the municipal Regulation (both audiences) and the authority’s own roadmap', () => {
    const doc = municipalOrderSample();
    expect(doc.meta.kind).toBe('municipalOrder');
    expect(doc.annexes).toHaveLength(2);
    expect(doc.annexes[0]?.label).toEqual(['Приложение 1', 'к приказу', 'от\u00a020.01.2023 №\u00a005']);
    const roadmapTable = doc.annexes[1]?.blocks.find((b) => b.kind === 'table');
    // The authority's own dates, not the seed's («январь 2023 г.», «до 30 января 2023 г.»).
    expect(JSON.stringify(roadmapTable)).not.toMatch(/январь 2023 г\.|до 30 января/u);
    expect(JSON.stringify(roadmapTable)).toContain('23.01.2023');
  });
  it('names every school once per point and every deadline', () => {
    const t = text(buildMunicipalOrder({ ...base, schools: ogniSchools.slice(0, 1) }));
    expect(t).toContain('Руководителю образовательных организаций (МКОУ «СОШ № 1»)');
    for (const d of ['30.01.2023', '05.02.2023', '10.02.2023', '31.03.2023', '28.04.2023'])
      expect(t).toContain(d);
  });
  it('a curator without a position is addressed without a comma', () => {
    const people = ogniPeople.map((p) => (p.id === 'ogni-curator' ? { ...p, position: undefined } : p));
    const t = text(buildMunicipalOrder({ ...base, people }));
    expect(t).toContain('Алиевой З. Р. обеспечить:');
    expect(t).not.toContain('Алиевой З. Р., обеспечить');
  });
  it('refuses a school as the issuer, a deadline before the order, an unknown curator', () => {
    expect(codeOf(() => buildMunicipalOrder({ ...base, organization: lyceum7 }))).toMatchObject({
      code: 'invalid_value',
      path: ['organization', 'kind'],
    });
    expect(
      codeOf(() =>
        buildMunicipalOrder({ ...base, deadlines: { ...base.deadlines, menteeBase: '2023-01-10' } }),
      ),
    ).toMatchObject({ code: 'invalid_date_range', path: ['deadlines', 'menteeBase'] });
    expect(codeOf(() => buildMunicipalOrder({ ...base, municipalCuratorId: 'nobody' }))?.path).toEqual([
      'municipalCuratorId',
    ]);
    expect(codeOf(() => buildMunicipalOrder({ ...base, schools: [] }))?.path).toEqual(['schools']);
  });
  it('an authority’s own roadmap from the 002 template names its territory and year, not the seed’s', () => {
    const roadmap = organizationRoadmap({
      template: seedRoadmaps.dagestanskieOgni002,
      organization: {
        id: 'tikhvin-uo',
        kind: 'authority',
        name: 'Комитет по образованию',
        shortName: 'Комитет по образованию',
      },
      academicYear: '2023-2024',
      territory: 'Тихвинского муниципального района',
      stages: {
        preparation: { from: '2023-08-21', to: '2023-08-31', responsible: ['Комитет по образованию'] },
        menteeBase: { from: '2023-09-01', to: '2023-09-22', responsible: ['образовательные организации'] },
      },
    });
    const all = JSON.stringify(roadmap);
    expect(all).not.toMatch(/Дагестанские Огни|2023 г\.|январ/u);
    expect(roadmap.title).toBe(
      'Муниципальная дорожная карта (план мероприятий) внедрения муниципальной целевой модели наставничества педагогических работников и обучающихся образовательных организаций Тихвинского муниципального района на 2023–2024 учебный год',
    );
    expect(all).toContain('образовательных учреждений Тихвинского муниципального района');
    expect(all).toContain('Формирование базы наставляемых в 2023–2024 учебном году');
  });
});
