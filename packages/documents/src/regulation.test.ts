import { type Block, buildRegulation, inlineText } from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceum7, rassvet } from './__fixtures__/samples';

/** The dash items that follow the paragraph starting with `lead`. */
function itemsAfter(blocks: readonly Block[], lead: string): string[] {
  const i = blocks.findIndex((b) => b.kind === 'paragraph' && inlineText(b.text).startsWith(lead));
  const next = blocks[i + 1];
  return i >= 0 && next?.kind === 'list' ? [...next.items] : [];
}

// Seed 003 item by item: §2.2 tasks 10, §3.3 head 7, §3.4 curator 12, §3.5 council 10,
// §4.1 mentor's rights 4, §4.2 duties 7, §5.1 mentee's rights 5, §5.2 duties 9.
const COUNTS_003: [string, number, string][] = [
  ['2.2.', 10, 'знакомить педагогов'],
  ['3.3.', 7, 'способствует организации условий для непрерывного повышения'],
  ['3.4.', 12, 'фиксирует данные о количестве участников'],
  ['3.5.', 10, 'принимает участие в формировании банка лучших практик'],
  ['4.1.', 4, 'осуществлять мониторинг деятельности наставляемого'],
  ['4.2.', 7, 'рекомендовать участие наставляемого в профессиональных'],
  ['5.1.', 5, 'с ходатайством о замене наставника'],
  ['5.2.', 9, 'учиться у наставника передовым'],
];

describe('the Regulation (003)', () => {
  const teachers = buildRegulation({ organization: rassvet, audience: 'teachers' }).blocks;
  for (const [lead, count, last] of COUNTS_003) {
    it(`003 ${lead}: the full list of ${count} items, as the seed has it`, () => {
      const items = itemsAfter(teachers, lead);
      expect(items).toHaveLength(count);
      expect(items[items.length - 1]).toContain(last);
    });
  }

  it('pupils: the same counts, and no staff duties in the definitions (Р-145)', () => {
    const pupils = buildRegulation({ organization: lyceum7, audience: 'pupils' }).blocks;
    for (const [lead, count] of COUNTS_003) expect(itemsAfter(pupils, lead)).toHaveLength(count);
    const definitions = pupils
      .filter((b) => b.kind === 'paragraph')
      .map((b) => inlineText(b.kind === 'paragraph' ? b.text : ''))
      .filter((t) =>
        /^(Наставник|Наставляемый|Куратор|Наставничество|Персонализированная программа наставничества) —/u.test(
          t,
        ),
      );
    expect(definitions).toHaveLength(5);
    for (const d of definitions) expect(d).not.toMatch(/должностн/u);
    expect(itemsAfter(pupils, '5.2.').join(' ')).not.toMatch(/должностн|трудового/u);
  });

  it('both: one Regulation for teachers and pupils (002), with both lists of duties', () => {
    const both = buildRegulation({ organization: lyceum7, audience: 'both' }).blocks;
    const texts = both.map((b) =>
      b.kind === 'paragraph' ? inlineText(b.text) : b.kind === 'title' ? b.text : '',
    );
    expect(texts).toContain('в отношении педагогических работников:');
    expect(texts).toContain('в отношении обучающихся:');
    expect(texts.join('\n')).toContain('педагогических работников и обучающихся');
    expect(texts.join('\n')).toMatch(/Р-145.*АЗ-1128\/08/su);
  });

  it('has the organization header and the approval stamp by default, blanks when not yet approved', () => {
    const doc = buildRegulation({ organization: lyceum7, audience: 'pupils' });
    expect(doc.blocks[0]).toEqual({ kind: 'orgHeader', lines: [lyceum7.name] });
    const stamp = doc.blocks[1];
    expect(stamp?.kind === 'paragraph' && inlineText(stamp.text)).toMatch(
      /^УТВЕРЖДЕНО\nприказом .+\nот «___»/u,
    );
    const approved = buildRegulation({
      organization: rassvet,
      options: { approvedBy: { number: '5/1-п.о.д.', date: '2022-02-08' } },
    });
    const s2 = approved.blocks[1];
    expect(s2?.kind === 'paragraph' && inlineText(s2.text)).toBe(
      'УТВЕРЖДЕНО\nприказом МКОУ «Рассветовская СОШ»\nот\u00a008.02.2022 №\u00a05/1-п.о.д.',
    );
  });
});
