import { type Due, isNastavnikError, type NastavnikError, parseDue } from '@nastavnik/core';
import { renderHtml } from '@nastavnik/documents';
import { computeIndicators } from '@nastavnik/indicators';
import { pairMachine } from '@nastavnik/machines';
import { type AssignmentResult, solveAssignment } from '@nastavnik/matching';
import { importRegistry } from '@nastavnik/registry';
import {
  type ImportResult,
  importRegistry as importInBrowser,
  type MentorRecord,
} from '@nastavnik/registry/browser';

const due: Due = parseDue('до 15 сентября 2023 г.');
const result: AssignmentResult = solveAssignment(new Float64Array([4, 1, 3, 2]), 2, 2);
export function describe(error: unknown): string {
  if (isNastavnikError(error)) {
    const e: NastavnikError = error;
    return `${e.code} ${e.path.join('.')}`;
  }
  return 'unknown';
}
export const used = [due, result.total, renderHtml, computeIndicators, pairMachine, importRegistry] as const;
export const fromFile = (file: Blob): Promise<ImportResult<MentorRecord>> =>
  importInBrowser(file, { kind: 'mentors', organizationId: 'sch-1' });
