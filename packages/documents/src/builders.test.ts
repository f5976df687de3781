import { isNastavnikError, type NastavnikError, validateResponse } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  buildCompetitionOrder,
  buildConsentForm,
  buildCuratorOrder,
  buildFinalReport,
  buildIntroductionOrder,
  buildMonitoringReport,
  buildPairChangeOrder,
  buildPairsOrder,
  buildPersonalProgramme,
  buildPlansOrder,
  buildPressRelease,
  buildQuestionnaireForm,
  buildRegulation,
  buildRoadmap,
  inlineText,
  type NastavnikDocument,
  type PairsOrderInput,
  questionnaireJsonSchema,
  renderHtml,
  renderMarkdown,
  rollUpShare,
  type StandardQuestionnaireKind,
  standardQuestionnaire,
  typograph,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import {
  lyceum7,
  lyceumConsents,
  lyceumPeople,
  pairsOrderInput,
  programme,
  rassvet,
} from './__fixtures__/samples';

function error(fn: () => unknown): NastavnikError {
  try {
    fn();
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a NastavnikError');
}

function allText(doc: NastavnikDocument): string {
  return [...doc.blocks, ...doc.annexes.flatMap((a) => [...a.blocks])]
    .map((b) => JSON.stringify(b))
    .join('\n');
}

describe('pairs order', () => {
  it('notes each participant’s consent, with the parent for minors', () => {
    const doc = buildPairsOrder(pairsOrderInput);
    const table = doc.annexes[0]?.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[1]?.cells[4]).toContain('Соколов\u00a0А.\u00a0Д. — 06.09.2023 (родитель)');
    expect(table.rows[1]?.cells[1]).toContain('обучающаяся 11 класса');
  });
  it('refuses a pair without the mentor’s written consent, naming ids only', () => {
    const e = error(() =>
      buildPairsOrder({ ...pairsOrderInput, consents: lyceumConsents.filter((c) => c.id !== 'c1') }),
    );
    expect(e.code).toBe('consent_missing');
    expect(e.path).toEqual(['pairs', 0, 'mentorId']);
    expect(JSON.stringify(e.toJSON())).not.toMatch(/Белов|Игорь/u);
  });
  it('refuses a minor’s own consent', () => {
    const consents = lyceumConsents.map((c) =>
      c.id === 'c5'
        ? {
            id: 'c5',
            personId: 'pupil-sokolov',
            purpose: 'participation' as const,
            givenBy: 'self' as const,
            givenAt: '2023-09-06',
          }
        : c,
    );
    const e = error(() => buildPairsOrder({ ...pairsOrderInput, consents }));
    expect(e.code).toBe('minor_requires_parent_consent');
    expect(e.path).toEqual(['pairs', 1, 'menteeIds', 0]);
  });
  it('refuses unknown people and bad input with NastavnikError, never a raw error', () => {
    expect(error(() => buildPairsOrder({ ...pairsOrderInput, people: [] })).code).toBe('unknown_reference');
    const bad = {
      ...pairsOrderInput,
      order: { ...pairsOrderInput.order, date: '15.09.2023' },
    } as PairsOrderInput;
    expect(error(() => buildPairsOrder(bad)).path).toEqual(['order', 'date']);
    expect(error(() => buildPairsOrder({} as PairsOrderInput)).code).toBe('required');
  });
});

describe('introduction order and regulation', () => {
  it('declines the curator: accusative to appoint, dative to address', () => {
    const doc = buildIntroductionOrder({
      organization: rassvet,
      order: {
        id: 'o',
        organizationId: 'rassvet',
        kind: 'introduceModel',
        number: '5/1-п.о.д.',
        date: '2022-02-08',
        title: 'Об организации работы',
        signatory: {
          position: 'директор',
          name: { lastName: 'Пономарева', firstName: 'Ольга', middleName: 'Владимировна' },
        },
      },
      people: [
        {
          id: 'zh',
          organizationId: 'rassvet',
          category: 'teacher',
          gender: 'female',
          position: 'заместитель директора по УВР',
          name: { lastName: 'Жаксимбаева', firstName: 'Лилия', middleName: 'Викторовна' },
        },
      ],
      curatorId: 'zh',
      startDate: '2022-02-01',
    });
    const text = doc.blocks
      .map((b) => ('text' in b ? inlineText(b.text) : ''))
      .join('\n')
      .replaceAll('\u00a0', ' ');
    expect(text).toContain('Назначить ответственной');
    expect(text).toContain('Жаксимбаеву Л. В., заместителя директора по УВР.');
    expect(text).toContain('\nЖаксимбаевой Л. В., заместителю директора по УВР, обеспечить');
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    expect(doc.annexes).toHaveLength(0);
  });
  it('has the sections of 003, parameterized by the organization', () => {
    const doc = buildRegulation({ organization: lyceum7, audience: 'pupils' });
    const headings = doc.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toHaveLength(9);
    expect(headings[0]).toBe('1. Общие положения');
    expect(headings[8]).toBe('9. Заключительные положения');
    expect(doc.meta.title).toBe('Положение о системе наставничества обучающихся в МОУ «Лицей № 7»');
    expect(allText(doc)).toContain('«ученик – ученик»');
  });
});

