import { z } from 'zod';
import { ageOn, type IsoDate, IsoDateSchema } from './dates';
import { PersonCategorySchema } from './enums';
import { AddressSchema, IdentityDocumentSchema } from './identityDocument';
import { OrganizationIdSchema, PersonIdSchema } from './ids';
import { safeText } from './text';

/**
 * Parts of a person's name as documents need them («Яковлева Елена
 * Сергеевна» → «Яковлевой Е. С.»). No more personal data than needed.
 *
 * @category People
 * @example
 * const n = PersonNameSchema.parse({ lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' });
 */
export const PersonNameSchema = z.object({
  lastName: safeText().trim().min(1).max(100),
  firstName: safeText().trim().min(1).max(100),
  /** Patronymic (отчество), if any. */
  middleName: safeText().trim().min(1).max(100).optional(),
});
/** Parts of a name. @category People @example const n: PersonName = { lastName: 'Иванов', firstName: 'Иван' }; */
export type PersonName = z.infer<typeof PersonNameSchema>;

/**
 * Grammatical gender, needed to decline names and agree words in orders
 * («назначить ответственной»). Optional: documents fall back to neutral forms.
 *
 * @category People
 * @example
 * GenderSchema.parse('female');
 */
export const GenderSchema = z.enum(['female', 'male']);
/** Grammatical gender. @category People @example const g: Gender = 'male'; */
export type Gender = z.infer<typeof GenderSchema>;

/**
 * A participant: a teacher, a pupil, a student, an employer's staff member,
 * a head of school. Only the data the programme needs: name parts for
 * documents; the birth date only where age matters (pupils: minors need a
 * parent's consent); position, experience and subjects for matching.
 *
 * @category People
 * @example
 * const teacher = parse(PersonSchema, {
 *   id: 't-1', organizationId: 'lyceum-7', category: 'teacher',
 *   name: { lastName: 'Тимофеева', firstName: 'Елена', middleName: 'Викторовна' },
 *   gender: 'female', position: 'учитель математики', experienceYears: 2, subjects: ['математика'],
 * });
 */
export const PersonSchema = z.object({
  id: PersonIdSchema,
  organizationId: OrganizationIdSchema,
  category: PersonCategorySchema,
  name: PersonNameSchema,
  gender: GenderSchema.optional(),
  birthDate: IsoDateSchema.optional(),
  /** Position, e.g. «учитель начальных классов», «заместитель директора по УВР». */
  position: safeText().trim().min(1).max(200).optional(),
  /** Pedagogical experience in full years (стаж). */
  experienceYears: z.number().min(0).max(70).optional(),
  subjects: z.array(safeText().trim().min(1).max(100)).default([]),
  /** School grade (класс) for pupils, 1–11. */
  grade: z.number().int().min(1).max(11).optional(),
  /**
   * Address of registration (residence): a consent names it (152-ФЗ ст. 9
   * ч. 4 п. 1). Sensitive, optional; never in errors, logs or exports.
   */
  address: AddressSchema.optional(),
  /** Identity document a consent names (ст. 9 ч. 4 п. 1). Sensitive, optional. */
  identityDocument: IdentityDocumentSchema.optional(),
  /** Id in the school's own information system. */
  externalId: safeText().trim().min(1).max(100).optional(),
});
/** A participant. @category People @example const p: Person = parse(PersonSchema, raw); */
export type Person = z.infer<typeof PersonSchema>;
/** A participant as integrators write it (defaults may be omitted). @category People @example const p: PersonInput = { id: 'p', organizationId: 'o', category: 'pupil', name: { lastName: 'А', firstName: 'Б' } }; */
export type PersonInput = z.input<typeof PersonSchema>;

/**
 * Whether a person is a minor on a date. A pupil with no birth date is
 * treated as a minor (the safe side: a parent's consent is required).
 *
 * @category People
 * @example
 * isMinorOn({ category: 'pupil', birthDate: '2008-05-10' }, '2023-09-01'); // true
 */
export function isMinorOn(person: Pick<Person, 'category' | 'birthDate'>, date: IsoDate): boolean {
  if (person.birthDate !== undefined) return ageOn(person.birthDate, date) < 18;
  return person.category === 'pupil';
}

/**
 * A young specialist: a teacher with at most `maxYears` years of experience
 * (3 by default, as the seeds count).
 *
 * @category People
 * @example
 * isYoungSpecialist({ category: 'teacher', experienceYears: 2 }); // true
 */
export function isYoungSpecialist(
  person: Pick<Person, 'category' | 'experienceYears'>,
  maxYears = 3,
): boolean {
  return (
    (person.category === 'teacher' || person.category === 'head') &&
    person.experienceYears !== undefined &&
    person.experienceYears <= maxYears
  );
}

const NBSP = '\u00a0';

/**
 * A name as documents print it: «Яковлева Е. С.» (`lastFirst`) or
 * «Е. С. Яковлева» (`initialsFirst`), with non-breaking spaces; or the full
 * name.
 *
 * @category People
 * @example
 * formatName({ lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' }, 'initialsFirst'); // 'Е. С. Яковлева' (with NBSP)
 */
export function formatName(
  name: PersonName,
  style: 'full' | 'lastFirst' | 'initialsFirst' = 'lastFirst',
): string {
  if (style === 'full') return [name.lastName, name.firstName, name.middleName].filter(Boolean).join(' ');
  const initials = [name.firstName, name.middleName]
    .filter((p): p is string => p !== undefined)
    .map((p) => `${p.charAt(0).toUpperCase()}.`)
    .join(NBSP);
  return style === 'lastFirst' ? `${name.lastName}${NBSP}${initials}` : `${initials}${NBSP}${name.lastName}`;
}
