import {
  IsoDateSchema,
  isNastavnikError,
  NastavnikError,
  nastavnikError,
  type Person,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import { cellText } from './_internal/cells';
import { csvRows, decodeText, sniffEncoding, sniffSeparator } from './_internal/csv';
import { lookups } from './_internal/enums';
import { FIELDS } from './_internal/fields';
import { findHeader, HeaderMatcher } from './_internal/header';
import { chunksOf, PeekedBytes, type RegistryInput, sniffFormat } from './_internal/input';
import { type MenteeRow, mapConsent, mapMentee, mapMentor, mapPair, nameKey } from './_internal/kinds';
import { type PersonIndex, RowCtx, type RowEnv } from './_internal/row';
import { type RawRow, type SheetStream, xlsxSheets } from './_internal/sheet';
import { normalizeKey } from './_internal/text';
import type {
  ImportBatch,
  ImportOptions,
  ImportResult,
  ImportSource,
  ImportTotals,
  ImportWarning,
  MenteeRecord,
  RegistryKind,
  RegistryRecordOf,
  RowIssue,
} from './types';

export type { RegistryInput } from './_internal/input';

const HEADER_SCAN = 30;

const OptionsSchema = z.object({
  kind: z.enum(['mentors', 'mentees', 'consents', 'pairs']),
  organizationId: z.string().trim().min(1).max(200),
  format: z.enum(['xlsx', 'csv']).optional(),
  encoding: z.enum(['utf-8', 'windows-1251']).optional(),
  separator: z.enum([';', ',', '\t']).optional(),
  columns: z.record(z.string(), z.string()).optional(),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  idPrefix: z.string().trim().min(1).max(100).optional(),
  batchSize: z.number().int().min(1).max(100_000).optional(),
  twoDigitYearPivot: z.number().int().min(0).max(100).optional(),
  normalizeYo: z.boolean().optional(),
  requestDate: IsoDateSchema.optional(),
  persons: z.array(z.custom<Person>((p) => typeof p === 'object' && p !== null)).optional(),
  catalogues: z.record(z.string(), z.unknown()).optional(),
  maxRows: z.number().int().min(1).optional(),
});

const KIND_PREFIX: Readonly<Record<RegistryKind, string>> = {
  mentors: 'mentor',
  mentees: 'mentee',
  consents: 'consent',
  pairs: 'pair',
};

function personIndex(persons: readonly Person[] | undefined): PersonIndex | undefined {
  if (!persons) return undefined;
  const byName = new Map<string, Person[]>();
  for (const p of persons) {
    const k = normalizeKey([p.name.lastName, p.name.firstName, p.name.middleName ?? ''].join(' '));
    const list = byName.get(k) ?? [];
    list.push(p);
    byName.set(k, list);
  }
  return {
    find(name, birthDate) {
      const list = byName.get(normalizeKey(name)) ?? [];
      const narrowed = birthDate === undefined ? list : list.filter((p) => p.birthDate === birthDate);
      return (narrowed.length > 0 ? narrowed : list).map((p) => p.id);
    },
  };
}

function missingColumn(key: string, ru: string, en: string): NastavnikError {
  return nastavnikError('required', ['columns', key], ru, en);
}

function checkColumns(kind: RegistryKind, has: (k: string) => boolean, persons: boolean): void {
  if (kind === 'mentors' || kind === 'mentees') {
    if (!has('fullName') && !(has('lastName') && has('firstName'))) {
      throw missingColumn(
        'fullName',
        'В файле нет столбца «ФИО» (или столбцов «Фамилия» и «Имя»)',
        'The file has no "ФИО" column (nor "Фамилия" and "Имя")',
      );
    }
  }
  if (kind === 'consents' && !has('personId') && !(has('fullName') && persons)) {
    throw missingColumn(
      'personId',
      'В файле нет столбца «ID участника» (или «ФИО участника» вместе со списком участников в настройках)',
      'The file has no "ID участника" column (nor "ФИО участника" with a list of persons in the options)',
    );
  }
  if (kind === 'pairs') {
    if (!has('mentorId') && !(has('mentorName') && persons)) {
      throw missingColumn(
        'mentorId',
        'В файле нет столбца «ID наставника»',
        'The file has no "ID наставника" column',
      );
    }
    if (!has('menteeIds') && !(has('menteeNames') && persons)) {
      throw missingColumn(
        'menteeIds',
        'В файле нет столбца «ID наставляемых»',
        'The file has no "ID наставляемых" column',
      );
    }
  }
}

const zeroTotals = (): { read: number; accepted: number; rejected: number; empty: number } => ({
  read: 0,
  accepted: 0,
  rejected: 0,
  empty: 0,
});

function wrapUnexpected(cause: unknown): NastavnikError {
  if (isNastavnikError(cause)) return cause;
  return new NastavnikError(
    [
      {
        code: 'invalid_format',
        path: ['input'],
        message: 'Файл повреждён или не является таблицей XLSX/CSV',
        messageEn: 'The file is damaged or is not an XLSX/CSV spreadsheet',
      },
    ],
    { cause },
  );
}

/**
 * Import a registry in batches, in bounded memory: rows are read, checked
 * and handed over batch by batch (a 100 000-row regional upload never sits
 * in memory as objects). The last batch has `done: true` and the final
 * totals in `cumulative`. File-level problems (not a spreadsheet, no header
 * row, no name column) reject with a {@link NastavnikError}; row-level
 * problems are data in `rejected`.
 *
 * @category Import
 * @example
 * for await (const batch of importRegistryStream(file.stream(), { kind: 'mentees', organizationId: 'lyceum-7', requestDate: '2023-09-01' })) {
 *   await db.insert(batch.records);
 *   report.push(...batch.rejected);
 * }
 */
export async function* importRegistryStream<K extends RegistryKind>(
  input: RegistryInput,
  options: ImportOptions<K>,
): AsyncGenerator<ImportBatch<RegistryRecordOf<K>>> {
  const opts = parse(OptionsSchema, options, ['options']);
  const kind = opts.kind as K;
  const fields = FIELDS[kind];
  if (opts.columns) {
    const known = new Set(fields.map((f) => f.key));
    for (const [header, key] of Object.entries(opts.columns)) {
      if (!known.has(key)) {
        throw nastavnikError(
          'invalid_value',
          ['options', 'columns', header],
          `Неизвестное поле «${key}» для реестра; допустимые: ${[...known].join(', ')}`,
          `Unknown field "${key}" for this registry; allowed: ${[...known].join(', ')}`,
        );
      }
    }
  }
  const batchSize = opts.batchSize ?? 1000;
  const maxRows = opts.maxRows ?? 1_000_000;
  let date1904 = false;

  let peeked: PeekedBytes;
  try {
    peeked = await PeekedBytes.open(chunksOf(input), 65_536);
  } catch (e) {
    throw wrapUnexpected(e);
  }
  const sniffed = sniffFormat(peeked.head);
  if (sniffed === 'xls' && opts.format !== 'csv') {
    throw nastavnikError(
      'invalid_format',
      ['input'],
      'Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как «Книга Excel (*.xlsx)» или CSV',
      'XLS (Excel 97–2003) is not supported: save the file as an Excel workbook (*.xlsx) or CSV',
    );
  }
  const format = opts.format ?? (sniffed === 'xlsx' ? 'xlsx' : 'csv');
  if (peeked.head.byteLength === 0) {
    throw nastavnikError('required', ['input'], 'Файл пуст', 'The file is empty');
  }

  let sheets: AsyncIterable<SheetStream>;
  let encoding: 'utf-8' | 'windows-1251' | undefined;
  let separator: string | undefined;
  if (format === 'xlsx') {
    sheets = xlsxSheets(
      peeked,
      (v) => {
        date1904 = v;
      },
      () => wrapUnexpected(new Error('truncated or damaged zip')),
      () =>
        nastavnikError(
          'too_big',
          ['input'],
          'Файл XLSX больше 256 МБ: разделите реестр на несколько файлов',
          'The XLSX file is larger than 256 MB: split the registry into several files',
        ),
    );
  } else {
    encoding = opts.encoding ?? sniffEncoding(peeked.head);
    const enc = encoding;
    const sample =
      (
        await decodeText(
          (async function* () {
            yield peeked.head;
          })(),
          enc,
        ).next()
      ).value ?? '';
    const sep = opts.separator ?? sniffSeparator(typeof sample === 'string' ? sample : '');
    separator = sep;
    sheets = (async function* () {
      yield { name: '', rows: csvRows(decodeText(peeked, enc), sep) };
    })();
  }

  const matcher = new HeaderMatcher(fields, opts.columns);
  const fieldMap = new Map(fields.map((f) => [f.key, f]));
  const look = lookups(opts.catalogues as ImportOptions['catalogues']);
  const skipped: ImportWarning[] = [];
  let sheetNo = 0;

  try {
    for await (const sheet of sheets) {
      sheetNo++;
      if (opts.sheet !== undefined && opts.sheet !== sheet.name && opts.sheet !== sheetNo) continue;
      const it = sheet.rows[Symbol.asyncIterator]();
      const buffered: RawRow[] = [];
      let exhausted = false;
      while (buffered.filter((r) => !r.cells.every((c) => cellText(c) === undefined)).length < HEADER_SCAN) {
        const r = await it.next();
        if (r.done) {
          exhausted = true;
          break;
        }
        buffered.push(r.value);
      }
      const nonEmpty = buffered.filter((r) => !r.cells.every((c) => cellText(c) === undefined));
      const header = findHeader(nonEmpty, matcher);
      if (!header) {
        if (format === 'xlsx') {
          skipped.push({
            code: 'sheet_skipped',
            message: `Лист «${sheet.name}» пропущен: не найдена строка заголовков`,
            messageEn: `Sheet "${sheet.name}" skipped: no header row found`,
            params: { sheet: sheet.name },
          });
        }
        if (!exhausted) await drain(it);
        continue;
      }
      checkColumns(kind, (k) => header.bindings.has(k), opts.persons !== undefined);
      const lastHeaderRow = header.headerRows[header.headerRows.length - 1] ?? 0;
      const source: ImportSource = {
        format,
        ...(encoding ? { encoding } : {}),
        ...(separator ? { separator } : {}),
        ...(format === 'xlsx' ? { sheet: sheet.name } : {}),
        headerRows: header.headerRows,
        columns: header.columns,
      };
      const env: RowEnv = {
        kind,
        organizationId: opts.organizationId,
        idPrefix: opts.idPrefix ?? `${opts.organizationId}-${KIND_PREFIX[kind]}`,
        pivot: opts.twoDigitYearPivot ?? 40,
        get date1904() {
          return date1904;
        },
        normalizeYo: opts.normalizeYo ?? false,
        requestDate: opts.requestDate,
        lookups: look,
        bindings: header.bindings,
        fields: fieldMap,
        persons: personIndex(opts.persons),
      };
      const preamble = buffered.filter((r) => r.row < (header.headerRows[0] ?? 0) && !isEmpty(r));
      const firstWarnings: ImportWarning[] = [
        ...skipped,
        ...header.warnings,
        ...missingOptional(kind, header.bindings, opts),
      ];
      if (preamble.length > 0) {
        firstWarnings.push({
          code: 'rows_before_header',
          message: `Строки над заголовком (${preamble.length}) не импортированы`,
          messageEn: `Rows above the header (${preamble.length}) were not imported`,
          params: { rows: preamble.map((r) => r.row).join(',') },
        });
      }
      const rest = (async function* () {
        for (const r of buffered) if (r.row > lastHeaderRow) yield r;
        if (!exhausted) {
          for (;;) {
            const r = await it.next();
            if (r.done) return;
            yield r.value;
          }
        }
      })();
      yield* runRows(rest, kind, env, source, firstWarnings, batchSize, maxRows, lastHeaderRow);
      return;
    }
  } catch (e) {
    throw wrapUnexpected(e);
  }
  throw nastavnikError(
    'required',
    ['header'],
    'Не найдена строка заголовков: ожидаются столбцы вроде «ФИО», «Дата рождения», «Должность»',
    'No header row found: expected columns such as "ФИО", "Дата рождения", "Должность"',
  );
}

async function drain(it: AsyncIterator<RawRow>): Promise<void> {
  for (;;) {
    const r = await it.next();
    if (r.done) return;
  }
}

const isEmpty = (r: RawRow) => r.cells.every((c) => cellText(c) === undefined);

function missingOptional(
  kind: RegistryKind,
  bindings: ReadonlyMap<string, unknown>,
  opts: { requestDate?: string | undefined },
): ImportWarning[] {
  const out: ImportWarning[] = [];
  const say = (key: string, ru: string, en: string) => {
    if (!bindings.has(key))
      out.push({ code: 'value_defaulted', message: ru, messageEn: en, params: { field: key } });
  };
  if (kind === 'mentors') {
    say(
      'capacity',
      'Нет столбца «Число наставляемых»: у всех наставников принято 1',
      'No capacity column: 1 for every mentor',
    );
    say(
      'category',
      'Нет столбца «Категория участника»: все наставники — педагоги',
      'No category column: every mentor is a teacher',
    );
  }
  if (kind === 'mentees' && opts.requestDate !== undefined) {
    say(
      'requestDate',
      'Нет столбца «Дата запроса»: взята дата из настроек загрузки',
      'No request date column: the date from the options is used',
    );
  }
  if (kind === 'pairs')
    say(
      'origin',
      'Нет столбца «Способ формирования»: принято «куратор»',
      'No origin column: "curator" for every pair',
    );
  return out;
}

async function* runRows<K extends RegistryKind>(
  rows: AsyncIterable<RawRow>,
  kind: K,
  env: RowEnv,
  source: ImportSource,
  firstWarnings: ImportWarning[],
  batchSize: number,
  maxRows: number,
  afterRow: number,
): AsyncGenerator<ImportBatch<RegistryRecordOf<K>>> {
  type T = RegistryRecordOf<K>;
  const cumulative = zeroTotals();
  let batch = newBatch<T>();
  batch.warnings.push(...firstWarnings);
  let pendingEmpty: number[] = [];
  let pendingMentee:
    | { row: number; value: MenteeRow; requests: MenteeRecord['profile']['requests'][number][] }
    | undefined;
  const seenIds = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  const seenRequestIds = new Set<string>();
  let count = 0;

  const flushMentee = () => {
    if (!pendingMentee) return;
    const { value, requests, row } = pendingMentee;
    const record: MenteeRecord = {
      person: value.record.person,
      profile: { ...value.record.profile, requests },
    };
    batch.records.push(record as T);
    batch.rows.push(row);
    pendingMentee = undefined;
  };
  const reject = (issues: RowIssue[], warnings: ImportWarning[]) => {
    batch.rejected.push(...issues);
    batch.warnings.push(...warnings);
    batch.totals.rejected++;
  };
  const duplicateId = (ctx: RowCtx, key: string, id: string): boolean => {
    const first = seenIds.get(id);
    if (first !== undefined) {
      ctx.fail(
        key,
        'duplicate_id',
        `Идентификатор уже встречался в строке ${first}`,
        `The id already appears in row ${first}`,
      );
      return true;
    }
    seenIds.set(id, ctx.row);
    return false;
  };
  const checkPerson = (ctx: RowCtx, person: Person) => {
    for (const k of [`n:${nameKey(person)}`, ...(person.externalId ? [`x:${person.externalId}`] : [])]) {
      if (k.startsWith('n:') && person.birthDate === undefined) continue;
      const first = seenPeople.get(k);
      if (first === undefined) seenPeople.set(k, ctx.row);
      else {
        ctx.warn(
          k.startsWith('x:') ? 'externalId' : undefined,
          'possible_duplicate',
          `Возможно, тот же человек, что в строке ${first} (${k.startsWith('x:') ? 'совпадает внешний код' : 'совпадают ФИО и дата рождения'})`,
          `Possibly the same person as in row ${first} (${k.startsWith('x:') ? 'same external id' : 'same name and birth date'})`,
        );
        break;
      }
    }
  };

  const emit = (done: boolean): ImportBatch<T> => {
    cumulative.read += batch.totals.read;
    cumulative.accepted += batch.totals.accepted;
    cumulative.rejected += batch.totals.rejected;
    cumulative.empty += batch.totals.empty;
    const out: ImportBatch<T> = {
      ...batch,
      totals: { ...batch.totals },
      cumulative: { ...cumulative },
      source,
      done,
    };
    batch = newBatch<T>();
    return out;
  };

  let lastRow = afterRow;
  for await (const raw of rows) {
    // XLSX stores no element for a row without cells: a gap in row numbers is empty rows.
    for (let gap = lastRow + 1; gap < raw.row && pendingEmpty.length < 1_000_000; gap++)
      pendingEmpty.push(gap);
    lastRow = Math.max(lastRow, raw.row);
    if (isEmpty(raw)) {
      pendingEmpty.push(raw.row);
      continue;
    }
    if (++count > maxRows) {
      throw nastavnikError(
        'too_big',
        ['input'],
        `В файле больше ${maxRows} строк`,
        `The file has more than ${maxRows} rows`,
        { maxRows },
      );
    }
    if (pendingEmpty.length > 0) {
      batch.emptyRows.push(...pendingEmpty);
      batch.totals.empty += pendingEmpty.length;
      pendingEmpty = [];
    }
    batch.totals.read++;
    const ctx = new RowCtx(env, raw.row, raw.cells);
    if (raw.formula) {
      ctx.warn(
        undefined,
        'formula_result_used',
        'В строке есть формулы: взяты их вычисленные значения',
        'The row has formulas: their computed values were used',
      );
    }
    if (kind === 'mentees') {
      const m = mapMentee(ctx);
      if (m && pendingMentee && pendingMentee.value.key === m.key) {
        // A continuation row: the same mentee with one more request.
        const q = m.request;
        if (q) {
          const id = m.requestIdGiven
            ? q.id
            : `${pendingMentee.value.record.person.id}-r${pendingMentee.requests.length + 1}`;
          if (seenRequestIds.has(id)) {
            ctx.fail(
              'requestId',
              'duplicate_id',
              'Идентификатор запроса уже встречался',
              'The request id already appears',
            );
          } else {
            seenRequestIds.add(id);
            pendingMentee.requests.push({
              ...q,
              id: id as typeof q.id,
              menteeId: pendingMentee.value.record.person.id,
            });
          }
        }
        if (ctx.issues.length === 0) {
          const a = pendingMentee.value.record.person;
          const b = m.record.person;
          if (JSON.stringify({ ...a, id: '' }) !== JSON.stringify({ ...b, id: '' })) {
            ctx.warn(
              undefined,
              'continuation_differs',
              `Строка продолжает запись строки ${pendingMentee.row}, но сведения о человеке отличаются; взяты из строки ${pendingMentee.row}`,
              `The row continues row ${pendingMentee.row} but the person's details differ; those of row ${pendingMentee.row} were kept`,
            );
          }
          batch.warnings.push(...ctx.warnings);
          batch.totals.accepted++;
        } else reject(ctx.issues, ctx.warnings);
      } else if (m) {
        if (!duplicateId(ctx, 'personId', m.record.person.id)) {
          const q = m.request;
          if (q && seenRequestIds.has(q.id)) {
            ctx.fail(
              'requestId',
              'duplicate_id',
              'Идентификатор запроса уже встречался',
              'The request id already appears',
            );
          } else if (q) seenRequestIds.add(q.id);
        }
        if (ctx.issues.length === 0) {
          checkPerson(ctx, m.record.person);
          flushMentee();
          pendingMentee = { row: raw.row, value: m, requests: m.request ? [m.request] : [] };
          batch.warnings.push(...ctx.warnings);
          batch.totals.accepted++;
        } else reject(ctx.issues, ctx.warnings);
      } else reject(ctx.issues, ctx.warnings);
    } else {
      const rec = kind === 'mentors' ? mapMentor(ctx) : kind === 'consents' ? mapConsent(ctx) : mapPair(ctx);
      if (rec !== undefined) {
        const id = 'person' in rec ? rec.person.id : rec.id;
        const idKey = kind === 'mentors' ? 'personId' : kind === 'consents' ? 'consentId' : 'pairId';
        duplicateId(ctx, idKey, id);
        if ('person' in rec && ctx.issues.length === 0) checkPerson(ctx, rec.person);
      }
      if (rec !== undefined && ctx.issues.length === 0) {
        batch.records.push(rec as T);
        batch.rows.push(raw.row);
        batch.warnings.push(...ctx.warnings);
        batch.totals.accepted++;
      } else reject(ctx.issues, ctx.warnings);
    }
    if (batch.totals.read >= batchSize) yield emit(false);
  }
  flushMentee();
  // Trailing empty rows (after the last filled row) are formatting, not registry rows.
  yield emit(true);
}

function newBatch<T>() {
  return {
    records: [] as T[],
    rows: [] as number[],
    rejected: [] as RowIssue[],
    warnings: [] as ImportWarning[],
    emptyRows: [] as number[],
    totals: zeroTotals() as { read: number; accepted: number; rejected: number; empty: number },
  };
}

/**
 * Import a registry of mentors, mentees (with requests), consents or pairs
 * from an XLSX or CSV file as schools keep them. Returns the valid records,
 * every bad row with its row number, column, value and a Russian message,
 * totals that add up (`read = accepted + rejected`, empty rows apart) and
 * warnings about what was normalised. One bad row never loses the others.
 *
 * Rejects with a {@link NastavnikError} only for file-level problems: not a
 * spreadsheet, no header row, no name column, bad options.
 *
 * The `rejected[].value` fields hold cell contents (personal data): the
 * report is for the uploading school, not for logs.
 *
 * @category Import
 * @example
 * const result = await importRegistry(bytes, { kind: 'mentors', organizationId: 'lyceum-7' });
 * console.log(result.totals); // { read: 42, accepted: 40, rejected: 2, empty: 1 }
 * for (const issue of result.rejected) console.log(issue.row, issue.column, issue.message);
 */
export async function importRegistry<K extends RegistryKind>(
  input: RegistryInput,
  options: ImportOptions<K>,
): Promise<ImportResult<RegistryRecordOf<K>>> {
  const records: RegistryRecordOf<K>[] = [];
  const rows: number[] = [];
  const rejected: RowIssue[] = [];
  const warnings: ImportWarning[] = [];
  const emptyRows: number[] = [];
  let totals: ImportTotals = zeroTotals();
  let source: ImportSource | undefined;
  for await (const b of importRegistryStream(input, options)) {
    for (const r of b.records) records.push(r);
    for (const r of b.rows) rows.push(r);
    for (const r of b.rejected) rejected.push(r);
    for (const w of b.warnings) warnings.push(w);
    for (const e of b.emptyRows) emptyRows.push(e);
    totals = b.cumulative;
    source = b.source;
  }
  if (!source) throw nastavnikError('internal', [], 'Внутренняя ошибка импорта', 'Internal import error');
  return { records, rows, rejected, totals, warnings, emptyRows, source };
}
