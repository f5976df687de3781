import { z } from 'zod';
import { domainRule } from './errors';

// U+0000, or a UTF-16 surrogate without its partner: PostgreSQL refuses both in text and jsonb,
// and neither is a character a person can type. Everything else (tabs, line breaks, emoji) passes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string can be stored and printed as text: no NUL character and no
 * lone UTF-16 surrogate (half of an emoji cut in two).
 *
 * @category Parsing
 * @example
 * isSafeText('Яковлева'); // true
 * isSafeText('a\u0000b'); // false
 * isSafeText('\ud83d'); // false: a lone high surrogate
 */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * A string schema that refuses NUL and lone surrogates with the typed code
 * `unsafe_text` (instead of letting a database or a document writer fail
 * later). Every text field of the core schemas is built on it; chain
 * `.trim().min().max()` as on `z.string()`.
 *
 * @category Parsing
 * @example
 * const Title = safeText().trim().min(1).max(500);
 * safeParse(Title, 'a\u0000b'); // { ok: false, error: { code: 'unsafe_text', … } }
 */
export function safeText(): z.ZodString {
  return z.string().refine(isSafeText, {
    params: domainRule('unsafe_text'),
  });
}

/**
 * Any text without NUL or lone surrogates (see {@link safeText}).
 *
 * @category Parsing
 * @example
 * SafeTextSchema.parse('Дисциплина на уроках');
 */
export const SafeTextSchema = safeText();

// What a spreadsheet skips before it reads a formula: spaces of every kind, line breaks, tabs,
// zero-width characters and the BOM; then the ASCII or fullwidth ＝ ＋ － ＠ it accepts as a start.
const FORMULA_START =
  /^[\s\u00a0\u180e\u200b-\u200f\u2060-\u2064\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/u;

/**
 * Whether a spreadsheet could read this text as a formula (CSV/XLSX
 * injection): it starts with `=`, `+`, `-`, `@` or their fullwidth forms
 * `＝ ＋ － ＠`, possibly behind spaces, NBSP, line breaks, zero-width
 * characters or a BOM, or it starts with a tab or a line break. Writers
 * put an apostrophe before such a text.
 *
 * @category Parsing
 * @example
 * startsFormula('=HYPERLINK("http://evil")'); // true
 * startsFormula('\u00a0＝1+1'); // true: NBSP, then a fullwidth equals sign
 * startsFormula('Иванова'); // false
 */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
