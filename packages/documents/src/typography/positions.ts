import type { GrammaticalCase } from './names';

const ENDINGS: Record<
  'genitive' | 'dative' | 'accusative' | 'instrumental',
  { hard: string; soft: string; adjHard: string; adjSoft: string }
> = {
  genitive: { hard: 'а', soft: 'я', adjHard: 'ого', adjSoft: 'его' },
  accusative: { hard: 'а', soft: 'я', adjHard: 'ого', adjSoft: 'его' },
  dative: { hard: 'у', soft: 'ю', adjHard: 'ому', adjSoft: 'ему' },
  instrumental: { hard: 'ом', soft: 'ем', adjHard: 'ым', adjSoft: 'им' },
};

function declineWord(
  word: string,
  c: keyof typeof ENDINGS,
): { word: string; adjective: boolean } | undefined {
  const e = ENDINGS[c];
  const lower = word.toLowerCase();
  if (/(ый|ой)$/u.test(lower)) return { word: word.slice(0, -2) + e.adjHard, adjective: true };
  if (/ий$/u.test(lower)) {
    const soft = !/[кгх]ий$/u.test(lower);
    return { word: word.slice(0, -2) + (soft ? e.adjSoft : e.adjHard), adjective: true };
  }
  if (/[ьй]$/u.test(lower)) return { word: word.slice(0, -1) + e.soft, adjective: false };
  if (/[бвгдзклмнпрстфх]$/u.test(lower)) return { word: word + e.hard, adjective: false };
  if (/[жшчщц]$/u.test(lower)) {
    return { word: word + (c === 'instrumental' ? 'ем' : e.hard), adjective: false };
  }
  return undefined;
}

/**
 * Decline a position (должность) into a case for order texts: the leading
 * adjectives and the head noun change, the dependent words stay
 * («заместитель директора по УВР» → «заместителю директора по УВР»;
 * «педагог-психолог» → «педагога-психолога»; «социальный педагог» →
 * «социального педагога»). Positions are grammatically masculine in
 * official Russian whoever holds them. Abbreviated or unusual positions
 * («и.о. директора») are returned unchanged.
 *
 * @category Typography
 * @example
 * declinePosition('заместитель директора по УВР', 'dative'); // 'заместителю директора по УВР'
 * declinePosition('учитель начальных классов', 'genitive'); // 'учителя начальных классов'
 */
export function declinePosition(position: string, grammaticalCase: GrammaticalCase): string {
  if (grammaticalCase === 'nominative' || grammaticalCase === 'prepositional') return position;
  if (/[.]/u.test(position.split(' ')[0] ?? '')) return position;
  const words = position.split(' ');
  const out: string[] = [];
  let done = false;
  for (const w of words) {
    if (done) {
      out.push(w);
      continue;
    }
    const parts = w.split('-');
    const declined = parts.map((p) => declineWord(p, grammaticalCase));
    if (declined.some((d) => d === undefined)) {
      out.push(w);
      done = true;
      continue;
    }
    out.push(declined.map((d) => (d as { word: string }).word).join('-'));
    if (declined.every((d) => d?.adjective === false)) done = true;
  }
  return out.join(' ');
}
