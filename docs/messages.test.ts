// The message catalogue is split so that a bundle carries only the messages of the codes its modules can
// throw (`parseDue` ≤ 15 KB, `solveAssignment` ≤ 8 KB, checked by `pnpm size`): every throwing module
// registers its part at its top level. These tests hold that promise both ways — after importing only a
// package's public entry, every code has both messages; after importing only the module that throws a
// code (in a fresh module graph), that code has its own messages, not the generic fallback.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const registryModule = join(root, 'packages/core/src/messages/registry.ts');
const catalogueModule = join(root, 'packages/core/src/messages/ru.ts');

type Registry = typeof import('../packages/core/src/messages/registry');

// The codes the generic texts cover; any other code, or a generic code with a reason, needs its part.
const generic = new Set([
  'invalid_type',
  'required',
  'invalid_format',
  'invalid_value',
  'too_small',
  'too_big',
  'unrecognized_keys',
  'invalid_input',
  'unsafe_text',
  'internal',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' || e.name === 'messages' ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.(test|test-d|bench|d)\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The codes a module throws (literal first arguments), and whether some throw of each names a reason. */
function thrown(source: string): Map<string, boolean> {
  const codes = new Map<string, boolean>();
  const text = source.replace(/^\s*(\/\/|\*).*$/gm, '');
  for (const m of text.matchAll(
    /(?<![.\w])(?:fail|nastavnikIssue|domainRule)\(\s*'([a-z_]+)'([^;]{0,300})/g,
  )) {
    const [, code, rest] = m as unknown as [string, string, string];
    const call = rest.split(/\)\s*[;,]|\)\s*\)/)[0] ?? '';
    const specific = /\b(reason|ref|of|limit|notInPlan|status|version)\s*:|format:\s*'(?!date')/.test(call);
    codes.set(code, (codes.get(code) ?? false) || specific);
  }
  return codes;
}

const packages = ['core', 'machines', 'matching', 'indicators', 'documents', 'registry'];
const modules = packages
  .flatMap((p) => sources(join(root, 'packages', p, 'src')))
  .map((path) => ({ path, codes: thrown(readFileSync(path, 'utf8')) }))
  .filter((m) => m.codes.size > 0);

describe('the split message catalogue', () => {
  it('finds the throwing modules of every package', () => {
    expect(modules.length).toBeGreaterThan(40);
    for (const p of packages) expect(modules.some((m) => m.path.includes(`/packages/${p}/`))).toBe(true);
  });

  it.each(packages)('after importing only @nastavnik/%s, every code has both messages', async (p) => {
    vi.resetModules();
    await import(`@nastavnik/${p}`);
    const registry: Registry = await import(registryModule);
    const { issueMessagesRu } = await import(catalogueModule);
    const missing = Object.keys(issueMessagesRu).filter(
      (code) =>
        registry.registeredMessage('ru', code as never) === undefined ||
        registry.registeredMessage('en', code as never) === undefined,
    );
    // Core's entry registers everything; another package's entry registers at least what it throws.
    if (p === 'core') expect(missing).toEqual([]);
    const own = modules.filter((m) => m.path.includes(`/packages/${p}/`)).flatMap((m) => [...m.codes.keys()]);
    expect(own.filter((code) => !generic.has(code) && missing.includes(code))).toEqual([]);
  });

  it('after importing only the module that throws a code, that code has its own messages', async () => {
    const wrong: string[] = [];
    for (const m of modules) {
      vi.resetModules();
      await import(m.path);
      const registry: Registry = await import(registryModule);
      for (const [code, specific] of m.codes) {
        if (generic.has(code) && !specific) continue;
        for (const lang of ['ru', 'en'] as const) {
          if (registry.registeredMessage(lang, code as never) === undefined) {
            wrong.push(`${relative(root, m.path)}: ${code} (${lang})`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
