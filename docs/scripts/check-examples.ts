/**
 * Lists the exports of the given packages that have no `@example` in their
 * TSDoc, without building the site: `pnpm --filter @nastavnik/docs
 * check:examples machines indicators`. With no arguments, all six packages.
 * Exits 1 when something is missing. The same rule runs inside `pnpm docs`
 * (scripts/typedoc-plugin.mjs) for the packages in typedoc.json.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, TSConfigReader } from 'typedoc';
// @ts-expect-error: a plain ES module shared with the typedoc plugin, without declarations
import { findMissingExamples } from './examples-rule.mjs';

const ALL = ['core', 'machines', 'matching', 'indicators', 'documents', 'registry'];
const docsDir = fileURLToPath(new URL('..', import.meta.url));
const inDocs = (path: string): string => resolve(docsDir, path);

async function main(): Promise<number> {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
  const entryPoints = names.map((n) => inDocs(`../packages/${n}/src/index.ts`));
  for (const e of entryPoints) if (!existsSync(e)) throw new Error(`no entry point ${e}`);
  const app = await Application.bootstrapWithPlugins(
    {
      entryPoints,
      entryPointStrategy: 'resolve',
      tsconfig: inDocs('tsconfig.typedoc.json'),
      skipErrorChecking: true,
      plugin: [inDocs('scripts/typedoc-plugin.mjs')],
      excludePrivate: true,
      excludeInternal: true,
      excludeExternals: true,
      validation: { notExported: false, invalidLink: false, notDocumented: false },
      logLevel: process.env.LOG ? 'Verbose' : 'None',
    },
    // Only the tsconfig: not typedoc.json, whose entry points are the site's.
    [new TSConfigReader()],
  );
  const project = await app.convert();
  if (!project) {
    console.error('typedoc could not convert the packages; run with LOG=1 for its messages');
    return 2;
  }
  const missing: { module: string; name: string; kind: string }[] = findMissingExamples(project);
  for (const m of missing) console.log(`${m.module}\t${m.kind}\t${m.name}`);
  console.log(`${missing.length} export(s) without @example in ${names.join(', ')}`);
  return missing.length === 0 ? 0 : 1;
}

process.exitCode = await main();
