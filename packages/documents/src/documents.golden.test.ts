import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { sampleDocuments } from './__fixtures__/samples';

const dir = fileURLToPath(new URL('./__golden__/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string): void {
  const path = `${dir}${file}`;
  if (update || !existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, actual);
    if (!update) throw new Error(`golden file ${file} was missing and has been written; run again`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const docs = sampleDocuments();

describe('golden documents (DOCX read back, Markdown)', () => {
  it('has every kind of sample', () => {
    expect(Object.keys(docs).length).toBeGreaterThanOrEqual(24);
  });

  for (const [name, doc] of Object.entries(docs)) {
    it(`${name}: DOCX text and table structure`, async () => {
      const content = await readDocx(await renderDocx(doc));
      // Structure first: the same number of tables with the same row/column shape as the model.
      const modelTables = [...doc.blocks, ...doc.annexes.flatMap((a) => a.blocks)].filter(
        (b) => b.kind === 'table' || b.kind === 'acquaintance',
      );
      const docxTables = content.body.filter((i): i is { table: string[][] } => 'table' in i);
      expect(docxTables.length).toBe(modelTables.length);
      expect(content.sections.length).toBe(1 + doc.annexes.length);
      golden(
        `${name}.golden.json`,
        `${JSON.stringify({ sections: content.sections, media: content.media.length, body: content.body }, null, 1)}\n`,
      );
    });
    it(`${name}: Markdown`, () => {
      golden(`${name}.golden.md`, renderMarkdown(doc));
    });
  }
});
