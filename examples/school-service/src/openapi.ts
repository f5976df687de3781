import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConsentSchema, IsoDateSchema, PairSchema, RequestSchema } from '@nastavnik/core';
import { PairEventSchema } from '@nastavnik/machines';
import { Hono } from 'hono';
import { z } from 'zod';
import { PairsOrderQuerySchema } from './documents';
import { IndicatorsQuerySchema } from './indicators';
import { MatchingRunSchema } from './matching';
import { EventEnvelopeSchema, MenteeBodySchema, MentorBodySchema, SchoolSchema } from './schemas';

type JsonObject = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as clients send it. */
function jsonSchema(schema: z.ZodType): JsonObject {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  delete out.$schema;
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ 'application/json': { schema } });

const PROBLEM = {
  description: 'RFC 9457 problem details',
  content: { 'application/problem+json': { schema: ref('Problem') } },
};

/** The responses every protected operation may give besides its own. */
const common = {
  '400': { ...PROBLEM, description: 'Bad input: the SDK error (code, path, message ru, messageEn, issues)' },
  '401': { ...PROBLEM, description: 'No token, or an invalid or expired one' },
  '403': { ...PROBLEM, description: 'Another organization, or a role that may not do this' },
  '413': { ...PROBLEM, description: 'The body is larger than the limit' },
};

interface Op {
  readonly summary: string;
  readonly description?: string;
  readonly body?: JsonObject;
  readonly query?: readonly { name: string; required?: boolean; description: string }[];
  readonly ok: readonly [status: string, description: string, schema?: JsonObject];
  readonly also?: readonly (readonly [status: string, description: string])[];
  readonly ifMatch?: 'required' | 'optional';
  readonly public?: boolean;
}

function operation(id: string, op: Op, pathParams: readonly string[]): JsonObject {
  const parameters: JsonObject[] = [
    ...pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', maxLength: 200 },
    })),
    ...(op.query ?? []).map((q) => ({
      name: q.name,
      in: 'query',
      required: q.required ?? false,
      description: q.description,
      schema: { type: 'string' },
    })),
    ...(op.ifMatch
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: op.ifMatch === 'required',
            description: 'The version read (ETag), e.g. "3": a stale one gets 412',
            schema: { type: 'string' },
          },
        ]
      : []),
  ];
  const [status, description, schema] = op.ok;
  return {
    operationId: id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(op.body) } } : {}),
    ...(op.public ? { security: [] } : {}),
    responses: {
      [status]: { description, ...(schema ? { content: json(schema) } : {}) },
      ...(op.public ? {} : common),
      ...Object.fromEntries((op.also ?? []).map(([s, d]) => [s, { ...PROBLEM, description: d }])),
    },
  };
}

const NOT_FOUND = ['404', 'Unknown, or not visible to the caller'] as const;
const CREATE = [['409', 'The id is taken: creating never replaces a record (change it with PUT)']] as const;
const UPDATE = [
  NOT_FOUND,
  ['409', 'A field that cannot change (the person of a consent, the mentee of a request)'],
  ['412', 'If-Match is not the stored version: re-read and retry'],
  ['428', 'If-Match is missing'],
] as const;

const any = { type: 'object' };
const list = (items: JsonObject) => ({ type: 'array', items });

