import {
  buildFinalReport,
  buildPairChangeOrder,
  buildPairsOrder,
  formatCount,
  inlineText,
  type NastavnikDocument,
  renderHtml,
  renderMarkdown,
  typograph,
} from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceumConsents, lyceumPeople, pairsOrderInput, programme } from './__fixtures__/samples';

function text(doc: NastavnikDocument): string {
  return doc.blocks
    .map((b) => (b.kind === 'paragraph' || b.kind === 'numbered' ? inlineText(b.text) : ''))
    .join('\n')
    .replaceAll('\u00a0', ' ');
}

const base = {
  organization: pairsOrderInput.organization,
  order: { ...pairsOrderInput.order, kind: 'extendPair' as const, title: 'О продлении', date: '2024-05-20' },
  people: lyceumPeople,
  consents: lyceumConsents,
  curatorId: 'yakovleva',
};
const teacherPair = pairsOrderInput.pairs[0] as (typeof pairsOrderInput.pairs)[number];
const groupPair = pairsOrderInput.pairs[1] as (typeof pairsOrderInput.pairs)[number];
const extension = {
  newEnd: '2024-12-27',
  agreedAt: '2024-05-15',
  reason: 'Подготовка наставляемого к аттестации',
};

function report(counts: { mentors: number; mentees: number; pairs: number; groups: number }) {
  return buildFinalReport({
    organization: pairsOrderInput.organization,
    date: '2024-05-31',
    period: { start: '2023-09-01', end: '2024-05-31' },
    author: { position: 'куратор', name: { lastName: 'Яковлева', firstName: 'Елена' } },
    counts,
    coverage: [{ label: 'Доля обучающихся — наставляемых', numerator: 37, denominator: 400, target: 70 }],
  });
}

// [what, document, must contain, must not contain] — the sentences issue #14 quotes.
const SENTENCES: [string, () => NastavnikDocument, string, string][] = [
  [
    'extension reason in the genitive, mentee in her gender',
    () =>
      buildPairChangeOrder({ ...base, pair: teacherPair, programme, change: { kind: 'extend', extension } }),
    'в связи с необходимостью подготовки наставляемой к аттестации',
    'необходимостью:',
  ],
  [
    'a group: the reason and the support in the plural',
    () =>
      buildPairChangeOrder({
        ...base,
        order: { ...base.order, kind: 'terminatePair', date: '2024-02-01' },
        pair: groupPair,
        programme: { ...programme, id: 'pp-2', pairId: 'pair-2' },
        change: { kind: 'terminate', date: '2024-02-01', reason: 'menteeInitiative' },
      }),
    'сопровождение наставляемых',
    'по инициативе наставляемого ',
  ],
  [
    'a pupil mentor without a position is addressed without a comma',
    () =>
      buildPairChangeOrder({
        ...base,
        pair: groupPair,
        programme: { ...programme, id: 'pp-2', pairId: 'pair-2' },
        change: { kind: 'extend', extension: { ...extension, reason: 'Подготовка к олимпиаде' } },
      }),
    'Орловой М. И. внести изменения',
    'Орловой М. И., внести',
  ],
  [
    'counts in a report: the number first, the noun agreed («18 пар, 6 групп», never «пар 18 / групп 6»)',
    () => report({ mentors: 21, mentees: 24, pairs: 18, groups: 6 }),
    'Итого: 21 наставник и 24 наставляемых; 18 наставнических пар, 6 наставнических групп.',
    'пар 18',
  ],
  [
    'counts in a report agree in the singular and the few form',
    () => report({ mentors: 1, mentees: 2, pairs: 1, groups: 3 }),
    'Итого: 1 наставник и 2 наставляемых; 1 наставническая пара, 3 наставнические группы.',
    'групп 3',
  ],
  [
    'the pairs order cites the Regulation and the federal act, not «согласия участников на участие»',
    () => buildPairsOrder(pairsOrderInput),
    'распоряжением Минпросвещения России от 25.12.2019 № Р-145',
    'согласия участников на участие',
  ],
];

describe('sentences the issue quotes, fixed at the builder level', () => {
  for (const [what, make, good, bad] of SENTENCES) {
    it(what, () => {
      const t = text(make());
      expect(t).toContain(good);
      expect(t).not.toContain(bad);
    });
  }
});

// [input, output with · for NBSP and ‑ for U+2011]
const TYPOGRAPHY: [string, string][] = [
  ['в 2023-2024 учебном году', 'в·2023–2024 учебном году'],
  ['МОУ «СОШ № 6»', 'МОУ «СОШ №·6»'],
  ['распоряжение № Р-145', 'распоряжение №·Р‑145'],
  ['29 декабря 2012 г.', '29·декабря 2012·г.'],
  ['Федеральный закон № 152-ФЗ', 'Федеральный закон №·152‑ФЗ'],
  ['70 % обучающихся', '70·% обучающихся'],
  ['обучение 36 ч', 'обучение 36·ч'],
  ['Жаксимбаева Л. В.', 'Жаксимбаева·Л.·В.'],
  ['наставник - учитель', 'наставник·— учитель'],
  ['№ 19-731/2022', '№·19-731/2022'],
];

