/**
 * Child process of `bounded.test.ts`: runs the named cases of inputs that set
 * a size (questionnaire scales, recurrence periods, table spans, long texts)
 * through core and the documents' builders and renderers, and prints one JSON
 * line per case: a result or a typed error, and how long it took. The parent
 * runs it under a small heap and a deadline, so a heap overflow or a hang
 * (which no caller could catch) fails the test.
 */
import { isNastavnikError, parseDue, resolveDue } from '@nastavnik/core';
import {
  buildQuestionnaireForm,
  type NastavnikDocument,
  renderHtml,
  renderMarkdown,
  standardQuestionnaire,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import fc from 'fast-check';

type Outcome = { outcome: 'result' | 'error'; code?: string };

async function attempt(f: () => unknown): Promise<Outcome> {
  try {
    await f();
    return { outcome: 'result' };
  } catch (e) {
    if (isNastavnikError(e)) return { outcome: 'error', code: e.issues[0]?.code ?? e.code };
    throw e;
  }
}

const scaleQuestionnaire = (min: number, max: number) => {
  const q = standardQuestionnaire('finalSatisfaction');
  return {
    ...q,
    questions: [{ id: 'score', type: 'scale', min, max, text: { ru: 'Оценка', en: 'Score' } }],
  };
};

const renderAll = async (doc: NastavnikDocument) => {
  renderHtml(doc);
  renderMarkdown(doc);
  await renderDocx(doc);
};

const tableDoc = (colSpan: number, text: string): NastavnikDocument => ({
  meta: { kind: 'report', title: 'Таблица' },
  blocks: [
    {
      kind: 'table',
      columns: [{ header: 'А' }, { header: 'Б' }],
      rows: [{ cells: [{ text, colSpan }, 'x'] }],
    },
  ],
  annexes: [],
});

const CASES: Record<string, () => Promise<Outcome>> = {
  'a questionnaire scale of 100,000,000 points, through the form and every renderer': () =>
    attempt(async () =>
      renderAll(buildQuestionnaireForm({ questionnaire: scaleQuestionnaire(1, 100_000_000) as never })),
    ),
  'random scales through the form and every renderer': async () => {
    await fc.assert(
      fc.asyncProperty(fc.double(), fc.double(), async (a, b) => {
        await attempt(async () =>
          renderAll(buildQuestionnaireForm({ questionnaire: scaleQuestionnaire(a, b) as never })),
        );
      }),
      { numRuns: 60 },
    );
    return { outcome: 'result' };
  },
  'a weekly recurrence over 2000–9999': () =>
    attempt(() => resolveDue(parseDue('еженедельно'), { start: '2000-01-01', end: '9999-12-31' })),
  'random periods and recurrences': async () => {
    const day = fc.integer({ min: 1, max: 9999 }).map((y) => `${String(y).padStart(4, '0')}-01-01`);
    fc.assert(
      fc.property(
        day,
        day,
        fc.constantFrom('еженедельно', 'ежемесячно', 'ежеквартально', 'ежегодно'),
        (a, b, t) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          try {
            resolveDue(parseDue(t), { start, end });
          } catch (e) {
            if (!isNastavnikError(e)) throw e;
          }
        },
      ),
      { numRuns: 200 },
    );
    return { outcome: 'result' };
  },
  'a due text of 1,000,000 characters': () => attempt(() => parseDue('до 1 сентября '.repeat(70_000))),
  'a table cell spanning 1,000,000,000 columns, through every renderer': () =>
    attempt(() => renderAll(tableDoc(1_000_000_000, 'Этап'))),
  'an ordinary table, through every renderer': () => attempt(() => renderAll(tableDoc(2, 'Этап 1'))),
  'a 5,000,000-character table cell, through every renderer': () =>
    attempt(() => renderAll(tableDoc(1, 'я'.repeat(5_000_000)))),
};

for (const name of process.argv.slice(2)) {
  const run = CASES[name];
  if (run === undefined) throw new Error(`no case ${name}`);
  const t0 = performance.now();
  const o = await run();
  process.stdout.write(`${JSON.stringify({ name, ...o, ms: Math.round(performance.now() - t0) })}\n`);
}