const PATHS: Record<string, Record<string, Op>> = {
  '/health': { get: { summary: 'Liveness and the storage kind', ok: ['200', 'ok'], public: true } },
  '/school': {
    get: {
      summary: 'The school record (who signs orders)',
      ok: ['200', 'The school', ref('School')],
      also: [NOT_FOUND],
    },
    put: {
      summary: 'Set the school record (the head): the first time creates it, then If-Match is required',
      body: ref('School'),
      ifMatch: 'optional',
      ok: ['200', 'Updated', ref('School')],
      also: [['201', 'Created'], ...UPDATE],
    },
  },
  '/mentors': {
    get: {
      summary: 'The mentor registry (staff: all; a participant: the people of their own pairs)',
      ok: ['200', 'Mentors', list(any)],
    },
    post: {
      summary: 'Register a mentor (head, curator)',
      body: ref('MentorBody'),
      ok: ['201', 'Created', any],
      also: CREATE,
    },
  },
  '/mentors/{id}': {
    get: {
      summary: 'One mentor, with its version in ETag',
      ok: ['200', 'The mentor', any],
      also: [NOT_FOUND],
    },
    put: {
      summary: 'Change a mentor (head, curator)',
      body: ref('MentorBody'),
      ifMatch: 'required',
      ok: ['200', 'Changed', any],
      also: UPDATE,
    },
  },
  '/mentees': {
    get: {
      summary: 'The mentee registry (staff: all; a parent: their own child; a mentor: their mentees)',
      ok: ['200', 'Mentees with their requests', list(any)],
    },
    post: {
      summary: 'Register a mentee and their requests (head, curator)',
      body: ref('MenteeBody'),
      ok: ['201', 'Created', any],
      also: CREATE,
    },
  },
  '/mentees/{id}': {
    get: {
      summary: 'One mentee, with its version in ETag',
      ok: ['200', 'The mentee', any],
      also: [NOT_FOUND],
    },
    put: {
      summary: 'Change a mentee (head, curator)',
      body: ref('MenteeBody'),
      ifMatch: 'required',
      ok: ['200', 'Changed', any],
      also: UPDATE,
    },
  },
  '/consents': {
    get: {
      summary: 'Consents (staff: all; a person: their own; a parent: their child’s)',
      query: [{ name: 'personId', description: 'Only this person’s consents' }],
      ok: ['200', 'Consents', list(ref('Consent'))],
    },
    post: {
      summary: 'Record a consent (staff; the person; a parent for their child)',
      body: ref('Consent'),
      ok: ['201', 'Created', ref('Consent')],
      also: CREATE,
    },
  },
  '/consents/{id}': {
    get: {
      summary: 'One consent, with its version in ETag',
      ok: ['200', 'The consent', ref('Consent')],
      also: [NOT_FOUND],
    },
    put: {
      summary: 'Change a consent, e.g. withdraw it (`withdrawnAt`)',
      body: ref('Consent'),
      ifMatch: 'required',
      ok: ['200', 'Changed', ref('Consent')],
      also: UPDATE,
    },
  },
  '/requests': {
    get: { summary: 'Mentees’ requests (visible ones)', ok: ['200', 'Requests', list(ref('Request'))] },
    post: {
      summary: 'Add a request (staff; the mentee; a parent for their child)',
      body: ref('Request'),
      ok: ['201', 'Created', ref('Request')],
      also: CREATE,
    },
  },
  '/requests/{id}': {
    get: {
      summary: 'One request, with its version in ETag',
      ok: ['200', 'The request', ref('Request')],
      also: [NOT_FOUND],
    },
    put: {
      summary: 'Change a request',
      body: ref('Request'),
      ifMatch: 'required',
      ok: ['200', 'Changed', ref('Request')],
      also: UPDATE,
    },
  },
  '/matching/run': {
    post: {
      summary: 'Propose pairs with the optimal matching (head, curator)',
      body: ref('MatchingRun'),
      ok: ['200', 'Proposals with explanations', any],
    },
  },
  '/pairs': {
    get: { summary: 'Pairs the caller has a role in (staff: all)', ok: ['200', 'Pairs', list(any)] },
    post: {
      summary: 'Create a pair at version 0 (head, curator; the school’s own organizationId)',
      body: ref('CreatePair'),
      ok: ['201', 'Created', any],
      also: CREATE,
    },
  },
  '/pairs/{id}': {
    get: {
      summary: 'A pair: version (ETag), phase, machine snapshot',
      ok: ['200', 'The pair', any],
      also: [NOT_FOUND],
    },
  },
  '/pairs/{id}/events': {
    get: { summary: 'The pair’s event log', ok: ['200', 'Events in order', list(any)], also: [NOT_FOUND] },
    post: {
      summary:
        'Record a pair event (the role in `event.by` must be the caller’s in this pair and allowed for the event)',
      body: ref('EventEnvelope'),
      ifMatch: 'optional',
      ok: ['201', 'Applied', any],
      also: [
        ['200', 'A retried eventId: already applied, nothing written'],
        NOT_FOUND,
        ['409', 'Refused by the pair machine (its typed refusal), or a stale expectedVersion'],
        ['412', 'A stale If-Match'],
      ],
    },
  },
  '/documents/pairs-order.docx': {
    get: {
      summary: 'The order approving pairs, as DOCX (head, curator)',
      query: Object.keys(PairsOrderQuerySchema.shape).map((name) => ({
        name,
        required:
          !PairsOrderQuerySchema.shape[name as keyof typeof PairsOrderQuerySchema.shape].safeParse(undefined)
            .success,
        description: name === 'pairs' ? 'Pair ids, comma-separated' : name,
      })),
      ok: ['200', 'The DOCX file'],
      also: [NOT_FOUND],
    },
  },
  '/attention': {
    get: {
      summary: 'Pairs, mentees and plans that need attention on a date (findAttention)',
      description:
        'The head, the curator and the municipal curator above the school see every finding; a mentor those of their pairs; a mentee their own; a parent their children’s. Findings carry ids, never names.',
      query: [{ name: 'date', required: true, description: 'The date to look on (YYYY-MM-DD)' }],
      ok: [
        '200',
        '{ date, findings: [{ key, code, severity, pairId, personId, addressees, reason, source, since, dueSince, message, messageEn }] }',
        any,
      ],
    },
  },
  '/attention/digest': {
    get: {
      summary: 'The weekly digest of what needs attention, as HTML or Markdown (the same visibility)',
      query: [
        { name: 'date', required: true, description: 'The Monday of the digest (YYYY-MM-DD)' },
        { name: 'format', description: 'html (default) or markdown' },
        { name: 'locale', description: 'ru (default) or en' },
      ],
      ok: ['200', 'The digest (text/html or text/markdown)'],
    },
  },
  '/indicators': {
    get: {
      summary: 'The school’s indicators (head, curator, the municipal curator above the school)',
      query: Object.keys(IndicatorsQuerySchema.shape).map((name) => ({
        name,
        required: name === 'asOf',
        description: name,
      })),
      ok: ['200', '{ asOf, values }', any],
    },
  },
  '/audit': {
    get: {
      summary: 'The audit log of reads and changes of personal data (the head)',
      query: [
        { name: 'after', description: 'Entries after this seq' },
        { name: 'limit', description: 'At most this many (1–1000)' },
      ],
      ok: ['200', 'Entries: seq, at, actor, action, resource, subjects, source, prevHash, hash', list(any)],
    },
  },
  '/audit/verify': {
    get: {
      summary: 'Verify the audit log’s hash chain (the head)',
      ok: ['200', '{ ok, count, lastSeq, lastHash } or where it breaks', any],
    },
  },
};

