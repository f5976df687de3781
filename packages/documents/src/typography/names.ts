import { formatName, type Gender, type PersonName } from '@nastavnik/core';
import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';

/**
 * A grammatical case of Russian. Orders need the accusative («Назначить
 * ответственной Жаксимбаеву Л. В.»), the dative («Яковлевой Е. С. обеспечить»)
 * and the genitive («по заявлению Иванова И. И.»).
 *
 * @category Typography
 * @example
 * const c: GrammaticalCase = 'dative';
 */
export type GrammaticalCase =
  | 'nominative'
  | 'genitive'
  | 'dative'
  | 'accusative'
  | 'instrumental'
  | 'prepositional';

/**
 * Decline a person's name (surname, first name, patronymic) into a case,
 * with the `lvovich` rules (the petrovich rule set, maintained and typed):
 * indeclinable surnames (Кузьменко, Черных, female Трусевич) stay as they are.
 * Without a gender, the gender is guessed from the patronymic or the surname
 * ending by the library; pass it whenever you know it.
 *
 * @category Typography
 * @example
 * declineName({ lastName: 'Жаксимбаева', firstName: 'Лилия', middleName: 'Викторовна' }, 'female', 'accusative');
 * // { lastName: 'Жаксимбаеву', firstName: 'Лилию', middleName: 'Викторовну' }
 */
export function declineName(
  name: PersonName,
  gender: Gender | undefined,
  grammaticalCase: GrammaticalCase,
): PersonName {
  if (grammaticalCase === 'nominative') return name;
  const g = gender ?? null;
  const last = declineCompound(name.lastName, (part) => inclineLastname(part, grammaticalCase, g));
  const first = declineCompound(name.firstName, (part) => inclineFirstname(part, grammaticalCase, g));
  const middle =
    name.middleName === undefined
      ? undefined
      : declineCompound(name.middleName, (part) => inclineMiddlename(part, grammaticalCase, g));
  return middle === undefined
    ? { lastName: last, firstName: first }
    : { lastName: last, firstName: first, middleName: middle };
}

/** Double surnames decline part by part («Петрова-Водкина»). */
function declineCompound(value: string, decline: (part: string) => string): string {
  return value
    .split('-')
    .map((part) => (part.length > 0 ? keepCase(part, decline(part)) : part))
    .join('-');
}

/** The library lowercases some inputs; keep the capital of the original. */
function keepCase(original: string, declined: string): string {
  if (declined.length === 0) return original;
  const first = original.charAt(0);
  return first === first.toUpperCase() ? first + declined.slice(1) : declined;
}

/**
 * A name declined and formatted in one step, as order texts need it:
 * «Жаксимбаеву Л. В.» (`lastFirst`), «Л. В. Жаксимбаевой» (`initialsFirst`),
 * or the full name. Non-breaking spaces as in `formatName` of core.
 *
 * @category Typography
 * @example
 * nameIn({ lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' }, 'female', 'dative'); // 'Яковлевой Е. С.'
 */
export function nameIn(
  name: PersonName,
  gender: Gender | undefined,
  grammaticalCase: GrammaticalCase,
  style: 'full' | 'lastFirst' | 'initialsFirst' = 'lastFirst',
): string {
  return formatName(declineName(name, gender, grammaticalCase), style);
}

/**
 * Pick a word form by gender: «ответственной» / «ответственным»,
 * «ознакомлена» / «ознакомлен». Without a gender, the neutral official form
 * («ознакомлен(а)») is used when given, else the masculine.
 *
 * @category Typography
 * @example
 * byGender('female', { female: 'ответственной', male: 'ответственным' }); // 'ответственной'
 */
export function byGender(
  gender: Gender | undefined,
  forms: { readonly female: string; readonly male: string; readonly neutral?: string },
): string {
  if (gender === 'female') return forms.female;
  if (gender === 'male') return forms.male;
  return forms.neutral ?? forms.male;
}
