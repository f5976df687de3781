#!/usr/bin/env node
/**
 * Bundle-size budgets of the published packages, checked in CI (`pnpm size`).
 *
 * Each budget bundles one import the way an application's bundler would —
 * esbuild, browser platform, minified, from the built `dist/` through the
 * package's `exports` — and measures it gzipped. Peer dependencies (zod,
 * xstate) are left out, as the budgets say "excluding peers"; everything else
 * the import reaches counts, our own dependencies included. `forbid` lists
 * packages that must not appear in the bundle at all (documents' typography
 * and HTML never pull docx, exceljs or the iCalendar libraries).
 *
 * Run `pnpm build` first. Prints a table; exits 1 when a budget is exceeded.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The budgets. `parseDue` and `solveAssignment` hold because the error
 * catalogue is split: a throwing module registers only the messages of what it
 * throws (core's `messages/`), so neither carries the whole catalogue.
 *
 * @type {Array<{ name: string, code: string, limitKb?: number, forbid?: string[] }>}
 */
const budgets = [
  {
    name: 'core: parseDue',
    code: "export { parseDue } from '@nastavnik/core';",
    limitKb: 15,
  },
  {
    name: 'matching: solveAssignment',
    code: "export { solveAssignment } from '@nastavnik/matching';",
    limitKb: 8,
  },
  {
    name: 'documents: typography (formatDateLong, typographText)',
    code: "export { formatDateLong } from '@nastavnik/documents';",
    forbid: ['docx', 'exceljs', 'jszip', 'ical-generator', '@touch4it/ical-timezones'],
  },
  {
    name: 'documents: HTML and Markdown renderers',
    code: "export { renderHtml, renderMarkdown } from '@nastavnik/documents';",
    forbid: ['docx', 'exceljs', 'jszip', 'ical-generator', '@touch4it/ical-timezones'],
  },
  {
    // XLSX and CSV import in a browser: fflate (unzip) and saxes (XML) are in, exceljs and iconv-lite never.
    // 65 KB on 2026-12-07 (61 KB earlier that day: core's catalogue grows): the reader is ~11 KB of
    // it (saxes + xmlchars 28 KB min, fflate's inflate 4.5 KB); the rest is the import itself — core's schemas,
    // consent policy and messages (Russian and English), the registry's fields and catalogues. The budget
    // leaves ~15 % for growth; exceljs alone is ~1 MB, so a Node-only dependency cannot slip in unseen.
    name: 'registry/browser: importRegistry',
    code: "export { importRegistry } from '@nastavnik/registry/browser';",
    limitKb: 75,
    forbid: ['exceljs', 'iconv-lite', 'jszip', 'unzipper', 'readable-stream'],
  },
];

function peersOf(pkg) {
  const json = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
  return Object.keys(json.peerDependencies ?? {});
}

/** A package's subpath entries (`@nastavnik/registry/browser`) to their built ESM files, as its `exports` map says. */
function subpathsOf(pkg) {
  const json = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
  return Object.entries(json.exports ?? {})
    .filter(([sub, target]) => sub !== '.' && typeof target === 'object' && target.import?.default)
    .map(([sub, target]) => [
      `@nastavnik/${pkg}/${sub.slice(2)}`,
      join(root, 'packages', pkg, target.import.default),
    ]);
}

const peers = [
  ...new Set(['core', 'machines', 'matching', 'documents', 'registry', 'indicators'].flatMap(peersOf)),
];

let failed = false;
const rows = [];
for (const b of budgets) {
  const result = await build({
    stdin: { contents: b.code, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['import', 'browser', 'default'],
    external: peers.flatMap((p) => [p, `${p}/*`]),
    metafile: true,
    logLevel: 'silent',
    nodePaths: [join(root, 'packages')],
    alias: Object.fromEntries(
      ['core', 'machines', 'matching', 'documents', 'registry', 'indicators'].flatMap((p) => [
        [`@nastavnik/${p}`, join(root, 'packages', p)],
        ...subpathsOf(p),
      ]),
    ),
  });
  const bytes = result.outputFiles[0].contents;
  const gz = gzipSync(bytes, { level: 9 }).length;
  // Inputs that contribute bytes (the metafile also lists modules tree-shaken to nothing).
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  const leaked = (b.forbid ?? []).filter((dep) =>
    inputs.some((p) => p.includes(`node_modules/${dep}/`) || p.includes(`/${dep}@`)),
  );
  const over = b.limitKb !== undefined && gz > b.limitKb * 1024;
  if (over || leaked.length > 0) failed = true;
  rows.push(
    `| ${b.name} | ${(bytes.length / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(1)} KB | ${b.limitKb === undefined ? '—' : `${b.limitKb} KB`} | ${
      leaked.length > 0 ? `FAIL: bundles ${leaked.join(', ')}` : over ? 'FAIL: over budget' : 'ok'
    } |`,
  );
}
console.log('| import | min | min+gzip | budget | |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (failed) {
  console.error('size budgets: exceeded');
  process.exit(1);
}
