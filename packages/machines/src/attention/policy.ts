import { domainRule, parse, registerCatalogue } from '@nastavnik/core';
import { z } from 'zod';

registerCatalogue();

/**
 * Who a finding or a reminder is for: the pair's participants, the parent
 * (legal representative) of a minor mentee, the school's curator, the
 * municipal curator. Head and council are not reminded: the curator reports
 * to them (003 §3.4).
 *
 * @category Attention
 * @example
 * AttentionRoleSchema.parse('curator');
 */
export const AttentionRoleSchema = z.enum(['mentor', 'mentee', 'parent', 'curator', 'municipalCurator']);
/** An addressee of findings and reminders. @category Attention @example const r: AttentionRole = 'parent'; */
export type AttentionRole = z.infer<typeof AttentionRoleSchema>;

const days = (max: number, def: number) => z.number().int().min(0).max(max).default(def);

/**
 * One step of the escalation ladder: `afterDays` after a finding became due,
 * remind these roles. Steps whose roles a finding does not have (no parent
 * for an adult mentee; no mentor for a programme's roadmap) are passed over,
 * and a finding starts at its first step that has someone to tell.
 *
 * @category Attention
 * @example
 * EscalationStepSchema.parse({ afterDays: 23, to: ['curator'] });
 */
export const EscalationStepSchema = z.object({
  afterDays: z.number().int().min(0).max(3650),
  to: z.array(AttentionRoleSchema).min(1),
});
/** A step of the escalation ladder. @category Attention @example const s: EscalationStep = { afterDays: 0, to: ['mentor', 'mentee'] }; */
export type EscalationStep = z.infer<typeof EscalationStepSchema>;

/**
 * When a pair, a programme or a mentee needs attention, and whom to remind:
 * data, not code. Every field has a default from the seeds (or, where the
 * seeds are silent, from the practice of mentoring platforms, as issue #18
 * quotes it), and a school or a region overrides any of them.
 *
 * - `noMeeting`: a pair with no meeting for `afterDays` (7) gets a finding,
 *   a warning from `warningDays` (14), critical from `criticalDays` (30); at
 *   `proposePauseDays` (90) the curator is asked to pause the pair or agree a
 *   new plan, at `proposeCloseDays` (97) to close it early (003 §7: early
 *   completion at the curator's initiative when the programme is not carried out).
 * - `planItemGraceDays`: days after a plan item's due date before it is a finding (003 roadmap 9).
 * - `programmeAfterOrderDays`: days after the order approving the pair by which
 *   its personal programme must be approved (003 roadmap 6–8; 004 §4).
 * - `consentCollectionDays`: days a proposed pair may wait for its consents (004 §1).
 * - `consentExpiryWarningDays`: how early to warn of a consent's end of validity.
 * - `feedbackMonths`: months of the interim feedback survey (001 6.6 and 7.1:
 *   December and May); `feedbackGraceDays` after the month's end before it is a finding.
 * - `finalSurveyDays`: days after the final meeting for the satisfaction survey (004 §6; 003 roadmap 10).
 * - `unpairedDays`: days a mentee of the base may stay without a pair before
 *   the curator is told (003 roadmap 6; 004 §4: support, the search goes on).
 * - `activityGraceDays`: days past a roadmap activity's or checkpoint's deadline before it is a finding.
 * - `criticalAfterDays`: a warning becomes critical this many days after it became due.
 * - `escalation`: the reminder ladder; it must reach the curator (001 6.6: monitoring is the curator's duty).
 *
 * @category Attention
 * @example
 * const policy = parse(AttentionPolicySchema, { noMeeting: { afterDays: 14 } });
 */
export const AttentionPolicySchema = z
  .object({
    noMeeting: z
      .object({
        afterDays: z.number().int().min(1).max(365).default(7),
        warningDays: z.number().int().min(1).max(365).default(14),
        criticalDays: z.number().int().min(1).max(365).default(30),
        proposePauseDays: z.number().int().min(1).max(730).default(90),
        proposeCloseDays: z.number().int().min(1).max(730).default(97),
      })
      .prefault({}),
    planItemGraceDays: days(365, 0),
    programmeAfterOrderDays: days(365, 30),
    consentCollectionDays: days(365, 14),
    consentExpiryWarningDays: days(365, 30),
    feedbackMonths: z.array(z.number().int().min(1).max(12)).max(12).default([12, 5]),
    feedbackGraceDays: days(120, 7),
    finalSurveyDays: days(365, 14),
    unpairedDays: days(365, 14),
    activityGraceDays: days(365, 0),
    criticalAfterDays: days(365, 30),
    escalation: z
      .array(EscalationStepSchema)
      .min(1)
      .default([
        { afterDays: 0, to: ['mentor', 'mentee'] },
        { afterDays: 7, to: ['mentor', 'mentee', 'parent'] },
        { afterDays: 23, to: ['curator'] },
        { afterDays: 53, to: ['municipalCurator'] },
      ]),
  })
  .superRefine((p, ctx) => {
    const n = p.noMeeting;
    if (
      !(
        n.afterDays <= n.warningDays &&
        n.warningDays <= n.criticalDays &&
        n.criticalDays <= n.proposePauseDays &&
        n.proposePauseDays <= n.proposeCloseDays
      )
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['noMeeting'],
        message: 'thresholds out of order',
        params: domainRule('invalid_value', { reason: 'attentionThresholds' }),
      });
    }
    p.escalation.forEach((s, i) => {
      const prev = p.escalation[i - 1];
      if (prev !== undefined && s.afterDays <= prev.afterDays) {
        ctx.addIssue({
          code: 'custom',
          path: ['escalation', i, 'afterDays'],
          message: 'steps out of order',
          params: domainRule('invalid_value', { reason: 'attentionThresholds' }),
        });
      }
    });
    if (!p.escalation.some((s) => s.to.includes('curator'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalation'],
        message: 'no curator',
        params: domainRule('invalid_value', { reason: 'escalationWithoutCurator' }),
      });
    }
  });
/** An attention policy with its defaults filled in. @category Attention @example const p: AttentionPolicy = defaultAttentionPolicy; */
export type AttentionPolicy = z.infer<typeof AttentionPolicySchema>;
/** An attention policy as written: any field may be left out. @category Attention @example const p: AttentionPolicyInput = { unpairedDays: 7 }; */
export type AttentionPolicyInput = z.input<typeof AttentionPolicySchema>;

/**
 * The default {@link AttentionPolicy}: every default of {@link AttentionPolicySchema}.
 *
 * @category Attention
 * @example
 * defaultAttentionPolicy.noMeeting.afterDays; // 7
 */
export const defaultAttentionPolicy: AttentionPolicy = parse(AttentionPolicySchema, {});

/**
 * Parse an attention policy (defaults filled in), or throw a `NastavnikError`.
 *
 * @category Attention
 * @throws NastavnikError when a threshold is out of range or order, or the ladder never reaches the curator.
 * @example
 * const p = attentionPolicy({ noMeeting: { afterDays: 10, warningDays: 14 } });
 */
export function attentionPolicy(input: AttentionPolicyInput = {}): AttentionPolicy {
  return parse(AttentionPolicySchema, input, ['policy']);
}
