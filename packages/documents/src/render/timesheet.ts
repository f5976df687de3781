import {
  addDaysIso,
  endOfMonthIso,
  fail,
  formatName,
  type MentoringAgreement,
  MentoringAgreementSchema,
  mentorMonthHours,
  monthlyPay,
  monthNames,
  OrganizationSchema,
  PersonSchema,
  type ProductionCalendar,
  parse,
  russianProductionCalendar,
  WorkloadEntrySchema,
  WorkloadPolicySchema,
  workingDaysBetween,
  workingDaysInMonth,
} from '@nastavnik/core';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { safeCellText } from './xlsx';

const TimesheetSchema = z.object({
  organization: OrganizationSchema,
  /** The month `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  people: z.array(PersonSchema).max(100_000),
  agreements: z.array(MentoringAgreementSchema).max(10_000),
  entries: z.array(WorkloadEntrySchema).max(1_000_000),
  policy: WorkloadPolicySchema.default({}),
  /** Mentor id → salary (оклад), for pay as a percentage of salary. */
  salaries: z.record(z.string(), z.number().positive().max(10_000_000)).default({}),
  /** Pair id → how the timesheet names the pair (default: the pair id). */
  pairLabels: z.record(z.string(), z.string().trim().min(1).max(300)).default({}),
  /** Who prepared the timesheet and who accepted it: position and name as printed. */
  preparedBy: z
    .object({ position: z.string().trim().min(1).max(200), name: z.string().trim().min(1).max(200) })
    .optional(),
});

/**
 * Input of {@link renderTimesheetXlsx}. `calendar` is the production calendar
 * (core's `russianProductionCalendar` by default).
 *
 * @category Render
 * @example
 * const input: TimesheetInput = { organization, month: '2026-01', people, agreements, entries, policy: { maxHoursPerMonth: 8 } };
 */
export type TimesheetInput = z.input<typeof TimesheetSchema> & { readonly calendar?: ProductionCalendar };

/** The mentors' part of a month that their agreement covers, by working days (1 for a whole month). */
function shareOf(a: MentoringAgreement, month: string, calendar: ProductionCalendar): number {
  const first = `${month}-01`;
  const lastDay = endOfMonthIso(first);
  // ISO dates sort as strings: the later start and the earlier end.
  const from = [a.term.start, first].sort()[1] ?? first;
  const to = [a.term.end, lastDay].sort()[0] ?? lastDay;
  if (to < from) return 0;
  const all = workingDaysInMonth(month, calendar);
  if (all === 0) return 0;
  const before = addDaysIso(from, -1);
  return workingDaysBetween(before, to, calendar) / all;
}

const HOURS = '#,##0.00';
const MONEY = '#,##0.00';

/**
 * The timesheet of mentoring work for a month (табель учёта работы по
 * наставничеству), as an XLSX a school accountant can use: for every mentor
 * with an agreement in force in the month, the hours by pair, the total
 * (a SUM formula), the limit (the policy's or the agreement's hours a month),
 * a mark when the total is over it, and the pay for the month — the fixed
 * sum or the percentage of the salary, prorated by working days of the
 * production calendar when the agreement covers part of the month. Russian
 * number formats, A4 landscape, the header row repeated on every page,
 * signature lines. Throws `required` when a percentage pay has no salary.
 *
 * @category Render
 * @example
 * const bytes = await renderTimesheetXlsx({ organization, month: '2026-01', people, agreements, entries });
 */
