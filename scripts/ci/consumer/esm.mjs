import { parseDue } from '@nastavnik/core';
import { renderHtml } from '@nastavnik/documents';
import { pairCalendar } from '@nastavnik/documents/ics';
import { computeIndicators } from '@nastavnik/indicators';
import { pairMachine } from '@nastavnik/machines';
import { solveAssignment } from '@nastavnik/matching';
import { importRegistry } from '@nastavnik/registry';
import { importRegistry as importInBrowser } from '@nastavnik/registry/browser';

const due = parseDue('до 15 сентября 2023 г.');
const { total } = solveAssignment(new Float64Array([4, 1, 3, 2]), 2, 2);
for (const [name, value] of Object.entries({ renderHtml, computeIndicators, importRegistry, pairMachine })) {
  if (value === undefined) throw new Error(`ESM: ${name} is not exported`);
}
if (total !== 4 || due === undefined) throw new Error('ESM: wrong results');
const ics = pairCalendar(
  { pairId: 'p-1', meetings: [{ id: 'm-1', start: '2024-09-10T15:30', durationMinutes: 45 }] },
  { timeZone: 'Asia/Kamchatka', date: '2024-09-02' },
);
if (!ics.includes('DTSTART;TZID=Asia/Kamchatka:20240910T153000')) throw new Error('ESM: wrong calendar');
const csv = new Blob([new TextEncoder().encode('ФИО;Дата рождения\nИванова Мария Петровна;12.05.1980\n')]);
const imported = await importInBrowser(csv, { kind: 'mentors', organizationId: 'sch-1' });
if (imported.records.length !== 1) throw new Error('ESM: registry/browser import failed');
console.log('ESM ok', due.kind, total);
