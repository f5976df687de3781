import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from '../dates';
import { CatalogueIdSchema } from '../enums';
import { domainRule, fail, type NastavnikIssue, nastavnikIssue } from '../errors';
import { OrganizationIdSchema, PairIdSchema, PersonIdSchema } from '../ids';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';
import { safeText } from '../text';
import { addWorkingDays, type ProductionCalendar } from './productionCalendar';

registerCatalogue();

/**
 * The least notice of early termination the Labour Code allows: three
 * working days (art. 351.8 part 3, as in force since 1 March 2025, Federal
 * Law of 09.11.2024 № 381-FZ). An agreement may give more, not less.
 *
 * @category Labour
 * @example
 * MIN_NOTICE_WORKING_DAYS; // 3
 */
export const MIN_NOTICE_WORKING_DAYS = 3;

/**
 * Pay for mentoring: a fixed sum a month (roubles) or a percentage of the
 * salary (оклад). Its size and conditions are set by the collective
 * agreement, the school's local acts and the agreement itself (art. 351.8).
 *
 * @category Labour
 * @example
 * parse(MentoringPaySchema, { kind: 'percentOfSalary', percent: 10 });
 */
export const MentoringPaySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amountPerMonth: z.number().positive().max(10_000_000) }),
  z.object({ kind: z.literal('percentOfSalary'), percent: z.number().positive().max(100) }),
]);
/** Pay for mentoring. @category Labour @example const pay: MentoringPay = { kind: 'fixed', amountPerMonth: 3000 }; */
export type MentoringPay = z.infer<typeof MentoringPaySchema>;

/**
 * The mentor's agreement (ТК РФ ст. 351.8): on the worker's written consent
 * (part 1), the employment contract or an additional agreement to it states
 * the content, the term and the form of the mentoring work (part 2), and the
 * pay; either side may end it early with written notice of at least three
 * working days (part 3). `consentDate` is the date of the written consent and
 * may not follow `signedAt`; the term may not end before it starts.
 *
 * @category Labour
 * @example
 * const agreement = parse(MentoringAgreementSchema, {
 *   id: 'ag-1', organizationId: 'lyceum-7', mentorId: 't-ivanova', number: '12/н', consentDate: '2025-08-28',
 *   signedAt: '2025-08-29', content: ['Помощь молодому педагогу в освоении навыков работы'],
 *   term: { start: '2025-09-01', end: '2026-05-31' }, form: 'teacherTeacher', pay: { kind: 'fixed', amountPerMonth: 3000 },
 * });
 */
export const MentoringAgreementSchema = z
  .object({
    id: safeText().trim().min(1).max(200),
    organizationId: OrganizationIdSchema,
    mentorId: PersonIdSchema,
    /** Whether the terms are in the employment contract itself or in an additional agreement to it. */
    kind: z.enum(['additionalAgreement', 'employmentContract']).default('additionalAgreement'),
    /** The number as written, without «№». */
    number: safeText().trim().min(1).max(50).optional(),
    /** Number and date of the employment contract the additional agreement amends. */
    employmentContract: z
      .object({ number: safeText().trim().min(1).max(50), date: IsoDateSchema })
      .optional(),
    consentDate: IsoDateSchema,
    signedAt: IsoDateSchema,
    /** The content of the work: what the mentor does (part 2). */
    content: z.array(safeText().trim().min(1).max(1000)).min(1).max(30),
    term: z.object({ start: IsoDateSchema, end: IsoDateSchema }),
    /** Form of mentoring (catalogue `mentorshipForms`). */
    form: CatalogueIdSchema,
    /** Formats (individual, group…; catalogue `mentorshipFormats`), if the agreement names them. */
    formats: z.array(CatalogueIdSchema).default([]),
    /** The workers mentored, if named. */
    menteeIds: z.array(PersonIdSchema).max(50).default([]),
    pay: MentoringPaySchema,
    /** Hours a month the mentoring is expected to take, if the agreement says. */
    hoursPerMonth: z.number().positive().max(300).optional(),
    earlyTermination: z
      .object({
        noticeWorkingDays: z
          .number()
          .int()
          .min(MIN_NOTICE_WORKING_DAYS)
          .max(60)
          .default(MIN_NOTICE_WORKING_DAYS),
        /** Grounds the parties agree on beyond the law's (the law lets either side end it without grounds). */
        conditions: z.array(safeText().trim().min(1).max(500)).max(20).default([]),
      })
      .default({ noticeWorkingDays: MIN_NOTICE_WORKING_DAYS, conditions: [] }),
  })
  .superRefine((a, ctx) => {
    if (a.term.end < a.term.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['term', 'end'],
        message: 'range',
        params: domainRule('invalid_date_range', { reason: 'agreementEndsBeforeStart' }),
      });
    }
    if (a.signedAt < a.consentDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['consentDate'],
        message: 'range',
        params: domainRule('invalid_date_range', { reason: 'consentAfterEvent' }),
      });
    }
  });
/** A mentor's agreement. @category Labour @example const a: MentoringAgreement = parse(MentoringAgreementSchema, raw); */
export type MentoringAgreement = z.infer<typeof MentoringAgreementSchema>;
/** A mentor's agreement as written (defaults may be omitted). @category Labour @example const a: MentoringAgreementInput = raw; */
export type MentoringAgreementInput = z.input<typeof MentoringAgreementSchema>;

