import {
  ConsentPolicySchema,
  ConsentSchema,
  defaultConsentPolicy,
  IsoDateSchema,
  isNastavnikError,
  type LocalizedText,
  type MenteeWithProfile,
  MenteeWithProfileSchema,
  type MentorWithProfile,
  MentorWithProfileSchema,
  mayProcessFor,
  NastavnikError,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { fail } from './_internal/fail';
import { defaultCriteria } from './criteria/builtin';
import type { Criterion, CriterionContext } from './criteria/define';
import { choicesOf, type MutualInterest, mutualInterestCriterion, mutualValue } from './mutualInterest';
import { solveAssignment } from './solveAssignment';
import { solveSparseAssignment } from './solveSparseAssignment';
import {
  type BrokenTie,
  findBlockingPairs,
  type PreferenceList,
  solveStableAssignment,
} from './stableAssignment';

registerCatalogue();

const IdPair = z.object({ mentorId: z.string().min(1), menteeId: z.string().min(1) });
const Ranked = z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]));

/**
 * Zod schema of the input of {@link matchOptimal} and {@link matchStable}.
 *
 * @category Matching
 * @example
 * const input = MatchingInputSchema.parse(raw);
 */
export const MatchingInputSchema = z.object({
  /** The day the pairs are formed: consents are checked on it. */
  date: IsoDateSchema,
  mentors: z.array(MentorWithProfileSchema),
  mentees: z.array(MenteeWithProfileSchema),
  consents: z.array(ConsentSchema).default([]),
  /**
   * The consent policy (core `defaultConsentPolicy` unless a region passes its
   * own): who may be matched at all is its `matching` verdict (152-ФЗ ст. 9).
   */
  consentPolicy: ConsentPolicySchema.default(defaultConsentPolicy),
  /** Pairs that must not be formed (conflicts, a mentee's request for a different mentor, 003 §5.1). */
  forbiddenPairs: z.array(IdPair).default([]),
  /** Pairs already approved by an order: they stay and take the mentor's places (001 2.2). */
  fixedPairs: z.array(IdPair).default([]),
  /** Network (cluster, municipality) of organisations, for the organisation criterion. */
  networks: z.record(z.string(), z.string()).default({}),
  /** Preference survey after the group meeting (004 §4): mentee id → mentor ids, best first; inner arrays are ties. */
  menteePreferences: z.record(z.string(), Ranked).optional(),
  /** Mentor id → mentee ids, best first; inner arrays are ties. */
  mentorPreferences: z.record(z.string(), Ranked).optional(),
});
/** Input of the matchers, as written. @category Matching @example const i: MatchingInput = { date: '2024-09-10', mentors: [], mentees: [] }; */
export type MatchingInput = z.input<typeof MatchingInputSchema>;

/**
 * Options shared by the matchers.
 *
 * @category Matching
 * @example
 * const o: MatchOptions = { weights: { competence: 6 }, minScore: 0.3 };
 */
