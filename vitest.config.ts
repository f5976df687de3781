import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests import packages by their public names; point those names at the
// sources so that a test run never depends on a stale build.
const alias = readdirSync(`${root}packages`)
  .filter((dir) => existsSync(`${root}packages/${dir}/src/index.ts`))
  .map((dir) => ({
    find: new RegExp(`^@nastavnik/${dir}$`),
    replacement: `${root}packages/${dir}/src/index.ts`,
  }));
// Subpath entries (`@nastavnik/indicators/machines` → `packages/indicators/src/machines.ts`).
alias.push({ find: /^@nastavnik\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}packages/$1/src/$2.ts` });

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'docs/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    onConsoleLog: () => false,
  },
});
