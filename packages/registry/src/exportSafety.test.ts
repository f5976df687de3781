import type { MentorWithProfile } from '@nastavnik/core';
import { isNastavnikError, type NastavnikError, startsFormula } from '@nastavnik/core';
import { exportRegistry, importRegistry } from '@nastavnik/registry';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { consentCheckFor } from './__fixtures__/consents';

// Invalid records are refused before the consent policy is asked.
const none = consentCheckFor('mentors', []);

function mentor(position: string, id = 'm1'): MentorWithProfile {
  return {
    person: {
      id,
      organizationId: 'sch-1',
      category: 'teacher',
      name: { lastName: 'Иванова', firstName: 'Анна' },
      position,
      subjects: [],
    },
    profile: { personId: id, capacity: 1 },
  } as unknown as MentorWithProfile;
}

async function refusal(p: Promise<unknown>): Promise<NastavnikError> {
  try {
    await p;
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a NastavnikError');
}

const HIDERS = ['', ' ', '\u00a0', '\n', '\u200b', '\ufeff', '\u3000'];
const STARTS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
const PAYLOAD = 'HYPERLINK("http://evil.example","Нажмите")';

/** Every text of the first worksheet of an XLSX, and whether it holds a formula element. */
async function xlsxTexts(bytes: Uint8Array): Promise<{ texts: string[]; formulas: boolean }> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const texts = [...shared.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  return { texts, formulas: /<f[ >]/.test(sheet) };
}

describe('exportRegistry: records validated first, formula starts neutralised', () => {
  it('an unvalidated record (a formula object where a text belongs) is a typed error, in XLSX and CSV', async () => {
    const bad = mentor('учитель') as unknown as { person: { name: { lastName: unknown } } };
    bad.person.name.lastName = { formula: PAYLOAD };
    for (const format of ['xlsx', 'csv'] as const) {
      const e = await refusal(
        exportRegistry([bad as unknown as MentorWithProfile], {
          kind: 'mentors',
          format,
          consentCheck: none,
        }),
      );
      expect(e.issues[0]?.path.slice(0, 5)).toEqual(['records', 0, 'person', 'name', 'lastName']);
    }
  });

  it('an object where a text belongs never becomes «[object Object]» in CSV', async () => {
    const bad = mentor('учитель') as unknown as { person: { position: unknown } };
    bad.person.position = { toString: () => 'x' };
    const e = await refusal(
      exportRegistry([bad as unknown as MentorWithProfile], {
        kind: 'mentors',
        format: 'csv',
        consentCheck: none,
      }),
    );
    expect(e.issues[0]?.path).toEqual(['records', 0, 'person', 'position']);
  });

  it('a record that is not an object is refused with its index', async () => {
    const e = await refusal(
      exportRegistry([null as unknown as MentorWithProfile], {
        kind: 'mentors',
        format: 'csv',
        consentCheck: none,
      }),
    );
    expect(e.issues[0]?.path.slice(0, 2)).toEqual(['records', 0]);
  });

  it('formula starts behind spaces, NBSP, line feeds, zero-width characters, BOM and fullwidth signs are guarded in CSV', async () => {
    const records = HIDERS.flatMap((h, i) =>
      STARTS.map((s, j) => mentor(`${h}${s}${PAYLOAD}`, `m${i}-${j}`)),
    );
    const csv = new TextDecoder().decode(
      await exportRegistry(records, {
        kind: 'mentors',
        format: 'csv',
        consentCheck: consentCheckFor('mentors', records),
      }),
    );
    const cells = csv.split(/;|\r\n/).map((c) => (c.startsWith('"') ? c.slice(1).replace(/""/g, '"') : c));
    const dangerous = cells.filter((c) => c.includes('HYPERLINK') && startsFormula(c));
    expect(dangerous).toEqual([]);
    expect(cells.filter((c) => c.includes('HYPERLINK')).every((c) => c.startsWith("'"))).toBe(true);
  });

  it('the same in XLSX: no formula element, every such text guarded; import restores the values', async () => {
    const records = HIDERS.flatMap((h, i) =>
      STARTS.map((s, j) => mentor(`${h}${s}${PAYLOAD}`, `m${i}-${j}`)),
    );
    const bytes = await exportRegistry(records, {
      kind: 'mentors',
      format: 'xlsx',
      consentCheck: consentCheckFor('mentors', records),
    });
    const { texts, formulas } = await xlsxTexts(bytes);
    expect(formulas).toBe(false);
    const payloads = texts.filter((t) => t.includes('HYPERLINK'));
    // The schema trims the texts (spaces, NBSP, BOM); the shared-string table holds each once.
    const distinct = new Set(records.map((r) => r.person.position?.trim()));
    expect(payloads).toHaveLength(distinct.size);
    expect(payloads.filter((t) => !t.startsWith("'") || startsFormula(t))).toEqual([]);
    const back = await importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1' });
    expect(back.totals.accepted).toBe(records.length);
    const positions = back.records.map((r: MentorWithProfile) => r.person.position);
    expect(positions.every((p) => p !== undefined && !p.startsWith("'"))).toBe(true);
    expect(positions).toContain(`＝${PAYLOAD}`);
    expect(positions).toContain(`\u200b=${PAYLOAD}`);
  });

  it('a text that already starts with an apostrophe before a formula sign survives the round trip', async () => {
    const one = [mentor(`'=${PAYLOAD}`)];
    const bytes = await exportRegistry(one, {
      kind: 'mentors',
      format: 'csv',
      consentCheck: consentCheckFor('mentors', one),
    });
    const back = await importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1' });
    expect(back.records[0]?.person.position).toBe(`'=${PAYLOAD}`);
  });

  it('startsFormula leaves ordinary texts and numbers alone', () => {
    for (const t of ['Иванова', 'учитель математики', '5-9 классы', 'e-mail', "O'Neil"])
      expect(startsFormula(t)).toBe(false);
  });
});
