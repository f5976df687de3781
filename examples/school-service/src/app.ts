import { getConnInfo } from '@hono/node-server/conninfo';
import {
  ConsentIdSchema,
  ConsentSchema,
  type IsoDate,
  isNastavnikError,
  type Pair,
  PairIdSchema,
  PairSchema,
  PersonIdSchema,
  RequestIdSchema,
  RequestSchema,
} from '@nastavnik/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import {
  AttentionDigestQuerySchema,
  AttentionQuerySchema,
  attentionFor,
  attentionSubjects,
  digestOf,
} from './attention';
import { type AuditInput, appendAudit, readAudit, verifyAuditLog } from './audit';
import { type AuthConfig, authenticate, type Caller, type ServiceRole, ServiceRoleSchema } from './auth';
import {
  forbidden,
  isStaff,
  mayRecord,
  pairRoles,
  requireRole,
  rolesAt,
  rolesFor,
  STAFF_ROLES,
  visiblePersons,
} from './authz';
import { type Db, type Queryable, sqlState } from './db';
import { renderPairsOrderDocx } from './documents';
import {
  HttpProblem,
  jsonBody,
  notFound,
  problem,
  problemResponse,
  unknownReference,
  validate,
} from './http';
import { schoolIndicators } from './indicators';
import { runMatching } from './matching';
import { docsRoutes, openApiDocument } from './openapi';
import { initialPairSnapshot, type PersistedPair, pairEventSchema, pairTransition, pairView } from './pairs';
import { createRegistry, type InTx, type Registry, staleVersion } from './registry';
import {
  CreatePairSchema,
  EventEnvelopeSchema,
  MenteeBodySchema,
  MentorBodySchema,
  type School,
  SchoolSchema,
} from './schemas';
import { createEventStore, type EventStore } from './store';

/**
 * A line for the access log: method, route pattern, status, duration. Never
 * a body, a query string or a header: those may carry personal data.
 *
 * @example
 * const log: AccessLog = (e) => console.log(`${e.method} ${e.route} ${e.status} ${e.ms}ms`);
 */
export type AccessLog = (entry: { method: string; route: string; status: number; ms: number }) => void;

/** Options of {@link createApp}. @example createApp({ db, auth: (await createDevIssuer()).auth }) */
export interface AppOptions {
  readonly db: Db;
  /** How bearer tokens are verified (an OIDC provider's keys, or the development issuer's). */
  readonly auth: AuthConfig;
  readonly log?: AccessLog;
  /** Failures that are not the client's: the error's name and SQL state only. */
  readonly logError?: (entry: { route: string; error: string }) => void;
  /** The clock of the audit log (the domain never reads it). Default: the system clock. */
  readonly now?: () => Date;
  /** The largest request body, in bytes (default 1 MiB); larger ones get 413. */
  readonly maxBodyBytes?: number;
}

export type { School } from './schemas';

type Env = { Variables: { caller: Caller } };

const HEADS = ['head', 'actingHead'] as const;

