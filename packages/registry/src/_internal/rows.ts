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

/**
 * Map, check and batch the data rows of a sheet. Memory is one batch plus
 * the ids seen; time is linear in the rows, empty ones included (an empty
 * row costs a number in `emptyRows`, never a copy of the rows before it).
 */
export async function* runRows<K extends RegistryKind>(
  rows: AsyncIterable<RawRow>,
  run: RunContext<K>,
): AsyncGenerator<ImportBatch<RegistryRecordOf<K>>> {
  type T = RegistryRecordOf<K>;
  const { kind, env } = run;
  const cumulative = zeroTotals();
  let batch = newBatch<T>();
  append(batch.warnings, run.firstWarnings);
  let pendingEmpty: number[] = [];
  let pendingMentee: Pending | undefined;
  const seen = new Seen();
  let count = 0;

  const flushMentee = () => {
    if (!pendingMentee) return;
    const { value, requests, row } = pendingMentee;
    const record: MenteeWithProfile = {
      person: value.record.person,
      profile: { ...value.record.profile, requests },
    };
    batch.records.push(record as T);
    batch.rows.push(row);
    pendingMentee = undefined;
  };
  const accept = (ctx: RowCtx) => {
    append(batch.warnings, ctx.warnings);
    batch.totals.accepted++;
  };
  /** A person the registry keeps: warn (never drop) when the consent policy lacks a consent (152-ФЗ ст. 9). */
  const checkConsent = (ctx: RowCtx, person: Person, role: 'mentor' | 'mentee') => {
    if (run.consentCheck) append(ctx.warnings, consentGapWarnings(person, role, run.consentCheck, ctx.row));
  };
  const reject = (ctx: RowCtx) => {
    append(batch.rejected, ctx.issues);
    append(batch.warnings, ctx.warnings);
    batch.totals.rejected++;
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
      source: run.source,
      done,
    };
    batch = newBatch<T>();
    return out;
  };

  /** A mentee row: a new mentee, or one more request of the mentee above. */
  const mentee = (ctx: RowCtx, raw: RawRow) => {
    const m = mapMentee(ctx);
    if (!m) return reject(ctx);
    const pending = pendingMentee;
    if (pending && pending.value.key === m.key) {
      // A continuation row: the same mentee with one more request.
      const q = m.request;
      if (q) {
        const id = m.requestIdGiven
          ? q.id
          : `${pending.value.record.person.id}-r${pending.requests.length + 1}`;
        if (!seen.requestId(ctx, id))
          pending.requests.push({ ...q, id: id as typeof q.id, menteeId: pending.value.record.person.id });
      }
      if (ctx.issues.length > 0) return reject(ctx);
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
      return accept(ctx);
    }
    if (!seen.duplicateId(ctx, 'personId', m.record.person.id) && m.request)
      seen.requestId(ctx, m.request.id);
    if (ctx.issues.length > 0) return reject(ctx);
    seen.person(ctx, m.record.person);
    checkConsent(ctx, m.record.person, 'mentee');
    flushMentee();
    pendingMentee = { row: raw.row, value: m, requests: m.request ? [m.request] : [] };
    accept(ctx);
  };

  /** A mentor, consent or pair row: one record. */
  const record = (ctx: RowCtx, raw: RawRow) => {
    const rec = kind === 'mentors' ? mapMentor(ctx) : kind === 'consents' ? mapConsent(ctx) : mapPair(ctx);
    if (rec !== undefined) {
      const id = 'person' in rec ? rec.person.id : rec.id;
      const idKey = kind === 'mentors' ? 'personId' : kind === 'consents' ? 'consentId' : 'pairId';
      seen.duplicateId(ctx, idKey, id);
      if ('person' in rec && ctx.issues.length === 0) seen.person(ctx, rec.person);
    }
    if (rec === undefined || ctx.issues.length > 0) return reject(ctx);
    if (kind === 'mentors' && 'person' in rec) checkConsent(ctx, rec.person, 'mentor');
    batch.records.push(rec as T);
    batch.rows.push(raw.row);
    accept(ctx);
  };

  let lastRow = run.afterRow;
  for await (const raw of rows) {
    // XLSX stores no element for a row without cells: a gap in row numbers is empty rows
    // (row numbers are bounded by Excel's last row, so is this loop).
    for (let gap = lastRow + 1; gap < raw.row; gap++) pendingEmpty.push(gap);
    lastRow = Math.max(lastRow, raw.row);
    if (isEmptyRow(raw)) {
      pendingEmpty.push(raw.row);
      continue;
    }
    if (++count > run.maxRows) throw tooManyRows(run.maxRows);
    if (pendingEmpty.length > 0) {
      append(batch.emptyRows, pendingEmpty);
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
    if (kind === 'mentees') mentee(ctx, raw);
    else record(ctx, raw);
    if (batch.totals.read >= run.batchSize) yield emit(false);
  }
  flushMentee();
  // Trailing empty rows (after the last filled row) are formatting, not registry rows.
  yield emit(true);
}