describe('roadmaps', () => {
  for (const [key, rm] of Object.entries(seedRoadmaps)) {
    it(`${key} renders with its own columns in DOCX`, async () => {
      const content = await readDocx(await renderDocx(buildRoadmap({ roadmap: rm })));
      const table = content.body.find((i): i is { table: string[][] } => 'table' in i);
      // Texts are typeset when printed (non-breaking spaces and hyphens, dashes).
      expect(table?.table[0]).toEqual(rm.columns.map((c) => typograph(c.header)));
      expect(content.sections).toEqual(['landscape']);
      const cells = table?.table.flat().join('\n') ?? '';
      for (const s of rm.sections)
        for (const a of s.activities) expect(cells).toContain(typograph(a.dueText));
    });
  }
});

describe('other orders', () => {
  it('ranks competition results with shared places', () => {
    const doc = buildCompetitionOrder({
      organization: lyceum7,
      order: { ...pairsOrderInput.order, kind: 'competitionResults', title: 'Об итогах' },
      people: lyceumPeople,
      consents: lyceumConsents,
      pairs: pairsOrderInput.pairs,
      competition: {
        id: 'c',
        organizationId: 'lyceum-7',
        title: '#Наставник+',
        academicYear: '2023-2024',
        rounds: [
          {
            id: 'r1',
            title: 'Визитка',
            date: '2023-09-10',
            criteria: [{ id: 'c', title: 'Оценка', maxScore: 30 }],
          },
        ],
        scores: [
          { pairId: 'pair-1', roundId: 'r1', score: 20, recordedAt: '2023-09-10' },
          { pairId: 'pair-2', roundId: 'r1', score: 20, recordedAt: '2023-09-10' },
        ],
      },
    });
    const t = doc.annexes[0]?.blocks.find((b) => b.kind === 'table');
    expect(t?.kind === 'table' && t.rows.map((r) => r.cells[0])).toEqual(['1', '1']);
  });
  it('refuses an extension that does not move the end later', () => {
    const e = error(() =>
      buildPairChangeOrder({
        organization: lyceum7,
        order: { ...pairsOrderInput.order, kind: 'extendPair', title: 'О продлении' },
        people: lyceumPeople,
        consents: lyceumConsents,
        pair: pairsOrderInput.pairs[0] as PairsOrderInput['pairs'][number],
        programme,
        change: { kind: 'extend', extension: { newEnd: '2024-05-01', agreedAt: '2024-04-01', reason: 'x' } },
      }),
    );
    expect(e.code).toBe('invalid_date_range');
  });
  it('builds the curator and plans orders', () => {
    const c = buildCuratorOrder({
      organization: lyceum7,
      order: pairsOrderInput.order,
      people: lyceumPeople,
      consents: lyceumConsents,
      curatorId: 'rodionova',
      from: '2023-09-01',
    });
    expect(allText(c).replaceAll('\u00a0', ' ')).toContain('Родионову Т. Ю., заместителя директора по ВР');
    const p = buildPlansOrder({
      organization: lyceum7,
      order: pairsOrderInput.order,
      people: lyceumPeople,
      consents: lyceumConsents,
      pairs: pairsOrderInput.pairs,
      programmes: [programme],
    });
    expect(p.annexes).toHaveLength(1);
  });
});

describe('consents', () => {
  it('chooses the parent’s form for a minor and the adult form otherwise', () => {
    const minor = buildConsentForm({ organization: lyceum7, date: '2023-09-06', minor: true });
    expect(minor.meta.kind).toBe('consentMinor');
    expect(allText(minor)).toContain(
      'являясь родителем (законным представителем) несовершеннолетнего обучающегося',
    );
    const adult = buildConsentForm({ organization: lyceum7, date: '2023-09-06' });
    expect(adult.meta.kind).toBe('consentAdult');
    expect(allText(adult)).toContain('152-ФЗ');
  });
});

