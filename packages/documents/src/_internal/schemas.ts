import {
  ConsentSchema,
  IsoDateSchema,
  OrderSchema,
  OrganizationSchema,
  PersonIdSchema,
  PersonSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { typograph } from '../typography/text';

/** What every order builder takes: the organization, the order's requisites, the people it names. */
export const orderBase = {
  organization: OrganizationSchema,
  /** The founder or authority printed above the organization (004). */
  parentOrganization: OrganizationSchema.optional(),
  order: OrderSchema,
  people: z.array(PersonSchema).default([]),
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

export const consents = z.array(ConsentSchema).default([]);
