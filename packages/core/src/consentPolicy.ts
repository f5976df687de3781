import { z } from 'zod';
import { type Consent, type ConsentCause, ConsentGiverSchema, decideConsent } from './consent';
import type { IsoDate } from './dates';
import { type ConsentPurpose, ConsentPurposeSchema, PersonCategorySchema } from './enums';
import { type IssuePath, NastavnikError, type NastavnikIssue, nastavnikIssue } from './errors';
import type { PersonId } from './ids';
import { registerCatalogue } from './messages/catalogue';
import { parse } from './parse';
import type { Person } from './person';
import { safeText } from './text';

registerCatalogue();

/**
 * What the SDK does with a person's data, each a separate question to the
 * consent policy (152-ФЗ ст. 5 ч. 2: processing is limited to specific
 * purposes):
 * - `registry` — keeping the person in the mentor or mentee base (001 2.x, 3.x);
 * - `matching` — proposing pairs;
 * - `pair` — joining a pair: the order approving pairs, the pair's work;
 * - `documents` — naming the person in any other document of the programme;
 * - `publication` — disseminating their data (a site, a press release; ст. 10.1);
 * - `export` — records leaving the school (municipality, region), depersonalised.
 *
 * @category Consents
 * @example
 * ProcessingActivitySchema.parse('matching');
 */
export const ProcessingActivitySchema = z.enum([
  'registry',
  'matching',
  'pair',
  'documents',
  'publication',
  'export',
]);
/** A processing activity. @category Consents @example const a: ProcessingActivity = 'pair'; */
export type ProcessingActivity = z.infer<typeof ProcessingActivitySchema>;

/**
 * The role a person is asked about: `mentor`, `mentee`, or `participant` when
 * the role does not matter (a registry row, a document).
 *
 * @category Consents
 * @example
 * ConsentRoleSchema.parse('mentee');
 */
export const ConsentRoleSchema = z.enum(['mentor', 'mentee', 'participant']);
/** A role for the consent policy. @category Consents @example const r: ConsentRole = 'mentor'; */
export type ConsentRole = z.infer<typeof ConsentRoleSchema>;

/**
 * One rule of a {@link ConsentPolicy}: for these activities, roles and person
 * categories, these consents are required. Absent `roles` or `categories`
 * mean «any». A person needs the union of every rule that applies.
 *
 * @category Consents
 * @example
 * const r = ConsentRuleSchema.parse({ activities: ['pair'], categories: ['pupil'], purposes: ['participation'] });
 */
export const ConsentRuleSchema = z.object({
  activities: z.array(ProcessingActivitySchema).min(1),
  roles: z.array(ConsentRoleSchema).min(1).optional(),
  categories: z.array(PersonCategorySchema).min(1).optional(),
  purposes: z.array(ConsentPurposeSchema).min(1),
});
/** A rule of a consent policy. @category Consents @example const r: ConsentRule = { activities: ['pair'], purposes: ['personalData'] }; */
export type ConsentRule = z.infer<typeof ConsentRuleSchema>;

/**
 * The one consent policy every package asks: which written consents a person
 * needs for an activity, who may sign for a minor, and how long data is kept
 * once there is no ground to process it. Data, not code: a region overrides
 * it by passing its own policy.
 *
 * - `minorSigners`: who signs for a minor (152-ФЗ ст. 9 ч. 4 п. 2 and 004 §1:
 *   a parent or another legal representative);
 * - `retention`: days to destroy (or depersonalise) data once the purpose is
 *   achieved (ст. 21 ч. 4) or the consent withdrawn (ст. 21 ч. 5); at most the
 *   statutory 30 days, a region may only shorten them; `onPurposeAchieved`
 *   chooses between destruction and depersonalisation (ст. 5 ч. 7).
 *
 * @category Consents
 * @example
 * const regional = parse(ConsentPolicySchema, {
 *   ...defaultConsentPolicy,
 *   id: 'lenobl-2026',
 *   rules: [...defaultConsentPolicy.rules, { activities: ['matching'], categories: ['pupil'], purposes: ['participation'] }],
 * });
 */
