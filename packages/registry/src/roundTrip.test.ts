import type { MenteeWithProfile, MentorWithProfile, Person } from '@nastavnik/core';
import { generateMunicipality } from '@nastavnik/core/sample';
import {
  exportRegistry,
  importRegistry,
  type RegistryKind,
  type RegistryRecordOf,
} from '@nastavnik/registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentRecord, menteeRecord, mentorRecord, pairRecord, registry } from './__fixtures__/arbitraries';
import { consentCheckFor } from './__fixtures__/consents';

async function roundTrip<K extends RegistryKind>(
  kind: K,
  records: RegistryRecordOf<K>[],
  format: 'xlsx' | 'csv',
  encoding: 'utf-8' | 'windows-1251' = 'utf-8',
) {
  const bytes = await exportRegistry(records, {
    kind,
    format,
    encoding,
    consentCheck: consentCheckFor(kind, records),
  });
  const result = await importRegistry(bytes, { kind, organizationId: 'sch-1' });
  expect(result.rejected).toEqual([]);
  expect(result.totals.read).toBe(result.totals.accepted + result.totals.rejected);
  expect(result.records).toEqual(records);
  return result;
}

describe('export → import gives the same registry', () => {
  const cases = [
    ['mentors', mentorRecord],
    ['mentees', menteeRecord],
    ['consents', consentRecord],
    ['pairs', pairRecord],
  ] as const;
  for (const [kind, arb] of cases) {
    it(`${kind}: XLSX (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(
          registry(arb as (id: string) => fc.Arbitrary<RegistryRecordOf<typeof kind>>),
          async (recs) => {
            await roundTrip(kind, recs, 'xlsx');
          },
        ),
        { numRuns: 8 },
      );
    });
    it(`${kind}: CSV, UTF-8 and Windows-1251 (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(
          registry(arb as (id: string) => fc.Arbitrary<RegistryRecordOf<typeof kind>>),
          fc.constantFrom('utf-8' as const, 'windows-1251' as const),
          async (recs, encoding) => {
            await roundTrip(kind, recs, 'csv', encoding);
          },
        ),
        { numRuns: 30 },
      );
    });
  }

  it('a generated municipality (core generateMunicipality) survives XLSX and CSV', async () => {
    const m = generateMunicipality({ seed: 11, schools: 2, pupilsPerSchool: 30, teachersPerSchool: 12 });
    const byId = new Map<string, Person>(m.persons.map((p) => [p.id, p]));
    const mentors: MentorWithProfile[] = m.mentorProfiles.map((profile) => ({
      person: byId.get(profile.personId)!,
      profile,
    }));
    const mentees: MenteeWithProfile[] = m.menteeProfiles.map((profile) => ({
      person: byId.get(profile.personId)!,
      profile,
    }));
    for (const format of ['xlsx', 'csv'] as const) {
      // Two schools in one file: the «Код ОО» column keeps each person's school.
      await roundTrip('mentors', mentors, format);
      await roundTrip('mentees', mentees, format);
      await roundTrip('consents', [...m.consents], format);
    }
  });

  it('keeps Cyrillic intact across stream chunk boundaries in a large XLSX', async () => {
    const m = generateMunicipality({ seed: 5, schools: 1, pupilsPerSchool: 2500, teachersPerSchool: 10 });
    const byId = new Map<string, Person>(m.persons.map((p) => [p.id, p]));
    const mentees: MenteeWithProfile[] = m.menteeProfiles.map((profile) => ({
      person: byId.get(profile.personId)!,
      profile,
    }));
    expect(mentees.length).toBeGreaterThan(500);
    const bytes = await exportRegistry(mentees, {
      kind: 'mentees',
      format: 'xlsx',
      consentCheck: consentCheckFor('mentees', mentees),
    });
    // Feed it as a stream of small chunks, as an upload arrives.
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    }
    const result = await importRegistry(chunks(), { kind: 'mentees', organizationId: 'x' });
    expect(result.rejected).toEqual([]);
    expect(result.records).toEqual(mentees);
  });
});
