import {
  type Consent,
  type ConsentPolicy,
  type ConsentRole,
  consentCauseTexts,
  consentGap,
  consentPurposeLabels,
  defaultConsentPolicy,
  type IsoDate,
  type Person,
} from '@nastavnik/core';
import type { ImportWarning } from './types';

/**
 * What {@link flagConsentGaps} checks the imported people against: their
 * consents (imported from the consents registry or kept by the school), the
 * date, the role they are imported in, and the consent policy (core's
 * default unless a region passes its own).
 *
 * @category Import
 * @example
 * const check: ConsentCheck = { consents, date: '2023-09-10', role: 'mentee' };
 */
export interface ConsentCheck {
  readonly consents: readonly Consent[];
  readonly date: IsoDate;
  readonly role?: ConsentRole;
  readonly policy?: ConsentPolicy;
}

/**
 * Flag imported people the consent policy does not allow the school to keep
 * in its registry (152-ФЗ ст. 9; 004 §1: a parent's consent for a minor):
 * one `consent_gap` warning per missing consent, with the spreadsheet row,
 * the person's id and the purpose — never a name. The records are not
 * dropped: the curator collects the consent, or destroys the row
 * (`retentionSchedule` of core says by when).
 *
 * @category Import
 * @example
 * const result = await importRegistry(bytes, { kind: 'mentees', organizationId: 'lyceum-7' });
 * const flags = flagConsentGaps(result, { consents, date: '2023-09-10', role: 'mentee' });
 */
export function flagConsentGaps(
  result: { readonly records: readonly Person[]; readonly rows: readonly number[] },
  check: ConsentCheck,
): ImportWarning[] {
  const out: ImportWarning[] = [];
  result.records.forEach((person, i) => {
    for (const w of consentGapWarnings(person, check.role ?? 'participant', check, result.rows[i]))
      out.push(w);
  });
  return out;
}

/**
 * The `consent_gap` warnings of one person in a role (what
 * {@link flagConsentGaps} and the import's own check give): one per missing
 * consent, with the row, the person's id, the purpose and the cause as
 * params — never a name.
 */
export function consentGapWarnings(
  person: Pick<Person, 'id' | 'category' | 'birthDate'>,
  role: ConsentRole,
  check: {
    readonly consents: readonly Consent[];
    readonly date: IsoDate;
    readonly policy?: ConsentPolicy | undefined;
  },
  row: number | undefined,
): ImportWarning[] {
  const policy = check.policy ?? defaultConsentPolicy;
  return consentGap(policy, person, role, 'registry', check.consents, check.date).map((gap) => {
    const why = consentCauseTexts[gap.cause];
    const purpose = consentPurposeLabels[gap.purpose];
    return {
      code: 'consent_gap',
      ...(row === undefined ? {} : { row }),
      message: `${why.ru}: участник ${gap.personId}, цель «${purpose.ru}». Запись сохранена: получите согласие или уничтожьте данные (ст. 21 Федерального закона № 152-ФЗ)`,
      messageEn: `${why.en}: participant ${gap.personId}, purpose "${purpose.en}". The record is kept: collect the consent or destroy the data (152-FZ art. 21)`,
      params: { personId: gap.personId, purpose: gap.purpose, cause: gap.cause },
    };
  });
}
