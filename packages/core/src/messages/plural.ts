import type { Lang } from '../labels';

/**
 * The word forms of a counted noun: Russian needs `one` (1, 21), `few` (2–4,
 * 22–24) and `many` (5–20, 25); `other` is for fractions (and English plural).
 */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const rules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** The form of a noun for a count, chosen by `Intl.PluralRules` of the language. */
export function plural(lang: Lang, count: number, forms: PluralForms): string {
  const r = rules[lang] ?? new Intl.PluralRules(lang);
  rules[lang] = r;
  const category = r.select(count);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few ?? forms.other;
  if (category === 'many') return forms.many ?? forms.other;
  return forms.other;
}
