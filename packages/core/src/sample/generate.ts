import { z } from 'zod';
import { addMonthsIso, dayNumber, dayNumberFromParts, isoFromDayNumber } from '../calendar';
import type { Consent, ConsentGiver } from '../consent';
import {
  type ConsentPolicy,
  ConsentPolicySchema,
  type ConsentRole,
  defaultConsentPolicy,
  type ProcessingActivity,
  requiredConsents,
} from '../consentPolicy';
import {
  type AcademicYear,
  AcademicYearSchema,
  academicYearBounds,
  academicYearOf,
  type IsoDate,
  IsoDateSchema,
} from '../dates';
import { type ConsentPurpose, ConsentPurposeSchema, type RequestSource } from '../enums';
import { fail } from '../errors';
import type {
  ConsentId,
  OrderId,
  OrganizationId,
  PersonId,
  ProgrammeId,
  RequestId,
  TrainingCourseId,
} from '../ids';
import { registerCatalogue } from '../messages/catalogue';
import type { Order } from '../order';
import type { Organization } from '../organization';
import { parse } from '../parse';
import { type Gender, isMinorOn, type Person, type PersonName } from '../person';
import type { MenteeProfile, MentorProfile, Request, RequestPriority, TrainingRecord } from '../profiles';
import type { Programme } from '../programme';
import {
  adultName,
  childName,
  type Family,
  type FullName,
  family,
  fatherName,
  motherName,
} from './_internal/names';
import { mixSeed, Random } from './_internal/random';
import {
  EDUCATION,
  INTERESTS,
  OWNERSHIP,
  PUPIL_COMPETENCES,
  PUPIL_DIFFICULTIES,
  REGIONS,
  SPECIALISTS,
  SUBJECTS,
  TEACHER_COMPETENCES,
  TEACHER_DIFFICULTIES,
  TOWNS,
  TRAINING_PROVIDERS,
  VILLAGES,
} from './_internal/texts';

registerCatalogue();

// ---------------------------------------------------------------------------------------------
// Options

const commonOptions = {
  /** Seed of the generator: the same seed gives the same data. */
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  /** Pupils in every school. */
  pupilsPerSchool: z.number().int().min(0).max(5000).default(60),
  /** Teachers in every school (the curator, a deputy head, included; the head is extra). */
  teachersPerSchool: z.number().int().min(1).max(500).default(20),
  /** The academic year of the programmes (default: that of `asOf`, or 2023-2024). */
  academicYear: AcademicYearSchema.optional(),
  /** The date of the snapshot: consents and requests are dated on or before it; ages are taken on it. */
  asOf: IsoDateSchema.optional(),
  /**
   * The consent policy the consents are generated from: every participant
   * signs what `requiredConsents` asks of them for each role they have
   * (default: core's `defaultConsentPolicy`).
   */
  consentPolicy: ConsentPolicySchema.optional(),
  /**
   * Deliberate consent gaps, so that consent checks have something to refuse
   * (default `true`): some participants have no consent at all, some minors
   * signed themselves, some withdrew, some lack a pair purpose. `false`:
   * everyone has every consent the policy asks.
   */
  consentGaps: z.boolean().default(true),
};

/**
 * Options of {@link generateMunicipality}, validated with zod: `seed`
 * (default 1), `schools` (4), `pupilsPerSchool` (60), `teachersPerSchool`
 * (20), `academicYear` and `asOf` (default 2023-2024 and 1 October of its
 * first year; `asOf` must fall within the academic year), `consentPolicy`
 * (default `defaultConsentPolicy`) and `consentGaps` (default `true`).
 * Unknown keys are rejected.
 *
 * @category Sample data
 * @example
 * SampleMunicipalityOptionsSchema.parse({ seed: 7, schools: 2 });
 */
export const SampleMunicipalityOptionsSchema = z.strictObject({
  ...commonOptions,
  /** Schools in the municipality. */
  schools: z.number().int().min(1).max(500).default(4),
});
/**
 * Options of {@link generateMunicipality} as written (every field optional).
 *
 * @category Sample data
 * @example
 * const options: SampleMunicipalityOptions = { seed: 42, schools: 3, pupilsPerSchool: 100 };
 */
export type SampleMunicipalityOptions = z.input<typeof SampleMunicipalityOptionsSchema>;

/**
 * Options of {@link generateRegion} and {@link iterateRegionSchools}: those
 * of a municipality, with `municipalities` (default 3) and
 * `schoolsPerMunicipality` (default 4) instead of `schools`.
 *
 * @category Sample data
 * @example
 * SampleRegionOptionsSchema.parse({ municipalities: 5, schoolsPerMunicipality: 10, pupilsPerSchool: 500 });
 */
export const SampleRegionOptionsSchema = z.strictObject({
  ...commonOptions,
  /** Municipalities (municipal education authorities) in the region. */
  municipalities: z.number().int().min(1).max(100).default(3),
  /** Schools in every municipality. */
  schoolsPerMunicipality: z.number().int().min(1).max(500).default(4),
});
/**
 * Options of {@link generateRegion} as written (every field optional).
 *
 * @category Sample data
 * @example
 * const options: SampleRegionOptions = { seed: 1, municipalities: 5, schoolsPerMunicipality: 10, pupilsPerSchool: 500 };
 */
export type SampleRegionOptions = z.input<typeof SampleRegionOptionsSchema>;

// ---------------------------------------------------------------------------------------------
// Output

