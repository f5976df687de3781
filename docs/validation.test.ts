// One validation path: every package validates through core's `parse`/`safeParse`, so the same
// mistake gets the same code (and the same params) whichever package's function it was passed to.
import {
  IsoDateSchema,
  isNastavnikError,
  NastavnikError,
  PersonSchema,
  parse,
  safeParse,
} from '@nastavnik/core';
import { formatDateLong } from '@nastavnik/documents';
import { computeIndicators, parseDataset } from '@nastavnik/indicators';
import { matchOptimal, matchStable } from '@nastavnik/matching';
import { describe, expect, it } from 'vitest';

function codeOf(run: () => unknown): { code: string; path: readonly (string | number)[]; params: unknown } {
  try {
    run();
  } catch (error) {
    expect(isNastavnikError(error)).toBe(true);
    const e = error as NastavnikError;
    return { code: e.code, path: e.path, params: e.issues[0]?.params };
  }
  throw new Error('expected a NastavnikError');
}

const period = { kind: 'academicYear', year: '2023-2024' } as const;
const dataset = () => parseDataset({ organizations: [{ id: 'r', kind: 'region', name: 'Область' }] });

describe('one validation path across packages', () => {
  it('a malformed date is invalid_format (format date) in core, indicators and documents', () => {
    const core = codeOf(() => parse(IsoDateSchema, '31.08.2023', ['asOf']));
    const indicators = codeOf(() => computeIndicators(dataset(), { asOf: '31.08.2023', period }));
    const documents = codeOf(() => formatDateLong('31.08.2023'));
    for (const r of [core, indicators, documents]) {
      expect(r.code).toBe('invalid_format');
      expect(r.params).toEqual({ format: 'date' });
    }
    expect(indicators.path).toEqual(['asOf']);
  });

  it('a missing date is required — not invalid_type, not invalid_format — in core and indicators', () => {
    expect(codeOf(() => parse(IsoDateSchema, undefined, ['asOf'])).code).toBe('required');
    const r = codeOf(() => computeIndicators(dataset(), { period } as never));
    expect(r).toMatchObject({ code: 'required', path: ['asOf'] });
  });

  it('a missing list is required with its path in core, indicators and matching', () => {
    const core = safeParse(PersonSchema, { id: 'p1', organizationId: 'o1', category: 'teacher' });
    expect(!core.ok && core.error.code).toBe('required');
    const matching = codeOf(() => matchOptimal({ date: '2023-09-01', mentees: [] } as never));
    const stable = codeOf(() => matchStable({ date: '2023-09-01', mentees: [] } as never));
    expect(matching).toMatchObject({ code: 'required', path: ['mentors'] });
    expect(stable).toMatchObject({ code: 'required', path: ['mentors'] });
  });

  it('a value of the wrong type is invalid_type in core, indicators and matching', () => {
    const core = safeParse(PersonSchema, { id: 'p1', organizationId: 'o1', category: 'teacher', name: 7 });
    expect(!core.ok && core.error.code).toBe('invalid_type');
    expect(
      codeOf(() => parseDataset({ organizations: [{ id: 'r', kind: 'region', name: 'Область' }], pairs: 7 }))
        .code,
    ).toBe('invalid_type');
    expect(codeOf(() => matchOptimal({ date: '2023-09-01', mentors: 7, mentees: [] } as never)).code).toBe(
      'invalid_type',
    );
  });

  it('never lets a raw zod error or TypeError through', () => {
    for (const bad of [null, 7, 'x', [], { mentors: null }]) {
      for (const run of [
        () => matchOptimal(bad as never),
        () => matchStable(bad as never),
        () => parseDataset(bad),
      ]) {
        expect(() => run()).toThrow(NastavnikError);
      }
    }
  });
});
