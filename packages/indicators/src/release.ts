import {
  type DepersonalisationKey,
  depersonalise,
  fail,
  type IsoDate,
  IsoDateSchema,
  type KAnonymityReport,
  kAnonymity,
  parse,
  type ReleaseRow,
} from '@nastavnik/core';
import { z } from 'zod';
import { type IndicatorDataset, type IndicatorDatasetInput, parseDataset } from './dataset';
import { type IndicatorParamsInput, IndicatorParamsSchema } from './params';

const ReleaseOptionsSchema = z.object({
  /** Seeds the identifiers; kept by the school's data-protection officer, never sent. */
  secret: z.string().min(8).max(200),
  /** The as-of date the indicators will be computed for: ages and «still on the roll» are taken on it. */
  asOf: IsoDateSchema,
  /** The smallest class of people sharing the released quasi-identifiers (default 5). */
  k: z.number().int().min(2).max(1000).default(5),
});

/**
 * Options of {@link depersonaliseDataset}: the secret (kept apart), the
 * as-of date, k (default 5), and the indicator parameters the region
 * computes with (the pupils' age band, the young specialist's years), so
 * that generalisation keeps every indicator exact.
 *
 * @category Dataset
 * @example
 * const o: DatasetReleaseOptions = { secret: 'kept-by-the-dpo', asOf: '2024-05-31' };
 */
export type DatasetReleaseOptions = z.input<typeof ReleaseOptionsSchema> & {
  readonly params?: IndicatorParamsInput;
};

/**
 * What {@link depersonaliseDataset} returns: the dataset to send (no ids
 * that point to people, no birth dates, generalised ages and experience),
 * the key that reverses the identifiers (keep it apart: Roskomnadzor order
 * № 140), and the k-anonymity report over the quasi-identifiers.
 *
 * @category Dataset
 * @example
 * const { dataset, key, report } = depersonaliseDataset(ds, { secret: 'kept-by-the-dpo', asOf: '2024-05-31' });
 */
export interface DatasetRelease {
  readonly dataset: IndicatorDatasetInput;
  readonly key: DepersonalisationKey;
  readonly report: KAnonymityReport;
}

/** The quasi-identifiers of a released person: what a colleague or a class list could know. */
const QUASI_IDENTIFIERS = ['organizationId', 'category', 'age', 'experienceYears', 'leftAt'] as const;

