import { IsoDateSchema, type Pair } from '@nastavnik/core';
import { buildPairsOrder } from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { z } from 'zod';
import type { School } from './app';
import { HttpProblem, notFound, validate } from './http';
import type { Registry } from './registry';
import type { EventStore } from './store';

/**
 * The query of `GET /documents/pairs-order.docx`: the order's number and date,
 * the term of the pairs, optionally the deadline for personal programmes and
 * the pairs to include (comma-separated ids; default every stored pair).
 *
 * @example
 * PairsOrderQuerySchema.parse({ number: '112-о', date: '2023-09-25', start: '2023-10-01', end: '2024-05-31' });
 */
export const PairsOrderQuerySchema = z.object({
  number: z.string().trim().min(1).max(50),
  date: IsoDateSchema,
  start: IsoDateSchema,
  end: IsoDateSchema,
  programmesDue: IsoDateSchema.optional(),
  pairs: z.string().trim().min(1).max(10_000).optional(),
});

/**
 * The order approving the school's pairs (`buildPairsOrder` of
 * `@nastavnik/documents`), rendered to DOCX. A pair whose participant has no
 * valid consent on the order's date makes it a 400 with the builder's
 * `NastavnikError`.
 *
 * @example
 * const bytes = await renderPairsOrderDocx(school, registry, store, { number: '112-о', date: '2023-09-25', start: '2023-10-01', end: '2024-05-31' });
 */
export async function renderPairsOrderDocx(
  school: School,
  registry: Registry,
  store: EventStore,
  query: Record<string, string>,
): Promise<Uint8Array> {
  const q = validate(PairsOrderQuerySchema, query);
  const stored = await store.listPairs<Pair, unknown>();
  const wanted = q.pairs?.split(',').map((s) => s.trim());
  for (const id of wanted ?? []) {
    if (!stored.some((p) => p.id === id)) throw new HttpProblem(404, notFound('pair', id));
  }
  const pairs = stored.filter((p) => wanted === undefined || wanted.includes(p.id)).map((p) => p.pair);
  const ids = new Set(pairs.flatMap((p) => [p.mentorId, ...p.menteeIds]));
  const people = await registry.persons([...ids, ...(school.curatorId ? [school.curatorId] : [])]);
  const { organization, head } = school;
  const doc = buildPairsOrder({
    organization,
    order: {
      id: `ord-pairs-${q.number}`,
      organizationId: organization.id,
      kind: 'approvePairs',
      number: q.number,
      date: q.date,
      title: 'О закреплении наставнических пар',
      signatory: { position: head.position ?? 'директор', name: head.name },
    },
    people,
    pairs,
    consents: (await registry.consents()).filter((c) => ids.has(c.personId)),
    start: q.start,
    end: q.end,
    ...(school.curatorId !== undefined ? { curatorId: school.curatorId } : {}),
    ...(q.programmesDue !== undefined ? { programmesDue: q.programmesDue } : {}),
  });
  return renderDocx(doc);
}
