/**
 * @nastavnik/core: schemas and errors, catalogues, consents, due dates and
 * the seed roadmaps.
 */
import {
  ConsentSchema,
  catalogueLabel,
  dueDeadline,
  extendCatalogue,
  isNastavnikError,
  mayProcess,
  mentorshipForms,
  type NastavnikErrorCode,
  PersonalProgrammeSchema,
  type PersonInput,
  PersonSchema,
  parse,
  parseDue,
  roadmapActivities,
  safeParse,
} from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';

export interface CoreSummary {
  personOk: boolean;
  errorCodes: NastavnikErrorCode[];
  regionalForm: string;
  minorAllowed: boolean;
  minorRefusal: string;
  deadline: string | null;
  seedActivities: number;
}

export function main(): CoreSummary {
  // #region parse
  // A schema both validates and types: parse() returns a Person or throws a
  // NastavnikError; safeParse() returns { ok, value } or { ok, error }.
  const input: PersonInput = {
    id: 'p-1',
    organizationId: 'lyceum-7',
    name: { lastName: 'Смирнова', firstName: 'Анна', middleName: 'Сергеевна' },
    category: 'pupil',
    birthDate: '2009-03-14',
    gender: 'female',
  };
  const pupil = parse(PersonSchema, input);
  const bad = safeParse(PersonSchema, { ...input, birthDate: '14.03.2009' });
  if (!bad.ok) console.log(bad.error.code, bad.error.path, bad.error.messageEn); // invalid_format [ 'birthDate' ] …
  // #endregion parse

  // #region errors
  // Every error is a NastavnikError: a stable code, a path, a Russian message
  // and an English messageEn; the full list is in issues. No values inside.
  const errorCodes: NastavnikErrorCode[] = [];
  try {
    parse(PersonalProgrammeSchema, {
      id: 'pp-1',
      pairId: 'pair-1',
      start: '2023-09-01',
      end: '2023-10-15', // shorter than 3 months (003 §1.2)
      goals: ['Адаптация в коллективе'],
      plan: [],
    });
  } catch (error) {
    if (!isNastavnikError(error)) throw error;
    for (const issue of error.issues) errorCodes.push(issue.code);
    console.log(
      error
        .toJSON()
        .issues.map((i) => `${i.code} @ ${i.path.join('.')}`)
        .join('; '),
    );
  }
  // #endregion errors

  // #region catalogues
  // Forms and formats are catalogues: a region adds its own without changing the SDK.
  const forms = extendCatalogue(mentorshipForms, [
    {
      id: 'veteranTeacher',
      label: { ru: 'ветеран педагогического труда – педагог', en: 'veteran – teacher' },
    },
  ]);
  const regionalForm = catalogueLabel(forms, 'veteranTeacher', 'ru');
  // #endregion catalogues

  // #region consents
  // A pupil is a minor on the date: only a parent's (guardian's) consent counts (004 §1).
  const own = parse(ConsentSchema, {
    id: 'c-1',
    personId: pupil.id,
    purpose: 'personalData',
    givenBy: 'self', // signed by the pupil, not by a parent
    givenAt: '2023-09-01',
  });
  const decision = mayProcess(pupil, [own], '2023-09-10');
  const minorRefusal = decision.allowed ? '' : decision.code; // 'minor_requires_parent_consent'
  // #endregion consents

  // #region due
  // Due dates as the roadmaps write them, resolved within an academic year.
  const due = parseDue('декабрь, май');
  const deadline = dueDeadline(due, { academicYear: '2023-2024' }); // '2024-05-31'
  const seedActivities = roadmapActivities(seedRoadmaps.lyceum7Tikhvin004).length;
  // #endregion due

  console.log(
    `Форма: ${regionalForm}; срок: ${deadline}; мероприятий в дорожной карте 004: ${seedActivities}`,
  );
  return {
    personOk: pupil.id === 'p-1',
    errorCodes,
    regionalForm,
    minorAllowed: decision.allowed,
    minorRefusal,
    deadline,
    seedActivities,
  };
}