export const ConsentPolicySchema = z.object({
  id: safeText().trim().min(1).max(100),
  rules: z.array(ConsentRuleSchema).min(1),
  minorSigners: z
    .array(ConsentGiverSchema.exclude(['self']))
    .min(1)
    .default(['parent', 'guardian']),
  retention: z
    .object({
      purposeAchievedDays: z.number().int().min(0).max(30).default(30),
      withdrawalDays: z.number().int().min(0).max(30).default(30),
      onPurposeAchieved: z.enum(['destroy', 'depersonalise']).default('destroy'),
    })
    .default({ purposeAchievedDays: 30, withdrawalDays: 30, onPurposeAchieved: 'destroy' }),
});
/** A consent policy. @category Consents @example const p: ConsentPolicy = defaultConsentPolicy; */
export type ConsentPolicy = z.infer<typeof ConsentPolicySchema>;
/** A consent policy as written (defaults may be omitted). @category Consents @example const p: ConsentPolicyInput = { id: 'x', rules: [{ activities: ['pair'], purposes: ['personalData'] }] }; */
export type ConsentPolicyInput = z.input<typeof ConsentPolicySchema>;

const LEARNERS = ['pupil', 'student'] as const;
// Everyone who is not a learner consents to the extra duties, as the order of pairs always asked.
const STAFF = ['teacher', 'head', 'employer', 'parent', 'other'] as const;

/**
 * The default policy, from the seeds and 152-ФЗ:
 * - every activity needs the consent to the processing of personal data
 *   (ст. 9 ч. 1; 004 §1, 001 2.x, 3.x), signed by a parent or guardian for a
 *   minor (004 §1);
 * - joining a pair (the order, the pair's work): learners (pupils, students)
 *   consent to participation, staff (teachers, heads, employer's staff) to
 *   the extra duties of mentoring (003 §3.2–3.3), whatever their role — so a
 *   pupil mentor needs participation, not «mentor duties»;
 * - publication needs the separate consent to dissemination (ст. 10.1);
 * - records leaving the school (`export`: the registry as a file, the
 *   records indicators and a region receive): a mentor's or a mentee's
 *   records of the programme need the consent to the processing of personal
 *   data (ст. 9 ч. 4 п. 7 lists the transfer among the actions consented
 *   to); the roster record of a pupil or a teacher (role `participant`: the
 *   organization, the category, the age band) is processed under the
 *   education law (ст. 6 ч. 1 п. 2) and leaves only depersonalised, for
 *   statistics (ст. 6 ч. 1 п. 9), so it needs no consent of its own — the
 *   denominators of coverage are every pupil and teacher, not only those
 *   who joined. A region that wants consent for it too adds the rule.
 *
 * @category Consents
 * @example
 * requiredConsents(defaultConsentPolicy, pupil, 'mentor', 'pair'); // ['personalData', 'participation']
 */
export const defaultConsentPolicy: ConsentPolicy = parse(ConsentPolicySchema, {
  id: 'default-152fz',
  rules: [
    {
      activities: ['registry', 'matching', 'pair', 'documents', 'publication'],
      purposes: ['personalData'],
    },
    // A participant's records of the programme (registry, requests, pairs, answers) leave the school only
    // with the consent; the roster record (organization, category, age band) is not consent-based.
    { activities: ['export'], roles: ['mentor', 'mentee'], purposes: ['personalData'] },
    { activities: ['pair'], categories: [...LEARNERS], purposes: ['participation'] },
    { activities: ['pair'], categories: [...STAFF], purposes: ['mentorDuties'] },
    { activities: ['publication'], purposes: ['publication'] },
  ],
});

const PURPOSE_ORDER = ConsentPurposeSchema.options;

/**
 * The consents a person needs for an activity in a role under a policy: the
 * union of the rules that apply, in the fixed order of purposes.
 *
 * @category Consents
 * @example
 * requiredConsents(defaultConsentPolicy, teacher, 'mentor', 'pair'); // ['personalData', 'mentorDuties']
 */
export function requiredConsents(
  policy: ConsentPolicy,
  person: Pick<Person, 'category'>,
  role: ConsentRole,
  activity: ProcessingActivity,
): readonly ConsentPurpose[] {
  const need = new Set<ConsentPurpose>();
  for (const rule of policy.rules) {
    if (!rule.activities.includes(activity)) continue;
    if (rule.roles !== undefined && !rule.roles.includes(role)) continue;
    if (rule.categories !== undefined && !rule.categories.includes(person.category)) continue;
    for (const p of rule.purposes) need.add(p);
  }
  return PURPOSE_ORDER.filter((p) => need.has(p));
}

