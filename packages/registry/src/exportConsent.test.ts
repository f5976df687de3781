import type { MentorWithProfile } from '@nastavnik/core';
import { type Consent, isNastavnikError, type NastavnikError } from '@nastavnik/core';
import { exportableRecords, exportRegistry, importRegistry } from '@nastavnik/registry';
import { describe, expect, it } from 'vitest';

function mentor(id: string): MentorWithProfile {
  return {
    person: {
      id,
      organizationId: 'sch-1',
      category: 'teacher',
      name: { lastName: 'Иванова', firstName: 'Анна' },
      birthDate: '1980-04-02',
      subjects: [],
    },
    profile: { personId: id, capacity: 1 },
  } as unknown as MentorWithProfile;
}

const consent = (personId: string, extra: Partial<Consent> = {}): Consent =>
  ({
    id: `c-${personId}`,
    personId,
    purpose: 'personalData',
    givenBy: 'self',
    givenAt: '2023-09-01',
    ...extra,
  }) as Consent;

async function refusal(p: Promise<unknown>): Promise<NastavnikError> {
  try {
    await p;
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a NastavnikError');
}

const date = '2024-05-31';
const records = [mentor('m1'), mentor('m2'), mentor('m3')];
// m2 gave no consent, m3 withdrew it in March.
const consents = [consent('m1'), consent('m3', { withdrawnAt: '2024-03-01', withdrawnBy: 'self' })];

describe('exportRegistry asks the consent policy (152-ФЗ ст. 9): never a person without what it requires', () => {
  it('refuses a file with people lacking the consent for the export, by id and purpose, never by name', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const e = await refusal(
        exportRegistry(records, { kind: 'mentors', format, consentCheck: { consents, date } }),
      );
      expect(e.issues.map((i) => [i.code, i.path, (i.params as { personId?: string }).personId])).toEqual([
        ['consent_missing', ['records', 1, 'person'], 'm2'],
        ['consent_withdrawn', ['records', 2, 'person'], 'm3'],
      ]);
      expect(JSON.stringify(e.toJSON())).not.toContain('Иванова');
    }
  });

  it('exportableRecords leaves them out with a row-level issue each; the rest exports and reads back', async () => {
    const { records: ok, omitted } = exportableRecords(records, 'mentors', { consents, date });
    expect(ok.map((r) => r.person.id)).toEqual(['m1']);
    expect(omitted.map((w) => [w.code, w.params?.record, w.params?.personId, w.params?.cause])).toEqual([
      ['consent_gap', 1, 'm2', 'consent_missing'],
      ['consent_gap', 2, 'm3', 'consent_withdrawn'],
    ]);
    for (const w of omitted) expect(`${w.message} ${w.messageEn}`).not.toContain('Иванова');
    const bytes = await exportRegistry(ok, {
      kind: 'mentors',
      format: 'csv',
      consentCheck: { consents, date },
    });
    const back = await importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1' });
    expect(back.records.map((r) => r.person.id)).toEqual(['m1']);
  });

  it('the purpose of the file is asked: a policy that requires more for a transfer than for the registry', async () => {
    const policy = {
      id: 'strict-export',
      rules: [
        { activities: ['registry' as const], purposes: ['personalData' as const] },
        { activities: ['export' as const], purposes: ['personalData' as const, 'publication' as const] },
      ],
      minorSigners: ['parent' as const, 'guardian' as const],
      retention: { purposeAchievedDays: 30, withdrawalDays: 30, onPurposeAchieved: 'destroy' as const },
    };
    const one = [mentor('m1')];
    await expect(
      exportRegistry(one, {
        kind: 'mentors',
        format: 'csv',
        consentCheck: { consents, date, policy, activity: 'registry' },
      }),
    ).resolves.toBeInstanceOf(Uint8Array);
    const e = await refusal(
      exportRegistry(one, { kind: 'mentors', format: 'csv', consentCheck: { consents, date, policy } }),
    );
    expect(e.issues.map((i) => [i.code, (i.params as { purpose?: string }).purpose])).toEqual([
      ['consent_missing', 'publication'],
    ]);
  });

  it('a missing consent check is refused: a typed `required` error at options.consentCheck, nothing written', async () => {
    for (const kind of ['mentors', 'mentees', 'consents', 'pairs'] as const) {
      for (const format of ['xlsx', 'csv'] as const) {
        const e = await refusal(exportRegistry(kind === 'mentors' ? records : [], { kind, format } as never));
        expect([e.code, e.path]).toEqual(['required', ['options', 'consentCheck']]);
        // The catalogue's messages, Russian and English, naming the field and no person.
        expect(e.message).toContain('consentCheck');
        expect(e.messageEn).toContain('consentCheck');
        expect(e.message).not.toBe(e.messageEn);
        expect(JSON.stringify(e.toJSON())).not.toContain('Иванова');
      }
    }
  });

  it('a bad consent check is a typed error at its path', async () => {
    const e = await refusal(
      exportRegistry(records, {
        kind: 'mentors',
        format: 'csv',
        consentCheck: { consents, date: '31.05.2024' as never },
      }),
    );
    expect(e.issues[0]?.path.slice(0, 3)).toEqual(['options', 'consentCheck', 'date']);
  });
});