/**
 * One generated school: the organization, its head and curator, its people
 * (the head, the teachers — the curator first — and the pupils), the mentor
 * and mentee registries, the consents, the orders that launch the target
 * model and the school's programme for the year.
 *
 * @category Sample data
 * @example
 * const school: SampleSchool = generateMunicipality().schools[0]!;
 * school.persons.filter((p) => p.category === 'pupil').length; // 60
 */
export interface SampleSchool {
  readonly organization: Organization;
  readonly head: Person;
  /** The curator of the target model in the school: a deputy head (003 §3.4). */
  readonly curator: Person;
  readonly persons: readonly Person[];
  readonly mentorProfiles: readonly MentorProfile[];
  readonly menteeProfiles: readonly MenteeProfile[];
  /** Every request of the school's mentees, in the order of {@link SampleSchool.menteeProfiles}. */
  readonly requests: readonly Request[];
  readonly consents: readonly Consent[];
  /** Introduce the model, approve the regulation and the roadmap, appoint the curator. */
  readonly orders: readonly Order[];
  readonly programme: Programme;
}

/**
 * A generated municipality: the region and the municipal education
 * authority above its schools, the municipal curator, and every entity in
 * flat lists (as registries hold them) as well as by school.
 *
 * Consents come from the consent policy (`requiredConsents` for each
 * participant's roles). Deliberate gaps (option `consentGaps`, on by
 * default), so that consent checks have something to refuse: in every
 * school some participating minors have no personal-data consent, a few
 * signed it themselves (no parent), a few withdrew it, and a few lack the
 * consent a pair needs (participation, mentor duties).
 *
 * @category Sample data
 * @example
 * const m: SampleMunicipality = generateMunicipality({ seed: 3 });
 * m.organizations.length; // region + authority + 4 schools = 6
 */
export interface SampleMunicipality {
  readonly seed: number;
  readonly academicYear: AcademicYear;
  /** The date the data describe: consents and requests are dated on or before it. */
  readonly asOf: IsoDate;
  readonly region: Organization;
  readonly authority: Organization;
  /** The municipal curator (координатор) at the authority. */
  readonly municipalCurator: Person;
  readonly schools: readonly SampleSchool[];
  /** The region, the authority, then the schools. */
  readonly organizations: readonly Organization[];
  /** The municipal curator, then every school's people. */
  readonly persons: readonly Person[];
  readonly mentorProfiles: readonly MentorProfile[];
  readonly menteeProfiles: readonly MenteeProfile[];
  readonly requests: readonly Request[];
  readonly consents: readonly Consent[];
  /** The authority's orders, then every school's. */
  readonly orders: readonly Order[];
  /** One programme per school. */
  readonly programmes: readonly Programme[];
}

/**
 * A generated region: the regional authority and its municipalities.
 *
 * @category Sample data
 * @example
 * const r: SampleRegion = generateRegion({ municipalities: 2, schoolsPerMunicipality: 3 });
 * r.municipalities.flatMap((m) => m.schools).length; // 6
 */
export interface SampleRegion {
  readonly seed: number;
  readonly academicYear: AcademicYear;
  readonly asOf: IsoDate;
  readonly region: Organization;
  readonly municipalities: readonly SampleMunicipality[];
  /** The region, then every municipality's authority and schools. */
  readonly organizations: readonly Organization[];
}

/**
 * One school yielded by {@link iterateRegionSchools}, with the region and
 * authority it belongs to (the same objects for every school of a
 * municipality) and its 1-based indices.
 *
 * @category Sample data
 * @example
 * for (const { authority, school } of iterateRegionSchools({ municipalities: 2 })) {
 *   console.log(authority.id, school.organization.id);
 * }
 */
export interface SampleRegionSchool {
  readonly region: Organization;
  readonly authority: Organization;
  readonly municipalityIndex: number;
  readonly schoolIndex: number;
  readonly school: SampleSchool;
}

// ---------------------------------------------------------------------------------------------
// Context

interface Ctx {
  readonly seed: number;
  readonly academicYear: AcademicYear;
  readonly asOf: IsoDate;
  readonly startYear: number;
  readonly asOfDay: number;
  /** First day consents and requests may carry: ten days before 1 September. */
  readonly campaignStartDay: number;
  readonly pupils: number;
  readonly teachers: number;
  readonly policy: ConsentPolicy;
  readonly gaps: boolean;
}

function context(o: {
  seed: number;
  pupilsPerSchool: number;
  teachersPerSchool: number;
  consentPolicy?: ConsentPolicy | undefined;
  consentGaps: boolean;
  academicYear?: AcademicYear | undefined;
  asOf?: IsoDate | undefined;
}): Ctx {
  let academicYear: AcademicYear;
  let asOf: IsoDate;
  if (o.academicYear !== undefined && o.asOf !== undefined) {
    const { start, end } = academicYearBounds(o.academicYear);
    if (o.asOf < start || o.asOf > end) {
      throw fail('invalid_date_range', ['asOf'], { reason: 'asOfOutsideYear' });
    }
    academicYear = o.academicYear;
    asOf = o.asOf;
  } else if (o.asOf !== undefined) {
    asOf = o.asOf;
    academicYear = academicYearOf(asOf);
  } else {
    academicYear = o.academicYear ?? '2023-2024';
    asOf = `${academicYear.slice(0, 4)}-10-01`;
  }
  const startYear = Number(academicYear.slice(0, 4));
  const asOfDay = dayNumber(asOf);
  return {
    seed: o.seed,
    academicYear,
    asOf,
    startYear,
    asOfDay,
    campaignStartDay: Math.min(asOfDay, dayNumberFromParts(startYear, 9, 1) - 10),
    pupils: o.pupilsPerSchool,
    teachers: o.teachersPerSchool,
    policy: o.consentPolicy ?? defaultConsentPolicy,
    gaps: o.consentGaps,
  };
}