export interface MatchOptions {
  /** Criteria to score with (default {@link defaultCriteria}). */
  readonly criteria?: readonly Criterion[];
  /** Weight overrides by criterion id; 0 switches a criterion off. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Pairs scoring below this (0..1) are not eligible. Default 0. */
  readonly minScore?: number;
  /** Mentors in another organisation must offer the virtual format (default true). */
  readonly crossOrganizationNeedsVirtual?: boolean;
  /** Hours a month per mentee (hours criterion). Default 4. */
  readonly hoursPerMentee?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Options of {@link matchOptimal}.
 *
 * @category Matching
 * @example
 * const o: MatchOptimalOptions = { candidatesPerMentee: 50 };
 */
export interface MatchOptimalOptions extends MatchOptions {
  /**
   * Keep only each mentee's best k eligible mentors (the sparse path for a
   * whole region). Exact on the kept pairs. Default: all eligible pairs.
   */
  readonly candidatesPerMentee?: number;
  /** Use the sparse solver even for small inputs. */
  readonly forceSparse?: boolean;
  /**
   * The preference survey (003 §6.1 mutual interest): a hard constraint or a
   * weighted criterion. Default: weighted (2) when the input has a survey.
   */
  readonly mutualInterest?: MutualInterest;
}

/**
 * Options of {@link matchStable}.
 *
 * @category Matching
 * @example
 * const o: MatchStableOptions = { proposing: 'mentor' };
 */
export interface MatchStableOptions extends MatchOptions {
  readonly proposing?: 'mentee' | 'mentor';
}

/**
 * One criterion's share of a pair's score.
 *
 * @category Matching
 * @example
 * const c: Contribution = { criterion: 'subject', weight: 2, value: 1, contribution: 0.17, reason: { ru: '…', en: '…' } };
 */
export interface Contribution {
  readonly criterion: string;
  readonly weight: number;
  readonly value: number;
  /** weight × value / total weight; the contributions sum to the score. */
  readonly contribution: number;
  readonly reason: LocalizedText;
}

/**
 * A proposed (or kept) pair with its explanation.
 *
 * @category Matching
 * @example
 * for (const p of result.pairs) console.log(p.mentorId, p.menteeId, p.score.toFixed(2));
 */
export interface ProposedPair {
  readonly mentorId: string;
  readonly menteeId: string;
  /** 0..1, the weighted mean of the criteria. */
  readonly score: number;
  readonly contributions: readonly Contribution[];
  /** True for a pair given in `fixedPairs`. */
  readonly fixed: boolean;
}

/**
 * Why a mentee was left without a mentor.
 *
 * @category Matching
 * @example
 * const code: UnmatchedReasonCode = 'capacityTaken';
 */
export type UnmatchedReasonCode = 'noConsent' | 'noEligibleMentor' | 'capacityTaken' | 'noMutualPreference';

/**
 * A mentee left without a pair and why, so that the curator can act (004 §4:
 * support and continued search).
 *
 * @category Matching
 * @example
 * for (const u of result.unmatched) console.log(u.menteeId, u.reason, u.text.ru);
 */
export interface UnmatchedMentee {
  readonly menteeId: string;
  readonly reason: UnmatchedReasonCode;
  readonly text: LocalizedText;
  /** How many mentors were excluded for each exclusion code. */
  readonly excluded: Readonly<Record<string, number>>;
  /** Eligible mentors (whose places went to others). */
  readonly eligibleMentors: number;
}

/**
 * The result of {@link matchOptimal} or {@link matchStable}.
 *
 * @category Matching
 * @example
 * const { pairs, unmatched, totalScore } = matchOptimal(input);
 */
export interface MatchResult {
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly UnmatchedMentee[];
  /** Sum of the scores of the new (not fixed) pairs. */
  readonly totalScore: number;
  readonly algorithm: 'dense' | 'sparse' | 'deferredAcceptance';
  /** Ties broken in the preference lists (matchStable), by ids. */
  readonly ties: ReadonlyArray<{ side: 'mentee' | 'mentor'; id: string; order: readonly string[] }>;
  /**
   * How the preference survey was used (003 §6.1): `constraint` (only mutual choices), `weighted`
   * (the `mutualInterest` criterion in each pair's contributions), `none`; matchStable: `stable`.
   */
  readonly mutualInterest: 'constraint' | 'weighted' | 'none' | 'stable';
}

const REASONS: Record<UnmatchedReasonCode, LocalizedText> = {
  noConsent: {
    ru: 'Нет согласия на обработку персональных данных',
    en: 'No consent to the processing of personal data',
  },
  noEligibleMentor: { ru: 'Нет подходящего наставника', en: 'No eligible mentor' },
  capacityTaken: {
    ru: 'Места у подходящих наставников заняты; поиск продолжается',
    en: 'The eligible mentors have no places left; the search goes on',
  },
  noMutualPreference: {
    ru: 'Нет взаимного выбора с наставником, у которого есть место',
    en: 'No mutual choice with a mentor who has a place',
  },
};

/** The matching input as parsed once at the boundary. */
type ParsedMatchingInput = z.output<typeof MatchingInputSchema>;

interface Prepared {
  /** The input as parsed once at the boundary. */
  input: ParsedMatchingInput;
  mentors: MentorWithProfile[];
  mentees: MenteeWithProfile[];
  /** Mentees still to match (indices into mentees). */
  open: number[];
  remaining: Int32Array;
  fixed: ProposedPair[];
  unmatched: UnmatchedMentee[];
  /** Eligible pairs per open mentee: mentor index, score, contributions (lazy). */
  eligible: Array<Array<{ mentor: number; score: number }>>;
  excluded: Array<Record<string, number>>;
  explain: (mentor: number, mentee: number) => { score: number; contributions: Contribution[] };
}

function prepare(
  input: ParsedMatchingInput,
  options: MatchOptions,
  mutual: MutualInterest = { mode: 'none' },
): Prepared {
  const choices = choicesOf(input.menteePreferences, input.mentorPreferences);
  const byId = <T extends { person: { id: string } }>(xs: T[], path: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      if (seen.has(x.person.id)) {
        throw fail('duplicate_id', [path, i, 'person', 'id'], { of: 'participant', id: x.person.id });
      }
      seen.add(x.person.id);
    });
    // deterministic: the result never depends on input order
    return [...xs].sort((a, b) => (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
  };
  const mentors = byId(input.mentors, 'mentors');
  const mentees = byId(input.mentees, 'mentees');
  mentors.forEach((m, i) => {
    if (m.profile.personId !== m.person.id) {
      throw fail('invalid_input', ['mentors', i, 'profile', 'personId'], { reason: 'profileOfOtherPerson' });
    }
  });
  const mentorIndex = new Map(mentors.map((m, i) => [m.person.id as string, i]));
  const menteeIndex = new Map(mentees.map((m, i) => [m.person.id as string, i]));

  const baseCriteria = options.criteria ?? defaultCriteria;
  const criteria =
    mutual.mode === 'weighted'
      ? [...baseCriteria, mutualInterestCriterion(choices, mutual.weight ?? 2)]
      : baseCriteria;
  const weights = criteria.map((c) => options.weights?.[c.id] ?? c.weight);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw fail('invalid_input', ['weights'], { reason: 'weightsNegative' });
  }
  const wsum = weights.reduce((a, b) => a + b, 0);
  const ctx: CriterionContext = {
    networkOf: new Map(Object.entries(input.networks)),
    hoursPerMentee: options.hoursPerMentee ?? 4,
  };
  const explain = (j: number, i: number) => {
    const contributions: Contribution[] = [];
    let score = 0;
    criteria.forEach((c, k) => {
      const w = weights[k]!;
      if (w === 0) return;
      const e = c.evaluate(mentors[j]!, mentees[i]!, ctx);
      const value = Number.isFinite(e.value) ? Math.min(1, Math.max(0, e.value)) : 0;
      const contribution = wsum > 0 ? (w * value) / wsum : 0;
      score += contribution;
      contributions.push({ criterion: c.id, weight: w, value, contribution, reason: e.reason });
    });
    return { score, contributions };
  };