/**
 * The last day of mentoring when one side gives written notice of early
 * termination on `noticeDate`: the notice period is the agreement's number
 * of working days (at least three, art. 351.8 part 3), counted from the next
 * day with the production calendar; the duties end at the end of that day.
 * Never later than the agreement's own end.
 *
 * @category Labour
 * @example
 * earlyTerminationDate(agreement, '2025-12-30', russianProductionCalendar); // '2026-01-14'
 */
export function earlyTerminationDate(
  agreement: MentoringAgreementInput,
  noticeDate: IsoDate,
  calendar: ProductionCalendar,
): IsoDate {
  const a = parse(MentoringAgreementSchema, agreement, ['agreement']);
  const notice = parse(IsoDateSchema, noticeDate, ['noticeDate']);
  const end = addWorkingDays(notice, a.earlyTermination.noticeWorkingDays, calendar);
  if (end > a.term.end) return a.term.end;
  return end;
}

/**
 * The pay for one month of mentoring, in roubles rounded to kopecks: the
 * fixed sum, or the percentage of `salary` (required then). `share` (0–1)
 * prorates a month the agreement covers only partly.
 *
 * @category Labour
 * @example
 * monthlyPay({ kind: 'percentOfSalary', percent: 10 }, { salary: 45000 }); // 4500
 */
export function monthlyPay(pay: MentoringPay, options: { salary?: number; share?: number } = {}): number {
  const p = parse(MentoringPaySchema, pay, ['pay']);
  const o = parse(
    z.object({
      salary: z.number().positive().max(10_000_000).optional(),
      share: z.number().min(0).max(1).default(1),
    }),
    options,
    ['options'],
  );
  let full: number;
  if (p.kind === 'fixed') full = p.amountPerMonth;
  else {
    if (o.salary === undefined)
      throw fail('required', ['options', 'salary'], { reason: 'salaryForPercentPay' });
    full = (o.salary * p.percent) / 100;
  }
  return Math.round(full * o.share * 100) / 100;
}

/**
 * Whether an agreement is in force on a date (within its term).
 *
 * @category Labour
 * @example
 * agreementInForce(agreement, '2025-10-01'); // true
 */
export function agreementInForce(agreement: Pick<MentoringAgreement, 'term'>, date: IsoDate): boolean {
  return agreement.term.start <= date && date <= agreement.term.end;
}

/**
 * A pair's approving order, as the check needs it.
 *
 * @category Labour
 * @example
 * const o: PairOrderRef = { pairId: 'pair-1', mentorId: 't-ivanova', orderDate: '2025-09-05' };
 */
export interface PairOrderRef {
  /** The pair the order approves; absent for an order that assigns the duties themselves. */
  readonly pairId?: string;
  readonly mentorId: string;
  readonly orderDate: IsoDate;
}

/**
 * Check that every pair's order follows its mentor's agreement (art. 351.8:
 * mentoring is assigned on the worker's written consent and an agreement):
 * `order_before_agreement` when the mentor's agreement is signed after the
 * order date, `agreement_missing` when the mentor has no agreement at all or
 * only ones that ended before the order date. An order may precede the
 * start of the term (it assigns the duties from that day). Pure; returns issues,
 * never throws for a failed check.
 *
 * @category Labour
 * @example
 * const issues = checkOrdersAgainstAgreements(
 *   [{ pairId: 'pair-1', mentorId: 't-ivanova', orderDate: '2025-08-20' }], [agreement]);
 * issues[0]?.code; // 'order_before_agreement'
 */
export function checkOrdersAgainstAgreements(
  orders: readonly PairOrderRef[],
  agreements: readonly MentoringAgreementInput[],
): NastavnikIssue<'order_before_agreement' | 'agreement_missing'>[] {
  const list = parse(z.array(MentoringAgreementSchema).max(100_000), agreements, ['agreements']);
  const refs = parse(
    z
      .array(
        z.object({ pairId: PairIdSchema.optional(), mentorId: PersonIdSchema, orderDate: IsoDateSchema }),
      )
      .max(100_000),
    orders,
    ['orders'],
  );
  const byMentor = new Map<string, MentoringAgreement[]>();
  for (const a of list) byMentor.set(a.mentorId, [...(byMentor.get(a.mentorId) ?? []), a]);
  const issues: NastavnikIssue<'order_before_agreement' | 'agreement_missing'>[] = [];
  refs.forEach((o, i) => {
    const own = byMentor.get(o.mentorId) ?? [];
    const params =
      o.pairId === undefined ? { mentorId: o.mentorId } : { pairId: o.pairId, mentorId: o.mentorId };
    // The order may come before the term starts (it assigns the duties from that day), not before the signing.
    if (own.some((a) => a.signedAt <= o.orderDate && o.orderDate <= a.term.end)) return;
    const later = own.some((a) => a.signedAt > o.orderDate);
    issues.push(
      later
        ? nastavnikIssue('order_before_agreement', ['orders', i, 'orderDate'], params)
        : nastavnikIssue('agreement_missing', ['orders', i, 'mentorId'], params),
    );
  });
  return issues;
}
