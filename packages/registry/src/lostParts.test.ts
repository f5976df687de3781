import { exportRegistry, importRegistry } from '@nastavnik/registry';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { consentCheckFor } from './__fixtures__/consents';

// A file without its workbook part (and its relations) must end in a typed
// error, never in rows read without their names and strings. (The exceljs
// reader used before could lose that part under load and re-read the bytes;
// the reader now reads the part through the zip directory, or finds none.)
describe('an XLSX without its workbook part', () => {
  it('is reported as damaged, not read as a sheet of empty cells', async () => {
    const bytes = await exportRegistry([], {
      kind: 'consents',
      format: 'xlsx',
      consentCheck: consentCheckFor('consents', []),
    });
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
    const bytes = await exportRegistry([], {
      kind: 'consents',
      format: 'xlsx',
      consentCheck: consentCheckFor('consents', []),
    });
    const r = await importRegistry(bytes, { kind: 'consents', organizationId: 'sch-1' });
    expect(r.totals).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(r.source.columns.length).toBeGreaterThan(0);
  });
});