// What a participant's consents are for: everything the sample data does with them but publication,
// which needs the separate consent to dissemination (152-ФЗ ст. 10.1) a participant may refuse.
const SIGNED_FOR: readonly ProcessingActivity[] = ['registry', 'matching', 'pair', 'documents', 'export'];

/** The purposes the policy asks of a person in any of their roles, in the fixed order of purposes. */
function purposesFor(
  policy: ConsentPolicy,
  person: Pick<Person, 'category'>,
  roles: readonly ConsentRole[],
): ConsentPurpose[] {
  const need = new Set<ConsentPurpose>();
  for (const role of roles) {
    for (const activity of SIGNED_FOR) {
      for (const purpose of requiredConsents(policy, person, role, activity)) need.add(purpose);
    }
  }
  return ConsentPurposeSchema.options.filter((p) => need.has(p));
}

const brand = {
  org: (s: string) => s as OrganizationId,
  person: (s: string) => s as PersonId,
  consent: (s: string) => s as ConsentId,
  order: (s: string) => s as OrderId,
  programme: (s: string) => s as ProgrammeId,
  request: (s: string) => s as RequestId,
  course: (s: string) => s as TrainingCourseId,
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const yearsLabel = (ctx: Ctx) => `${ctx.startYear}–${ctx.startYear + 1}`;
const dayBetween = (rng: Random, from: number, to: number): IsoDate =>
  isoFromDayNumber(rng.int(from, Math.max(from, to)));
const toName = (n: FullName): PersonName => ({
  lastName: n.lastName,
  firstName: n.firstName,
  middleName: n.middleName,
});
const randomGender = (rng: Random, femaleShare: number): Gender =>
  rng.chance(femaleShare) ? 'female' : 'male';

// ---------------------------------------------------------------------------------------------
// Region and authority

interface RegionPart {
  readonly organization: Organization;
  /** Order of towns, so that municipalities differ. */
  readonly towns: readonly number[];
}

function buildRegion(ctx: Ctx): RegionPart {
  const rng = new Random(mixSeed(ctx.seed, 0x5245_4749));
  const [, genitive] = rng.pick(REGIONS);
  const body = rng.chance(0.5)
    ? 'Комитет общего и профессионального образования'
    : 'Министерство образования';
  return {
    organization: { id: brand.org('region'), kind: 'region', name: `${body} ${genitive}` },
    towns: rng.shuffle(TOWNS.map((_, i) => i)),
  };
}

interface AuthorityPart {
  readonly organization: Organization;
  readonly town: string;
  readonly curator: Person;
  readonly orders: readonly Order[];
  readonly consents: readonly Consent[];
}

function buildAuthority(ctx: Ctx, region: RegionPart, m: number): AuthorityPart {
  const rng = new Random(mixSeed(ctx.seed, m, 0x4155_5448));
  const slot = (m - 1) % region.towns.length;
  const round = Math.floor((m - 1) / region.towns.length);
  const [townBase, adjective] = TOWNS[region.towns[slot] as number] as readonly [string, string];
  const town = round === 0 ? townBase : `${townBase}-${round + 1}`;
  const district = round === 0 ? adjective : `${adjective} ${round + 1}-го`;
  const committee = rng.chance(0.5);
  const organization: Organization = {
    id: brand.org(`uo-m${m}`),
    kind: 'authority',
    name: committee
      ? `Комитет по образованию администрации ${district} муниципального района`
      : `Управление образования администрации ${district} муниципального округа`,
    shortName: committee ? 'Комитет по образованию' : 'Управление образования',
    parentId: region.organization.id,
    locality: `г. ${town}`,
  };
  const curatorGender = randomGender(rng, 0.8);
  const curator: Person = {
    id: brand.person(`m${m}-curator`),
    organizationId: organization.id,
    category: 'other',
    name: toName(adultName(rng, curatorGender)),
    gender: curatorGender,
    position: 'главный специалист, муниципальный куратор целевой модели наставничества',
    subjects: [],
  };
  const signatory = {
    position: committee ? 'председатель комитета по образованию' : 'начальник управления образования',
    name: toName(adultName(rng, randomGender(rng, 0.6))),
  };
  const date = isoFromDayNumber(dayNumberFromParts(ctx.startYear, 8, rng.int(1, 20)));
  const base = rng.int(3, 180);
  const specs: ReadonlyArray<readonly [Order['kind'], string, string]> = [
    [
      'introduceModel',
      'introduce',
      `О внедрении муниципальной целевой модели наставничества педагогических работников и обучающихся образовательных организаций ${district} муниципального района`,
    ],
    [
      'approveRoadmap',
      'roadmap',
      `Об утверждении плана мероприятий (дорожной карты) внедрения муниципальной целевой модели наставничества на ${yearsLabel(ctx)} учебный год`,
    ],
    [
      'appointCurator',
      'curator',
      'О назначении муниципального куратора внедрения целевой модели наставничества',
    ],
  ];
  const orders: Order[] = specs.map(([kind, slug, title], k) => ({
    id: brand.order(`ord-m${m}-${slug}`),
    organizationId: organization.id,
    act: 'order',
    kind,
    number: pad(base + k, 2),
    date,
    title,
    signatory,
  }));
  const givenAt = dayBetween(rng, ctx.campaignStartDay, ctx.asOfDay);
  const consents: Consent[] = purposesFor(ctx.policy, curator, ['participant']).map((purpose, k) => ({
    id: brand.consent(`m${m}-c${pad(k + 1, 4)}`),
    personId: curator.id,
    purpose,
    givenBy: 'self',
    givenAt,
  }));
  return { organization, town, curator, orders, consents };
}

// ---------------------------------------------------------------------------------------------
// School names

interface SchoolName {
  readonly short: string;
  readonly full: string;
  readonly locality: string;
}

function planSchoolNames(ctx: Ctx, m: number, town: string, count: number): SchoolName[] {
  const rng = new Random(mixSeed(ctx.seed, m, 0x4e41_4d45));
  const villages = rng.shuffle(VILLAGES);
  const used = new Set<string>();
  const numberFor = (kind: string): number => {
    const top = Math.max(12, count * 2);
    for (;;) {
      const n = rng.int(1, top);
      if (!used.has(`${kind}${n}`)) {
        used.add(`${kind}${n}`);
        return n;
      }
    }
  };
  const out: SchoolName[] = [];
  let nextVillage = 0;
  for (let i = 0; i < count; i++) {
    const [own, ownFull] = rng.pick(OWNERSHIP);
    let kind = rng.weighted({ lyceum: 1, gymnasium: 1, numbered: 4, village: 3, villageBasic: 1 });
    if ((kind === 'village' || kind === 'villageBasic') && nextVillage >= villages.length) kind = 'numbered';
    if (kind === 'lyceum' || kind === 'gymnasium') {
      const n = numberFor(kind);
      const word = kind === 'lyceum' ? 'Лицей' : 'Гимназия';
      out.push({
        short: `${own} «${word} № ${n}»`,
        full: `${ownFull} «${word} № ${n}»`,
        locality: `г. ${town}`,
      });
    } else if (kind === 'numbered') {
      const n = numberFor(kind);
      out.push({
        short: `${own} «СОШ № ${n}»`,
        full: `${ownFull} «Средняя общеобразовательная школа № ${n}»`,
        locality: `г. ${town}`,
      });
    } else {
      const [village, adjective] = villages[nextVillage++] as readonly [string, string];
      const basic = kind === 'villageBasic';
      out.push({
        short: `${own} «${adjective} ${basic ? 'ООШ' : 'СОШ'}»`,
        full: `${ownFull} «${adjective} ${basic ? 'основная' : 'средняя'} общеобразовательная школа»`,
        locality: `с. ${village}`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A school

const TEACHER_FORMATS = ['traditional', 'group', 'virtual', 'shortTerm', 'situational'] as const;
const PUPIL_FORMATS = ['traditional', 'group', 'virtual', 'speed', 'situational'] as const;
const PUPIL_SUBJECTS = SUBJECTS.map(([s]) => s).filter((s) => s !== 'начальные классы' && s !== 'ОБЖ');
const FORM_ORDER = ['pupilPupil', 'educatorEducator', 'headEducator'] as const;

function subjectsOf(subject: string): string[] {
  if (subject === 'русский язык' || subject === 'литература') return ['русский язык', 'литература'];
  if (subject === 'история' || subject === 'обществознание') return ['история', 'обществознание'];
  return [subject];
}

function teacherExperience(rng: Random, forceYoung: boolean): number {
  if (forceYoung) return rng.int(0, 3);
  switch (rng.weighted({ young: 22, early: 18, mid: 30, senior: 30 })) {
    case 'young':
      return rng.int(0, 3);
    case 'early':
      return rng.int(4, 10);
    case 'mid':
      return rng.int(11, 25);
    default:
      return rng.int(26, 42);
  }
}

function pupilMenteeShare(grade: number): number {
  if (grade <= 4) return 0.2;
  if (grade <= 9) return 0.25;
  return 0.15;
}

interface Requests {
  readonly pool: readonly string[];
  readonly difficulties: ReadonlyArray<readonly [string, string]>;
  readonly sources: Readonly<Partial<Record<RequestSource, number>>>;
  readonly count: readonly [number, number];
}

const TEACHER_REQUESTS: Requests = {
  pool: TEACHER_COMPETENCES,
  difficulties: TEACHER_DIFFICULTIES,
  sources: { self: 65, attestation: 35 },
  count: [1, 3],
};
const PUPIL_REQUESTS: Requests = {
  pool: PUPIL_COMPETENCES,
  difficulties: PUPIL_DIFFICULTIES,
  sources: { self: 30, classTeacher: 35, psychologist: 15, parent: 20 },
  count: [1, 2],
};

/** A difficulty text: one that calls for the competence when there is one, else any. */
function difficultyFor(rng: Random, spec: Requests, competence: string | undefined): string {
  const matching = competence === undefined ? [] : spec.difficulties.filter(([c]) => c === competence);
  return rng.pick(matching.length > 0 ? matching : spec.difficulties)[1];
}

function makeRequests(rng: Random, ctx: Ctx, person: Person, spec: Requests): Request[] {
  const n = rng.int(spec.count[0], spec.count[1]);
  const areas = rng.shuffle(rng.sample(spec.pool, n));
  const out: Request[] = [];
  for (let j = 0; j < n; j++) {
    const area = rng.weighted({ competence: 60, both: 25, difficulty: 15 });
    const priority: RequestPriority =
      j === 0
        ? rng.weighted({ high: 50, medium: 40, low: 10 })
        : rng.weighted({ high: 15, medium: 50, low: 35 });
    const competence = areas[j];
    const withCompetence = area !== 'difficulty' && competence !== undefined;
    const subject =
      person.category === 'pupil'
        ? competence === 'academicSupport' || competence === 'olympiadPreparation'
          ? rng.pick(PUPIL_SUBJECTS)
          : undefined
        : competence === 'subjectMethods' || competence === 'assessment'
          ? person.subjects[0]
          : undefined;
    out.push({
      id: brand.request(`${person.id}-r${j + 1}`),
      menteeId: person.id,
      ...(withCompetence ? { competence } : {}),
      ...(!withCompetence || area === 'both'
        ? { difficulty: difficultyFor(rng, spec, withCompetence ? competence : undefined) }
        : {}),
      priority,
      ...(subject !== undefined ? { subject } : {}),
      wantedFormats: rng.sample(person.category === 'pupil' ? PUPIL_FORMATS : TEACHER_FORMATS, rng.int(0, 2)),
      source: rng.weighted(spec.sources as Record<RequestSource, number>),
      createdAt: dayBetween(rng, ctx.campaignStartDay + 10, ctx.asOfDay),
    });
  }
  return out;
}

function trainingRecord(rng: Random, ctx: Ctx): TrainingRecord {
  const year = ctx.startYear - rng.int(0, 3);
  const completed = Math.min(dayNumberFromParts(year, rng.int(3, 6), rng.int(1, 28)), ctx.asOfDay);
  return {
    courseId: brand.course('dpp-36'),
    title: 'Организация наставничества в образовательной организации (ДПП ПК, 36 ч)',
    hours: 36,
    completedAt: isoFromDayNumber(completed),
    provider: rng.pick(TRAINING_PROVIDERS),
  };
}

/**
 * A participant's consents: all in force, none, signed by a minor themself,
 * the consent to processing withdrawn, or `partial` — the consent to
 * processing given, the other purposes the policy asks missing.
 */
type ConsentStatus = 'valid' | 'missing' | 'selfSigned' | 'withdrawn' | 'partial';

/** The people of a school: the head, the teachers (the first is the curator) and the pupils with their families. */
interface SchoolPeople {
  readonly head: Person;
  readonly teachers: Person[];
  readonly curator: Person;
  readonly pupils: Person[];
  /** The family of each pupil, in the order of `pupils` (the parents' names for consents). */
  readonly families: Family[];
}

function schoolPeople(rng: Random, ctx: Ctx, orgId: Organization['id'], prefix: string): SchoolPeople {
  const headGender = randomGender(rng, 0.75);
  const head: Person = {
    id: brand.person(`${prefix}-head`),
    organizationId: orgId,
    category: 'head',
    name: toName(adultName(rng, headGender)),
    gender: headGender,
    position: 'директор',
    experienceYears: rng.int(15, 38),
    subjects: [],
  };
  const teachers: Person[] = [];
  for (let i = 0; i < ctx.teachers; i++) {
    const gender = randomGender(rng, 0.8);
    const curator = i === 0;
    const specialist = !curator && rng.chance(0.1);
    const [subject, subjectPosition] = rng.pick(SUBJECTS);
    teachers.push({
      id: brand.person(`${prefix}-t${pad(i + 1, 3)}`),
      organizationId: orgId,
      category: 'teacher',
      name: toName(adultName(rng, gender)),
      gender,
      position: curator
        ? 'заместитель директора по учебно-воспитательной работе'
        : specialist
          ? rng.pick(SPECIALISTS)
          : subjectPosition,
      experienceYears: curator ? rng.int(10, 30) : teacherExperience(rng, i === 1 && ctx.teachers >= 3),
      subjects: specialist ? [] : subjectsOf(subject),
    });
  }
  const curator = teachers[0] as Person;
  const pupils: Person[] = [];
  const families: Family[] = [];
  for (let i = 0; i < ctx.pupils; i++) {
    const grade = rng.int(1, 11);
    const age = grade + 6 + (rng.chance(0.3) ? 1 : 0);
    const born = rng.int(
      dayNumber(addMonthsIso(ctx.asOf, -12 * (age + 1))) + 1,
      dayNumber(addMonthsIso(ctx.asOf, -12 * age)),
    );
    const gender = randomGender(rng, 0.5);
    const fam = family(rng);
    families.push(fam);
    pupils.push({
      id: brand.person(`${prefix}-u${pad(i + 1, 4)}`),
      organizationId: orgId,
      category: 'pupil',
      name: toName(childName(rng, gender, fam)),
      gender,
      birthDate: isoFromDayNumber(born),
      subjects: [],
      grade,
    });
  }
  return { head, teachers, curator, pupils, families };
}

/** Who of the school is in the mentor and the mentee registries. */
function schoolRegistries(
  rng: Random,
  ctx: Ctx,
  { head, teachers, pupils }: SchoolPeople,
): { mentorProfiles: MentorProfile[]; menteeProfiles: MenteeProfile[] } {
  const mentorProfiles: MentorProfile[] = [];
  const menteeProfiles: MenteeProfile[] = [];
  const teacherMentor = (p: Person, form: 'educatorEducator' | 'headEducator'): MentorProfile => ({
    personId: p.id,
    competences: rng.sample(TEACHER_COMPETENCES, rng.int(2, 4)),
    subjects: [...p.subjects],
    education: rng.pick(EDUCATION.slice(0, 3)),
    ...(p.position !== undefined ? { position: p.position } : {}),
    ...(p.experienceYears !== undefined ? { experienceYears: p.experienceYears } : {}),
    interests: rng.sample(INTERESTS, rng.int(0, 2)),
    menteeGroups: rng.chance(0.4)
      ? ['youngSpecialist', 'newTeacher', 'teacher']
      : ['youngSpecialist', 'newTeacher'],
    capacity: rng.int(1, 3),
    availableHoursPerMonth: rng.int(2, 8),
    formats: rng.sample(TEACHER_FORMATS, rng.int(1, 3)),
    forms: [form],
    training: rng.chance(0.4) ? [trainingRecord(rng, ctx)] : [],
  });
  if (rng.chance(0.3)) mentorProfiles.push(teacherMentor(head, 'headEducator'));
  teachers.forEach((t, i) => {
    const years = t.experienceYears ?? 0;
    if (years <= 3 || (i > 0 && years <= 6 && rng.chance(0.2))) {
      menteeProfiles.push({
        personId: t.id,
        group: years <= 3 ? 'youngSpecialist' : 'newTeacher',
        requests: makeRequests(rng, ctx, t, TEACHER_REQUESTS),
        interests: rng.sample(INTERESTS, rng.int(0, 2)),
        preferredFormats: rng.sample(TEACHER_FORMATS, rng.int(0, 2)),
      });
    } else if (years >= 5 && rng.chance(i === 0 ? 0.2 : 0.45)) {
      mentorProfiles.push(teacherMentor(t, 'educatorEducator'));
    }
  });
  for (const p of pupils) {
    const grade = p.grade ?? 1;
    if (rng.chance(pupilMenteeShare(grade))) {
      menteeProfiles.push({
        personId: p.id,
        group: grade <= 4 ? 'primarySchool' : grade <= 9 ? 'middleSchool' : 'highSchool',
        requests: makeRequests(rng, ctx, p, PUPIL_REQUESTS),
        interests: rng.sample(INTERESTS, rng.int(0, 3)),
        preferredFormats: rng.sample(PUPIL_FORMATS, rng.int(0, 2)),
      });
    } else if (grade >= 8 && rng.chance(0.3)) {
      const subject = rng.chance(0.5) ? [rng.pick(PUPIL_SUBJECTS)] : [];
      mentorProfiles.push({
        personId: p.id,
        competences: rng.sample(PUPIL_COMPETENCES, rng.int(1, 3)),
        subjects: subject,
        interests: rng.sample(INTERESTS, rng.int(1, 3)),
        menteeGroups: grade >= 10 ? ['primarySchool', 'middleSchool'] : ['primarySchool'],
        capacity: rng.int(1, 3),
        availableHoursPerMonth: rng.int(2, 6),
        formats: rng.sample(PUPIL_FORMATS, rng.int(1, 3)),
        forms: ['pupilPupil'],
        training: [],
      });
    }
  }
  return { mentorProfiles, menteeProfiles };
}

/** The participants' consents, with the gaps a school has before the group meeting (when `ctx.gaps`). */
function schoolConsents(
  rng: Random,
  ctx: Ctx,
  prefix: string,
  { head, teachers, curator, pupils, families }: SchoolPeople,
  mentorProfiles: readonly MentorProfile[],
  menteeProfiles: readonly MenteeProfile[],
): Consent[] {
  const familyOf = new Map<string, Family>();
  pupils.forEach((p, i) => {
    familyOf.set(p.id, families[i] as Family);
  });
  const mentorIds = new Set<string>(mentorProfiles.map((mp) => mp.personId));
  const menteeIds = new Set<string>(menteeProfiles.map((mp) => mp.personId));
  const participants: Person[] = [head, ...teachers, ...pupils].filter(
    (p) => p === head || p === curator || mentorIds.has(p.id) || menteeIds.has(p.id),
  );

  const isMinor = (p: Person) => isMinorOn(p, ctx.asOf);
  const minors = participants.filter(isMinor);
  const status = new Map<string, ConsentStatus>();
  const shuffled = rng.shuffle(minors);
  const quota = (share: number, atLeast: number) => Math.max(atLeast, Math.round(shuffled.length * share));
  const kMissing = quota(0.06, 1);
  const kSelf = quota(0.04, 1);
  const kWithdrawn = quota(0.03, shuffled.length >= 12 ? 1 : 0);
  // A pair purpose not collected yet is the commonest gap before the group meeting (004 §1): the curator collects it.
  const kPartial = quota(0.15, 1);
  const statusAt = (i: number): ConsentStatus => {
    if (i < kMissing) return 'missing';
    if (i < kMissing + kSelf) return 'selfSigned';
    if (i < kMissing + kSelf + kWithdrawn) return 'withdrawn';
    return i < kMissing + kSelf + kWithdrawn + kPartial ? 'partial' : 'valid';
  };
  shuffled.forEach((p, i) => {
    status.set(p.id, ctx.gaps ? statusAt(i) : 'valid');
  });
  for (const p of participants) {
    if (status.has(p.id)) continue;
    const protectedRole = !ctx.gaps || p === head || p === curator;
    status.set(
      p.id,
      !protectedRole && rng.chance(0.04)
        ? 'missing'
        : !protectedRole && rng.chance(0.02)
          ? 'withdrawn'
          : !protectedRole && rng.chance(0.02)
            ? 'partial'
            : 'valid',
    );
  }
  const rolesOf = (p: Person): ConsentRole[] => {
    const roles: ConsentRole[] = [];
    if (mentorIds.has(p.id)) roles.push('mentor');
    if (menteeIds.has(p.id)) roles.push('mentee');
    return roles.length > 0 ? roles : ['participant'];
  };

  const consents: Consent[] = [];
  const nextConsentId = () => brand.consent(`${prefix}-c${pad(consents.length + 1, 4)}`);
  for (const p of participants) {
    const st = status.get(p.id) ?? 'valid';
    if (st === 'missing') continue;
    const minor = isMinor(p);
    let givenBy: ConsentGiver = 'self';
    let representative: PersonName | undefined;
    if (minor && st !== 'selfSigned') {
      const fam = familyOf.get(p.id) ?? family(rng);
      const who = rng.weighted({ mother: 70, father: 27, guardian: 3 });
      const wanted: ConsentGiver = who === 'guardian' ? 'guardian' : 'parent';
      // Only a signer the policy accepts for a minor (a region may accept guardians only, say).
      givenBy = ctx.policy.minorSigners.includes(wanted as 'parent' | 'guardian')
        ? wanted
        : (ctx.policy.minorSigners[0] ?? wanted);
      representative = toName(
        who === 'mother'
          ? motherName(rng, fam)
          : who === 'father'
            ? fatherName(rng, fam)
            : adultName(rng, randomGender(rng, 0.7)),
      );
    }
    const givenDay = rng.int(ctx.campaignStartDay, ctx.asOfDay);
    const sign = (purpose: ConsentPurpose, withdraw: boolean): Consent => ({
      id: nextConsentId(),
      personId: p.id,
      purpose,
      givenBy,
      ...(representative !== undefined ? { representative } : {}),
      givenAt: isoFromDayNumber(givenDay),
      ...(withdraw ? { withdrawnAt: dayBetween(rng, givenDay, ctx.asOfDay) } : {}),
      ...(rng.chance(0.7) ? { documentRef: `${pad(consents.length + 1, 3)}-ПД` } : {}),
    });
    // What the policy asks of this person in each of their roles; a partial gap keeps only the consent to processing.
    for (const purpose of purposesFor(ctx.policy, p, rolesOf(p))) {
      if (st === 'partial' && purpose !== 'personalData') continue;
      consents.push(sign(purpose, st === 'withdrawn' && purpose === 'personalData'));
    }
  }
  return consents;
}

/** The four orders of the model's start and the school's programme. */
function schoolOrders(
  rng: Random,
  ctx: Ctx,
  prefix: string,
  orgId: Organization['id'],
  schoolName: SchoolName,
  { head, curator }: SchoolPeople,
  mentorProfiles: readonly MentorProfile[],
): { orders: Order[]; programme: Programme } {
  const orderDate = isoFromDayNumber(dayNumberFromParts(ctx.startYear, 8, rng.int(25, 31)));
  const style = rng.pick(['-р', '-од', '/п.о.д.', '-о'] as const);
  const base = rng.int(90, 420);
  const signatory = { position: rng.chance(0.9) ? 'директор' : 'и.о. директора', name: head.name };
  const short = schoolName.short;
  const specs: ReadonlyArray<readonly [Order['kind'], string, string]> = [
    [
      'introduceModel',
      'introduce',
      `О внедрении целевой модели наставничества в ${short} в ${yearsLabel(ctx)} учебном году`,
    ],
    [
      'approveRegulation',
      'regulation',
      `Об утверждении Положения о наставничестве педагогических работников и обучающихся ${short}`,
    ],
    [
      'approveRoadmap',
      'roadmap',
      `Об утверждении дорожной карты реализации целевой модели наставничества ${short} на ${yearsLabel(ctx)} учебный год`,
    ],
    ['appointCurator', 'curator', `О назначении куратора внедрения целевой модели наставничества в ${short}`],
  ];
  const orders: Order[] = specs.map(([kind, slug, title], k) => ({
    id: brand.order(`ord-${prefix}-${slug}`),
    organizationId: orgId,
    act: style === '-р' ? 'directive' : 'order',
    kind,
    number: style === '/п.о.д.' ? `${base}/${k + 1}-п.о.д.` : `${base + k}${style}`,
    date: orderDate,
    title,
    signatory,
  }));
  const usedForms = new Set(mentorProfiles.flatMap((mp) => mp.forms));
  const programme: Programme = {
    id: brand.programme(`prog-${prefix}`),
    organizationId: orgId,
    level: 'school',
    academicYear: ctx.academicYear,
    title: `Программа наставничества ${short} на ${yearsLabel(ctx)} учебный год`,
    curatorIds: [curator.id],
    forms: FORM_ORDER.filter((f) => usedForms.has(f)),
  };
  return { orders, programme };
}

function buildSchool(
  ctx: Ctx,
  authority: Organization,
  m: number,
  s: number,
  schoolName: SchoolName,
): SampleSchool {
  const rng = new Random(mixSeed(ctx.seed, m, s));
  const prefix = `m${m}s${s}`;
  const organization: Organization = {
    id: brand.org(`sch-${prefix}`),
    kind: 'school',
    name: schoolName.full,
    shortName: schoolName.short,
    parentId: authority.id,
    locality: schoolName.locality,
  };
  // One random stream, drawn in this order: people, registries, consents, orders.
  const people = schoolPeople(rng, ctx, organization.id, prefix);
  const { mentorProfiles, menteeProfiles } = schoolRegistries(rng, ctx, people);
  const consents = schoolConsents(rng, ctx, prefix, people, mentorProfiles, menteeProfiles);
  const { orders, programme } = schoolOrders(
    rng,
    ctx,
    prefix,
    organization.id,
    schoolName,
    people,
    mentorProfiles,
  );
  const { head, curator, teachers, pupils } = people;
  return {
    organization,
    head,
    curator,
    persons: [head, ...teachers, ...pupils],
    mentorProfiles,
    menteeProfiles,
    requests: menteeProfiles.flatMap((mp) => mp.requests),
    consents,
    orders,
    programme,
  };
}

// ---------------------------------------------------------------------------------------------
// Assembly

function* municipalitySchools(
  ctx: Ctx,
  authority: AuthorityPart,
  m: number,
  count: number,
): Generator<SampleSchool, void, undefined> {
  const names = planSchoolNames(ctx, m, authority.town, count);
  for (let s = 1; s <= count; s++) {
    yield buildSchool(ctx, authority.organization, m, s, names[s - 1] as SchoolName);
  }
}

function assemble(
  ctx: Ctx,
  region: RegionPart,
  authority: AuthorityPart,
  schools: readonly SampleSchool[],
): SampleMunicipality {
  const flat = <T>(pick: (s: SampleSchool) => readonly T[]): T[] => schools.flatMap((s) => pick(s));
  return {
    seed: ctx.seed,
    academicYear: ctx.academicYear,
    asOf: ctx.asOf,
    region: region.organization,
    authority: authority.organization,
    municipalCurator: authority.curator,
    schools,
    organizations: [region.organization, authority.organization, ...schools.map((s) => s.organization)],
    persons: [authority.curator, ...flat((s) => s.persons)],
    mentorProfiles: flat((s) => s.mentorProfiles),
    menteeProfiles: flat((s) => s.menteeProfiles),
    requests: flat((s) => s.requests),
    consents: [...authority.consents, ...flat((s) => s.consents)],
    orders: [...authority.orders, ...flat((s) => s.orders)],
    programmes: schools.map((s) => s.programme),
  };
}

/**
 * Generate a deterministic sample municipality: a region, a municipal
 * education authority with its curator and orders, and `schools` schools,
 * each with a head, a curator (deputy head), teachers with an experience
 * spread (young specialists with up to 3 years included), pupils aged 7–18
 * with grades and birth dates, mentor and mentee registries with requests,
 * consents (parents' for minors; some deliberately missing, self-signed by a
 * minor, or withdrawn), the orders that launch the target model and a
 * programme. The same seed always gives the same data; nothing reads the
 * clock or `Math.random`. Every entity validates against core's schemas.
 *
 * Throws a {@link @nastavnik/core!NastavnikError} for invalid options (e.g. `asOf` outside
 * the academic year: `invalid_date_range`).
 *
 * @category Sample data
 * @example
 * const m = generateMunicipality({ seed: 7, schools: 2, asOf: '2023-10-15' });
 * const refused = m.persons.filter((p) => !mayProcess(p, m.consents, m.asOf).allowed);
 */
export function generateMunicipality(options: SampleMunicipalityOptions = {}): SampleMunicipality {
  const o = parse(SampleMunicipalityOptionsSchema, options);
  const ctx = context(o);
  const region = buildRegion(ctx);
  const authority = buildAuthority(ctx, region, 1);
  return assemble(ctx, region, authority, [...municipalitySchools(ctx, authority, 1, o.schools)]);
}

/**
 * Generate schools of a sample region one at a time, municipality by
 * municipality, so that large data sets (say 50 schools × 500 pupils) can be
 * streamed without holding everything. Every school depends only on the seed
 * and its indices; the output equals that of {@link generateRegion}.
 *
 * @category Sample data
 * @example
 * let pupils = 0;
 * for (const { school } of iterateRegionSchools({ municipalities: 5, schoolsPerMunicipality: 10, pupilsPerSchool: 500 })) {
 *   pupils += school.persons.filter((p) => p.category === 'pupil').length;
 * }
 */
export function* iterateRegionSchools(
  options: SampleRegionOptions = {},
): Generator<SampleRegionSchool, void, undefined> {
  const o = parse(SampleRegionOptionsSchema, options);
  const ctx = context(o);
  const region = buildRegion(ctx);
  for (let m = 1; m <= o.municipalities; m++) {
    const authority = buildAuthority(ctx, region, m);
    let s = 0;
    for (const school of municipalitySchools(ctx, authority, m, o.schoolsPerMunicipality)) {
      s++;
      yield {
        region: region.organization,
        authority: authority.organization,
        municipalityIndex: m,
        schoolIndex: s,
        school,
      };
    }
  }
}

/**
 * Generate a deterministic sample region: `municipalities` municipalities of
 * `schoolsPerMunicipality` schools each, built from the same blocks as
 * {@link generateMunicipality} (its first municipality equals
 * `generateMunicipality` with the same seed and sizes). Generation is O(n) in
 * the number of people; ids are unique across the region.
 *
 * @category Sample data
 * @example
 * const r = generateRegion({ seed: 1, municipalities: 5, schoolsPerMunicipality: 10, pupilsPerSchool: 500 });
 * r.municipalities.reduce((n, m) => n + m.persons.length, 0);
 */
export function generateRegion(options: SampleRegionOptions = {}): SampleRegion {
  const o = parse(SampleRegionOptionsSchema, options);
  const ctx = context(o);
  const region = buildRegion(ctx);
  const municipalities: SampleMunicipality[] = [];
  for (let m = 1; m <= o.municipalities; m++) {
    const authority = buildAuthority(ctx, region, m);
    const schools = [...municipalitySchools(ctx, authority, m, o.schoolsPerMunicipality)];
    municipalities.push(assemble(ctx, region, authority, schools));
  }
  return {
    seed: ctx.seed,
    academicYear: ctx.academicYear,
    asOf: ctx.asOf,
    region: region.organization,
    municipalities,
    organizations: [region.organization, ...municipalities.flatMap((m) => m.organizations.slice(1))],
  };
}