describe('press release', () => {
  const base = {
    organization: lyceum7,
    date: '2024-03-20',
    headline: 'Новости',
    lead: 'Лид',
    mentions: [
      { personId: 'belov', role: 'mentor' as const, text: 'провёл мастер-класс.' },
      { personId: 'pupil-sokolov', role: 'mentee' as const, text: 'выступил с проектом.' },
    ],
    people: lyceumPeople,
    consents: lyceumConsents,
  };
  it('prints no names without a publication consent', () => {
    const text = renderHtml(buildPressRelease({ ...base, consents: [] }));
    expect(text).not.toMatch(/Белов|Соколов/u);
    expect(text).toContain('Наставник провёл мастер-класс.');
  });
  it('names only those who consented to publication (a parent for a minor)', () => {
    const text = renderMarkdown(buildPressRelease({ ...base, consents: lyceumConsents }));
    expect(text).toContain('И.\u00a0П.\u00a0Белов');
    expect(text).not.toMatch(/Соколов/u);
  });
});

describe('questionnaires', () => {
  const kinds: StandardQuestionnaireKind[] = [
    'menteeNeeds',
    'mentorPotential',
    'preference',
    'interimFeedback',
    'finalSatisfaction',
  ];
  for (const kind of kinds) {
    it(`${kind}: printable form and JSON schema agree with the questionnaire`, () => {
      const q = standardQuestionnaire(kind);
      const form = buildQuestionnaireForm({ questionnaire: q });
      const fields = form.blocks.find((b) => b.kind === 'form');
      expect(fields?.kind === 'form' && fields.fields.length).toBe(q.questions.length);
      const schema = questionnaireJsonSchema(q) as {
        properties: Record<string, Record<string, unknown>>;
        required: string[];
      };
      expect(Object.keys(schema.properties)).toEqual(q.questions.map((x) => x.id));
      expect(schema.required).toEqual(q.questions.filter((x) => x.required).map((x) => x.id));
      for (const question of q.questions) {
        if (question.type === 'scale')
          expect(schema.properties[question.id]).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });
      }
    });
  }
  it('accepts in the schema exactly the scale answers core accepts', () => {
    const q = standardQuestionnaire('finalSatisfaction');
    const schema = questionnaireJsonSchema(q) as {
      properties: Record<string, { minimum?: number; maximum?: number }>;
    };
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 15 }), (n) => {
        const p = schema.properties.overall ?? {};
        const bySchema = n >= (p.minimum ?? 0) && n <= (p.maximum ?? 0);
        const issues = validateResponse(q, {
          id: 'r',
          questionnaireId: q.id,
          respondentId: 'p',
          role: 'mentee',
          submittedAt: '2024-05-20',
          answers: { overall: n },
        } as never);
        expect(issues.some((i) => i.path[1] === 'overall' && i.code === 'answer_mismatch')).toBe(!bySchema);
      }),
    );
  });
});

