import {
  type IssueParamsArg,
  type IssuePath,
  type NastavnikErrorCode,
  type NastavnikIssue,
  nastavnikIssue,
  type PersonName,
  registerCatalogue,
  safeParse,
} from '@nastavnik/core';
import type { z } from 'zod';
import type { ImportWarning, ImportWarningCode, RegistryKind, RowIssue } from '../types';
import { type Cell, cellDisplay, cellText, parseDate, parseGrade, parseNumber, splitList } from './cells';
import type { Lookups } from './enums';
import type { FieldDef, ListName } from './fields';
import { collapseSpaces, fixLookalikes, yoToYe } from './text';

registerCatalogue();

/** Where a field sits in the file. */
export interface Binding {
  readonly index: number;
  readonly column: string;
  readonly header: string;
}

/** Everything a row mapper needs besides the row itself. */
export interface RowEnv {
  readonly kind: RegistryKind;
  readonly organizationId: string;
  readonly idPrefix: string;
  readonly pivot: number;
  readonly date1904: boolean;
  readonly normalizeYo: boolean;
  readonly requestDate: string | undefined;
  readonly lookups: Lookups;
  readonly bindings: ReadonlyMap<string, Binding>;
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly persons: PersonIndex | undefined;
}

/** People by normalised name, to resolve «ФИО» columns. */
export interface PersonIndex {
  find(name: string, birthDate: string | undefined): string[];
}

/** One row being read: its cells and the problems found so far. */
export class RowCtx {
  readonly issues: RowIssue[] = [];
  readonly warnings: ImportWarning[] = [];

  constructor(
    readonly env: RowEnv,
    readonly row: number,
    private readonly cells: readonly Cell[],
  ) {}

  has(key: string): boolean {
    return this.env.bindings.has(key);
  }

  raw(key: string): Cell {
    const b = this.env.bindings.get(key);
    return b ? this.cells[b.index] : undefined;
  }

  blank(key: string): boolean {
    return cellText(this.raw(key)) === undefined;
  }

  private where(key: string | undefined): { column?: string; header?: string; field?: string } {
    if (key === undefined) return {};
    const b = this.env.bindings.get(key);
    const header = b?.header ?? this.env.fields.get(key)?.header;
    const out: { column?: string; header?: string; field?: string } = { field: key };
    if (b) out.column = b.column;
    if (header !== undefined) out.header = header;
    return out;
  }

  /**
   * A row issue from core's catalogue: code and params only. The messages name the column by
   * its header, as the curator sees it; the path names the registry field.
   */
  fail<C extends NastavnikErrorCode>(key: string | undefined, code: C, ...params: IssueParamsArg<C>): void {
    const header = key === undefined ? undefined : this.headerOf(key);
    this.push(key, nastavnikIssue(code, header === undefined ? [] : [header], ...params) as NastavnikIssue);
  }

  private push(key: string | undefined, issue: NastavnikIssue): void {
    const value = key === undefined ? undefined : cellDisplay(this.raw(key));
    const placed: RowIssue = {
      row: this.row,
      ...this.where(key),
      ...issue,
      path: key === undefined ? issue.path : [key],
    };
    this.issues.push(value === undefined ? placed : { ...placed, value });
  }

  warn(key: string | undefined, code: ImportWarningCode, message: string, messageEn: string): void {
    const { column, header } = this.where(key);
    const w: ImportWarning = { code, row: this.row, message, messageEn };
    this.warnings.push({
      ...w,
      ...(column !== undefined ? { column } : {}),
      ...(header !== undefined ? { header } : {}),
    });
  }

  headerOf(key: string): string {
    return this.env.bindings.get(key)?.header ?? this.env.fields.get(key)?.header ?? key;
  }

  required(key: string): void {
    // A text refused as too long is not also «empty».
    if (this.issues.some((i) => i.field === key)) return;
    this.fail(key, 'required');
  }

  /**
   * Text with spaces collapsed, Ё→Е when asked, look-alikes fixed when `name`.
   * A text longer than the field can hold is refused before any work on it:
   * a crafted cell costs no more than an ordinary one.
   */
  text(key: string, name = false): string | undefined {
    const t = cellText(this.raw(key));
    if (t === undefined) return undefined;
    if (!this.fits(key, t)) return undefined;
    return this.clean(key, t, name);
  }

  /** Whether `t` is within the field's longest text; a row issue when not. */
  fits(key: string, t: string): boolean {
    const max = textMax(key);
    if (t.length <= max) return true;
    this.fail(key, 'too_big', { maximum: max, origin: 'string', inclusive: true });
    return false;
  }

  clean(key: string, t: string, name: boolean): string {
    let out = t;
    if (name) {
      const fixed = fixLookalikes(out);
      if (fixed.changed) {
        this.warn(
          key,
          'lookalikes_replaced',
          'Латинские буквы, похожие на русские, заменены на русские',
          'Latin look-alike letters replaced with Cyrillic ones',
        );
        out = fixed.text;
      }
    }
    if (this.env.normalizeYo && /[ёЁ]/.test(out)) {
      out = yoToYe(out);
      this.warn(key, 'yo_replaced', 'Буква «ё» заменена на «е»', 'Letter ё replaced with е');
    }
    return out;
  }

  /** An id-like text (numbers written without decimals). */
  id(key: string): string | undefined {
    return this.text(key);
  }

