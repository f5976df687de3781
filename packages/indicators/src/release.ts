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
import { type IndicatorConsentCheck, type WithheldRecords, withholdWithoutConsent } from './consentRecords';
import type { IndicatorDataset, IndicatorDatasetInput } from './dataset';
import { type IndicatorParamsInput, IndicatorParamsSchema } from './params';

const ReleaseOptionsSchema = z.object({
  /** Seeds the identifiers; kept by the school's data-protection officer, never sent. */
  secret: z.string().min(8).max(200),
  /** The as-of date the indicators will be computed for: ages and «still on the roll» are taken on it. */
  asOf: IsoDateSchema,
  /** The smallest class of people sharing the released quasi-identifiers (default 5). */
  k: z.number().int().min(2).max(1000).default(5),
  /** What to do with a class smaller than k: refuse the release (default), generalise the organization, then suppress. */
  smallClasses: z.enum(['refuse', 'generalise', 'suppress']).default('refuse'),
});

/**
 * Options of {@link depersonaliseDataset}: the secret (kept apart), the
 * as-of date, k (default 5), what to do with a class of fewer than k people
 * (`refuse`, the default; `generalise` — move the class to the parent
 * organization, school → municipality → region, and refuse if that is not
 * enough; `suppress` — generalise, then leave out the records still in a
 * small class and report them), the consent check (required: records leave
 * the school only for people the consent policy allows, see
 * {@link withholdWithoutConsent}), and the indicator parameters the region
 * computes with (the pupils' age band, the young specialist's years), so
 * that generalisation keeps every indicator exact.
 *
 * @category Dataset
 * @example
 * const o: DatasetReleaseOptions = { secret: 'kept-by-the-dpo', asOf: '2024-05-31', consentCheck: { consents, date: '2024-05-31' } };
 */
export type DatasetReleaseOptions = z.input<typeof ReleaseOptionsSchema> & {
  readonly consentCheck: IndicatorConsentCheck;
  readonly params?: IndicatorParamsInput;
};

/**
 * A class of released people smaller than k, by its quasi-identifiers as
 * they would have been released (organization, category, the band's age,
 * young specialist or not, the leaving date) and how many records it had.
 * For the data-protection officer's report; never sent.
 *
 * @category Dataset
 * @example
 * const c: SmallClass = { organizationId: 'uo-1', category: 'pupil', age: 10, records: 4, from: ['sch-1', 'sch-2'] };
 */
export interface SmallClass {
  readonly organizationId: string;
  readonly category: 'pupil' | 'teacher';
  readonly age?: number;
  readonly experienceYears?: number;
  readonly leftAt?: IsoDate;
  readonly records: number;
  /** The organizations the records belonged to before they were moved up. */
  readonly from: readonly string[];
}

/**
 * What {@link depersonaliseDataset} returns: the dataset to send (no ids
 * that point to people, no birth dates, generalised ages and experience),
 * the key that reverses the identifiers (keep it apart: Roskomnadzor order
 * № 140), the k-anonymity report over the quasi-identifiers of what is
 * sent, and the officer's account of every step that changed the records:
 * `withheld` (no consent for the transfer), `deleted` (people no indicator
 * counts: not needed, not sent), `generalised` (records moved to the parent
 * organization, with the organizations they came from), `unmarked` (young
 * specialists sent without the mark) and `suppressed` (records left out,
 * with their classes).
 *
 * @category Dataset
 * @example
 * const { dataset, key, report, suppressed } = depersonaliseDataset(ds, { secret: 'kept-by-the-dpo', asOf: '2024-05-31', consentCheck, smallClasses: 'suppress' });
 */
export interface DatasetRelease {
  readonly dataset: IndicatorDatasetInput;
  readonly key: DepersonalisationKey;
  readonly report: KAnonymityReport;
  readonly withheld: WithheldRecords;
  readonly deleted: number;
  readonly generalised: { readonly records: number; readonly from: readonly string[] };
  readonly unmarked: { readonly records: number; readonly from: readonly string[] };
  readonly suppressed: { readonly records: number; readonly classes: readonly SmallClass[] };
}

/** The quasi-identifiers of a released person: what a colleague or a class list could know. */
const QUASI_IDENTIFIERS = ['organizationId', 'category', 'age', 'experienceYears', 'leftAt'] as const;

type Released = {
  id: string;
  organizationId: string;
  category: 'pupil' | 'teacher';
  age?: number;
  experienceYears?: number;
  leftAt?: IsoDate;
};

const without = ({ id: _id, ...qi }: Released): Omit<Released, 'id'> => qi;

const classOf = (p: Released): string =>
  JSON.stringify(QUASI_IDENTIFIERS.map((f) => (p as Record<string, string | number | undefined>)[f] ?? null));

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

