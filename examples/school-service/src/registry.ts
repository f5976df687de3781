import type { Consent, MenteeProfile, MentorProfile, Person, Request } from '@nastavnik/core';
import type { Db, Queryable } from './db';
import { HttpProblem, notFound, problem } from './http';

/** A mentor registry entry: the person, the profile and its version. @example const e: MentorEntry = { person, profile, version: 0 }; */
export interface MentorEntry {
  readonly person: Person;
  readonly profile: MentorProfile;
  readonly version: number;
}

/** A mentee registry entry; `profile.requests` are the requests stored for the mentee. @example const e: MenteeEntry = { person, profile, version: 0 }; */
export interface MenteeEntry {
  readonly person: Person;
  readonly profile: MenteeProfile;
  readonly version: number;
}

/** A consent or a request with its version. @example const v: Versioned<Consent> = { value: consent, version: 2 }; */
export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

/**
 * Runs inside a write's transaction, after the write: the service records the
 * audit entry there, so a change and its audit entry commit together.
 *
 * @example
 * const audit: InTx = (tx) => appendAudit(tx, entry, at).then(() => {});
 */
export type InTx = (tx: Queryable) => Promise<void>;

/**
 * A 409 for an id that is taken: creating never replaces what is stored
 * (a mentor posted with a pupil's id, a mentee's request id reused).
 *
 * @example
 * throw duplicateId(['person', 'id'], 'person', 't-1');
 */
export function duplicateId(path: (string | number)[], kind: string, id: string): HttpProblem {
  return new HttpProblem(409, {
    ...problem(
      'duplicate_id',
      `Запись с идентификатором ${id} уже существует (${kind}); изменение — методом PUT`,
      `A ${kind} with id ${id} already exists; change it with PUT`,
      { params: { kind, id } },
    ),
    path,
  });
}

/**
 * A 412 when the `If-Match` version is not the stored one: someone changed the
 * record meanwhile; re-read and retry.
 *
 * @example
 * throw staleVersion(2, 3);
 */
export function staleVersion(expectedVersion: number, actualVersion: number): HttpProblem {
  return new HttpProblem(412, {
    ...problem(
      'version_conflict',
      `Запись изменена другим пользователем: ожидалась версия ${expectedVersion}, текущая ${actualVersion}`,
      `The record changed meanwhile: expected version ${expectedVersion}, current ${actualVersion}`,
    ),
    expectedVersion,
    actualVersion,
  });
}

function immutable(path: (string | number)[]): HttpProblem {
  return new HttpProblem(409, {
    ...problem(
      'immutable_field',
      `Поле «${path.join('.')}» нельзя изменить: создайте новую запись`,
      `The field "${path.join('.')}" cannot change: create a new record`,
    ),
    path,
  });
}

async function insertPerson(tx: Queryable, person: Person, path: (string | number)[]): Promise<void> {
  const r = await tx.query(
    'insert into persons (id, data) values ($1, $2::text::jsonb) on conflict (id) do nothing returning id',
    [person.id, JSON.stringify(person)],
  );
  if (r.rows.length === 0) throw duplicateId(path, 'person', person.id);
}

async function lockVersion(
  tx: Queryable,
  sql: string,
  id: string,
  expected: number,
  what: Parameters<typeof notFound>[0],
): Promise<Record<string, unknown>> {
  const r = await tx.query<{ version: number } & Record<string, unknown>>(sql, [id]);
  const row = r.rows[0];
  if (!row) throw new HttpProblem(404, notFound(what, id));
  if (row.version !== expected) throw staleVersion(expected, row.version);
  return row;
}

/**
 * The registries of a school (банк наставников, база наставников, согласия,
 * запросы) over a {@link Db}. Creating and changing are distinct: `create*`
 * refuses a taken id with a 409 (never a silent takeover), `update*` needs
 * the version the caller read (412 when stale). Callers validate with the
 * core schemas first and check who may write.
 *
 * @example
 * const registry = createRegistry(db);
 * await registry.createMentor(parse(PersonSchema, body.person), parse(MentorProfileSchema, body.profile));
 */
