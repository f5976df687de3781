// Tokens for the API tests: a development issuer per test file, and the callers the tests use.
import type { CallerClaims, createDevIssuer } from '../auth';
import { ORG } from './fixtures';

export type Dev = Awaited<ReturnType<typeof createDevIssuer>>;

/** The school's head, who is also its curator: may do everything in the school. */
export const staffClaims: CallerClaims = { sub: `${ORG}-head`, org: ORG, roles: ['head', 'curator'] };

export async function bearer(dev: Dev, claims: CallerClaims): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await dev.token(claims)}` };
}
