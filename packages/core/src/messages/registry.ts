import type { IssueParams, NastavnikErrorCode } from '../issueParams';
import type { Lang } from '../labels';

/**
 * The messages of one language: one function per code, from the code's typed
 * params and the field path (`where`, empty for the whole input) to a text.
 * Messages never contain input values, only field names, ids and limits.
 *
 * @category Errors
 * @example
 * const text = issueMessagesRu.too_small({ minimum: 2, origin: 'array', inclusive: true }, 'menteeIds');
 */
export type IssueMessages = {
  readonly [C in NastavnikErrorCode]: (params: IssueParams[C], where: string) => string;
};

type Message = (params: never, where: string) => string;
type Table = Partial<Record<NastavnikErrorCode, Message>>;

// The catalogue is split so that a bundle carries only the messages of the
// codes its modules can throw: the generic codes (always, see `general.ts`),
// small domain parts (`calendar.ts`, `solver.ts`), and the whole catalogue
// (`ru.ts`, `en.ts`) for the modules that throw domain codes. A throwing
// module registers what it throws at its top level; a bundler keeps that
// statement exactly when it keeps the module.
let complete: Readonly<Record<Lang, IssueMessages>> | undefined;
const partial: Record<Lang, Table> = { ru: {}, en: {} };

/** Set the whole catalogue (see `registerCatalogue` in `catalogue.ts`); the first one stays. */
export function setCatalogue(ru: IssueMessages, en: IssueMessages): void {
  complete ??= { ru, en };
}

/**
 * Register part of the catalogue: the messages of a few codes, in both
 * languages. For modules on a hot bundle path that throw only those codes
 * (the whole catalogue, when registered, takes precedence).
 *
 * @category Errors
 * @example
 * registerMessages(solverMessagesRu, solverMessagesEn);
 */
export function registerMessages<C extends NastavnikErrorCode>(
  ru: Pick<IssueMessages, C>,
  en: Pick<IssueMessages, C>,
): void {
  Object.assign(partial.ru, ru);
  Object.assign(partial.en, en);
}

/** The registered message function of a code, if any. */
export function registeredMessage<C extends NastavnikErrorCode>(
  lang: Lang,
  code: C,
): ((params: IssueParams[C], where: string) => string) | undefined {
  return (complete?.[lang][code] ?? partial[lang][code]) as
    | ((params: IssueParams[C], where: string) => string)
    | undefined;
}
