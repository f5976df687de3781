// A local typedoc plugin for the Nastavnik site:
// 1. names each package's module after its package.json (`@nastavnik/<name>`)
//    when the entry point has no `@module` tag, so links and URLs stay stable;
// 2. shows `{@link @nastavnik/core!parse}` in guides and comments as `parse`
//    in code type (the target is clear from the page), and puts the package
//    modules in a navigation group of their own;
// 3. keeps a parameter typed with an exported alias (`input: MatchingInput`,
//    an alias of `z.input<…>`) as a link to the alias instead of the whole
//    object type spelled out in the signature;
// 4. fails the build (an error, with treatWarningsAsErrors) when an exported
//    declaration has no `@example` block;
// 5. makes the search index keep Cyrillic words: lunr's trimmer strips `\W`
//    from both ends of a token, and every Cyrillic letter is `\W`, so
//    «согласие» was indexed as an empty token and no Russian word was found;
// 6. loads Mermaid (3.5 MB) only on the pages that have a diagram.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import lunr from 'lunr';
import { Comment, CommentTag, Converter, PageEvent, ReflectionKind, RendererEvent } from 'typedoc';
import ts from 'typescript';
import { findMissingExamples } from './examples-rule.mjs';

/** @type {Record<string, string[]>} */
const knownGaps = JSON.parse(readFileSync(new URL('./example-gaps.json', import.meta.url), 'utf8'));

/**
 * @param {string} file
 * @returns {string | undefined}
 */
function packageNameOf(file) {
  let dir = dirname(file);
  for (;;) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}

/** The navigation group of the package modules. */
const PACKAGES_GROUP = 'Пакеты · Packages';

const QUALIFIED = /^@nastavnik\/[\w-]+!(.+)$/;
const MODULE = /^"(@nastavnik\/[\w-]+)"$/;

/**
 * `{@link @nastavnik/x!Name}` without its own text → `{@linkcode Name}`;
 * `{@link "@nastavnik/x"}` → `{@linkcode @nastavnik/x}`.
 *
 * @param {readonly import('typedoc').CommentDisplayPart[] | undefined} parts
 */
function shortenLinks(parts) {
  for (const part of parts ?? []) {
    if (part.kind !== 'inline-tag' || part.tag !== '@link') continue;
    const m = QUALIFIED.exec(part.text.trim()) ?? MODULE.exec(part.text.trim());
    if (m?.[1]) {
      part.text = m[1];
      part.tag = '@linkcode';
    }
  }
}

/** @param {import('typedoc').Comment | undefined} comment */
function shortenCommentLinks(comment) {
  if (!comment) return;
  shortenLinks(comment.summary);
  for (const tag of comment.blockTags) shortenLinks(tag.content);
}

/**
 * lunr's trimmer with Unicode classes: strips what is neither a letter nor a
 * digit from both ends of a token, in any script. Registered under lunr's own
 * label, so typedoc's `builder.pipeline.add(lunr.trimmer)` picks it up.
 *
 * @param {lunr.Token} token
 */
function unicodeTrimmer(token) {
  return token.update((s) => s.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, ''));
}
lunr.trimmer = unicodeTrimmer;
delete lunr.Pipeline.registeredFunctions.trimmer;
lunr.Pipeline.registerFunction(unicodeTrimmer, 'trimmer');

const mermaidJs = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** @param {import('typedoc').Application} app */
export function load(app) {
  // Mermaid: copied once into the assets, loaded only where a diagram is.
  app.renderer.on(RendererEvent.END, (event) => {
    mkdirSync(join(event.outputDirectory, 'assets'), { recursive: true });
    copyFileSync(mermaidJs, join(event.outputDirectory, 'assets', 'mermaid.min.js'));
  });
  app.renderer.on(PageEvent.END, (page) => {
    if (!page.contents?.includes('class="mermaid"')) return;
    const depth = page.url.split('/').length - 1;
    const src = `${'../'.repeat(depth)}assets/mermaid.min.js`;
    page.contents = page.contents.replace('</body>', `<script src="${src}"></script></body>`);
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      if (reflection.name.startsWith('@')) continue;
      const id = context.project.getSymbolIdFromReflection(reflection);
      const name = id ? (id.packageName ?? (id.fileName && packageNameOf(id.fileName))) : undefined;
      if (name) reflection.name = name;
    }
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      if (!reflection.comment?.blockTags.some((t) => t.tag === '@group')) {
        reflection.comment ??= new Comment();
        reflection.comment.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: PACKAGES_GROUP }]));
      }
    }
  });

  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, declaration) => {
    if (!declaration || !('parameters' in declaration)) return;
    declaration.parameters.forEach((node, i) => {
      const parameter = signature.parameters?.[i];
      const typeNode = node.type;
      if (parameter?.type?.type !== 'reflection') return;
      if (!typeNode || !ts.isTypeReferenceNode(typeNode) || typeNode.typeArguments) return;
      const symbol = context.checker.getSymbolAtLocation(typeNode.typeName);
      if (!symbol) return;
      const target = context.resolveAliasedSymbol(symbol);
      if (!(target.flags & ts.SymbolFlags.TypeAlias)) return;
      context.project.removeReflection(parameter.type.declaration);
      parameter.type = context.createSymbolReference(target, context, typeNode.typeName.getText());
    });
  });

  // After typedoc's link resolver (priority -300): the targets are known, only the text changes.
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      shortenLinks(context.project.readme);
      for (const reflection of Object.values(context.project.reflections)) {
        shortenCommentLinks(reflection.comment);
        if ('content' in reflection && Array.isArray(reflection.content)) shortenLinks(reflection.content);
        if ('signatures' in reflection && Array.isArray(reflection.signatures)) {
          for (const signature of reflection.signatures) shortenCommentLinks(signature.comment);
        }
      }
    },
    -400,
  );

  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const missing = findMissingExamples(context.project);
    for (const m of missing) {
      const message = `${m.module}: ${m.kind} ${m.name} has no @example block in its TSDoc`;
      if (knownGaps[m.module]?.includes(m.name)) app.logger.info(`known gap (example-gaps.json): ${message}`);
      else app.logger.error(message);
    }
    for (const [module, names] of Object.entries(knownGaps)) {
      if (module.startsWith('$')) continue;
      for (const name of names) {
        if (!missing.some((m) => m.module === module && m.name === name)) {
          app.logger.info(`${module}: ${name} has an @example now: remove it from scripts/example-gaps.json`);
        }
      }
    }
  });
}
