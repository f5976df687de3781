import type { MenteeWithProfile, MentorWithProfile } from '@nastavnik/core';
import {
  type Consent,
  ConsentSchema,
  type IssuePath,
  type MenteeProfile,
  MenteeProfileSchema,
  type MentorProfile,
  MentorProfileSchema,
  type Pair,
  PairSchema,
  type Person,
  PersonSchema,
  type Request,
  RequestSchema,
} from '@nastavnik/core';
import { type Cell, cellText, isoToUtcDate, parseDate, parseGrade, parseNumber, splitList } from './cells';
import type { Lookups } from './enums';
import type { RowCtx } from './row';
import { collapseSpaces, normalizeKey } from './text';

const NAME_PARTS = ['lastName', 'firstName', 'middleName'] as const;

const PERSON_PATH: Readonly<Record<string, string>> = {
  id: 'personId',
  organizationId: 'organizationId',
  category: 'category',
  gender: 'gender',
  birthDate: 'birthDate',
  position: 'position',
  experienceYears: 'experienceYears',
  subjects: 'subjects',
  grade: 'grade',
  externalId: 'externalId',
};

function personField(ctx: RowCtx, path: IssuePath): string | undefined {
  const [head, sub] = path;
  if (head === 'name') {
    if (ctx.has('fullName') && !NAME_PARTS.some((k) => ctx.has(k) && !ctx.blank(k))) return 'fullName';
    return typeof sub === 'string' ? sub : 'fullName';
  }
  return typeof head === 'string' ? PERSON_PATH[head] : undefined;
}

/** A person-identity key for finding the same person twice: name + birth date. */
export function nameKey(p: Pick<Person, 'name' | 'birthDate'>): string {
  const n = normalizeKey([p.name.lastName, p.name.firstName, p.name.middleName ?? ''].join(' '));
  return `${n}|${p.birthDate ?? ''}`;
}

function readPerson(ctx: RowCtx, defaultCategory: Person['category'] | undefined): Person | undefined {
  const e = ctx.env;
  const name = ctx.name('fullName', NAME_PARTS);
  const id = ctx.id('personId') ?? `${e.idPrefix}-${ctx.row}`;
  const organizationId = ctx.id('organizationId') ?? e.organizationId;
  let category = ctx.one('category', 'category') as Person['category'] | undefined;
  const gender = ctx.one('gender', 'gender');
  const birthDate = ctx.date('birthDate');
  const position = ctx.text('position');
  const experienceYears = ctx.number('experienceYears');
  const subjects = ctx.list('subjects');
  const grade = ctx.grade('grade');
  const externalId = ctx.id('externalId');
  if (category === undefined && ctx.blank('category')) {
    if (grade !== undefined) category = 'pupil';
    else category = defaultCategory;
    if (category !== undefined && ctx.has('category')) {
      ctx.warn(
        'category',
        'value_defaulted',
        `Категория участника не указана; принято «${category === 'pupil' ? 'обучающийся' : 'педагог'}»`,
        `Category not given; taken as "${category}"`,
      );
    }
  }
  if (name === undefined || ctx.issues.length > 0) return undefined;
  const raw = {
    id,
    organizationId,
    category,
    name,
    ...(gender !== undefined ? { gender } : {}),
    ...(birthDate !== undefined ? { birthDate } : {}),
    ...(position !== undefined ? { position } : {}),
    ...(experienceYears !== undefined ? { experienceYears } : {}),
    subjects,
    ...(grade !== undefined ? { grade } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
  };
  return ctx.validate(PersonSchema, raw, (p) => personField(ctx, p));
}

const TRAINING =
  /^(.+?)\s*\((\d+(?:[.,]\d+)?)\s*ч\.?\s*,\s*([^,()]+?)\s*(?:,\s*(.+))?\)\s*(?:\[([^\]]+)\])?$/;

