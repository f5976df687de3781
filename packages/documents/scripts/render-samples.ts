/**
 * Render every sample document to samples-out/: DOCX, HTML, Markdown and
 * (for documents with tables) XLSX; then convert each DOCX to PDF with
 * LibreOffice headless and the PDFs to PNG pages with pdftoppm, when these
 * tools are installed (Debian: libreoffice-writer-nogui, poppler-utils,
 * fonts-liberation). Not part of the unit tests or CI.
 *
 *   pnpm --filter @nastavnik/documents render-samples
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml, renderMarkdown } from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { renderXlsx } from '@nastavnik/documents/xlsx';
import { sampleDocuments } from '../src/__fixtures__/samples';

const out = fileURLToPath(new URL('../samples-out/', import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const docs = sampleDocuments();
for (const [name, doc] of Object.entries(docs)) {
  writeFileSync(join(out, `${name}.docx`), await renderDocx(doc));
  writeFileSync(join(out, `${name}.html`), renderHtml(doc, { fullPage: true }));
  writeFileSync(join(out, `${name}.md`), renderMarkdown(doc));
  const hasTable = [...doc.blocks, ...doc.annexes.flatMap((a) => a.blocks)].some((b) => b.kind === 'table');
  if (hasTable) writeFileSync(join(out, `${name}.xlsx`), await renderXlsx(doc));
}
console.log(`wrote ${Object.keys(docs).length} documents to ${out}`);

const office = has('libreoffice') ? 'libreoffice' : has('soffice') ? 'soffice' : undefined;
if (!office) {
  console.log('LibreOffice not found: skipping PDF conversion');
  process.exit(0);
}
const docxFiles = readdirSync(out).filter((f) => f.endsWith('.docx'));
const failed: string[] = [];
for (const f of docxFiles) {
  try {
    execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', out, join(out, f)], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    if (!existsSync(join(out, f.replace(/\.docx$/u, '.pdf')))) failed.push(f);
  } catch {
    failed.push(f);
  }
}
console.log(
  `converted ${docxFiles.length - failed.length}/${docxFiles.length} DOCX to PDF${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
if (has('pdftoppm')) {
  const png = join(out, 'png');
  mkdirSync(png, { recursive: true });
  for (const f of readdirSync(out).filter((x) => x.endsWith('.pdf'))) {
    execFileSync('pdftoppm', ['-png', '-r', '70', join(out, f), join(png, f.replace(/\.pdf$/u, ''))]);
  }
  console.log(`PNG pages in ${png}`);
}
if (failed.length > 0) process.exit(1);
