import { isNastavnikError, type MentoringAgreementInput } from '@nastavnik/core';
import {
  buildMentoringAgreement,
  buildMentoringConsent,
  buildMentoringDutiesOrder,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { renderTimesheetXlsx } from '@nastavnik/documents/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { lyceum7, lyceumPeople } from './__fixtures__/samples';

const agreement: MentoringAgreementInput = {
  id: 'ag-belov',
  organizationId: 'lyceum-7',
  mentorId: 'belov',
  number: '12/н',
  employmentContract: { number: '41', date: '2011-08-25' },
  consentDate: '2025-08-27',
  signedAt: '2025-08-29',
  content: [
    'помощь в планировании и проведении уроков физики',
    'посещение уроков наставляемого и их разбор не реже двух раз в месяц',
  ],
  term: { start: '2025-09-01', end: '2026-05-31' },
  form: 'teacherTeacher',
  formats: ['traditional'],
  menteeIds: ['lebedeva'],
  pay: { kind: 'fixed', amountPerMonth: 3000 },
  hoursPerMonth: 6,
  earlyTermination: { noticeWorkingDays: 3, conditions: ['при переводе наставляемого на другую работу'] },
};
const percent: MentoringAgreementInput = {
  ...agreement,
  id: 'ag-kuzmenko',
  mentorId: 'kuzmenko',
  number: '13/н',
  menteeIds: [],
  pay: { kind: 'percentOfSalary', percent: 10 },
  term: { start: '2026-01-15', end: '2026-05-31' },
};
const base = { organization: lyceum7, people: lyceumPeople, headId: 'nuritdinova' };
const order = {
  id: 'ord-77',
  organizationId: 'lyceum-7',
  kind: 'other' as const,
  number: '77',
  date: '2025-08-30',
  title: 'О возложении обязанностей наставника и установлении выплаты за наставничество',
  signatory: {
    position: 'и.о. директора',
    name: { lastName: 'Нуритдинова', firstName: 'Татьяна', middleName: 'Николаевна' },
  },
};
const text = async (doc: Parameters<typeof renderDocx>[0]) => {
  const content = await readDocx(await renderDocx(doc));
  return content.body
    .map((b) => ('p' in b ? b.p : b.table.map((r) => r.join(' | ')).join('\n')))
    .join('\n')
    .replace(/\u00a0/gu, ' ');
};

describe("the mentor's documents (ТК РФ ст. 351.8), read back from DOCX", () => {
  it('the written consent: to the head, from the worker, the work, form, term and the right to refuse early', async () => {
    const t = await text(buildMentoringConsent({ ...base, agreement }));
    expect(t).toMatch(/И\.о\. директора МОУ «Лицей № 7»|Исполняющему обязанности директора/u);
    expect(t).toContain('Нуритдиновой Т. Н.');
    expect(t).toContain('от учителя физики Белова Игоря Петровича');
    expect(t).toContain('СОГЛАСИЕ');
    expect(t).toContain('частью 1 статьи 351.8 Трудового кодекса Российской Федерации');
    expect(t).toContain('учителю английского языка Лебедевой К. А.');
    expect(t).toContain('традиционное («один на один») наставничество по форме «учитель — учитель»');
    expect(t).toContain('с 01.09.2025 по 31.05.2026');
    expect(t).toMatch(/не менее чем за три рабочих дня \(часть 3/u);
    expect(t).toContain('27.08.2025');
  });

  it('the additional agreement: parties, content, term, form, pay, early termination, two copies, both signatures', async () => {
    const t = await text(buildMentoringAgreement({ ...base, agreement }));
    expect(t).toContain('ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № 12/н');
    expect(t).toContain('к трудовому договору от 25.08.2011 № 41');
    expect(t).toContain('г. Тихвин, «29» августа 2025 г.');
    expect(t).toContain('именуемое в дальнейшем «Работодатель»');
    expect(t).toMatch(
      /в лице и\.о\. директора Нуритдиновой Татьяны Николаевны, действующей на основании устава/u,
    );
    expect(t).toContain('Белов Игорь Петрович, именуемый в дальнейшем «Работник»');
    expect(t).toContain('письменного согласия Работника от 27.08.2025');
    expect(t).toContain('посещение уроков наставляемого и их разбор не реже двух раз в месяц.');
    expect(t).toContain('Срок выполнения работы по наставничеству — с 01.09.2025 по 31.05.2026');
    expect(t).toContain('в объёме до 6 ч в месяц');
    expect(t).toContain('3 000 рублей 00 коп. в месяц');
    expect(t).toContain('не менее чем за 3 рабочих дня (часть 3 статьи 351.8');
    expect(t).toContain('при переводе наставляемого на другую работу');
    expect(t).toContain('в двух экземплярах');
    expect(t).toMatch(/Работодатель: .*Т\. Н\. Нуритдинова/u);
    expect(t).toMatch(/Работник[\s|]*.*И\. П\. Белов/u);
    expect(t).toContain('Второй экземпляр соглашения получил');
    expect(t).not.toMatch(/undefined|NaN|\.\./u);
  });

  it('the order: who mentors whom, term, form, pay and basis; the timesheet to the accountant; acquaintance', async () => {
    const doc = buildMentoringDutiesOrder({
      organization: lyceum7,
      order,
      people: lyceumPeople,
      agreements: [agreement, { ...percent, signedAt: '2025-08-29' }],
      timesheetKeeperId: 'yakovleva',
      acquainted: ['belov', 'kuzmenko'],
    });
    const t = await text(doc);
    expect(t).toContain('ПРИКАЗЫВАЮ:');
    expect(t).toContain('статьёй 351.8 Трудового кодекса Российской Федерации');
    expect(t).toContain('Белов И. П., учитель физики | Лебедева К. А.');
    expect(t).toContain('10 % оклада');
    expect(t).toContain('№ 12/н от 29.08.2025');
    expect(t).toContain('Яковлевой Е. С., заместителю директора по УВР, ежемесячно');
    expect(t).toContain('С приказом ознакомлен');
  });

  it('refuses an order dated before an agreement it rests on', () => {
    try {
      buildMentoringDutiesOrder({
        organization: lyceum7,
        order: { ...order, date: '2025-08-28' },
        people: lyceumPeople,
        agreements: [agreement],
      });
      expect.unreachable();
    } catch (error) {
      expect(isNastavnikError(error) && error.code).toBe('order_before_agreement');
    }
  });
});

describe('the timesheet XLSX, read back', () => {
  it('hours by pair, a SUM total against the limit, the over-limit mark, pay prorated by working days, print setup', async () => {
    const bytes = await renderTimesheetXlsx({
      organization: lyceum7,
      month: '2026-01',
      people: lyceumPeople,
      agreements: [agreement, percent],
      entries: [
        { mentorId: 'belov', pairId: 'pair-1', date: '2026-01-12', durationMinutes: 240 },
        { mentorId: 'belov', pairId: 'pair-1', date: '2026-01-20', durationMinutes: 90 },
        { mentorId: 'belov', pairId: 'pair-2', date: '2026-01-27', durationMinutes: 60 },
        { mentorId: 'kuzmenko', pairId: 'pair-3', date: '2026-01-21', durationMinutes: 45 },
      ],
      policy: { maxHoursPerMonth: 8 },
      salaries: { kuzmenko: 40_000 },
      pairLabels: { 'pair-1': 'Лебедева К. А.' },
      preparedBy: { position: 'заместитель директора по УВР', name: 'Е. С. Яковлева' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('Табель');
    if (!ws) throw new Error('no sheet');
    const rows: unknown[][] = [];
    ws.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    const find = (label: string) =>
      rows.findIndex((r) =>
        r.some((c) => typeof c === 'string' && c.replace(/\u00a0/gu, ' ').includes(label)),
      );
    expect(rows[2]?.[0]).toBe('за январь 2026 г. · рабочих дней по производственному календарю: 15');
    const belov = find('Белов И. П.');
    expect(rows[belov]?.[3]).toBe('Лебедева К. А.');
    expect(rows[belov]?.[4]).toBe(5.5);
    expect(rows[belov + 1]?.[4]).toBe(1);
    const belovTotal = rows[belov + 2] ?? [];
    expect(belovTotal[1]).toBe('Итого по наставнику');
    expect(belovTotal[4]).toMatchObject({
      formula: expect.stringMatching(/^SUM\(E\d+:E\d+\)$/u),
      result: 6.5,
    });
    expect(belovTotal[5]).toBe(6); // the agreement's 6 h, below the policy's 8
    expect(belovTotal[6]).toBe(3000);
    expect(belovTotal[7]).toBe('Превышен предел часов');
    const kuzmenkoTotal = rows[find('Кузьменко Н. О.') + 1] ?? [];
    // from Thursday 15 January: 12 of the month's 15 working days, 10 % of 40 000
    expect(kuzmenkoTotal[6]).toBe(3200);
    expect(kuzmenkoTotal[7] ?? '').toBe('');
    const all = rows[find('Всего к начислению')] ?? [];
    expect((all[6] as { result: number }).result).toBe(6200);
    const totalRow = ws.getRow(belov + 3);
    expect(totalRow.getCell(5).numFmt).toBe('#,##0.00');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('5:5');
    expect(find('Табель принял')).toBeGreaterThan(0);
  });

  it('refuses a percentage pay without a salary', async () => {
    await expect(
      renderTimesheetXlsx({
        organization: lyceum7,
        month: '2026-02',
        people: lyceumPeople,
        agreements: [percent],
        entries: [],
      }),
    ).rejects.toMatchObject({ code: 'required' });
  });
});
