// The demo year as a library: the regional dashboard and the tests reuse it.
export { type WrittenFile, writeOutputs } from './outputs';
export { summarize } from './summary';
export {
  DATES,
  type PairJourney,
  type ProgrammeRun,
  runMunicipalityYear,
  runProgrammeYear,
  type SchoolMatching,
  YEAR_STEPS,
  type YearOptions,
  type YearResult,
  type YearStep,
} from './year';
