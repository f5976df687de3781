/**
 * @nastavnik/documents — the papers of the target model of mentorship,
 * built from typed data and rendered to DOCX, HTML, Markdown and XLSX in
 * correct official Russian: orders, the Regulation, roadmaps, personal
 * programmes, questionnaires, consents, reports and press releases. The
 * DOCX and XLSX renderers are at `@nastavnik/documents/docx` and
 * `@nastavnik/documents/xlsx`, so that HTML and Markdown never load them.
 *
 * @packageDocumentation
 * @module @nastavnik/documents
 */

export { buildCompetitionOrder, type CompetitionOrderInput } from './builders/competitionOrder';
export {
  buildConsentForm,
  buildDisseminationConsentForm,
  type ConsentElementId,
  type ConsentFormInput,
  type DisseminationConsentInput,
  type DisseminationPermission,
  DisseminationPermissionSchema,
  processingConsentChecklist,
} from './builders/consent';
export { buildCuratorOrder, type CuratorOrderInput } from './builders/curatorOrder';
export { buildDestructionAct, type DestructionActInput } from './builders/destructionAct';
export {
  type AwardOrderInput,
  buildAwardOrder,
  buildIncentivesDecision,
  type IncentivesDecisionInput,
} from './builders/incentives';
export { buildIntroductionOrder, type IntroductionOrderInput } from './builders/introductionOrder';
export {
  buildMentoringAgreement,
  buildMentoringConsent,
  buildMentoringDutiesOrder,
  type MentoringAgreementDocumentInput,
  type MentoringDutiesOrderInput,
} from './builders/mentorAgreement';
export { buildMunicipalOrder, type MunicipalOrderInput } from './builders/municipalOrder';
export { buildPairChangeOrder, type PairChangeOrderInput } from './builders/pairChangeOrder';
export { buildPairsOrder, type PairsOrderInput } from './builders/pairsOrder';
export { buildPersonalProgramme, type PersonalProgrammeDocumentInput } from './builders/personalProgramme';
export { buildPlansOrder, type PlansOrderInput } from './builders/plansOrder';
export {
  buildPracticeCase,
  buildPracticeCollection,
  type PracticeCaseDocumentInput,
  type PracticeCollectionInput,
  practiceIndexHtml,
} from './builders/practices';
export {
  buildQuestionnaireForm,
  type JsonSchema,
  type JsonValue,
  type QuestionnaireFormInput,
  questionnaireJsonSchema,
  type StandardQuestionnaireKind,
  standardQuestionnaire,
} from './builders/questionnaires';
export { buildRegulation, type RegulationInput } from './builders/regulation';
export {
  buildFinalReport,
  buildMonitoringReport,
  buildPressRelease,
  type IndicatorRowInput,
  IndicatorRowSchema,
  type PressReleaseInput,
  type ReportInput,
  rollUpShare,
} from './builders/reports';
export { buildRoadmap, type RoadmapDocumentInput } from './builders/roadmap';
export { barChartSvg, type ChartData } from './chart';
export { checkDocumentSet, type DocumentSetFinding, type DocumentSetInput } from './checkDocumentSet';
export {
  type Align,
  type Annex,
  type Block,
  type BlockKind,
  type ChartBar,
  cellText,
  type FormField,
  type Inline,
  inlineText,
  type NastavnikDocument,
  type TableCellValue,
  type TableColumn,
  type TableRowValue,
} from './model';
export { type OrganizationRoadmapInput, organizationRoadmap } from './organizationRoadmap';
export { type PlanTemplateItem, planTemplateFor, planTemplates } from './planTemplates';
export { escapeHtml, type HtmlOptions, renderHtml } from './render/html';
export { escapeMarkdown, renderMarkdown } from './render/markdown';
export { formatDateLong, formatDateShort, formatMonth, formatTerm } from './typography/dates';
export { byGender, declineName, type GrammaticalCase, nameIn } from './typography/names';
export {
  formatActRef,
  formatCount,
  formatNumber,
  formatOrderNumber,
  formatPercent,
  plural,
} from './typography/numbers';
export { declinePosition } from './typography/positions';
export { formatRange, joinAnd, NB_HYPHEN, quote, typograph } from './typography/text';
