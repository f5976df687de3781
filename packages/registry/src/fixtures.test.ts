import { nastavnikIssue } from '@nastavnik/core';
import { importRegistry, redactIssues } from '@nastavnik/registry';
import * as browser from '@nastavnik/registry/browser';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

/** A mentor registry as schools really send it: a title, a two-row header with merged cells, junk. */
async function messyMentorsXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('База наставников');
  ws.getCell('A1').value = 'Реестр наставников МБОУ «СОШ № 1» на 2023-2024 учебный год';
  ws.mergeCells('A1:H1');
  const top = [
    '№ п/п',
    'Фамилия Имя Отчество',
    'Дата рождения',
    'Сведения о работе',
    '',
    '',
    'Компетенции *',
    'Форма наставничества',
  ];
  top.forEach((v, i) => {
    if (v) ws.getRow(2).getCell(i + 1).value = v;
  });
  ws.getCell('D3').value = 'Должность';
  ws.getCell('E3').value = 'Стаж';
  ws.getCell('F3').value = 'Предметы';
  for (const r of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:G3', 'H2:H3']) ws.mergeCells(r);
  const rows: Array<[number, unknown[]]> = [
    [
      4,
      [
        1,
        '  Иванова   Мария Петровна ',
        new Date(Date.UTC(1980, 4, 12)),
        'учитель математики ',
        '12',
        'математика; алгебра',
        'оценивание образовательных результатов; управление классом и дисциплина',
        'педагог – педагог',
      ],
    ],
    // row 5 empty
    [
      6,
      [
        2,
        'Cмирнов Алексей Иванович',
        '31.08.75',
        'учитель физики',
        25,
        'физика',
        'цифровая образовательная среда',
        'педагог-педагог',
      ],
    ],
    [
      7,
      [
        3,
        'Королёв Пётр Семёнович',
        29_000,
        'учитель истории',
        '5 лет',
        'история',
        'воспитательная работа, классное руководство',
        'Педагог – педагог',
      ],
    ],
    [8, [4, 'Петрова А.В.', '01.02.1985', 'учитель', '3', '', '', '']],
    [9, [5, 'Сидорова Анна Павловна', '31.02.1990', 'учитель', '3', '', '', '']],
    [10, [6, 'Кузнецов Олег Игоревич', '15.03.1970', 'учитель', 'много', '', '', '']],
    [11, [7, 'Орлова Ирина Сергеевна', '1990-01-20', 'учитель', '3', '', 'астрология', '']],
  ];
  for (const [r, values] of rows) {
    values.forEach((v, i) => {
      if (v !== '') ws.getRow(r).getCell(i + 1).value = v as ExcelJS.CellValue;
    });
  }
  // Formatting left below the table (empty rows Excel still stores).
  ws.getCell('B14').numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('messy XLSX: merged two-row header, title, empty rows, look-alikes, Ё, numbers as text', () => {
  it('imports the good rows and reports each bad one', async () => {
    const xlsx = await messyMentorsXlsx();
    const r = await importRegistry(xlsx, { kind: 'mentors', organizationId: 'sch-1' });
    // The browser entry, from a File-like Blob, gives exactly the same result.
    expect(
      await browser.importRegistry(new Blob([xlsx]), { kind: 'mentors', organizationId: 'sch-1' }),
    ).toEqual(r);
    expect(r.source.headerRows).toEqual([2, 3]);
    expect(r.totals).toEqual({ read: 7, accepted: 3, rejected: 4, empty: 1 });
    expect(r.emptyRows).toEqual([5]);
    expect(r.rows).toEqual([4, 6, 7]);

    const [ivanova, smirnov, korolev] = r.records;
    expect(ivanova?.person.name).toEqual({ lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' });
    expect(ivanova?.person.birthDate).toBe('1980-05-12');
    expect(ivanova?.person.experienceYears).toBe(12);
    expect(ivanova?.person.position).toBe('учитель математики');
    expect(ivanova?.profile.competences).toEqual(['assessment', 'classroomManagement']);
    expect(ivanova?.profile.forms).toEqual(['educatorEducator']);
    expect(smirnov?.person.name.lastName).toBe('Смирнов'); // Latin C replaced
    expect(smirnov?.person.birthDate).toBe('1975-08-31');
    expect(korolev?.person.name.lastName).toBe('Королёв'); // Ё kept unless asked
    expect(korolev?.person.birthDate).toBe('1979-05-25'); // Excel serial 29000
    expect(korolev?.person.experienceYears).toBe(5);
    expect(korolev?.profile.competences).toEqual(['educationalWork']); // a label with a comma

    const byRow = new Map(r.rejected.map((i) => [i.row, i]));
    expect(byRow.get(8)).toMatchObject({
      code: 'name_initials_only',
      column: 'B',
      header: 'Фамилия Имя Отчество',
      value: 'Петрова А.В.',
    });
    expect(byRow.get(9)).toMatchObject({
      code: 'date_invalid',
      column: 'C',
      header: 'Дата рождения',
      value: '31.02.1990',
    });
    expect(byRow.get(10)).toMatchObject({ code: 'number_invalid', column: 'E', value: 'много' });
    expect(byRow.get(11)).toMatchObject({ code: 'catalogue_unknown', column: 'G', value: 'астрология' });
    // A row issue is core's issue (code, path, typed params, the catalogue's words naming the column
    // by its header) plus where it sits in the file; the path is the registry field.
    expect(byRow.get(9)).toEqual({
      ...nastavnikIssue('date_invalid', ['Дата рождения']),
      path: ['birthDate'],
      row: 9,
      column: 'C',
      header: 'Дата рождения',
      field: 'birthDate',
      value: '31.02.1990',
    });
    expect(byRow.get(10)?.message).toBe('Столбец «Стаж»: ожидается число');
    expect(byRow.get(11)).toMatchObject({ params: { count: 1 }, path: ['competences'] });
    for (const issue of r.rejected) {
      expect(issue.message).toMatch(/[А-Яа-я]/);
      if (issue.value) expect(issue.message).not.toContain(issue.value);
      expect(issue.messageEn).toMatch(/[A-Za-z]/);
    }
    expect(redactIssues(r.rejected).every((i) => !('value' in i))).toBe(true);

    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('lookalikes_replaced');
    expect(codes).toContain('two_digit_year');
    expect(codes).toContain('rows_before_header');
    expect(r.warnings.find((w) => w.code === 'lookalikes_replaced')).toMatchObject({ row: 6, column: 'B' });
    expect(JSON.stringify(r.warnings)).not.toContain('Cмирнов');
  });

  it('replaces Ё with Е when asked, and says where', async () => {
    const r = await importRegistry(await messyMentorsXlsx(), {
      kind: 'mentors',
      organizationId: 'sch-1',
      normalizeYo: true,
    });
    expect(r.records[2]?.person.name).toEqual({
      lastName: 'Королев',
      firstName: 'Петр',
      middleName: 'Семенович',
    });
    expect(r.warnings.filter((w) => w.code === 'yo_replaced').every((w) => w.row === 7)).toBe(true);
  });

  it('accepts a caller-defined header', async () => {
    const csv = 'ФИО;Опыт (лет)\r\nИванов Иван Иванович;7\r\n';
    const r = await importRegistry(new TextEncoder().encode(csv), {
      kind: 'mentors',
      organizationId: 'sch-1',
      columns: { 'Опыт (лет)': 'experienceYears' },
    });
    expect(r.records[0]?.person.experienceYears).toBe(7);
    await expect(
      importRegistry(new TextEncoder().encode(csv), {
        kind: 'mentors',
        organizationId: 's',
        columns: { x: 'nope' },
      }),
    ).rejects.toMatchObject({ name: 'NastavnikError', code: 'invalid_value' });
  });
});

describe('Windows-1251 CSV with «;» (as Russian Excel saves it)', () => {
  const lines = [
    'Реестр наставляемых;;;;;;',
    'ФИО;Класс;Группа;Запрос;Компетенция;Дата запроса;Источник',
    'Иванов Пётр Сергеевич;7А;;Трудности с дробями;помощь в учёбе, ликвидация пробелов;12.09.2023;классный руководитель',
    'Иванов Пётр Сергеевич;7А;;Боится выступать у доски;публичные выступления;12.09.2023;психолог',
    ';;;;;;',
    'Сергеева Ольга;5 «Б»;;;;;',
    'Петров Иван Иванович;;;;;;',
    'Смирнова Анна Викторовна;12;обучающиеся 10–11 классов;;;;',
    'Алексеева Наталья Юрьевна;;молодой специалист;Как вести документацию;ведение документации;01.10.2023;',
  ];
  const bytes = new Uint8Array(iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1251'));

  it('sniffs the encoding and separator and groups consecutive rows of one mentee', async () => {
    const r = await importRegistry(bytes, { kind: 'mentees', organizationId: 'sch-1' });
    expect(
      await browser.importRegistry(new Blob([bytes]), { kind: 'mentees', organizationId: 'sch-1' }),
    ).toEqual(r);
    expect(r.source).toMatchObject({
      format: 'csv',
      encoding: 'windows-1251',
      separator: ';',
      headerRows: [2],
    });
    expect(r.totals).toEqual({ read: 6, accepted: 4, rejected: 2, empty: 1 });
    expect(r.records).toHaveLength(3);
    const ivanov = r.records[0];
    expect(ivanov?.person).toMatchObject({ category: 'pupil', grade: 7, name: { firstName: 'Пётр' } });
    expect(ivanov?.profile.group).toBe('middleSchool');
    expect(ivanov?.profile.requests.map((q) => [q.competence, q.source])).toEqual([
      ['academicSupport', 'classTeacher'],
      ['publicSpeaking', 'psychologist'],
    ]);
    expect(r.records[1]?.profile).toMatchObject({ group: 'middleSchool', requests: [] });
    expect(r.records[2]?.profile.requests[0]).toMatchObject({
      competence: 'documentation',
      source: 'self',
      createdAt: '2023-10-01',
    });
    expect(r.records[2]?.person.category).toBe('teacher');
    const byRow = new Map(r.rejected.map((i) => [i.row, i]));
    expect(byRow.get(7)).toMatchObject({ code: 'required', header: 'Группа' });
    expect(byRow.get(8)).toMatchObject({ code: 'too_big', header: 'Класс', value: '12' });
    expect(byRow.get(8)?.message).toContain('«Класс»');
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['value_derived', 'value_defaulted']),
    );
  });

  it('the same file in UTF-8 with a BOM gives the same result', async () => {
    const utf8 = new TextEncoder().encode(`\ufeff${lines.join('\n')}\n`);
    const a = await importRegistry(bytes, { kind: 'mentees', organizationId: 'sch-1' });
    const b = await importRegistry(utf8, { kind: 'mentees', organizationId: 'sch-1' });
    expect(b.source.encoding).toBe('utf-8');
    expect(b.records).toEqual(a.records);
    expect(b.totals).toEqual(a.totals);
  });
});

describe('UTF-8 CSV with «,» and quotes: consents', () => {
  it('validates with the core consent schema', async () => {
    const csv = [
      'ID участника,Цель согласия,Кем дано,ФИО представителя,Дата согласия',
      'p1,ПДн,родитель,"Петрова Анна Ивановна",05.09.2023',
      'p2,"обработка персональных данных (152-ФЗ)",лично,,2023-09-06',
      'p3,ПДн,родитель,,05.09.2023',
      'p4,что-то другое,лично,,05.09.2023',
    ].join('\n');
    const r = await importRegistry(new TextEncoder().encode(csv), {
      kind: 'consents',
      organizationId: 'sch-1',
    });
    expect(r.source.separator).toBe(',');
    expect(r.totals).toEqual({ read: 4, accepted: 2, rejected: 2, empty: 0 });
    expect(r.records[0]).toMatchObject({
      personId: 'p1',
      purpose: 'personalData',
      givenBy: 'parent',
      representative: { lastName: 'Петрова' },
    });
    expect(r.rejected.find((i) => i.row === 4)).toMatchObject({
      code: 'representative_required',
      header: 'ФИО представителя',
    });
    expect(r.rejected.find((i) => i.row === 5)).toMatchObject({
      code: 'catalogue_unknown',
      header: 'Цель согласия',
    });
  });

  it('resolves people by name when there is no id column', async () => {
    const persons = [
      {
        id: 'x1',
        organizationId: 'o',
        category: 'pupil',
        name: { lastName: 'Петров', firstName: 'Иван' },
        subjects: [],
      },
      {
        id: 'x2',
        organizationId: 'o',
        category: 'pupil',
        name: { lastName: 'Иванов', firstName: 'Олег' },
        subjects: [],
      },
      {
        id: 'x3',
        organizationId: 'o',
        category: 'pupil',
        name: { lastName: 'Иванов', firstName: 'Олег' },
        subjects: [],
      },
    ] as const;
    const csv =
      'ФИО участника;Цель;Кем дано;Дата\nПетров  Иван;ПДн;лично;01.09.2023\nИванов Олег;ПДн;лично;01.09.2023\nНекто Никто;ПДн;лично;01.09.2023\n';
    const r = await importRegistry(new TextEncoder().encode(csv), {
      kind: 'consents',
      organizationId: 'o',
      persons: persons as never,
    });
    expect(r.records.map((c) => c.personId)).toEqual(['x1']);
    expect(r.rejected.map((i) => i.code)).toEqual(['ambiguous_reference', 'unknown_reference']);
  });
});

describe('file-level problems are typed errors', () => {
  it('no header, no name column, old XLS, empty file', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    await expect(
      importRegistry(enc('a;b\n1;2\n'), { kind: 'mentors', organizationId: 'o' }),
    ).rejects.toMatchObject({
      code: 'required',
      path: ['header'],
    });
    await expect(
      importRegistry(enc('Должность;Стаж\nучитель;3\n'), { kind: 'mentors', organizationId: 'o' }),
    ).rejects.toMatchObject({ code: 'required', path: ['columns', 'fullName'] });
    await expect(
      importRegistry(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), {
        kind: 'mentors',
        organizationId: 'o',
      }),
    ).rejects.toMatchObject({ code: 'invalid_format' });
    await expect(
      importRegistry(new Uint8Array(), { kind: 'mentors', organizationId: 'o' }),
    ).rejects.toMatchObject({
      code: 'required',
    });
    await expect(
      importRegistry(enc('ФИО\n'), { kind: 'nope' as 'mentors', organizationId: 'o' }),
    ).rejects.toMatchObject({ name: 'NastavnikError' });
  });
});
