import { z } from 'zod';
import { dateParts, dayNumber, dayNumberFromParts, daysInMonth } from './calendar';
import { type IsoDate, termMonths } from './dates';
import { type CatalogueId, CatalogueIdSchema } from './enums';
import { type IssuePath, NastavnikError, type NastavnikIssue, nastavnikIssue } from './errors';
import type { IssueParams } from './issueParams';
import { registerCatalogue } from './messages/catalogue';

registerCatalogue();

/**
 * The terms of a personal programme as policy (003 §1.2: from 3 months to
 * 1 year; 003 §7.2: extended by mutual agreement). The seeds set no ceiling on
 * an extension; by default a programme runs at most 2 years with its
 * extensions — a school or region sets its own.
 *
 * @category Terms
 * @example
 * const policy = TermPolicySchema.parse({ maxExtendedMonths: 18 });
 */
export const TermPolicySchema = z
  .object({
    /** Shortest programme, in months (003 §1.2: 3). */
    minMonths: z.number().int().min(0).max(120).default(3),
    /** Longest programme as approved, in months (003 §1.2: 12). */
    maxMonths: z.number().int().min(1).max(120).default(12),
    /** Longest programme with its extensions, in months (not in the seeds: 24 by default). */
    maxExtendedMonths: z.number().int().min(1).max(240).default(24),
    /** Formats that are a single meeting, with no minimum term (003 §2.3: скоростное). */
    singleMeetingFormats: z.array(CatalogueIdSchema).default(['speed']),
  })
  .refine((p) => p.minMonths <= p.maxMonths && p.maxMonths <= p.maxExtendedMonths, {
    message: 'minMonths ≤ maxMonths ≤ maxExtendedMonths',
  });
/** A term policy. @category Terms @example const p: TermPolicy = defaultTermPolicy; */
export type TermPolicy = z.infer<typeof TermPolicySchema>;

/**
 * The default {@link TermPolicy}: 3–12 months (003 §1.2), at most 24 with
 * extensions, `speed` (скоростное) a single meeting.
 *
 * @category Terms
 * @example
 * defaultTermPolicy.maxMonths; // 12
 */
export const defaultTermPolicy: TermPolicy = {
  minMonths: 3,
  maxMonths: 12,
  maxExtendedMonths: 24,
  singleMeetingFormats: ['speed'],
};

/**
 * Why a term breaks the policy: a stable code, the seed rule it cites, and
 * typed params (dates, months).
 *
 * @category Terms
 * @example
 * const v: TermViolation = { code: 'programme_too_long', rule: '003 §1.2', params: { months: 32, maximum: 12 } };
 */