  list(key: string): string[] {
    const t = this.text(key);
    return t === undefined ? [] : splitList(t, true);
  }

  date(key: string): string | undefined {
    const cell = this.raw(key);
    if (cellText(cell) === undefined) return undefined;
    const r = parseDate(cell, { date1904: this.env.date1904, pivot: this.env.pivot });
    if (!r.ok) {
      this.fail(key, r.problem.code);
      return undefined;
    }
    if (r.note === 'twoDigitYear') {
      this.warn(
        key,
        'two_digit_year',
        'Год записан двумя цифрами; проверьте век',
        'Two-digit year; check the century',
      );
    }
    return r.value;
  }

  number(key: string): number | undefined {
    const cell = this.raw(key);
    if (cellText(cell) === undefined) return undefined;
    const r = parseNumber(cell);
    if (!r.ok) {
      this.fail(key, r.problem.code);
      return undefined;
    }
    return r.value;
  }

  grade(key: string): number | undefined {
    const cell = this.raw(key);
    if (cellText(cell) === undefined) return undefined;
    const r = parseGrade(cell);
    if (!r.ok) {
      this.fail(key, 'number_invalid', { format: 'schoolClass' });
      return undefined;
    }
    return r.value;
  }

  one(key: string, list: ListName): string | undefined {
    const t = this.text(key);
    if (t === undefined) return undefined;
    const id = this.env.lookups[list].find(t);
    if (id === undefined) this.unknown(key);
    return id;
  }

  many(key: string, list: ListName): string[] {
    const t = this.text(key);
    if (t === undefined) return [];
    const r = this.env.lookups[list].findList(t);
    if (r.unknown.length > 0) this.unknown(key, r.unknown.length);
    return r.ids;
  }

  private unknown(key: string, count = 1): void {
    this.fail(key, 'catalogue_unknown', { count });
  }

  /** Split «Фамилия Имя Отчество» or read the three name columns. */
  name(fullKey: string, parts?: readonly [string, string, string]): PersonName | undefined {
    if (parts?.some((k) => this.has(k)) && parts.some((k) => !this.blank(k))) {
      const [l, f, m] = parts;
      const lastName = this.text(l, true);
      const firstName = this.text(f, true);
      const middleName = this.text(m, true);
      let ok = true;
      if (lastName === undefined) {
        this.required(l);
        ok = false;
      }
      if (firstName === undefined) {
        this.required(f);
        ok = false;
      }
      for (const [k, v] of [
        [f, firstName],
        [m, middleName],
      ] as const) {
        if (v !== undefined && isInitials(v)) {
          this.initials(k);
          ok = false;
        }
      }
      if (!ok || lastName === undefined || firstName === undefined) return undefined;
      return middleName === undefined ? { lastName, firstName } : { lastName, firstName, middleName };
    }
    const full = this.text(fullKey, true);
    if (full === undefined) {
      this.required(parts && !this.has(fullKey) ? parts[0] : fullKey);
      return undefined;
    }
    return this.splitName(fullKey, full);
  }

  splitName(key: string, full: string): PersonName | undefined {
    const tokens = collapseSpaces(full.replace(/\.(?=\S)/g, '. ')).split(' ');
    if (tokens.slice(0).some((t) => isInitials(t))) {
      this.initials(key);
      return undefined;
    }
    if (tokens.length < 2) {
      this.fail(key, 'name_incomplete');
      return undefined;
    }
    const [lastName = '', firstName = '', ...rest] = tokens;
    return rest.length > 0 ? { lastName, firstName, middleName: rest.join(' ') } : { lastName, firstName };
  }

  private initials(key: string): void {
    this.fail(key, 'name_initials_only');
  }

  /**
   * Validate with a core schema; issues are mapped back to columns and
   * rendered again from the catalogue, naming the column by its header.
   */
  validate<S extends z.ZodType>(
    schema: S,
    value: unknown,
    fieldOf: (path: IssuePath) => string | undefined,
  ): z.output<S> | undefined {
    const r = safeParse(schema, value);
    if (r.ok) return r.value;
    for (const issue of r.error.issues) this.schemaIssue(issue, fieldOf(issue.path));
    return undefined;
  }

  private schemaIssue(issue: NastavnikIssue, key: string | undefined): void {
    if (key === undefined) this.push(undefined, issue);
    // The issue's own code and params, at the column's header.
    else
      this.push(
        key,
        nastavnikIssue(issue.code, [this.headerOf(key)], issue.params as never) as NastavnikIssue,
      );
  }
}

/**
 * The longest text each field may hold, a little above core's limits for the
 * value (names 100 a part, positions 200, texts up to 2 000), with room for
 * lists of several values in one cell.
 */
const TEXT_MAX: Readonly<Record<string, number>> = {
  lastName: 200,
  firstName: 200,
  middleName: 200,
  fullName: 400,
  representative: 400,
  mentorName: 400,
  personId: 200,
  externalId: 200,
  organizationId: 200,
  consentId: 200,
  pairId: 200,
  requestId: 200,
  mentorId: 200,
  orderId: 200,
};

function textMax(key: string): number {
  return TEXT_MAX[key] ?? 4000;
}

function isInitials(token: string): boolean {
  return /^\p{L}\.?$/u.test(token) || /^(\p{L}\.){1,3}\p{L}?$/u.test(token);
}
