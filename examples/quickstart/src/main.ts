/**
 * Quickstart: generate the sample municipality with @nastavnik/core, validate every entity
 * with core's schemas, check personal-data consents with `mayProcess`, and print a summary.
 * Counts only: no personal data is printed.
 *
 *   pnpm demo                      # Russian, seed 1
 *   pnpm demo -- --seed 7 --lang en
 */
import {
  type ConsentDecision,
  ConsentSchema,
  generateMunicipality,
  isMinorOn,
  isNastavnikError,
  isYoungSpecialist,
  type Lang,
  type LocalizedText,
  localize,
  MenteeProfileSchema,
  MentorProfileSchema,
  mayProcess,
  OrderSchema,
  OrganizationSchema,
  PersonSchema,
  ProgrammeSchema,
  RequestSchema,
  type RequestSource,
  requestSourceLabels,
  type SampleMunicipality,
  safeParse,
} from '@nastavnik/core';
import type { z } from 'zod';

// --- arguments ----------------------------------------------------------------------------------

interface Args {
  seed: number;
  lang: Lang;
}

function readArgs(argv: readonly string[]): Args {
  const args: Args = { seed: 1, lang: 'ru' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--seed') {
      const text = value();
      args.seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    } else if (flag === '--lang') {
      const lang = value();
      if (lang !== 'ru' && lang !== 'en') fail(`--lang: ru | en (got "${lang}")`);
      args.lang = lang;
    } else if (flag !== '--') {
      fail(`unknown argument "${flag}"; usage: --seed N --lang ru|en`);
    }
  }
  return args;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

// --- texts ----------------------------------------------------------------------------------------

const t = (ru: string, en: string): LocalizedText => ({ ru, en });
const T = {
  title: t('Наставник — пример муниципалитета', 'Nastavnik — sample municipality'),
  seed: t('зерно', 'seed'),
  year: t('учебный год', 'academic year'),
  asOf: t('данные на', 'as of'),
  organizations: t('Организации', 'Organizations'),
  regions: t('регион', 'region'),
  authorities: t('управление образования', 'education authority'),
  schools: t('школы', 'schools'),
  teachers: t('Педагоги', 'Teachers'),
  young: t('молодые специалисты (стаж до 3 лет)', 'young specialists (up to 3 years)'),
  heads: t('Руководители', 'Heads'),
  pupils: t('Обучающиеся', 'Pupils'),
  minors: t('несовершеннолетние', 'minors'),
  mentors: t('Наставники', 'Mentors'),
  ofTeachers: t('педагоги', 'teachers'),
  ofPupils: t('обучающиеся', 'pupils'),
  ofHeads: t('руководители', 'heads'),
  trained: t('прошли обучение 36 ч', 'trained (36 h)'),
  capacity: t('мест для наставляемых', 'places for mentees'),
  mentees: t('Наставляемые', 'Mentees'),
  requests: t('Запросы', 'Requests'),
  bySource: t('по источникам', 'by source'),
  highPriority: t('высокий приоритет', 'high priority'),
  orders: t('Приказы и распоряжения', 'Orders and directives'),
  programmes: t('Программы наставничества', 'Mentoring programmes'),
  validation: t('Проверка схемами core', 'Validation with core schemas'),
  records: t('записей', 'records'),
  invalid: t('с ошибками', 'invalid'),
  consents: t('Согласия на обработку персональных данных', 'Personal-data consents'),
  participants: t('участников', 'participants'),
  allowed: t('обработка разрешена', 'processing allowed'),
  refused: t('отказано', 'refused'),
  bySchool: t('По школам', 'By school'),
  columns: t(
    'школа | педагоги | молодые | обучающиеся | наставники | наставляемые | отказы по согласиям',
    'school | teachers | young | pupils | mentors | mentees | consent refusals',
  ),
  privacy: t(
    'Выводятся только количества: персональные данные не печатаются.',
    'Counts only: no personal data is printed.',
  ),
};

// --- the run --------------------------------------------------------------------------------------

type Refusal = Extract<ConsentDecision, { allowed: false }>;

function validate(m: SampleMunicipality): { records: number; invalid: Map<string, number> } {
  const lists: Array<[z.ZodType, readonly unknown[]]> = [
    [OrganizationSchema, m.organizations],
    [PersonSchema, m.persons],
    [MentorProfileSchema, m.mentorProfiles],
    [MenteeProfileSchema, m.menteeProfiles],
    [RequestSchema, m.requests],
    [ConsentSchema, m.consents],
    [OrderSchema, m.orders],
    [ProgrammeSchema, m.programmes],
  ];
  let records = 0;
  const invalid = new Map<string, number>();
  for (const [schema, list] of lists) {
    for (const entity of list) {
      records++;
      const r = safeParse(schema, entity);
      if (!r.ok) invalid.set(r.error.code, (invalid.get(r.error.code) ?? 0) + 1);
    }
  }
  return { records, invalid };
}