function readTraining(ctx: RowCtx): unknown[] | undefined {
  const cell = ctx.raw('training');
  // Read the raw text: line breaks separate courses.
  const t = typeof cell === 'string' ? cell : cellText(cell);
  if (t === undefined || t.trim() === '') return [];
  if (!ctx.fits('training', t)) return undefined;
  const out: unknown[] = [];
  for (const part of t.split(/\r?\n|\r|;(?![^()]*\))/)) {
    const s = ctx.clean('training', collapseSpaces(part), false);
    if (s === '') continue;
    const m = TRAINING.exec(s);
    const date = m ? parseDate(m[3], { date1904: false, pivot: ctx.env.pivot }) : undefined;
    const hours = m ? parseNumber(m[2]) : undefined;
    if (!m || !date?.ok || !hours?.ok) {
      ctx.fail('training', 'invalid_format', { format: 'training' });
      return undefined;
    }
    const provider = m[4]?.trim();
    const courseId = m[5]?.trim();
    out.push({
      ...(courseId ? { courseId } : {}),
      title: (m[1] ?? '').trim(),
      hours: hours.value,
      completedAt: date.value,
      ...(provider ? { provider } : {}),
    });
  }
  return out;
}

/** «нет», «-», «—»: explicitly nothing (as opposed to an empty cell, which means «as in Предметы»). */
const NONE = /^(нет|-|—|–)$/i;

const MENTOR_PATH: Readonly<Record<string, string>> = {
  competences: 'competences',
  subjects: 'mentorSubjects',
  education: 'education',
  position: 'position',
  experienceYears: 'experienceYears',
  lifeExperience: 'lifeExperience',
  interests: 'interests',
  menteeGroups: 'menteeGroups',
  capacity: 'capacity',
  availableHoursPerMonth: 'availableHoursPerMonth',
  formats: 'formats',
  forms: 'forms',
  training: 'training',
};

/** A row of the mentor registry. */
export function mapMentor(ctx: RowCtx): MentorWithProfile | undefined {
  const person = readPerson(ctx, 'teacher');
  const competences = ctx.many('competences', 'competences');
  const menteeGroups = ctx.many('menteeGroups', 'menteeGroups');
  const formats = ctx.many('formats', 'formats');
  const forms = ctx.many('forms', 'forms');
  const education = ctx.text('education');
  const lifeExperience = ctx.text('lifeExperience');
  const interests = ctx.list('interests');
  let capacity = ctx.number('capacity');
  const hours = ctx.number('availableHoursPerMonth');
  const training = readTraining(ctx);
  const ownSubjects = ctx.text('mentorSubjects');
  if (capacity === undefined && ctx.blank('capacity')) {
    capacity = 1;
    if (ctx.has('capacity')) {
      ctx.warn(
        'capacity',
        'value_defaulted',
        'Число наставляемых не указано; принято 1',
        'Capacity not given; taken as 1',
      );
    }
  }
  if (person === undefined || ctx.issues.length > 0) return undefined;
  const raw = {
    personId: person.id,
    competences,
    subjects:
      ownSubjects === undefined
        ? person.subjects
        : NONE.test(ownSubjects)
          ? []
          : splitList(ownSubjects, true),
    ...(education !== undefined ? { education } : {}),
    ...(person.position !== undefined ? { position: person.position } : {}),
    ...(person.experienceYears !== undefined ? { experienceYears: person.experienceYears } : {}),
    ...(lifeExperience !== undefined ? { lifeExperience } : {}),
    interests,
    menteeGroups,
    capacity,
    ...(hours !== undefined ? { availableHoursPerMonth: hours } : {}),
    formats,
    forms,
    training,
  };
  const profile = ctx.validate(MentorProfileSchema, raw, (p) =>
    typeof p[0] === 'string' ? MENTOR_PATH[p[0]] : undefined,
  );
  return profile ? { person, profile } : undefined;
}

