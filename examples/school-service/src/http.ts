import { type IssuePath, type NastavnikError, nastavnikError, safeParse } from '@nastavnik/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * An HTTP failure the routes throw: a status and a JSON body. Domain input
 * errors become 400 with `NastavnikError.toJSON()`; refusals and version
 * conflicts 409; unknown ids 404.
 *
 * @example
 * throw new HttpProblem(404, notFound('pair', id));
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: Readonly<Record<string, unknown>>,
  ) {
    super(typeof body.messageEn === 'string' ? body.messageEn : 'HTTP problem');
  }
}

/**
 * The body of a 404: a stable code, the kind of thing and its id (ids are not
 * personal data), Russian and English texts.
 *
 * @example
 * notFound('pair', 'pair-1'); // { code: 'not_found', … }
 */
export function notFound(what: 'pair' | 'person' | 'mentor' | 'mentee' | 'school', id: string) {
  const ru = { pair: 'Пара', person: 'Участник', mentor: 'Наставник', mentee: 'Наставляемый', school: 'ОО' }[
    what
  ];
  return {
    name: 'NotFound',
    code: 'not_found',
    path: [what],
    message: `${ru} ${id} не найден(а)`,
    messageEn: `No ${what} ${id}`,
    params: { kind: what, id },
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
    throw nastavnikError(
      'invalid_input',
      [],
      'Тело запроса должно быть объектом JSON',
      'The request body must be a JSON object',
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw nastavnikError(
      'invalid_type',
      [],
      'Тело запроса должно быть объектом JSON',
      'The request body must be a JSON object',
    );
  }
  return body as Record<string, unknown>;
}

/**
 * A 400 `unknown_reference` for an id the registries do not have.
 *
 * @example
 * throw unknownReference(['pair', 'mentorId'], 'mentor');
 */
export function unknownReference(path: IssuePath, what: string): NastavnikError {
  return nastavnikError(
    'unknown_reference',
    path,
    `Ссылка на отсутствующую запись (${what}) в поле «${path.join('.')}»`,
    `The field "${path.join('.')}" refers to a ${what} that is not registered`,
  );
}
