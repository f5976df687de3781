import { exportRegistry, importRegistry } from '@nastavnik/registry';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

// exceljs' streaming reader can lose the workbook part under load; the reader
// then re-reads the bytes. A file that really has no workbook part must end in
// a typed error after the retries, never in rows read without their strings.
describe('an XLSX without its workbook part', () => {
  it('is reported as damaged, not read as a sheet of empty cells', async () => {
    const bytes = await exportRegistry([], { kind: 'consents', format: 'xlsx' });
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('xl/workbook.xml');
    zip.remove('xl/_rels/workbook.xml.rels');
    const damaged = await zip.generateAsync({ type: 'uint8array' });
    await expect(
      importRegistry(damaged, { kind: 'consents', organizationId: 'sch-1' }),
    ).rejects.toMatchObject({
      name: 'NastavnikError',
    });
  });

  it('reads the same file intact, header and all', async () => {
    const bytes = await exportRegistry([], { kind: 'consents', format: 'xlsx' });
    const r = await importRegistry(bytes, { kind: 'consents', organizationId: 'sch-1' });
    expect(r.totals).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(r.source.columns.length).toBeGreaterThan(0);
  });
});
