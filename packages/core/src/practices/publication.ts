import { z } from 'zod';
import type { Consent } from '../consent';
import { ConsentSchema } from '../consent';
import {
  type ConsentPolicy,
  ConsentPolicySchema,
  defaultConsentPolicy,
  mayProcessFor,
} from '../consentPolicy';
import { type IsoDate, IsoDateSchema } from '../dates';
import { monthNames } from '../dateWords';
import { personCategoryLabels } from '../enums';
import { fail } from '../errors';
import { registerCatalogue } from '../messages/catalogue';
import { parse } from '../parse';
import { formatName, type Person, PersonSchema } from '../person';
import { depersonalise } from '../privacy/depersonalise';
import {
  type PracticeCase,
  type PracticeCaseInput,
  PracticeCaseSchema,
  type PracticeParticipant,
  practiceStatus,
} from './practiceCase';

registerCatalogue();

/**
 * A participant as a published case prints them: the role label (numbered
 * when several share a role: «наставляемый 1»), the name only when the
 * person consented to dissemination, and a depersonalised profile (category
 * and experience in five-year bands, by the generalisation method of
 * Roskomnadzor order № 140).
 *
 * @category Best practices
 * @example
 * const p: PublishedParticipant = { role: 'mentor', label: 'наставник', profile: 'педагог, стаж 10–14 лет' };
 */
export interface PublishedParticipant {
  readonly role: PracticeParticipant['role'];
  readonly label: string;
  /** «Е. С. Яковлева», present only with the consent to dissemination. */
  readonly name?: string;
  readonly profile: string;
}

/**
 * A case ready to publish: its texts with every identifying value of anyone
 * who did not consent to dissemination replaced by their role, the
 * participants as printed, and how many replacements were made (so the
 * reviewer sees that the authors named people).
 *
 * @category Best practices
 * @example
 * const { practice, participants, redactions } = preparePracticeForPublication(c, { people, consents, date: '2024-06-10' });
 */
export interface PublishablePractice {
  readonly practice: PracticeCase;
  readonly participants: readonly PublishedParticipant[];
  readonly redactions: number;
}

const ROLE_RU: Readonly<Record<PracticeParticipant['role'], string>> = {
  mentor: 'наставник',
  mentee: 'наставляемый',
  curator: 'куратор',
  other: 'участник',
};

const LETTER = '\\p{L}';
const ENDING_CHARS = 'аяоеёиыуюйьэ';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern that reads е and ё as one letter, as Russian texts write them. */
const yo = (s: string) => escapeRe(s).replace(/[её]/giu, (c) => (c === c.toUpperCase() ? '[ЕЁ]' : '[её]'));

/**
 * The patterns that find one name part in a text, declined or not: the
 * stem (the part without its final vowels, at least three letters) plus up
 * to three letters of a case ending, as a whole word; and the part itself
 * anywhere, even inside a longer word, when it is long enough not to be a
 * common syllable.
 */
function stemOf(part: string): string {
  let stem = part.normalize('NFC');
  while (stem.length > 3 && ENDING_CHARS.includes((stem.at(-1) as string).toLowerCase()))
    stem = stem.slice(0, -1);
  return stem;
}

function nameParts(name: Person['name']): string[] {
  return [name.lastName, name.firstName, name.middleName]
    .filter((x): x is string => x !== undefined)
    .flatMap((x) => x.split(/[\s\-\u2010\u2011]+/u))
    .filter((x) => x.length > 0);
}

/** The whole-word pattern of a name part, declined: its stem and up to three letters of an ending. */
function wordBody(part: string): string {
  return `(?<!${LETTER})${yo(stemOf(part))}${LETTER}{0,3}(?!${LETTER})`;
}

function wordPattern(part: string): RegExp {
  return new RegExp(wordBody(part), 'giu');
}

function namePartPatterns(part: string): RegExp[] {
  const p = part.normalize('NFC');
  const stem = stemOf(p);
  const out = [new RegExp(`(?<!${LETTER})${yo(stem)}${LETTER}{0,3}(?!${LETTER})`, 'giu')];
  // Inside a longer word the whole word goes: a glued «ИвановаАнна» is still a name.
  if (p.length >= 4) out.push(new RegExp(`${LETTER}*${yo(p)}${LETTER}*`, 'giu'));
  return out;
}