function fullYears(birth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Every id that points to a person, a request or a pair, once. */
function idRows(ds: IndicatorDataset): ReleaseRow[] {
  const persons = new Set<string>();
  for (const p of ds.persons) persons.add(p.id);
  for (const m of ds.mentors) persons.add(m.personId);
  for (const q of ds.requests) persons.add(q.menteeId);
  for (const p of ds.pairs) {
    persons.add(p.mentorId);
    for (const id of p.menteeIds) persons.add(id);
  }
  for (const r of ds.responses) persons.add(r.respondentId);
  const requests = new Set<string>(ds.requests.map((q) => q.id));
  for (const p of ds.pairs) for (const id of p.requestIds) requests.add(id);
  return [
    ...[...persons].map((personId) => ({ personId })),
    ...[...requests].map((requestId) => ({ requestId })),
    ...ds.pairs.map((p) => ({ pairId: p.id })),
  ];
}

/**
 * Depersonalise an indicators dataset before it leaves the school for the
 * municipality or the region (152-ФЗ ст. 3 п. 9, ст. 6 ч. 1 п. 9;
 * Roskomnadzor order № 140 of 19.06.2025), with core's methods:
 * - identifiers (метод введения идентификаторов): every person, request and
 *   pair id is replaced by an identifier, consistently across the tables;
 *   the table of correspondence is the returned `key`, kept apart;
 * - generalisation (метод изменения состава или семантики): a pupil's birth
 *   date becomes «in the age band» (the band's lower age) or is deleted; a
 *   head becomes pedagogical staff (`teacher`), and a teacher's experience
 *   «young specialist» or «not» (the limit or one year more); a leaving date
 *   is kept only for a young specialist who left (retention), anyone else
 *   who left gets the as-of date; people no indicator counts become `other`
 *   with nothing but their organization;
 * - deletion: birth dates never leave.
 *
 * Every indicator computed on the release with the same as-of date and
 * parameters equals the one computed on the original. Then the k-anonymity
 * check over the quasi-identifiers (organization, category, age, experience,
 * leaving date) refuses a release in which fewer than k people share them
 * (`k_anonymity_failed`, with k and the count of exposed people, never their
 * values): send the computed, suppressed indicators instead.
 *
 * @category Dataset
 * @example
 * const { dataset, key } = depersonaliseDataset(ds, { secret: 'kept-by-the-dpo', asOf: '2024-05-31' });
 * const results = computeIndicators(dataset, { asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } });
 */
export function depersonaliseDataset(
  dataset: IndicatorDatasetInput,
  options: DatasetReleaseOptions,
): DatasetRelease {
  const o = parse(ReleaseOptionsSchema, options, ['options']);
  const params = parse(IndicatorParamsSchema, options.params ?? {}, ['options', 'params']);
  const ds = parseDataset(dataset);
  const ids = depersonalise(idRows(ds), {
    secret: o.secret,
    fields: {
      personId: { method: 'identifiers', prefix: 'P-' },
      requestId: { method: 'identifiers', prefix: 'R-' },
      pairId: { method: 'identifiers', prefix: 'PR-' },
    },
  });
  const inverse = (field: string): Map<string, string> =>
    new Map(Object.entries(ids.key.identifiers[field] ?? {}).map(([id, v]) => [String(v), id]));
  const person = inverse('personId');
  const request = inverse('requestId');
  const pair = inverse('pairId');
  const idOf = (m: Map<string, string>, v: string): string => m.get(v) as string;

  const { min, max } = params.pupilAgeBand;
  const young = params.youngSpecialistMaxYears;
  const persons = ds.persons.map((p) => {
    const id = idOf(person, p.id);
    const left = p.leftAt !== undefined && p.leftAt <= o.asOf;
    if (p.category === 'pupil') {
      // Counted only when on the roll and in the age band: the band's lower age stands for any age in it.
      const age = p.birthDate !== undefined ? fullYears(p.birthDate, o.asOf) : p.age;
      const counted = !left && age !== undefined && age >= min && age <= max;
      return { id, organizationId: p.organizationId, category: 'pupil', ...(counted ? { age: min } : {}) };
    }
    if (p.category === 'teacher' || p.category === 'head') {
      // A head is pedagogical staff like a teacher: the one head of a school is not singled out.
      const isYoung = p.experienceYears !== undefined && p.experienceYears <= young;
      const experience =
        p.experienceYears === undefined ? {} : { experienceYears: isYoung ? young : Math.floor(young) + 1 };
      // A young specialist's leaving date counts for retention; anyone else's only says «no longer on the roll».
      const leftAt = left ? { leftAt: isYoung ? (p.leftAt as IsoDate) : o.asOf } : {};
      return { id, organizationId: p.organizationId, category: 'teacher', ...experience, ...leftAt };
    }
    // Nobody else is counted: only the organization and the category «other».
    return { id, organizationId: p.organizationId, category: 'other' };
  });
  const report = kAnonymity(
    persons.map((p) =>
      Object.fromEntries(
        QUASI_IDENTIFIERS.map((f) => [f, (p as Record<string, string | number>)[f] ?? null]),
      ),
    ),
    QUASI_IDENTIFIERS,
    o.k,
  );
  if (!report.ok) {
    throw fail('k_anonymity_failed', ['persons'], { k: o.k, found: report.k, exposed: report.exposed });
  }
  const released: IndicatorDatasetInput = {
    organizations: ds.organizations,
    persons: persons as IndicatorDatasetInput['persons'],
    mentors: ds.mentors.map((m) => ({ ...m, personId: idOf(person, m.personId) })),
    requests: ds.requests.map((q) => ({ ...q, id: idOf(request, q.id), menteeId: idOf(person, q.menteeId) })),
    pairs: ds.pairs.map((p) => ({
      ...p,
      id: idOf(pair, p.id),
      mentorId: idOf(person, p.mentorId),
      menteeIds: p.menteeIds.map((id) => idOf(person, id)),
      requestIds: p.requestIds.map((id) => idOf(request, id)),
    })),
    responses: ds.responses.map((r) => ({ ...r, respondentId: idOf(person, r.respondentId) })),
    activities: ds.activities,
    counters: ds.counters,
  };
  return { dataset: released, key: ids.key, report };
}