const REQUEST_PATH: Readonly<Record<string, string>> = {
  id: 'requestId',
  menteeId: 'personId',
  competence: 'requestCompetence',
  difficulty: 'requestDifficulty',
  priority: 'priority',
  subject: 'requestSubject',
  wantedFormats: 'wantedFormats',
  wantedForm: 'wantedForm',
  source: 'source',
  createdAt: 'requestDate',
};

const REQUEST_KEYS = [
  'requestId',
  'requestCompetence',
  'requestDifficulty',
  'priority',
  'requestSubject',
  'wantedFormats',
  'wantedForm',
  'source',
  'requestDate',
] as const;

/** A row of the mentee registry: the mentee, and the request on this row (if any). */
export interface MenteeRow {
  readonly record: MenteeWithProfile;
  readonly request: Request | undefined;
  /** Rows with the same key in a row are one mentee with several requests. */
  readonly key: string;
  /** The request id came from the file (not made up). */
  readonly requestIdGiven: boolean;
}

function groupFromGrade(grade: number): string {
  return grade <= 4 ? 'primarySchool' : grade <= 9 ? 'middleSchool' : 'highSchool';
}

const PUPIL_GROUPS: Readonly<Record<string, Person['category']>> = {
  primarySchool: 'pupil',
  middleSchool: 'pupil',
  highSchool: 'pupil',
  student: 'student',
};

/** The mentee's group: the given one, or derived from the grade when the group is blank. */
function menteeGroup(ctx: RowCtx): { group: string | undefined; blank: boolean } {
  let group = ctx.one('group', 'menteeGroups');
  const blank = ctx.blank('group');
  const gradeSilent = parseGrade(ctx.raw('grade'));
  if (blank && gradeSilent.ok && gradeSilent.value >= 1 && gradeSilent.value <= 11) {
    group = groupFromGrade(gradeSilent.value);
    ctx.warn(
      'group',
      'value_derived',
      'Группа наставляемого не указана; определена по классу',
      'Mentee group not given; derived from the grade',
    );
  }
  return { group, blank };
}

/**
 * The request on a mentee row, before validation (ids still `pending`):
 * a blank source or date takes its default, with a warning.
 */
