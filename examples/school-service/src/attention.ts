import { type IsoDate, IsoDateSchema, type Pair, type PersonId } from '@nastavnik/core';
import {
  type AttentionFinding,
  attentionDigest,
  type DigestViewer,
  findAttention,
  type PersistedPair,
  visibleFindings,
  type WaitingMentee,
} from '@nastavnik/machines';
import { z } from 'zod';
import type { Caller, ServiceRole } from './auth';
import { forbidden, rolesAt, type SchoolRef } from './authz';
import { readPairSnapshot } from './pairs';
import type { MenteeEntry } from './registry';

/** The query of `GET /attention`: the date to look on (the service never reads the clock for it). @example AttentionQuerySchema.parse({ date: '2026-12-07' }) */
export const AttentionQuerySchema = z.object({ date: IsoDateSchema });

/** The query of `GET /attention/digest`. @example AttentionDigestQuerySchema.parse({ date: '2026-12-07', format: 'html' }) */
export const AttentionDigestQuerySchema = z.object({
  date: IsoDateSchema,
  format: z.enum(['html', 'markdown']).default('html'),
  locale: z.enum(['ru', 'en']).default('ru'),
});

const STAFF: readonly ServiceRole[] = ['head', 'actingHead', 'curator'];

/**
 * The readers the caller is, toward this school: the whole school for staff; the whole school
 * without person ids for the municipal curator above it (no personal data leaves the school);
 * else their own pairs.
 */
function viewersOf(caller: Caller, school: SchoolRef): readonly DigestViewer[] | 'all' | 'depersonalised' {
  const roles = rolesAt(caller, school);
  if (roles.size === 0) throw forbidden('wrong_organization');
  if (STAFF.some((r) => roles.has(r))) return 'all';
  if (roles.has('municipalCurator')) return 'depersonalised';
  const me = [caller.personId as PersonId];
  const out: DigestViewer[] = [];
  if (roles.has('mentor')) out.push({ role: 'mentor', personIds: me });
  if (roles.has('mentee')) out.push({ role: 'mentee', personIds: me });
  if (roles.has('parent')) out.push({ role: 'parent', personIds: caller.children as PersonId[] });
  return out;
}

/**
 * The findings of `findAttention` for the school's pairs and waiting mentees
 * (a mentee with a request and no live pair waits since their first request)
 * on `date`, as the caller may see them: everything for the head and the
 * curator; everything without person ids for the municipal curator above the
 * school; a mentor their pairs, a mentee their own, a parent their
 * children's (`visibleFindings`).
 *
 * @example
 * const findings = attentionFor(caller, school, await store.listPairs(), await registry.mentees(), '2026-12-07');
 */
export function attentionFor(
  caller: Caller,
  school: SchoolRef,
  pairs: readonly { readonly pair: Pair; readonly snapshot: PersistedPair }[],
  mentees: readonly MenteeEntry[],
  date: IsoDate,
): AttentionFinding[] {
  const viewers = viewersOf(caller, school);
  const ours = pairs.filter((p) => p.pair.organizationId === school.organization.id);
  const waiting: WaitingMentee[] = [];
  for (const m of mentees) {
    const first = m.profile.requests.map((r) => r.createdAt).sort()[0];
    if (first !== undefined && first <= date) waiting.push({ id: m.person.id, since: first });
  }
  const all = findAttention({ pairs: ours.map((p) => readPairSnapshot(p.snapshot)), mentees: waiting }, date);
  if (viewers === 'all') return all;
  if (viewers === 'depersonalised') {
    // The key names the person too: number the findings instead. The messages by name: findings
    // make them when read, and a spread copies only plain fields.
    return all.map((f, i) => ({
      ...f,
      message: f.message,
      messageEn: f.messageEn,
      key: `${f.code}:${i}`,
      personId: null,
      mentorId: null,
      menteeIds: [],
    }));
  }
  const seen = new Map<string, AttentionFinding>();
  for (const v of viewers) for (const f of visibleFindings(all, v)) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}

/** The person ids a response of findings carries (for the audit log). @example attentionSubjects(findings) */
export function attentionSubjects(findings: readonly AttentionFinding[]): string[] {
  const ids = new Set<string>();
  for (const f of findings) {
    if (f.personId !== null) ids.add(f.personId);
    if (f.mentorId !== null) ids.add(f.mentorId);
    for (const m of f.menteeIds) ids.add(m);
  }
  return [...ids];
}

/**
 * The digest of findings already cut to what the caller may see (`attentionFor`): all of them,
 * by ids — no names in a digest that may travel by mail. With its content type.
 *
 * @example
 * const { content, type } = digestOf(findings, { date: '2026-12-07', format: 'html', locale: 'ru' });
 */
export function digestOf(
  findings: readonly AttentionFinding[],
  q: z.infer<typeof AttentionDigestQuerySchema>,
): { content: string; type: string } {
  const d = attentionDigest(findings, {
    viewer: { role: 'head' },
    date: q.date,
    format: q.format,
    locale: q.locale,
  });
  return {
    content: d.content,
    type: q.format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
  };
}
