/**
 * @nastavnik/core — the typed domain model of the Russian target model of
 * mentorship: zod schemas with inferred types, Russian and English labels,
 * typed errors, due dates as the seeds write them. The four seed roadmaps
 * are at `@nastavnik/core/roadmaps` and the sample-data generator at
 * `@nastavnik/core/sample`.
 *
 * @packageDocumentation
 * @module @nastavnik/core
 */
export {
  type Actor,
  type ActorInput,
  ActorSchema,
  type AuthorityTable,
  AuthorityTableSchema,
  HEAD_ROLES,
  isAuthorized,
  requiredRoles,
  rolesInWords,
} from './authority';
export {
  addDaysIso,
  addMonthsIso,
  type DateParts,
  dateParts,
  dayNumber,
  dayNumberFromParts,
  daysBetween,
  daysInMonth,
  endOfMonthIso,
  isLeapYear,
  isoFromDayNumber,
  isoFromParts,
  partsOfDayNumber,
  quarterOf,
  weekdayOf,
} from './calendar';
export {
  type Catalogue,
  type CatalogueEntry,
  CatalogueEntrySchema,
  catalogueLabel,
  competences,
  createCatalogue,
  extendCatalogue,
  menteeGroups,
  mentorshipFormats,
  mentorshipForms,
} from './catalogues';
export {
  type Competition,
  type CompetitionCorrection,
  CompetitionCorrectionSchema,
  type CompetitionCriterion,
  CompetitionCriterionSchema,
  type CompetitionInput,
  type CompetitionRound,
  CompetitionRoundSchema,
  CompetitionSchema,
  type CompetitionScore,
  CompetitionScoreSchema,
  type CompetitionStanding,
  competitionStandings,
  recordCompetitionScore,
  roundMax,
} from './competition';
export {
  type Consent,
  type ConsentCause,
  type ConsentDecision,
  type ConsentGiver,
  ConsentGiverSchema,
  ConsentSchema,
  consentCauseTexts,
  decideConsent,
  mayProcess,
} from './consent';
export {
  type ConsentGapItem,
  type ConsentPolicy,
  type ConsentPolicyInput,
  ConsentPolicySchema,
  type ConsentRole,
  ConsentRoleSchema,
  type ConsentRule,
  ConsentRuleSchema,
  type ConsentSubject,
  consentGap,
  consentGapIssues,
  defaultConsentPolicy,
  mayProcessFor,
  type ProcessingActivity,
  ProcessingActivitySchema,
  requireConsents,
  requiredConsents,
} from './consentPolicy';
export {
  type AcademicYear,
  AcademicYearSchema,
  academicYearBounds,
  academicYearOf,
  ageOn,
  type IsoDate,
  IsoDateSchema,
  isoToDate,
  termMonths,
  toDate,
  toIsoDate,
} from './dates';
export { formatDateLong, monthNames } from './dateWords';
export {
  type Due,
  type DueLeaf,
  DueSchema,
  type MonthRef,
  MonthRefSchema,
  type RecurrenceUnit,
  RecurrenceUnitSchema,
} from './due';
export {
  type CatalogueId,
  CatalogueIdSchema,
  type ConsentPurpose,
  ConsentPurposeSchema,
  consentPurposeLabels,
  labelOf,
  type MeetingKind,
  MeetingKindSchema,
  meetingKindLabels,
  type OrderKind,
  OrderKindSchema,
  type OrganizationKind,
  OrganizationKindSchema,
  orderKindLabels,
  organizationKindLabels,
  type ParticipantRole,
  ParticipantRoleSchema,
  type PersonCategory,
  PersonCategorySchema,
  type ProgrammeStage,
  ProgrammeStageSchema,
  participantRoleLabels,
  personCategoryLabels,
  programmeStageLabels,
  type QuestionnaireKind,
  QuestionnaireKindSchema,
  questionnaireKindLabels,
  type RequestSource,
  RequestSourceSchema,
  requestSourceLabels,
  type TerminationReason,
  TerminationReasonSchema,
  terminationReasonLabels,
} from './enums';
export {
  domainRule,
  fail,
  fromZodError,
  type IssueParamsArg,
  isNastavnikError,
  NastavnikError,
  type NastavnikIssue,
  nastavnikIssue,
} from './errors';
export {
  AddressSchema,
  type IdentityDocument,
  type IdentityDocumentKind,
  IdentityDocumentKindSchema,
  IdentityDocumentSchema,
} from './identityDocument';
export * from './ids';
export {
  type ConditionOutcome,
  evaluateIncentives,
  type IncentiveAward,
  type IncentiveCondition,
  type IncentiveConditionKind,
  IncentiveConditionSchema,
  type IncentiveForm,
  type IncentiveFormKind,
  IncentiveFormKindSchema,
  IncentiveFormSchema,
  type IncentiveRule,
  IncentiveRuleSchema,
  type IncentiveSystem,
  type IncentiveSystemInput,
  IncentiveSystemSchema,
  incentiveFormKindLabels,
  type MentorResult,
  type MentorResultInput,
  MentorResultSchema,
} from './incentives/incentives';
export type {
  DateRangeReason,
  DuplicateKind,
  InvalidInputReason,
  InvalidValueReason,
  IssueFormat,
  IssueParams,
  IssuePath,
  NastavnikErrorCode,
  ReferenceKind,
  RematchChangeReason,
  RequiredReason,
  TooBigReason,
} from './issueParams';
export { type Lang, type LocalizedText, LocalizedTextSchema, localize } from './labels';
// --- the mentor's side: agreements (ТК РФ ст. 351.8), production calendar, workload ---
export {
  agreementInForce,
  checkOrdersAgainstAgreements,
  earlyTerminationDate,
  type MentoringAgreement,
  type MentoringAgreementInput,
  MentoringAgreementSchema,
  type MentoringPay,
  MentoringPaySchema,
  MIN_NOTICE_WORKING_DAYS,
  monthlyPay,
  type PairOrderRef,
} from './labour/agreement';
export {
  addWorkingDays,
  extendProductionCalendar,
  isWorkingDay,
  type ProductionCalendar,
  type ProductionCalendarYear,
  type ProductionCalendarYearInput,
  ProductionCalendarYearSchema,
  russianProductionCalendar,
  workingDaysBetween,
  workingDaysInMonth,
} from './labour/productionCalendar';
export { registerCatalogue } from './messages/catalogue';
export { issueMessagesEn } from './messages/en';
export { type IssueMessages, registerMessages } from './messages/registry';
export { issueMessagesRu } from './messages/ru';
export { solverMessagesEn, solverMessagesRu } from './messages/solver';
export { type Order, type OrderInput, OrderSchema } from './order';
export {
  buildOrganizationTree,
  curatorRoleOf,
  type Organization,
  OrganizationSchema,
  type OrganizationTree,
} from './organization';
export {
  type Extension,
  ExtensionSchema,
  effectiveEnd,
  isGroup,
  MAX_PROGRAMME_MONTHS,
  type Meeting,
  MeetingSchema,
  MIN_PROGRAMME_MONTHS,
  type Pair,
  type PairInput,
  type PairOrigin,
  PairOriginSchema,
  PairSchema,
  type PersonalProgramme,
  type PersonalProgrammeInput,
  PersonalProgrammeSchema,
  type PlanItem,
  PlanItemSchema,
  pairSizeIssue,
} from './pair';
export {
  type PairEventType,
  type PairLocus,
  type PairPhase,
  pairEventLabels,
  pairPhaseLabels,
} from './pairLabels';
export { parse, type Result, safeParse } from './parse';
export {
  formatName,
  type Gender,
  GenderSchema,
  isMinorOn,
  isYoungSpecialist,
  type Person,
  type PersonInput,
  type PersonName,
  PersonNameSchema,
  PersonSchema,
} from './person';
export {
  type CompletedProgrammeSummary,
  CompletedProgrammeSummarySchema,
  draftPracticeCase,
  type PracticeCase,
  type PracticeCaseInput,
  PracticeCaseSchema,
  type PracticeIndicator,
  PracticeIndicatorSchema,
  type PracticeMaterial,
  PracticeMaterialSchema,
  type PracticeParticipant,
  PracticeParticipantSchema,
  type PracticeReviewStep,
  PracticeReviewStepSchema,
  type PracticeStatus,
  PracticeStatusSchema,
  practiceStatus,
  practiceStatusLabels,
  reviewPracticeCase,
} from './practices/practiceCase';
export {
  type PublishablePractice,
  type PublishedParticipant,
  preparePracticeForPublication,
} from './practices/publication';
// --- personal data: depersonalisation (Roskomnadzor order № 140), k-anonymity, retention (152-ФЗ ст. 21) ---
export {
  type DepersonalisationKey,
  type DepersonalisationPlan,
  DepersonalisationPlanSchema,
  type Depersonalised,
  depersonalise,
  type FieldMethod,
  FieldMethodSchema,
  type ReleaseRow,
  type ReleaseValue,
  reidentify,
} from './privacy/depersonalise';
export {
  type KAnonymityReport,
  kAnonymity,
  type ReleaseOptions,
  releaseDepersonalised,
} from './privacy/kAnonymity';
export {
  type RetentionGround,
  type RetentionInput,
  type RetentionItem,
  type RetentionRecord,
  RetentionRecordSchema,
  retentionSchedule,
} from './privacy/retention';
export {
  type MenteeProfile,
  type MenteeProfileInput,
  MenteeProfileSchema,
  type MenteeWithProfile,
  MenteeWithProfileSchema,
  type MentorProfile,
  type MentorProfileInput,
  MentorProfileSchema,
  type MentorWithProfile,
  MentorWithProfileSchema,
  type PersonWithProfile,
  type Request,
  type RequestInput,
  type RequestPriority,
  RequestPrioritySchema,
  RequestSchema,
  type TrainingRecord,
  TrainingRecordSchema,
} from './profiles';
export {
  type Programme,
  ProgrammeSchema,
  type TrainingCourse,
  TrainingCourseSchema,
  type YoungTeacherSchoolSession,
  YoungTeacherSchoolSessionSchema,
} from './programme';
export {
  type Answer,
  AnswerSchema,
  type Question,
  type Questionnaire,
  QuestionnaireSchema,
  QuestionSchema,
  type Response,
  ResponseSchema,
  validateResponse,
} from './questionnaire';
export {
  type DeliverableKind,
  DeliverableKindSchema,
  type Roadmap,
  type RoadmapActivity,
  RoadmapActivitySchema,
  type RoadmapColumn,
  RoadmapColumnSchema,
  type RoadmapInput,
  RoadmapSchema,
  type RoadmapSection,
  RoadmapSectionSchema,
  roadmapActivities,
} from './roadmap';
export {
  assertProgrammeTerm,
  checkExtension,
  checkProgrammeTerm,
  defaultTermPolicy,
  isSingleMeeting,
  type TermPolicy,
  TermPolicySchema,
  type TermViolation,
  termIssue,
} from './termPolicy';
export { isSafeText, SafeTextSchema, safeText, startsFormula } from './text';
export {
  type MentorLoad,
  type MentorMonthHours,
  mentorMonthHours,
  type ProgrammeMonthHours,
  programmeMonthHours,
  remainingHours,
  type WorkloadEntry,
  type WorkloadEntryInput,
  WorkloadEntrySchema,
  type WorkloadPolicy,
  WorkloadPolicySchema,
  workloadFindings,
} from './workload/hours';
// --- due-date parsing and resolution (due parser) ---

export { parseDue, safeParseDue } from './dueParser';
export {
  type DuePeriod,
  DuePeriodSchema,
  type DueWindow,
  dueDeadline,
  isOverdue,
  type ResolveDueOptions,
  resolveDue,
} from './dueResolve';
export {
  type SchoolCalendar,
  type SchoolCalendarInput,
  SchoolCalendarSchema,
  type SchoolDay,
  SchoolDaySchema,
  type SchoolSpan,
  SchoolSpanSchema,
  type SchoolTermWindow,
  schoolTermWindows,
  standardQuarterCalendar,
  standardTrimesterCalendar,
} from './schoolCalendar';