/**
 * A consent a person lacks: who (by id, never by name), which purpose, and why.
 *
 * @category Consents
 * @example
 * const g: ConsentGapItem = { personId: 'pupil-1' as PersonId, purpose: 'participation', cause: 'consent_missing' };
 */
export interface ConsentGapItem {
  readonly personId: PersonId;
  readonly purpose: ConsentPurpose;
  readonly cause: ConsentCause;
}

/**
 * The single judge: every consent the policy requires of a person for an
 * activity in a role that is not in force on `date` (missing, withdrawn,
 * expired, or signed by a minor themself). Empty: the person may be
 * processed. The pair machine, matching, the document builders, registry
 * import and the exports all ask it.
 *
 * @category Consents
 * @example
 * const gaps = consentGap(defaultConsentPolicy, pupil, 'mentee', 'pair', consents, '2023-10-04');
 * if (gaps.length > 0) console.log(gaps.map((g) => `${g.personId}: ${g.purpose} (${g.cause})`));
 */
export function consentGap(
  policy: ConsentPolicy,
  person: Pick<Person, 'id' | 'category' | 'birthDate'>,
  role: ConsentRole,
  activity: ProcessingActivity,
  consents: readonly Consent[],
  date: IsoDate,
): readonly ConsentGapItem[] {
  const gaps: ConsentGapItem[] = [];
  for (const purpose of requiredConsents(policy, person, role, activity)) {
    const d = decideConsent(person, consents, date, purpose, policy.minorSigners);
    if (!d.allowed) gaps.push({ personId: person.id, purpose, cause: d.code });
  }
  return gaps;
}

/**
 * Whether a person may be processed for an activity (no {@link consentGap}).
 *
 * @category Consents
 * @example
 * const ok = mayProcessFor(defaultConsentPolicy, mentor, 'mentor', 'matching', consents, '2023-09-20');
 */
export function mayProcessFor(
  policy: ConsentPolicy,
  person: Pick<Person, 'id' | 'category' | 'birthDate'>,
  role: ConsentRole,
  activity: ProcessingActivity,
  consents: readonly Consent[],
  date: IsoDate,
): boolean {
  return consentGap(policy, person, role, activity, consents, date).length === 0;
}

/**
 * One issue per consent gap: the code is the cause, the path points to the
 * person in the caller's input, the message names the person's id and the
 * purpose — never the name.
 *
 * @category Consents
 * @example
 * const issues = consentGapIssues(gaps, ['pairs', 0, 'mentorId']);
 */
export function consentGapIssues(gaps: readonly ConsentGapItem[], path: IssuePath): NastavnikIssue[] {
  return gaps.map((g) =>
    nastavnikIssue(g.cause, path, { personId: g.personId, purpose: g.purpose, cause: g.cause }),
  );
}

/**
 * A person to check with {@link requireConsents}: the person, their role and
 * where they are in the caller's input.
 *
 * @category Consents
 * @example
 * const s: ConsentSubject = { person: mentor, role: 'mentor', path: ['pairs', 0, 'mentorId'] };
 */
export interface ConsentSubject {
  readonly person: Pick<Person, 'id' | 'category' | 'birthDate'>;
  readonly role: ConsentRole;
  readonly path: IssuePath;
}

/**
 * Throw a {@link NastavnikError} listing every missing consent of every
 * subject (ids and purposes only), or return when all are in force. What a
 * document builder calls before it prints a single name.
 *
 * @category Consents
 * @example
 * requireConsents(defaultConsentPolicy, [{ person: mentor, role: 'mentor', path: ['mentorId'] }], 'pair', consents, '2023-10-04');
 */
export function requireConsents(
  policy: ConsentPolicy,
  subjects: readonly ConsentSubject[],
  activity: ProcessingActivity,
  consents: readonly Consent[],
  date: IsoDate,
): void {
  const issues: NastavnikIssue[] = [];
  for (const s of subjects) {
    issues.push(...consentGapIssues(consentGap(policy, s.person, s.role, activity, consents, date), s.path));
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new NastavnikError([first, ...rest]);
}
