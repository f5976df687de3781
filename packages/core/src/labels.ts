import { z } from 'zod';
import { safeText } from './text';

/**
 * A language of user-facing texts: Russian first, English second.
 *
 * @category Labels
 * @example
 * const lang: Lang = 'ru';
 */
export type Lang = 'ru' | 'en';

/**
 * A text in Russian with its English variant.
 *
 * @category Labels
 * @example
 * const t = LocalizedTextSchema.parse({ ru: 'Наставник', en: 'Mentor' });
 */
export const LocalizedTextSchema = z.object({
  ru: safeText().min(1),
  en: safeText().min(1),
});
/** A text in Russian and English. @category Labels @example const t: LocalizedText = { ru: 'Пара', en: 'Pair' }; */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Pick the text in a language.
 *
 * @category Labels
 * @example
 * localize({ ru: 'Наставник', en: 'Mentor' }, 'en'); // 'Mentor'
 */
export function localize(text: LocalizedText, lang: Lang = 'ru'): string {
  return lang === 'en' ? text.en : text.ru;
}
