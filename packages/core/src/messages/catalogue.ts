import { issueMessagesEn } from './en';
import { setCatalogue } from './registry';
import { issueMessagesRu } from './ru';

/**
 * Register the whole message catalogue (every code, Russian and English).
 * Every module of the SDK that throws a domain code calls it at its top
 * level, so a bundle carries the catalogue exactly when it carries such a
 * module; `parseDue` or `solveAssignment` alone register only their small
 * parts (see {@link registerMessages}). Calling it again does nothing.
 *
 * @category Errors
 * @example
 * registerCatalogue();
 * fail('self_pair', ['mentorId']).messageEn; // 'A mentor cannot mentor themselves'
 */
export function registerCatalogue(): void {
  setCatalogue(issueMessagesRu, issueMessagesEn);
}
