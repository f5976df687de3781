import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { CatalogueIdSchema, MeetingKindSchema } from './enums';
import { domainRule, type NastavnikIssue } from './errors';
import {
  MeetingIdSchema,
  OrderIdSchema,
  OrganizationIdSchema,
  PairIdSchema,
  PersonalProgrammeIdSchema,
  PersonIdSchema,
  PlanItemIdSchema,
  RequestIdSchema,
} from './ids';
import { registerCatalogue } from './messages/catalogue';
import { checkExtension, checkProgrammeTerm, termIssue } from './termPolicy';
import { safeText } from './text';

registerCatalogue();

/**
 * How a pair was proposed: by the matching algorithm, by the curator, or by
 * mutual choice in the preference survey after the group meeting (004 §4).
 *
 * @category Pairs
 * @example
 * PairOriginSchema.parse('mutualChoice');
 */
export const PairOriginSchema = z.enum(['matching', 'curator', 'mutualChoice']);
/** How a pair was proposed. @category Pairs @example const o: PairOrigin = 'matching'; */
export type PairOrigin = z.infer<typeof PairOriginSchema>;

/**
 * A mentoring pair: one mentor and one or more mentees (a group is a pair
 * with several mentees, 003 §2.3), with a form (role pattern) and one or
 * more formats. Its life (consents, order, meetings, completion) is run by
 * the pair machine of `@nastavnik/machines`.
 *
 * @category Pairs
 * @example
 * const pair = parse(PairSchema, {
 *   id: 'pair-1', organizationId: 'rassvet', mentorId: 't-7', menteeIds: ['t-2'],
 *   form: 'educatorEducator', formats: ['traditional'], origin: 'curator',
 * });
 */
export const PairSchema = z
  .object({
    id: PairIdSchema,
    organizationId: OrganizationIdSchema,
    mentorId: PersonIdSchema,
    menteeIds: z.array(PersonIdSchema),
    /** Catalogue `mentorshipForms`. */
    form: CatalogueIdSchema,
    /** Catalogue `mentorshipFormats`; at least one. */
    formats: z.array(CatalogueIdSchema).min(1),
    origin: PairOriginSchema,
    /** The requests this pair answers. */
    requestIds: z.array(RequestIdSchema).default([]),
    /** The order that approved the pair, once approved. */
    orderId: OrderIdSchema.optional(),
  })
  .superRefine((p, ctx) => {
    // 003 §2.3: a group is one mentor with two or more mentees; traditional is «один на один».
    const size = pairSizeIssue(p.formats, p.menteeIds.length);
    if (size) {
      ctx.addIssue({
        code: 'custom',
        path: ['menteeIds'],
        message: 'pair_size_mismatch',
        params: domainRule('pair_size_mismatch', size),
      });
    }
    if (p.menteeIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['menteeIds'],
        message: 'no mentees',
        params: domainRule('pair_without_mentees'),
      });
    }
    p.menteeIds.forEach((m, i) => {
      if (m === p.mentorId) {
        ctx.addIssue({
          code: 'custom',
          path: ['menteeIds', i],
          message: 'self pair',
          params: domainRule('self_pair'),
        });
      }
      if (p.menteeIds.indexOf(m) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['menteeIds', i],
          message: 'duplicate mentee',
          params: domainRule('duplicate_mentee', { scope: 'pair' }),
        });
      }
    });
  });
/** A pair or group. @category Pairs @example const p: Pair = parse(PairSchema, raw); */
export type Pair = z.infer<typeof PairSchema>;
/** A pair as written. @category Pairs @example const p: PairInput = { id: 'p', organizationId: 'o', mentorId: 'a', menteeIds: ['b'], form: 'educatorEducator', formats: ['traditional'], origin: 'curator' }; */
export type PairInput = z.input<typeof PairSchema>;

/**
 * Whether a pair's formats and its number of mentees agree (003 §2.3): a
 * `group` has two or more mentees, a `traditional` («один на один») pair
 * exactly one. Returns the params of a `pair_size_mismatch` issue, or null.
 *
 * @category Pairs
 * @example
 * pairSizeIssue(['group'], 1); // { format: 'group', mentees: 1 }
 */
export function pairSizeIssue(
  formats: readonly string[],
  mentees: number,
): { readonly format: string; readonly mentees: number } | null {
  if (formats.includes('group') && mentees < 2) return { format: 'group', mentees };
  if (formats.includes('traditional') && !formats.includes('group') && mentees > 1) {
    return { format: 'traditional', mentees };
  }
  return null;
}

