import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from './dates';
import { type ConsentPurpose, ConsentPurposeSchema } from './enums';
import { domainRule } from './errors';
import { ConsentIdSchema, PersonIdSchema } from './ids';
import type { LocalizedText } from './labels';
import { registerCatalogue } from './messages/catalogue';
import { isMinorOn, type Person, PersonNameSchema } from './person';
import { safeText } from './text';

registerCatalogue();

/**
 * Who signed a consent: the person, or a parent / legal guardian for a minor
 * (152-ФЗ; 004 §1).
 *
 * @category Consents
 * @example
 * ConsentGiverSchema.parse('parent');
 */
export const ConsentGiverSchema = z.enum(['self', 'parent', 'guardian']);
/** Who signed a consent. @category Consents @example const g: ConsentGiver = 'self'; */
export type ConsentGiver = z.infer<typeof ConsentGiverSchema>;

/**
 * A written consent: to the processing of personal data, to the extra duties
 * of a mentor, to participation, or to publication. A parent's or guardian's
 * consent names the representative.
 *
 * @category Consents
 * @example
 * const c = parse(ConsentSchema, {
 *   id: 'c-1', personId: 'pupil-1', purpose: 'personalData', givenBy: 'parent',
 *   representative: { lastName: 'Петрова', firstName: 'Анна' }, givenAt: '2023-09-05',
 * });
 */
export const ConsentSchema = z
  .object({
    id: ConsentIdSchema,
    personId: PersonIdSchema,
    purpose: ConsentPurposeSchema,
    givenBy: ConsentGiverSchema,
    /** The parent or guardian who signed, when `givenBy` is not `self`. */
    representative: PersonNameSchema.optional(),
    givenAt: IsoDateSchema,
    withdrawnAt: IsoDateSchema.optional(),
    /**
     * Who withdrew it: the subject, or a parent / guardian for a minor
     * (152-ФЗ ст. 9 ч. 2: a consent may be withdrawn at any time).
     */
    withdrawnBy: ConsentGiverSchema.optional(),
    /**
     * The last day the consent is in force (its term, 152-ФЗ ст. 9 ч. 4 п. 8).
     * After it the consent has expired; absent: until withdrawn or the purpose
     * is achieved.
     */
    validUntil: IsoDateSchema.optional(),
    /** Reference to the paper original (register number). */
    documentRef: safeText().trim().min(1).max(100).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.givenBy !== 'self' && c.representative === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['representative'],
        message: 'representative required',
        params: domainRule('representative_required'),
      });
    }
    if (c.withdrawnAt !== undefined && c.withdrawnAt < c.givenAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['withdrawnAt'],
        message: 'withdrawn before given',
        params: domainRule('invalid_date_range', { reason: 'consentWithdrawnBeforeGiven' }),
      });
    }
    if (c.validUntil !== undefined && c.validUntil < c.givenAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'expires before given',
        params: domainRule('invalid_date_range', { reason: 'consentExpiresBeforeGiven' }),
      });
    }
  });
/** A consent. @category Consents @example const c: Consent = parse(ConsentSchema, raw); */
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * Why a consent does not allow processing: none given, withdrawn (152-ФЗ
 * ст. 9 ч. 2), expired (its term, ст. 9 ч. 4 п. 8), or signed by the minor
 * themself where a parent or guardian must sign (004 §1).
 *
 * @category Consents
 * @example
 * const c: ConsentCause = 'consent_expired';
 */
export type ConsentCause =
  | 'consent_missing'
  | 'consent_withdrawn'
  | 'consent_expired'
  | 'minor_requires_parent_consent';

/**
 * The answer of {@link mayProcess}: allowed with the consent that allows it,
 * or refused with a code and a bilingual reason (no personal data in it).
 *
 * @category Consents
 * @example
 * const d: ConsentDecision = mayProcess(person, consents, '2023-09-10');
 */
export type ConsentDecision =
  | { readonly allowed: true; readonly consent: Consent }
  | {
      readonly allowed: false;
      readonly code: ConsentCause;
      readonly reason: LocalizedText;
    };

/**
 * Bilingual reasons of each {@link ConsentCause} (no personal data in them).
 *
 * @category Consents
 * @example
 * consentCauseTexts.consent_expired.ru; // 'Срок действия согласия истёк'
 */
export const consentCauseTexts: Readonly<Record<ConsentCause, LocalizedText>> = {
  consent_missing: { ru: 'Нет письменного согласия', en: 'No written consent' },
  consent_withdrawn: { ru: 'Согласие отозвано', en: 'The consent has been withdrawn' },
  consent_expired: { ru: 'Срок действия согласия истёк', en: 'The consent has expired' },
  minor_requires_parent_consent: {
    ru: 'Для несовершеннолетнего нужно согласие родителя (законного представителя)',
    en: 'A minor needs the consent of a parent or legal guardian',
  },
};

/**
 * The consent check for one purpose, with the signers a minor's consent
 * accepts. {@link mayProcess} and the consent policy both use it, so every
 * package gets the same answer.
 *
 * @category Consents
 * @example
 * const d = decideConsent(pupil, consents, '2023-09-10', 'participation', ['parent', 'guardian']);
 */
export function decideConsent(
  person: Pick<Person, 'id' | 'category' | 'birthDate'>,
  consents: readonly Consent[],
  date: IsoDate,
  purpose: ConsentPurpose,
  minorSigners: readonly ConsentGiver[] = ['parent', 'guardian'],
): ConsentDecision {
  const mine = consents.filter((c) => c.personId === person.id && c.purpose === purpose && c.givenAt <= date);
  const minor = isMinorOn(person, date);
  let withdrawn = false;
  let expired = false;
  let wrongSigner = false;
  // Prefer the most recent valid consent.
  const sorted = [...mine].sort((a, b) => (a.givenAt < b.givenAt ? 1 : a.givenAt > b.givenAt ? -1 : 0));
  for (const c of sorted) {
    if (c.withdrawnAt !== undefined && c.withdrawnAt <= date) {
      withdrawn = true;
      continue;
    }
    if (c.validUntil !== undefined && c.validUntil < date) {
      expired = true;
      continue;
    }
    if (minor && !minorSigners.includes(c.givenBy)) {
      wrongSigner = true;
      continue;
    }
    return { allowed: true, consent: c };
  }
  const code: ConsentCause = wrongSigner
    ? 'minor_requires_parent_consent'
    : withdrawn
      ? 'consent_withdrawn'
      : expired
        ? 'consent_expired'
        : 'consent_missing';
  return { allowed: false, code, reason: consentCauseTexts[code] };
}

/**
 * Whether a person's data may be processed (or the person engaged) for a
 * purpose on a date: there is a consent for that purpose, given on or before
 * the date, not withdrawn and not expired by then; for a minor on that date,
 * it must be signed by a parent or guardian. Which purposes an activity needs
 * is the consent policy's question: see `consentGap`.
 *
 * @category Consents
 * @example
 * const d = mayProcess(pupil, consents, '2023-09-10');
 * if (!d.allowed) console.log(d.code, d.reason.ru);
 */
export function mayProcess(
  person: Pick<Person, 'id' | 'category' | 'birthDate'>,
  consents: readonly Consent[],
  date: IsoDate,
  purpose: ConsentPurpose = 'personalData',
): ConsentDecision {
  return decideConsent(person, consents, date, purpose);
}
