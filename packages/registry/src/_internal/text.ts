/**
 * Text normalisation shared by header matching, name handling and duplicate
 * keys. Pure functions, no locale dependence beyond the explicit maps below.
 */

/** Latin letters that look like Cyrillic ones, as typed by mistake in Russian names. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
};

const CYRILLIC = /[\u0400-\u04ff]/;
const ANY_LOOKALIKE = /[aeopcxyABEKMHOPCTX]/;

/** Texts this long are remembered: one long shared string referenced by many cells is worked out once. */
const LONG = 512;
const REMEMBERED = 64;

/** `fn` with its results for long texts remembered (a few, first in first out): repeats cost a lookup. */
export function memoLong<R>(fn: (text: string) => R): (text: string) => R {
  const memo = new Map<string, R>();
  return (text) => {
    if (text.length < LONG) return fn(text);
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const r = fn(text);
    if (memo.size >= REMEMBERED) memo.delete(memo.keys().next().value as string);
    memo.set(text, r);
    return r;
  };
}
const WORD = /[\p{L}]+/gu;
const LOOKALIKE_CHARS = /[aeopcxyABEKMHOPCTX]/g;

/**
 * Replace Latin look-alike letters inside words that also contain Cyrillic
 * letters («Cмирнов» with a Latin C → «Смирнов»). Words written entirely in
 * Latin are left alone (they may be genuine).
 */
export const fixLookalikes = memoLong((text: string): { text: string; changed: boolean } => {
  if (!ANY_LOOKALIKE.test(text) || !CYRILLIC.test(text)) return { text, changed: false };
  let changed = false;
  const out = text.replace(WORD, (word) => {
    if (!CYRILLIC.test(word)) return word;
    return word.replace(LOOKALIKE_CHARS, (ch) => {
      changed = true;
      return LOOKALIKES[ch] ?? ch;
    });
  });
  return { text: out, changed };
});

/** Collapse every run of whitespace (including NBSP, tabs, line breaks) into one space and trim. */
export const collapseSpaces = memoLong((text: string): string =>
  text.replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ').trim(),
);

/**
 * A key for comparing labels and headers: lowercase, ё→е, look-alikes fixed,
 * «*» markers and punctuation removed, spaces collapsed.
 */
export const normalizeKey = memoLong((text: string): string =>
  fixLookalikes(text)
    .text.toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[№#]/g, ' no ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

/** Replace ё/Ё with е/Е. */
export function yoToYe(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
