import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db';

/**
 * What an audit entry records: who (person id, organization, roles), did
 * what (`read`, `create`, `update`, `append` an event, `export` a document),
 * to which resource (route and id), whose personal data it touched (person
 * ids — never names), and from where (the client's address).
 *
 * @example
 * const e: AuditInput = { actor: 'sch1-t01', actorOrg: 'sch1', roles: ['curator'], action: 'read',
 *   resource: 'GET /mentees', subjects: ['sch1-p01'], source: '127.0.0.1' };
 */
export interface AuditInput {
  readonly actor: string;
  readonly actorOrg: string;
  readonly roles: readonly string[];
  readonly action: 'read' | 'create' | 'update' | 'append' | 'export';
  readonly resource: string;
  readonly subjects: readonly string[];
  readonly source: string;
}

/**
 * A stored audit entry: its place in the log (`seq` 1, 2, 3…), when
 * (ISO timestamp), the hash of the entry before it and its own hash, which
 * covers every field and the previous hash — so changing or removing any
 * entry breaks the chain from there on.
 *
 * @example
 * const ok = auditHash(entry) === entry.hash;
 */
export interface AuditEntry extends AuditInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The `prevHash` of the first entry. @example entries[0].prevHash === AUDIT_GENESIS */
export const AUDIT_GENESIS = '0'.repeat(64);

/**
 * The SHA-256 (hex) of an entry: every field in a fixed order, the previous
 * hash included.
 *
 * @example
 * auditHash({ ...entry }) === entry.hash;
 */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actor,
    e.actorOrg,
    [...e.roles],
    e.action,
    e.resource,
    [...e.subjects],
    e.source,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const AUDIT_LOCK = 7281943;

/**
 * Append an entry to the audit log, inside the caller's transaction (so a
 * change and its audit entry commit together, or neither does). Entries are
 * serialised by an advisory lock: each one links to the one before it.
 *
 * @example
 * await db.transaction((tx) => appendAudit(tx, input, new Date().toISOString()));
 */
export async function appendAudit(tx: Queryable, input: AuditInput, at: string): Promise<AuditEntry> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const last = await tx.query<{ seq: string; hash: string }>(
    'select seq::text as seq, hash from audit_log order by audit_log.seq desc limit 1',
  );
  const prev = last.rows[0];
  const body = {
    ...input,
    roles: [...input.roles],
    subjects: [...input.subjects],
    seq: prev ? Number(prev.seq) + 1 : 1,
    at,
    prevHash: prev?.hash ?? AUDIT_GENESIS,
  };
  const entry: AuditEntry = { ...body, hash: auditHash(body) };
  await tx.query(
    `insert into audit_log (seq, at, actor, actor_org, roles, action, resource, subjects, source, prev_hash, hash)
     values ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8::text::jsonb, $9, $10, $11)`,
    [
      entry.seq,
      entry.at,
      entry.actor,
      entry.actorOrg,
      JSON.stringify(entry.roles),
      entry.action,
      entry.resource,
      JSON.stringify(entry.subjects),
      entry.source,
      entry.prevHash,
      entry.hash,
    ],
  );
  return entry;
}

interface AuditRow {
  seq: string;
  at: string;
  actor: string;
  actor_org: string;
  roles: string[];
  action: AuditEntry['action'];
  resource: string;
  subjects: string[];
  source: string;
  prev_hash: string;
  hash: string;
}

/**
 * Audit entries in order, `limit` of them after `afterSeq`.
 *
 * @example
 * const page = await readAudit(db, { afterSeq: 0, limit: 100 });
 */
