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
  const policy = check.policy ?? defaultConsentPolicy;
  const out: ImportWarning[] = [];
  result.records.forEach((person, i) => {
    for (const gap of consentGap(
      policy,
      person,
      check.role ?? 'participant',
      'registry',
      check.consents,
      check.date,
    )) {
      const why = consentCauseTexts[gap.cause];
      const purpose = consentPurposeLabels[gap.purpose];
      const row = result.rows[i];
      out.push({
        code: 'consent_gap',
        ...(row === undefined ? {} : { row }),
        message: `${why.ru}: участник ${gap.personId}, цель «${purpose.ru}». Запись сохранена: получите согласие или уничтожьте данные (ст. 21 Федерального закона № 152-ФЗ)`,
        messageEn: `${why.en}: participant ${gap.personId}, purpose "${purpose.en}". The record is kept: collect the consent or destroy the data (152-FZ art. 21)`,
      });
    }
  });
  return out;
}
