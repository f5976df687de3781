/**
 * Where a benchmark's results go, so that the docs and the READMEs quote only
 * what a `pnpm bench` run printed: `docs/bench/<name>.md` (the documentation
 * site includes it) and the package README between its
 * `<!-- bench:start -->` and `<!-- bench:end -->` markers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes the results of package `name`'s bench (Markdown) to the docs and its README. */
export function publishBench(name: string, markdown: string): void {
  const docs = join(root, 'docs', 'bench', `${name}.md`);
  mkdirSync(dirname(docs), { recursive: true });
  writeFileSync(docs, `<!-- written by \`pnpm bench\` in packages/${name}; do not edit -->\n\n${markdown}\n`);
  const readmePath = join(root, 'packages', name, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const begin = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = readme.indexOf(begin);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${readmePath}: no bench markers`);
  writeFileSync(readmePath, `${readme.slice(0, a + begin.length)}\n${markdown}\n${readme.slice(b)}`);
}
