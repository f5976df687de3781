// The mentor's side (ТК РФ ст. 351.8, in force since 1 March 2025): for the teacher mentors of the
// demo's first school, their written consents, additional agreements, the order assigning the duties
// with the pay, and the timesheet of January 2026 for the accountant. The article did not exist in the
// demo's year 2023-2024, so the mentors' agreements are for the next cycle, 2025-2026, with the same
// pairs; the hours are simulated from the demo's seed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addWorkingDays,
  isWorkingDay,
  type MentoringAgreementInput,
  russianProductionCalendar,
  type WorkloadEntryInput,
  workloadFindings,
} from '@nastavnik/core';
import {
  buildMentoringAgreement,
  buildMentoringConsent,
  buildMentoringDutiesOrder,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { renderTimesheetXlsx } from '@nastavnik/documents/xlsx';
import { createRng } from './rng';
import type { YearResult } from './year';

const TERM = { start: '2025-09-01', end: '2026-05-31' } as const;
const MONTH = '2026-01';
const POLICY = { maxHoursPerMonth: 6, maxMenteesPerMentor: 3 } as const;

/**
 * Write `<outDir>/mentor-side/`: a consent and an additional agreement per teacher mentor, the
 * order, and the January 2026 timesheet. Returns the relative paths written.
 */
export async function writeMentorSide(year: YearResult, outDir: string): Promise<string[]> {
  // The school with the most teacher mentors (pairs matched by criteria are teachers', 003 §6.1).
  const teacherMentors = (id: string) =>
    new Set(year.pairs.filter((j) => j.schoolId === id && j.method === 'optimal').map((j) => j.pair.mentorId))
      .size;
  const school = [...year.sample.schools].sort(
    (a, b) => teacherMentors(b.organization.id) - teacherMentors(a.organization.id),
  )[0];
  if (!school || teacherMentors(school.organization.id) === 0) return [];
  const pairs = year.pairs.filter((j) => j.schoolId === school.organization.id && j.method === 'optimal');
  const mentorIds = [...new Set(pairs.map((j) => j.pair.mentorId))].slice(0, 4);
  const rng = createRng(year.options.seed + 351);
  const dir = join(outDir, 'mentor-side');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, bytes: Uint8Array) => {
    await writeFile(join(dir, name), bytes);
    written.push(`mentor-side/${name}`);
  };

  const agreements: MentoringAgreementInput[] = mentorIds.map((mentorId, i) => ({
    id: `ag-${mentorId}`,
    organizationId: school.organization.id,
    mentorId,
    number: `${i + 1}/н`,
    employmentContract: { number: String(20 + i * 7), date: '2019-08-26' },
    consentDate: '2025-08-26',
    signedAt: '2025-08-28',
    content: [
      'помощь наставляемому в освоении навыков планирования и проведения уроков',
      'посещение уроков наставляемого и их разбор не реже двух раз в месяц',
      'участие в составлении и реализации персонализированной программы наставничества',
    ],
    term: TERM,
    form: 'teacherTeacher',
    formats: pairs.some((j) => j.pair.mentorId === mentorId && j.pair.menteeIds.length > 1)
      ? ['group']
      : ['traditional'],
    menteeIds: pairs.filter((j) => j.pair.mentorId === mentorId).flatMap((j) => j.pair.menteeIds),
    // One mentor is paid a share of the salary, the others a fixed sum (the school's regulation decides).
    pay: i === 0 ? { kind: 'percentOfSalary', percent: 10 } : { kind: 'fixed', amountPerMonth: 3000 },
    hoursPerMonth: 6,
    earlyTermination: { noticeWorkingDays: 3, conditions: [] },
  }));
  const people = [...school.persons];
  for (const a of agreements) {
    const base = { organization: school.organization, people, headId: school.head.id, agreement: a };
    await write(`consent-${a.mentorId}.docx`, await renderDocx(buildMentoringConsent(base)));
    await write(`agreement-${a.mentorId}.docx`, await renderDocx(buildMentoringAgreement(base)));
  }
  const order = {
    id: `ord-${school.organization.id}-351-8`,
    organizationId: school.organization.id,
    kind: 'other' as const,
    number: '112-к',
    date: '2025-08-29',
    title: 'О возложении обязанностей наставников и установлении выплаты за наставничество',
    signatory: { position: school.head.position ?? 'директор', name: school.head.name },
  };
  await write(
    'order-mentoring-duties.docx',
    await renderDocx(
      buildMentoringDutiesOrder({
        organization: school.organization,
        order,
        people,
        agreements,
        timesheetKeeperId: school.curator.id,
        acquainted: mentorIds,
      }),
    ),
  );

  // January 2026: two to four meetings a pair on working days (the holidays run to 11 January).
  const entries: WorkloadEntryInput[] = [];
  for (const j of pairs.filter((p) => mentorIds.includes(p.pair.mentorId))) {
    let day = addWorkingDays('2026-01-11', rng.int(0, 4), russianProductionCalendar);
    for (let k = rng.int(2, 4); k > 0 && day.startsWith(MONTH); k--) {
      if (isWorkingDay(day, russianProductionCalendar)) {
        entries.push({
          mentorId: j.pair.mentorId,
          pairId: j.pair.id,
          date: day,
          durationMinutes: rng.pick([45, 60, 90, 120]),
        });
      }
      day = addWorkingDays(day, rng.int(3, 6), russianProductionCalendar);
    }
  }
  await write(
    `timesheet-${MONTH}.xlsx`,
    await renderTimesheetXlsx({
      organization: school.organization,
      month: MONTH,
      people,
      agreements,
      entries,
      policy: POLICY,
      salaries: Object.fromEntries(mentorIds.slice(0, 1).map((id) => [id, 38_500])),
      pairLabels: Object.fromEntries(
        pairs.map((j) => [
          j.pair.id,
          j.pair.menteeIds
            .map((id) => people.find((p) => p.id === id))
            .map((p) => (p ? `${p.name.lastName} ${p.name.firstName.charAt(0)}.` : ''))
            .join(', '),
        ]),
      ),
      preparedBy: {
        position: school.curator.position ?? 'куратор',
        name: `${school.curator.name.firstName.charAt(0)}. ${school.curator.name.lastName}`,
      },
    }),
  );
  // The findings a curator would see: mentors over the policy's limits.
  const findings = workloadFindings(
    entries,
    mentorIds.map((mentorId) => ({
      mentorId,
      menteeCount: pairs.filter((j) => j.pair.mentorId === mentorId).flatMap((j) => j.pair.menteeIds).length,
    })),
    POLICY,
  );
  await writeFile(
    join(dir, 'workload-findings.json'),
    `${JSON.stringify(
      findings.map((f) => ({ code: f.code, params: f.params, message: f.message })),
      null,
      2,
    )}\n`,
  );
  written.push('mentor-side/workload-findings.json');
  return written;
}
