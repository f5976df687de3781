import type { z } from 'zod';
import { fail, fromZodError, type IssuePath, isNastavnikError, type NastavnikError } from './errors';

/**
 * The outcome of a safe parse: the value, or a {@link NastavnikError}.
 *
 * @category Errors
 * @example
 * const r: Result<Person> = safeParse(PersonSchema, input);
 * if (r.ok) use(r.value); else show(r.error.message);
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: NastavnikError };

/**
 * Validate `input` with a schema. Returns a {@link Result}; never throws for
 * bad input.
 *
 * @category Parsing
 * @example
 * const r = safeParse(PairSchema, body);
 * if (!r.ok) return reply.status(400).send(r.error.toJSON());
 */
export function safeParse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  basePath: IssuePath = [],
): Result<z.output<S>> {
  try {
    // reportInput lets the error mapping tell a missing field from a wrong value; the input never
    // reaches a message (fromZodError copies no values).
    const r = schema.safeParse(input, { reportInput: true });
    if (r.success) return { ok: true, value: r.data };
    return { ok: false, error: fromZodError(r.error, basePath) };
  } catch (cause) {
    if (isNastavnikError(cause)) return { ok: false, error: cause };
    // A refinement threw: report it as bad input rather than leaking a raw error.
    return {
      ok: false,
      error: fail('invalid_input', basePath),
    };
  }
}

/**
 * Validate `input` with a schema and return the typed value, or throw a
 * {@link NastavnikError} (never a raw zod error or TypeError).
 *
 * @category Parsing
 * @example
 * const org = parse(OrganizationSchema, { id: 'sch-1', kind: 'school', name: 'МОУ «Лицей № 7»' });
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, basePath: IssuePath = []): z.output<S> {
  const r = safeParse(schema, input, basePath);
  if (r.ok) return r.value;
  throw r.error;
}
