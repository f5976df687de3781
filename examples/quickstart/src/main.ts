import { mentorshipFormats, mentorshipForms, programmeStageLabels } from '@nastavnik/core';

console.log('Nastavnik quickstart');
console.log(`Forms: ${mentorshipForms.entries.length}, formats: ${mentorshipFormats.entries.length}`);
console.log(`Stages: ${Object.values(programmeStageLabels).map((l) => l.ru).join(' → ')}`);
