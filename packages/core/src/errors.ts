import type { z } from 'zod';

/**
 * Stable codes of every error the SDK reports. Integrators switch on these;
 * they never change meaning between releases.
 *
 * @category Errors
 * @example
 * function status(code: NastavnikErrorCode): number {
 *   return code === 'consent_missing' || code === 'minor_requires_parent_consent' ? 403 : 400;
 * }
 */
export type NastavnikErrorCode =
  // generic input problems (mapped from zod)
  | 'invalid_type'
  | 'required'
  | 'invalid_format'
  | 'invalid_value'
  | 'too_small'
  | 'too_big'
  | 'unrecognized_keys'
  | 'invalid_input'
  // domain rules
  | 'invalid_date_range'
  | 'consent_missing'
  | 'consent_withdrawn'
  | 'minor_requires_parent_consent'
  | 'consent_expired'
  | 'consent_element_missing'
  | 'k_anonymity_failed'
  | 'depersonalisation_key_mismatch'
  | 'representative_required'
  | 'programme_too_short'
  | 'programme_too_long'
  | 'pair_without_mentees'
  | 'self_pair'
  | 'duplicate_mentee'
  | 'capacity_negative'
  | 'request_area_missing'
  | 'plan_item_outside_programme'
  | 'due_unparsed'
  | 'unknown_reference'
  | 'duplicate_id'
  | 'organization_cycle'
  | 'invalid_academic_year'
  | 'answer_mismatch'
  | 'unknown_question'
  | 'required_answer_missing'
  | 'aborted'
  | 'infeasible'
  | 'unsafe_text'
  | 'internal';

/**
 * A path into the input: object keys and array indices, as in zod.
 *
 * @category Errors
 * @example
 * const path: IssuePath = ['pairs', 0, 'menteeIds'];
 */
export type IssuePath = ReadonlyArray<string | number>;

/**
 * One problem found in an input. Errors are data: a list of issues, each with
 * a stable code, a path, and a message in Russian and in English.
 *
 * @category Errors
 * @example
 * const issue: NastavnikIssue = {
 *   code: 'pair_without_mentees',
 *   path: ['menteeIds'],
 *   message: 'В паре должен быть хотя бы один наставляемый',
 *   messageEn: 'A pair must have at least one mentee',
 * };
 */