export async function renderTimesheetXlsx(input: TimesheetInput): Promise<Uint8Array> {
  const { calendar = russianProductionCalendar, ...rest } = input;
  const v = parse(TimesheetSchema, rest);
  const norm = workingDaysInMonth(v.month, calendar);
  const hours = mentorMonthHours(v.entries).filter((r) => r.month === v.month);
  const active = v.agreements.filter((a) => shareOf(a, v.month, calendar) > 0);

  const wb = new ExcelJS.Workbook();
  wb.creator = '@nastavnik/documents';
  const ws = wb.addWorksheet('Табель', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '5:5',
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Страница &P из &N' },
    views: [{ state: 'frozen', ySplit: 5 }],
  });
  ws.columns = [8, 34, 28, 36, 12, 12, 16, 26].map((width) => ({ width }));
  const [y, m] = [v.month.slice(0, 4), Number(v.month.slice(5, 7))];
  const line = (text: string, bold = false) => {
    const row = ws.addRow([safeCellText(text)]);
    ws.mergeCells(row.number, 1, row.number, 8);
    row.font = { bold, size: bold ? 12 : 11 };
    row.alignment = { horizontal: 'center', wrapText: true };
    return row;
  };
  line(v.organization.name);
  line('Табель учёта работы по наставничеству (ст. 351.8 ТК РФ)', true);
  line(
    `за ${monthNames.ru.nominative[m - 1]} ${y} г. · рабочих дней по производственному календарю: ${norm}`,
  );
  ws.addRow([]);
  const header = ws.addRow([
    '№ п/п',
    'Наставник (ФИО, должность)',
    'Основание (доп. соглашение)',
    'Пара (группа)',
    'Часы',
    'Предел, ч',
    'Выплата, руб.',
    'Отметка',
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const border = { style: 'thin' as const };
  const box = (row: ExcelJS.Row) => {
    for (let c = 1; c <= 8; c++)
      row.getCell(c).border = { top: border, left: border, bottom: border, right: border };
  };
  // LibreOffice and Excel do not grow a row for wrapped text written by a program: set the height from the
  // longest text against its column's width (about one character per width unit).
  const fit = (row: ExcelJS.Row, texts: readonly [string, number][]) => {
    const lines = Math.max(1, ...texts.map(([t, width]) => Math.ceil(t.length / (width - 2))));
    if (lines > 1) row.height = 15 * lines;
  };
  box(header);

  const payCells: string[] = [];
  active.forEach((a, i) => {
    const mentor = v.people.find((p) => p.id === a.mentorId);
    if (!mentor)
      throw fail('unknown_reference', ['agreements', i, 'mentorId'], { ref: 'mentor', id: a.mentorId });
    const row = hours.find((r) => r.mentorId === a.mentorId);
    const byPair = row?.byPair ?? [];
    const limits = [v.policy.maxHoursPerMonth, a.hoursPerMonth].filter((x): x is number => x !== undefined);
    const limit = limits.length ? Math.min(...limits) : undefined;
    const salary = v.salaries[a.mentorId];
    if (a.pay.kind === 'percentOfSalary' && salary === undefined) {
      throw fail('required', ['salaries', a.mentorId], { reason: 'salaryForPercentPay' });
    }
    const pay = monthlyPay(a.pay, {
      ...(salary === undefined ? {} : { salary }),
      share: shareOf(a, v.month, calendar),
    });
    const who = `${formatName(mentor.name, 'lastFirst')}${mentor.position ? `, ${mentor.position}` : ''}`;
    const basis = `${a.number ? `№ ${a.number} ` : ''}от ${a.signedAt.split('-').reverse().join('.')}`;
    const first = ws.rowCount + 1;
    const lines = byPair.length ? byPair : [{ pairId: '', hours: 0 }];
    lines.forEach((p, k) => {
      const r = ws.addRow([
        k === 0 ? i + 1 : '',
        k === 0 ? safeCellText(who) : '',
        k === 0 ? safeCellText(basis) : '',
        p.pairId ? safeCellText(v.pairLabels[p.pairId] ?? p.pairId) : 'часы не учтены',
        p.hours,
      ]);
      r.getCell(5).numFmt = HOURS;
      r.alignment = { wrapText: true, vertical: 'top' };
      fit(r, [
        [k === 0 ? who : '', 34],
        [k === 0 ? basis : '', 28],
        [p.pairId ? (v.pairLabels[p.pairId] ?? p.pairId) : '', 36],
      ]);
      box(r);
    });
    const last = ws.rowCount;
    const total = byPair.reduce((s, p) => s + p.hours, 0);
    const over = limit !== undefined && total > limit;
    const t = ws.addRow([
      '',
      'Итого по наставнику',
      '',
      '',
      { formula: `SUM(E${first}:E${last})`, result: Math.round(total * 100) / 100 },
      limit ?? '',
      pay,
      over ? 'Превышен предел часов' : '',
    ]);
    t.font = { bold: true };
    t.getCell(5).numFmt = HOURS;
    t.getCell(6).numFmt = HOURS;
    t.getCell(7).numFmt = MONEY;
    if (over) t.getCell(8).font = { bold: true, color: { argb: 'FFC00000' } };
    box(t);
    payCells.push(`G${t.number}`);
  });
  const totalPay = active.reduce((s, a) => {
    const salary = v.salaries[a.mentorId];
    return (
      s +
      monthlyPay(a.pay, { ...(salary === undefined ? {} : { salary }), share: shareOf(a, v.month, calendar) })
    );
  }, 0);
  const all = ws.addRow([
    '',
    'Всего к начислению',
    '',
    '',
    '',
    '',
    { formula: payCells.length ? payCells.join('+') : '0', result: Math.round(totalPay * 100) / 100 },
    '',
  ]);
  all.font = { bold: true };
  all.getCell(7).numFmt = MONEY;
  box(all);
  ws.addRow([]);
  const sign = (role: string, who?: { position: string; name: string }) => {
    const r = ws.addRow([
      '',
      safeCellText(role),
      safeCellText(who?.position ?? ''),
      '____________',
      '',
      safeCellText(who?.name ?? ''),
    ]);
    r.alignment = { vertical: 'bottom', wrapText: true };
    fit(r, [[who?.position ?? '', 28]]);
  };
  sign('Табель составил', v.preparedBy);
  sign('Табель принял (бухгалтерия)');
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