  const consentOk = (p: (typeof mentors)[number]['person'], role: 'mentor' | 'mentee') =>
    mayProcessFor(input.consentPolicy, p, role, 'matching', input.consents, input.date);
  const mentorOk = mentors.map((m) => consentOk(m.person, 'mentor'));
  const remaining = Int32Array.from(mentors, (m) => m.profile.capacity);

  const fixed: ProposedPair[] = [];
  const fixedMentee = new Set<number>();
  input.fixedPairs.forEach((p, k) => {
    const j = mentorIndex.get(p.mentorId);
    const i = menteeIndex.get(p.menteeId);
    if (j === undefined || i === undefined) {
      throw fail('unknown_reference', ['fixedPairs', k], { ref: 'person' });
    }
    if (fixedMentee.has(i)) {
      throw fail('duplicate_mentee', ['fixedPairs', k], { scope: 'fixedPairs' });
    }
    if (p.mentorId === p.menteeId) {
      throw fail('self_pair', ['fixedPairs', k]);
    }
    fixedMentee.add(i);
    remaining[j] = remaining[j]! - 1;
    if (remaining[j]! < 0) {
      throw fail('too_big', ['fixedPairs', k], { reason: 'fixedOverCapacity' });
    }
    fixed.push({ mentorId: p.mentorId, menteeId: p.menteeId, ...explain(j, i), fixed: true });
  });
  const forbidden = new Set(input.forbiddenPairs.map((p) => `${p.mentorId}\u0000${p.menteeId}`));
  const needVirtual = options.crossOrganizationNeedsVirtual !== false;
  const minScore = options.minScore ?? 0;

