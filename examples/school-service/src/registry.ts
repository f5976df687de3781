import type { Consent, MenteeProfile, MentorProfile, Person, Request } from '@nastavnik/core';
import type { Db, Queryable } from './db';

/** A mentor registry entry: the person and the profile. @example const e: MentorEntry = { person, profile }; */
export interface MentorEntry {
  readonly person: Person;
  readonly profile: MentorProfile;
}

/** A mentee registry entry; `profile.requests` are the requests stored for the mentee. @example const e: MenteeEntry = { person, profile }; */
export interface MenteeEntry {
  readonly person: Person;
  readonly profile: MenteeProfile;
}

/** Whether an upsert created the row or replaced it. @example const r: Upserted = 'created'; */
export type Upserted = 'created' | 'updated';

async function upsertPerson(q: Queryable, person: Person): Promise<void> {
  await q.query(
    'insert into persons (id, data) values ($1, $2::text::jsonb) on conflict (id) do update set data = excluded.data',
    [person.id, JSON.stringify(person)],
  );
}

async function upsert(q: Queryable, sql: string, params: readonly unknown[]): Promise<Upserted> {
  // xmax = 0 on the returned row means it was inserted, not updated.
  const r = await q.query<{ inserted: boolean }>(`${sql} returning (xmax = 0) as inserted`, params);
  return r.rows[0]?.inserted ? 'created' : 'updated';
}

/**
 * The registries of a school (банк наставников, база наставляемых, согласия,
 * запросы) over a {@link Db}. Registries are updated at least yearly, so
 * writes are upserts by id. Callers validate with the core schemas first.
 *
 * @example
 * const registry = createRegistry(db);
 * await registry.putMentor(parse(PersonSchema, body.person), parse(MentorProfileSchema, body.profile));
 */
export function createRegistry(db: Db) {
  async function requestsByMentee(): Promise<Map<string, Request[]>> {
    const r = await db.query<{ mentee_id: string; data: Request }>(
      'select mentee_id, data from requests order by mentee_id, id',
    );
    const map = new Map<string, Request[]>();
    for (const row of r.rows) map.set(row.mentee_id, [...(map.get(row.mentee_id) ?? []), row.data]);
    return map;
  }

  return {
    putMentor(person: Person, profile: MentorProfile): Promise<Upserted> {
      return db.transaction(async (tx) => {
        await upsertPerson(tx, person);
        return upsert(
          tx,
          'insert into mentor_profiles (person_id, data) values ($1, $2::text::jsonb) on conflict (person_id) do update set data = excluded.data',
          [person.id, JSON.stringify(profile)],
        );
      });
    },

    /** A mentee and the requests in the profile (stored in the requests registry). */
    putMentee(person: Person, profile: MenteeProfile): Promise<Upserted> {
      return db.transaction(async (tx) => {
        await upsertPerson(tx, person);
        const { requests, ...rest } = profile;
        const result = await upsert(
          tx,
          'insert into mentee_profiles (person_id, data) values ($1, $2::text::jsonb) on conflict (person_id) do update set data = excluded.data',
          [person.id, JSON.stringify(rest)],
        );
        for (const request of requests) await putRequestIn(tx, request);
        return result;
      });
    },

    putConsent(consent: Consent): Promise<Upserted> {
      return upsert(
        db,
        'insert into consents (id, person_id, data) values ($1, $2, $3::text::jsonb) on conflict (id) do update set person_id = excluded.person_id, data = excluded.data',
        [consent.id, consent.personId, JSON.stringify(consent)],
      );
    },

    putRequest(request: Request): Promise<Upserted> {
      return putRequestIn(db, request);
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
      const r = await db.query<{ person: Person; profile: MentorProfile }>(
        'select p.data as person, m.data as profile from mentor_profiles m join persons p on p.id = m.person_id order by p.id',
      );
      return r.rows;
    },

    async mentees(): Promise<MenteeEntry[]> {
      const r = await db.query<{ person: Person; profile: Omit<MenteeProfile, 'requests'> }>(
        'select p.data as person, m.data as profile from mentee_profiles m join persons p on p.id = m.person_id order by p.id',
      );
      const requests = await requestsByMentee();
      return r.rows.map((row) => ({
        person: row.person,
        profile: { ...row.profile, requests: requests.get(row.person.id) ?? [] },
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

    async requests(): Promise<Request[]> {
      const r = await db.query<{ data: Request }>('select data from requests order by id');
      return r.rows.map((row) => row.data);
    },

    async isEmpty(): Promise<boolean> {
      return (await db.query('select 1 from persons limit 1')).rows.length === 0;
    },
  };

  function putRequestIn(q: Queryable, request: Request): Promise<Upserted> {
    return upsert(
      q,
      'insert into requests (id, mentee_id, data) values ($1, $2, $3::text::jsonb) on conflict (id) do update set mentee_id = excluded.mentee_id, data = excluded.data',
      [request.id, request.menteeId, JSON.stringify(request)],
    );
  }
}

/** The registry's interface. @example const r: Registry = createRegistry(db); */
export type Registry = ReturnType<typeof createRegistry>;
