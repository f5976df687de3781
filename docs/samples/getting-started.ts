/**
 * Getting started: generate a sample municipality, check consents, validate a
 * pair and match one school's mentors to its mentees. Prints counts only.
 */
// #region imports
import { isNastavnikError, mayProcess, PairSchema, parse } from '@nastavnik/core';
import { generateMunicipality } from '@nastavnik/core/sample';
import { matchOptimal } from '@nastavnik/matching';
// #endregion imports

/** What the sample found, for the test and for the reader. */
export interface GettingStartedSummary {
  schools: number;
  persons: number;
  consentRefusals: number;
  pairs: number;
  unmatched: number;
  errorCode: string;
}

export function main(): GettingStartedSummary {
  // #region generate
  // A made-up municipality: 4 schools with teachers, pupils, registries,
  // consents, orders and programmes. The same seed always gives the same data.
  const municipality = generateMunicipality({ seed: 1 });
  const school = municipality.schools[0]!;
  console.log(`Школ: ${municipality.schools.length}, людей: ${municipality.persons.length}`);
  // #endregion generate

  // #region consents
  // 152-ФЗ: data of a person are processed only with a consent, given by a
  // parent for a minor. mayProcess answers on a date (functions never read the clock).
  const date = municipality.asOf;
  const refusals = school.persons.filter((p) => !mayProcess(p, school.consents, date).allowed);
  console.log(`Без действующего согласия: ${refusals.length}`);
  // #endregion consents

  // #region match
  const byId = new Map(school.persons.map((p) => [p.id, p]));
  const result = matchOptimal({
    date,
    mentors: school.mentorProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
    mentees: school.menteeProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
    consents: [...school.consents],
  });
  console.log(`Пар предложено: ${result.pairs.length}, без пары: ${result.unmatched.length}`);
  // #endregion match

  // #region errors
  let errorCode = '';
  try {
    parse(PairSchema, {
      id: 'pair-1',
      organizationId: school.organization.id,
      mentorId: 't-1',
      menteeIds: [],
      form: 'educatorEducator',
      formats: ['traditional'],
      origin: 'curator',
    });
  } catch (error) {
    if (!isNastavnikError(error)) throw error;
    console.log(error.code, error.path.join('.'), error.message); // pair_without_mentees menteeIds …
    errorCode = error.code;
  }
  // #endregion errors

  return {
    schools: municipality.schools.length,
    persons: municipality.persons.length,
    consentRefusals: refusals.length,
    pairs: result.pairs.length,
    unmatched: result.unmatched.length,
    errorCode,
  };
}