  const open: number[] = [];
  const unmatched: UnmatchedMentee[] = [];
  const eligible: Prepared['eligible'] = [];
  const excluded: Prepared['excluded'] = [];
  mentees.forEach((mentee, i) => {
    if (fixedMentee.has(i)) return;
    if (!consentOk(mentee.person, 'mentee')) {
      unmatched.push({
        menteeId: mentee.person.id,
        reason: 'noConsent',
        text: REASONS.noConsent,
        excluded: {},
        eligibleMentors: 0,
      });
      return;
    }
    const ex: Record<string, number> = {};
    const bump = (k: string) => {
      ex[k] = (ex[k] ?? 0) + 1;
    };
    const list: Array<{ mentor: number; score: number }> = [];
    const wantsVirtualOk =
      mentee.profile.preferredFormats.length === 0 || mentee.profile.preferredFormats.includes('virtual');
    mentors.forEach((mentor, j) => {
      if (mentor.person.id === mentee.person.id) {
        bump('self');
        return;
      }
      let why: string | undefined;
      if (!mentorOk[j]) why = 'mentorNoConsent';
      else if (remaining[j]! <= 0) why = 'mentorFull';
      else if (forbidden.has(`${mentor.person.id}\u0000${mentee.person.id}`)) why = 'forbidden';
      else if (
        mutual.mode === 'constraint' &&
        mutualValue(choices, mentor.person.id, mentee.person.id) === 0
      ) {
        why = 'notMutualChoice';
      }
      if (why !== undefined) {
        bump(why);
        return;
      }
      if (
        needVirtual &&
        mentor.person.organizationId !== mentee.person.organizationId &&
        !(mentor.profile.formats.includes('virtual') && wantsVirtualOk)
      ) {
        bump('otherOrganizationNotVirtual');
        return;
      }
      const { score } = explain(j, i);
      if (score < minScore) {
        bump('belowMinScore');
        return;
      }
      list.push({ mentor: j, score });
    });
    open.push(i);
    eligible.push(list);
    excluded.push(ex);
  });
  return { input, mentors, mentees, open, remaining, fixed, unmatched, eligible, excluded, explain };
}

function finish(
  p: Prepared,
  menteeToMentor: Int32Array, // per open mentee
  algorithm: MatchResult['algorithm'],
  ties: MatchResult['ties'],
  noMatchReason: 'capacityTaken' | 'noMutualPreference',
  mutualInterest: MatchResult['mutualInterest'],
): MatchResult {
  const pairs: ProposedPair[] = [...p.fixed];
  const unmatched = [...p.unmatched];
  let totalScore = 0;
  p.open.forEach((i, k) => {
    const j = menteeToMentor[k]!;
    const menteeId = p.mentees[i]!.person.id;
    if (j >= 0) {
      const ex = p.explain(j, i);
      totalScore += ex.score;
      pairs.push({ mentorId: p.mentors[j]!.person.id, menteeId, ...ex, fixed: false });
    } else {
      const n = p.eligible[k]!.length;
      // Excluded for want of a mutual choice only (constraint): say so, not «no eligible mentor».
      const notMutual = (p.excluded[k]!.notMutualChoice ?? 0) > 0;
      const reason = n > 0 ? noMatchReason : notMutual ? 'noMutualPreference' : 'noEligibleMentor';
      unmatched.push({
        menteeId,
        reason,
        text: REASONS[reason],
        excluded: p.excluded[k]!,
        eligibleMentors: n,
      });
    }
  });
  pairs.sort((a, b) =>
    a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : a.menteeId < b.menteeId ? -1 : 1,
  );
  unmatched.sort((a, b) => (a.menteeId < b.menteeId ? -1 : 1));
  return { pairs, unmatched, totalScore, algorithm, ties, mutualInterest };
}

