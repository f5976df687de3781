import {
  type Consent,
  type ConsentPolicy,
  type ConsentRole,
  type ConsentSubject,
  decideConsent,
  fail,
  formatName,
  type IsoDate,
  type Order,
  type Organization,
  type Pair,
  type Person,
  type PersonalProgramme,
  type PersonId,
  type ProcessingActivity,
  registerCatalogue,
  requireConsents,
  requiredConsents,
} from '@nastavnik/core';
import type { Block } from '../model';
import { formatDateShort } from '../typography/dates';
import { type GrammaticalCase, nameIn } from '../typography/names';
import { formatOrderNumber } from '../typography/numbers';
import { declinePosition } from '../typography/positions';

registerCatalogue();

export const NBSP = '\u00a0';

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function orgShort(org: Organization): string {
  return org.shortName ?? org.name;
}

const AUTHORITY_NOUNS: readonly [RegExp, string][] = [
  [/^Управление /u, 'Управления '],
  [/^Комитет /u, 'Комитета '],
  [/^Отдел /u, 'Отдела '],
  [/^Департамент /u, 'Департамента '],
  [/^Министерство /u, 'Министерства '],
];

/**
 * An organization's short name in the genitive, as «приказом …» needs it: «Управления образования»,
 * «Комитета по образованию»; a name in quotes or an abbreviation («МОУ «Лицей № 7»») stays as it is.
 */
export function orgGenitive(org: Organization): string {
  const name = orgShort(org);
  const rule = AUTHORITY_NOUNS.find(([re]) => re.test(name));
  return rule ? name.replace(rule[0], rule[1]) : name;
}

export function orgHeader(org: Organization, parent?: Organization): Block {
  const lines = [...(parent ? [parent.name] : []), org.name];
  return { kind: 'orgHeader', lines };
}

export function actWord(order: Pick<Order, 'act'>): string {
  return order.act === 'directive' ? 'РАСПОРЯЖЕНИЕ' : 'ПРИКАЗ';
}

/** «приказа» / «распоряжения» and friends. */
export function actForms(order: Pick<Order, 'act'>): {
  nom: string;
  gen: string;
  dat: string;
  acquaintance: string;
  toAnnex: string;
} {
  return order.act === 'directive'
    ? {
        nom: 'распоряжение',
        gen: 'настоящего распоряжения',
        dat: 'распоряжению',
        acquaintance: 'С распоряжением ознакомлен(а):',
        toAnnex: 'к распоряжению',
      }
    : {
        nom: 'приказ',
        gen: 'настоящего приказа',
        dat: 'приказу',
        acquaintance: 'С приказом ознакомлен(а):',
        toAnnex: 'к приказу',
      };
}

export function requisites(order: Order, org: Organization): Block {
  return {
    kind: 'requisites',
    act: actWord(order),
    date: formatDateShort(order.date),
    number: formatOrderNumber(order.number),
    ...(org.locality ? { place: org.locality } : {}),
  };
}

export function signature(order: Order): Block {
  return {
    kind: 'signature',
    position: capitalize(order.signatory.position),
    name: formatName(order.signatory.name, 'initialsFirst'),
  };
}

export function annexLabel(order: Order, index?: number): string[] {
  return [
    index === undefined ? 'Приложение' : `Приложение ${index}`,
    actForms(order).toAnnex,
    `от${NBSP}${formatDateShort(order.date)} ${formatOrderNumber(order.number)}`,
  ];
}

export function acquaintance(
  order: Order,
  people: readonly Person[],
  ids: readonly PersonId[],
  date?: string,
): Block[] {
  if (ids.length === 0) return [];
  // Each person signs once, however many roles the order gives them (curator and mentor).
  const unique = ids.filter((id, i) => ids.indexOf(id) === i);
  const rows = unique.map((id) => {
    const i = ids.indexOf(id);
    const p = findPerson(people, id, ['acquainted', i]);
    return { name: formatName(p.name, 'initialsFirst'), ...(date ? { date: formatDateShort(date) } : {}) };
  });
  return [{ kind: 'acquaintance', title: actForms(order).acquaintance, rows }];
}

/**
 * The mentor and mentees of a pair whose programme a document prints; the
 * programme must belong to the pair.
 */
