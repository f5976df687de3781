import { IndicatorDatasetSchema, parseDataset } from '@nastavnik/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastDataset } from './_internal/fastDataset';

/** Mostly valid values, sometimes one the schema refuses. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });

const id = mostly(
  fc.constantFrom('a', 'sch-1', 'p 2', 'x'.repeat(200)),
  fc.constantFrom('', 'x'.repeat(201), 7, null),
);
const key = mostly(
  fc.constantFrom('traditional', 'educatorEducator', 'a.b-c_1'),
  fc.constantFrom('1abc', '', 'a b', 'x'.repeat(65), 3),
);
const date = mostly(
  fc.constantFrom('2023-09-01', '2024-02-29', '2024-05-31', '2022-12-31'),
  fc.constantFrom('2023-02-29', '2023-13-01', '2023-9-1', '', 20230901, '2023-09-01T00:00:00Z'),
);
const int = (min: number, max: number) =>
  mostly(
    fc.integer({ min, max }),
    fc.constantFrom(min - 1, max + 1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '3', 2 ** 53),
  );
const num = (min: number, max: number) =>
  mostly(
    fc.double({ min, max, noNaN: true }),
    fc.constantFrom(min - 1, max + 1, Number.NaN, Number.NEGATIVE_INFINITY, '3'),
  );
const oneOf = (valid: string[], invalid: unknown[]) =>
  mostly(fc.constantFrom(...valid), fc.constantFrom(...invalid));
const list = <T>(item: fc.Arbitrary<T>, min: number) =>
  mostly(fc.array(item, { minLength: min, maxLength: 3 }), fc.constantFrom([], 'x', null));

/** A record whose fields may be missing, with sometimes a key the schema strips or set to undefined. */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T, required: (keyof T & string)[]) {
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: required }),
      fc.record({ stray: fc.constantFrom('x') }, { requiredKeys: [] }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom(...required),
    )
    .map(([r, stray, roll, drop]) => {
      const out: Record<string, unknown> = { ...r, ...(roll === 0 ? stray : {}) };
      if (roll === 1) delete out[drop];
      if (roll === 2) out[drop] = undefined;
      return out;
    });
}

const person = record(
  {
    id,
    organizationId: id,
    category: oneOf(['pupil', 'teacher', 'head'], ['alien', 1]),
    birthDate: date,
    age: int(0, 120),
    experienceYears: num(0, 70),
    leftAt: date,
  },
  ['id', 'organizationId', 'category'],
);
const mentor = record(
  {
    personId: id,
    organizationId: id,
    capacity: int(0, 1000),
    training: list(record({ hours: num(0.5, 2000), completedAt: date }, ['hours', 'completedAt']), 0),
  },
  ['personId', 'organizationId', 'capacity'],
);
const request = record({ id, menteeId: id, organizationId: id, createdAt: date }, [
  'id',
  'menteeId',
  'organizationId',
  'createdAt',
]);
const pair = record(
  {
    id,
    organizationId: id,
    mentorId: id,
    menteeIds: list(id, 1),
    form: key,
    formats: list(key, 1),
    status: oneOf(['proposed', 'approved', 'active', 'completed', 'terminated'], ['done']),
    approvedAt: date,
    completedAt: date,
    terminatedAt: date,
    terminationReason: oneOf(['mentorInitiative', 'mutualDecision', 'curatorInitiative'], ['bored']),
    extended: mostly(fc.boolean(), fc.constantFrom('yes', 0)),
    meetingsHeld: int(0, 10000),
    meetingsPlanned: int(0, 10000),
    requestIds: list(id, 0),
  },
  ['id', 'organizationId', 'mentorId', 'menteeIds', 'form', 'formats', 'status'],
);
const response = record(
  {
    respondentId: id,
    organizationId: id,
    role: oneOf(['mentor', 'mentee'], ['parent']),
    kind: oneOf(['satisfaction', 'selfAssessmentEntry', 'selfAssessmentFinal'], ['nps']),
    score: int(1, 10),
    submittedAt: date,
  },
  ['respondentId', 'organizationId', 'role', 'kind', 'score', 'submittedAt'],
);
const activity = record({ organizationId: id, activityId: id, due: date, doneAt: date }, [
  'organizationId',
  'activityId',
  'due',
]);
const counter = record({ organizationId: id, key, value: num(-1e6, 1e6) }, [
  'organizationId',
  'key',
  'value',
]);
const dataset = fc.record(
  {
    organizations: mostly(
      fc.constant([{ id: 'sch-1', kind: 'school', name: 'Школа' }]),
      fc.constantFrom([], [{ id: 'sch-1', kind: 'planet', name: 'X' }]),
    ),
    persons: fc.array(person, { maxLength: 3 }),
    mentors: fc.array(mentor, { maxLength: 3 }),
    requests: fc.array(request, { maxLength: 3 }),
    pairs: fc.array(pair, { maxLength: 3 }),
    responses: fc.array(response, { maxLength: 3 }),
    activities: fc.array(activity, { maxLength: 3 }),
    counters: fc.array(counter, { maxLength: 3 }),
  },
  { requiredKeys: ['organizations'] },
);

describe('dataset validation fast path', () => {
  it('accepts exactly what the zod schema accepts, with the same output (property)', () => {
    let fast = 0;
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(dataset, fc.record({ persons: fc.array(person, { maxLength: 8 }) })), (raw) => {
        const input = { organizations: [{ id: 'sch-1', kind: 'school', name: 'Школа' }], ...raw };
        const expected = IndicatorDatasetSchema.safeParse(input);
        if (fastDataset(input) !== null) fast++;
        if (expected.success) valid++;
        let got: unknown;
        let threw = false;
        try {
          got = parseDataset(input);
        } catch {
          threw = true;
        }
        expect(threw).toBe(!expected.success);
        if (expected.success) expect(got).toStrictEqual(expected.data);
        // What the fast path accepts, the schema accepts too.
        if (fastDataset(input) !== null) expect(expected.success).toBe(true);
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: both valid and invalid datasets were drawn, and most valid ones took the fast path.
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(1500);
    expect(fast).toBeGreaterThan(valid / 2);
  });

  it('does not copy records already in form, and fills defaults like the schema', () => {
    const pupil = { id: 'p', organizationId: 's', category: 'pupil', age: 12 } as const;
    const mentor = { personId: 't', organizationId: 's', capacity: 2 };
    const ds = parseDataset({
      organizations: [{ id: 's', kind: 'school', name: 'Школа' }],
      persons: [pupil],
      mentors: [mentor],
    });
    expect(ds.persons[0]).toBe(pupil);
    expect(ds.mentors[0]).toEqual({ ...mentor, training: [] });
    expect(ds.pairs).toEqual([]);
  });
});
