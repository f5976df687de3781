import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import { buildRoadmap, checkDocumentSet, organizationRoadmap } from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceum7, pairsOrderInput, programme } from './__fixtures__/samples';

const pairsOrder = { ...pairsOrderInput.order, date: '2023-10-09' };
const pairs = pairsOrderInput.pairs.map((p) => ({ ...p, organizationId: 'lyceum-7' }));
const curatorOrder = {
  ...pairsOrderInput.order,
  id: 'ord-cur',
  kind: 'appointCurator' as const,
  date: '2023-08-31',
};
const introOrder = {
  ...pairsOrderInput.order,
  id: 'ord-intro',
  kind: 'introduceModel' as const,
  date: '2023-08-31',
};

const stages = {
  preparation: { from: '2023-08-28', to: '2023-09-01', responsible: ['Нуритдинова Т. Н., и.о. директора'] },
  menteeBase: { from: '2023-09-01', to: '2023-09-08', responsible: ['Яковлева Е. С.'] },
  mentorBase: { from: '2023-09-01', to: '2023-09-08', responsible: ['Яковлева Е. С.'] },
  mentorTraining: { from: '2023-09-04', to: '2023-09-11', responsible: ['Яковлева Е. С.'] },
  pairFormation: { from: '2023-09-04', to: '2023-09-15', responsible: ['Яковлева Е. С.'] },
  pairWork: { from: '2023-09-15', to: '2024-05-31', responsible: ['наставники'] },
  completion: { from: '2024-05-20', to: '2024-06-14', responsible: ['Яковлева Е. С.'] },
};

describe('checkDocumentSet: one year of documents read side by side', () => {
  it("finds the demo's old contradictions on the seed 004 roadmap (a foreign annex)", () => {
    const findings = checkDocumentSet({
      roadmap: seedRoadmaps.lyceum7Tikhvin004,
      orders: [
        { order: curatorOrder, appoints: [{ personId: 'yakovleva', role: 'curator' }] },
        { order: introOrder, appoints: [{ personId: 'yakovleva', role: 'curator' }] },
        { order: pairsOrder, term: { start: '2023-11-01', end: '2024-05-31' } },
      ],
      pairs,
      programmes: [{ ...programme, start: '2023-09-15', end: '2024-05-31' }],
    });
    const codes = [...new Set(findings.map((f) => f.code))].sort();
    // Pairs formed «Сентябрь 2023 г.», ordered on 9 October; training in August after September's stages;
    // completion in March, programmes to 31 May; the curator appointed twice; a programme before its order.
    expect(codes).toEqual([
      'appointed_twice',
      'completion_before_programmes_end',
      'order_after_stage',
      'programme_before_order',
      'programme_outside_pairs_term',
      'stage_out_of_sequence',
    ]);
    for (const f of findings) expect(`${f.message} ${f.messageEn}`).not.toMatch(/Яковлев|Белов|Орлов/u);
  });

  it("passes on an organization's own roadmap with consistent orders and programmes", () => {
    const roadmap = organizationRoadmap({
      template: seedRoadmaps.lyceum7Tikhvin004,
      organization: lyceum7,
      academicYear: '2023-2024',
      stages,
    });
    expect(
      checkDocumentSet({
        roadmap,
        orders: [
          { order: curatorOrder, appoints: [{ personId: 'yakovleva', role: 'curator' }] },
          { order: introOrder },
          { order: { ...pairsOrder, date: '2023-09-13' }, term: { start: '2023-09-15', end: '2024-05-31' } },
        ],
        pairs,
        programmes: [programme],
      }),
    ).toEqual([]);
  });

  it('003 §1.2: flags a programme longer than a year, and an extension without its order', () => {
    const codes = checkDocumentSet({
      orders: [
        { order: { ...pairsOrder, date: '2023-09-13' }, term: { start: '2023-09-15', end: '2024-05-31' } },
      ],
      pairs,
      programmes: [
        {
          ...programme,
          extensions: [{ newEnd: '2025-01-31', agreedAt: '2024-05-01', reason: 'x' }],
        },
      ],
    }).map((f) => f.code);
    expect(codes).toEqual(['extension_without_order', 'term_outside_policy']);
  });
});

describe("organizationRoadmap: the organization's own roadmap from a seed template", () => {
  const roadmap = organizationRoadmap({
    template: seedRoadmaps.lyceum7Tikhvin004,
    organization: lyceum7,
    academicYear: '2023-2024',
    stages,
    approvedBy: { act: 'приказ МОУ «Лицей № 7»', number: '101-о/д', date: '2023-08-31' },
  });
  it('has its own title, dates, people and act, and the seed slips fixed', () => {
    expect(roadmap.title).toBe(
      'Дорожная карта (план мероприятий) реализации целевой модели наставничества в МОУ «Лицей № 7» на 2023–2024 учебный год',
    );
    const all = roadmap.sections.flatMap((s) => s.activities);
    expect(all.every((a) => a.responsible[0] !== 'Заместители директора')).toBe(true);
    expect(all.find((a) => a.stage === 'pairWork')?.dueText).toBe('15.09.2023 — 31.05.2024');
    expect(all.find((a) => a.stage === 'menteeBase')?.title).toBe('Сбор данных о наставляемых');
    expect(roadmap.columns.map((c) => c.header)).toContain('Наименование этапа');
    expect(roadmap.approvedBy?.number).toBe('101-о/д');
    expect(JSON.stringify(roadmap)).not.toContain('Март 2024');
  });
  it('renders as a document with its annex label', () => {
    const doc = buildRoadmap({ roadmap, organization: lyceum7 });
    expect(JSON.stringify(doc.blocks)).toContain('101-о/д');
  });
  it('refuses a stage window that ends before it starts', () => {
    expect(() =>
      organizationRoadmap({
        template: seedRoadmaps.lyceum7Tikhvin004,
        organization: lyceum7,
        academicYear: '2023-2024',
        stages: { menteeBase: { from: '2023-09-22', to: '2023-09-01', responsible: ['x'] } },
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_date_range' }));
  });
});