/** The first day each person's first pair as a mentee was approved (on or before `asOf`), as indicators count it. */
function firstApprovals(ds: IndicatorDataset, asOf: IsoDate): Map<string, IsoDate> {
  const first = new Map<string, IsoDate>();
  for (const p of ds.pairs) {
    if (p.status === 'proposed' || p.approvedAt === undefined || p.approvedAt > asOf) continue;
    for (const id of p.menteeIds) {
      const seen = first.get(id);
      if (seen === undefined || p.approvedAt < seen) first.set(id, p.approvedAt);
    }
  }
  return first;
}

/** The same calendar day a year later (29 February → 28 February), as indicators count the anniversary. */
function plusOneYear(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4)) + 1;
  const md = d.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}` as IsoDate;
}

/**
 * Depersonalise an indicators dataset before it leaves the school for the
 * municipality or the region (152-ФЗ ст. 3 п. 9, ст. 5 ч. 5, ст. 6 ч. 1
 * п. 9; Roskomnadzor order № 140 of 19.06.2025 «Об утверждении требований к
 * обезличиванию персональных данных и методов обезличивания»), in this
 * order:
 * 1. consent (152-ФЗ ст. 9, ст. 21 ч. 5): the records of people the consent
 *    policy does not allow to pass on are kept back and counted
 *    ({@link withholdWithoutConsent});
 * 2. deletion (удаление части сведений; ст. 5 ч. 5, data no more than the
 *    purpose needs): people no indicator counts are not sent at all — other
 *    categories, pupils off the roll or outside the age band, staff who
 *    left and are not in a young specialists' retention cohort;
 * 3. identifiers (метод введения идентификаторов): every person, request
 *    and pair id becomes an identifier, consistently across the tables; the
 *    table of correspondence is the returned `key`, kept apart;
 * 4. generalisation (метод изменения состава или семантики): a pupil's
 *    birth date becomes the band's lower age; a head is pedagogical staff
 *    (`teacher`); experience becomes the mark «young specialist» (the limit)
 *    or nothing; a leaving date becomes «retained a year after the first
 *    pair» (the as-of date) or not (the first pair's approval date); birth
 *    dates never leave;
 * 5. the k-anonymity check over the quasi-identifiers (organization,
 *    category, age, experience, leaving date): a class of fewer than k
 *    people is refused (`k_anonymity_failed`, with k and the count of
 *    exposed people, never their values) — or, with `smallClasses:
 *    'generalise'`, moved up the organization tree (school → municipality →
 *    region) until it has k; a class of young specialists still smaller
 *    than k at the top goes back to its organization without the mark
 *    (deletion of part of the data: counted as teachers, no longer as young
 *    specialists) and moves up again if need be; whatever is still smaller
 *    than k is refused — and with `'suppress'` left out instead, and
 *    reported by class (record-level suppression).
 *
 * Exactness: steps 2–4 keep every indicator computed on the release (same
 * as-of date and parameters) equal to the original. Moving a class up
 * keeps every value of the parent organization and above; only the
 * person-based indicators (coverage of pupils and teachers, young
 * specialists, their retention) of the organizations in `generalised.from`
 * change, because those people are counted one level up. Deleting the
 * mark changes the young specialists' indicators of the organizations in
 * `unmarked.from` and of their parents; suppression and consent change the
 * person-based indicators of the organizations in `suppressed.classes[].from`
 * (and their parents) and of the records `withheld` names.
 *
 * @category Dataset
 * @example
 * const { dataset, key, suppressed } = depersonaliseDataset(ds, {
 *   secret: 'kept-by-the-dpo', asOf: '2024-05-31', smallClasses: 'suppress',
 *   consentCheck: { consents, date: '2024-05-31' },
 * });
 * const results = computeIndicators(dataset, { asOf: '2024-05-31', period: { kind: 'academicYear', year: '2023-2024' } });
 */
export function depersonaliseDataset(
  dataset: IndicatorDatasetInput,
  options: DatasetReleaseOptions,
): DatasetRelease {
  const o = parse(ReleaseOptionsSchema, options, ['options']);
  const params = parse(IndicatorParamsSchema, options.params ?? {}, ['options', 'params']);
  if (options.consentCheck === undefined) {
    throw fail('invalid_type', ['options', 'consentCheck'], { expected: 'object' });
  }
  const { dataset: ds, withheld } = withholdWithoutConsent(dataset, options.consentCheck);
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
  const first = firstApprovals(ds, o.asOf);
  let persons: Released[] = [];
  for (const p of ds.persons) {
    const id = idOf(person, p.id);
    const left = p.leftAt !== undefined && p.leftAt <= o.asOf;
    if (p.category === 'pupil') {
      // Counted only when on the roll and in the age band: the band's lower age stands for any age in it.
      const age = p.birthDate !== undefined ? fullYears(p.birthDate, o.asOf) : p.age;
      if (!left && age !== undefined && age >= min && age <= max)
        persons.push({ id, organizationId: p.organizationId, category: 'pupil', age: min });
    } else if (p.category === 'teacher' || p.category === 'head') {
      // A head is pedagogical staff like a teacher: the one head of a school is not singled out.
      const isYoung = p.experienceYears !== undefined && p.experienceYears <= young;
      // Only the mark «young specialist» is sent: «not young» and «unknown» count alike.
      const experience = isYoung ? { experienceYears: young } : {};
      if (!left) {
        persons.push({ id, organizationId: p.organizationId, category: 'teacher', ...experience });
        continue;
      }
      // Someone who left counts only in a young specialists' retention cohort: a year after the first pair
      // as a mentee, on or before the as-of date. Retained or not is all the leaving date tells.
      const since = isYoung ? first.get(p.id) : undefined;
      const anniversary = since === undefined ? undefined : plusOneYear(since);
      if (since === undefined || anniversary === undefined || anniversary > o.asOf) continue;
      const leftAt = (p.leftAt as IsoDate) >= anniversary ? o.asOf : since;
      persons.push({ id, organizationId: p.organizationId, category: 'teacher', ...experience, leftAt });
    }
    // Nobody else is counted by any indicator: not sent.
  }
  const deleted = ds.persons.length - persons.length;

  // Small classes: refused; or moved up the organization tree; still small at the top, young
  // specialists who did not leave go back to their organization without the mark (counted as
  // teachers, no longer as young specialists) and move up again if need be; then suppressed.
  const parentOf = new Map<string, string | undefined>(ds.organizations.map((org) => [org.id, org.parentId]));
  const home = new Map(persons.map((p) => [p.id, p.organizationId]));
  const sizes = () => {
    const n = new Map<string, number>();
    for (const p of persons) n.set(classOf(p), (n.get(classOf(p)) ?? 0) + 1);
    return n;
  };
  const lift = () => {
    for (;;) {
      const n = sizes();
      let changed = false;
      persons = persons.map((p) => {
        const parent = parentOf.get(p.organizationId);
        if ((n.get(classOf(p)) ?? 0) >= o.k || parent === undefined) return p;
        changed = true;
        return { ...p, organizationId: parent };
      });
      if (!changed) return;
    }
  };
  const unmarkedFrom = new Set<string>();
  let unmarked = 0;
  if (o.smallClasses !== 'refuse') {
    lift();
    const n = sizes();
    persons = persons.map((p) => {
      if ((n.get(classOf(p)) ?? 0) >= o.k || p.experienceYears === undefined || p.leftAt !== undefined)
        return p;
      const { experienceYears: _mark, ...rest } = p;
      const at = home.get(p.id) as string;
      unmarked++;
      unmarkedFrom.add(at);
      return { ...rest, organizationId: at };
    });
    if (unmarked > 0) lift();
  }
  const small = new Map<string, { cls: SmallClass; from: Set<string> }>();
  if (o.smallClasses === 'suppress') {
    const n = sizes();
    for (const p of persons) {
      const size = n.get(classOf(p)) ?? 0;
      if (size >= o.k) continue;
      const c = small.get(classOf(p)) ?? { cls: { ...without(p), records: size, from: [] }, from: new Set() };
      c.from.add(home.get(p.id) as string);
      small.set(classOf(p), c);
    }
    persons = persons.filter((p) => (n.get(classOf(p)) ?? 0) >= o.k);
  }
  const from = new Set<string>();
  let lifted = 0;
  for (const p of persons) {
    if (p.organizationId === home.get(p.id)) continue;
    lifted++;
    from.add(home.get(p.id) as string);
  }
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
  // Records in the order of their identifiers (a secret permutation), not the school's: a list in
  // the order of a class register would let its position name the person. Sorting is stable, so an
  // answer's ties on one day keep their order.
  const byKey = <T>(rows: T[], key: (r: T) => string): T[] =>
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const released: IndicatorDatasetInput = {
    organizations: ds.organizations,
    persons: byKey(persons, (p) => p.id),
    mentors: byKey(
      ds.mentors.map((m) => ({ ...m, personId: idOf(person, m.personId) })),
      (m) => m.personId,
    ),
    requests: byKey(
      ds.requests.map((q) => ({ ...q, id: idOf(request, q.id), menteeId: idOf(person, q.menteeId) })),
      (q) => q.id,
    ),
    pairs: byKey(
      ds.pairs.map((p) => ({
        ...p,
        id: idOf(pair, p.id),
        mentorId: idOf(person, p.mentorId),
        menteeIds: p.menteeIds.map((id) => idOf(person, id)),
        requestIds: p.requestIds.map((id) => idOf(request, id)),
      })),
      (p) => p.id,
    ),
    responses: byKey(
      ds.responses.map((r) => ({ ...r, respondentId: idOf(person, r.respondentId) })),
      (r) => r.respondentId,
    ),
    activities: ds.activities,
    counters: ds.counters,
  };
  return {
    dataset: released,
    key: ids.key,
    report,
    withheld,
    deleted,
    generalised: { records: lifted, from: [...from].sort() },
    unmarked: { records: unmarked, from: [...unmarkedFrom].sort() },
    suppressed: {
      records: [...small.values()].reduce((sum, c) => sum + c.cls.records, 0),
      classes: [...small.values()].map((c) => ({ ...c.cls, from: [...c.from].sort() })),
    },
  };
}
