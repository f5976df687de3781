import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { OrderKindSchema } from './enums';
import { OrderIdSchema, OrganizationIdSchema } from './ids';
import { PersonNameSchema } from './person';
import { safeText } from './text';

/**
 * An order (приказ) or a directive (распоряжение) of a head or an
 * authority: number as written («348-р», «5/1-п.о.д.», «05»), date, kind,
 * title and signatory.
 *
 * @category Orders
 * @example
 * const order = parse(OrderSchema, {
 *   id: 'ord-348', organizationId: 'lyceum-7', act: 'directive', kind: 'approveRoadmap',
 *   number: '348-р', date: '2023-08-31', title: 'О реализации целевой модели наставничества',
 *   signatory: { position: 'и.о. директора', name: { lastName: 'Нуритдинова', firstName: 'Татьяна', middleName: 'Николаевна' } },
 * });
 */
export const OrderSchema = z.object({
  id: OrderIdSchema,
  organizationId: OrganizationIdSchema,
  /** Приказ or распоряжение. */
  act: z.enum(['order', 'directive']).default('order'),
  kind: OrderKindSchema,
  /** The number as written, without «№». */
  number: safeText().trim().min(1).max(50),
  date: IsoDateSchema,
  title: safeText().trim().min(1).max(500),
  signatory: z.object({
    position: safeText().trim().min(1).max(200),
    name: PersonNameSchema,
  }),
});
/** An order. @category Orders @example const o: Order = parse(OrderSchema, raw); */
export type Order = z.infer<typeof OrderSchema>;
/** An order as written. @category Orders @example const o: OrderInput = { ...raw }; */
export type OrderInput = z.input<typeof OrderSchema>;
