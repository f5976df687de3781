import { type Catalogue, competences, menteeGroups } from '@nastavnik/core';
import { type StandardQuestionnaireKind, standardQuestionnaire } from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';

// The questions that offer catalogue entries, the catalogue, and how many entries each offers
// (a misspelt id would silently drop an option; the count catches it).
const FROM_CATALOGUE: [StandardQuestionnaireKind, string, Catalogue, number][] = [
  ['menteeNeeds', 'areas', competences, 8],
  ['mentorPotential', 'competences', competences, 6],
  ['mentorPotential', 'groups', menteeGroups, 4],
];

describe('standard questionnaire options come from the catalogues', () => {
  for (const [kind, questionId, catalogue, count] of FROM_CATALOGUE) {
    it(`${kind}.${questionId}: ${count} entries, each with the catalogue's id and words`, () => {
      const q = standardQuestionnaire(kind).questions.find((x) => x.id === questionId);
      const options = q?.type === 'multiple' || q?.type === 'single' ? q.options : [];
      expect(options).toHaveLength(count);
      for (const o of options) expect(o.label).toEqual(catalogue.byId.get(o.id)?.label);
    });
  }

  it('the English of an option is the catalogue English (no second wording to drift)', () => {
    const q = standardQuestionnaire('menteeNeeds').questions.find((x) => x.id === 'areas');
    const labels = q?.type === 'multiple' ? q.options.map((o) => o.label.en) : [];
    expect(labels).toContain(competences.byId.get('digitalTools')?.label.en);
    expect(labels).not.toContain('digital tools');
  });
});
