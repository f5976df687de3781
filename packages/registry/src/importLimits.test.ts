import type { MentorWithProfile } from '@nastavnik/core';
import { isNastavnikError, type NastavnikError } from '@nastavnik/core';
import { exportRegistry, importRegistry } from '@nastavnik/registry';
import { describe, expect, it } from 'vitest';
import { consentCheckFor } from './__fixtures__/consents';
import { farApart, sheetOf } from './__fixtures__/crafted';

const enc = (s: string) => new TextEncoder().encode(s);

async function refusal(p: Promise<unknown>): Promise<NastavnikError> {
  try {
    await p;
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a NastavnikError');
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (code: number) => {
    out[o + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[o + (endian === 'le' ? 1 : 0)] = code >> 8;
    o += 2;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

const UNICODE_TEXT = 'ФИО\tДата рождения\tДолжность\r\nИванова Анна Сергеевна\t12.03.1985\tучитель\r\n';

describe('import: sizes are bounded, valid files are never refused', () => {
  it('a sheet with data in rows 2 and 150,000 imports both rows (no stack overflow)', async () => {
    const r = await importRegistry(await farApart(150_000), { kind: 'mentors', organizationId: 'sch-1' });
    expect(r.totals).toEqual({ read: 2, accepted: 2, rejected: 0, empty: 149_997 });
    expect(r.rows).toEqual([2, 150_000]);
    expect(r.emptyRows[0]).toBe(3);
    expect(r.emptyRows.at(-1)).toBe(149_999);
  });

  it('a 32,768-character quoted CSV cell is a cell-length error naming row and column, not an unclosed quote', async () => {
    const e = await refusal(
      importRegistry(enc(`ФИО;Дата рождения\n"${'я'.repeat(32_768)}";01.02.1980\n`), {
        kind: 'mentors',
        organizationId: 'sch-1',
      }),
    );
    expect(e.issues[0]).toMatchObject({
      code: 'too_big',
      params: { limit: 'maxCellLength', maxCellLength: 32_767, row: 2, column: 'A' },
    });
    expect(e.issues[0]?.message).not.toMatch(/кавычк/);
    expect(e.issues[0]?.messageEn).not.toMatch(/quote/);
  });

  it('a 32,767-character cell is still read (Excel allows it): the file is not refused', async () => {
    const r = await importRegistry(enc(`ФИО;Должность\nИванов Иван;"${'я'.repeat(32_767)}"\n`), {
      kind: 'mentors',
      organizationId: 'sch-1',
    });
    expect(r.totals).toMatchObject({ read: 1, rejected: 1 });
    expect(r.rejected[0]).toMatchObject({ row: 2, column: 'B', code: 'too_big' });
  });

  it('the same cell-length limit holds in XLSX, with the same error', async () => {
    const bytes = await sheetOf(
      new Map([
        [1, ['ФИО', 'Дата рождения']],
        [2, ['Иванов Иван', 'я'.repeat(32_768)]],
      ]),
    );
    const e = await refusal(importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1' }));
    expect(e.issues[0]).toMatchObject({
      code: 'too_big',
      params: { limit: 'maxCellLength', maxCellLength: 32_767, row: 2, column: 'B' },
    });
  });

  it('limits are options, applied alike to CSV and XLSX', async () => {
    const rows = [
      ['ФИО', 'Дата рождения'],
      ['Иванов Иван', '01.02.1980'],
      ['Петров Пётр Петрович', '03.04.1981'],
    ];
    const csv = enc(rows.map((r) => r.join(';')).join('\n'));
    const xlsx = await sheetOf(new Map(rows.map((r, i) => [i + 1, r])));
    for (const bytes of [csv, xlsx]) {
      const long = await refusal(
        importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1', maxCellLength: 13 }),
      );
      expect(long.issues[0]).toMatchObject({ params: { limit: 'maxCellLength', row: 3, column: 'A' } });
      const many = await refusal(
        importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1', maxRows: 1 }),
      );
      expect(many.issues[0]).toMatchObject({ code: 'too_big', params: { limit: 'maxRows', maxRows: 1 } });
    }
  });

  it('bad limits are refused at the boundary with a typed error', async () => {
    const e = await refusal(
      importRegistry(enc('ФИО\nИванов Иван\n'), {
        kind: 'mentors',
        organizationId: 'sch-1',
        maxCellLength: 0,
      }),
    );
    expect(e.issues[0]?.path).toEqual(['options', 'maxCellLength']);
  });

  it("Excel's «Unicode text» (UTF-16 LE with BOM, tab-separated) is detected and imported", async () => {
    const r = await importRegistry(utf16(UNICODE_TEXT, 'le', true), {
      kind: 'mentors',
      organizationId: 'sch-1',
    });
    expect(r.source).toMatchObject({ format: 'csv', encoding: 'utf-16le', separator: '\t' });
    expect(r.records.map((m: MentorWithProfile) => m.person.name.lastName)).toEqual(['Иванова']);
    expect(r.records[0]?.person.birthDate).toBe('1985-03-12');
  });

  it('UTF-16 big-endian, and UTF-16 without a BOM, are detected too', async () => {
    const be = await importRegistry(utf16(UNICODE_TEXT, 'be', true), {
      kind: 'mentors',
      organizationId: 'sch-1',
    });
    expect(be.source.encoding).toBe('utf-16be');
    expect(be.totals.accepted).toBe(1);
    const bare = await importRegistry(utf16(UNICODE_TEXT, 'le', false), {
      kind: 'mentors',
      organizationId: 'sch-1',
    });
    expect(bare.source.encoding).toBe('utf-16le');
    expect(bare.records[0]?.person.name.firstName).toBe('Анна');
  });

  it('a text longer than its field can hold is a row issue, and the other rows are kept', async () => {
    const r = await importRegistry(
      enc(`ФИО;Дата рождения\n${'Иванов '.repeat(100)};01.02.1980\nПетров Пётр;03.04.1981\n`),
      { kind: 'mentors', organizationId: 'sch-1' },
    );
    expect(r.totals).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ row: 2, column: 'A', code: 'too_big' });
  });

  it('a list cell with thousands of commas is read in linear time (a row issue, not a stall)', async () => {
    const cell = 'лидерство, '.repeat(300);
    const t0 = performance.now();
    const r = await importRegistry(enc(`ФИО;Компетенции\nИванов Иван;"${cell}"\n`), {
      kind: 'mentors',
      organizationId: 'sch-1',
    });
    expect(r.totals.read).toBe(1);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('round trip still holds for an ordinary export', async () => {
    const bytes = await exportRegistry([], {
      kind: 'mentors',
      format: 'xlsx',
      consentCheck: consentCheckFor('mentors', []),
    });
    const r = await importRegistry(bytes, { kind: 'mentors', organizationId: 'sch-1' });
    expect(r.totals.read).toBe(0);
  });
});
