import {
  buildOrganizationTree,
  fail,
  type IsoDate,
  IsoDateSchema,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { dayPlusOneYear, fullYears, isoDay, isoPacked } from './_internal/days';
import {
  grownInt8,
  grownInt32,
  grownUint8,
  type Scratch,
  scratchFor,
  scratchInt8,
  scratchInt32,
  scratchUint8,
} from './_internal/scratch';
import { StringIndex } from './_internal/stringIndex';
import { type Accumulator, createAccumulator } from './accumulator';
import { type IndicatorDataset, parseDataset, type ResolvedPeriod } from './dataset';
import type { IndicatorParams } from './params';

registerCatalogue();
/**
 * Options of {@link accumulate}: the as-of date, the resolved period and the
 * parameters.
 *
 * @category Accumulators
 * @example
 * const o: AccumulateOptions = { asOf: '2024-05-31', period: resolvePeriod({ kind: 'academicYear', year: '2023-2024' }), params: IndicatorParamsSchema.parse({}) };
 */
export interface AccumulateOptions {
  readonly asOf: IsoDate;
  readonly period: ResolvedPeriod;
  readonly params: IndicatorParams;
}

const MENTEE_IN_PERIOD = 1;
const MENTOR_IN_PERIOD = 2;
const OPEN_MENTEE = 4;
const NEVER = 2 ** 30;

/**
 * Resolves organization ids to accumulators, remembering the last id seen:
 * records usually come grouped by organization, so most lookups are one
 * string comparison instead of a hash-map probe.
 */
class OrgLookup {
  private lastId: string | undefined = undefined;
  private lastIndex = -1;
  constructor(private readonly byId: ReadonlyMap<string, number>) {}
  /** The index of the organization's accumulator; throws on an unknown id. */
  index(id: string, list: string, i: number): number {
    if (id === this.lastId) return this.lastIndex;
    const ix = this.byId.get(id) ?? unknownOrg(list, i);
    this.lastId = id;
    this.lastIndex = ix;
    return ix;
  }
}

/**
 * Counts by a small set of string keys (forms, formats) per accumulator,
 * kept in a flat array indexed by (accumulator, key index); the first
 * occurrence of a key in an accumulator inserts it into the accumulator's
 * map, so the maps keep the insertion order of counting one by one.
 */
class KeyCounts {
  private readonly keys = new Map<string, number>();
  private readonly names: string[] = [];
  private counts: number[][] = [];
  constructor(private readonly accs: readonly Accumulator[]) {}
  add(accIndex: number, key: string, target: Map<string, number>): void {
    let k = this.keys.get(key);
    if (k === undefined) {
      k = this.names.length;
      this.keys.set(key, k);
      this.names.push(key);
      this.counts.push(new Array<number>(this.accs.length).fill(0));
    }
    const row = this.counts[k]!;
    if (row[accIndex]! === 0 && !target.has(key)) target.set(key, 0);
    row[accIndex]! += 1;
  }
  flush(field: 'pairsByForm' | 'pairsByFormat'): void {
    for (let k = 0; k < this.names.length; k++) {
      const name = this.names[k]!;
      const row = this.counts[k]!;
      for (let a = 0; a < row.length; a++) {
        const c = row[a]!;
        if (c === 0) continue;
        const m = this.accs[a]![field];
        m.set(name, (m.get(name) ?? 0) + c);
      }
    }
    this.counts = [];
  }
}

function duplicateRequest(i: number): never {
  throw fail('duplicate_id', ['requests', i, 'id'], { of: 'request' });
}

function unknownOrg(list: string, i: number): never {
  throw fail('unknown_reference', [list, i, 'organizationId'], { ref: 'organization' });
}

/** What every step of one {@link accumulate} call reads: the records, the days, the accumulators. */
interface Pass {
  readonly ds: IndicatorDataset;
  readonly params: IndicatorParams;
  readonly asOf: number;
  readonly asOfPacked: number;
  /** The window: from the period's start to its end or the as-of date, whichever is first. */
  readonly start: number;
  readonly until: number;
  /** One accumulator per organization, in dataset order. */
  readonly accs: Accumulator[];
  readonly orgs: OrgLookup;
  readonly scratch: Scratch;
}

/** Validate the input and give every organization an empty accumulator. */
function startPass(
  dataset: IndicatorDataset,
  options: AccumulateOptions,
): { pass: Pass; out: Map<string, Accumulator> } {
  const ds = parseDataset(dataset);
  parse(IsoDateSchema, options.asOf, ['asOf']);
  // Validates ids, parents and cycles.
  buildOrganizationTree(ds.organizations);
  const asOf = isoDay(options.asOf);
  const accs: Accumulator[] = [];
  const out = new Map<string, Accumulator>();
  const indexOf = new Map<string, number>();
  for (const o of ds.organizations) {
    const acc = createAccumulator();
    indexOf.set(o.id, accs.length);
    accs.push(acc);
    out.set(o.id, acc);
  }
  const pass: Pass = {
    ds,
    params: options.params,
    asOf,
    asOfPacked: isoPacked(options.asOf),
    start: isoDay(options.period.start),
    until: Math.min(isoDay(options.period.end), asOf),
    accs,
    orgs: new OrgLookup(indexOf),
    // Typed arrays come from scratch.ts (kept with the dataset between calls,
    // contents left over): each cell is written before it is read.
    scratch: scratchFor(ds),
  };
  return { pass, out };
}

/**
 * Requests made in the window: slots with their day and best approval day.
 * No array on the JS heap grows with the records (see StringIndex): slots
 * hold accumulator indices, and the indices read their keys from the records.
 */
class RequestSlots {
  readonly created: Int32Array;
  readonly best: Int32Array;
  readonly record: Int32Array;
  readonly acc: Int32Array;
  readonly index: StringIndex;
  constructor(scratch: Scratch, requests: IndicatorDataset['requests']) {
    const n = requests.length;
    this.created = scratchInt32(scratch, 'req.created', n);
    this.best = scratchInt32(scratch, 'req.best', n);
    const record = scratchInt32(scratch, 'req.record', n);
    this.record = record;
    this.acc = scratchInt32(scratch, 'req.acc', n);
    this.index = new StringIndex(scratch, 'req.index', n, (slot) => requests[record[slot]!]!.id);
  }
}

function indexRequests(pass: Pass): RequestSlots {
  const { start, until, orgs } = pass;
  const requests = pass.ds.requests;
  const slots = new RequestSlots(pass.scratch, requests);
  const { created, best, record, acc, index } = slots;
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i]!;
    const ai = orgs.index(r.organizationId, 'requests', i);
    const day = isoDay(r.createdAt);
    const slot = index.size;
    if (day < start || day > until) {
      if (index.get(r.id) >= 0) duplicateRequest(i);
      continue;
    }
    // One probe: an id already present gives its own slot back.
    if (index.add(r.id, slot) !== slot) duplicateRequest(i);
    created[slot] = day;
    best[slot] = NEVER;
    record[slot] = i;
    acc[slot] = ai;
  }
  return slots;
}