/** `"3"` or `3` or `W/"3"` → 3; absent → undefined; anything else → 400. */
function ifMatchVersion(c: Context): number | undefined {
  const v = c.req.header('If-Match');
  if (v === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(v.trim());
  if (!m) {
    throw new HttpProblem(400, {
      ...problem(
        'invalid_if_match',
        'Заголовок If-Match должен содержать версию записи, например "3"',
        'The If-Match header must carry the record version, e.g. "3"',
      ),
      path: ['If-Match'],
    });
  }
  return Number(m[1]);
}

/** An update needs the version the client read: 428 without `If-Match`. */
function requiredIfMatch(c: Context): number {
  const v = ifMatchVersion(c);
  if (v === undefined) {
    throw new HttpProblem(
      428,
      problem(
        'precondition_required',
        'Изменение требует заголовка If-Match с версией, полученной при чтении (ETag)',
        'A change needs an If-Match header with the version read (ETag)',
      ),
    );
  }
  return v;
}

const etag = (version: number) => `"${version}"`;

function sourceOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Escape a route pattern into a regular expression (`:id` → one path segment). */
function routeRegex(path: string): RegExp {
  const body = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}

/**
 * The HTTP JSON API of the school service (Hono). Every request but
 * `/health`, `/openapi.json` and `/docs` carries a bearer token; every route
 * checks the caller's organization and role (deny by default); a parent sees
 * only their own child, a mentor or a mentee only their own pairs. Creating
 * (`POST`, 409 on a taken id) and changing (`PUT` with `If-Match`, 412 when
 * stale) are distinct. Every read and change of personal data is written to
 * the hash-chained audit log. Errors are RFC 9457 `application/problem+json`.
 *
 * @example
 * const dev = await createDevIssuer();
 * const app = createApp({ db: await openDb({}), auth: dev.auth });
 * const res = await app.request('/pairs', { headers: { Authorization: `Bearer ${await dev.token(claims)}` } });
 */
export function createApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const registry: Registry = createRegistry(db);
  const store: EventStore = createEventStore(db);
  const app = new Hono<Env>();
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;

  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    options.log?.({
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10,
    });
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        problemResponse(
          413,
          problem(
            'payload_too_large',
            `Тело запроса больше ${maxBody} байт`,
            `The request body is larger than ${maxBody} bytes`,
            { params: { maxBytes: maxBody } },
          ),
          c.req.path,
        ),
    }),
  );

  app.onError((error, c) => {
    if (isNastavnikError(error)) return problemResponse(400, error.toJSON(), c.req.path);
    if (error instanceof HttpProblem)
      return problemResponse(error.status, error.body, c.req.path, error.headers);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(
        error.status,
        problem('bad_request', 'Некорректный запрос', 'Bad request'),
        c.req.path,
      );
    }
    if (error instanceof URIError) {
      return problemResponse(
        400,
        problem(
          'invalid_encoding',
          'Адрес запроса содержит неверную процентную кодировку',
          'The request URL has a malformed percent-encoding',
        ),
        c.req.path,
      );
    }
    const state = sqlState(error);
    options.logError?.({ route: c.req.routePath, error: state ? `${error.name}/${state}` : error.name });
    return problemResponse(
      500,
      problem('internal', 'Внутренняя ошибка сервиса', 'Internal service error'),
      c.req.path,
    );
  });

  // A path the API has with another method: 405 with Allow; otherwise 404.
  app.notFound((c) => {
    const allowed = new Set<string>();
    for (const r of app.routes) {
      if (r.method === 'ALL' || r.path.includes('*')) continue;
      if (routeRegex(r.path).test(c.req.path)) allowed.add(r.method);
    }
    if (allowed.has('GET')) allowed.add('HEAD');
    // The method is served here, but the handler found nothing (an unknown asset): 404.
    if (allowed.size > 0 && !allowed.has(c.req.method)) {
      const allow = [...allowed].sort().join(', ');
      return problemResponse(
        405,
        problem(
          'method_not_allowed',
          `Метод ${c.req.method} здесь не поддерживается; допустимы: ${allow}`,
          `Method ${c.req.method} is not allowed here; allowed: ${allow}`,
          { params: { allow } },
        ),
        c.req.path,
        { Allow: allow },
      );
    }
    return problemResponse(404, problem('not_found', 'Нет такого адреса', 'No such route'), c.req.path);
  });

  // --- public: health, the API description --------------------------------------------------

  app.get('/health', async (c) => {
    await db.query('select 1');
    return c.json({ ok: true, storage: db.kind });
  });
  app.route('/', docsRoutes(openApiDocument));

  // --- everything else needs a token --------------------------------------------------------

  const auth = authenticate(options.auth);
  for (const p of [
    '/school',
    '/mentors',
    '/mentees',
    '/consents',
    '/requests',
    '/matching',
    '/pairs',
    '/documents',
    '/indicators',
    '/attention',
    '/audit',
  ]) {
    app.use(p, auth);
    app.use(`${p}/*`, auth);
  }

  async function schoolOf(): Promise<{ school: School; version: number }> {
    const s = await loadSchoolVersioned(db);
    if (!s) throw new HttpProblem(404, notFound('school', 'school'));
    return s;
  }

  function auditEntry(
    c: Context<Env>,
    action: AuditInput['action'],
    resource: string,
    subjects: readonly string[],
  ): AuditInput {
    const caller = c.get('caller');
    return {
      actor: caller.personId,
      actorOrg: caller.organizationId,
      roles: [...caller.roles].sort(),
      action,
      resource,
      subjects: [...new Set(subjects)],
      source: sourceOf(c),
    };
  }
  /** The audit entry of a change, written in the change's transaction. */
  const auditIn =
    (c: Context<Env>, action: AuditInput['action'], resource: string, subjects: readonly string[]): InTx =>
    async (tx: Queryable) => {
      await appendAudit(tx, auditEntry(c, action, resource, subjects), now().toISOString());
    };
  /** The audit entry of a read, written before the data leaves the service. */
  async function auditRead(c: Context<Env>, resource: string, subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    await db.transaction((tx) =>
      appendAudit(tx, auditEntry(c, 'read', resource, subjects), now().toISOString()),
    );
  }
  const resourceOf = (c: Context<Env>, id?: string) =>
    `${c.req.method} ${c.req.routePath}${id !== undefined ? ` ${id}` : ''}`;

  const pathId = <S extends z.ZodType>(c: Context<Env>, schema: S): z.output<S> =>
    validate(schema, c.req.param('id'), ['id']);

  async function allPairs(): Promise<{ id: string; pair: Pair; snapshot: PersistedPair; version: number }[]> {
    return store.listPairs<Pair, PersistedPair>();
  }

  /** The person may be written by the caller in the registries: staff, or (where `self`) the person or their parent. */
  function requireOwnOrStaff(caller: Caller, school: School, personId: string, self: boolean): void {
    if (isStaff(caller, school)) return;
    const at = requireRole(caller, school, [...STAFF_ROLES, 'mentor', 'mentee', 'parent']);
    const own =
      self &&
      ((caller.personId === personId && (at.has('mentor') || at.has('mentee'))) ||
        (at.has('parent') && caller.children.includes(personId)));
    if (!own) throw forbidden(self ? 'not_own' : 'role', STAFF_ROLES);
  }

  function samePersonOrg(school: School, organizationId: string): void {
    if (organizationId !== school.organization.id) throw forbidden('wrong_organization');
  }

  // --- the school ------------------------------------------------------------------------

  app.put('/school', async (c) => {
    const caller = c.get('caller');
    const school = validate(SchoolSchema, await jsonBody(c));
    const current = await loadSchoolVersioned(db);
    if (!current) {
      // The first record: the head of that very organization sets the service up.
      if (caller.organizationId !== school.organization.id) throw forbidden('wrong_organization');
      if (!HEADS.some((r) => caller.roles.has(r))) throw forbidden('role', HEADS);
      const created = await db.transaction(async (tx) => {
        const r = await tx.query(
          `insert into settings (key, data) values ('school', $1::text::jsonb) on conflict (key) do nothing returning key`,
          [JSON.stringify(school)],
        );
        if (r.rows.length > 0) await auditIn(c, 'create', 'PUT /school', [school.head.id])(tx);
        return r.rows.length > 0;
      });
      if (!created) throw staleVersion(0, 0);
      c.header('ETag', etag(0));
      return c.json(school, 201);
    }
    requireRole(caller, current.school, HEADS);
    if (school.organization.id !== current.school.organization.id) throw forbidden('wrong_organization');
    const expected = requiredIfMatch(c);
    const version = await db.transaction(async (tx) => {
      const r = await tx.query<{ version: number }>(
        `select version from settings where key = 'school' for update`,
      );
      const actual = r.rows[0]?.version ?? 0;
      if (actual !== expected) throw staleVersion(expected, actual);
      await tx.query(
        `update settings set data = $1::text::jsonb, version = version + 1 where key = 'school'`,
        [JSON.stringify(school)],
      );
      await auditIn(c, 'update', 'PUT /school', [school.head.id, current.school.head.id])(tx);
      return actual + 1;
    });
    c.header('ETag', etag(version));
    return c.json(school);
  });

  app.get('/school', async (c) => {
    const { school, version } = await schoolOf();
    if (rolesAt(c.get('caller'), school).size === 0) throw forbidden('wrong_organization');
    await auditRead(c, 'GET /school', [school.head.id]);
    c.header('ETag', etag(version));
    return c.json(school);
  });

  // --- registries ------------------------------------------------------------------------

  app.post('/mentors', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const { person, profile } = validate(MentorBodySchema, await jsonBody(c));
    samePersonOrg(school, person.organizationId);
    if (profile.personId !== person.id) throw unknownReference(['profile', 'personId'], 'person');
    await registry.createMentor(person, profile, auditIn(c, 'create', resourceOf(c, person.id), [person.id]));
    c.header('ETag', etag(0));
    return c.json({ person, profile, version: 0 }, 201);
  });

  app.put('/mentors/:id', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const id = pathId(c, PersonIdSchema);
    const { person, profile } = validate(MentorBodySchema, await jsonBody(c));
    if (person.id !== id) throw unknownReference(['person', 'id'], 'mentor');
    samePersonOrg(school, person.organizationId);
    if (profile.personId !== person.id) throw unknownReference(['profile', 'personId'], 'person');
    const expected = requiredIfMatch(c);
    const version = await registry.updateMentor(
      person,
      profile,
      expected,
      auditIn(c, 'update', resourceOf(c, id), [id]),
    );
    c.header('ETag', etag(version));
    return c.json({ person, profile, version });
  });

  app.get('/mentors', (c) => listPeople(c, '/mentors', () => registry.mentors()));
  app.get('/mentors/:id', (c) => onePerson(c, 'mentor', () => registry.mentors()));

  app.post('/mentees', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const { person, profile } = validate(MenteeBodySchema, await jsonBody(c));
    samePersonOrg(school, person.organizationId);
    if (profile.personId !== person.id) throw unknownReference(['profile', 'personId'], 'person');
    profile.requests.forEach((r, i) => {
      if (r.menteeId !== person.id) throw unknownReference(['profile', 'requests', i, 'menteeId'], 'mentee');
    });
    await registry.createMentee(person, profile, auditIn(c, 'create', resourceOf(c, person.id), [person.id]));
    c.header('ETag', etag(0));
    return c.json({ person, profile, version: 0 }, 201);
  });

  app.put('/mentees/:id', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const id = pathId(c, PersonIdSchema);
    const { person, profile } = validate(MenteeBodySchema, await jsonBody(c));
    if (person.id !== id) throw unknownReference(['person', 'id'], 'mentee');
    samePersonOrg(school, person.organizationId);
    if (profile.personId !== person.id) throw unknownReference(['profile', 'personId'], 'person');
    profile.requests.forEach((r, i) => {
      if (r.menteeId !== person.id) throw unknownReference(['profile', 'requests', i, 'menteeId'], 'mentee');
    });
    const expected = requiredIfMatch(c);
    const version = await registry.updateMentee(
      person,
      profile,
      expected,
      auditIn(c, 'update', resourceOf(c, id), [id]),
    );
    c.header('ETag', etag(version));
    return c.json({ person, profile, version });
  });

  app.get('/mentees', (c) => listPeople(c, '/mentees', () => registry.mentees()));
  app.get('/mentees/:id', (c) => onePerson(c, 'mentee', () => registry.mentees()));

  app.post('/consents', async (c) => {
    const { school } = await schoolOf();
    const consent = validate(ConsentSchema, await jsonBody(c));
    requireOwnOrStaff(c.get('caller'), school, consent.personId, true);
    const person = await registry.person(consent.personId);
    if (!person) throw unknownReference(['personId'], 'person');
    samePersonOrg(school, person.organizationId);
    await registry.createConsent(
      consent,
      auditIn(c, 'create', resourceOf(c, consent.id), [consent.personId]),
    );
    c.header('ETag', etag(0));
    return c.json(consent, 201);
  });

  app.put('/consents/:id', async (c) => {
    const { school } = await schoolOf();
    const id = pathId(c, ConsentIdSchema);
    const consent = validate(ConsentSchema, await jsonBody(c));
    if (consent.id !== id) throw unknownReference(['id'], 'consent');
    const stored = await registry.consent(id);
    requireOwnOrStaff(c.get('caller'), school, stored?.value.personId ?? consent.personId, true);
    if (!stored) throw new HttpProblem(404, notFound('consent', id));
    const expected = requiredIfMatch(c);
    const version = await registry.updateConsent(
      consent,
      expected,
      auditIn(c, 'update', resourceOf(c, id), [consent.personId]),
    );
    c.header('ETag', etag(version));
    return c.json(consent);
  });

  app.get('/consents', async (c) => {
    const { school } = await schoolOf();
    const caller = c.get('caller');
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const personId = c.req.query('personId');
    if (personId !== undefined) validate(PersonIdSchema, personId, ['personId']);
    const visible = visiblePersons(
      caller,
      school,
      (await allPairs()).map((p) => p.pair),
    );
    const own = (id: string) => visible === 'all' || id === caller.personId || caller.children.includes(id);
    const list = (await registry.consents(personId)).filter((x) => own(x.personId));
    await auditRead(
      c,
      'GET /consents',
      list.map((x) => x.personId),
    );
    return c.json(list);
  });

  app.get('/consents/:id', async (c) => {
    const { school } = await schoolOf();
    const caller = c.get('caller');
    const id = pathId(c, ConsentIdSchema);
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const stored = await registry.consent(id);
    const pid = stored?.value.personId;
    const own =
      pid !== undefined &&
      (isStaff(caller, school) || pid === caller.personId || caller.children.includes(pid));
    if (!stored || !own) throw new HttpProblem(404, notFound('consent', id));
    await auditRead(c, resourceOf(c, id), [stored.value.personId]);
    c.header('ETag', etag(stored.version));
    return c.json(stored.value);
  });

  app.post('/requests', async (c) => {
    const { school } = await schoolOf();
    const request = validate(RequestSchema, await jsonBody(c));
    requireOwnOrStaff(c.get('caller'), school, request.menteeId, true);
    if (!(await registry.isMentee(request.menteeId))) throw unknownReference(['menteeId'], 'mentee');
    await registry.createRequest(
      request,
      auditIn(c, 'create', resourceOf(c, request.id), [request.menteeId]),
    );
    c.header('ETag', etag(0));
    return c.json(request, 201);
  });

  app.put('/requests/:id', async (c) => {
    const { school } = await schoolOf();
    const id = pathId(c, RequestIdSchema);
    const request = validate(RequestSchema, await jsonBody(c));
    if (request.id !== id) throw unknownReference(['id'], 'request');
    const stored = await registry.request(id);
    requireOwnOrStaff(c.get('caller'), school, stored?.value.menteeId ?? request.menteeId, true);
    if (!stored) throw new HttpProblem(404, notFound('request', id));
    const expected = requiredIfMatch(c);
    const version = await registry.updateRequest(
      request,
      expected,
      auditIn(c, 'update', resourceOf(c, id), [request.menteeId]),
    );
    c.header('ETag', etag(version));
    return c.json(request);
  });

  app.get('/requests', async (c) => {
    const { school } = await schoolOf();
    const caller = c.get('caller');
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const visible = visiblePersons(
      caller,
      school,
      (await allPairs()).map((p) => p.pair),
    );
    const list = (await registry.requests()).filter((r) => visible === 'all' || visible.has(r.menteeId));
    await auditRead(
      c,
      'GET /requests',
      list.map((r) => r.menteeId),
    );
    return c.json(list);
  });

  app.get('/requests/:id', async (c) => {
    const { school } = await schoolOf();
    const caller = c.get('caller');
    const id = pathId(c, RequestIdSchema);
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const stored = await registry.request(id);
    const visible = visiblePersons(
      caller,
      school,
      (await allPairs()).map((p) => p.pair),
    );
    if (!stored || (visible !== 'all' && !visible.has(stored.value.menteeId))) {
      throw new HttpProblem(404, notFound('request', id));
    }
    await auditRead(c, resourceOf(c, id), [stored.value.menteeId]);
    c.header('ETag', etag(stored.version));
    return c.json(stored.value);
  });

  // --- matching --------------------------------------------------------------------------

  app.post('/matching/run', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const body = await jsonBody(c);
    const result = await runMatching(registry, store, body);
    await auditRead(c, 'POST /matching/run', [
      ...(await registry.mentors()).map((m) => m.person.id),
      ...(await registry.mentees()).map((m) => m.person.id),
    ]);
    return c.json(result);
  });

  // --- pairs and their events -------------------------------------------------------------

  app.post('/pairs', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const body = validate(CreatePairSchema, await jsonBody(c));
    const pair = validate(PairSchema, body.pair, ['pair']);
    if (pair.organizationId !== school.organization.id) throw forbidden('wrong_organization');
    if (!(await registry.isMentor(pair.mentorId))) throw unknownReference(['pair', 'mentorId'], 'mentor');
    for (const [i, id] of pair.menteeIds.entries()) {
      if (!(await registry.isMentee(id))) throw unknownReference(['pair', 'menteeIds', i], 'mentee');
    }
    const people = await registry.persons([pair.mentorId, ...pair.menteeIds]);
    const snapshot = initialPairSnapshot(pair, people, body.date);
    const subjects = [pair.mentorId, ...pair.menteeIds];
    if (
      !(await store.createPair(
        pair.id,
        pair,
        snapshot,
        auditIn(c, 'create', resourceOf(c, pair.id), subjects),
      ))
    ) {
      throw new HttpProblem(409, {
        ...problem('duplicate_id', `Пара ${pair.id} уже существует`, `Pair ${pair.id} already exists`),
        path: ['pair', 'id'],
      });
    }
    c.header('ETag', etag(0));
    return c.json({ id: pair.id, pair, version: 0, ...pairView(snapshot) }, 201);
  });

  app.get('/pairs', async (c) => {
    const { school } = await schoolOf();
    const caller = c.get('caller');
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const pairs = (await allPairs()).filter((p) => pairRoles(caller, school, p.pair).size > 0);
    await auditRead(
      c,
      'GET /pairs',
      pairs.flatMap((p) => [p.pair.mentorId, ...p.pair.menteeIds]),
    );
    return c.json(pairs.map((p) => ({ ...p, ...pairView(p.snapshot) })));
  });

  /** The pair if the caller has a role in it; 404 otherwise (its existence is not revealed). */
  /**
   * A registry's people as the caller may see them (a parent their child, a mentor or
   * mentee the people of their own pairs, staff everyone), each read written to the audit log.
   */
  async function visibleEntries<T extends { person: { id: string } }>(
    c: Context<Env>,
    read: () => Promise<readonly T[]>,
  ): Promise<readonly T[]> {
    const { school } = await schoolOf();
    const caller = c.get('caller');
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const visible = visiblePersons(
      caller,
      school,
      (await allPairs()).map((p) => p.pair),
    );
    return (await read()).filter((m) => visible === 'all' || visible.has(m.person.id));
  }

  async function listPeople<T extends { person: { id: string } }>(
    c: Context<Env>,
    route: string,
    read: () => Promise<readonly T[]>,
  ) {
    const list = await visibleEntries(c, read);
    await auditRead(
      c,
      `GET ${route}`,
      list.map((m) => m.person.id),
    );
    return c.json(list);
  }

  async function onePerson<T extends { person: { id: string }; version: number }>(
    c: Context<Env>,
    kind: 'mentor' | 'mentee',
    read: () => Promise<readonly T[]>,
  ) {
    const id = pathId(c, PersonIdSchema);
    const entry = (await visibleEntries(c, read)).find((m) => m.person.id === id);
    if (!entry) throw new HttpProblem(404, notFound(kind, id));
    await auditRead(c, resourceOf(c, id), [id]);
    c.header('ETag', etag(entry.version));
    return c.json(entry);
  }

  async function visiblePair(c: Context<Env>, school: School) {
    const id = pathId(c, PairIdSchema);
    const caller = c.get('caller');
    if (rolesAt(caller, school).size === 0) throw forbidden('wrong_organization');
    const p = await store.getPair<Pair, PersistedPair>(id);
    const roles: ReadonlySet<ServiceRole> = p ? pairRoles(caller, school, p.pair) : new Set<ServiceRole>();
    if (!p || roles.size === 0) throw new HttpProblem(404, notFound('pair', id));
    return { id, p, roles };
  }

  app.get('/pairs/:id', async (c) => {
    const { school } = await schoolOf();
    const { id, p } = await visiblePair(c, school);
    await auditRead(c, resourceOf(c, id), [p.pair.mentorId, ...p.pair.menteeIds]);
    c.header('ETag', etag(p.version));
    return c.json({ ...p, ...pairView(p.snapshot) });
  });

  app.get('/pairs/:id/events', async (c) => {
    const { school } = await schoolOf();
    const { id, p } = await visiblePair(c, school);
    await auditRead(c, resourceOf(c, id), [p.pair.mentorId, ...p.pair.menteeIds]);
    return c.json(await store.listEvents(id));
  });

  app.post('/pairs/:id/events', async (c) => {
    const { school } = await schoolOf();
    const { id, p, roles } = await visiblePair(c, school);
    const caller = c.get('caller');
    const body = validate(EventEnvelopeSchema, await jsonBody(c));
    const event = validate(pairEventSchema, body.event, ['event']);
    // The event says who records it; that must be the caller, in a role they hold in this pair,
    // and a role that may record this kind of event.
    const role = ServiceRoleSchema.safeParse(event.by.role);
    if (!role.success || !roles.has(role.data)) throw forbidden('role', [...roles]);
    if (!mayRecord(event.type, role.data)) throw forbidden('role', rolesFor(event.type));
    if (event.by.id !== undefined && event.by.id !== caller.personId) throw forbidden('not_own');
    // A parent acts only for their own child.
    const behalf = event.by.onBehalfOf;
    if (behalf !== undefined && !(role.data === 'parent' && caller.children.includes(behalf))) {
      throw forbidden('not_own');
    }
    const recorded = { ...event, by: { ...event.by, id: caller.personId } };
    const headerVersion = ifMatchVersion(c);
    const expected = body.expectedVersion ?? headerVersion ?? 'latest';
    const eventId = body.eventId ?? c.req.header('Idempotency-Key');
    const r = await store.appendEvent(id, expected, recorded, pairTransition, {
      ...(eventId !== undefined ? { eventId } : {}),
      inTransaction: auditIn(c, 'append', `${resourceOf(c, id)} ${event.type}`, [
        p.pair.mentorId,
        ...p.pair.menteeIds,
      ]),
    });
    switch (r.kind) {
      case 'not_found':
        throw new HttpProblem(404, notFound('pair', id));
      case 'conflict':
        // The version came in If-Match: a failed precondition (412); in the body: a conflict (409).
        throw new HttpProblem(body.expectedVersion === undefined && headerVersion !== undefined ? 412 : 409, {
          ...problem(
            'version_conflict',
            `Пара изменена другим пользователем: ожидалась версия ${r.expectedVersion}, текущая ${r.actualVersion}`,
            `The pair changed meanwhile: expected version ${r.expectedVersion}, current ${r.actualVersion}`,
          ),
          expectedVersion: r.expectedVersion,
          actualVersion: r.actualVersion,
        });
      case 'refused':
        throw new HttpProblem(409, {
          name: 'EventRefused',
          ...r.refused,
          // The refusal's path is within the event.
          path: ['event', ...r.refused.path],
          refusal: r.refused,
          version: r.version,
        });
      case 'duplicate':
        c.header('ETag', etag(r.version));
        return c.json({ status: 'duplicate', seq: r.seq, version: r.version, ...pairView(r.snapshot) }, 200);
      case 'applied':
        c.header('ETag', etag(r.version));
        return c.json({ status: 'applied', seq: r.seq, version: r.version, ...pairView(r.snapshot) }, 201);
    }
  });

  // --- documents and indicators -----------------------------------------------------------

  app.get('/documents/pairs-order.docx', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, STAFF_ROLES);
    const bytes = await renderPairsOrderDocx(school, registry, store, c.req.query());
    const ids = (c.req.query('pairs') ?? '').split(',');
    const subjects = (await allPairs())
      .filter((p) => ids.includes(p.id))
      .flatMap((p) => [p.pair.mentorId, ...p.pair.menteeIds]);
    await db.transaction((tx) =>
      appendAudit(
        tx,
        auditEntry(c, 'export', 'GET /documents/pairs-order.docx', subjects),
        now().toISOString(),
      ),
    );
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': 'attachment; filename="pairs-order.docx"',
    });
  });

  // --- pairs that need attention (machines' findAttention, on the date asked) --------------

  // The findings on the date asked, cut to what the caller may see, and the read audited.
  const attentionRead = async (c: Context<Env>, route: string, date: IsoDate) => {
    const { school } = await schoolOf();
    const findings = attentionFor(c.get('caller'), school, await allPairs(), await registry.mentees(), date);
    await auditRead(c, route, attentionSubjects(findings));
    return findings;
  };

  app.get('/attention', async (c) => {
    const q = validate(AttentionQuerySchema, c.req.query());
    const findings = await attentionRead(c, 'GET /attention', q.date);
    return c.json({ date: q.date, findings });
  });

  app.get('/attention/digest', async (c) => {
    const q = validate(AttentionDigestQuerySchema, c.req.query());
    const findings = await attentionRead(c, 'GET /attention/digest', q.date);
    const d = digestOf(findings, q);
    return c.body(d.content, 200, { 'Content-Type': d.type });
  });

  app.get('/indicators', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, [...STAFF_ROLES, 'municipalCurator']);
    return c.json(await schoolIndicators(school, registry, store, c.req.query()));
  });

  // --- the audit log (the head reads and verifies it) ------------------------------------

  app.get('/audit', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, HEADS);
    const q = validate(
      z.object({
        after: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      c.req.query(),
    );
    return c.json(await readAudit(db, { afterSeq: q.after, limit: q.limit }));
  });

  app.get('/audit/verify', async (c) => {
    const { school } = await schoolOf();
    requireRole(c.get('caller'), school, HEADS);
    return c.json(await verifyAuditLog(db));
  });

  return app;
}

/** The app's type (for tests and the load test). @example let app: App; */
export type App = ReturnType<typeof createApp>;

async function loadSchoolVersioned(db: Db): Promise<{ school: School; version: number } | undefined> {
  const r = await db.query<{ data: School; version: number }>(
    `select data, version from settings where key = 'school'`,
  );
  const row = r.rows[0];
  return row ? { school: row.data, version: row.version } : undefined;
}

/**
 * The school record, if one was stored (`PUT /school` or the sample seed).
 *
 * @example
 * const school = await loadSchool(db);
 */
export async function loadSchool(db: Db): Promise<School | undefined> {
  return (await loadSchoolVersioned(db))?.school;
}
