import type { MenteeWithProfile, Person } from '@nastavnik/core';
import { registerCatalogue } from '@nastavnik/core';
import { consentGapWarnings } from '../consentGaps';
import type {
  ImportBatch,
  ImportSource,
  ImportWarning,
  RegistryKind,
  RegistryRecordOf,
  RowIssue,
} from '../types';
import { type MenteeRow, mapConsent, mapMentee, mapMentor, mapPair, nameKey } from './kinds';
import { tooManyRows } from './limits';
import { RowCtx, type RowEnv } from './row';
import { isEmptyRow } from './scan';
import type { RawRow } from './sheet';

registerCatalogue();

type Counts = { read: number; accepted: number; rejected: number; empty: number };

export const zeroTotals = (): Counts => ({ read: 0, accepted: 0, rejected: 0, empty: 0 });

function newBatch<T>() {
  return {
    records: [] as T[],
    rows: [] as number[],
    rejected: [] as RowIssue[],
    warnings: [] as ImportWarning[],
    emptyRows: [] as number[],
    totals: zeroTotals(),
  };
}

/** Append without spreading: a spread of a long array overflows the stack. */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

/** What {@link runRows} needs besides the rows. */
export interface RunContext<K extends RegistryKind> {
  readonly kind: K;
  readonly env: RowEnv;
  readonly source: ImportSource;
  /** Warnings about the file, handed out with the first batch. */
  readonly firstWarnings: readonly ImportWarning[];
  readonly batchSize: number;
  readonly maxRows: number;
  /** The last header row: data rows are numbered after it. */
  readonly afterRow: number;
  /** Mentors and mentees: the consents to check each person against (no check when absent). */
  readonly consentCheck?: Parameters<typeof consentGapWarnings>[2] | undefined;
}

/** Ids, people and request ids seen so far in the file, for the checks across rows. */
class Seen {
  private readonly ids = new Map<string, number>();
  private readonly people = new Map<string, number>();
  readonly requestIds = new Set<string>();

  /** Fails the row when `id` was already used by an earlier row. */
  duplicateId(ctx: RowCtx, key: string, id: string): boolean {
    const first = this.ids.get(id);
    if (first !== undefined) {
      ctx.fail(key, 'duplicate_id', { row: first });
      return true;
    }
    this.ids.set(id, ctx.row);
    return false;
  }