let cached: JsonObject | undefined;

/**
 * The OpenAPI 3.1 description of the service: request bodies generated from
 * the same zod schemas the routes validate with (`z.toJSONSchema`), every
 * route with its answers (problem+json for errors), bearer-token security.
 *
 * @example
 * const doc = openApiDocument(); doc.openapi === '3.1.0';
 */
export function openApiDocument(): JsonObject {
  if (cached) return cached;
  const paths: Record<string, JsonObject> = {};
  for (const [path, methods] of Object.entries(PATHS)) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    paths[path] = Object.fromEntries(
      Object.entries(methods).map(([method, op]) => [
        method,
        operation(
          `${method}${path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, ch: string) => ch.toUpperCase())}`,
          op,
          params,
        ),
      ]),
    );
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Nastavnik school service',
      version: '0.0.0',
      description:
        'Школьный сервис наставничества: реестры, пары, события, документы, показатели. ' +
        'The school service of the Nastavnik SDK. Every route but /health, /openapi.json and /docs needs a bearer token ' +
        '(claims: sub, org, roles, children). Errors are application/problem+json with the SDK error code and both messages.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        School: jsonSchema(SchoolSchema),
        MentorBody: jsonSchema(MentorBodySchema),
        MenteeBody: jsonSchema(MenteeBodySchema),
        Consent: jsonSchema(ConsentSchema),
        Request: jsonSchema(RequestSchema),
        MatchingRun: jsonSchema(MatchingRunSchema),
        CreatePair: jsonSchema(z.object({ pair: PairSchema, date: IsoDateSchema })),
        EventEnvelope: jsonSchema(EventEnvelopeSchema.extend({ event: PairEventSchema })),
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'message', 'messageEn'],
          properties: {
            type: { type: 'string', description: 'urn:nastavnik:problem:<code>' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string', description: 'The English message' },
            instance: { type: 'string', description: 'The request path' },
            code: { type: 'string', description: 'The SDK error code (NastavnikErrorCode) or the service’s' },
            path: { type: 'array', items: { type: ['string', 'integer'] } },
            message: { type: 'string', description: 'Russian' },
            messageEn: { type: 'string', description: 'English' },
            issues: { type: 'array', items: { type: 'object' } },
            params: { type: 'object' },
          },
        },
      },
    },
  };
  return cached;
}

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const assets: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
};
const PAGE = `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>Nastavnik school service — API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });\n`;
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

/**
 * Serve `/openapi.json` and a page to read it at `/docs` (Swagger UI from the
 * `swagger-ui-dist` package, served by the service itself: nothing is loaded
 * from the Internet). Public, like `/health`.
 *
 * @example
 * app.route('/', docsRoutes(openApiDocument));
 */
export function docsRoutes(doc: () => JsonObject): Hono {
  const app = new Hono();
  app.get('/openapi.json', (c) => c.json(doc()));
  app.get('/docs', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': CSP }));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/:asset', (c) => {
    const a = assets[c.req.param('asset')];
    if (!a) return c.notFound();
    const bytes = readFileSync(join(swaggerDir, a.file));
    return c.body(bytes, 200, { 'Content-Type': a.type, 'Cache-Control': 'public, max-age=86400' });
  });
  return app;
}
