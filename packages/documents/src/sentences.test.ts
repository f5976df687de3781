import {
  buildPairChangeOrder,
  buildPairsOrder,
  inlineText,
  type NastavnikDocument,
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
