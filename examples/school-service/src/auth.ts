import { OrganizationIdSchema, PersonIdSchema, safeParse } from '@nastavnik/core';
import type { MiddlewareHandler } from 'hono';
import {
  type CryptoKey,
  generateKeyPair,
  type JWTVerifyGetKey,
  jwtVerify,
  type KeyObject,
  SignJWT,
} from 'jose';
import { z } from 'zod';
import { HttpProblem, problem } from './http';

/**
 * The roles the service knows, from the pairs issue's authority model: the
 * head (or acting head) of the school, the school's curator, the municipal
 * curator of the education authority above it, a mentor, a mentee, a parent
 * (legal representative) of a minor mentee.
 *
 * @example
 * ServiceRoleSchema.parse('curator');
 */
export const ServiceRoleSchema = z.enum([
  'head',
  'actingHead',
  'curator',
  'municipalCurator',
  'mentor',
  'mentee',
  'parent',
]);
/** A role of a caller. @example const r: ServiceRole = 'parent'; */
export type ServiceRole = z.infer<typeof ServiceRoleSchema>;

/**
 * The claims the service reads from a verified token, besides `iss`, `aud`
 * and `exp`: `sub` (the caller's person id), `org` (the organization the
 * caller belongs to), `roles`, and for a parent `children` (the person ids of
 * the minors they represent, asserted by the identity provider).
 *
 * @example
 * CallerClaimsSchema.parse({ sub: 'sch1-t01', org: 'sch1', roles: ['curator'] });
 */
export const CallerClaimsSchema = z.object({
  sub: PersonIdSchema,
  org: OrganizationIdSchema,
  roles: z.array(ServiceRoleSchema).min(1).max(7),
  children: z.array(PersonIdSchema).max(20).default([]),
});
/** Claims as an issuer writes them. @example const c: CallerClaims = { sub: 'p', org: 'o', roles: ['head'] }; */
export type CallerClaims = z.input<typeof CallerClaimsSchema>;

/**
 * The authenticated caller of a request.
 *
 * @example
 * const caller: Caller = c.get('caller');
 */
export interface Caller {
  readonly personId: string;
  readonly organizationId: string;
  readonly roles: ReadonlySet<ServiceRole>;
  readonly children: readonly string[];
}

/**
 * How tokens are verified: the issuer and audience they must name, and the
 * key (a public key, or a JWKS getter such as jose's `createRemoteJWKSet`
 * for an OIDC provider).
 *
 * @example
 * const auth: AuthConfig = { issuer: 'https://id.example', audience: 'school-service', key: createRemoteJWKSet(new URL(jwksUri)) };
 */
export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly key: CryptoKey | KeyObject | JWTVerifyGetKey;
}

/** Signature algorithms accepted; never `none`, never HMAC with a guessed secret. */
const ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

const unauthenticated = (reason: 'missing' | 'invalid') =>
  new HttpProblem(
    401,
    problem(
      'unauthenticated',
      reason === 'missing'
        ? 'Нужен токен доступа (заголовок Authorization: Bearer …)'
        : 'Токен доступа недействителен или просрочен',
      reason === 'missing'
        ? 'An access token is required (header Authorization: Bearer …)'
        : 'The access token is invalid or expired',
    ),
    {
      'WWW-Authenticate': `Bearer realm="school-service"${reason === 'invalid' ? ', error="invalid_token"' : ''}`,
    },
  );

/**
 * Verify a bearer token and return the caller, or throw a 401 problem.
 * Signature, issuer, audience, expiry and the claims' shape are all checked.
 *
 * @example
 * const caller = await verifyCaller(auth, token);
 */
export async function verifyCaller(auth: AuthConfig, token: string): Promise<Caller> {
  let payload: unknown;
  try {
    const key = auth.key;
    const options = {
      issuer: auth.issuer,
      audience: auth.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 30,
    };
    payload = (
      typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options)
    ).payload;
  } catch {
    throw unauthenticated('invalid');
  }
  const claims = safeParse(CallerClaimsSchema, payload);
  if (!claims.ok) throw unauthenticated('invalid');
  return {
    personId: claims.value.sub,
    organizationId: claims.value.org,
    roles: new Set(claims.value.roles),
    children: claims.value.children,
  };
}

/**
 * Hono middleware: every request must carry a valid bearer token (401
 * otherwise); the caller is put in the context as `caller`.
 *
 * @example
 * app.use('/mentors/*', authenticate(auth));
 */
export function authenticate(auth: AuthConfig): MiddlewareHandler<{ Variables: { caller: Caller } }> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const m = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/.exec(header.trim());
    if (!m?.[1]) throw unauthenticated(header === undefined ? 'missing' : 'invalid');
    c.set('caller', await verifyCaller(auth, m[1]));
    await next();
  };
}

/**
 * A development issuer for the demo and the tests: an ES256 key pair made at
 * start (never stored, never committed), tokens signed with it, and the
 * {@link AuthConfig} that verifies them. A real deployment verifies the
 * tokens of its OIDC provider instead (`createRemoteJWKSet`).
 *
 * @example
 * const dev = await createDevIssuer();
 * const app = createApp({ db, auth: dev.auth });
 * const token = await dev.token({ sub: 'sch1-t01', org: 'sch1', roles: ['curator'] });
 */
export async function createDevIssuer(
  options: { issuer?: string; audience?: string } = {},
): Promise<{ auth: AuthConfig; token: (claims: CallerClaims, ttlSeconds?: number) => Promise<string> }> {
  const issuer = options.issuer ?? 'urn:nastavnik:school-service:dev-issuer';
  const audience = options.audience ?? 'school-service';
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return {
    auth: { issuer, audience, key: publicKey },
    async token(claims, ttlSeconds = 3600) {
      const c = CallerClaimsSchema.parse(claims);
      return new SignJWT({ org: c.org, roles: c.roles, children: c.children })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setSubject(c.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey);
    },
  };
}
