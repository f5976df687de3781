import type { z } from 'zod';
import type { IssueParams, IssuePath, NastavnikErrorCode } from './issueParams';
import { generalMessagesEn, generalMessagesRu } from './messages/general';
import { registeredMessage } from './messages/registry';

export type { IssueParams, IssuePath, NastavnikErrorCode } from './issueParams';

/**
 * One problem found in an input. Errors are data: a union keyed on `code`,
 * each member with a `path`, the code's typed `params` (see
 * {@link IssueParams}), and its message in Russian and in English, rendered
 * from the one message catalogue.
 *
 * @category Errors
 * @example
 * const issue: NastavnikIssue<'pair_without_mentees'> = nastavnikIssue('pair_without_mentees', ['menteeIds']);
 * issue.message; // 'В паре (группе) должен быть хотя бы один наставляемый'
 */
export type NastavnikIssue<C extends NastavnikErrorCode = NastavnikErrorCode> = {
  readonly [K in C]: {
    readonly code: K;
    readonly path: IssuePath;
    /** Typed extras (limits, ids, enum keys); never personal data. Always set by {@link nastavnikIssue}. */
    readonly params?: IssueParams[K];
    /** Russian text, for people. */
    readonly message: string;
    /** English text, for logs and integrators. */
    readonly messageEn: string;
  };
}[C];

/**
 * The params argument of a code: optional when every param of the code is
 * optional.
 *
 * @category Errors
 * @example
 * const args: IssueParamsArg<'too_small'> = [{ minimum: 1, origin: 'array', inclusive: true }];
 */
export type IssueParamsArg<C extends NastavnikErrorCode> =
  Record<never, never> extends IssueParams[C] ? [params?: IssueParams[C]] : [params: IssueParams[C]];

/**
 * The one error class of the SDK. It has a stable `code` and `path` (those of
 * its first issue), a Russian `message`, an English `messageEn`, and the full
 * list of `issues`. It is recognised by `name` (see {@link isNastavnikError}),
 * so it survives two copies of the package in one bundle.
 *
 * It never carries personal data: messages name fields and ids, not values.
 *
 * @category Errors
 * @example
 * try {
 *   parse(PairSchema, { id: 'p1', menteeIds: [] });
 * } catch (error) {
 *   if (isNastavnikError(error)) console.log(error.code, error.path, error.messageEn);
 * }
 */
export class NastavnikError extends Error {
  override readonly name = 'NastavnikError' as const;
  readonly code: NastavnikErrorCode;
  readonly path: IssuePath;
  readonly messageEn: string;
  readonly issues: readonly NastavnikIssue[];

  constructor(issues: readonly [NastavnikIssue, ...NastavnikIssue[]], options?: { cause?: unknown }) {
    const first = issues[0];
    super(first.message, options);
    this.code = first.code;
    this.path = first.path;
    this.messageEn = first.messageEn;
    this.issues = issues;
  }

  /** A plain JSON form, for HTTP responses and logs. */
  toJSON(): {
    name: 'NastavnikError';
    code: NastavnikErrorCode;
    path: IssuePath;
    message: string;
    messageEn: string;
    issues: readonly NastavnikIssue[];
  } {
    return {
      name: this.name,
      code: this.code,
      path: this.path,
      message: this.message,
      messageEn: this.messageEn,
      issues: this.issues,
    };
  }
}

/** The field path as messages print it: `pairs.0.menteeIds`, empty for the whole input. */
function wherePath(path: IssuePath): string {
  return path.join('.');
}

type MessageOf<C extends NastavnikErrorCode> = (params: IssueParams[C], where: string) => string;

// A code whose messages its throwing module did not register (a test checks
// that none is left) still gets a true, if generic, text.
function generalRu<C extends NastavnikErrorCode>(code: C): MessageOf<C> {
  return ((generalMessagesRu as Partial<Record<NastavnikErrorCode, unknown>>)[code] ??
    generalMessagesRu.invalid_input) as MessageOf<C>;
}
function generalEn<C extends NastavnikErrorCode>(code: C): MessageOf<C> {
  return ((generalMessagesEn as Partial<Record<NastavnikErrorCode, unknown>>)[code] ??
    generalMessagesEn.invalid_input) as MessageOf<C>;
}

/**
 * Build an issue from a code, a path and the code's typed params; both
 * messages come from the catalogue: the parts registered by the modules that
 * throw (see {@link registerCatalogue}, {@link registerMessages}), over the
 * generic texts. Call sites never write message text.
 *
 * @category Errors
 * @example
 * const issue = nastavnikIssue('too_small', ['menteeIds'], { minimum: 1, origin: 'array', inclusive: true });
 * issue.messageEn; // 'Field "menteeIds": at least 1 item required'
 */
export function nastavnikIssue<C extends NastavnikErrorCode>(
  code: C,
  path: IssuePath,
  ...[params]: IssueParamsArg<C>
): NastavnikIssue<C> {
  const p = (params ?? {}) as IssueParams[C];
  const where = wherePath(path);
  const ru = registeredMessage('ru', code) ?? generalRu(code);
  const en = registeredMessage('en', code) ?? generalEn(code);
  return { code, path, params: p, message: ru(p, where), messageEn: en(p, where) } as NastavnikIssue<C>;
}

/**
 * Make a {@link NastavnikError} with a single issue built by
 * {@link nastavnikIssue}: `throw fail(code, path, params)`.
 *
 * @category Errors
 * @example
 * throw fail('unknown_reference', ['programmes', 0, 'pairId'], { ref: 'pair' });
 */