function readRequest(ctx: RowCtx): { raw: Record<string, unknown>; idGiven: boolean } {
  const competence = ctx.one('requestCompetence', 'competences');
  const difficulty = ctx.text('requestDifficulty');
  const priority = ctx.one('priority', 'priority');
  const subject = ctx.text('requestSubject');
  const wantedFormats = ctx.many('wantedFormats', 'formats');
  const wantedForm = ctx.one('wantedForm', 'forms');
  let source = ctx.one('source', 'source');
  let createdAt = ctx.date('requestDate');
  const requestId = ctx.id('requestId');
  if (source === undefined && ctx.blank('source')) {
    source = 'self';
    if (ctx.has('source')) {
      ctx.warn(
        'source',
        'value_defaulted',
        'Источник запроса не указан; принято «сам наставляемый»',
        'Request source not given; taken as "self"',
      );
    }
  }
  if (createdAt === undefined && ctx.blank('requestDate')) {
    if (ctx.env.requestDate !== undefined) {
      createdAt = ctx.env.requestDate;
      if (ctx.has('requestDate')) {
        ctx.warn(
          'requestDate',
          'value_defaulted',
          'Дата запроса не указана; взята дата из настроек загрузки',
          'Request date not given; taken from the import options',
        );
      }
    } else {
      ctx.required('requestDate');
    }
  }
  const raw: Record<string, unknown> = {
    id: requestId ?? 'pending',
    menteeId: 'pending',
    ...(competence !== undefined ? { competence } : {}),
    ...(difficulty !== undefined ? { difficulty } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(subject !== undefined ? { subject } : {}),
    wantedFormats,
    ...(wantedForm !== undefined ? { wantedForm } : {}),
    source,
    createdAt,
  };
  return { raw, idGiven: requestId !== undefined };
}

/** A row of the mentee registry. */
export function mapMentee(ctx: RowCtx): MenteeRow | undefined {
  const { group, blank: groupBlank } = menteeGroup(ctx);
  const defaultCategory = group !== undefined ? (PUPIL_GROUPS[group] ?? 'teacher') : 'teacher';
  const person = readPerson(ctx, defaultCategory);
  if (group === undefined && groupBlank) ctx.required('group');
  const interests = ctx.list('interests');
  const preferredFormats = ctx.many('preferredFormats', 'formats');
  const hasRequest = REQUEST_KEYS.some((k) => !ctx.blank(k));
  const read = hasRequest ? readRequest(ctx) : undefined;
  const requestRaw = read?.raw;
  const requestIdGiven = read?.idGiven ?? false;
  if (person === undefined || group === undefined || ctx.issues.length > 0) return undefined;
  let request: Request | undefined;
  if (requestRaw) {
    requestRaw.menteeId = person.id;
    if (requestRaw.id === 'pending') requestRaw.id = `${person.id}-r1`;
    request = ctx.validate(RequestSchema, requestRaw, (p) =>
      typeof p[0] === 'string' ? REQUEST_PATH[p[0]] : undefined,
    );
    if (request === undefined) return undefined;
  }
  const profile = ctx.validate(
    MenteeProfileSchema,
    { personId: person.id, group, requests: request ? [request] : [], interests, preferredFormats },
    (p) => {
      if (p[0] === 'requests' && typeof p[2] === 'string') return REQUEST_PATH[p[2]];
      return typeof p[0] === 'string'
        ? (
            { group: 'group', interests: 'interests', preferredFormats: 'preferredFormats' } as Record<
              string,
              string
            >
          )[p[0]]
        : undefined;
    },
  );
  if (profile === undefined) return undefined;
  const key = ctx.has('personId') && !ctx.blank('personId') ? `id:${person.id}` : `name:${nameKey(person)}`;
  return { record: { person, profile }, request, key, requestIdGiven };
}

const CONSENT_PATH: Readonly<Record<string, string>> = {
  id: 'consentId',
  personId: 'personId',
  purpose: 'purpose',
  givenBy: 'givenBy',
  representative: 'representative',
  givenAt: 'givenAt',
  withdrawnAt: 'withdrawnAt',
  documentRef: 'documentRef',
};

function resolvePerson(ctx: RowCtx, idKey: string, nameKeyField: string, birth?: string): string | undefined {
  const id = ctx.id(idKey);
  if (id !== undefined) return id;
  const name = ctx.text(nameKeyField, true);
  if (name === undefined || ctx.env.persons === undefined) {
    ctx.required(ctx.has(idKey) || !ctx.has(nameKeyField) ? idKey : nameKeyField);
    return undefined;
  }
  return resolveName(ctx, nameKeyField, name, birth);
}

function resolveName(ctx: RowCtx, key: string, name: string, birth: string | undefined): string | undefined {
  const found = ctx.env.persons?.find(name, birth) ?? [];
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    ctx.fail(key, 'unknown_reference', { ref: 'registryPerson' });
  } else {
    ctx.fail(key, 'ambiguous_reference');
  }
  return undefined;
}

