import type { Options } from 'tsup';

/** Source files that are never published as modules. */
const notModules = [
  '!src/**/*.test.ts',
  '!src/**/*.test-d.ts',
  '!src/**/__fixtures__/**',
  '!src/**/__golden__/**',
];

/**
 * One build factory for every published package: ESM + CJS + declarations,
 * source maps, no bundling of dependencies (tsup keeps `dependencies` and
 * `peerDependencies` external).
 *
 * Every source module is an entry of its own and the output is split, so
 * `dist/` mirrors `src/` module by module. With `"sideEffects": false` a
 * bundler then drops every module the application does not reach: importing
 * `parseDue` brings the due-date parser and what it imports, not the sample
 * generator or the seed roadmaps (a single-file bundle keeps every top-level
 * zod schema, which bundlers cannot prove pure). Declarations are emitted for
 * the public entries only (`entry`): the package's `exports` map.
 *
 * @param entry - the public entries, by output name (`index`, `sample/index`, …).
 */
export function tsupConfig(entry: Record<string, string> = { index: 'src/index.ts' }): Options {
  return {
    entry: ['src/**/*.ts', ...notModules],
    format: ['esm', 'cjs'],
    dts: { entry },
    sourcemap: true,
    clean: true,
    treeshake: false,
    target: 'es2022',
    splitting: true,
  };
}