export function fail<C extends NastavnikErrorCode>(
  code: C,
  path: IssuePath,
  ...params: IssueParamsArg<C>
): NastavnikError {
  return new NastavnikError([nastavnikIssue(code, path, ...params) as NastavnikIssue]);
}

/**
 * Whether a value is a {@link NastavnikError}, also across two copies of the
 * package (checked by `name` and shape, not by `instanceof`).
 *
 * @category Errors
 * @example
 * if (isNastavnikError(error)) reply.status(400).send(error.toJSON());
 */
export function isNastavnikError(value: unknown): value is NastavnikError {
  return (
    value instanceof NastavnikError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'NastavnikError' &&
      typeof (value as { code?: unknown }).code === 'string' &&
      Array.isArray((value as { issues?: unknown }).issues))
  );
}

/** What a schema refinement attaches to a custom zod issue (see {@link domainRule}). */
interface DomainRuleTag {
  readonly nastavnik: true;
  readonly code: NastavnikErrorCode;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * The `params` a schema refinement attaches to a custom zod issue so that it
 * maps onto a domain code; the messages come from the catalogue. Use with
 * `ctx.addIssue({ code: 'custom', path, message: code, params: domainRule(code, params) })`
 * or `.refine(check, { params: domainRule(code) })`.
 *
 * @category Errors
 * @example
 * ctx.addIssue({ code: 'custom', path: ['menteeIds'], message: 'pair_without_mentees',
 *   params: domainRule('pair_without_mentees') });
 */
export function domainRule<C extends NastavnikErrorCode>(
  code: C,
  ...[params]: IssueParamsArg<C>
): { readonly nastavnik: true; readonly code: C; readonly params?: IssueParams[C] } {
  return params === undefined ? { nastavnik: true, code } : { nastavnik: true, code, params };
}

type ZodIssue = z.core.$ZodIssue;

/**
 * Whether zod reported the issue's input and it was absent. `parse` and
 * `safeParse` run zod with `reportInput: true`, so the issue keeps an
 * `input` key; zod's wording is never read.
 */
function inputMissing(issue: ZodIssue): boolean {
  return 'input' in issue && issue.input === undefined;
}

function fromZodIssue(issue: ZodIssue, basePath: IssuePath): NastavnikIssue {
  const path: IssuePath = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (issue.code) {
    case 'custom': {
      const tag = issue.params as DomainRuleTag | undefined;
      if (tag?.nastavnik === true) {
        return nastavnikIssue(tag.code, path, tag.params as never);
      }
      return nastavnikIssue('invalid_input', path);
    }
    case 'invalid_type':
      if (inputMissing(issue)) return nastavnikIssue('required', path);
      return nastavnikIssue('invalid_type', path, { expected: issue.expected });
    case 'too_small':
      return nastavnikIssue('too_small', path, {
        minimum: Number(issue.minimum),
        origin: issue.origin,
        inclusive: issue.inclusive !== false,
      });
    case 'too_big':
      return nastavnikIssue('too_big', path, {
        maximum: Number(issue.maximum),
        origin: issue.origin,
        inclusive: issue.inclusive !== false,
      });
    case 'invalid_format':
      return nastavnikIssue('invalid_format', path, { format: issue.format });
    case 'invalid_value':
      // A missing enum or literal field is a missing field, not a wrong value.
      if (inputMissing(issue)) return nastavnikIssue('required', path);
      return nastavnikIssue('invalid_value', path, { allowed: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return nastavnikIssue('unrecognized_keys', path, {
        keys: issue.keys.join(', '),
        count: issue.keys.length,
      });
    case 'invalid_union': {
      // A discriminated union whose discriminator matches no variant: zod reports the object
      // as input and the discriminator's key in the path.
      const discriminator = (issue as { discriminator?: unknown }).discriminator;
      if (issue.errors.length === 0 && typeof discriminator === 'string' && 'input' in issue) {
        const input = issue.input;
        const value =
          typeof input === 'object' && input !== null
            ? (input as Record<string, unknown>)[discriminator]
            : undefined;
        if (value === undefined) return nastavnikIssue('required', path);
        const allowed = ((issue as { options?: unknown[] }).options ?? []).map(String).join(', ');
        return nastavnikIssue('invalid_value', path, { allowed });
      }
      const nested = issue.errors.flat()[0];
      if (nested) return fromZodIssue(nested, path);
      return nastavnikIssue('invalid_input', path);
    }
    default:
      return nastavnikIssue('invalid_input', path);
  }
}

/**
 * Convert a zod error into a {@link NastavnikError}, mapping each zod issue to
 * a stable code with typed params and catalogue messages. Input values are
 * never copied into messages (they may be personal data). Prefer
 * `parse`/`safeParse`, which also tell a missing field
 * (`required`) from a wrong one.
 *
 * @category Errors
 * @example
 * const result = PersonSchema.safeParse(input, { reportInput: true });
 * if (!result.success) throw fromZodError(result.error, ['persons', 3]);
 */
export function fromZodError(error: z.ZodError, basePath: IssuePath = []): NastavnikError {
  const issues = error.issues.map((i) => fromZodIssue(i as ZodIssue, basePath));
  const [first, ...rest] = issues;
  if (!first) return fail('invalid_input', basePath);
  return new NastavnikError([first, ...rest]);
}