export async function readAudit(
  db: Queryable,
  options: { afterSeq?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  const r = await db.query<AuditRow>(
    `select seq::text as seq, at, actor, actor_org, roles, action, resource, subjects, source, prev_hash, hash
     from audit_log where audit_log.seq > $1 order by audit_log.seq limit $2`,
    [options.afterSeq ?? 0, Math.min(options.limit ?? 1000, 10_000)],
  );
  return r.rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    actorOrg: row.actor_org,
    roles: row.roles,
    action: row.action,
    resource: row.resource,
    subjects: row.subjects,
    source: row.source,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/**
 * What {@link verifyAuditChain} found: the chain is whole (with its length
 * and last hash, to keep somewhere else as an anchor), or the first entry
 * where it breaks and why.
 *
 * @example
 * const v = verifyAuditChain(entries); if (!v.ok) alert(`audit log broken at ${v.seq}: ${v.reason}`);
 */
export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly lastSeq: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly seq: number;
      readonly reason: 'hash_mismatch' | 'broken_link' | 'gap' | 'anchor_mismatch';
    };

/**
 * Check a run of audit entries: `seq` runs 1, 2, 3… without a gap, each
 * entry's `prevHash` is the hash of the one before, and each hash is the hash
 * of its own fields. A modified entry fails `hash_mismatch`; a deleted one
 * `gap` (or `broken_link` if the seqs were renumbered). Removing the newest
 * entries leaves a shorter valid chain: compare with an `anchor` (a
 * `lastSeq`/`lastHash` kept elsewhere) to catch that.
 *
 * @example
 * verifyAuditChain(await readAudit(db, { limit: 10_000 })).ok;
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  options: {
    /** The entry before the first one given (when verifying in pages). */
    previous?: { seq: number; hash: string };
    /** A `lastSeq`/`lastHash` recorded earlier: the log must still contain it. */
    anchor?: { seq: number; hash: string };
  } = {},
): AuditVerification {
  let seq = options.previous?.seq ?? 0;
  let hash = options.previous?.hash ?? AUDIT_GENESIS;
  let anchored = options.anchor === undefined;
  for (const e of entries) {
    if (e.seq !== seq + 1) return { ok: false, seq: seq + 1, reason: 'gap' };
    if (e.prevHash !== hash) return { ok: false, seq: e.seq, reason: 'broken_link' };
    const { hash: stored, ...rest } = e;
    if (auditHash(rest) !== stored) return { ok: false, seq: e.seq, reason: 'hash_mismatch' };
    seq = e.seq;
    hash = stored;
    if (options.anchor && e.seq === options.anchor.seq) {
      if (e.hash !== options.anchor.hash) return { ok: false, seq: e.seq, reason: 'anchor_mismatch' };
      anchored = true;
    }
  }
  if (!anchored) return { ok: false, seq: options.anchor?.seq ?? seq, reason: 'anchor_mismatch' };
  return { ok: true, count: seq - (options.previous?.seq ?? 0), lastSeq: seq, lastHash: hash };
}

/**
 * Verify the whole audit log stored in `db`, page by page.
 *
 * @example
 * const v = await verifyAuditLog(db); // { ok: true, count, lastSeq, lastHash }
 */
export async function verifyAuditLog(
  db: Db,
  options: { anchor?: { seq: number; hash: string }; pageSize?: number } = {},
): Promise<AuditVerification> {
  let previous: { seq: number; hash: string } | undefined;
  let anchored = options.anchor === undefined;
  for (;;) {
    const page = await readAudit(db, { afterSeq: previous?.seq ?? 0, limit: options.pageSize ?? 1000 });
    if (page.length === 0) break;
    const anchorHere =
      options.anchor && page.some((e) => e.seq === options.anchor?.seq) ? options.anchor : undefined;
    const v = verifyAuditChain(page, {
      ...(previous ? { previous } : {}),
      ...(anchorHere ? { anchor: anchorHere } : {}),
    });
    if (!v.ok) return v;
    if (anchorHere) anchored = true;
    previous = { seq: v.lastSeq, hash: v.lastHash };
  }
  if (!anchored) return { ok: false, seq: options.anchor?.seq ?? 0, reason: 'anchor_mismatch' };
  return {
    ok: true,
    count: previous?.seq ?? 0,
    lastSeq: previous?.seq ?? 0,
    lastHash: previous?.hash ?? AUDIT_GENESIS,
  };
}
