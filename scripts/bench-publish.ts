/**
 * Where a benchmark's results go, so that the docs and the READMEs quote only
 * what a `pnpm bench` run printed: `docs/bench/<name>.md`, the documentation
 * site's page `docs/guides/benchmarks.md` made anew from every such file, and
 * the package README between its `<!-- bench:start -->` and
 * `<!-- bench:end -->` markers.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Writes the results of package `name`'s bench (Markdown) to the docs and its README. A second
 * bench of the same package passes `part`: `docs/bench/<name>-<part>.md` and the README's
 * `<!-- bench:<part>:start -->` … `<!-- bench:<part>:end -->` markers.
 */
export function publishBench(name: string, markdown: string, part?: string): void {
  const docs = join(root, 'docs', 'bench', part ? `${name}-${part}.md` : `${name}.md`);
  mkdirSync(dirname(docs), { recursive: true });
  writeFileSync(docs, `<!-- written by \`pnpm bench\` in packages/${name}; do not edit -->\n\n${markdown}\n`);
  writeBenchPage();
  const readmePath = join(root, 'packages', name, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const begin = part ? `<!-- bench:${part}:start -->` : '<!-- bench:start -->';
  const end = part ? `<!-- bench:${part}:end -->` : '<!-- bench:end -->';
  const a = readme.indexOf(begin);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${readmePath}: no bench markers`);
  writeFileSync(readmePath, `${readme.slice(0, a + begin.length)}\n${markdown}\n${readme.slice(b)}`);
}

/**
 * The site's page of results: every `docs/bench/*.md` under a heading named
 * after its file (`matching`, `documents`, `machines-replay`, …), in name order.
 */
export function writeBenchPage(): void {
  const dir = join(root, 'docs', 'bench');
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const body = readFileSync(join(dir, f), 'utf8').replace(/^<!--[^\n]*-->\n+/, '');
      return `## ${f.slice(0, -3)}\n\n${body.replace(/^(#+) /gm, '##$1 ').trimEnd()}\n`;
    });
  const page = [
    '---',
    'title: Замеры · Benchmarks',
    'group: Руководства',
    '---',
    '',
    '<!-- written by scripts/bench-publish.ts from docs/bench/*.md; do not edit -->',
    '',
    '# Замеры · Benchmarks',
    '',
    'Что напечатал последний запуск `pnpm bench` в каждом пакете: время против названных аналогов в том же запуске, как',
    'отношения, с нагрузкой машины и датой. What the last `pnpm bench` run printed in each package: time against named peers',
    "in the same run, as ratios, with the machine's load and the date.",
    '',
    ...parts,
  ].join('\n');
  writeFileSync(join(root, 'docs', 'guides', 'benchmarks.md'), page);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeBenchPage();
