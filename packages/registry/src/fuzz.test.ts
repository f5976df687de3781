import { isNastavnikError } from '@nastavnik/core';
import { exportRegistry, importRegistry, type RegistryKind } from '@nastavnik/registry';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentCheckFor } from './__fixtures__/consents';

const KINDS: readonly RegistryKind[] = ['mentors', 'mentees', 'consents', 'pairs'];

/** Resolves to a result or rejects with a NastavnikError, within `ms`; never anything else. */
async function outcome(bytes: Uint8Array, kind: RegistryKind, ms = 5000): Promise<'result' | 'error'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hang')), ms);
  });
  try {
    const r = await Promise.race([importRegistry(bytes, { kind, organizationId: 'o' }), timeout]);
    expect(r.totals.read).toBe(r.totals.accepted + r.totals.rejected);
    expect(r.records.length).toBeLessThanOrEqual(r.totals.accepted);
    return 'result';
  } catch (e) {
    if (!isNastavnikError(e)) throw e;
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzz: random input gives a result or a NastavnikError, never a crash or a hang', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...KINDS), async (bytes, kind) => {
        await outcome(bytes, kind);
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes behind a zip signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        await outcome(bytes, 'mentors');
      }),
      { numRuns: 60 },
    );
  });

  it('random text CSV with registry headers', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'ФИО',
        'Дата рождения',
        'Стаж',
        '"',
        '""',
        ';',
        '\n',
        '31.02.2023',
        'Иванов Иван',
        '=1+1',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }),
        fc.constantFrom(...KINDS),
        async (rows, kind) => {
          const text = [
            ['ФИО', 'Дата рождения', 'Стаж', 'ID участника', 'ID наставника', 'ID наставляемых'],
            ...rows,
          ]
            .map((r) => r.join(';'))
            .join('\n');
          await outcome(new TextEncoder().encode(text), kind);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random malformed sheets: odd cell types, formulas, errors, merges', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.constant({ formula: 'A1+1', result: 7 }),
      fc.constant({ error: '#N/A' }),
      fc.constant({ richText: [{ text: 'Иванов ' }, { text: 'Иван' }] }),
      fc.constant(null),
      fc.constantFrom('ФИО', 'Фамилия', 'Имя', 'Дата рождения', 'Компетенции', 'Класс', 'Группа'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 25 }),
        fc.boolean(),
        fc.constantFrom(...KINDS),
        async (rows, merge, kind) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('Лист1');
          rows.forEach((r, i) => {
            r.forEach((v, j) => {
              ws.getRow(i + 1).getCell(j + 1).value = v as ExcelJS.CellValue;
            });
          });
          if (merge && rows.length > 2) ws.mergeCells('A1:B2');
          const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
          await outcome(bytes, kind);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('exportRegistry: any records give a file or a NastavnikError, never a crash or a formula', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }),
        fc.constantFrom(...KINDS),
        fc.constantFrom('xlsx' as const, 'csv' as const),
        async (records, kind, format) => {
          try {
            const bytes = await exportRegistry(records as never[], {
              kind,
              format,
              consentCheck: consentCheckFor(kind, records),
            });
            expect(bytes.byteLength).toBeGreaterThan(0);
            if (format === 'csv') expect(new TextDecoder().decode(bytes)).not.toContain('[object Object]');
          } catch (e) {
            if (!isNastavnikError(e)) throw e;
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('truncated and bit-flipped XLSX files', async () => {
    const good = await exportRegistry([], {
      kind: 'mentors',
      format: 'xlsx',
      consentCheck: consentCheckFor('mentors', []),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: good.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 8 }),
        async (cut, flips) => {
          const bytes = good.slice(0, cut);
          for (const f of flips) {
            const i = 4 + (f.at % Math.max(1, bytes.length - 4));
            if (i < bytes.length) bytes[i] = (bytes[i] ?? 0) ^ f.xor;
          }
          await outcome(bytes, 'mentors');
        },
      ),
      { numRuns: 60 },
    );
  });
});
