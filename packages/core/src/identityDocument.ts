import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { safeText } from './text';

/**
 * Kinds of identity documents a consent names (152-ФЗ ст. 9 ч. 4 п. 1–2:
 * «номер основного документа, удостоверяющего его личность, сведения о дате
 * выдачи указанного документа и выдавшем его органе»): a passport of a
 * citizen of the Russian Federation, a birth certificate (a child under 14),
 * a foreign passport, or another document.
 *
 * @category Personal data
 * @example
 * IdentityDocumentKindSchema.parse('passport');
 */
export const IdentityDocumentKindSchema = z.enum([
  'passport',
  'birthCertificate',
  'foreignPassport',
  'other',
]);
/** A kind of identity document. @category Personal data @example const k: IdentityDocumentKind = 'birthCertificate'; */
export type IdentityDocumentKind = z.infer<typeof IdentityDocumentKindSchema>;

/**
 * An identity document as a written consent must name it (152-ФЗ ст. 9 ч. 4
 * п. 1–2): kind, series and number, date of issue and the issuing body.
 * Sensitive personal data: it is printed only into the consent itself and
 * never appears in errors, logs or exports.
 *
 * @category Personal data
 * @example
 * const doc = IdentityDocumentSchema.parse({
 *   kind: 'passport', series: '41 05', number: '123456', issuedAt: '2015-03-02', issuedBy: 'ТП УФМС России по Ленинградской обл. в Тихвинском р-не',
 * });
 */
export const IdentityDocumentSchema = z.object({
  kind: IdentityDocumentKindSchema,
  /** Free name of the document when `kind` is `other`. */
  title: safeText().trim().min(1).max(200).optional(),
  series: safeText().trim().min(1).max(20).optional(),
  number: safeText().trim().min(1).max(40),
  issuedAt: IsoDateSchema,
  issuedBy: safeText().trim().min(1).max(300),
});
/** An identity document. @category Personal data @example const d: IdentityDocument = IdentityDocumentSchema.parse(raw); */
export type IdentityDocument = z.infer<typeof IdentityDocumentSchema>;

/**
 * A postal address as one line («188760, Ленинградская обл., г. Тихвин,
 * ул. Советская, д. 1, кв. 2»). Sensitive: printed only into the documents
 * that require it (a consent, ст. 9 ч. 4 п. 1–3), never into errors or logs.
 *
 * @category Personal data
 * @example
 * AddressSchema.parse('187555, Ленинградская обл., г. Тихвин, 1-й мкр., д. 22');
 */
export const AddressSchema = safeText().trim().min(5).max(500);