/**
 * Whether a pair is a group (one mentor, several mentees).
 *
 * @category Pairs
 * @example
 * isGroup({ menteeIds: ['a', 'b'] }); // true
 */
export function isGroup(pair: Pick<Pair, 'menteeIds'>): boolean {
  return pair.menteeIds.length > 1;
}

/**
 * An item of the individual plan: what, by when, with what expected result;
 * `doneAt` once done.
 *
 * @category Pairs
 * @example
 * PlanItemSchema.parse({ id: 'i1', title: 'Посещение уроков наставника', due: '2023-10-31', expectedResult: 'Анализ 4 уроков' });
 */
export const PlanItemSchema = z
  .object({
    id: PlanItemIdSchema,
    title: safeText().trim().min(1).max(500),
    description: safeText().trim().min(1).max(2000).optional(),
    /** Start of the item's work, if not the programme's start. */
    start: IsoDateSchema.optional(),
    due: IsoDateSchema,
    expectedResult: safeText().trim().min(1).max(1000),
    doneAt: IsoDateSchema.optional(),
    /** In a group programme: the mentee whose item this is (a plan per mentee, 004 §4); absent for all. */
    menteeId: PersonIdSchema.optional(),
    /** The mentor's time the item took or is planned to take, in minutes (for the mentor's hours). */
    durationMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .superRefine((it, ctx) => {
    if (it.start !== undefined && it.start > it.due) {
      ctx.addIssue({
        code: 'custom',
        path: ['due'],
        message: 'range',
        params: domainRule('invalid_date_range', { reason: 'planItemDueBeforeStart' }),
      });
    }
  });
/** A plan item. @category Pairs @example const i: PlanItem = parse(PlanItemSchema, raw); */
export type PlanItem = z.infer<typeof PlanItemSchema>;

/**
 * An agreed change of a personal programme's term (003 §7.2: only by mutual
 * agreement of mentor and mentee).
 *
 * @category Pairs
 * @example
 * ExtensionSchema.parse({ newEnd: '2024-12-31', agreedAt: '2024-05-20', reason: 'Подготовка к аттестации' });
 */
export const ExtensionSchema = z.object({
  newEnd: IsoDateSchema,
  agreedAt: IsoDateSchema,
  reason: safeText().trim().min(1).max(1000),
});
/** An extension of a programme. @category Pairs @example const e: Extension = { newEnd: '2024-12-31', agreedAt: '2024-05-20', reason: '…' }; */
export type Extension = z.infer<typeof ExtensionSchema>;

/** Shortest term of a personal programme, in months (003 §1.2). @category Pairs @example MIN_PROGRAMME_MONTHS; // 3 */
export const MIN_PROGRAMME_MONTHS = 3;
/** Longest term of a personal programme before extension, in months (003 §1.2). @category Pairs @example MAX_PROGRAMME_MONTHS; // 12 */
export const MAX_PROGRAMME_MONTHS = 12;

// A catalogue issue as the tag a zod refinement carries (see core `domainRule`).
const asRule = (issue: NastavnikIssue) =>
  ({ nastavnik: true, code: issue.code, params: issue.params }) as const;

/**
 * A personalised mentoring programme of a pair: from 3 months to 1 year
 * (003 §1.2), with goals and an individual plan. Extensions (by mutual
 * agreement) may take the end past 12 months.
 *
 * @category Pairs
 * @example
 * const pp = parse(PersonalProgrammeSchema, {
 *   id: 'pp-1', pairId: 'pair-1', start: '2023-09-15', end: '2024-05-31',
 *   goals: ['Адаптация молодого специалиста'],
 *   plan: [{ id: 'i1', title: 'Разработка технологических карт уроков', due: '2023-10-31', expectedResult: '5 карт' }],
 * });
 */
export const PersonalProgrammeSchema = z
  .object({
    id: PersonalProgrammeIdSchema,
    pairId: PairIdSchema,
    start: IsoDateSchema,
    end: IsoDateSchema,
    goals: z.array(safeText().trim().min(1).max(1000)).min(1),
    /** Directions of work (e.g. «методика преподавания», «воспитательная работа»). */
    directions: z.array(safeText().trim().min(1).max(300)).default([]),
    plan: z.array(PlanItemSchema).default([]),
    extensions: z.array(ExtensionSchema).default([]),
    /**
     * The formats the programme runs in (003 §1.2: the programme describes its forms and formats);
     * a single-meeting format (скоростное) has no minimum term.
     */
    formats: z.array(CatalogueIdSchema).optional(),
  })
  .superRefine((pp, ctx) => {
    // A start or end that failed its own date check is already reported at its path; the term
    // rules need real dates (and isoToDate would throw a path-less error on `2023-02-30`).
    if (!IsoDateSchema.safeParse(pp.start).success || !IsoDateSchema.safeParse(pp.end).success) return;
    if (pp.end < pp.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'range',
        params: domainRule('invalid_date_range', { reason: 'programmeEndsBeforeStart' }),
      });
      return;
    }
    // The term rules live in one place, `checkProgrammeTerm` (003 §1.2, default policy); the
    // machines apply the school's own policy. Messages come from the error catalogue.
    const term = checkProgrammeTerm(pp);
    if (term?.code === 'programme_too_short' || term?.code === 'programme_too_long') {
      const issue = termIssue(term, ['end']);
      ctx.addIssue({ code: 'custom', path: ['end'], message: issue.code, params: asRule(issue) });
    }
    let end = pp.end;
    pp.extensions.forEach((e, i) => {
      const x = checkExtension({ start: pp.start, end, newEnd: e.newEnd, agreedAt: e.agreedAt });
      if (x?.code === 'extension_after_end' || x?.code === 'extension_too_long') {
        const at = ['extensions', i, x.code === 'extension_after_end' ? 'agreedAt' : 'newEnd'];
        const issue = termIssue(x, at);
        ctx.addIssue({ code: 'custom', path: at, message: issue.code, params: asRule(issue) });
      }
      if (e.newEnd <= end) {
        ctx.addIssue({
          code: 'custom',
          path: ['extensions', i, 'newEnd'],
          message: 'extension',
          params: domainRule('invalid_date_range', { reason: 'extensionNotLater' }),
        });
      }
      end = e.newEnd;
    });
    pp.plan.forEach((it, i) => {
      if (it.due < pp.start || it.due > end) {
        ctx.addIssue({
          code: 'custom',
          path: ['plan', i, 'due'],
          message: 'outside',
          params: domainRule('plan_item_outside_programme'),
        });
      }
    });
  });