/** A row of the consent registry. */
export function mapConsent(ctx: RowCtx): Consent | undefined {
  const birth = ctx.date('birthDate');
  const personId = resolvePerson(ctx, 'personId', 'fullName', birth);
  const purpose = ctx.one('purpose', 'purpose');
  const givenBy = ctx.one('givenBy', 'givenBy');
  const repText = ctx.text('representative', true);
  const representative = repText === undefined ? undefined : ctx.splitName('representative', repText);
  const givenAt = ctx.date('givenAt');
  const withdrawnAt = ctx.date('withdrawnAt');
  const documentRef = ctx.id('documentRef');
  if (purpose === undefined && ctx.blank('purpose')) ctx.required('purpose');
  if (givenBy === undefined && ctx.blank('givenBy')) ctx.required('givenBy');
  if (givenAt === undefined && ctx.blank('givenAt')) ctx.required('givenAt');
  if (ctx.issues.length > 0 || personId === undefined) return undefined;
  const raw = {
    id: ctx.id('consentId') ?? `${ctx.env.idPrefix}-${ctx.row}`,
    personId,
    purpose,
    givenBy,
    ...(representative !== undefined ? { representative } : {}),
    givenAt,
    ...(withdrawnAt !== undefined ? { withdrawnAt } : {}),
    ...(documentRef !== undefined ? { documentRef } : {}),
  };
  return ctx.validate(ConsentSchema, raw, (p) => (typeof p[0] === 'string' ? CONSENT_PATH[p[0]] : undefined));
}

/** A row of the pair registry. */
export function mapPair(ctx: RowCtx): Pair | undefined {
  const mentorId = resolvePerson(ctx, 'mentorId', 'mentorName');
  let menteeIds = ctx.list('menteeIds');
  if (menteeIds.length === 0) {
    const names = ctx.text('menteeNames', true);
    if (names !== undefined && ctx.env.persons !== undefined) {
      menteeIds = [];
      for (const n of splitList(names, true)) {
        const id = resolveName(ctx, 'menteeNames', n, undefined);
        if (id !== undefined) menteeIds.push(id);
      }
    } else {
      ctx.required(ctx.has('menteeIds') || !ctx.has('menteeNames') ? 'menteeIds' : 'menteeNames');
    }
  }
  const form = ctx.one('form', 'forms');
  const formats = ctx.many('formats', 'formats');
  let origin = ctx.one('origin', 'origin');
  const requestIds = ctx.list('requestIds');
  const orderId = ctx.id('orderId');
  if (form === undefined && ctx.blank('form')) ctx.required('form');
  if (formats.length === 0 && ctx.blank('formats')) ctx.required('formats');
  if (origin === undefined && ctx.blank('origin')) {
    origin = 'curator';
    if (ctx.has('origin')) {
      ctx.warn(
        'origin',
        'value_defaulted',
        'Способ формирования не указан; принято «куратор»',
        'Origin not given; taken as "curator"',
      );
    }
  }
  if (ctx.issues.length > 0 || mentorId === undefined) return undefined;
  const raw = {
    id: ctx.id('pairId') ?? `${ctx.env.idPrefix}-${ctx.row}`,
    organizationId: ctx.id('organizationId') ?? ctx.env.organizationId,
    mentorId,
    menteeIds,
    form,
    formats,
    origin,
    requestIds,
    ...(orderId !== undefined ? { orderId } : {}),
  };
  return ctx.validate(PairSchema, raw, (p) => {
    const k = p[0];
    if (k === 'id') return 'pairId';
    if (k === 'mentorId') return ctx.has('mentorId') ? 'mentorId' : 'mentorName';
    if (k === 'menteeIds') return ctx.has('menteeIds') ? 'menteeIds' : 'menteeNames';
    return typeof k === 'string' ? k : undefined;
  });
}

// ---------------------------------------------------------------- export

const joinList = (xs: readonly string[]): string | undefined => (xs.length > 0 ? xs.join('; ') : undefined);
const labels = (l: Lookups, list: keyof Lookups, ids: readonly string[]) =>
  joinList(ids.map((id) => l[list].label(id)));
const label = (l: Lookups, list: keyof Lookups, id: string | undefined) =>
  id === undefined ? undefined : l[list].label(id);
const date = (iso: string | undefined): Cell => (iso === undefined ? undefined : isoToUtcDate(iso));

