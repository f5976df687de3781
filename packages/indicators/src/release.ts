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
 * counts: not needed, not sent), `generalised` (people moved to the parent
 * organization, the linked pairs, requests, mentor records and answers
 * moved with them, and the organizations they came from), `unmarked` (young
 * specialists sent without the mark) and `suppressed` (people left out,
 * with their classes, and answers left out). The report is over the joined
 * view (people with every record linked to them by key).
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
  readonly generalised: {
    readonly records: number;
    /** Linked records moved up with the people they name (answers: with their own small classes). */
    readonly linked: {
      readonly pairs: number;
      readonly requests: number;
      readonly mentors: number;
      readonly responses: number;
    };
    readonly from: readonly string[];
  };
  readonly unmarked: { readonly records: number; readonly from: readonly string[] };
  readonly suppressed: {
    readonly records: number;
    readonly classes: readonly SmallClass[];
    /** Answers left out: fewer than k respondents of their role even at the top. */
    readonly responses: number;
  };
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

/** Every id that points to a person, a request or a pair, once; respondents apart (their own keys). */
function idRows(ds: IndicatorDataset): ReleaseRow[] {
  const persons = new Set<string>();
  for (const p of ds.persons) persons.add(p.id);
  for (const m of ds.mentors) persons.add(m.personId);
  for (const q of ds.requests) persons.add(q.menteeId);
  for (const p of ds.pairs) {
    persons.add(p.mentorId);
    for (const id of p.menteeIds) persons.add(id);
  }
  const respondents = new Set<string>(ds.responses.map((r) => r.respondentId));
  const requests = new Set<string>(ds.requests.map((q) => q.id));
  for (const p of ds.pairs) for (const id of p.requestIds) requests.add(id);
  return [
    ...[...persons].map((personId) => ({ personId })),
    ...[...requests].map((requestId) => ({ requestId })),
    ...ds.pairs.map((p) => ({ pairId: p.id })),
    ...[...respondents].map((respondentId) => ({ respondentId })),
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
 * 5. decomposition (метод декомпозиции): survey answers get keys of their
 *    own (`A-…`), unrelated to the person keys, so no answer joins a person
 *    (self-assessment is still paired per respondent);
 * 6. the k-anonymity check over the JOINED view an attacker builds: people
 *    joined with pairs, requests and mentor records on the keys,
 *    transitively (a pair joins its mentor and mentees, a request its
 *    mentee and the pairs that answer it), so each person carries the
 *    quasi-identifiers of the people table (organization, category, age,
 *    experience, leaving date) and the most specific organizations any
 *    record joined to them names. A class of fewer than k people is refused (`k_anonymity_failed`, with k and the count of
 *    exposed people, never their values) — or, with `smallClasses:
 *    'generalise'`, moved up the organization tree (school → municipality →
 *    region) together with every record joined to it (its pairs, requests,
 *    mentor record and the other people of those pairs, which may move
 *    their classes in turn) until it has k — no record then names the
 *    school a person left; a class of young specialists still smaller
 *    than k at the top goes back to its organization without the mark
 *    (deletion of part of the data: counted as teachers, no longer as young
 *    specialists) and moves up again if need be; whatever is still smaller
 *    than k is refused — and with `'suppress'` left out instead, and
 *    reported by class (record-level suppression);
 * 7. answers: the respondents of an organization and role must be at least
 *    k; otherwise refused, or (`generalise`) the class takes in the smallest
 *    class of its role below its organization (a municipality short of k
 *    takes in a school's) or else moves up a level, and at the top is
 *    refused — with `suppress` left out (`suppressed.responses`).
 *
 * Not quasi-identifiers: the days of pairs, requests, answers and
 * trainings, a pair's form, status and meetings. Indicators need them
 * exact (days to a pair, anniversaries, the period); they stay in the
 * school's organization tree as above, and the data-protection officer
 * judges whether an outsider could know them.
 *
 * Exactness: steps 2–4 keep every indicator computed on the release (same
 * as-of date and parameters) equal to the original. Moving a class up
 * keeps every value of the parent organization and above; only the values
 * of the organizations in `generalised.from` change, because those records
 * are counted one level up: person-based indicators (coverage of pupils and
 * teachers, young specialists, their retention) for the people moved, and
 * for the linked records moved (`generalised.linked`) the pair indicators
 * (pairs, groups, forms, formats, meetings, programmes ended, completed,
 * terminated, extended), the request indicators (requests, matched, days
 * to a pair, waiting) and the mentor registry (mentors, capacity, load,
 * trained), and the answers' satisfaction and self-assessment. Deleting the
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
      // Decomposition: an answer's respondent gets a key of its own, unrelated to the person key.
      respondentId: { method: 'identifiers', prefix: 'A-' },
    },
  });
  const inverse = (field: string): Map<string, string> =>
    new Map(Object.entries(ids.key.identifiers[field] ?? {}).map(([id, v]) => [String(v), id]));
  const person = inverse('personId');
  const request = inverse('requestId');
  const pair = inverse('pairId');
  const respondent = inverse('respondentId');
  const originalOf = new Map(
    Object.entries(ids.key.identifiers.personId ?? {}).map(([k, v]) => [k, String(v)]),
  );
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

  // The joined view (what an attacker builds by joining people with every linked table on the
  // keys): people, pairs, requests and mentor records that share a person key, directly or
  // through a pair or a request, form one component; every organization any of them names is
  // known about every person of it. Answers are cut off by their own keys (decomposition).
  const parentOf = new Map<string, string | undefined>(ds.organizations.map((org) => [org.id, org.parentId]));
  const within = (org: string, ancestor: string): boolean => {
    for (let o: string | undefined = org; o !== undefined; o = parentOf.get(o))
      if (o === ancestor) return true;
    return false;
  };
  const uf = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    for (let n = uf.get(r); n !== undefined; n = uf.get(r)) r = n;
    for (let c = x, n = uf.get(c); n !== undefined; c = n, n = uf.get(c)) uf.set(c, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) uf.set(ra, rb);
  };
  const menteeOfRequest = new Map(ds.requests.map((q) => [q.id, q.menteeId]));
  for (const p of ds.pairs) {
    for (const id of p.menteeIds) union(p.mentorId, id);
    for (const id of p.requestIds) {
      const mentee = menteeOfRequest.get(id);
      if (mentee !== undefined) union(p.mentorId, mentee);
    }
  }
  /** The organization of each linked record, as it will be sent (moved up with its component). */
  const linked = {
    pairs: ds.pairs.map((p) => p.organizationId),
    requests: ds.requests.map((q) => q.organizationId),
    mentors: ds.mentors.map((m) => m.organizationId),
  };
  type Slot = { readonly orgs: string[]; readonly i: number };
  const slots = new Map<string, Slot[]>();
  const addSlot = (id: string, orgs: string[], i: number) => {
    const root = find(id);
    const list = slots.get(root);
    if (list) list.push({ orgs, i });
    else slots.set(root, [{ orgs, i }]);
  };
  for (const [i, p] of ds.pairs.entries()) addSlot(p.mentorId, linked.pairs, i);
  for (const [i, q] of ds.requests.entries()) addSlot(q.menteeId, linked.requests, i);
  for (const [i, m] of ds.mentors.entries()) addSlot(m.personId, linked.mentors, i);
  const rootOf = new Map<Released, string>(persons.map((p) => [p, find(originalOf.get(p.id) as string)]));
  const members = new Map<string, Released[]>();
  for (const p of persons) {
    const root = rootOf.get(p) as string;
    const list = members.get(root);
    if (list) list.push(p);
    else members.set(root, [p]);
  }
  /** The most specific organizations a component names (an ancestor of another one adds nothing). */
  const revealedOf = (root: string): string[] => {
    const orgs = new Set<string>();
    for (const p of members.get(root) ?? []) orgs.add(p.organizationId);
    for (const s of slots.get(root) ?? []) orgs.add(s.orgs[s.i] as string);
    const all = [...orgs];
    return all.filter((x) => !all.some((y) => y !== x && within(y, x))).sort();
  };
  const joinedView = () => {
    const revealed = new Map<string, string[]>();
    for (const root of members.keys()) revealed.set(root, revealedOf(root));
    const cls = new Map<Released, string>();
    const n = new Map<string, number>();
    for (const p of persons) {
      const c = JSON.stringify([revealed.get(rootOf.get(p) as string), classOf(p)]);
      cls.set(p, c);
      n.set(c, (n.get(c) ?? 0) + 1);
    }
    return { revealed, cls, size: (p: Released) => n.get(cls.get(p) as string) ?? 0 };
  };

  // Small classes of the joined view: refused; or moved up the organization tree with every record
  // linked to them (a pair, a request, a mentor record and the other people of the component, so
  // no linked record names the school the person left); still small at the top, young specialists
  // who did not leave go back to their organization without the mark (counted as teachers, no
  // longer as young specialists) and move up again if need be; then suppressed.
  const home = new Map(persons.map((p) => [p, p.organizationId]));
  const lift = () => {
    for (;;) {
      const view = joinedView();
      const done = new Set<string>();
      let changed = false;
      for (const p of persons) {
        const root = rootOf.get(p) as string;
        if (view.size(p) >= o.k || done.has(root)) continue;
        done.add(root);
        for (const x of view.revealed.get(root) ?? []) {
          const up = parentOf.get(x);
          if (up === undefined) continue;
          for (const q of members.get(root) ?? [])
            if (within(q.organizationId, x)) {
              q.organizationId = up;
              changed = true;
            }
          for (const s of slots.get(root) ?? [])
            if (within(s.orgs[s.i] as string, x)) {
              s.orgs[s.i] = up;
              changed = true;
            }
        }
      }
      if (!changed) return;
    }
  };
  const unmarkedFrom = new Set<string>();
  let unmarked = 0;
  if (o.smallClasses !== 'refuse') {
    lift();
    const view = joinedView();
    for (const p of persons) {
      if (view.size(p) >= o.k || p.experienceYears === undefined || p.leftAt !== undefined) continue;
      delete p.experienceYears;
      unmarked++;
      unmarkedFrom.add(home.get(p) as string);
    }
    if (unmarked > 0) {
      // Lift again from where everything was: without the marks, fewer people and records go up.
      for (const p of persons) p.organizationId = home.get(p) as string;
      for (const [i, p] of ds.pairs.entries()) linked.pairs[i] = p.organizationId;
      for (const [i, q] of ds.requests.entries()) linked.requests[i] = q.organizationId;
      for (const [i, m] of ds.mentors.entries()) linked.mentors[i] = m.organizationId;
      lift();
    }
  }
  const small = new Map<string, { cls: SmallClass; from: Set<string> }>();
  if (o.smallClasses === 'suppress') {
    // Leaving people out can make a component name less, and so regroup the rest: until none is small.
    for (;;) {
      const view = joinedView();
      const out = persons.filter((p) => view.size(p) < o.k);
      if (out.length === 0) break;
      for (const p of out) {
        const key = view.cls.get(p) as string;
        const c = small.get(key) ?? {
          cls: { ...without(p), records: 0, from: [] },
          from: new Set<string>(),
        };
        c.cls = { ...c.cls, records: c.cls.records + 1 };
        c.from.add(home.get(p) as string);
        small.set(key, c);
        const list = members.get(rootOf.get(p) as string) ?? [];
        list.splice(list.indexOf(p), 1);
      }
      const gone = new Set(out);
      persons = persons.filter((p) => !gone.has(p));
    }
  }
  // Every organization a record passed on its way up counts it no more.
  const from = new Set<string>();
  const passed = (start: string, to: string) => {
    for (let org: string | undefined = start; org !== undefined && org !== to; org = parentOf.get(org))
      from.add(org);
  };
  let lifted = 0;
  for (const p of persons) {
    if (p.organizationId === home.get(p)) continue;
    lifted++;
    passed(home.get(p) as string, p.organizationId);
  }
  const movedRecords = (
    table: 'pairs' | 'requests' | 'mentors',
    original: readonly { organizationId: string }[],
  ) => {
    let moved = 0;
    original.forEach((r, i) => {
      if (linked[table][i] === r.organizationId) return;
      moved++;
      passed(r.organizationId, linked[table][i] as string);
    });
    return moved;
  };
  const linkedMoved = {
    pairs: movedRecords('pairs', ds.pairs),
    requests: movedRecords('requests', ds.requests),
    mentors: movedRecords('mentors', ds.mentors),
  };
  const view = joinedView();
  const report = kAnonymity(
    persons.map((p) => ({
      ...Object.fromEntries(
        QUASI_IDENTIFIERS.map((f) => [f, (p as Record<string, string | number>)[f] ?? null]),
      ),
      linked: JSON.stringify(view.revealed.get(rootOf.get(p) as string)),
    })),
    [...QUASI_IDENTIFIERS, 'linked'],
    o.k,
  );
  if (!report.ok) {
    throw fail('k_anonymity_failed', ['persons'], { k: o.k, found: report.k, exposed: report.exposed });
  }

  // Answers: their own keys, so nothing joins them to a person; the respondents of an organization
  // and role (the only quasi-identifiers an answer keeps besides its day) are at least k, or the
  // answers move up the tree (`generalise`), or at the top are left out (`suppress`).
  const answers = ds.responses.map((r) => ({ ...r, respondentId: idOf(respondent, r.respondentId) }));
  const answerClass = (r: (typeof answers)[number]) => JSON.stringify([r.organizationId, r.role]);
  const respondents = () => {
    const n = new Map<string, Set<string>>();
    for (const r of answers) {
      const set = n.get(answerClass(r)) ?? new Set<string>();
      set.add(r.respondentId);
      n.set(answerClass(r), set);
    }
    return (r: (typeof answers)[number]) => n.get(answerClass(r))?.size ?? 0;
  };
  let answersMoved = 0;
  if (o.smallClasses !== 'refuse') {
    // One small class at a time, the deepest first: it takes in the smallest class of its role held
    // below its organization (a school's, when a municipality is short), or else goes up a level.
    const depth = (org: string) => {
      let d = 0;
      for (let x = parentOf.get(org); x !== undefined; x = parentOf.get(x)) d++;
      return d;
    };
    const stuck = new Set<string>();
    for (;;) {
      const size = respondents();
      let r0: (typeof answers)[number] | undefined;
      for (const r of answers)
        if (
          size(r) < o.k &&
          !stuck.has(answerClass(r)) &&
          (r0 === undefined || depth(r.organizationId) > depth(r0.organizationId))
        )
          r0 = r;
      if (r0 === undefined) break;
      const { organizationId: at, role } = r0;
      const below = new Map<string, number>();
      for (const r of answers)
        if (r.role === role && r.organizationId !== at && within(r.organizationId, at))
          below.set(r.organizationId, size(r));
      const smallest = [...below].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
      const up = parentOf.get(at);
      if (smallest === undefined && up === undefined) {
        stuck.add(answerClass(r0));
        continue;
      }
      const [fromOrg, toOrg] = smallest === undefined ? [at, up as string] : [smallest, at];
      for (const r of answers) if (r.role === role && r.organizationId === fromOrg) r.organizationId = toOrg;
    }
    answers.forEach((r, i) => {
      const was = ds.responses[i]?.organizationId as string;
      if (r.organizationId === was) return;
      answersMoved++;
      passed(was, r.organizationId);
    });
  }
  const answerSize = respondents();
  const exposedAnswers = answers.filter((r) => answerSize(r) < o.k);
  const sentAnswers = o.smallClasses === 'suppress' ? answers.filter((r) => answerSize(r) >= o.k) : answers;
  if (o.smallClasses !== 'suppress' && exposedAnswers.length > 0) {
    const respondentsExposed = new Set(exposedAnswers.map((r) => r.respondentId)).size;
    const found = Math.min(...exposedAnswers.map(answerSize));
    throw fail('k_anonymity_failed', ['responses'], { k: o.k, found, exposed: respondentsExposed });
  }

  // Records in the order of their identifiers (a secret permutation), not the school's: a list in
  // the order of a class register would let its position name the person. Sorting is stable, so an
  // answer's ties on one day keep their order.
  const byKey = <T>(rows: T[], key: (r: T) => string): T[] =>
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const released: IndicatorDatasetInput = {
    organizations: ds.organizations,
    persons: byKey(
      persons.map((p) => ({ ...p })),
      (p) => p.id,
    ),
    mentors: byKey(
      ds.mentors.map((m, i) => ({
        ...m,
        personId: idOf(person, m.personId),
        organizationId: linked.mentors[i] as string,
      })),
      (m) => m.personId,
    ),
    requests: byKey(
      ds.requests.map((q, i) => ({
        ...q,
        id: idOf(request, q.id),
        menteeId: idOf(person, q.menteeId),
        organizationId: linked.requests[i] as string,
      })),
      (q) => q.id,
    ),
    pairs: byKey(
      ds.pairs.map((p, i) => ({
        ...p,
        id: idOf(pair, p.id),
        organizationId: linked.pairs[i] as string,
        mentorId: idOf(person, p.mentorId),
        menteeIds: p.menteeIds.map((id) => idOf(person, id)),
        requestIds: p.requestIds.map((id) => idOf(request, id)),
      })),
      (p) => p.id,
    ),
    responses: byKey(sentAnswers, (r) => r.respondentId),
    activities: ds.activities,
    counters: ds.counters,
  };
  return {
    dataset: released,
    key: ids.key,
    report,
    withheld,
    deleted,
    generalised: {
      records: lifted,
      linked: { ...linkedMoved, responses: answersMoved },
      from: [...from].sort(),
    },
    unmarked: { records: unmarked, from: [...unmarkedFrom].sort() },
    suppressed: {
      records: [...small.values()].reduce((sum, c) => sum + c.cls.records, 0),
      classes: [...small.values()].map((c) => ({ ...c.cls, from: [...c.from].sort() })),
      responses: answers.length - sentAnswers.length,
    },
  };
}