export function pairPeople(v: {
  people: readonly Person[];
  pair: Pick<Pair, 'id' | 'mentorId' | 'menteeIds'>;
  programme: Pick<PersonalProgramme, 'pairId'>;
}): { mentor: Person; mentees: Person[] } {
  if (v.programme.pairId !== v.pair.id) {
    throw fail('unknown_reference', ['programme', 'pairId'], { ref: 'programmePair' });
  }
  return {
    mentor: findPerson(v.people, v.pair.mentorId, ['pair', 'mentorId']),
    mentees: v.pair.menteeIds.map((id, k) => findPerson(v.people, id, ['pair', 'menteeIds', k])),
  };
}

export function findPerson(
  people: readonly Person[],
  id: PersonId,
  path: readonly (string | number)[],
): Person {
  const p = people.find((x) => x.id === id);
  if (!p) {
    throw fail('unknown_reference', path, { ref: 'participant', id });
  }
  return p;
}

/** «Жаксимбаеву Л. В., заместителя директора по УВР» in a case. */
export function personIn(p: Person, c: GrammaticalCase, withPosition = true): string {
  const name = nameIn(p.name, p.gender, c);
  return withPosition && p.position ? `${name}, ${declinePosition(p.position, c)}` : name;
}

/** «Яковлевой Е. С., заместителю директора по УВР,» — the dative address of a point. */
export function addressee(p: Person): string {
  return personIn(p, 'dative');
}

export function shortName(p: Person): string {
  return formatName(p.name, 'lastFirst');
}

/**
 * The consent guard of a builder that names people (152-ФЗ ст. 9; core's
 * consent policy): throws a NastavnikError listing who lacks which consent,
 * by id and path, before a single name is printed.
 */
export function guardConsents(
  v: { readonly consentPolicy: ConsentPolicy; readonly consents: readonly Consent[] },
  subjects: readonly ConsentSubject[],
  activity: ProcessingActivity,
  date: IsoDate,
): void {
  requireConsents(v.consentPolicy, subjects, activity, v.consents, date);
}

/** The mentor and mentees of a pair as consent subjects, with their paths in the input. */
export function pairSubjects(
  people: { readonly mentor: Person; readonly mentees: readonly Person[] },
  base: readonly (string | number)[],
): ConsentSubject[] {
  return [
    { person: people.mentor, role: 'mentor', path: [...base, 'mentorId'] },
    ...people.mentees.map(
      (m, k): ConsentSubject => ({ person: m, role: 'mentee', path: [...base, 'menteeIds', k] }),
    ),
  ];
}

/**
 * The mentor and mentees of each pair, found by id (`personAt`, or the pair's own `mentorId` /
 * `menteeIds` paths under `at`), then the consent guard for the pair's work on the date (152-ФЗ
 * ст. 9): every gap refused by id and path before a single name is printed. The pairs and plans
 * orders share it.
 */
export function guardedPairPeople(
  v: {
    readonly people: readonly Person[];
    readonly consentPolicy: ConsentPolicy;
    readonly consents: readonly Consent[];
  },
  pairs: readonly {
    readonly pair: { readonly mentorId: PersonId; readonly menteeIds: readonly PersonId[] };
    readonly at: readonly (string | number)[];
    readonly personAt?: readonly (string | number)[];
  }[],
  date: IsoDate,
): { mentor: Person; mentees: Person[] }[] {
  const people = pairs.map(({ pair, at, personAt }) => ({
    mentor: findPerson(v.people, pair.mentorId, personAt ?? [...at, 'mentorId']),
    mentees: pair.menteeIds.map((id, k) => findPerson(v.people, id, personAt ?? [...at, 'menteeIds', k])),
  }));
  guardConsents(
    v,
    people.flatMap((p, i) => pairSubjects(p, pairs[i]?.at ?? [])),
    'pair',
    date,
  );
  return people;
}

/**
 * The consent that lets a person join a pair (the policy's purpose beyond the
 * personal-data consent), for the note in an order; call after the guard.
 */
export function joiningConsent(
  v: { readonly consentPolicy: ConsentPolicy; readonly consents: readonly Consent[] },
  person: Person,
  role: ConsentRole,
  date: IsoDate,
): Consent | undefined {
  const purposes = requiredConsents(v.consentPolicy, person, role, 'pair');
  const purpose = purposes.find((p) => p !== 'personalData') ?? purposes[0];
  if (purpose === undefined) return undefined;
  const d = decideConsent(person, v.consents, date, purpose, v.consentPolicy.minorSigners);
  return d.allowed ? d.consent : undefined;
}