function personCells(p: Person, l: Lookups): Record<string, Cell> {
  return {
    personId: p.id,
    organizationId: p.organizationId,
    externalId: p.externalId,
    lastName: p.name.lastName,
    firstName: p.name.firstName,
    middleName: p.name.middleName,
    gender: label(l, 'gender', p.gender),
    birthDate: date(p.birthDate),
    category: label(l, 'category', p.category),
    position: p.position,
    experienceYears: p.experienceYears,
    subjects: joinList(p.subjects),
    grade: p.grade,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function trainingText(t: MentorProfile['training']): string | undefined {
  if (t.length === 0) return undefined;
  return t
    .map((r) => {
      const [y, m, d] = r.completedAt.split('-');
      const hours = String(r.hours).replace('.', ',');
      const code = r.courseId ? ` [${r.courseId}]` : '';
      return `${r.title} (${hours} ч, ${d}.${m}.${y}${r.provider ? `, ${r.provider}` : ''})${code}`;
    })
    .join('\n');
}

/** Cells of a mentor record by field key. */
export function mentorCells(r: MentorWithProfile, l: Lookups): Record<string, Cell>[] {
  const p = r.profile;
  return [
    {
      ...personCells(r.person, l),
      mentorSubjects: sameList(p.subjects, r.person.subjects)
        ? undefined
        : p.subjects.length === 0
          ? 'нет'
          : joinList(p.subjects),
      education: p.education,
      lifeExperience: p.lifeExperience,
      interests: joinList(p.interests),
      competences: labels(l, 'competences', p.competences),
      menteeGroups: labels(l, 'menteeGroups', p.menteeGroups),
      capacity: p.capacity,
      availableHoursPerMonth: p.availableHoursPerMonth,
      formats: labels(l, 'formats', p.formats),
      forms: labels(l, 'forms', p.forms),
      training: trainingText(p.training),
    },
  ];
}

/** Cells of a mentee record: one row per request (the person repeated), or one row without a request. */
export function menteeCells(r: MenteeWithProfile, l: Lookups): Record<string, Cell>[] {
  const p: MenteeProfile = r.profile;
  const base = {
    ...personCells(r.person, l),
    group: label(l, 'menteeGroups', p.group),
    interests: joinList(p.interests),
    preferredFormats: labels(l, 'formats', p.preferredFormats),
  };
  if (p.requests.length === 0) return [base];
  return p.requests.map((q) => ({
    ...base,
    requestId: q.id,
    requestCompetence: label(l, 'competences', q.competence),
    requestDifficulty: q.difficulty,
    priority: label(l, 'priority', q.priority),
    requestSubject: q.subject,
    wantedFormats: labels(l, 'formats', q.wantedFormats),
    wantedForm: label(l, 'forms', q.wantedForm),
    source: label(l, 'source', q.source),
    requestDate: date(q.createdAt),
  }));
}

/** Cells of a consent. */
export function consentCells(c: Consent, l: Lookups): Record<string, Cell>[] {
  const rep = c.representative;
  return [
    {
      consentId: c.id,
      personId: c.personId,
      purpose: label(l, 'purpose', c.purpose),
      givenBy: label(l, 'givenBy', c.givenBy),
      representative: rep
        ? [rep.lastName, rep.firstName, rep.middleName].filter(Boolean).join(' ')
        : undefined,
      givenAt: date(c.givenAt),
      withdrawnAt: date(c.withdrawnAt),
      documentRef: c.documentRef,
    },
  ];
}

/** Cells of a pair. */
export function pairCells(p: Pair, l: Lookups): Record<string, Cell>[] {
  return [
    {
      pairId: p.id,
      organizationId: p.organizationId,
      mentorId: p.mentorId,
      menteeIds: joinList(p.menteeIds),
      form: label(l, 'forms', p.form),
      formats: labels(l, 'formats', p.formats),
      origin: label(l, 'origin', p.origin),
      requestIds: joinList(p.requestIds),
      orderId: p.orderId,
    },
  ];
}
