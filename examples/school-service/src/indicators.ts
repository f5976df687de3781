import { AcademicYearSchema, academicYearOf, IsoDateSchema, type Pair } from '@nastavnik/core';
import { computeIndicators, type IndicatorValue, type PairRecord } from '@nastavnik/indicators';
import { pairPhase } from '@nastavnik/machines';
import { z } from 'zod';
import type { School } from './app';
import { validate } from './http';
import { type PairSnapshot, type PersistedPair, readPairSnapshot } from './pairs';
import type { Registry } from './registry';
import type { EventStore } from './store';

/**
 * The query of `GET /indicators`: the as-of date, and the academic year and
 * monitoring checkpoint (January interim, December, May), if any.
 *
 * @example
 * IndicatorsQuerySchema.parse({ asOf: '2024-05-31', checkpoint: 'may' });
 */
export const IndicatorsQuerySchema = z.object({
  asOf: IsoDateSchema,
  year: AcademicYearSchema.optional(),
  checkpoint: z.enum(['december', 'january', 'may']).optional(),
});

/**
 * A stored pair as the indicators count it, from the machine's snapshot:
 * proposed until the head's order, approved until the programme is running,
 * then active, completed or terminated. A pair closed before it was ever
 * approved never counted as a pair: `undefined`.
 *
 * @example
 * const record = pairRecord(pair, snapshot);
 */
export function pairRecord(pair: Pair, snapshot: PairSnapshot): PairRecord | undefined {
  const c = snapshot.context;
  const phase = pairPhase(snapshot);
  const approvedAt = c.order?.date;
  const base = {
    id: pair.id,
    organizationId: pair.organizationId,
    mentorId: c.mentor.id,
    menteeIds: c.mentees.map((m) => m.id),
    form: c.form,
    formats: [...c.formats],
    extended: (c.programme?.extensions.length ?? 0) > 0,
    meetingsHeld: c.meetings.length,
    requestIds: pair.requestIds,
  };
  if (approvedAt === undefined) return phase === 'terminated' ? undefined : { ...base, status: 'proposed' };
  if (phase === 'completed')
    return { ...base, status: 'completed', approvedAt, completedAt: c.completedAt ?? c.lastDate };
  if (phase === 'terminated') {
    const t = c.termination;
    return t
      ? { ...base, status: 'terminated', approvedAt, terminatedAt: t.date, terminationReason: t.reason }
      : undefined;
  }
  const running = phase === 'active' || phase === 'closing';
  return { ...base, status: running ? 'active' : 'approved', approvedAt };
}

/**
 * The school's monitoring indicators (`computeIndicators` of
 * `@nastavnik/indicators`) over the registries and the pairs' snapshots.
 *
 * @example
 * const values = await schoolIndicators(school, registry, store, { asOf: '2024-05-31', checkpoint: 'may' });
 */
export async function schoolIndicators(
  school: School,
  registry: Registry,
  store: EventStore,
  query: Record<string, string>,
): Promise<{ asOf: string; values: readonly IndicatorValue[] }> {
  const q = validate(IndicatorsQuerySchema, query);
  const year = q.year ?? academicYearOf(q.asOf);
  const { parentId: _parent, ...organization } = school.organization;
  const mentors = await registry.mentors();
  const mentees = await registry.mentees();
  const persons = new Map([...mentors, ...mentees].map((e) => [e.person.id, e.person]));
  persons.set(school.head.id, school.head);
  const pairs = await store.listPairs<Pair, PersistedPair>();
  const { values } = computeIndicators(
    {
      organizations: [organization],
      persons: [...persons.values()]
        .filter((p) => p.organizationId === organization.id)
        .map((p) => ({
          id: p.id,
          organizationId: p.organizationId,
          category: p.category,
          ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}),
          ...(p.experienceYears !== undefined ? { experienceYears: p.experienceYears } : {}),
        })),
      mentors: mentors
        .filter((m) => m.person.organizationId === organization.id)
        .map((m) => ({
          personId: m.person.id,
          organizationId: m.person.organizationId,
          capacity: m.profile.capacity,
          training: m.profile.training.map((t) => ({ hours: t.hours, completedAt: t.completedAt })),
        })),
      requests: mentees
        .filter((m) => m.person.organizationId === organization.id)
        .flatMap((m) =>
          m.profile.requests.map((r) => ({
            id: r.id,
            menteeId: r.menteeId,
            organizationId: m.person.organizationId,
            createdAt: r.createdAt,
          })),
        ),
      pairs: pairs
        .filter((p) => p.pair.organizationId === organization.id)
        .flatMap((p) => pairRecord(p.pair, readPairSnapshot(p.snapshot)) ?? []),
    },
    {
      asOf: q.asOf,
      period: q.checkpoint
        ? { kind: 'checkpoint', year, checkpoint: q.checkpoint }
        : { kind: 'academicYear', year },
    },
  );
  return { asOf: q.asOf, values };
}
