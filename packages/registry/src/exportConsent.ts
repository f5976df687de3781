import {
  type Consent,
  type ConsentGapItem,
  type ConsentPolicy,
  ConsentPolicySchema,
  ConsentSchema,
  consentCauseTexts,
  consentGap,
  consentGapIssues,
  consentPurposeLabels,
  defaultConsentPolicy,
  fail,
  type IsoDate,
  IsoDateSchema,
  NastavnikError,
  type NastavnikIssue,
  type Person,
  parse,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import type { ImportWarning, RegistryKind, RegistryRecordOf } from './types';

registerCatalogue();

/**
 * The consent check of an export of the mentor or mentee registry: the
 * consents the school keeps, the day of the export, the consent policy
 * (core's default unless a region passes its own), and what the file is
 * for — `export` (the default: the file leaves the school, for the
 * municipality, the region or another operator; 152-ФЗ ст. 6 ч. 1 п. 1,
 * ст. 9 ч. 4 п. 7) or `registry` (the school's own copy of its registry).
 *
 * @category Export
 * @example
 * const check: ExportConsentCheck = { consents, date: '2024-05-31' };
 */
export interface ExportConsentCheck {
  readonly consents: readonly Consent[];
  readonly date: IsoDate;
  readonly policy?: ConsentPolicy;
  readonly activity?: 'export' | 'registry';
}

/** The schema of an {@link ExportConsentCheck}: what `exportRegistry` validates at `options.consentCheck`. */
export const CheckSchema = z.object({
  consents: z.array(ConsentSchema),
  date: IsoDateSchema,
  policy: ConsentPolicySchema.optional(),
  activity: z.enum(['export', 'registry']).default('export'),
});

type PeopleKind = Extract<RegistryKind, 'mentors' | 'mentees'>;

function personOf(
  kind: RegistryKind,
  record: unknown,
): Pick<Person, 'id' | 'category' | 'birthDate'> | undefined {
  if (kind !== 'mentors' && kind !== 'mentees') return undefined;
  return (record as RegistryRecordOf<PeopleKind>).person;
}

/** The gaps of every person of an export, with the record's index: one judge, core's consent policy. */
export function exportConsentGaps(
  kind: RegistryKind,
  records: readonly unknown[],
  check: ExportConsentCheck,
): { readonly index: number; readonly gaps: readonly ConsentGapItem[] }[] {
  return consentGapsOf(kind, records, parse(CheckSchema, check, ['options', 'consentCheck']));
}

/** {@link exportConsentGaps} of a check already validated with {@link CheckSchema}. */
export function consentGapsOf(
  kind: RegistryKind,
  records: readonly unknown[],
  c: z.output<typeof CheckSchema>,
): { readonly index: number; readonly gaps: readonly ConsentGapItem[] }[] {
  const policy = c.policy ?? defaultConsentPolicy;
  const role = kind === 'mentors' ? 'mentor' : 'mentee';
  const out: { index: number; gaps: readonly ConsentGapItem[] }[] = [];
  // Each person's own consents, so a large registry is not a scan of every consent per person.
  const byPerson = new Map<string, Consent[]>();
  for (const consent of c.consents) {
    const mine = byPerson.get(consent.personId);
    if (mine === undefined) byPerson.set(consent.personId, [consent]);
    else mine.push(consent);
  }
  records.forEach((r, index) => {
    const person = personOf(kind, r);
    if (person === undefined) return;
    const gaps = consentGap(policy, person, role, c.activity, byPerson.get(person.id) ?? [], c.date);
    if (gaps.length > 0) out.push({ index, gaps });
  });
  return out;
}

/** Throw the export's refusal: one issue per missing consent, at the record's person, by id and purpose. */
export function refuseExport(found: ReturnType<typeof exportConsentGaps>): void {
  const issues: NastavnikIssue[] = found.flatMap((f) =>
    consentGapIssues(f.gaps, ['records', f.index, 'person']),
  );
  const [first, ...rest] = issues;
  if (first !== undefined) throw new NastavnikError([first, ...rest]);
}

/**
 * Split an export of the mentor or mentee registry by the consent policy
 * before writing it: the records that may go into the file, and one
 * row-level `consent_gap` issue per missing consent of every record left
 * out (its index in `records`, the person's id, the purpose and the cause —
 * never a name). What a school does when one missing consent must not hold
 * up the whole file: export `records` with the same `consentCheck`, and
 * keep `omitted` to collect the consents. {@link exportRegistry} (whose
 * `consentCheck` is required) refuses a file with such people instead.
 *
 * @category Export
 * @example
 * const { records, omitted } = exportableRecords(mentees, 'mentees', { consents, date: '2024-05-31' });
 * const bytes = await exportRegistry(records, { kind: 'mentees', format: 'xlsx', consentCheck: { consents, date: '2024-05-31' } });
 * console.log(omitted.map((w) => w.params?.personId));
 */
export function exportableRecords<K extends RegistryKind>(
  records: readonly RegistryRecordOf<K>[],
  kind: K,
  check: ExportConsentCheck,
): { readonly records: RegistryRecordOf<K>[]; readonly omitted: ImportWarning[] } {
  if (!Array.isArray(records)) throw fail('invalid_type', ['records'], { expected: 'array' });
  const found = exportConsentGaps(kind, records, check);
  const left = new Set(found.map((f) => f.index));
  const omitted: ImportWarning[] = found.flatMap((f) =>
    f.gaps.map((gap) => {
      const why = consentCauseTexts[gap.cause];
      const purpose = consentPurposeLabels[gap.purpose];
      return {
        code: 'consent_gap' as const,
        message: `${why.ru}: участник ${gap.personId}, цель «${purpose.ru}». Запись не включена в выгрузку (ст. 9 Федерального закона № 152-ФЗ)`,
        messageEn: `${why.en}: participant ${gap.personId}, purpose "${purpose.en}". The record is left out of the export (152-FZ art. 9)`,
        params: { record: f.index, personId: gap.personId, purpose: gap.purpose, cause: gap.cause },
      };
    }),
  );
  return { records: records.filter((_, i) => !left.has(i)), omitted };
}
