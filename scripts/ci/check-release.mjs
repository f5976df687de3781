#!/usr/bin/env node
/**
 * Release metadata, checked in CI (`pnpm check:release`): what npm and
 * provenance need in every published package, READMEs that render on the
 * registry's page, and a first release that is 0.1.0 (not 0.2.0 skipping an
 * unpublished 0.1.0).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const problems = [];
const packages = readdirSync(join(root, 'packages')).filter((d) =>
  existsSync(join(root, 'packages', d, 'package.json')),
);

for (const dir of packages) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  const where = pkg.name;
  if (!pkg.repository?.url || pkg.repository.directory !== `packages/${dir}`)
    problems.push(`${where}: repository.url and .directory`);
  if (!pkg.homepage) problems.push(`${where}: homepage`);
  if (!pkg.bugs?.url) problems.push(`${where}: bugs.url`);
  if (pkg.publishConfig?.access !== 'public' || pkg.publishConfig?.provenance !== true) {
    problems.push(`${where}: publishConfig { access: public, provenance: true }`);
  }
  if (!pkg.license) problems.push(`${where}: license`);
  if (!existsSync(join(root, 'packages', dir, 'LICENSE'))) problems.push(`${where}: LICENSE file`);
  // A README on the registry's page has no repository around it: every link
  // and image must be absolute.
  const readme = readFileSync(join(root, 'packages', dir, 'README.md'), 'utf8');
  for (const m of readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)) {
    const target = m[1];
    if (!/^(https?:|mailto:|#)/.test(target))
      problems.push(`${where}: README link or image by a relative path: ${target}`);
  }
}

// What would `changeset version` do? Packages never published (0.0.0) must go to 0.1.0.
const out = mkdtempSync(join(tmpdir(), 'changeset-status-'));
try {
  const file = join(out, 'status.json');
  execFileSync('pnpm', ['exec', 'changeset', 'status', `--output=${file}`], { cwd: root, stdio: 'ignore' });
  const status = JSON.parse(readFileSync(file, 'utf8'));
  const published = new Set(
    packages.map((d) => JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8')).name),
  );
  // Private workspace packages (examples, docs) are never versioned (config: privatePackages).
  status.releases = status.releases.filter((r) => published.has(r.name));
  for (const release of status.releases) {
    if (release.oldVersion === '0.0.0' && release.newVersion !== '0.1.0') {
      problems.push(`${release.name}: first release would be ${release.newVersion}, not 0.1.0`);
    }
  }
  console.log(status.releases.map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion}`).join('\n'));
} finally {
  rmSync(out, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('release metadata: ok');
