// What a browser application (a regional portal page) imports: everything here
// must bundle for the browser platform with no Node built-ins.
import { parseDue } from '@nastavnik/core';
import { renderHtml } from '@nastavnik/documents';
import { computeIndicators } from '@nastavnik/indicators';
import { solveAssignment } from '@nastavnik/matching';
import { importRegistry } from '@nastavnik/registry/browser';

export const used = [parseDue, renderHtml, computeIndicators, solveAssignment, importRegistry] as const;