/** Every value that identifies a person beyond their name: dates of birth in all usual spellings, ids, documents, address. */
function identifyingValues(p: Person): string[] {
  const values: string[] = [];
  if (p.birthDate) {
    const [y, m, d] = p.birthDate.split('-') as [string, string, string];
    const month = monthNames.ru.genitive[Number(m) - 1] as string;
    values.push(p.birthDate, `${d}.${m}.${y}`, `${Number(d)}.${m}.${y}`, `${d}.${m}.${y.slice(2)}`);
    values.push(`${Number(d)} ${month} ${y}`, `${d} ${month} ${y}`);
  }
  if (p.externalId) values.push(p.externalId);
  if (p.identityDocument) {
    const doc = p.identityDocument;
    values.push(doc.number);
    if (doc.series) values.push(doc.series, `${doc.series} ${doc.number}`, `${doc.series}${doc.number}`);
  }
  if (p.address) {
    values.push(p.address);
    for (const part of p.address.split(','))
      if (/\d/.test(part) && part.trim().length >= 3) values.push(part.trim());
  }
  return values.filter((v) => v.trim().length >= 3);
}

interface Target {
  readonly key: number;
  /** Two or three name parts together, replaced before any single part of anyone. */
  readonly sequences: readonly RegExp[];
  readonly patterns: readonly RegExp[];
  readonly initials: readonly string[];
}

// A mark is three private-use characters: no pattern of a name or a value can match it.
const MARK = (k: number) => `\uf8f0${String.fromCodePoint(0xe000 + k)}\uf8f1`;
const KEEP = (k: number) => `\uf8f2${String.fromCodePoint(0xe000 + k)}\uf8f3`;

/**
 * Replace every mention of the targets in a text with a mark, then merge
 * marks that stand next to each other («Иванова Анна Петровна» → one mark)
 * and drop the person's initials beside a mark («Иванова А. П.»).
 */
function scrub(
  text: string,
  targets: readonly Target[],
  protectedNames: readonly RegExp[],
  alias: (k: number) => string,
): { text: string; count: number } {
  let s = text.normalize('NFC');
  let count = 0;
  // The names of people who consented are set aside first, so another person's pattern does not eat
  // them («Петровна» is not «Петров»); a name that any non-consenting name matches is never set aside.
  const kept: string[] = [];
  for (const re of protectedNames) {
    s = s.replace(re, (m) => {
      kept.push(m);
      return KEEP(kept.length - 1);
    });
  }
  for (const t of targets) {
    for (const re of t.sequences) {
      s = s.replace(re, () => {
        count++;
        return MARK(t.key);
      });
    }
  }
  for (const t of targets) {
    for (const re of t.patterns) {
      s = s.replace(re, () => {
        count++;
        return MARK(t.key);
      });
    }
    if (t.initials.length > 0) {
      const one = `[${t.initials.map(escapeRe).join('')}]\\.`;
      const ini = `${one}(?:[\\s\\u00a0]*${one})?`;
      const m = escapeRe(MARK(t.key));
      s = s.replace(new RegExp(`${m}[\\s\\u00a0]*${ini}`, 'gu'), MARK(t.key));
      s = s.replace(new RegExp(`${ini}[\\s\\u00a0]*${m}`, 'gu'), MARK(t.key));
    }
  }
  // One mark for a run of the same person's marks («Иванова Анна» → «наставник»).
  s = s.replace(/(\uf8f0([\ue000-\uefff])\uf8f1)(?:[\s\u00a0-]*\uf8f0\2\uf8f1)+/gu, '$1');
  s = s.replace(/\uf8f0([\ue000-\uefff])\uf8f1/gu, (_, k: string, at: number, all: string) => {
    const a = alias((k.codePointAt(0) as number) - 0xe000);
    // A role at the start of a sentence starts with a capital letter (not after «род.», «им.»).
    return /(?:^|[!?…]\s+|(?:\p{L}{4,}|\d|[»)])\.\s+)$/u.test(all.slice(0, at))
      ? a.charAt(0).toUpperCase() + a.slice(1)
      : a;
  });
  s = s.replace(
    /\uf8f2([\ue000-\uefff])\uf8f3/gu,
    (_, k: string) => kept[(k.codePointAt(0) as number) - 0xe000] as string,
  );
  return { text: s, count };
}

const PublicationOptionsSchema = z.object({
  people: z.array(PersonSchema).max(4000),
  consents: z.array(ConsentSchema).default([]),
  consentPolicy: ConsentPolicySchema.default(defaultConsentPolicy),
  date: IsoDateSchema,
});