describe('reports', () => {
  it('rolls up shares as summed numerators over summed denominators', () => {
    expect(
      rollUpShare([
        { numerator: 1, denominator: 2 },
        { numerator: 9, denominator: 10 },
      ]),
    ).toBeCloseTo(10 / 12);
    fc.assert(
      fc.property(
        fc.array(fc.record({ numerator: fc.nat(100), denominator: fc.integer({ min: 100, max: 200 }) }), {
          minLength: 1,
        }),
        (rows) => {
          const share = rollUpShare(rows);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
  it('marks targets as reached or not, and charts coverage', () => {
    const input = {
      organization: lyceum7,
      date: '2024-01-20',
      period: { start: '2023-09-01', end: '2023-12-31' },
      author: { position: 'куратор', name: { lastName: 'Яковлева', firstName: 'Елена' } },
      coverage: [
        { label: 'A', numerator: 70, denominator: 100, target: 70 },
        { label: 'B', numerator: 69, denominator: 100, target: 70 },
      ],
    };
    const m = buildMonitoringReport(input);
    const t = m.blocks.find((b) => b.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    const mark = t.columns.findIndex((c) => c.header === 'Цель достигнута');
    expect(t.rows.map((r) => r.cells[mark])).toEqual(['да', 'нет']);
    expect(m.blocks.some((b) => b.kind === 'chart')).toBe(true);
    expect(buildFinalReport(input).meta.kind).toBe('finalReport');
    expect(
      error(() =>
        buildMonitoringReport({ ...input, coverage: [{ label: 'C', numerator: 5, denominator: 2 }] }),
      ).path,
    ).toEqual(['coverage', 0, 'numerator']);
  });
});

describe('personal programme', () => {
  it('prints the plan with dues and marks of completion', () => {
    const doc = buildPersonalProgramme({
      organization: lyceum7,
      pair: pairsOrderInput.pairs[0] as PairsOrderInput['pairs'][number],
      programme,
      people: lyceumPeople,
      consents: lyceumConsents,
    });
    const plan = doc.blocks.filter((b) => b.kind === 'table')[1];
    expect(plan?.kind === 'table' && plan.rows.length).toBe(5);
    expect(plan?.kind === 'table' && plan.rows[0]?.cells[4]).toBe('выполнено 21.09.2023');
  });
});

// ---------------------------------------------------------------------------
// Hostile strings in every field: the HTML must stay inert.

const HOSTILE = `<script>alert("x")</script>"'><img src=x onerror=alert(1)>\u202Eevil\u2066\u200F&amp;`;
const ALLOWED_TAGS = new Set([
  'article',
  'header',
  'p',
  'div',
  'span',
  'h1',
  'h2',
  'h3',
  'br',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'section',
  'figure',
  'figcaption',
  'svg',
  'line',
  'rect',
  'text',
  'hr',
]);

function hostile(): Record<string, NastavnikDocument> {
  const h = (s: string) => `${s} ${HOSTILE}`;
  const org = { ...lyceum7, name: h('Лицей'), shortName: h('МОУ'), locality: h('г.') };
  const people = lyceumPeople.map((p) => ({
    ...p,
    name: {
      lastName: h(p.name.lastName),
      firstName: h(p.name.firstName),
      middleName: h(p.name.middleName ?? 'Отчество'),
    },
    ...(p.position ? { position: h(p.position) } : {}),
  }));
  const order = {
    ...pairsOrderInput.order,
    title: h('Приказ'),
    number: '1<b>"\u202E',
    signatory: { position: h('директор'), name: { lastName: h('Фамилия'), firstName: h('Имя') } },
  };
  const pp = {
    ...programme,
    goals: [h('цель')],
    directions: [h('направление')],
    plan: programme.plan.map((i) => ({ ...i, title: h(i.title), expectedResult: h(i.expectedResult) })),
  };
  const roadmap = {
    ...seedRoadmaps.lyceum7Tikhvin004,
    title: h('Дорожная карта'),
    columns: seedRoadmaps.lyceum7Tikhvin004.columns.map((c) => ({ ...c, header: h(c.header) })),
    sections: seedRoadmaps.lyceum7Tikhvin004.sections.map((s) => ({
      ...s,
      title: h(s.title),
      activities: s.activities.map((a) => ({
        ...a,
        title: h(a.title),
        dueText: h(a.dueText),
        responsible: a.responsible.map(h),
        ...(a.content ? { content: h(a.content) } : {}),
      })),
    })),
  };
  const q = standardQuestionnaire('menteeNeeds');
  const hq = {
    ...q,
    title: { ru: h('Анкета'), en: h('Survey') },
    questions: q.questions.map((x) => ({
      ...x,
      text: { ru: h(x.text.ru), en: h(x.text.en) },
      ...('options' in x
        ? { options: x.options.map((o) => ({ ...o, label: { ru: h(o.label.ru), en: o.label.en } })) }
        : {}),
    })),
  };
  const report = {
    organization: org,
    date: '2024-05-31',
    period: { start: '2023-09-01', end: '2024-05-31' },
    author: { position: h('куратор'), name: { lastName: h('Яковлева'), firstName: h('Елена') } },
    counts: { mentors: 1, mentees: 1, pairs: 1 },
    coverage: [{ label: h('Доля'), numerator: 1, denominator: 2, target: 50 }],
    satisfaction: [{ label: h('Удовлетворённость'), value: 8 }],
    events: [h('событие')],
    conclusions: [h('вывод')],
    proposals: [h('предложение')],
  };
  const base = {
    organization: org,
    parentOrganization: { ...org, id: 'p', name: h('Комитет') },
    order,
    people,
    consents: lyceumConsents,
    basis: h('В соответствии'),
    acquainted: ['yakovleva'],
  };
  return {
    introduction: buildIntroductionOrder({
      ...base,
      curatorId: 'yakovleva',
      startDate: '2023-09-01',
      regulation: {},
      roadmap,
      publisher: { personId: 'kuzmenko', due: '2023-09-08' },
    }),
    curator: buildCuratorOrder({
      ...base,
      curatorId: 'yakovleva',
      from: '2023-09-01',
      duties: [h('обязанность')],
    }),
    pairs: buildPairsOrder({
      ...base,
      pairs: pairsOrderInput.pairs,
      consents: lyceumConsents,
      start: '2023-09-15',
      end: '2024-05-31',
      curatorId: 'yakovleva',
    }),
    plans: buildPlansOrder({ ...base, pairs: pairsOrderInput.pairs, programmes: [pp] }),
    change: buildPairChangeOrder({
      ...base,
      pair: pairsOrderInput.pairs[0] as PairsOrderInput['pairs'][number],
      programme: pp,
      change: { kind: 'terminate', date: '2024-01-10', reason: 'mutualDecision', details: h('детали') },
    }),
    competition: buildCompetitionOrder({
      ...base,
      pairs: pairsOrderInput.pairs,
      competition: {
        id: 'c',
        organizationId: 'lyceum-7',
        title: h('#Наставник+'),
        academicYear: '2023-2024',
        rounds: [
          {
            id: 'r',
            title: h('Визитка'),
            date: '2023-09-01',
            criteria: [{ id: 'c', title: h('Оценка'), maxScore: 5 }],
          },
        ],
        scores: [{ pairId: 'pair-1', roundId: 'r', score: 1, recordedAt: '2023-09-01' }],
      },
    }),
    regulation: buildRegulation({ organization: org }),
    roadmap: buildRoadmap({ roadmap, organization: org }),
    programme: buildPersonalProgramme({
      organization: org,
      pair: pairsOrderInput.pairs[0] as PairsOrderInput['pairs'][number],
      programme: pp,
      people,
      consents: lyceumConsents,
      approval: { position: h('директор'), name: h('И. И. Иванов') },
    }),
    questionnaire: buildQuestionnaireForm({ questionnaire: hq, organization: org }),
    consent: buildConsentForm({
      organization: org,
      operatorAddress: h('адрес'),
      subject: {
        ...(people[7] as (typeof people)[number]),
        address: h('адрес субъекта'),
        identityDocument: {
          kind: 'birthCertificate',
          number: '1',
          issuedAt: '2009-01-01',
          issuedBy: h('ЗАГС'),
        },
      },
      date: '2023-09-01',
      representative: {
        name: { lastName: h('Родитель'), firstName: h('Имя') },
        address: h('адрес родителя'),
        identityDocument: { kind: 'passport', number: '2', issuedAt: '2015-01-01', issuedBy: h('УФМС') },
        authorityDocument: h('свидетельство'),
      },
    }),
    monitoring: buildMonitoringReport(report),
    final: buildFinalReport(report),
    press: buildPressRelease({
      organization: org,
      date: '2024-03-20',
      headline: h('Заголовок'),
      lead: h('Лид'),
      paragraphs: [h('Текст')],
      mentions: [{ personId: 'belov', role: 'mentor', text: h('сделал') }],
      people,
      consents: lyceumConsents,
      contact: h('контакт'),
    }),
  };
}

describe('HTML escaping with hostile strings in every field', () => {
  const docs = hostile();
  for (const [name, doc] of Object.entries(docs)) {
    it(`${name}: no injected markup, attribute or bidi control`, () => {
      for (const html of [renderHtml(doc), renderHtml(doc, { fullPage: true })]) {
        expect(html).not.toMatch(/<script|<img|onerror\s*=\s*alert(?![^<]*&gt;)/iu);
        expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
        for (const tag of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/gu)) {
          expect(
            ALLOWED_TAGS.has((tag[1] ?? '').toLowerCase()) ||
              tag[1] === 'html' ||
              tag[1] === 'head' ||
              tag[1] === 'meta' ||
              tag[1] === 'title' ||
              tag[1] === 'style' ||
              tag[1] === 'body',
          ).toBe(true);
          expect(tag[2] ?? '').not.toMatch(/\bon[a-z]+\s*=/iu);
        }
        // The hostile text is there, typeset («ёлочки» for its straight quotes) and escaped, so nothing was
        // silently dropped.
        expect(html).toContain('&lt;script&gt;alert(«x»)&lt;/script&gt;');
        expect(html).toContain('&amp;amp;');
      }
      const md = renderMarkdown(doc);
      expect(md).not.toMatch(/<script|<img/iu);
    });
  }
});