export interface TermViolation {
  readonly code: IssueParams['term_outside_policy']['violation'];
  /** The seed paragraph the rule comes from. */
  readonly rule: IssueParams['term_outside_policy']['rule'];
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Whether a programme of these formats is a single meeting (no minimum term,
 * 003 §2.3: скоростное — однократная встреча).
 *
 * @category Terms
 * @example
 * isSingleMeeting(['speed', 'virtual']); // true
 */
export function isSingleMeeting(
  formats: readonly CatalogueId[] | undefined,
  policy: TermPolicy = defaultTermPolicy,
): boolean {
  return formats?.some((f) => policy.singleMeetingFormats.includes(f)) ?? false;
}

// Compare against the exclusive end: 1 Sep – 30 Nov is exactly 3 months. Compare day numbers, not
// ISO strings (a year past 9999 would not write as YYYY).
const endExclusive = (end: IsoDate) => dayNumber(end) + 1;
/** The day number `months` after `start`, the day clamped to the month's end (as addMonthsIso). */
const after = (start: IsoDate, months: number) => {
  const s = dateParts(start);
  const index = s.year * 12 + s.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumberFromParts(year, month, Math.min(s.day, daysInMonth(year, month)));
};

/**
 * Check a personal programme's term against the policy: it ends after it
 * starts, starts on or after its approval and has not ended by then (003
 * §6.2: approved by an order), and lasts from `minMonths` to `maxMonths`
 * (003 §1.2) — a single-meeting format has no minimum. Returns the first
 * violation, or null.
 *
 * @category Terms
 * @example
 * checkProgrammeTerm({ start: '2023-09-01', end: '2026-04-30' })?.code; // 'programme_too_long'
 */
export function checkProgrammeTerm(
  term: {
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly approvedAt?: IsoDate | undefined;
    readonly formats?: readonly CatalogueId[] | undefined;
  },
  policy: TermPolicy = defaultTermPolicy,
): TermViolation | null {
  const { start, end } = term;
  if (end < start) return { code: 'invalid_date_range', rule: '003 §1.2', params: { start, end } };
  if (term.approvedAt !== undefined) {
    if (end < term.approvedAt) {
      return {
        code: 'programme_already_ended',
        rule: '003 §6.2',
        params: { end, approvedAt: term.approvedAt },
      };
    }
    if (start < term.approvedAt) {
      return {
        code: 'programme_before_approval',
        rule: '003 §6.2',
        params: { start, approvedAt: term.approvedAt },
      };
    }
  }
  const months = termMonths(start, end);
  if (!isSingleMeeting(term.formats, policy) && endExclusive(end) < after(start, policy.minMonths)) {
    return { code: 'programme_too_short', rule: '003 §1.2', params: { months, minimum: policy.minMonths } };
  }
  if (endExclusive(end) > after(start, policy.maxMonths)) {
    return { code: 'programme_too_long', rule: '003 §1.2', params: { months, maximum: policy.maxMonths } };
  }
  return null;
}

/**
 * Check an extension against the policy (003 §7.2): agreed before the
 * programme's current end, moving the end later, and keeping the whole term
 * within `maxExtendedMonths`. Returns the first violation, or null.
 *
 * @category Terms
 * @example
 * checkExtension({ start: '2023-09-01', end: '2024-05-31', newEnd: '2034-05-31', agreedAt: '2024-05-01' })?.code; // 'extension_too_long'
 */
export function checkExtension(
  x: { readonly start: IsoDate; readonly end: IsoDate; readonly newEnd: IsoDate; readonly agreedAt: IsoDate },
  policy: TermPolicy = defaultTermPolicy,
): TermViolation | null {
  if (x.agreedAt > x.end) {
    return { code: 'extension_after_end', rule: '003 §7.2', params: { agreedAt: x.agreedAt, end: x.end } };
  }
  if (x.newEnd <= x.end) {
    return { code: 'extension_not_later', rule: '003 §7.2', params: { newEnd: x.newEnd, end: x.end } };
  }
  if (endExclusive(x.newEnd) > after(x.start, policy.maxExtendedMonths)) {
    return {
      code: 'extension_too_long',
      rule: '003 §7.2',
      params: { months: termMonths(x.start, x.newEnd), maximum: policy.maxExtendedMonths },
    };
  }
  return null;
}

/**
 * The issue of a term violation: its code and typed params from the error
 * catalogue (`programme_too_short`, `programme_too_long`,
 * `extension_too_long`, or `invalid_date_range` with its reason).
 *
 * @category Terms
 * @example
 * termIssue(checkProgrammeTerm({ start: '2023-09-01', end: '2026-04-30' })!, ['end']).code; // 'programme_too_long'
 */
export function termIssue(violation: TermViolation, path: IssuePath): NastavnikIssue {
  const n = (key: string) => Number(violation.params[key]);
  switch (violation.code) {
    case 'programme_too_short':
      return nastavnikIssue('programme_too_short', path, { months: n('minimum') });
    case 'programme_too_long':
      return nastavnikIssue('programme_too_long', path, { months: n('maximum') });
    case 'extension_too_long':
      return nastavnikIssue('extension_too_long', path, { months: n('maximum') });
    case 'invalid_date_range':
      return nastavnikIssue('invalid_date_range', path, { reason: 'programmeEndsBeforeStart' });
    case 'programme_before_approval':
      return nastavnikIssue('invalid_date_range', path, { reason: 'programmeBeforeApproval' });
    case 'programme_already_ended':
      return nastavnikIssue('invalid_date_range', path, { reason: 'programmeEndedBeforeApproval' });
    case 'extension_not_later':
      return nastavnikIssue('invalid_date_range', path, { reason: 'extensionNotLater' });
    case 'extension_after_end':
      return nastavnikIssue('invalid_date_range', path, { reason: 'extensionAfterEnd' });
  }
}

/**
 * Throw a {@link NastavnikError} at `path` when the term breaks the policy
 * ({@link checkProgrammeTerm}): for a builder or a service at its boundary.
 *
 * @category Terms
 * @example
 * assertProgrammeTerm({ start: '2023-09-15', end: '2024-05-31' }, defaultTermPolicy, ['end']);
 */
export function assertProgrammeTerm(
  term: Parameters<typeof checkProgrammeTerm>[0],
  policy: TermPolicy = defaultTermPolicy,
  path: IssuePath = [],
): void {
  const violation = checkProgrammeTerm(term, policy);
  if (violation !== null) throw new NastavnikError([termIssue(violation, path)]);
}