  /** Warns when the same person (name and birth date, or external id) appeared in an earlier row. */
  person(ctx: RowCtx, person: Person): void {
    for (const k of [`n:${nameKey(person)}`, ...(person.externalId ? [`x:${person.externalId}`] : [])]) {
      if (k.startsWith('n:') && person.birthDate === undefined) continue;
      const first = this.people.get(k);
      if (first === undefined) this.people.set(k, ctx.row);
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
  }

  /** Fails the row when a request id was already used. */
  requestId(ctx: RowCtx, id: string): boolean {
    if (this.requestIds.has(id)) {
      ctx.fail('requestId', 'duplicate_id', { of: 'request' });
      return true;
    }
    this.requestIds.add(id);
    return false;
  }
}

type Pending = {
  row: number;
  value: MenteeRow;
  requests: MenteeWithProfile['profile']['requests'][number][];
};

type Batch<T> = ReturnType<typeof newBatch<T>>;

/** The state of one {@link runRows} call: the batch being filled and what the checks across rows remember. */
interface RunState<K extends RegistryKind> {
  readonly run: RunContext<K>;
  readonly seen: Seen;
  readonly cumulative: Counts;
  batch: Batch<RegistryRecordOf<K>>;
  /** Empty rows not yet counted: they belong to a batch only when a filled row follows. */
  pendingEmpty: number[];
  /** The mentee being read: its requests may continue on the rows below. */
  pendingMentee: Pending | undefined;
  /** Filled rows read, against `maxRows`. */
  count: number;
  /** The highest row number seen, to count the rows XLSX leaves out. */
  lastRow: number;
}

// --- The batch: accepted and rejected rows, handed out when full --------------------------

/** Put the mentee being read into the batch, with all its requests. */
function flushMentee<K extends RegistryKind>(st: RunState<K>): void {
  const pending = st.pendingMentee;
  if (!pending) return;
  const { value, requests, row } = pending;
  const record: MenteeWithProfile = {
    person: value.record.person,
    profile: { ...value.record.profile, requests },
  };
  st.batch.records.push(record as RegistryRecordOf<K>);
  st.batch.rows.push(row);
  st.pendingMentee = undefined;
}

function accept<K extends RegistryKind>(st: RunState<K>, ctx: RowCtx): void {
  append(st.batch.warnings, ctx.warnings);
  st.batch.totals.accepted++;
}

function reject<K extends RegistryKind>(st: RunState<K>, ctx: RowCtx): void {
  append(st.batch.rejected, ctx.issues);
  append(st.batch.warnings, ctx.warnings);
  st.batch.totals.rejected++;
}

/** Hand out the batch (with the running totals) and start a new one. */
function emit<K extends RegistryKind>(st: RunState<K>, done: boolean): ImportBatch<RegistryRecordOf<K>> {
  const { batch, cumulative } = st;
  cumulative.read += batch.totals.read;
  cumulative.accepted += batch.totals.accepted;
  cumulative.rejected += batch.totals.rejected;
  cumulative.empty += batch.totals.empty;
  const out: ImportBatch<RegistryRecordOf<K>> = {
    ...batch,
    totals: { ...batch.totals },
    cumulative: { ...cumulative },
    source: st.run.source,
    done,
  };
  st.batch = newBatch();
  return out;
}

// --- Consent: a person the registry keeps ---------------------------------------------------

/** Warn (never drop) when the consent policy lacks a consent (152-ФЗ ст. 9). */
function checkConsent(
  run: RunContext<RegistryKind>,
  ctx: RowCtx,
  person: Person,
  role: 'mentor' | 'mentee',
): void {
  if (run.consentCheck) append(ctx.warnings, consentGapWarnings(person, role, run.consentCheck, ctx.row));
}

// --- Mentee rows: a new mentee, or one more request of the mentee above ---------------------

/** A continuation row: the same mentee as `pending`, with one more request. */
function continueMentee<K extends RegistryKind>(
  st: RunState<K>,
  ctx: RowCtx,
  pending: Pending,
  m: MenteeRow,
): void {
  const q = m.request;
  if (q) {
    const id = m.requestIdGiven ? q.id : `${pending.value.record.person.id}-r${pending.requests.length + 1}`;
    if (!st.seen.requestId(ctx, id))
      pending.requests.push({ ...q, id: id as typeof q.id, menteeId: pending.value.record.person.id });
  }
  if (ctx.issues.length > 0) {
    reject(st, ctx);
    return;
  }
  const a = pending.value.record.person;
  const b = m.record.person;
  if (JSON.stringify({ ...a, id: '' }) !== JSON.stringify({ ...b, id: '' })) {
    ctx.warn(
      undefined,
      'continuation_differs',
      `Строка продолжает запись строки ${pending.row}, но сведения о человеке отличаются; взяты из строки ${pending.row}`,
      `The row continues row ${pending.row} but the person's details differ; those of row ${pending.row} were kept`,
    );
  }
  accept(st, ctx);
}

/** A mentee row: a new mentee, or one more request of the mentee above. */
function menteeRow<K extends RegistryKind>(st: RunState<K>, ctx: RowCtx, raw: RawRow): void {
  const m = mapMentee(ctx);
  if (!m) {
    reject(st, ctx);
    return;
  }
  const pending = st.pendingMentee;
  if (pending && pending.value.key === m.key) {
    continueMentee(st, ctx, pending, m);
    return;
  }
  if (!st.seen.duplicateId(ctx, 'personId', m.record.person.id) && m.request)
    st.seen.requestId(ctx, m.request.id);
  if (ctx.issues.length > 0) {
    reject(st, ctx);
    return;
  }
  st.seen.person(ctx, m.record.person);
  checkConsent(st.run, ctx, m.record.person, 'mentee');
  flushMentee(st);
  st.pendingMentee = { row: raw.row, value: m, requests: m.request ? [m.request] : [] };
  accept(st, ctx);
}

// --- Mentor, consent and pair rows: one record each -----------------------------------------

/** A mentor, consent or pair row: one record. */
function recordRow<K extends RegistryKind>(st: RunState<K>, ctx: RowCtx, raw: RawRow): void {
  const { kind } = st.run;
  const rec = kind === 'mentors' ? mapMentor(ctx) : kind === 'consents' ? mapConsent(ctx) : mapPair(ctx);
  if (rec !== undefined) {
    const id = 'person' in rec ? rec.person.id : rec.id;
    const idKey = kind === 'mentors' ? 'personId' : kind === 'consents' ? 'consentId' : 'pairId';
    st.seen.duplicateId(ctx, idKey, id);
    if ('person' in rec && ctx.issues.length === 0) st.seen.person(ctx, rec.person);
  }
  if (rec === undefined || ctx.issues.length > 0) {
    reject(st, ctx);
    return;
  }
  if (kind === 'mentors' && 'person' in rec) checkConsent(st.run, ctx, rec.person, 'mentor');
  st.batch.records.push(rec as RegistryRecordOf<K>);
  st.batch.rows.push(raw.row);
  accept(st, ctx);
}

// --- Empty rows and the row limit ------------------------------------------------------------

/**
 * Note the empty rows up to and including `raw`, and whether `raw` itself is
 * empty. XLSX stores no element for a row without cells: a gap in row
 * numbers is empty rows (row numbers are bounded by Excel's last row, so is
 * this loop).
 */
function skipEmpty<K extends RegistryKind>(st: RunState<K>, raw: RawRow): boolean {
  for (let gap = st.lastRow + 1; gap < raw.row; gap++) st.pendingEmpty.push(gap);
  st.lastRow = Math.max(st.lastRow, raw.row);
  if (!isEmptyRow(raw)) return false;
  st.pendingEmpty.push(raw.row);
  return true;
}

/** Count a filled row against the limit; the empty rows before it join the batch. */
function countFilled<K extends RegistryKind>(st: RunState<K>): void {
  if (++st.count > st.run.maxRows) throw tooManyRows(st.run.maxRows);
  if (st.pendingEmpty.length > 0) {
    append(st.batch.emptyRows, st.pendingEmpty);
    st.batch.totals.empty += st.pendingEmpty.length;
    st.pendingEmpty = [];
  }
  st.batch.totals.read++;
}

/** The checks of one filled row, of any kind. */
function readRow<K extends RegistryKind>(st: RunState<K>, raw: RawRow): void {
  const ctx = new RowCtx(st.run.env, raw.row, raw.cells);
  if (raw.formula) {
    ctx.warn(
      undefined,
      'formula_result_used',
      'В строке есть формулы: взяты их вычисленные значения',
      'The row has formulas: their computed values were used',
    );
  }
  if (st.run.kind === 'mentees') menteeRow(st, ctx, raw);
  else recordRow(st, ctx, raw);
}

/**
 * Map, check and batch the data rows of a sheet. Memory is one batch plus
 * the ids seen; time is linear in the rows, empty ones included (an empty
 * row costs a number in `emptyRows`, never a copy of the rows before it).
 */
export async function* runRows<K extends RegistryKind>(
  rows: AsyncIterable<RawRow>,
  run: RunContext<K>,
): AsyncGenerator<ImportBatch<RegistryRecordOf<K>>> {
  const st: RunState<K> = {
    run,
    seen: new Seen(),
    cumulative: zeroTotals(),
    batch: newBatch(),
    pendingEmpty: [],
    pendingMentee: undefined,
    count: 0,
    lastRow: run.afterRow,
  };
  append(st.batch.warnings, run.firstWarnings);
  for await (const raw of rows) {
    if (skipEmpty(st, raw)) continue;
    countFilled(st);
    readRow(st, raw);
    if (st.batch.totals.read >= run.batchSize) yield emit(st, false);
  }
  flushMentee(st);
  // Trailing empty rows (after the last filled row) are formatting, not registry rows.
  yield emit(st, true);
}
