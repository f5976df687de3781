import { z } from 'zod';
import { OrganizationKindSchema } from './enums';
import { fail } from './errors';
import { type OrganizationId, OrganizationIdSchema, PersonIdSchema } from './ids';
import { registerCatalogue } from './messages/catalogue';
import { safeText } from './text';

registerCatalogue();

/**
 * An organization: a school, college or kindergarten, a municipal education
 * authority, or a region. `parentId` builds the tree school → authority →
 * region that indicators roll up along.
 *
 * @category Organizations
 * @example
 * const lyceum = parse(OrganizationSchema, {
 *   id: 'lyceum-7', kind: 'school', parentId: 'tikhvin-uo',
 *   name: 'Муниципальное общеобразовательное учреждение «Лицей № 7»', shortName: 'МОУ «Лицей № 7»',
 * });
 */
export const OrganizationSchema = z.object({
  id: OrganizationIdSchema,
  kind: OrganizationKindSchema,
  /** Full official name, as in the header of an order. */
  name: safeText().trim().min(1).max(500),
  /** Short name, e.g. «МОУ «Лицей № 7»». */
  shortName: safeText().trim().min(1).max(200).optional(),
  parentId: OrganizationIdSchema.optional(),
  /** Settlement, for document headers («г. Тихвин»). */
  locality: safeText().trim().min(1).max(200).optional(),
  /**
   * Legal address: a consent names the operator's address (152-ФЗ ст. 9
   * ч. 4 п. 3), and so does an act of destruction of personal data.
   */
  address: safeText().trim().min(5).max(500).optional(),
  /** External id in a regional system (e.g. ИНН or a registry code). */
  externalId: safeText().trim().min(1).max(100).optional(),
  /**
   * The organization's curators of mentorship, one or several (004 names two): a school's curator
   * (003 §3.4), or the municipal curator of an education authority (001, 002).
   */
  curatorIds: z.array(PersonIdSchema).optional(),
});
/** An organization. @category Organizations @example const o: Organization = parse(OrganizationSchema, raw); */
export type Organization = z.infer<typeof OrganizationSchema>;

/**
 * The curator role an organization's curators hold: `municipalCurator` for a
 * municipal education authority or a region (001, 002), `curator` otherwise
 * (003 §3.4).
 *
 * @category Organizations
 * @example
 * curatorRoleOf({ kind: 'authority' }); // 'municipalCurator'
 */
export function curatorRoleOf(org: Pick<Organization, 'kind'>): 'curator' | 'municipalCurator' {
  return org.kind === 'authority' || org.kind === 'region' ? 'municipalCurator' : 'curator';
}

/**
 * An organization tree: children by parent, and the path from any node up to
 * its root.
 *
 * @category Organizations
 * @example
 * const tree = buildOrganizationTree(orgs);
 * tree.ancestors('lyceum-7'); // ['tikhvin-uo', 'lenobl']
 */
export interface OrganizationTree {
  readonly byId: ReadonlyMap<OrganizationId, Organization>;
  readonly roots: readonly OrganizationId[];
  /** Direct children of a node. */
  children(id: OrganizationId): readonly OrganizationId[];
  /** Ancestors from the parent up to the root. */
  ancestors(id: OrganizationId): readonly OrganizationId[];
  /** The node and everything below it, depth-first. */
  descendants(id: OrganizationId): readonly OrganizationId[];
}

/**
 * Build and check an organization tree: ids are unique, every parent exists,
 * and there are no cycles. Throws a {@link NastavnikError} otherwise.
 *
 * @category Organizations
 * @example
 * const tree = buildOrganizationTree(sample.organizations);
 * tree.children(sample.authority.id);
 */
export function buildOrganizationTree(organizations: readonly Organization[]): OrganizationTree {
  const byId = new Map<OrganizationId, Organization>();
  organizations.forEach((o, i) => {
    if (byId.has(o.id)) {
      throw fail('duplicate_id', [i, 'id'], { of: 'organization', id: o.id });
    }
    byId.set(o.id, o);
  });
  const childrenOf = new Map<OrganizationId, OrganizationId[]>();
  const roots: OrganizationId[] = [];
  organizations.forEach((o, i) => {
    if (o.parentId === undefined) {
      roots.push(o.id);
      return;
    }
    if (!byId.has(o.parentId)) {
      throw fail('unknown_reference', [i, 'parentId'], { ref: 'parentOrganization', id: o.id });
    }
    const list = childrenOf.get(o.parentId) ?? [];
    list.push(o.id);
    childrenOf.set(o.parentId, list);
  });
  // Cycle check: every node must reach a root.
  for (const o of organizations) {
    const seen = new Set<OrganizationId>();
    let cur: Organization | undefined = o;
    while (cur?.parentId !== undefined) {
      if (seen.has(cur.id)) {
        throw fail('organization_cycle', [], { id: o.id });
      }
      seen.add(cur.id);
      cur = byId.get(cur.parentId);
    }
  }
  const children = (id: OrganizationId) => childrenOf.get(id) ?? [];
  return {
    byId,
    roots,
    children,
    ancestors(id) {
      const out: OrganizationId[] = [];
      let cur = byId.get(id)?.parentId;
      while (cur !== undefined) {
        out.push(cur);
        cur = byId.get(cur)?.parentId;
      }
      return out;
    },
    descendants(id) {
      const out: OrganizationId[] = [];
      const stack = [id];
      while (stack.length > 0) {
        const cur = stack.pop() as OrganizationId;
        out.push(cur);
        const ch = children(cur);
        for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i] as OrganizationId);
      }
      return out;
    },
  };
}
