import {
  ConsentSchema,
  IsoDateSchema,
  isNastavnikError,
  MenteeProfileSchema,
  MentorProfileSchema,
  OrganizationSchema,
  PairSchema,
  PersonIdSchema,
  PersonSchema,
  RequestSchema,
} from '@nastavnik/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { type Db, sqlState } from './db';
import { renderPairsOrderDocx } from './documents';
import { HttpProblem, jsonBody, notFound, unknownReference, validate } from './http';
import { schoolIndicators } from './indicators';
import { runMatching } from './matching';
import { initialPairSnapshot, type PersistedPair, pairEventSchema, pairTransition, pairView } from './pairs';
import { createRegistry, type Registry } from './registry';
import { createEventStore, type EventStore } from './store';

/**
 * A line for the access log: method, route pattern, status, duration. Never
 * a body, a query string or a header: those may carry personal data.
 *
 * @example
 * const log: AccessLog = (e) => console.log(`${e.method} ${e.route} ${e.status} ${e.ms}ms`);
 */
export type AccessLog = (entry: { method: string; route: string; status: number; ms: number }) => void;

/** Options of {@link createApp}. @example createApp({ db, log: () => {} }) */
export interface AppOptions {
  readonly db: Db;
  readonly log?: AccessLog;
  /** Failures that are not the client's: the error's name and SQL state only. */
  readonly logError?: (entry: { route: string; error: string }) => void;
}

/**
 * The school's own data the documents need: the organization, its head (who
 * signs orders) and the curator of the programme.
 *
 * @example
 * SchoolSchema.parse({ organization, head, curatorId: 'sch1-t01' });
 */
export const SchoolSchema = z.object({
  organization: OrganizationSchema,
  head: PersonSchema,
  curatorId: PersonIdSchema.optional(),
});
/** The school record. @example const s: School = SchoolSchema.parse(raw); */
export type School = z.infer<typeof SchoolSchema>;

const EventEnvelopeSchema = z.object({
  event: z.unknown(),
  /** The version the client saw (`GET /pairs/:id`); omitted: apply on top of whatever is there. */
  expectedVersion: z.number().int().min(0).optional(),
  /** The client's id for the event: retrying with the same id never applies it twice. */
  eventId: z.string().trim().min(1).max(200).optional(),
});

const CreatePairSchema = z.object({ pair: z.unknown(), date: IsoDateSchema });

const versionFromIfMatch = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const m = /^"?(\d+)"?$/.exec(v.trim());
  return m ? Number(m[1]) : undefined;
};

/**
 * The HTTP JSON API of the school service (Hono). Every body is validated
 * with the core schemas; bad input is a 400 with `NastavnikError.toJSON()`.
 * Pair events go through the pair machine and the event store: a refused
 * event is a 409 with the machine's refusal, a stale `expectedVersion` a 409
 * with code `version_conflict`.
 *
 * @example
 * const app = createApp({ db: await openDb({}) });
 * const res = await app.request('/pairs');
 */
