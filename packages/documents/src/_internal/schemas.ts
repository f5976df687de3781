import {
  type Catalogue,
  ConsentPolicySchema,
  ConsentSchema,
  defaultConsentPolicy,
  IsoDateSchema,
  OrderSchema,
  OrganizationSchema,
  PersonIdSchema,
  PersonSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { typograph } from '../typography/text';

export const consents = z.array(ConsentSchema).default([]);

/** The consent policy every builder that names people asks (core's default unless a region passes its own). */
export const consentPolicy = ConsentPolicySchema.default(defaultConsentPolicy);

/** What every order builder takes: the organization, the order's requisites, the people it names and their consents. */
export const orderBase = {
  organization: OrganizationSchema,
  /** The founder or authority printed above the organization (004). */
  parentOrganization: OrganizationSchema.optional(),
  order: OrderSchema,
  people: z.array(PersonSchema).default([]),
  /** Written consents of the people the order names (152-ФЗ ст. 9): checked before a name is printed. */
  consents,
  consentPolicy,
  /** People who sign the acquaintance sheet «С приказом ознакомлен(а)». */
  acquainted: z.array(PersonIdSchema).default([]),
  /** Date to print on the acquaintance sheet (blank when absent). */
  acquaintanceDate: IsoDateSchema.optional(),
  /** The preamble («В соответствии с …»); a default is used when absent. */
  basis: z
    .string()
    .trim()
    .min(1)
    .max(3000)
    .transform((s) => typograph(s))
    .optional(),
};

/**
 * Catalogues to label forms and formats with (a region's own added with
 * core's `extendCatalogue`); the federal ones by default.
 */
export const cataloguesSchema = z
  .object({
    forms: z.custom<Catalogue>(isCatalogue).optional(),
    formats: z.custom<Catalogue>(isCatalogue).optional(),
  })
  .default({});

export function isCatalogue(value: unknown): value is Catalogue {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { entries?: unknown }).entries) &&
    (value as { byId?: unknown }).byId instanceof Map
  );
}
