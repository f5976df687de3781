// The rule behind `pnpm docs`: every exported declaration of every package
// carries an `@example` block in its TSDoc. typedoc's `notDocumented` only
// checks that a comment exists; this checks that it shows how to use the thing.
import { ReflectionKind } from 'typedoc';

/** Kinds of top-level declarations that must show an example. */
export const EXAMPLE_REQUIRED_KINDS =
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Variable |
  ReflectionKind.TypeAlias |
  ReflectionKind.Interface |
  ReflectionKind.Enum;

/**
 * @param {import('typedoc').Comment | undefined} comment
 * @returns {boolean}
 */
const hasExample = (comment) => comment?.blockTags.some((tag) => tag.tag === '@example') ?? false;

/**
 * @param {import('typedoc').DeclarationReflection} reflection
 * @returns {boolean}
 */
function reflectionHasExample(reflection) {
  if (hasExample(reflection.comment)) return true;
  const signatures = [
    ...(reflection.signatures ?? []),
    ...(reflection.type?.type === 'reflection' ? (reflection.type.declaration.signatures ?? []) : []),
  ];
  return signatures.some((signature) => hasExample(signature.comment));
}

/**
 * Every exported declaration of every module of the project that has no
 * `@example`, as `{ module, name, kind }`.
 *
 * @param {import('typedoc').ProjectReflection} project
 * @returns {{ module: string, name: string, kind: string }[]}
 */
export function findMissingExamples(project) {
  const modules = project.children?.some((child) => child.kindOf(ReflectionKind.Module))
    ? (project.children ?? []).filter((child) => child.kindOf(ReflectionKind.Module))
    : [project];
  const missing = [];
  for (const module of modules) {
    for (const child of module.children ?? []) {
      if (!child.kindOf(EXAMPLE_REQUIRED_KINDS)) continue;
      if (!reflectionHasExample(child)) {
        missing.push({
          module: module.name,
          name: child.name,
          kind: ReflectionKind.singularString(child.kind),
        });
      }
    }
  }
  return missing;
}
