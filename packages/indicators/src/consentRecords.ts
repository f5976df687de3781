import {
  type Consent,
  type ConsentGapItem,
  type ConsentPolicy,
  ConsentPolicySchema,
  type ConsentRole,
  ConsentSchema,
  consentGap,
  defaultConsentPolicy,
  type IsoDate,
  IsoDateSchema,
  type PersonCategory,
  PersonCategorySchema,
  type PersonId,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import { type IndicatorDataset, type IndicatorDatasetInput, parseDataset } from './dataset';

/**
 * What the records a municipality or a region receives are checked against:
 * the consents the school keeps, the day of the transfer, the consent policy
 * (core's default unless a region passes its own), and the people the
 * dataset names by id only (a pair's mentor who has no person record), with
 * the category and birth date the policy judges by.
 *
 * @category Dataset
 * @example
 * const check: IndicatorConsentCheck = { consents, date: '2024-05-31' };
 */
export interface IndicatorConsentCheck {
  readonly consents: readonly Consent[];
  readonly date: IsoDate;
  readonly policy?: ConsentPolicy;
  readonly people?: readonly {
    readonly id: string;
    readonly category: PersonCategory;
    readonly birthDate?: IsoDate;
  }[];
}

const CheckSchema = z.object({
  consents: z.array(ConsentSchema),
  date: IsoDateSchema,
  policy: ConsentPolicySchema.optional(),
  people: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        category: PersonCategorySchema,
        birthDate: IsoDateSchema.optional(),
      }),
    )
    .optional(),
});

/**
 * What {@link withholdWithoutConsent} kept back: how many records of each
 * table, the consent gaps by person id, role and purpose (never a name), and
 * the ids named in records with no person to judge by (withheld as well: a
 * consent that cannot be checked is not assumed). For the school's
 * data-protection officer; never sent with the records.
 *
 * @category Dataset
 * @example
 * const { withheld } = withholdWithoutConsent(ds, check);
 * withheld.persons; // 1
 */
export interface WithheldRecords {
  readonly persons: number;
  readonly mentors: number;
  readonly requests: number;
  readonly pairs: number;
  readonly responses: number;
  readonly gaps: readonly (ConsentGapItem & { readonly role: ConsentRole })[];
  readonly unknown: readonly string[];
}

/**
 * Keep back every indicators record of a person the consent policy does not
 * allow the school to pass on (activity `export`: records leaving the school
 * for the municipality or the region; 152-ФЗ ст. 6 ч. 1 п. 1, ст. 9; a
 * withdrawn consent stops processing at once, ст. 9 ч. 2, ст. 21 ч. 5): the
 * person record (role `participant`), a mentor registry record (`mentor`),
 * requests (`mentee`), survey answers (their role), and a pair whose mentor
 * or any mentee lacks a consent for their role. Never silent: every record
 * kept back is counted, every gap listed by id.
 *
 * @category Dataset
 * @example
 * const { dataset, withheld } = withholdWithoutConsent(ds, { consents, date: '2024-05-31' });
 * if (withheld.gaps.length > 0) console.log(withheld.gaps.map((g) => `${g.personId}: ${g.purpose}`));
 */
export function withholdWithoutConsent(
  dataset: IndicatorDatasetInput | IndicatorDataset,
  check: IndicatorConsentCheck,
): { readonly dataset: IndicatorDataset; readonly withheld: WithheldRecords } {
  const c = parse(CheckSchema, check, ['consentCheck']);
  const ds = parseDataset(dataset);
  const policy = c.policy ?? defaultConsentPolicy;
  const who = new Map<string, { id: string; category: PersonCategory; birthDate?: IsoDate }>();
  for (const p of c.people ?? [])
    who.set(p.id, { id: p.id, category: p.category, ...(p.birthDate ? { birthDate: p.birthDate } : {}) });
  for (const p of ds.persons)
    who.set(p.id, { id: p.id, category: p.category, ...(p.birthDate ? { birthDate: p.birthDate } : {}) });
  // Each person's consents once: the judge then reads only theirs (a municipality has thousands).
  const consentsOf = new Map<string, Consent[]>();
  for (const k of c.consents) {
    const list = consentsOf.get(k.personId);
    if (list) list.push(k);
    else consentsOf.set(k.personId, [k]);
  }
  const gaps: (ConsentGapItem & { role: ConsentRole })[] = [];
  const unknown = new Set<string>();
  const verdicts = new Map<string, boolean>();
  const allowed = (id: string, role: ConsentRole): boolean => {
    const key = `${role}\u0000${id}`;
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    const person = who.get(id);
    let ok: boolean;
    if (person === undefined) {
      unknown.add(id);
      ok = false;
    } else {
      const g = consentGap(
        policy,
        { ...person, id: person.id as PersonId },
        role,
        'export',
        consentsOf.get(id) ?? [],
        c.date,
      );
      for (const item of g) gaps.push({ ...item, role });
      ok = g.length === 0;
    }
    verdicts.set(key, ok);
    return ok;
  };
  const persons = ds.persons.filter((p) => allowed(p.id, 'participant'));
  const mentors = ds.mentors.filter((m) => allowed(m.personId, 'mentor'));
  const requests = ds.requests.filter((q) => allowed(q.menteeId, 'mentee'));
  const pairs = ds.pairs.filter(
    // Every participant is asked (no short cut), so every gap of a pair is listed.
    (p) => [allowed(p.mentorId, 'mentor'), ...p.menteeIds.map((id) => allowed(id, 'mentee'))].every(Boolean),
  );
  const responses = ds.responses.filter((r) => allowed(r.respondentId, r.role));
  return {
    dataset: parseDataset({ ...ds, persons, mentors, requests, pairs, responses }),
    withheld: {
      persons: ds.persons.length - persons.length,
      mentors: ds.mentors.length - mentors.length,
      requests: ds.requests.length - requests.length,
      pairs: ds.pairs.length - pairs.length,
      responses: ds.responses.length - responses.length,
      gaps,
      unknown: [...unknown],
    },
  };
}