/**
 * Prepare a reviewed case for the authority's site and the collection
 * «Лучшие практики наставничества» (001 7.5). A person is named only when
 * the consent policy allows `publication` for them on `date` (by default the
 * separate consent to dissemination, 152-ФЗ ст. 10.1, and the processing
 * consent; for a minor, signed by a parent). For everyone else — every
 * person in `people`, participant or not — every free text of the case
 * (title, target group, problem, actions, results, materials, indicator
 * titles) is scrubbed of their name parts (declined too: «Ивановой»), their
 * initials beside the name, their birth date in the usual spellings, their
 * external id, identity document and address; the mention becomes their
 * role («наставник», «наставляемый 2»). Names of parents who signed
 * consents are scrubbed always. Participants' profiles are depersonalised
 * by generalisation (order № 140): category and experience in five-year
 * bands. Only a `reviewed` or `published` case may be prepared.
 *
 * @category Best practices
 * @example
 * const out = preparePracticeForPublication(reviewedCase, { people, consents, date: '2024-06-10' });
 * out.participants; // [{ role: 'mentor', label: 'наставник', profile: 'педагог, стаж 10–14 лет' }, …]
 */
export function preparePracticeForPublication(
  practice: PracticeCaseInput,
  options: {
    people: readonly z.input<typeof PersonSchema>[];
    consents?: readonly z.input<typeof ConsentSchema>[];
    consentPolicy?: z.input<typeof ConsentPolicySchema>;
    date: IsoDate | string;
  },
): PublishablePractice {
  const c = parse(PracticeCaseSchema, practice, ['practice']);
  const o = parse(PublicationOptionsSchema, options, ['options']);
  const status = practiceStatus(c);
  if (status !== 'reviewed' && status !== 'published') {
    throw fail('practice_transition_invalid', ['practice', 'history'], { from: status, to: 'published' });
  }
  const people = new Map(o.people.map((p) => [p.id as string, p]));
  c.participants.forEach((p, i) => {
    if (!people.has(p.personId)) {
      throw fail('unknown_reference', ['practice', 'participants', i, 'personId'], {
        ref: 'participant',
        id: p.personId,
      });
    }
  });
  const consentsOf = o.consents as readonly Consent[];
  const policy: ConsentPolicy = o.consentPolicy;
  const allowed = (p: Person, role: PracticeParticipant['role']) =>
    mayProcessFor(
      policy,
      p,
      role === 'mentor' ? 'mentor' : role === 'mentee' ? 'mentee' : 'participant',
      'publication',
      consentsOf,
      o.date,
    );

  // Aliases: the role, numbered when several participants share it.
  const roleCount = new Map<string, number>();
  for (const p of c.participants) roleCount.set(p.role, (roleCount.get(p.role) ?? 0) + 1);
  const roleSeen = new Map<string, number>();
  const labelOf = new Map<string, string>();
  for (const p of c.participants) {
    const n = (roleSeen.get(p.role) ?? 0) + 1;
    roleSeen.set(p.role, n);
    labelOf.set(p.personId, (roleCount.get(p.role) ?? 0) > 1 ? `${ROLE_RU[p.role]} ${n}` : ROLE_RU[p.role]);
  }

  const aliases: string[] = [];
  const HIDDEN = 0xfff;
  const targets: Target[] = [];
  const roleOf = new Map(c.participants.map((p) => [p.personId as string, p.role]));
  const consentedParts: string[] = [];
  const consentedNames: Person['name'][] = [];
  const refusedParts: string[] = [];
  const refusedNames: string[][] = [];
  for (const p of o.people) {
    const role = roleOf.get(p.id);
    if (allowed(p, role ?? 'other')) {
      consentedParts.push(...nameParts(p.name));
      consentedNames.push(p.name);
      continue;
    }
    refusedParts.push(...nameParts(p.name));
    refusedNames.push(nameParts(p.name));
    aliases.push(labelOf.get(p.id) ?? ROLE_RU.other);
    targets.push(targetOf(aliases.length - 1, p.name, []));
    // Other identifying values (birth date, ids, document, address) are hidden, not replaced by a role.
    const values = identifyingValues(p);
    if (values.length > 0) targets.push(targetOf(HIDDEN, { lastName: '', firstName: '' }, values));
  }
  // Parents and guardians who signed consents are never the subject of a case: scrubbed always.
  for (const k of consentsOf) {
    if (k.representative === undefined) continue;
    refusedParts.push(...nameParts(k.representative));
    refusedNames.push(nameParts(k.representative));
    aliases.push('родитель (законный представитель)');
    targets.push(targetOf(aliases.length - 1, k.representative, []));
  }
  const hits = (re: RegExp, q: string): boolean => {
    re.lastIndex = 0;
    const hit = re.test(q) || re.test(stemOf(q));
    re.lastIndex = 0;
    return hit;
  };
  // A consenting person's two or three name parts together («Валерий Константинович») are theirs
  // unless a non-consenting person shares every one of those parts; single parts only when no
  // non-consenting name part matches them.
  const sequences = consentedNames.flatMap((name) => {
    return nameSequences(name).filter(
      (seq) => !refusedNames.some((r) => seq.every((part) => r.some((q) => hits(wordPattern(part), q)))),
    );
  });
  const protectedNames = [
    ...sequences.sort((a, b) => b.length - a.length).map((seq) => nameSequencePattern(seq)),
    ...[...new Set(consentedParts)]
      .map((part) => wordPattern(part))
      .filter((re) => refusedParts.every((q) => !hits(re, q))),
  ];
  // Longer values first, so a full address is replaced before its parts.
  let redactions = 0;
  const clean = (t: string): string => {
    const r = scrub(t, targets, protectedNames, (k) =>
      k === HIDDEN ? 'сведения скрыты' : (aliases[k] as string),
    );
    redactions += r.count;
    return r.text;
  };
  const scrubbed: PracticeCase = {
    ...c,
    title: clean(c.title),
    targetGroup: clean(c.targetGroup),
    problem: clean(c.problem),
    actions: c.actions.map(clean),
    results: clean(c.results),
    indicators: c.indicators.map((i) => ({ ...i, title: clean(i.title) })),
    materials: c.materials.map((m) => ({ ...m, title: clean(m.title) })),
    history: c.history.map((h) => ({
      ...h,
      byPosition: clean(h.byPosition),
      ...(h.comment !== undefined ? { comment: clean(h.comment) } : {}),
    })),
  };

  // Profiles, depersonalised by generalisation (order № 140): category, experience in bands.
  const rows = c.participants.map((pp) => {
    const p = people.get(pp.personId) as Person;
    return {
      personId: p.id,
      category: p.category,
      experienceYears: p.experienceYears ?? null,
      grade: p.grade ?? null,
    };
  });
  const released = depersonalise(rows, {
    secret: `practice:${c.id}:profiles`,
    fields: {
      personId: { method: 'delete' },
      category: { method: 'keep' },
      experienceYears: { method: 'generalise', step: 5 },
      grade: { method: 'keep' },
    },
  });
  const profileAt: string[] = [];
  released.key.order.forEach((orig, i) => {
    const r = released.rows[i] as Record<string, string | number | null>;
    const category = personCategoryLabels[r.category as Person['category']].ru;
    const parts = [category];
    if (r.grade !== null && r.grade !== undefined) parts.push(`${r.grade} класс`);
    if (typeof r.experienceYears === 'string') parts.push(`стаж ${r.experienceYears} лет`);
    profileAt[orig] = parts.join(', ');
  });
  const participants = c.participants.map((pp, i): PublishedParticipant => {
    const p = people.get(pp.personId) as Person;
    return {
      role: pp.role,
      label: labelOf.get(pp.personId) as string,
      ...(allowed(p, pp.role) ? { name: formatName(p.name, 'initialsFirst') } : {}),
      profile: profileAt[i] as string,
    };
  });
  return { practice: scrubbed, participants, redactions };
}

