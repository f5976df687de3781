import {
  type Consent,
  defaultConsentPolicy,
  type IsoDate,
  isMinorOn,
  PersonSchema,
  requiredConsents,
} from '@nastavnik/core';
import type { ExportConsentCheck } from '../exportConsent';
import type { RegistryKind } from '../types';

/** The day of the exports in format-only tests. */
export const EXPORT_DATE = '2024-05-31' as IsoDate;

/**
 * A consent check that lets every person of `records` through: for each one,
 * exactly the consents core's default policy requires of them for the
 * export's activity (core's `requiredConsents` is the single judge), given
 * on `date` — by a parent for a minor. For tests of the file format only.
 */
export function consentCheckFor(
  kind: RegistryKind,
  records: readonly unknown[],
  date: IsoDate = EXPORT_DATE,
  activity: 'export' | 'registry' = 'export',
): ExportConsentCheck {
  const consents: Consent[] = [];
  if (kind === 'mentors' || kind === 'mentees') {
    const role = kind === 'mentors' ? 'mentor' : 'mentee';
    records.forEach((r, i) => {
      // Only well-formed people: fuzzed records are refused by the export before any consent is asked.
      const parsed = PersonSchema.safeParse((r as { person?: unknown } | null)?.person);
      if (!parsed.success) return;
      const person = parsed.data;
      const minor = isMinorOn(person, date);
      for (const purpose of requiredConsents(defaultConsentPolicy, person, role, activity)) {
        consents.push({
          id: `c-${i}-${purpose}`,
          personId: person.id,
          purpose,
          givenAt: date,
          ...(minor
            ? { givenBy: 'parent', representative: { lastName: 'Представитель', firstName: 'Законный' } }
            : { givenBy: 'self' }),
        } as Consent);
      }
    });
  }
  return { consents, date, activity };
}