export function createApp(options: AppOptions) {
  const { db } = options;
  const registry: Registry = createRegistry(db);
  const store: EventStore = createEventStore(db);
  const app = new Hono();

  app.use('*', bodyLimit({ maxSize: 1024 * 1024 }));
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    options.log?.({
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10,
    });
  });

  app.onError((error, c) => {
    if (isNastavnikError(error)) return c.json(error.toJSON(), 400);
    if (error instanceof HttpProblem) return c.json(error.body, error.status);
    const state = sqlState(error);
    options.logError?.({ route: c.req.routePath, error: state ? `${error.name}/${state}` : error.name });
    return c.json(
      {
        name: 'InternalError',
        code: 'internal',
        message: 'Внутренняя ошибка сервиса',
        messageEn: 'Internal service error',
      },
      500,
    );
  });
  app.notFound((c) =>
    c.json(
      { name: 'NotFound', code: 'not_found', message: 'Нет такого адреса', messageEn: 'No such route' },
      404,
    ),
  );

  app.get('/health', async (c) => {
    await db.query('select 1');
    return c.json({ ok: true, storage: db.kind });
  });

  // --- the school ------------------------------------------------------------------------

  app.put('/school', async (c) => {
    const school = validate(SchoolSchema, await jsonBody(c));
    await db.query(
      `insert into settings (key, data) values ('school', $1::text::jsonb)
       on conflict (key) do update set data = excluded.data`,
      [JSON.stringify(school)],
    );
    return c.json(school);
  });
  app.get('/school', async (c) => {
    const school = await loadSchool(db);
    if (!school) throw new HttpProblem(404, notFound('school', 'school'));
    return c.json(school);
  });

  // --- registries ------------------------------------------------------------------------

  app.post('/mentors', async (c) => {
    const body = await jsonBody(c);
    const person = validate(PersonSchema, body.person, ['person']);
    const profile = validate(MentorProfileSchema, body.profile, ['profile']);
    if (profile.personId !== person.id) throw unknownReference(['profile', 'personId'], 'person');
    const r = await registry.putMentor(person, profile);
    return c.json({ person, profile }, r === 'created' ? 201 : 200);
  });
  app.get('/mentors', async (c) => c.json(await registry.mentors()));

  app.post('/mentees', async (c) => {
    const body = await jsonBody(c);
    const person = validate(PersonSchema, body.person, ['person']);
    const profile = validate(MenteeProfileSchema, body.profile, ['profile']);
    if (profile.personId !== person.id) throw unknownReference(['profile', 'personId'], 'person');
    profile.requests.forEach((r, i) => {
      if (r.menteeId !== person.id) throw unknownReference(['profile', 'requests', i, 'menteeId'], 'mentee');
    });
    const r = await registry.putMentee(person, profile);
    return c.json({ person, profile }, r === 'created' ? 201 : 200);
  });
  app.get('/mentees', async (c) => c.json(await registry.mentees()));

  app.post('/consents', async (c) => {
    const consent = validate(ConsentSchema, await jsonBody(c));
    if (!(await registry.person(consent.personId))) throw unknownReference(['personId'], 'person');
    const r = await registry.putConsent(consent);
    return c.json(consent, r === 'created' ? 201 : 200);
  });
  app.get('/consents', async (c) => c.json(await registry.consents(c.req.query('personId'))));

  app.post('/requests', async (c) => {
    const request = validate(RequestSchema, await jsonBody(c));
    if (!(await registry.isMentee(request.menteeId))) throw unknownReference(['menteeId'], 'mentee');
    const r = await registry.putRequest(request);
    return c.json(request, r === 'created' ? 201 : 200);
  });
  app.get('/requests', async (c) => c.json(await registry.requests()));

  // --- matching --------------------------------------------------------------------------

  app.post('/matching/run', async (c) => {
    const body = await jsonBody(c);
    const result = await runMatching(registry, store, body);
    return c.json(result);
  });

  // --- pairs and their events -------------------------------------------------------------

  app.post('/pairs', async (c) => {
    const body = validate(CreatePairSchema, await jsonBody(c));
    const pair = validate(PairSchema, body.pair, ['pair']);
    if (!(await registry.isMentor(pair.mentorId))) throw unknownReference(['pair', 'mentorId'], 'mentor');
    for (const [i, id] of pair.menteeIds.entries()) {
      if (!(await registry.isMentee(id))) throw unknownReference(['pair', 'menteeIds', i], 'mentee');
    }
    const people = await registry.persons([pair.mentorId, ...pair.menteeIds]);
    const snapshot = initialPairSnapshot(pair, people, body.date);
    if (!(await store.createPair(pair.id, pair, snapshot))) {
      throw new HttpProblem(409, {
        name: 'Conflict',
        code: 'duplicate_id',
        path: ['pair', 'id'],
        message: `Пара ${pair.id} уже существует`,
        messageEn: `Pair ${pair.id} already exists`,
      });
    }
    c.header('ETag', '"0"');
    return c.json({ id: pair.id, pair, version: 0, ...pairView(snapshot) }, 201);
  });

  app.get('/pairs', async (c) => {
    const pairs = await store.listPairs<unknown, PersistedPair>();
    return c.json(pairs.map((p) => ({ ...p, ...pairView(p.snapshot) })));
  });

  app.get('/pairs/:id', async (c) => {
    const id = c.req.param('id');
    const p = await store.getPair(id);
    if (!p) throw new HttpProblem(404, notFound('pair', id));
    c.header('ETag', `"${p.version}"`);
    return c.json({ ...p, ...pairView(p.snapshot) });
  });

  app.get('/pairs/:id/events', async (c) => {
    const id = c.req.param('id');
    if (!(await store.getPair(id))) throw new HttpProblem(404, notFound('pair', id));
    return c.json(await store.listEvents(id));
  });

  app.post('/pairs/:id/events', async (c) => {
    const id = c.req.param('id');
    const body = validate(EventEnvelopeSchema, await jsonBody(c));
    const event = validate(pairEventSchema, body.event, ['event']);
    const expected = body.expectedVersion ?? versionFromIfMatch(c.req.header('If-Match')) ?? 'latest';
    const eventId = body.eventId ?? c.req.header('Idempotency-Key');
    const r = await store.appendEvent(
      id,
      expected,
      event,
      pairTransition,
      eventId !== undefined ? { eventId } : {},
    );
    switch (r.kind) {
      case 'not_found':
        throw new HttpProblem(404, notFound('pair', id));
      case 'conflict':
        throw new HttpProblem(409, {
          name: 'VersionConflict',
          code: 'version_conflict',
          message: `Пара изменена другим пользователем: ожидалась версия ${r.expectedVersion}, текущая ${r.actualVersion}`,
          messageEn: `The pair changed meanwhile: expected version ${r.expectedVersion}, current ${r.actualVersion}`,
          expectedVersion: r.expectedVersion,
          actualVersion: r.actualVersion,
        });
      case 'refused':
        throw new HttpProblem(409, {
          name: 'EventRefused',
          ...r.refused,
          refusal: r.refused,
          version: r.version,
        });
      case 'duplicate':
        c.header('ETag', `"${r.version}"`);
        return c.json({ status: 'duplicate', seq: r.seq, version: r.version, ...pairView(r.snapshot) }, 200);
      case 'applied':
        c.header('ETag', `"${r.version}"`);
        return c.json({ status: 'applied', seq: r.seq, version: r.version, ...pairView(r.snapshot) }, 201);
    }
  });

  // --- documents and indicators -----------------------------------------------------------

  app.get('/documents/pairs-order.docx', async (c) => {
    const school = await loadSchool(db);
    if (!school) throw new HttpProblem(404, notFound('school', 'school'));
    const bytes = await renderPairsOrderDocx(school, registry, store, c.req.query());
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': 'attachment; filename="pairs-order.docx"',
    });
  });

  app.get('/indicators', async (c) => {
    const school = await loadSchool(db);
    if (!school) throw new HttpProblem(404, notFound('school', 'school'));
    return c.json(await schoolIndicators(school, registry, store, c.req.query()));
  });

  return app;
}

/**
 * The school record, if one was stored (`PUT /school` or the sample seed).
 *
 * @example
 * const school = await loadSchool(db);
 */
export async function loadSchool(db: Db): Promise<School | undefined> {
  const r = await db.query<{ data: School }>(`select data from settings where key = 'school'`);
  return r.rows[0]?.data;
}