const DENSE_LIMIT = 4_000_000;

/**
 * Pair mentees with mentors by criteria (003 §6.1, 001 3.2), exactly: the
 * most mentees matched first, then the highest total score, with mentor
 * capacities (groups), forbidden pairs, consents (152-ФЗ, checked on
 * `date`) and already approved pairs kept as they are (001 2.2). Small and
 * medium inputs run the dense Jonker–Volgenant solver on mentor places;
 * large ones the sparse capacitated solver. Deterministic: input order does
 * not matter (people are sorted by id).
 *
 * @category Matching
 * @param raw - people, profiles, consents, forbidden and fixed pairs; validated with zod.
 * @param options - criteria, weights, minimum score, candidates per mentee, signal, progress.
 * @returns pairs with per-criterion explanations, and the unmatched mentees with reasons.
 * @throws NastavnikError on invalid input (code, path, Russian message, `messageEn`); `aborted`.
 * @example
 * import { matchOptimal } from '@nastavnik/matching';
 * const result = matchOptimal({ date: '2024-09-10', mentors, mentees, consents });
 * for (const p of result.pairs) console.log(p.mentorId, p.menteeId, p.contributions.map((c) => c.reason.ru));
 * for (const u of result.unmatched) console.log(u.menteeId, u.text.ru);
 */
export function matchOptimal(raw: MatchingInput, options: MatchOptimalOptions = {}): MatchResult {
  const input = parse(MatchingInputSchema, raw);
  const surveyed = input.menteePreferences !== undefined || input.mentorPreferences !== undefined;
  const mutual: MutualInterest =
    options.mutualInterest ?? (surveyed ? { mode: 'weighted', weight: 2 } : { mode: 'none' });
  if (mutual.mode === 'weighted' && !(Number.isFinite(mutual.weight ?? 2) && (mutual.weight ?? 2) >= 0)) {
    throw fail('invalid_input', ['mutualInterest', 'weight'], { reason: 'weightsNegative' });
  }
  const p = prepare(input, options, mutual);
  const nOpen = p.open.length;
  let lists = p.eligible;
  const k = options.candidatesPerMentee;
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 1) {
      throw fail('invalid_input', ['candidatesPerMentee'], { reason: 'candidatesPerMentee' });
    }
    lists = lists.map((l) => [...l].sort((a, b) => b.score - a.score || a.mentor - b.mentor).slice(0, k));
  }
  const slots: number[] = [];
  p.remaining.forEach((r, j) => {
    for (let s = 0; s < r; s++) slots.push(j);
  });
  const menteeToMentor = new Int32Array(nOpen).fill(-1);
  const dense = !options.forceSparse && k === undefined && nOpen * slots.length <= DENSE_LIMIT;
  const solveOpts = {
    maximize: true,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  if (dense) {
    const m = slots.length;
    const firstSlot = new Int32Array(p.mentors.length + 1);
    for (let j = 0; j < p.mentors.length; j++)
      firstSlot[j + 1] = firstSlot[j]! + Math.max(0, p.remaining[j]!);
    // Minimise -score directly: no maximise → minimise copy inside the solver.
    const costs = new Float64Array(nOpen * m).fill(Number.POSITIVE_INFINITY);
    lists.forEach((l, r) => {
      for (const { mentor, score } of l) {
        for (let s = firstSlot[mentor]!; s < firstSlot[mentor + 1]!; s++) costs[r * m + s] = -score;
      }
    });
    const res = solveAssignment(costs, nOpen, m, { ...solveOpts, maximize: false });
    for (let r = 0; r < nOpen; r++) {
      const s = res.rowToCol[r]!;
      if (s >= 0) menteeToMentor[r] = slots[s]!;
    }
  } else {
    const rowStart = new Int32Array(nOpen + 1);
    lists.forEach((l, r) => {
      rowStart[r + 1] = rowStart[r]! + l.length;
    });
    const colIndex = new Int32Array(rowStart[nOpen]!);
    const cost = new Float64Array(rowStart[nOpen]!);
    lists.forEach((l, r) => {
      l.forEach((e, q) => {
        colIndex[rowStart[r]! + q] = e.mentor;
        cost[rowStart[r]! + q] = e.score;
      });
    });
    const capacities = Int32Array.from(p.remaining, (x) => Math.max(0, x));
    const res = solveSparseAssignment(
      { rows: nOpen, cols: p.mentors.length, rowStart, colIndex, cost, capacities },
      solveOpts,
    );
    menteeToMentor.set(res.rowToCol);
  }
  const why = mutual.mode === 'constraint' ? 'noMutualPreference' : 'capacityTaken';
  return finish(p, menteeToMentor, dense ? 'dense' : 'sparse', [], why, mutual.mode);
}

