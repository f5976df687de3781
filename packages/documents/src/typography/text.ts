const NBSP = '\u00a0';

/**
 * Put a text in Russian quotes: «…», with „…“ for quotes inside it
 * («МОУ „Лицей № 7“» when nested).
 *
 * @category Typography
 * @example
 * quote('Лицей № 7'); // '«Лицей № 7»'
 * quote('МОУ «Лицей № 7»'); // '«МОУ „Лицей № 7“»'
 */
export function quote(text: string): string {
  return `«${text.replace(/«/gu, '„').replace(/»/gu, '“')}»`;
}

/**
 * Light Russian typography for generated text: straight quotes become
 * guillemets (nested ones „…“), a hyphen between spaces becomes an en dash,
 * and non-breaking spaces bind «№», «г.», initials and one- or two-letter
 * prepositions to the next word.
 *
 * @category Typography
 * @example
 * typograph('Приказ "О наставничестве" - в силе'); // 'Приказ «О наставничестве» – в силе'
 */
export function typograph(text: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      const prev = i === 0 ? ' ' : (text[i - 1] as string);
      const opening = /[\s(«„[-]/u.test(prev) || i === 0;
      if (opening) {
        out += depth === 0 ? '«' : '„';
        depth++;
      } else {
        depth = Math.max(0, depth - 1);
        out += depth === 0 ? '»' : '“';
      }
    } else {
      out += ch;
    }
  }
  return out
    .replace(/ - /gu, ' – ')
    .replace(/№ ?(?=\S)/gu, `№${NBSP}`)
    .replace(/(\d) г\./gu, `$1${NBSP}г.`)
    .replace(
      /(\d) (года|году|январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)/gu,
      `$1${NBSP}$2`,
    )
    .replace(/([А-ЯЁ]\.) (?=[А-ЯЁ]\.)/gu, `$1${NBSP}`)
    .replace(/(?<=^|[\s(«])([вкосуиаВКОСУИА]|во|на|по|от|до|за|из|об|со|не)\s+/gu, `$1${NBSP}`);
}
