import {
  fail,
  type IssuePath,
  type NastavnikError,
  type ReferenceKind,
  registerCatalogue,
  safeParse,
} from '@nastavnik/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

registerCatalogue();

/**
 * An HTTP failure the routes throw: a status, an RFC 9457 problem body and
 * optional headers. `app.onError` answers it as `application/problem+json`.
 *
 * @example
 * throw new HttpProblem(404, notFound('pair', id));
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: Readonly<Record<string, unknown>>,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof body.messageEn === 'string' ? body.messageEn : 'HTTP problem');
  }
}

/**
 * The body of a problem the service reports itself (not a `NastavnikError`):
 * a stable `code`, Russian `message`, English `messageEn`, and typed extras
 * (ids and limits, never personal data).
 *
 * @example
 * throw new HttpProblem(403, problem('forbidden', 'Нет прав', 'Not allowed'));
 */
export function problem(
  code: string,
  message: string,
  messageEn: string,
  extra: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return { name: 'HttpProblem', code, path: [], message, messageEn, ...extra };
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  500: 'Internal Server Error',
};

/** The media type of RFC 9457 problem details. @example res.headers.get('content-type') === PROBLEM_JSON */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * An RFC 9457 `application/problem+json` response: `type` (a URN naming the
 * code), `title`, `status`, `detail` (the English message), `instance` (the
 * request path), and the SDK's members: `code`, `path`, `message` (ru),
 * `messageEn`, and whatever else the body carries (`issues`, `params`,
 * `refusal`, versions).
 *
 * @example
 * return problemResponse(404, notFound('pair', id), '/pairs/x');
 */
export function problemResponse(
  status: number,
  body: Readonly<Record<string, unknown>>,
  instance: string,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const code = typeof body.code === 'string' ? body.code : 'problem';
  const full = {
    type: `urn:nastavnik:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(typeof body.messageEn === 'string' ? { detail: body.messageEn } : {}),
    instance,
    ...body,
  };
  return new Response(JSON.stringify(full), {
    status,
    headers: { 'Content-Type': PROBLEM_JSON, ...headers },
  });
}

/**
 * The body of a 404: a stable code, the kind of thing and its id (ids are not
 * personal data), Russian and English texts.
 *
 * @example
 * notFound('pair', 'pair-1'); // { code: 'not_found', … }
 */
export function notFound(
  what: 'pair' | 'person' | 'mentor' | 'mentee' | 'school' | 'consent' | 'request',
  id: string,
) {
  const ru = {
    pair: 'Пара',
    person: 'Участник',
    mentor: 'Наставник',
    mentee: 'Наставляемый',
    school: 'ОО',
    consent: 'Согласие',
    request: 'Запрос',
  }[what];
  return {
    ...problem('not_found', `${ru} ${id} не найден(а)`, `No ${what} ${id}`, { params: { kind: what, id } }),
    path: [what],
  };
}

/**
 * Validate a value with a core schema, or throw a 400 with the
 * `NastavnikError` as JSON.
 *
 * @example
 * const person = validate(PersonSchema, body.person, ['person']);
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, path: IssuePath = []): z.output<S> {
  const r = safeParse(schema, input, path);
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * The JSON body of a request as an object, or a 400 `invalid_input`.
 *
 * @example
 * const body = await jsonBody(c);
 */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw fail('invalid_input', [], { reason: 'requestBodyNotJson' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fail('invalid_input', [], { reason: 'requestBodyNotJson' });
  }
  return body as Record<string, unknown>;
}

/**
 * A 400 `unknown_reference` for an id the registries do not have.
 *
 * @example
 * throw unknownReference(['pair', 'mentorId'], 'mentor');
 */
export function unknownReference(path: IssuePath, what: ReferenceKind): NastavnikError {
  return fail('unknown_reference', path, { ref: what });
}