export function createRegistry(db: Db) {
  const noop: InTx = async () => {};

  async function requestsByMentee(): Promise<Map<string, Request[]>> {
    const r = await db.query<{ mentee_id: string; data: Request }>(
      'select mentee_id, data from requests order by mentee_id, id',
    );
    const map = new Map<string, Request[]>();
    for (const row of r.rows) {
      const list = map.get(row.mentee_id);
      if (list) list.push(row.data);
      else map.set(row.mentee_id, [row.data]);
    }
    return map;
  }

  async function insertRequest(tx: Queryable, request: Request, path: (string | number)[]): Promise<void> {
    const r = await tx.query(
      'insert into requests (id, mentee_id, data) values ($1, $2, $3::text::jsonb) on conflict (id) do nothing returning id',
      [request.id, request.menteeId, JSON.stringify(request)],
    );
    if (r.rows.length === 0) throw duplicateId(path, 'request', request.id);
  }

  return {
    createMentor(person: Person, profile: MentorProfile, audit: InTx = noop): Promise<void> {
      return db.transaction(async (tx) => {
        await insertPerson(tx, person, ['person', 'id']);
        await tx.query('insert into mentor_profiles (person_id, data) values ($1, $2::text::jsonb)', [
          person.id,
          JSON.stringify(profile),
        ]);
        await audit(tx);
      });
    },

    updateMentor(
      person: Person,
      profile: MentorProfile,
      expected: number,
      audit: InTx = noop,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        await lockVersion(
          tx,
          'select version from mentor_profiles where person_id = $1 for update',
          person.id,
          expected,
          'mentor',
        );
        await tx.query('update persons set data = $2::text::jsonb where id = $1', [
          person.id,
          JSON.stringify(person),
        ]);
        await tx.query(
          'update mentor_profiles set data = $2::text::jsonb, version = version + 1 where person_id = $1',
          [person.id, JSON.stringify(profile)],
        );
        await audit(tx);
        return expected + 1;
      });
    },

    /** A mentee and the requests in the profile (stored in the requests registry). */
    createMentee(person: Person, profile: MenteeProfile, audit: InTx = noop): Promise<void> {
      return db.transaction(async (tx) => {
        await insertPerson(tx, person, ['person', 'id']);
        const { requests, ...rest } = profile;
        await tx.query('insert into mentee_profiles (person_id, data) values ($1, $2::text::jsonb)', [
          person.id,
          JSON.stringify(rest),
        ]);
        for (const [i, request] of requests.entries()) {
          await insertRequest(tx, request, ['profile', 'requests', i, 'id']);
        }
        await audit(tx);
      });
    },

    /** Replace a mentee's person and profile; requests listed are added or (if the mentee's own) replaced. */
    updateMentee(
      person: Person,
      profile: MenteeProfile,
      expected: number,
      audit: InTx = noop,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        await lockVersion(
          tx,
          'select version from mentee_profiles where person_id = $1 for update',
          person.id,
          expected,
          'mentee',
        );
        const { requests, ...rest } = profile;
        await tx.query('update persons set data = $2::text::jsonb where id = $1', [
          person.id,
          JSON.stringify(person),
        ]);
        await tx.query(
          'update mentee_profiles set data = $2::text::jsonb, version = version + 1 where person_id = $1',
          [person.id, JSON.stringify(rest)],
        );
        for (const [i, request] of requests.entries()) {
          const r = await tx.query(
            `insert into requests (id, mentee_id, data) values ($1, $2, $3::text::jsonb)
             on conflict (id) do update set data = excluded.data, version = requests.version + 1
             where requests.mentee_id = excluded.mentee_id returning id`,
            [request.id, request.menteeId, JSON.stringify(request)],
          );
          if (r.rows.length === 0) throw duplicateId(['profile', 'requests', i, 'id'], 'request', request.id);
        }
        await audit(tx);
        return expected + 1;
      });
    },

    createConsent(consent: Consent, audit: InTx = noop): Promise<void> {
      return db.transaction(async (tx) => {
        const r = await tx.query(
          'insert into consents (id, person_id, data) values ($1, $2, $3::text::jsonb) on conflict (id) do nothing returning id',
          [consent.id, consent.personId, JSON.stringify(consent)],
        );
        if (r.rows.length === 0) throw duplicateId(['id'], 'consent', consent.id);
        await audit(tx);
      });
    },

    /** Change a consent (withdraw it: `withdrawnAt`); the person it is about never changes. */
    updateConsent(consent: Consent, expected: number, audit: InTx = noop): Promise<number> {
      return db.transaction(async (tx) => {
        const row = await lockVersion(
          tx,
          'select version, person_id from consents where id = $1 for update',
          consent.id,
          expected,
          'consent',
        );
        if (row.person_id !== consent.personId) throw immutable(['personId']);
        await tx.query('update consents set data = $2::text::jsonb, version = version + 1 where id = $1', [
          consent.id,
          JSON.stringify(consent),
        ]);
        await audit(tx);
        return expected + 1;
      });
    },

    createRequest(request: Request, audit: InTx = noop): Promise<void> {
      return db.transaction(async (tx) => {
        await insertRequest(tx, request, ['id']);
        await audit(tx);
      });
    },

    updateRequest(request: Request, expected: number, audit: InTx = noop): Promise<number> {
      return db.transaction(async (tx) => {
        const row = await lockVersion(
          tx,
          'select version, mentee_id from requests where id = $1 for update',
          request.id,
          expected,
          'request',
        );
        if (row.mentee_id !== request.menteeId) throw immutable(['menteeId']);
        await tx.query('update requests set data = $2::text::jsonb, version = version + 1 where id = $1', [
          request.id,
          JSON.stringify(request),
        ]);
        await audit(tx);
        return expected + 1;
      });
    },

    async person(id: string): Promise<Person | undefined> {
      const r = await db.query<{ data: Person }>('select data from persons where id = $1', [id]);
      return r.rows[0]?.data;
    },

    async persons(ids: readonly string[]): Promise<Person[]> {
      const r = await db.query<{ data: Person }>('select data from persons where id = any($1::text[])', [
        [...ids],
      ]);
      return r.rows.map((row) => row.data);
    },

    async isMentor(id: string): Promise<boolean> {
      return (await db.query('select 1 from mentor_profiles where person_id = $1', [id])).rows.length > 0;
    },

    async isMentee(id: string): Promise<boolean> {
      return (await db.query('select 1 from mentee_profiles where person_id = $1', [id])).rows.length > 0;
    },

    async mentors(): Promise<MentorEntry[]> {
      const r = await db.query<{ person: Person; profile: MentorProfile; version: number }>(
        'select p.data as person, m.data as profile, m.version from mentor_profiles m join persons p on p.id = m.person_id order by p.id',
      );
      return r.rows;
    },

    async mentees(): Promise<MenteeEntry[]> {
      const r = await db.query<{ person: Person; profile: Omit<MenteeProfile, 'requests'>; version: number }>(
        'select p.data as person, m.data as profile, m.version from mentee_profiles m join persons p on p.id = m.person_id order by p.id',
      );
      const requests = await requestsByMentee();
      return r.rows.map((row) => ({
        person: row.person,
        profile: { ...row.profile, requests: requests.get(row.person.id) ?? [] },
        version: row.version,
      }));
    },

    async consents(personId?: string): Promise<Consent[]> {
      const r =
        personId === undefined
          ? await db.query<{ data: Consent }>('select data from consents order by id')
          : await db.query<{ data: Consent }>('select data from consents where person_id = $1 order by id', [
              personId,
            ]);
      return r.rows.map((row) => row.data);
    },

    async consent(id: string): Promise<Versioned<Consent> | undefined> {
      const r = await db.query<{ data: Consent; version: number }>(
        'select data, version from consents where id = $1',
        [id],
      );
      const row = r.rows[0];
      return row ? { value: row.data, version: row.version } : undefined;
    },

    async requests(): Promise<Request[]> {
      const r = await db.query<{ data: Request }>('select data from requests order by id');
      return r.rows.map((row) => row.data);
    },

    async request(id: string): Promise<Versioned<Request> | undefined> {
      const r = await db.query<{ data: Request; version: number }>(
        'select data, version from requests where id = $1',
        [id],
      );
      const row = r.rows[0];
      return row ? { value: row.data, version: row.version } : undefined;
    },

    async isEmpty(): Promise<boolean> {
      return (await db.query('select 1 from persons limit 1')).rows.length === 0;
    },
  };
}

/** The registry's interface. @example const r: Registry = createRegistry(db); */
export type Registry = ReturnType<typeof createRegistry>;
