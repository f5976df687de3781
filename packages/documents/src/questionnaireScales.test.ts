import {
  buildQuestionnaireForm,
  renderMarkdown,
  type StandardQuestionnaireKind,
  standardQuestionnaire,
} from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';

// Every 1–10 scale of the standard questionnaires, with the end labels that answer its own question.
// The seeds ask for the surveys (001 2.2, 4.2, 5.2, 7.1; 003 roadmap 3 and 10; 004 roadmap 1, 2, 4)
// but print no scale wording, so the labels are ours, one pair per question.
const SCALES: [StandardQuestionnaireKind, string, string, string][] = [
  ['menteeNeeds', 'readiness', 'совсем не готов(а)', 'полностью готов(а)'],
  ['mentorPotential', 'time', 'очень мало', 'столько, сколько потребуется'],
  ['preference', 'meetingUseful', 'совсем бесполезной', 'очень полезной'],
  ['interimFeedback', 'meetings', 'редки и бесполезны', 'регулярны и очень полезны'],
  ['interimFeedback', 'progress', 'совсем не продвинулся(-лась)', 'запрос полностью решён'],
  ['interimFeedback', 'comfort', 'совсем некомфортно', 'полностью комфортно'],
  ['finalSatisfaction', 'overall', 'совсем не удовлетворён(а)', 'полностью удовлетворён(а)'],
  ['finalSatisfaction', 'goals', 'совсем не достигнуты', 'достигнуты полностью'],
  ['finalSatisfaction', 'partner', 'очень плохо', 'отлично'],
  ['finalSatisfaction', 'organization', 'очень плохо', 'отлично'],
];

const KINDS = [...new Set(SCALES.map(([k]) => k))];

describe('questionnaire scales: the end labels answer the question', () => {
  for (const [kind, id, min, max] of SCALES) {
    it(`${kind}.${id}: 1 — «${min}», 10 — «${max}»`, () => {
      const q = standardQuestionnaire(kind).questions.find((x) => x.id === id);
      expect(q).toMatchObject({ type: 'scale', min: 1, max: 10 });
      expect(q?.type === 'scale' && q.minLabel?.ru).toBe(min);
      expect(q?.type === 'scale' && q.maxLabel?.ru).toBe(max);
      // The printed form shows the labels at the ends of the scale.
      const md = renderMarkdown(
        buildQuestionnaireForm({ questionnaire: standardQuestionnaire(kind) }),
      ).replaceAll('\u00a0', ' ');
      expect(md).toContain(` ${min} 1 2 3 4 5 6 7 8 9 10 ${max}\n`.replace(/[()]/gu, (c) => `\\${c}`));
    });
  }
  it('lists every scale of the standard questionnaires', () => {
    const all = KINDS.flatMap((k) =>
      standardQuestionnaire(k)
        .questions.filter((x) => x.type === 'scale')
        .map((x) => `${k}.${x.id}`),
    );
    expect(all.sort()).toEqual(SCALES.map(([k, id]) => `${k}.${id}`).sort());
  });
  it('no question text carries its own legend («1 — мало, 10 — много») beside the labels', () => {
    for (const k of KINDS)
      for (const x of standardQuestionnaire(k).questions) {
        expect(x.text.ru).not.toMatch(/\d+\s*[—–-]\s*[а-яё]/u);
        expect(x.text.ru).not.toMatch(/мало|много/u);
      }
  });
});