/**
 * Participants of pairs: flags, mentor load, first approval as a mentee;
 * the key of a slot is the mentor (position −1) or a mentee of a pair.
 */
class Participants {
  private cap = 1024;
  flags: Uint8Array;
  load: Int32Array;
  firstApproved: Int32Array;
  private pair: Int32Array;
  private pos: Int32Array;
  readonly index: StringIndex;
  constructor(
    private readonly scratch: Scratch,
    pairs: IndicatorDataset['pairs'],
  ) {
    this.flags = scratchUint8(scratch, 'part.flags', this.cap);
    this.load = scratchInt32(scratch, 'part.load', this.cap);
    this.firstApproved = scratchInt32(scratch, 'part.firstApproved', this.cap);
    this.pair = scratchInt32(scratch, 'part.pair', this.cap);
    this.pos = scratchInt32(scratch, 'part.pos', this.cap);
    this.index = new StringIndex(scratch, 'part.index', pairs.length, (slot) => {
      const p = pairs[this.pair[slot]!]!;
      const pos = this.pos[slot]!;
      return pos < 0 ? p.mentorId : p.menteeIds[pos]!;
    });
  }
  /** The slot of `id`, added (as position `pos` of pair `pair`) if new; may grow the arrays. */
  slotOf(id: string, pair: number, pos: number): number {
    const fresh = this.index.size;
    const s = this.index.add(id, fresh);
    if (s !== fresh) return s;
    if (s >= this.cap) this.grow();
    this.flags[s] = 0;
    this.load[s] = 0;
    this.firstApproved[s] = NEVER;
    this.pair[s] = pair;
    this.pos[s] = pos;
    return s;
  }
  private grow(): void {
    const { scratch } = this;
    const cap = this.cap * 2;
    this.cap = cap;
    this.flags = grownUint8(scratch, 'part.flags', this.flags, cap, 0);
    this.load = grownInt32(scratch, 'part.load', this.load, cap, 0);
    this.firstApproved = grownInt32(scratch, 'part.firstApproved', this.firstApproved, cap, NEVER);
    this.pair = grownInt32(scratch, 'part.pair', this.pair, cap, 0);
    this.pos = grownInt32(scratch, 'part.pos', this.pos, cap, 0);
  }
  /** The flags of a person (0 when in no pair). */
  flagsOf(id: string): number {
    const ps = this.index.get(id);
    return ps < 0 ? 0 : this.flags[ps]!;
  }
}