/** A personal programme. @category Pairs @example const pp: PersonalProgramme = parse(PersonalProgrammeSchema, raw); */
export type PersonalProgramme = z.infer<typeof PersonalProgrammeSchema>;
/** A personal programme as written. @category Pairs @example const pp: PersonalProgrammeInput = { id: 'pp', pairId: 'p', start: '2023-09-01', end: '2024-05-31', goals: ['…'] }; */
export type PersonalProgrammeInput = z.input<typeof PersonalProgrammeSchema>;

/**
 * The effective end of a programme: the last extension's end, or `end`.
 *
 * @category Pairs
 * @example
 * effectiveEnd({ end: '2024-05-31', extensions: [{ newEnd: '2024-12-31', agreedAt: '2024-05-01', reason: '…' }] }); // '2024-12-31'
 */
export function effectiveEnd(pp: Pick<PersonalProgramme, 'end' | 'extensions'>): string {
  return pp.extensions.at(-1)?.newEnd ?? pp.end;
}

/**
 * A meeting of a pair: organizational, trial, planning, regular or final
 * (004 §5), on a date, in person or online.
 *
 * @category Pairs
 * @example
 * MeetingSchema.parse({ id: 'm1', pairId: 'pair-1', kind: 'organizational', date: '2023-09-20' });
 */
export const MeetingSchema = z.object({
  id: MeetingIdSchema,
  pairId: PairIdSchema,
  kind: MeetingKindSchema,
  date: IsoDateSchema,
  mode: z.enum(['inPerson', 'online']).default('inPerson'),
  topic: safeText().trim().min(1).max(500).optional(),
  /** Participants present, if recorded (a group meeting may miss someone). */
  attendeeIds: z.array(PersonIdSchema).optional(),
  /** How long it took, in minutes, for the mentor's hours (optional: older records have none). */
  durationMinutes: z.number().int().min(1).max(1440).optional(),
});
/** A meeting. @category Pairs @example const m: Meeting = parse(MeetingSchema, raw); */
export type Meeting = z.infer<typeof MeetingSchema>;