function targetOf(key: number, name: Person['name'], values: readonly string[]): Target {
  const parts = nameParts(name);
  const patterns = [
    // Identifying values first, longest first (a whole address before its parts).
    ...[...values]
      .sort((a, b) => b.length - a.length)
      .map((v) => new RegExp(yo(v.normalize('NFC').trim()).replace(/\s+/gu, '[\\s\\u00a0]+'), 'giu')),
    ...parts.flatMap(namePartPatterns),
  ];
  const initials = [name.firstName, name.middleName]
    .filter((x): x is string => x !== undefined)
    .map((x) => x.charAt(0).toUpperCase())
    .filter((x) => /\p{Lu}/u.test(x));
  return { key, sequences: nameSequences(name).map((seq) => nameSequencePattern(seq)), patterns, initials };
}

/** The orders a full name is written in: «Фамилия Имя Отчество», «Имя Отчество Фамилия», «Имя Отчество», «Фамилия Имя», «Имя Фамилия». */
function nameSequences(name: Person['name']): string[][] {
  const { lastName: last, firstName: first, middleName: middle } = name;
  return [
    [last, first, middle],
    [first, middle, last],
    [first, middle],
    [last, first],
    [first, last],
  ].filter((q): q is string[] => q.every((x) => x !== undefined && x.length > 0));
}

function nameSequencePattern(seq: readonly string[]): RegExp {
  return new RegExp(seq.map((x) => wordBody(x)).join('[\\s\\u00a0]+'), 'giu');
}