interface StableInstance {
  readonly p: Prepared;
  readonly menteePrefs: PreferenceList[];
  readonly mentorPrefs: PreferenceList[];
  readonly capacities: number[];
}

/** The index-level hospitals/residents instance that {@link matchStable} solves. */
function stableInstance(input: MatchingInput, options: MatchOptions): StableInstance {
  const p = prepare(parse(MatchingInputSchema, input), options);
  const mentorIdx = new Map(p.mentors.map((m, j) => [m.person.id as string, j]));
  const openIdx = new Map(p.open.map((i, k) => [p.mentees[i]!.person.id as string, k]));
  const eligibleSet = p.eligible.map((l) => new Map(l.map((e) => [e.mentor, e.score])));
  const parsedPrefs = p.input;

  const fromSurvey = (
    list: ReadonlyArray<string | readonly string[]>,
    resolve: (id: string) => number | undefined,
    keep: (x: number) => boolean,
  ): PreferenceList => {
    const out: Array<number | number[]> = [];
    const seen = new Set<number>();
    for (const entry of list) {
      const group = (typeof entry === 'string' ? [entry] : entry)
        .map(resolve)
        .filter((x): x is number => x !== undefined && keep(x) && !seen.has(x));
      for (const x of group) seen.add(x);
      if (group.length === 1) out.push(group[0]!);
      else if (group.length > 1) out.push(group);
    }
    return out;
  };
  const byScore = (entries: Array<[number, number]>): PreferenceList => {
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const out: Array<number | number[]> = [];
    let k = 0;
    while (k < entries.length) {
      let e = k + 1;
      while (e < entries.length && entries[e]![1] === entries[k]![1]) e++;
      const group = entries.slice(k, e).map((x) => x[0]);
      out.push(group.length === 1 ? group[0]! : group);
      k = e;
    }
    return out;
  };

  const menteePrefs: PreferenceList[] = p.open.map((i, k) => {
    const survey = parsedPrefs.menteePreferences?.[p.mentees[i]!.person.id];
    if (survey)
      return fromSurvey(
        survey,
        (id) => mentorIdx.get(id),
        (j) => eligibleSet[k]!.has(j),
      );
    return byScore([...eligibleSet[k]!.entries()]);
  });
  const mentorPrefs: PreferenceList[] = p.mentors.map((m, j) => {
    const survey = parsedPrefs.mentorPreferences?.[m.person.id];
    if (survey)
      return fromSurvey(
        survey,
        (id) => openIdx.get(id),
        (k) => eligibleSet[k]!.has(j),
      );
    const entries: Array<[number, number]> = [];
    eligibleSet.forEach((s, k) => {
      const sc = s.get(j);
      if (sc !== undefined) entries.push([k, sc]);
    });
    return byScore(entries);
  });
  return { p, menteePrefs, mentorPrefs, capacities: Array.from(p.remaining, (x) => Math.max(0, x)) };
}

