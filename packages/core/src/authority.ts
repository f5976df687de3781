import { z } from 'zod';
import { type ParticipantRole, ParticipantRoleSchema, participantRoleLabels } from './enums';
import { PersonIdSchema } from './ids';
import type { LocalizedText } from './labels';

/**
 * Who records an event: a role and, where it matters, the person's id. A
 * parent or legal representative acts `onBehalfOf` a minor participant
 * (004 §1: parents consent for minors); a curator names themself by `id`
 * where a programme has several curators.
 *
 * @category Authority
 * @example
 * ActorSchema.parse({ role: 'parent', id: 'parent-1', onBehalfOf: 'pupil-1' });
 */
export const ActorSchema = z.object({
  role: ParticipantRoleSchema,
  id: PersonIdSchema.optional(),
  /** For a parent or legal representative: the minor they act for. */
  onBehalfOf: PersonIdSchema.optional(),
});
/** Who records an event. @category Authority @example const by: Actor = { role: 'curator' }; */
export type Actor = z.infer<typeof ActorSchema>;
/** An actor as written. @category Authority @example const by: ActorInput = { role: 'head' }; */
export type ActorInput = z.input<typeof ActorSchema>;

/**
 * The head of the organization or whoever acts for them (исполняющий
 * обязанности): both sign orders and approve pairs (003 §3.3).
 *
 * @category Authority
 * @example
 * HEAD_ROLES.includes('actingHead'); // true
 */
export const HEAD_ROLES: readonly ParticipantRole[] = ['head', 'actingHead'];

/**
 * Who may record each kind of event, as data: an event type → the roles that
 * may record it. A school or a region adjusts its copy; the machines look
 * their events up in it and refuse with `not_authorized`, naming the roles
 * required.
 *
 * @category Authority
 * @example
 * const table: AuthorityTable<'orderIssued'> = { orderIssued: ['head', 'actingHead'] };
 */
export type AuthorityTable<E extends string = string> = { readonly [K in E]: readonly ParticipantRole[] };

/**
 * Zod schema of an {@link AuthorityTable} (for a table read from configuration).
 *
 * @category Authority
 * @example
 * AuthorityTableSchema.parse({ orderIssued: ['head', 'actingHead'] });
 */
export const AuthorityTableSchema = z.record(z.string(), z.array(ParticipantRoleSchema).min(1));

/**
 * The roles that may record `action` under `table`, or `undefined` when the
 * table does not name the action (then nobody may).
 *
 * @category Authority
 * @example
 * requiredRoles({ orderIssued: ['head', 'actingHead'] }, 'orderIssued'); // ['head', 'actingHead']
 */
export function requiredRoles<E extends string>(
  table: AuthorityTable<E>,
  action: E,
): readonly ParticipantRole[] | undefined {
  return Object.hasOwn(table, action) ? table[action] : undefined;
}

/**
 * Whether `role` may record `action` under `table`.
 *
 * @category Authority
 * @example
 * isAuthorized({ orderIssued: ['head', 'actingHead'] }, 'orderIssued', 'mentee'); // false
 */
export function isAuthorized<E extends string>(
  table: AuthorityTable<E>,
  action: E,
  role: ParticipantRole,
): boolean {
  return requiredRoles(table, action)?.includes(role) ?? false;
}

/**
 * The roles of a list in words, Russian and English («руководитель или
 * исполняющий обязанности руководителя»), for a refusal's message.
 *
 * @category Authority
 * @example
 * rolesInWords(['head', 'actingHead']).en; // 'head or acting head'
 */
export function rolesInWords(roles: readonly ParticipantRole[]): LocalizedText {
  const join = (xs: readonly string[], or: string) =>
    xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${or} ${xs.at(-1)}`;
  return {
    ru: join(
      roles.map((r) => participantRoleLabels[r].ru),
      'или',
    ),
    en: join(
      roles.map((r) => participantRoleLabels[r].en),
      'or',
    ),
  };
}
