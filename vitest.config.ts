import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests import packages by their public names (and subpaths); point each entry
// of a package's `exports` map at its source (the `nastavnik-source`
// condition), so that a test run never depends on a stale build.
const alias = readdirSync(`${root}packages`)
  .filter((dir) => existsSync(`${root}packages/${dir}/package.json`))
  .flatMap((dir) => {
    const pkg = JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8')) as {
      name: string;
      exports: Record<string, string | { 'nastavnik-source'?: string }>;
    };
    return Object.entries(pkg.exports).flatMap(([sub, target]) => {
      const source = typeof target === 'string' ? undefined : target['nastavnik-source'];
      if (!source) return [];
      const name = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
      return [
        {
          find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
          replacement: `${root}packages/${dir}/${source.slice(2)}`,
        },
      ];
    });
  });

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'docs/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    onConsoleLog: () => false,
    // vitest's default is one worker fewer than the cores: a single worker on
    // CI's two. Many files wait on PostgreSQL, child processes or the disk, so
    // a worker per core keeps both busy (the suite took 290 s with one).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
