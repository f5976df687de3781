import * as main from '@nastavnik/registry';
import { exportRegistry, importRegistry, type RegistryKind } from '@nastavnik/registry';
import * as browser from '@nastavnik/registry/browser';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { consentRecord, menteeRecord, mentorRecord, pairRecord, registry } from './__fixtures__/arbitraries';
import { consentCheckFor } from './__fixtures__/consents';
import { exceljsSheets } from './__fixtures__/exceljsSheets';
import { makeZip } from './__fixtures__/zip';
import { decodeText, encodeWindows1251 } from './_internal/csv';
import { DEFAULT_LIMITS } from './_internal/limits';
import { type RawRow, type XlsxContext, xlsxSheets } from './_internal/sheet';

// The XLSX reader (fflate + saxes, no Node built-in, the browser entry's and
// the Node entry's) against the exceljs streaming reader the registry used
// before: the same sheets, names, rows, cells, formula marks and date system.

/** Property runs: modest by default (the exceljs oracle is slow); `XLSX_READER_RUNS=10` multiplies them for a longer hunt. */
const RUNS = (n: number) => n * Number(process.env.XLSX_READER_RUNS ?? 1);

interface Read {
  sheets: { name: string; rows: RawRow[] }[];
  date1904: boolean;
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function readWith(reader: typeof xlsxSheets, bytes: Uint8Array): Promise<Read | 'error'> {
  let date1904 = false;
  const ctx: XlsxContext = {
    limits: DEFAULT_LIMITS,
    onDate1904: (v) => {
      date1904 = v;
    },
    broken: () => new Error('broken'),
    tooLarge: () => new Error('too large'),
  };
  const sheets: Read['sheets'] = [];
  try {
    for await (const s of reader(oneChunk(bytes), ctx)) {
      const rows: RawRow[] = [];
      for await (const r of s.rows) rows.push(r);
      sheets.push({ name: s.name, rows });
    }
  } catch {
    return 'error';
  }
  return { sheets, date1904 };
}

/** The one intended difference: a formula whose cached result is 0 reads as 0 (exceljs: an empty cell). */
async function sameAsBefore(bytes: Uint8Array): Promise<Read | 'error'> {
  const now = await readWith(xlsxSheets, bytes);
  const before = await readWith(exceljsSheets, bytes);
  expect(now).toEqual(before);
  return now;
}

const enc = (s: string) => new TextEncoder().encode(s);
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A workbook of hand-written parts (what other writers than exceljs put in a file). */
function handMade(sheetXml: string, opts: { sst?: string; styles?: string; date1904?: boolean }): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const parts = [
    {
      name: 'xl/worksheets/sheet1.xml',
      data: enc(`<worksheet ${ns}><sheetData>${sheetXml}</sheetData></worksheet>`),
    },
    {
      name: '[Content_Types].xml',
      data: enc('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc(
        `<workbook ${ns} ${rel}><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Лист &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    ...(opts.sst ? [{ name: 'xl/sharedStrings.xml', data: enc(`<sst ${ns}>${opts.sst}</sst>`) }] : []),
    ...(opts.styles
      ? [{ name: 'xl/styles.xml', data: enc(`<styleSheet ${ns}>${opts.styles}</styleSheet>`) }]
      : []),
  ];
  return makeZip(parts);
}

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="&quot;г.&quot;0"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="49"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>' +
  '<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs>';

const SST = [
  '<si><t>ФИО</t></si>',
  '<si><t xml:space="preserve"> Иванов  Иван </t></si>',
  '<si><r><rPr><b/></rPr><t>Петров </t></r><r><t>Пётр</t></r></si>',
  '<si>\n  <t>с пробелами вокруг</t>\n</si>',
  '<si><t>漢字</t><rPh sb="0" eb="1"><t>かんじ</t></rPh></si>',
  '<si><t/></si>',
  '<si><t>&lt;b&gt; &amp;amp; &quot;</t></si>',
  '<si><t>=СУММ(A1)</t></si>',
];

/** A `<c>` element from its parts (attributes and children as other writers emit them). */
const cellArb = fc.record({
  col: fc.integer({ min: 1, max: 30 }),
  t: fc.constantFrom(undefined, 's', 'str', 'inlineStr', 'b', 'e', 'n', 'd'),
  s: fc.constantFrom(undefined, '0', '1', '2', '3', '4', '9'),
  f: fc.constantFrom(undefined, 'A1+1', ''),
  v: fc.option(
    fc.oneof(
      fc.constantFrom(
        '0',
        '1',
        '7',
        '-3.5',
        '45000',
        '29000.25',
        '1e3',
        'abc',
        '',
        '2023-08-31',
        '#N/A',
        '99',
      ),
      fc.string({ maxLength: 8 }).map(esc),
      fc.constantFrom('&amp;lt;x&amp;gt;', 'Иванов &amp; сын', '&#1046;'),
    ),
    { nil: undefined },
  ),
  dollar: fc.boolean(),
});

const letters = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

type CellSpec = typeof cellArb extends fc.Arbitrary<infer T> ? T : never;

function cellXml(c: CellSpec, row: number): string {
  // A formula's cached 0 is the one intended difference, tested on its own.
  if (c.f && c.t !== 'str' && Number.parseFloat(c.v ?? '') === 0) return cellXml({ ...c, v: '7' }, row);
  const ref = c.dollar ? `$${letters(c.col)}$${row}` : `${letters(c.col)}${row}`;
  const attrs = `r="${ref}"${c.t ? ` t="${c.t}"` : ''}${c.s ? ` s="${c.s}"` : ''}`;
  const f = c.f === undefined ? '' : c.f === '' ? '<f t="shared" si="0"/>' : `<f>${c.f}</f>`;
  if (c.v === undefined) return `<c ${attrs}>${f}</c>`;
  const v = c.t === 'inlineStr' ? `<is><t>${c.v}</t></is>` : `<v>${c.v}</v>`;
  return `<c ${attrs}>${f}${v}</c>`;
}

const sheetArb = fc.record({
  rows: fc.array(
    fc.record({
      gap: fc.integer({ min: 1, max: 3 }),
      s: fc.constantFrom(undefined, '1', '2'),
      cells: fc.array(cellArb, { maxLength: 8 }),
    }),
    { maxLength: 12 },
  ),
  sst: fc.boolean(),
  styles: fc.boolean(),
  date1904: fc.boolean(),
});

describe('the XLSX reader gives the rows the exceljs reader gave', () => {
  it('hand-written sheets: every cell type, styles, shared and inline strings, entities (property)', async () => {
    await fc.assert(
      fc.asyncProperty(sheetArb, async (sheet) => {
        let n = 0;
        const xml = sheet.rows
          .map((r) => {
            n += r.gap;
            return `<row r="${n}"${r.s ? ` s="${r.s}" customFormat="1"` : ''}>${r.cells.map((c) => cellXml(c, n)).join('')}</row>`;
          })
          .join('');
        const bytes = handMade(xml, {
          ...(sheet.sst ? { sst: SST.join('') } : {}),
          ...(sheet.styles ? { styles: STYLES } : {}),
          date1904: sheet.date1904,
        });
        await sameAsBefore(bytes);
      }),
      { numRuns: RUNS(30) },
    );
  });

  it('sheets written by exceljs: odd values, formulas, errors, rich text, dates, formats, several sheets (property)', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({
        min: new Date(Date.UTC(1901, 0, 1)),
        max: new Date(Date.UTC(2199, 0, 1)),
        noInvalidDate: true,
      }),
      fc.constant({ formula: 'A1+1', result: 7 }),
      fc.constant({ formula: 'B1&"x"', result: 'Иванx' }),
      fc.constant({ error: '#N/A' }),
      fc.constant({ richText: [{ text: 'Иванов ' }, { font: { bold: true }, text: 'Иван' }] }),
      fc.constant(null),
      fc.constantFrom('ФИО', 'Дата рождения', '=A1', '  пробелы  ', 'a & b <c>'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 10 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom(undefined, 'dd.mm.yyyy', '0.00', '@'),
        fc.boolean(),
        fc.boolean(),
        async (sheets, numFmt, date1904, merge) => {
          const wb = new ExcelJS.Workbook();
          wb.properties.date1904 = date1904;
          sheets.forEach((rows, k) => {
            const ws = wb.addWorksheet(`Лист ${k + 1}`);
            rows.forEach((r, i) => {
              r.forEach((v, j) => {
                const cell = ws.getRow(i + 1).getCell(j + 1);
                cell.value = v as ExcelJS.CellValue;
                if (numFmt && j % 2 === 0) cell.numFmt = numFmt;
              });
            });
            if (merge && rows.length > 2) ws.mergeCells('A1:B2');
          });
          await sameAsBefore(new Uint8Array(await wb.xlsx.writeBuffer()));
        },
      ),
      { numRuns: RUNS(6) },
    );
  });

  it('registries exported by exportRegistry, every kind (property)', async () => {
    const arbs = { mentors: mentorRecord, mentees: menteeRecord, consents: consentRecord, pairs: pairRecord };
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...(Object.keys(arbs) as RegistryKind[]))
          .chain((kind) =>
            fc.tuple(fc.constant(kind), registry(arbs[kind] as (id: string) => fc.Arbitrary<unknown>, 5)),
          ),
        async ([kind, records]) => {
          const bytes = await exportRegistry(records as never[], {
            kind,
            format: 'xlsx',
            validationRows: 5,
            consentCheck: consentCheckFor(kind, records),
          });
          const read = await sameAsBefore(bytes);
          expect(read).not.toBe('error');
        },
      ),
      { numRuns: RUNS(4) },
    );
  });

  it('a formula whose cached result is 0 reads as 0, not as an empty cell (exceljs lost it)', async () => {
    const bytes = handMade(
      '<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1"><f>1/0</f><v></v></c></row>',
      {},
    );
    const now = await readWith(xlsxSheets, bytes);
    const before = await readWith(exceljsSheets, bytes);
    expect(now).toMatchObject({ sheets: [{ rows: [{ row: 1, cells: [0, undefined], formula: true }] }] });
    expect(before).toMatchObject({
      sheets: [{ rows: [{ row: 1, cells: [undefined, undefined], formula: true }] }],
    });
  });

  it('damaged files are refused by both (no workbook part, unknown entity, truncated)', async () => {
    const good = await exportRegistry([], {
      kind: 'mentors',
      format: 'xlsx',
      consentCheck: consentCheckFor('mentors', []),
    });
    expect(await sameAsBefore(good.slice(0, good.length - 30))).toBe('error');
    expect(
      await sameAsBefore(handMade('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>', {})),
    ).toBe('error');
    expect(
      await sameAsBefore(handMade('<row r="1"><c t="inlineStr"><is><t>без адреса</t></is></c></row>', {})),
    ).toBe('error');
  });
});

describe('the browser entry imports what the Node entry imports', () => {
  it('offers every function of the main entry but the Node-only export', () => {
    const nodeOnly = ['buildRegistryTemplate', 'exportRegistry'];
    expect(Object.keys(browser).sort()).toEqual(
      Object.keys(main)
        .filter((k) => !nodeOnly.includes(k))
        .sort(),
    );
  });

  it('the same records, row issues, warnings and totals from a Blob, a web stream and an ArrayBuffer (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        registry(mentorRecord, 6),
        fc.constantFrom('xlsx' as const, 'csv' as const),
        fc.constantFrom('utf-8' as const, 'windows-1251' as const),
        fc.constantFrom('blob', 'stream', 'buffer'),
        async (records, format, encoding, how) => {
          const bytes = await exportRegistry(records, {
            kind: 'mentors',
            format,
            encoding,
            consentCheck: consentCheckFor('mentors', records),
          });
          const options = { kind: 'mentors' as const, organizationId: 'sch-1' };
          const node = await importRegistry(bytes, options);
          const input: browser.RegistryInput =
            how === 'blob'
              ? new Blob([bytes])
              : how === 'stream'
                ? new Blob([bytes]).stream()
                : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
          const web = await browser.importRegistry(input, options);
          expect(web).toEqual(node);
          expect(web.records).toEqual(records);
        },
      ),
      { numRuns: RUNS(6) },
    );
  });

  it('a registry with bad rows gives the same row issues through both entries', async () => {
    const csv = enc(
      'ФИО;Дата рождения;Стаж\nИванов Иван Иванович;31.02.1990;много\n;01.01.1980;3\nПетров Пётр;01.02.1985;5\n',
    );
    const node = await importRegistry(csv, { kind: 'mentors', organizationId: 'sch-1' });
    const web = await browser.importRegistry(new Blob([csv]), { kind: 'mentors', organizationId: 'sch-1' });
    expect(node.rejected.length).toBeGreaterThan(0);
    expect(web).toEqual(node);
  });
});

describe('Windows-1251 through TextDecoder', () => {
  it('decodes every byte as iconv-lite did, across any chunking (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(600), { maxLength: 6 }),
        async (bytes, cuts) => {
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let prev = 0;
          for (const c of [...at, bytes.length]) {
            chunks.push(bytes.subarray(prev, c));
            prev = c;
          }
          let text = '';
          for await (const s of decodeText(chunks, 'windows-1251')) text += s;
          expect(text).toBe(iconv.decode(Buffer.from(bytes), 'win1251'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('encodes any text as iconv-lite did, «?» for what the code page lacks (property)', () => {
    // Code points anywhere in Unicode, lone surrogates, and the characters Russian texts use most.
    const common = [...'АаЯяЁё «»№–—…€‰\u0098;Zz09'].map((c) => c.codePointAt(0) ?? 0);
    const text = fc
      .array(
        fc.oneof(
          fc.integer({ min: 0, max: 0x10ffff }),
          fc.constantFrom(...common),
          fc.integer({ min: 0xd800, max: 0xdfff }),
        ),
        { maxLength: 40 },
      )
      .map((cps) =>
        cps
          .map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c)))
          .join(''),
      );
    fc.assert(
      fc.property(text, (t) => {
        // Compared as arrays of numbers: a Buffer and a Uint8Array never compare equal.
        expect([...encodeWindows1251(t)]).toEqual([...iconv.encode(t, 'win1251')]);
      }),
      { numRuns: 200 },
    );
  });

  it('a Windows-1251 CSV from Russian Excel imports as its UTF-8 twin', async () => {
    const text = 'ФИО;Дата рождения;Должность\r\nЁлкина Алёна Юрьевна;01.02.1980;учитель «№ 1»\r\n';
    const cp1251 = new Uint8Array(iconv.encode(text, 'win1251'));
    const a = await browser.importRegistry(cp1251, { kind: 'mentors', organizationId: 'sch-1' });
    const b = await browser.importRegistry(enc(text), { kind: 'mentors', organizationId: 'sch-1' });
    expect(a.source.encoding).toBe('windows-1251');
    expect(a.records).toEqual(b.records);
    expect(a.records[0]?.person.name.lastName).toBe('Ёлкина');
  });
});
