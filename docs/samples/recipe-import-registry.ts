/**
 * Recipe: import a school's mentor registry from an Excel file as a curator
 * fills it — a title above the table, a header over two rows with merged
 * cells, dates typed as text, a name with initials only, a Latin letter in a
 * Cyrillic name — and get back validated records and a row-by-row report.
 * The people are the sample generator's invented teachers.
 */
import type { Consent, ConsentId, MentorWithProfile } from '@nastavnik/core';
import { generateMunicipality } from '@nastavnik/core/sample';
import {
  buildRegistryTemplate,
  exportRegistry,
  findDuplicates,
  importRegistry,
  redactIssues,
} from '@nastavnik/registry';
import ExcelJS from 'exceljs';

/** The file a school sends: built here with exceljs so that the sample needs no fixture file. */
// #region file
async function curatorWorkbook(): Promise<Uint8Array> {
  const school = generateMunicipality({ seed: 1 }).schools[0]!;
  const teachers = school.persons.filter((p) => p.category === 'teacher').slice(0, 6);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Наставники');
  sheet.addRow(['База наставников МОУ «Лицей № 7» на 2023–2024 учебный год']); // a title row
  sheet.addRow([
    'ФИО',
    'Дата рождения',
    'Сведения о работе',
    '',
    '',
    'Компетенции',
    'Число наставляемых',
    'Формат',
  ]);
  sheet.addRow(['', '', 'Должность', 'Стаж', 'Предметы', '', '', '']);
  sheet.mergeCells('A2:A3'); // «ФИО» over both header rows
  sheet.mergeCells('B2:B3');
  sheet.mergeCells('C2:E2'); // «Сведения о работе» over three columns
  for (const [i, t] of teachers.entries()) {
    const fullName = [t.name.lastName, t.name.firstName, t.name.middleName].filter(Boolean).join(' ');
    sheet.addRow([
      i === 2
        ? `${t.name.lastName} ${t.name.firstName[0]}.`
        : i === 3
          ? fullName.replace('о', 'o')
          : fullName,
      i === 4 ? '31.02.1980' : '14.03.1979', // an impossible date in one row
      t.position ?? 'учитель',
      `${t.experienceYears ?? 10} лет`, // a number written with a word
      t.subjects.join('; '),
      'методика преподавания предмета; цифровая образовательная среда', // labels of the catalogue
      i === 5 ? 'два' : 2,
      'традиционное; виртуальное',
    ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
// #endregion file

export interface ImportSummary {
  totals: { read: number; accepted: number; rejected: number; empty: number };
  issueCodes: string[];
  warningCodes: string[];
  redactedHasNoValues: boolean;
  roundTrip: boolean;
  duplicates: number;
  templateBytes: number;
}

export async function main(): Promise<ImportSummary> {
  const bytes = await curatorWorkbook();

  // #region import
  const result = await importRegistry(bytes, { kind: 'mentors', organizationId: 'lyceum-7' });
  console.log(result.totals); // read = accepted + rejected, always: nothing is lost silently
  for (const issue of result.rejected) {
    // Row and column as the curator sees them in Excel, and what is wrong, in Russian.
    console.log(`строка ${issue.row}, столбец ${issue.column} «${issue.header}»: ${issue.message}`);
  }
  const mentors: MentorWithProfile[] = result.records; // { person, profile } validated with the core schemas
  // #endregion import

  // #region report
  // `issue.value` holds the cell content — personal data — so that the school can fix it.
  // The report goes back to the uploading school only; anything logged is redacted.
  const forLogs = redactIssues(result.rejected);
  for (const w of result.warnings) console.log(w.code); // rows_before_header, lookalikes_replaced, …
  // #endregion report

  // #region export
  // Back out: the accepted registry as XLSX (import it again → the same records),
  // and next year's empty template with drop-down lists and an instruction sheet.
  // Every export asks the consent policy (152-ФЗ ст. 9): here the consents to processing the
  // school keeps for these mentors, and `registry` — the school's own copy, not a transfer.
  const consents: Consent[] = mentors.map((m, i) => ({
    id: `consent-${i + 1}` as ConsentId,
    personId: m.person.id,
    purpose: 'personalData',
    givenBy: 'self',
    givenAt: '2023-09-01',
  }));
  const consentCheck = { consents, date: '2023-09-20', activity: 'registry' } as const;
  const xlsx = await exportRegistry(mentors, { kind: 'mentors', format: 'xlsx', consentCheck });
  const again = await importRegistry(xlsx, { kind: 'mentors', organizationId: 'lyceum-7' });
  const template = await buildRegistryTemplate('mentors');
  // The same person twice across two uploads (by ФИО and birth date, or by id):
  const duplicates = findDuplicates([mentors, again.records]);
  // #endregion export

  return {
    totals: result.totals,
    issueCodes: [...new Set(result.rejected.map((i) => i.code))].sort(),
    warningCodes: [...new Set(result.warnings.map((w) => w.code))].sort(),
    redactedHasNoValues: forLogs.every((i) => !('value' in i)),
    roundTrip: JSON.stringify(again.records) === JSON.stringify(mentors),
    duplicates: duplicates.length,
    templateBytes: template.byteLength,
  };
}