/** Pairs: participants, the best approval of each request, the pair counts. */
function countPairs(pass: Pass, req: RequestSlots): Participants {
  const { asOf, start, until, accs, orgs } = pass;
  const pairs = pass.ds.pairs;
  const part = new Participants(pass.scratch, pairs);
  const reqIndex = req.index;
  const reqBest = req.best;
  const byForm = new KeyCounts(accs);
  const byFormat = new KeyCounts(accs);
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    const ai = orgs.index(p.organizationId, 'pairs', i);
    const acc = accs[ai]!;
    if (p.status === 'proposed' || p.approvedAt === undefined) continue;
    const approved = isoDay(p.approvedAt);
    if (approved > asOf) continue;
    const closedAt =
      p.status === 'completed' ? p.completedAt : p.status === 'terminated' ? p.terminatedAt : undefined;
    const closed = closedAt === undefined ? NEVER : isoDay(closedAt);
    const inPeriod = approved <= until && closed >= start;
    const open = closed > asOf;
    const mentees = p.menteeIds;
    const requestIds = p.requestIds;
    for (let j = 0; j < requestIds.length; j++) {
      const rs = reqIndex.get(requestIds[j]!);
      if (rs >= 0 && approved < reqBest[rs]!) reqBest[rs] = approved;
    }
    for (let j = 0; j < mentees.length; j++) {
      const s = part.slotOf(mentees[j]!, i, j);
      if (inPeriod) part.flags[s]! |= MENTEE_IN_PERIOD;
      if (open) part.flags[s]! |= OPEN_MENTEE;
      if (approved < part.firstApproved[s]!) part.firstApproved[s] = approved;
    }
    const ms = part.slotOf(p.mentorId, i, -1);
    if (open) part.load[ms]! += mentees.length;
    if (inPeriod) {
      part.flags[ms]! |= MENTOR_IN_PERIOD;
      acc.pairs++;
      if (mentees.length > 1) acc.groups++;
      byForm.add(ai, p.form, acc.pairsByForm);
      const formats = p.formats;
      for (let j = 0; j < formats.length; j++) byFormat.add(ai, formats[j]!, acc.pairsByFormat);
      acc.meetingsHeld += p.meetingsHeld;
      acc.meetingsPlanned += p.meetingsPlanned;
      if (p.extended) acc.programmesExtended++;
    }
    if (closed >= start && closed <= until) {
      acc.programmesEnded++;
      if (p.status === 'completed') acc.programmesCompleted++;
      else if (p.terminationReason !== undefined) {
        acc.programmesTerminated++;
        acc.terminatedByReason[p.terminationReason]++;
      }
    }
  }
  byForm.flush('pairsByForm');
  byFormat.flush('pairsByFormat');
  return part;
}

