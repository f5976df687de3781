/**
 * @nastavnik/indicators — monitoring indicators of the target model of
 * mentorship (coverage, process, mentors, impact, satisfaction), rolled up
 * school → municipality → region from summed numerators and denominators
 * and mergeable sketches, with small-cell suppression for publication and
 * period and target comparison.
 *
 * @packageDocumentation
 * @module @nastavnik/indicators
 */
export { type AccumulateOptions, accumulate } from './accumulate';
export {
  type Accumulator,
  createAccumulator,
  mergeAccumulators,
  rollUp,
  type SelfAssessmentSums,
} from './accumulator';
export { againstTargets, compareIndicators, type IndicatorDelta, type TargetCheck } from './compare';
export {
  type ComputeOptions,
  computeIndicators,
  evaluateIndicators,
  type IndicatorResults,
  type IndicatorValue,
} from './compute';
export { type IndicatorConsentCheck, type WithheldRecords, withholdWithoutConsent } from './consentRecords';
export {
  type ActivityRecord,
  ActivityRecordSchema,
  type CounterRecord,
  CounterRecordSchema,
  type IndicatorDataset,
  type IndicatorDatasetInput,
  IndicatorDatasetSchema,
  type MentorRecord,
  MentorRecordSchema,
  type PairRecord,
  PairRecordSchema,
  type PairStatus,
  PairStatusSchema,
  type Period,
  PeriodSchema,
  type PersonRecord,
  PersonRecordSchema,
  parseDataset,
  type RequestRecord,
  RequestRecordSchema,
  type ResolvedPeriod,
  type ResponseRecord,
  ResponseRecordSchema,
  resolvePeriod,
  type SurveyKind,
  SurveyKindSchema,
} from './dataset';
export {
  type CellRelation,
  defaultIndicators,
  defineIndicator,
  type IndicatorBlock,
  IndicatorBlockSchema,
  type IndicatorCompute,
  type IndicatorDefinition,
  IndicatorDefinitionSchema,
  type IndicatorDirection,
  IndicatorDirectionSchema,
  type IndicatorResult,
  type IndicatorUnit,
  IndicatorUnitSchema,
} from './definitions';
export { type IndicatorParams, type IndicatorParamsInput, IndicatorParamsSchema } from './params';
export {
  type DatasetRelease,
  type DatasetReleaseOptions,
  depersonaliseDataset,
  type SmallClass,
} from './release';
export {
  type CompiledIndicatorsSql,
  compileIndicatorsSql,
  computeIndicatorsSql,
  type SqlColumns,
  type SqlOptions,
  type SqlRunner,
} from './sql';
export {
  type PlannedTable,
  type PublicationPlan,
  type PublishedValue,
  type Release,
  type SuppressedMarker,
  type SuppressOptions,
  suppress,
  suppressPlan,
} from './suppress';
export {
  type CellValue,
  type ColumnType,
  columnsSql,
  createTablesSql,
  datasetToRows,
  indicatorTables,
  insertRowsSql,
  type SqlDialect,
  type TableLayout,
} from './tables';
