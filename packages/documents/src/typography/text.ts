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
 * U+2011, a hyphen a line never breaks at («152‑ФЗ», «Р‑145»).
 *
 * @category Typography
 * @example
 * const act = `152${NB_HYPHEN}ФЗ`; // never split across two lines
 */
export const NB_HYPHEN = '\u2011';

const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const UNITS = '%|ч\\.?|час(?:а|ов)?|чел\\.|мин\\.|лет|года?|руб\\.|балл(?:а|ов)?|мес\\.|г\\.|гг\\.';

/**
 * Russian typography for official texts, as one function applied to every
 * text the DOCX and HTML renderers print:
 *
 * - straight quotes become «ёлочки», nested ones „лапки“;
 * - a dash between words (` - `, ` – `, ` — `) becomes an em dash bound to
 *   the word before it («наставник — учитель»);
 * - number ranges get an en dash without spaces («2023–2024», «1–3»), but
 *   document numbers («19-731/2022») are left alone;
 * - the hyphen of a law or act number never breaks («152‑ФЗ», «273‑ФЗ»,
 *   «Р‑145», «АЗ‑1128/08», «348‑р»);
 * - non-breaking spaces after «№», before «г.» / «гг.», between a number
 *   and its unit («70 %», «36 ч», «18 пар»), inside day–month dates, between
 *   initials and the surname, and after one- or two-letter prepositions.
 *
 * It is idempotent: typesetting a typeset text changes nothing.
 *
 * @category Typography
 * @example
 * typograph('Приказ "О наставничестве" - в силе'); // 'Приказ «О наставничестве» — в силе' (NBSP before the dash)
 * typograph('в 2023-2024 учебном году'); // 'в 2023–2024 учебном году'
 * typograph('152-ФЗ'); // '152‑ФЗ' (U+2011)
 */
export function typograph(text: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      const prev = i === 0 ? ' ' : (text[i - 1] as string);
      // A quote opens unless it follows a letter, a digit or closing punctuation («<b>"A"</b>» opens after «>»).
      const opening = i === 0 || !/[\p{L}\p{N}.,;:!?…)\]»“%'’"]/u.test(prev);
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
  return (
    out
      // Ranges of years and of numbers written with spaces: en dash, no spaces.
      .replace(/(?<![\d/.\u2011-])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\d/\u2011-])/gu, '$1–$2')
      .replace(/(?<![\d/.\u2011-])(\d{1,3})\s+[-–—]\s+(\d{1,3})(?![\d/.\u2011-])/gu, '$1–$2')
      .replace(/(?<=\s|^)(\d{1,2})-(\d{1,2})(?=\s+(?:места?|лет|класс|час|балл|мес|чел))/gu, '$1–$2')
      // A dash between words: an em dash, bound to the word before it.
      .replace(/[ \u00a0]+[-–—][ \u00a0]+/gu, `${NBSP}— `)
      // Act and law numbers: a hyphen that never breaks.
      .replace(/(\d)-(ФЗ|ФКЗ|КЗ|[рп](?=[\s.,;:)»]|$))/gu, `$1${NB_HYPHEN}$2`)
      .replace(/(?<![А-ЯЁа-яё])(Р|АЗ|МР|ВБ|ТС|ДГ)-(\d)/gu, `$1${NB_HYPHEN}$2`)
      .replace(/№ ?(?=\S)/gu, `№${NBSP}`)
      .replace(/(\d) (г\.|гг\.)/gu, `$1${NBSP}$2`)
      .replace(new RegExp(`(\\d) (${MONTHS})`, 'gu'), `$1${NBSP}$2`)
      .replace(new RegExp(`(\\d) (${UNITS})(?![А-ЯЁа-яё])`, 'gu'), `$1${NBSP}$2`)
      .replace(
        /(\d) (пар[аы]?|групп[аы]?|человека?|наставник(?:а|ов)?|наставляем(?:ый|ых))(?![А-ЯЁа-яё])/gu,
        `$1${NBSP}$2`,
      )
      .replace(/([А-ЯЁ]\.) (?=[А-ЯЁ]\.)/gu, `$1${NBSP}`)
      .replace(/([А-ЯЁ]\.) (?=[А-ЯЁ][а-яё])/gu, `$1${NBSP}`)
      .replace(/([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) (?=[А-ЯЁ]\.[\s\u00a0]?[А-ЯЁ]\.)/gu, `$1${NBSP}`)
      .replace(/(?<=^|[\s(«\u00a0])([вкосуиаВКОСУИА]|во|на|по|от|до|за|из|об|со|не)[ ]+/gu, `$1${NBSP}`)
  );
}

/**
 * A range of numbers or years with an en dash and no spaces, as Russian
 * texts write it: «2023–2024», «1–3».
 *
 * @category Typography
 * @example
 * formatRange('2023-2024'); // '2023–2024'
 * formatRange(1, 3); // '1–3'
 */
export function formatRange(from: string | number, to?: string | number): string {
  if (to === undefined) return String(from).replace(/\s*[-–—]\s*/u, '–');
  return `${from}–${to}`;
}

/**
 * A Russian enumeration: «А», «А и Б», «А, Б и В» (the last two joined by «и»). An item with an
 * apposition («Яковлеву Е. С., заместителя директора») closes it with a comma before «и».
 *
 * @category Typography
 * @example
 * joinAnd(['Яковлеву Е. С.', 'Родионову Т. Ю.']); // 'Яковлеву Е. С. и Родионову Т. Ю.'
 * joinAnd(['Яковлеву Е. С., заместителя директора', 'Родионову Т. Ю.']); // 'Яковлеву Е. С., заместителя директора, и Родионову Т. Ю.'
 */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1);
  const before = head[head.length - 1] ?? '';
  return `${head.join(', ')}${before.includes(',') ? ',' : ''} и ${items[items.length - 1]}`;
}
