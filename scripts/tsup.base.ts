import type { Options } from 'tsup';

/**
 * One build factory for every published package: ESM + CJS + declarations,
 * source maps, no bundling of dependencies (tsup keeps `dependencies` and
 * `peerDependencies` external).
 */
export function tsupConfig(entry: Record<string, string> = { index: 'src/index.ts' }): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'es2022',
    splitting: false,
  };
}