/** Requests: matched (with days), waiting (and distinct waiting mentees). */
function countRequests(pass: Pass, req: RequestSlots, part: Participants): void {
  const { accs } = pass;
  const requests = pass.ds.requests;
  const { created, best: bestDay, record, acc: reqAcc } = req;
  const waitingSeen = new Set<string>();
  for (let s = 0; s < req.index.size; s++) {
    const acc = accs[reqAcc[s]!]!;
    acc.requests++;
    const best = bestDay[s]!;
    if (best !== NEVER) {
      acc.requestsMatched++;
      const days = best - created[s]!;
      acc.daysToPair.set(days, (acc.daysToPair.get(days) ?? 0) + 1);
    } else {
      acc.requestsWaiting++;
      const mentee = requests[record[s]!]!.menteeId;
      if ((part.flagsOf(mentee) & OPEN_MENTEE) === 0 && !waitingSeen.has(mentee)) {
        waitingSeen.add(mentee);
        acc.menteesWaiting++;
      }
    }
  }
}

/** Mentor registry: capacity, load, training. */
function countMentors(pass: Pass, part: Participants): void {
  const { asOf, accs, orgs } = pass;
  const trainingHours = pass.params.trainingHours;
  const mentors = pass.ds.mentors;
  const load = part.load;
  const partIndex = part.index;
  for (let i = 0; i < mentors.length; i++) {
    const m = mentors[i]!;
    const acc = accs[orgs.index(m.organizationId, 'mentors', i)]!;
    acc.mentors++;
    acc.mentorCapacity += m.capacity;
    const ps = partIndex.get(m.personId);
    const l = ps < 0 ? 0 : load[ps]!;
    acc.mentorLoad += l;
    if (l > 0) acc.mentorsWithMentees++;
    if (l > m.capacity) acc.mentorsOverCapacity++;
    let hours = 0;
    const training = m.training;
    for (let j = 0; j < training.length; j++) {
      const t = training[j]!;
      if (isoDay(t.completedAt) <= asOf) hours += t.hours;
    }
    if (hours >= trainingHours) acc.mentorsTrained++;
  }
}

/** People: coverage and retention. */
function countPersons(pass: Pass, part: Participants): void {
  const { asOf, asOfPacked, accs, orgs, params } = pass;
  const bandMin = params.pupilAgeBand.min;
  const bandMax = params.pupilAgeBand.max;
  const ysMax = params.youngSpecialistMaxYears;
  const { flags, firstApproved, index: partIndex } = part;
  const persons = pass.ds.persons;
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i]!;
    const acc = accs[orgs.index(p.organizationId, 'persons', i)]!;
    const leftAt = p.leftAt;
    const left = leftAt === undefined ? NEVER : isoDay(leftAt);
    const onRoll = left > asOf;
    const category = p.category;
    if (category === 'pupil') {
      if (!onRoll) continue;
      const birthDate = p.birthDate;
      const age = birthDate !== undefined ? fullYears(isoPacked(birthDate), asOfPacked) : p.age;
      if (age === undefined || age < bandMin || age > bandMax) continue;
      // The participant lookup only for the persons counted.
      const ps = partIndex.get(p.id);
      const f = ps < 0 ? 0 : flags[ps]!;
      acc.pupilsInBand++;
      if (f & MENTEE_IN_PERIOD) acc.pupilMentees++;
      if (f & MENTOR_IN_PERIOD) acc.pupilMentors++;
      if (f & (MENTEE_IN_PERIOD | MENTOR_IN_PERIOD)) acc.pupilsInvolved++;
    } else if (category === 'teacher' || category === 'head') {
      const experience = p.experienceYears;
      const young = experience !== undefined && experience <= ysMax;
      if (!onRoll && !young) continue;
      const ps = partIndex.get(p.id);
      const f = ps < 0 ? 0 : flags[ps]!;
      if (onRoll) {
        acc.teachers++;
        if (f & MENTOR_IN_PERIOD) acc.teacherMentors++;
        if (f & MENTEE_IN_PERIOD) acc.teacherMentees++;
        if (young) {
          acc.youngTeachers++;
          if (f & MENTEE_IN_PERIOD) acc.youngTeacherMentees++;
        }
      }
      if (young && ps >= 0 && firstApproved[ps]! !== NEVER) {
        const anniversary = dayPlusOneYear(firstApproved[ps]!);
        if (anniversary <= asOf) {
          acc.youngSpecialistCohort++;
          if (left >= anniversary) acc.youngSpecialistRetained++;
        }
      }
    }
  }
}

