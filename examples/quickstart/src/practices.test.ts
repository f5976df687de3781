import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConsentPolicy, mayProcessFor } from '@nastavnik/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgrammeYear, type YearResult } from './index';
import { writePractices } from './practices';

async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
}

describe('the demo: incentives and the bank of best practices', () => {
  let year: YearResult;
  let out: string;
  let written: string[];

  beforeAll(async () => {
    year = runProgrammeYear({ seed: 7, schools: 2, pupilsPerSchool: 40, teachersPerSchool: 14 });
    out = await mkdtemp(join(tmpdir(), 'nastavnik-practices-'));
    written = await writePractices(year, out);
  }, 120_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes the decision, the award order, the cases, the collection and its index', () => {
    for (const f of [
      'practices/incentives-decision.docx',
      'practices/award-order.docx',
      'practices/case-1.docx',
      'practices/case-1.html',
      'practices/collection.docx',
      'practices/index.html',
    ]) {
      expect(written).toContain(f);
    }
  });

  it('the collection names no mentee (none consented to dissemination) and the index links every case', async () => {
    const text = await docxText(join(out, 'practices/collection.docx'));
    expect(text).toContain('ЛУЧШИЕ ПРАКТИКИ НАСТАВНИЧЕСТВА');
    const pairs = year.pairs.filter((j) => j.fate === 'completed');
    const people = new Map(year.sample.persons.map((p) => [p.id as string, p]));
    const consents = [...year.sample.consents, ...year.consents];
    for (const j of pairs) {
      for (const id of j.pair.menteeIds) {
        const p = people.get(id);
        if (!p || mayProcessFor(defaultConsentPolicy, p, 'mentee', 'publication', consents, '2024-07-05'))
          continue;
        expect(text).not.toContain(p.name.lastName);
      }
    }
    const index = await readFile(join(out, 'practices/index.html'), 'utf8');
    expect(index).toContain('href="case-1.html"');
  });
});