describe('typography as code (one function)', () => {
  for (const [input, output] of TYPOGRAPHY) {
    it(`${input} → ${output}`, () => {
      expect(typograph(input).replaceAll('\u00a0', '·').replaceAll('\u2011', '‑')).toBe(output);
    });
  }
});

// [count, noun forms, printed] — agreed by Intl.PluralRules('ru'), the number first.
const COUNTS: [number, [string, string, string], string][] = [
  [18, ['пара', 'пары', 'пар'], '18 пар'],
  [21, ['пара', 'пары', 'пар'], '21 пара'],
  [11, ['пара', 'пары', 'пар'], '11 пар'],
  [6, ['группа', 'группы', 'групп'], '6 групп'],
  [22, ['группа', 'группы', 'групп'], '22 группы'],
  [0, ['группа', 'группы', 'групп'], '0 групп'],
  [1.5, ['час', 'часа', 'часов'], '1,5 часа'],
  [1234, ['наставник', 'наставника', 'наставников'], '1 234 наставника'],
];

describe('counts with nouns', () => {
  for (const [n, forms, printed] of COUNTS) {
    it(`${n} → ${printed}`, () => {
      expect(formatCount(n, forms).replaceAll('\u00a0', ' ')).toBe(printed);
    });
  }
});

describe('percentages as Russian texts print them («9,2 %», NBSP)', () => {
  const doc = report({ mentors: 21, mentees: 24, pairs: 18, groups: 6 });
  it.each([
    ['HTML', () => renderHtml(doc)],
    ['Markdown', () => renderMarkdown(doc)],
  ])('%s: table, conclusion and chart legend', (_, render) => {
    const out = render();
    expect(out).toContain('9,3\u00a0%');
    expect(out).not.toMatch(/\d%/u);
  });
});

describe('HTML and Markdown are typeset like DOCX (one typograph), escaping kept', () => {
  const doc = (text: string): NastavnikDocument => ({
    meta: { kind: 'note', title: 'Справка' },
    blocks: [
      { kind: 'paragraph', text },
      {
        kind: 'table',
        columns: [{ header: 'Срок' }, { header: 'Основание' }],
        rows: [{ cells: ['2023-2024', 'распоряжение № Р-145'] }],
      },
    ],
    annexes: [],
  });
  const show = (s: string) => s.replaceAll('\u00a0', '·').replaceAll('\u2011', '‑');
  // [input, what HTML shows, what Markdown shows] — · is NBSP, ‑ is U+2011.
  const ROWS: [string, string, string][] = [
    ['МОУ "СОШ № 6"', 'МОУ «СОШ №·6»', 'МОУ «СОШ №·6»'],
    ['29 декабря 2012 г. № 273-ФЗ', '29·декабря 2012·г. №·273‑ФЗ', '29·декабря 2012·г. №·273‑ФЗ'],
    ['куратор Жаксимбаева Л. В.', 'куратор Жаксимбаева·Л.·В.', 'куратор Жаксимбаева·Л.·В.'],
    ['обучение 36 ч, охват 70 %', 'обучение 36·ч, охват 70·%', 'обучение 36·ч, охват 70·%'],
    ['наставник - учитель', 'наставник·— учитель', 'наставник·— учитель'],
    ['в 2023-2024 учебном году', 'в·2023–2024 учебном году', 'в·2023–2024 учебном году'],
    ['<b>"A & B"</b>', '&lt;b&gt;«A &amp; B»&lt;/b&gt;', '&lt;b&gt;«A &amp; B»&lt;/b&gt;'],
    ['*важно* [ссылка](x)', '*важно* [ссылка](x)', '\\*важно\\* \\[ссылка\\]\\(x\\)'],
  ];
  for (const [input, html, md] of ROWS) {
    it(`${input} → HTML ${html}`, () => {
      expect(show(renderHtml(doc(input)))).toContain(`<p class="nd-p">${html}</p>`);
    });
    it(`${input} → Markdown ${md}`, () => {
      expect(show(renderMarkdown(doc(input))).split('\n')[0]).toBe(md);
    });
  }
  it('typesets table cells too', () => {
    expect(show(renderHtml(doc('x')))).toContain('<td>2023–2024</td><td>распоряжение №·Р‑145</td>');
    expect(show(renderMarkdown(doc('x')))).toContain('| 2023–2024 | распоряжение №·Р‑145 |');
  });
});