/**
 * Self-assessment answers paired per respondent and role: the earliest
 * entry, the latest final and the accumulator of that final answer. Slots
 * are numbered across both roles: a new key gets the next slot.
 */
class SelfAssessmentSlots {
  private cap = 1024;
  count = 0;
  entryDay: Int32Array;
  entry: Int8Array;
  finalDay: Int32Array;
  final: Int8Array;
  role: Uint8Array;
  /** The accumulator (index) of the latest final answer. */
  acc: Int32Array;
  /** The record that added the slot. */
  private first: Int32Array;
  readonly mentor: StringIndex;
  readonly mentee: StringIndex;
  constructor(
    private readonly scratch: Scratch,
    responses: IndicatorDataset['responses'],
  ) {
    const cap = this.cap;
    this.entryDay = scratchInt32(scratch, 'sa.entryDay', cap);
    this.entry = scratchInt8(scratch, 'sa.entry', cap);
    this.finalDay = scratchInt32(scratch, 'sa.finalDay', cap);
    this.final = scratchInt8(scratch, 'sa.final', cap);
    this.role = scratchUint8(scratch, 'sa.role', cap);
    this.acc = scratchInt32(scratch, 'sa.acc', cap);
    this.first = scratchInt32(scratch, 'sa.first', cap);
    const expected = Math.max(1024, responses.length >> 3);
    const key = (slot: number) => responses[this.first[slot]!]!.respondentId;
    this.mentor = new StringIndex(scratch, 'sa.index.mentor', expected, key);
    this.mentee = new StringIndex(scratch, 'sa.index.mentee', expected, key);
  }
  /** The slot of the respondent in a role (0 mentor, 1 mentee), added for record `i` if new. */
  slotOf(respondentId: string, role: number, i: number, ai: number): number {
    const fresh = this.count;
    const s = (role === 0 ? this.mentor : this.mentee).add(respondentId, fresh);
    if (s !== fresh) return s;
    this.count++;
    if (s >= this.cap) this.grow();
    this.entryDay[s] = NEVER;
    this.entry[s] = 0;
    this.finalDay[s] = -NEVER;
    this.final[s] = 0;
    this.first[s] = i;
    this.acc[s] = ai;
    this.role[s] = role;
    return s;
  }
  private grow(): void {
    const { scratch } = this;
    const cap = this.cap * 2;
    this.cap = cap;
    this.entryDay = grownInt32(scratch, 'sa.entryDay', this.entryDay, cap, NEVER);
    this.entry = grownInt8(scratch, 'sa.entry', this.entry, cap, 0);
    this.finalDay = grownInt32(scratch, 'sa.finalDay', this.finalDay, cap, -NEVER);
    this.final = grownInt8(scratch, 'sa.final', this.final, cap, 0);
    this.role = grownUint8(scratch, 'sa.role', this.role, cap, 0);
    this.acc = grownInt32(scratch, 'sa.acc', this.acc, cap, 0);
    this.first = grownInt32(scratch, 'sa.first', this.first, cap, 0);
  }
}

