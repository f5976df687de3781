const { parseDue } = require('@nastavnik/core');
const { renderHtml } = require('@nastavnik/documents');
const { pairCalendar } = require('@nastavnik/documents/ics');
const { computeIndicators } = require('@nastavnik/indicators');
const { pairMachine } = require('@nastavnik/machines');
const { solveAssignment } = require('@nastavnik/matching');
const { importRegistry } = require('@nastavnik/registry');
const browserEntry = require('@nastavnik/registry/browser');

const due = parseDue('до 15 сентября 2023 г.');
const { total } = solveAssignment(new Float64Array([4, 1, 3, 2]), 2, 2);
const importInBrowser = browserEntry.importRegistry;
for (const [name, value] of Object.entries({
  renderHtml,
  computeIndicators,
  importRegistry,
  importInBrowser,
  pairMachine,
})) {
  if (value === undefined) throw new Error(`CJS: ${name} is not exported`);
}
if (total !== 4 || due === undefined) throw new Error('CJS: wrong results');
const ics = pairCalendar(
  { pairId: 'p-1', meetings: [{ id: 'm-1', start: '2024-09-10T15:30', durationMinutes: 45 }] },
  { timeZone: 'Asia/Kamchatka', date: '2024-09-02' },
);
if (!ics.includes('DTSTART;TZID=Asia/Kamchatka:20240910T153000')) throw new Error('CJS: wrong calendar');
console.log('CJS ok', due.kind, total);
