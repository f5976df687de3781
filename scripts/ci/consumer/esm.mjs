import { parseDue } from '@nastavnik/core';
import { renderHtml } from '@nastavnik/documents';
import { computeIndicators } from '@nastavnik/indicators';
import { pairMachine } from '@nastavnik/machines';
import { solveAssignment } from '@nastavnik/matching';
import { importRegistry } from '@nastavnik/registry';

const due = parseDue('до 15 сентября 2023 г.');
const { total } = solveAssignment(new Float64Array([4, 1, 3, 2]), 2, 2);
for (const [name, value] of Object.entries({ renderHtml, computeIndicators, importRegistry, pairMachine })) {
  if (value === undefined) throw new Error(`ESM: ${name} is not exported`);
}
if (total !== 4 || due === undefined) throw new Error('ESM: wrong results');
console.log('ESM ok', due.kind, total);