function main(): void {
  const { seed, lang } = readArgs(process.argv.slice(2));
  const L = (text: LocalizedText) => localize(text, lang);
  let m: SampleMunicipality;
  try {
    m = generateMunicipality({ seed });
  } catch (error) {
    if (isNastavnikError(error)) fail(`--seed: ${lang === 'en' ? error.messageEn : error.message}`);
    throw error;
  }

  const persons = m.persons;
  const teachers = persons.filter((p) => p.category === 'teacher');
  const pupils = persons.filter((p) => p.category === 'pupil');
  const categoryOf = new Map(persons.map((p) => [p.id, p.category]));
  const mentorsBy = (category: string) =>
    m.mentorProfiles.filter((p) => categoryOf.get(p.personId) === category).length;

  // Consents: who participates (the heads, the curators, mentors, mentees) and may be processed.
  const participants = new Set<string>([
    m.municipalCurator.id,
    ...m.schools.flatMap((s) => [s.head.id, s.curator.id]),
    ...m.mentorProfiles.map((p) => p.personId),
    ...m.menteeProfiles.map((p) => p.personId),
  ]);
  const refusals = new Map<Refusal['code'], { reason: LocalizedText; count: number }>();
  const refusedIn = new Map<string, number>();
  let allowed = 0;
  for (const p of persons) {
    if (!participants.has(p.id)) continue;
    const d = mayProcess(p, m.consents, m.asOf);
    if (d.allowed) {
      allowed++;
      continue;
    }
    const entry = refusals.get(d.code) ?? { reason: d.reason, count: 0 };
    entry.count++;
    refusals.set(d.code, entry);
    refusedIn.set(p.organizationId, (refusedIn.get(p.organizationId) ?? 0) + 1);
  }

  const sources = new Map<RequestSource, number>();
  for (const r of m.requests) sources.set(r.source, (sources.get(r.source) ?? 0) + 1);
  const { records, invalid } = validate(m);

  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out(`${L(T.title)} (${L(T.seed)} ${m.seed}; ${L(T.year)} ${m.academicYear}; ${L(T.asOf)} ${m.asOf})`);
  out();
  const kinds = (k: string) => m.organizations.filter((o) => o.kind === k).length;
  out(
    `${L(T.organizations)}: ${m.organizations.length} (${L(T.regions)} ${kinds('region')}, ${L(T.authorities)} ${kinds('authority')}, ${L(T.schools)} ${kinds('school')})`,
  );
  out(
    `${L(T.teachers)}: ${teachers.length}; ${L(T.young)}: ${teachers.filter((p) => isYoungSpecialist(p)).length}`,
  );
  out(`${L(T.heads)}: ${persons.filter((p) => p.category === 'head').length}`);
  out(
    `${L(T.pupils)}: ${pupils.length}; ${L(T.minors)}: ${pupils.filter((p) => isMinorOn(p, m.asOf)).length}`,
  );
  out(
    `${L(T.mentors)}: ${m.mentorProfiles.length} (${L(T.ofTeachers)} ${mentorsBy('teacher')}, ${L(T.ofPupils)} ${mentorsBy('pupil')}, ${L(T.ofHeads)} ${mentorsBy('head')}); ` +
      `${L(T.trained)}: ${m.mentorProfiles.filter((p) => p.training.some((x) => x.hours >= 36)).length}; ` +
      `${L(T.capacity)}: ${m.mentorProfiles.reduce((n, p) => n + p.capacity, 0)}`,
  );
  const menteesBy = (category: string) =>
    m.menteeProfiles.filter((p) => categoryOf.get(p.personId) === category).length;
  out(
    `${L(T.mentees)}: ${m.menteeProfiles.length} (${L(T.ofTeachers)} ${menteesBy('teacher')}, ${L(T.ofPupils)} ${menteesBy('pupil')})`,
  );
  out(
    `${L(T.requests)}: ${m.requests.length}; ${L(T.highPriority)}: ${m.requests.filter((r) => r.priority === 'high').length}`,
  );
  out(`  ${L(T.bySource)}:`);
  for (const [source, n] of [...sources].sort((a, b) => b[1] - a[1])) {
    out(`    ${localize(requestSourceLabels[source], lang)}: ${n}`);
  }
  out(`${L(T.orders)}: ${m.orders.length}; ${L(T.programmes)}: ${m.programmes.length}`);
  out(
    `${L(T.validation)}: ${records} ${L(T.records)}, ${L(T.invalid)} ${[...invalid.values()].reduce((a, b) => a + b, 0)}` +
      [...invalid].map(([code, n]) => ` [${code}: ${n}]`).join(''),
  );
  out();
  const refusedTotal = [...refusals.values()].reduce((n, r) => n + r.count, 0);
  out(`${L(T.consents)} (${L(T.asOf)} ${m.asOf}): ${L(T.participants)} ${participants.size}`);
  out(`  ${L(T.allowed)}: ${allowed}`);
  out(`  ${L(T.refused)}: ${refusedTotal}`);
  for (const [code, { reason, count }] of refusals) out(`    ${L(reason)} (${code}): ${count}`);
  out();
  out(`${L(T.bySchool)} (${L(T.columns)}):`);
  for (const s of m.schools) {
    const staff = s.persons.filter((p) => p.category === 'teacher');
    out(
      `  ${s.organization.shortName ?? s.organization.id} | ${staff.length} | ${staff.filter((p) => isYoungSpecialist(p)).length} | ` +
        `${s.persons.filter((p) => p.category === 'pupil').length} | ${s.mentorProfiles.length} | ${s.menteeProfiles.length} | ` +
        `${refusedIn.get(s.organization.id) ?? 0}`,
    );
  }
  out();
  out(L(T.privacy));
  console.log(lines.join('\n'));
  if (invalid.size > 0) process.exitCode = 1;
}

main();
