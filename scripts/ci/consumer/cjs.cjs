const { parseDue } = require('@nastavnik/core');
const { renderHtml } = require('@nastavnik/documents');
const { computeIndicators } = require('@nastavnik/indicators');
const { pairMachine } = require('@nastavnik/machines');
const { solveAssignment } = require('@nastavnik/matching');
const { importRegistry } = require('@nastavnik/registry');

const due = parseDue('до 15 сентября 2023 г.');
const { total } = solveAssignment(new Float64Array([4, 1, 3, 2]), 2, 2);
for (const [name, value] of Object.entries({ renderHtml, computeIndicators, importRegistry, pairMachine })) {
  if (value === undefined) throw new Error(`CJS: ${name} is not exported`);
}
if (total !== 4 || due === undefined) throw new Error('CJS: wrong results');
console.log('CJS ok', due.kind, total);