/** Answers: satisfaction directly; self-assessment paired per respondent. */
function countResponses(pass: Pass): SelfAssessmentSlots {
  const { start, until, accs, orgs } = pass;
  const responses = pass.ds.responses;
  const sa = new SelfAssessmentSlots(pass.scratch, responses);
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i]!;
    const ai = orgs.index(r.organizationId, 'responses', i);
    const day = isoDay(r.submittedAt);
    if (day < start || day > until) continue;
    const role = r.role === 'mentor' ? 0 : 1;
    if (r.kind === 'satisfaction') {
      const acc = accs[ai]!;
      const h = role === 0 ? acc.satisfactionMentor : acc.satisfactionMentee;
      h[r.score]! += 1;
      continue;
    }
    const s = sa.slotOf(r.respondentId, role, i, ai);
    // The earliest entry and the latest final count; ties keep the first seen.
    if (r.kind === 'selfAssessmentEntry') {
      if (day < sa.entryDay[s]!) {
        sa.entryDay[s] = day;
        sa.entry[s] = r.score;
      }
    } else if (day > sa.finalDay[s]!) {
      sa.finalDay[s] = day;
      sa.final[s] = r.score;
      sa.acc[s] = ai;
    }
  }
  return sa;
}

/** Self-assessment change of respondents with both an entry and a final answer. */
function sumSelfAssessment(pass: Pass, sa: SelfAssessmentSlots): void {
  const { accs } = pass;
  const { entryDay, entry, finalDay, final, role, acc: saAcc } = sa;
  for (let s = 0; s < sa.count; s++) {
    if (entryDay[s] === NEVER || finalDay[s] === -NEVER) continue;
    const acc = accs[saAcc[s]!]!;
    const sums = role[s] === 0 ? acc.selfAssessmentMentor : acc.selfAssessmentMentee;
    const delta = final[s]! - entry[s]!;
    sums.respondents++;
    sums.deltaSum += delta;
    if (delta > 0) sums.improved++;
  }
}

/** Roadmap activities due in the window. */
function countActivities(pass: Pass): void {
  const { asOf, start, until, accs, orgs } = pass;
  const activities = pass.ds.activities;
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i]!;
    const acc = accs[orgs.index(a.organizationId, 'activities', i)]!;
    const due = isoDay(a.due);
    if (due < start || due > until) continue;
    acc.activitiesDue++;
    const done = a.doneAt === undefined ? NEVER : isoDay(a.doneAt);
    if (done > asOf) acc.activitiesOverdue++;
    else if (done <= due) acc.activitiesOnTime++;
    else acc.activitiesLate++;
  }
}

/** A region's own counters. */
function countCounters(pass: Pass): void {
  const { accs, orgs } = pass;
  const counters = pass.ds.counters;
  for (let i = 0; i < counters.length; i++) {
    const c = counters[i]!;
    const acc = accs[orgs.index(c.organizationId, 'counters', i)]!;
    acc.counters.set(c.key, (acc.counters.get(c.key) ?? 0) + c.value);
  }
}

/**
 * Compute every organization's own accumulator in one pass over each record
 * list (O(n), typed arrays, no per-record allocation in the loops). The
 * result has an entry for every organization in the dataset; roll it up
 * with {@link rollUp}.
 *
 * Rules: a pair works in the period if approved by its end (and by the
 * as-of date) and not closed before its start; a person is a mentee or a
 * mentor if they are in such a pair; a pair is open on the as-of date if
 * approved by then and not yet closed. Counts of people are attributed to
 * the person's organization, counts of pairs to the pair's, requests to the
 * request's, answers to the answer's.
 *
 * @category Accumulators
 * @example
 * const own = accumulate(parseDataset(raw), { asOf: '2024-05-31', period: resolvePeriod({ kind: 'academicYear', year: '2023-2024' }), params: IndicatorParamsSchema.parse({}) });
 */
export function accumulate(dataset: IndicatorDataset, options: AccumulateOptions): Map<string, Accumulator> {
  const { pass, out } = startPass(dataset, options);
  const requests = indexRequests(pass);
  const participants = countPairs(pass, requests);
  countRequests(pass, requests, participants);
  countMentors(pass, participants);
  countPersons(pass, participants);
  sumSelfAssessment(pass, countResponses(pass));
  countActivities(pass);
  countCounters(pass);
  return out;
}
