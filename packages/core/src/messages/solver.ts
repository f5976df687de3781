import type { InvalidInputReason, IssueParams } from '../issueParams';
import { generalMessagesEn, generalMessagesRu } from './general';
import type { IssueMessages } from './registry';
import { num, pick } from './safe';

// The messages of the assignment solvers (`@nastavnik/matching`): their input
// checks, cancellation and infeasibility. Small on purpose: `solveAssignment`
// registers only these and the generic ones.

/** The `invalid_input` reasons of the solvers' own checks. */
export type SolverInputReason = Extract<
  InvalidInputReason,
  | 'dimensions'
  | 'rowStartShape'
  | 'rowStartDecreasing'
  | 'colIndexShort'
  | 'colIndexRange'
  | 'edgeCost'
  | 'costsSize'
  | 'cellCost'
  | 'certificateMissing'
  | 'capacity'
>;

const inputRu: Readonly<Record<SolverInputReason, string>> = {
  dimensions: 'Размеры должны быть целыми неотрицательными числами',
  rowStartShape: 'rowStart должен иметь rows + 1 элементов и начинаться с 0',
  rowStartDecreasing: 'rowStart должен не убывать',
  colIndexShort: 'colIndex и cost короче, чем указано в rowStart',
  colIndexRange: 'Номер столбца вне диапазона',
  edgeCost: 'Стоимость ребра должна быть конечным числом',
  costsSize: 'Размер матрицы стоимостей не равен rows × cols',
  cellCost: 'Недопустимая стоимость: не число или бесконечность не того знака',
  certificateMissing: 'Нужен результат решателя с сертификатом (certificate: true)',
  capacity: 'Вместимость должна быть целым неотрицательным числом',
};

const inputEn: Readonly<Record<SolverInputReason, string>> = {
  dimensions: 'Dimensions must be non-negative integers',
  rowStartShape: 'rowStart must have rows + 1 entries and start at 0',
  rowStartDecreasing: 'rowStart must not decrease',
  colIndexShort: 'colIndex and cost are shorter than rowStart says',
  colIndexRange: 'Column index out of range',
  edgeCost: 'An edge cost must be a finite number',
  costsSize: 'costs must have rows × cols entries',
  cellCost: 'Invalid cost: not a number or an infinity of the wrong sign',
  certificateMissing: 'A solver result with a certificate is required (certificate: true)',
  capacity: 'A capacity must be a non-negative integer',
};

/** The Russian text of a solver's `invalid_input` reason, if the reason is one of theirs. */
export function solverInputRu(p: IssueParams['invalid_input']): string | undefined {
  if (p.reason === 'cellCost' && p.row !== undefined && p.col !== undefined) {
    return `Недопустимая стоимость в ячейке (${num(p.row)}, ${num(p.col)}): не число или бесконечность не того знака`;
  }
  return pick(inputRu, p.reason as SolverInputReason | undefined);
}

/** The English text of a solver's `invalid_input` reason, if the reason is one of theirs. */
export function solverInputEn(p: IssueParams['invalid_input']): string | undefined {
  if (p.reason === 'cellCost' && p.row !== undefined && p.col !== undefined) {
    return `Invalid cost at (${num(p.row)}, ${num(p.col)}): not a number or an infinity of the wrong sign`;
  }
  return pick(inputEn, p.reason as SolverInputReason | undefined);
}

type SolverCode = 'invalid_input' | 'aborted' | 'infeasible';

/**
 * The Russian messages of the solvers (register them with
 * `registerMessages(solverMessagesRu, solverMessagesEn)`).
 *
 * @category Errors
 * @example
 * solverMessagesRu.infeasible({}, ''); // 'Задача не имеет допустимого решения'
 */
export const solverMessagesRu: Pick<IssueMessages, SolverCode> = {
  invalid_input: (p, w) => solverInputRu(p) ?? generalMessagesRu.invalid_input(p, w),
  aborted: () => 'Операция прервана',
  infeasible: () => 'Задача не имеет допустимого решения',
};

/**
 * The English messages of the solvers.
 *
 * @category Errors
 * @example
 * solverMessagesEn.infeasible({}, ''); // 'The problem has no feasible solution'
 */
export const solverMessagesEn: Pick<IssueMessages, SolverCode> = {
  invalid_input: (p, w) => solverInputEn(p) ?? generalMessagesEn.invalid_input(p, w),
  aborted: () => 'The operation was aborted',
  infeasible: () => 'The problem has no feasible solution',
};