/**
 * Pair mentees with mentors by mutual choice (the preference survey after
 * the group meeting, 004 §4): hospitals/residents deferred acceptance with
 * mentor capacities. Mentee-proposing by default (the best stable result for
 * every mentee); `proposing: 'mentor'` for the mentor-optimal one. Only
 * eligible pairs (consents, forbidden pairs, capacity, fixed pairs) count;
 * a side without survey answers is ranked by score. Ties are broken by id
 * order and reported.
 *
 * @category Matching
 * @param input - as for {@link matchOptimal}, plus `menteePreferences` / `mentorPreferences`.
 * @param options - `proposing`, criteria and weights (for ranking and explanations), signal, progress.
 * @returns a stable matching with explanations and reasons for the unmatched.
 * @throws NastavnikError on invalid input; `aborted`.
 * @example
 * import { matchStable } from '@nastavnik/matching';
 * const result = matchStable({
 *   date: '2024-09-20', mentors, mentees, consents,
 *   menteePreferences: { 'p-1': ['t-2', 't-1'] },
 *   mentorPreferences: { 't-1': ['p-1'], 't-2': [['p-1', 'p-2']] },
 * });
 */
export function matchStable(input: MatchingInput, options: MatchStableOptions = {}): MatchResult {
  const { p, menteePrefs, mentorPrefs, capacities } = stableInstance(input, options);
  const res = solveStableAssignment(
    { menteePrefs, mentorPrefs, capacities },
    {
      ...(options.proposing ? { proposing: options.proposing } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  const ties = res.ties.map((t: BrokenTie) =>
    t.side === 'mentee'
      ? {
          side: t.side,
          id: p.mentees[p.open[t.index]!]!.person.id as string,
          order: t.order.map((j) => p.mentors[j]!.person.id as string),
        }
      : {
          side: t.side,
          id: p.mentors[t.index]!.person.id as string,
          order: t.order.map((k) => p.mentees[p.open[k]!]!.person.id as string),
        },
  );
  return finish(p, res.menteeToMentor, 'deferredAcceptance', ties, 'noMutualPreference', 'stable');
}

const PairsSchema = z.object({
  pairs: z.array(z.object({ mentorId: z.string().min(1), menteeId: z.string().min(1) })),
});

/**
 * A mentor and a mentee, by id, who both prefer each other to what a
 * matching gave them.
 *
 * @category Matching
 * @example
 * const b: IdBlockingPair = { mentorId: 't-2', menteeId: 'p-1' };
 */
export interface IdBlockingPair {
  readonly mentorId: string;
  readonly menteeId: string;
}

/**
 * The result of {@link verifyStableMatching}.
 *
 * @category Matching
 * @example
 * const { stable, blockingPairs } = verifyStableMatching(input, result);
 */
export interface StableVerification {
  /** True when no blocking pair exists. */
  readonly stable: boolean;
  /** Blocking pairs sorted by mentee id, then mentor id. */
  readonly blockingPairs: readonly IdBlockingPair[];
}

/**
 * Check a mutual-choice matching at the level of ids: rebuild exactly the
 * preference lists {@link matchStable} uses for `input` and `options` (the
 * survey restricted to eligible pairs, or the score ranking for a side
 * without answers; ties are indifference) and list every mentor–mentee pair
 * that blocks `result`. Pairs of `input.fixedPairs` are kept and take the
 * mentor's places, as in {@link matchStable}. Works on any list of pairs,
 * not only on a result of this package, so a curator's manual edits can be
 * checked too.
 *
 * @category Matching
 * @param input - the same input as for {@link matchStable}.
 * @param result - the pairs to check (`{ pairs: [{ mentorId, menteeId }] }`, e.g. a {@link MatchResult}).
 * @param options - the same criteria, weights and `minScore` as for {@link matchStable}.
 * @returns whether the matching is stable and its blocking pairs by ids.
 * @throws NastavnikError on invalid input; `unknown_reference` for an unknown id; `duplicate_mentee`
 *   when a mentee appears twice; `invalid_input` for a pair that is not eligible or not acceptable to
 *   both sides; `too_big` when a mentor holds more mentees than places.
 * @example
 * import { matchStable, verifyStableMatching } from '@nastavnik/matching';
 * const result = matchStable(input);
 * verifyStableMatching(input, result); // { stable: true, blockingPairs: [] }
 * verifyStableMatching(input, { pairs: [] }).blockingPairs; // e.g. [{ mentorId: 't-1', menteeId: 'p-1' }]
 */
export function verifyStableMatching(
  input: MatchingInput,
  result: { readonly pairs: ReadonlyArray<{ readonly mentorId: string; readonly menteeId: string }> },
  options: MatchOptions = {},
): StableVerification {
  const { p, menteePrefs, mentorPrefs, capacities } = stableInstance(input, options);
  const pairs = parse(PairsSchema, result);
  const mentorIdx = new Map(p.mentors.map((m, j) => [m.person.id as string, j]));
  const openIdx = new Map(p.open.map((i, k) => [p.mentees[i]!.person.id as string, k]));
  const fixedOf = new Map(p.fixed.map((f) => [f.menteeId, f.mentorId]));
  const menteeToMentor = new Int32Array(p.open.length).fill(-1);
  const seen = new Set<string>();
  pairs.pairs.forEach((pair, k) => {
    const j = mentorIdx.get(pair.mentorId);
    const known = j !== undefined && p.mentees.some((m) => m.person.id === pair.menteeId);
    if (!known) {
      throw fail('unknown_reference', ['pairs', k], { ref: 'pair' });
    }
    if (seen.has(pair.menteeId)) {
      throw fail('duplicate_mentee', ['pairs', k], { scope: 'pairs' });
    }
    seen.add(pair.menteeId);
    const fixedMentor = fixedOf.get(pair.menteeId);
    if (fixedMentor !== undefined) {
      if (fixedMentor !== pair.mentorId) {
        throw fail('invalid_input', ['pairs', k], { reason: 'menteeFixedElsewhere' });
      }
      return; // a fixed pair: its place is already taken off the mentor
    }
    const open = openIdx.get(pair.menteeId);
    if (open === undefined) {
      throw fail('invalid_input', ['pairs', k], { reason: 'menteeWithoutConsent' });
    }
    menteeToMentor[open] = j;
  });
  let blocking: Array<{ mentee: number; mentor: number }>;
  try {
    blocking = findBlockingPairs({ menteePrefs, mentorPrefs, capacities }, menteeToMentor);
  } catch (e) {
    // re-address index-level errors to the pairs of `result`
    if (isNastavnikError(e) && e.path[0] === 'menteeToMentor') {
      const open = typeof e.path[1] === 'number' ? e.path[1] : -1;
      const menteeId = open >= 0 ? p.mentees[p.open[open]!]!.person.id : undefined;
      const k = pairs.pairs.findIndex((x) => x.menteeId === menteeId);
      throw new NastavnikError([{ ...e.issues[0]!, path: k >= 0 ? ['pairs', k] : ['pairs'] }]);
    }
    throw e;
  }
  const blockingPairs = blocking
    .map(({ mentee, mentor }) => ({
      mentorId: p.mentors[mentor]!.person.id as string,
      menteeId: p.mentees[p.open[mentee]!]!.person.id as string,
    }))
    .sort((a, b) =>
      a.menteeId < b.menteeId
        ? -1
        : a.menteeId > b.menteeId
          ? 1
          : a.mentorId < b.mentorId
            ? -1
            : a.mentorId > b.mentorId
              ? 1
              : 0,
    );
  return { stable: blockingPairs.length === 0, blockingPairs };
}