export interface NastavnikIssue {
  readonly code: NastavnikErrorCode;
  readonly path: IssuePath;
  /** Russian text, for people. */
  readonly message: string;
  /** English text, for logs and integrators. */
  readonly messageEn: string;
  /** Typed extras (limits, expected values); never personal data. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

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

/**
 * Make a {@link NastavnikError} with a single issue.
 *
 * @category Errors
 * @example
 * throw nastavnikError('self_pair', ['mentorId'], 'Наставник не может быть своим наставляемым', 'A mentor cannot mentor themselves');
 */
export function nastavnikError(
  code: NastavnikErrorCode,
  path: IssuePath,
  message: string,
  messageEn: string,
  params?: Readonly<Record<string, string | number | boolean>>,
): NastavnikError {
  return new NastavnikError([
    params ? { code, path, message, messageEn, params } : { code, path, message, messageEn },
  ]);
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

/**
 * Parameters a schema refinement attaches to a custom zod issue so that it
 * maps onto a domain code with bilingual messages. Use with
 * `ctx.addIssue({ code: 'custom', message, params: domainIssue(...) })`.
 *
 * @category Errors
 * @example
 * ctx.addIssue({ code: 'custom', path: ['menteeIds'], message: 'no mentees',
 *   params: domainIssue('pair_without_mentees', 'В паре нет наставляемых', 'A pair has no mentees') });
 */
export function domainIssue(
  code: NastavnikErrorCode,
  message: string,
  messageEn: string,
  extra?: Readonly<Record<string, string | number | boolean>>,
): {
  nastavnik: true;
  code: NastavnikErrorCode;
  ru: string;
  en: string;
  extra?: Readonly<Record<string, string | number | boolean>>;
} {
  return extra
    ? { nastavnik: true, code, ru: message, en: messageEn, extra }
    : { nastavnik: true, code, ru: message, en: messageEn };
}

type ZodIssue = z.core.$ZodIssue;

function describeType(expected: string): { ru: string; en: string } {
  const ru: Record<string, string> = {
    string: 'строка',
    number: 'число',
    boolean: 'логическое значение',
    object: 'объект',
    array: 'список',
    date: 'дата',
    bigint: 'целое число',
  };
  return { ru: ru[expected] ?? expected, en: expected };
}

/** Whether zod reported the issue's input (`safeParse(…, { reportInput: true })`, as {@link parse} does) and it was absent. */
function inputMissing(issue: ZodIssue): boolean {
  return 'input' in issue && (issue as { input?: unknown }).input === undefined;
}

function requiredIssue(path: IssuePath, where: string): NastavnikIssue {
  return {
    code: 'required',
    path,
    message: `Не заполнено обязательное поле «${where}»`,
    messageEn: `Required field "${where}" is missing`,
  };
}

function fromZodIssue(issue: ZodIssue, basePath: IssuePath): NastavnikIssue {
  const path: IssuePath = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const where = path.length > 0 ? path.join('.') : '(root)';
  switch (issue.code) {
    case 'custom': {
      const params = issue.params as ReturnType<typeof domainIssue> | undefined;
      if (params?.nastavnik === true) {
        return params.extra
          ? { code: params.code, path, message: params.ru, messageEn: params.en, params: params.extra }
          : { code: params.code, path, message: params.ru, messageEn: params.en };
      }
      return {
        code: 'invalid_input',
        path,
        message: `Недопустимое значение поля «${where}»`,
        messageEn: `Invalid value of field "${where}": ${issue.message}`,
      };
    }
    case 'invalid_type': {
      const t = describeType(issue.expected);
      const missing =
        (issue as { input?: unknown }).input === undefined && issue.message.includes('undefined');
      if (missing) return requiredIssue(path, where);
      return {
        code: 'invalid_type',
        path,
        message: `Поле «${where}»: ожидается ${t.ru}`,
        messageEn: `Field "${where}": expected ${t.en}`,
        params: { expected: issue.expected },
      };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const isArray = issue.origin === 'array' || issue.origin === 'set';
      const isString = issue.origin === 'string';
      return {
        code: 'too_small',
        path,
        message: isArray
          ? `Поле «${where}»: нужно не меньше ${min} элемент(ов)`
          : isString
            ? `Поле «${where}»: не короче ${min} символ(ов)`
            : `Поле «${where}»: значение должно быть ${issue.inclusive ? 'не меньше' : 'больше'} ${min}`,
        messageEn: isArray
          ? `Field "${where}": at least ${min} item(s) required`
          : isString
            ? `Field "${where}": at least ${min} character(s) required`
            : `Field "${where}": must be ${issue.inclusive ? '>=' : '>'} ${min}`,
        params: { minimum: min, origin: issue.origin },
      };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const isArray = issue.origin === 'array' || issue.origin === 'set';
      const isString = issue.origin === 'string';
      return {
        code: 'too_big',
        path,
        message: isArray
          ? `Поле «${where}»: не больше ${max} элемент(ов)`
          : isString
            ? `Поле «${where}»: не длиннее ${max} символ(ов)`
            : `Поле «${where}»: значение должно быть ${issue.inclusive ? 'не больше' : 'меньше'} ${max}`,
        messageEn: isArray
          ? `Field "${where}": at most ${max} item(s) allowed`
          : isString
            ? `Field "${where}": at most ${max} character(s) allowed`
            : `Field "${where}": must be ${issue.inclusive ? '<=' : '<'} ${max}`,
        params: { maximum: max, origin: issue.origin },
      };
    }
    case 'invalid_format':
      return {
        code: 'invalid_format',
        path,
        message:
          issue.format === 'date'
            ? `Поле «${where}»: ожидается дата в формате ГГГГ-ММ-ДД`
            : `Поле «${where}»: неверный формат (${issue.format})`,
        messageEn:
          issue.format === 'date'
            ? `Field "${where}": expected a date as YYYY-MM-DD`
            : `Field "${where}": invalid format (${issue.format})`,
        params: { format: issue.format },
      };
    case 'invalid_value': {
      // A missing enum or literal field is a missing field, not a wrong value.
      if (inputMissing(issue)) return requiredIssue(path, where);
      const allowed = issue.values.map(String).join(', ');
      return {
        code: 'invalid_value',
        path,
        message: `Поле «${where}»: допустимые значения — ${allowed}`,
        messageEn: `Field "${where}": allowed values are ${allowed}`,
        params: { allowed },
      };
    }
    case 'unrecognized_keys':
      return {
        code: 'unrecognized_keys',
        path,
        message: `Лишние поля: ${issue.keys.join(', ')}`,
        messageEn: `Unrecognized fields: ${issue.keys.join(', ')}`,
      };
    case 'invalid_union': {
      // A discriminated union whose discriminator matches no variant: zod reports the object
      // as input and the discriminator's key in the path.
      const discriminator = (issue as { discriminator?: unknown }).discriminator;
      if (issue.errors.length === 0 && typeof discriminator === 'string' && 'input' in issue) {
        const input = (issue as { input?: unknown }).input;
        const value =
          typeof input === 'object' && input !== null
            ? (input as Record<string, unknown>)[discriminator]
            : undefined;
        if (value === undefined) return requiredIssue(path, where);
        const allowed = ((issue as { options?: unknown[] }).options ?? []).map(String).join(', ');
        return {
          code: 'invalid_value',
          path,
          message: `Поле «${where}»: допустимые значения — ${allowed}`,
          messageEn: `Field "${where}": allowed values are ${allowed}`,
          params: { allowed },
        };
      }
      const nested = issue.errors.flat()[0];
      if (nested) return fromZodIssue(nested, path);
      return {
        code: 'invalid_input',
        path,
        message: `Поле «${where}»: значение не подходит ни под один вариант`,
        messageEn: `Field "${where}": value matches no variant`,
      };
    }
    default:
      return {
        code: 'invalid_input',
        path,
        message: `Недопустимое значение поля «${where}»`,
        messageEn: `Invalid value of field "${where}"`,
      };
  }
}

/**
 * Convert a zod error into a {@link NastavnikError}, mapping each zod issue to
 * a stable code with Russian and English messages. Input values are never
 * copied into messages (they may be personal data).
 *
 * @category Errors
 * @example
 * const result = PersonSchema.safeParse(input);
 * if (!result.success) throw fromZodError(result.error, ['persons', 3]);
 */
export function fromZodError(error: z.ZodError, basePath: IssuePath = []): NastavnikError {
  const issues = error.issues.map((i) => fromZodIssue(i as ZodIssue, basePath));
  const [first, ...rest] = issues;
  if (!first) {
    return nastavnikError('invalid_input', basePath, 'Недопустимые данные', 'Invalid input');
  }
  return new NastavnikError([first, ...rest], { cause: undefined });
}
