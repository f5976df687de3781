import type {
  AuthorityTable,
  CatalogueId,
  Consent,
  ConsentId,
  ConsentPolicy,
  ConsentPurpose,
  IsoDate,
  MeetingId,
  MeetingKind,
  OrderId,
  OrganizationId,
  PairId,
  ParticipantRole,
  PersonalProgrammeId,
  PersonCategory,
  PersonId,
  PlanItemId,
  TerminationReason,
  TermPolicy,
} from '@nastavnik/core';
import type { MeetingSequence } from './meetingSequence';
import type { PairEvent, PairParticipant } from './pairEvents';

/**
 * Which written consents each participant needs before the order (003 §3.2–3.3;
 * 004 §1; 152-ФЗ), and whose final survey completes the pair. A policy, not
 * code: a school adjusts it.
 *
 * @category Pair machine
 * @example
 * const policy: PairPolicy = { ...defaultPairPolicy, finalSurvey: 'anyone' };
 */
export interface PairPolicy {
  /**
   * Which consents each participant needs to join the pair: the one consent
   * policy of core (its verdict for the activity `pair`), the same judge the
   * order, matching and documents ask; core `defaultConsentPolicy` when
   * absent (personal data for everyone, signed by a parent for a minor;
   * participation for learners; the extra duties for staff — whatever the role).
   */
  readonly consentPolicy?: ConsentPolicy | undefined;
  /** Whose final survey is required before completion. */
  readonly finalSurvey: 'everyone' | 'mentees' | 'anyone';
  /** The terms of personal programmes (003 §1.2, §7.2); core `defaultTermPolicy` when absent. */
  readonly terms?: TermPolicy | undefined;
  /** The meetings before the programme, before and after the order (`defaultMeetingSequence`, 004 §5, when absent). */
  readonly meetings?: MeetingSequence | undefined;
  /** Who may mentor in each form, by category (`defaultFormMentors` when absent). */
  readonly formMentors?: Readonly<Record<string, readonly PersonCategory[]>> | undefined;
  /** Who may record each event; `defaultPairAuthority` when absent. */
  readonly authority?: AuthorityTable<PairEvent['type']> | undefined;
  /**
   * The organization's curators (one or several, 004 names two). When given, a curator who
   * names themself (`by.id`) must be one of them.
   */
  readonly curatorIds?: readonly PersonId[] | undefined;
}

/**
 * The default {@link PairPolicy}: the consents of core's default consent
 * policy; everyone answers the final survey.
 *
 * @category Pair machine
 * @example
 * const policy: PairPolicy = { ...defaultPairPolicy, consentPolicy: regionalConsentPolicy };
 */
export const defaultPairPolicy: PairPolicy = {
  finalSurvey: 'everyone',
};

/**
 * A consent as the pair keeps it: no representative's name, no document reference.
 *
 * @category Pair machine
 * @example
 * const c: PairConsent = snapshot.context.consents[0]!;
 */
export type PairConsent = Pick<
  Consent,
  'id' | 'personId' | 'purpose' | 'givenBy' | 'givenAt' | 'withdrawnAt' | 'validUntil'
>;

/**
 * A plan item as the pair keeps it: what the rules need (the plan's text stays with the programme).
 *
 * @category Pair machine
 * @example
 * snapshot.context.programme?.plan.filter((i: PairPlanItem) => i.doneAt === null);
 */
export interface PairPlanItem {
  readonly id: PlanItemId;
  /** In a group: the mentee whose item it is, or null for everyone's. */
  readonly menteeId: PersonId | null;
  readonly due: IsoDate;
  readonly doneAt: IsoDate | null;
}

/**
 * The context of {@link pairMachine}: what the guards need and no more
 * personal data than that — ids, categories, and birth dates only for
 * pupils and minors (the parent-consent rule). JSON-serialisable: absent
 * values are `null`, never `undefined`.
 *
 * @category Pair machine
 * @example
 * const ctx: PairContext = snapshot.context;
 * ctx.meetings.map((m) => m.kind); // ['organizational', 'trial', …]
 */
export interface PairContext {
  readonly pairId: PairId;
  readonly organizationId: OrganizationId;
  readonly mentor: PairParticipant;
  readonly mentees: readonly PairParticipant[];
  readonly form: CatalogueId;
  readonly formats: readonly CatalogueId[];
  readonly policy: PairPolicy;
  readonly consents: readonly PairConsent[];
  readonly order: { readonly id: OrderId; readonly number: string; readonly date: IsoDate } | null;
  readonly meetings: ReadonlyArray<{
    readonly id: MeetingId;
    readonly kind: MeetingKind;
    readonly date: IsoDate;
    /** Minutes, when the meeting was logged with a duration (absent in older snapshots). */
    readonly durationMinutes?: number;
  }>;
  readonly programme: {
    readonly id: PersonalProgrammeId;
    readonly start: IsoDate;
    /** The end as approved. */
    readonly end: IsoDate;
    /** The end after agreed extensions. */
    readonly effectiveEnd: IsoDate;
    readonly approvedAt: IsoDate;
    readonly plan: readonly PairPlanItem[];
    readonly extensions: ReadonlyArray<{ readonly newEnd: IsoDate; readonly agreedAt: IsoDate }>;
    readonly corrections: readonly IsoDate[];
  } | null;
  readonly feedback: ReadonlyArray<{ readonly respondentId: PersonId; readonly date: IsoDate }>;
  readonly finalSurveys: ReadonlyArray<{ readonly respondentId: PersonId; readonly date: IsoDate }>;
  /** Previous mentors, oldest first: the history stays when the mentor is replaced. */
  readonly mentorHistory: ReadonlyArray<{
    readonly mentorId: PersonId;
    readonly until: IsoDate;
    readonly initiator: 'mentor' | 'mentee' | 'curator';
  }>;
  readonly formChanges: readonly IsoDate[];
  /** Mentees who left the group while the others went on (003 §2.3, §7.1). */
  readonly departures: ReadonlyArray<{
    readonly menteeId: PersonId;
    readonly date: IsoDate;
    readonly reason: 'ownInitiative' | 'consentWithdrawn' | 'moved';
  }>;
  /**
   * Every withdrawal recorded through the pair, in every phase (before the
   * order too): the consent, whose and for what, the date and who withdrew it
   * — the subject, a parent for a minor, or staff recording a paper
   * withdrawal (152-ФЗ ст. 9 ч. 2; ст. 21 ч. 5 counts the 30 days from it).
   * Absent in older snapshots: read as none.
   */
  readonly withdrawals: ReadonlyArray<{
    readonly consentId: ConsentId;
    readonly personId: PersonId;
    readonly purpose: ConsentPurpose;
    readonly date: IsoDate;
    readonly by: { readonly role: ParticipantRole; readonly id: PersonId | null };
  }>;
  readonly termination: {
    readonly reason: TerminationReason;
    readonly initiator: { readonly role: ParticipantRole; readonly id: PersonId | null };
    readonly date: IsoDate;
  } | null;
  readonly completedAt: IsoDate | null;
  readonly createdAt: IsoDate;
  /** The date of the last accepted event (or of creation): events come in date order. */
  readonly lastDate: IsoDate;
  /** How many events were accepted. */
  readonly eventCount: number;
}
