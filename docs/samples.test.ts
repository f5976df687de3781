// Runs every sample of the guides: a sample that no longer works fails CI,
// and each one is checked against what its page says it does.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main as core } from './samples/core';
import { main as documents } from './samples/documents';
import { main as gettingStarted } from './samples/getting-started';
import { main as indicators } from './samples/indicators';
import { main as landing } from './samples/landing';
import { main as machines } from './samples/machines';
import { main as matching } from './samples/matching';
import { main as recipeAttention } from './samples/recipe-attention';
import { main as recipeImportRegistry } from './samples/recipe-import-registry';
import { main as recipePostgres } from './samples/recipe-postgres';
import { main as recipePublish } from './samples/recipe-publish';
import { main as recipeRegionalIndicator } from './samples/recipe-regional-indicator';
import { main as recipeSchoolYear } from './samples/recipe-school-year';

describe('samples of the guides', () => {
  it('landing: a due date and a two-by-two assignment, as the landing page says', () => {
    expect(landing()).toEqual({ dueKind: 'deadline', rowToCol: [1, 0], total: 4 });
  });

  it('getting-started: generates, checks consents, matches, reports errors', () => {
    const s = gettingStarted();
    expect(s.schools).toBe(4);
    expect(s.persons).toBeGreaterThan(300);
    expect(s.consentRefusals).toBeGreaterThan(0);
    expect(s.pairs).toBeGreaterThan(0);
    expect(s.errorCode).toBe('pair_without_mentees');
  });

  it('core: schemas, errors, catalogues, consents, due dates', () => {
    const s = core();
    expect(s.personOk).toBe(true);
    expect(s.errorCodes).toContain('programme_too_short');
    expect(s.regionalForm).toBe('ветеран педагогического труда – педагог');
    expect(s.minorAllowed).toBe(false);
    expect(s.minorRefusal).toBe('minor_requires_parent_consent');
    expect(s.deadline).toBe('2024-05-31');
    expect(s.seedActivities).toBe(15);
  });

  it('matching: explained optimal pairs, weights, a criterion, stable matching, the solver', () => {
    const s = matching();
    expect(s.pairs).toBeGreaterThan(0);
    expect(s.contributionsSumToScore).toBe(true);
    expect(s.pairsWithInterests).toBe(s.pairs);
    expect(s.stable).toBe(true);
    expect(s.stablePairs).toBeGreaterThan(0);
    expect(s.blockingWithoutPairs).toBeGreaterThan(0);
    expect(s.solverTotal).toBe(5);
    expect(s.solverRowToCol).toEqual([1, 0, 2]);
  });

  it('machines: a pair from consents to completion, refusals, replay, overdue, a programme', () => {
    const s = machines();
    expect(s.refusedCode).toBe('consents_incomplete');
    expect(s.phases).toContain('consented');
    expect(s.phases).toContain('active');
    expect(s.finalPhase).toBe('completed');
    expect(s.replayMatches).toBe(true);
    expect(s.migratedPhase).toBe('completed');
    expect(s.overdueKinds).toEqual(['planItem', 'noMeeting']);
    expect(s.findProgrammeOverdue).toBeGreaterThan(0);
  });

  it('machines: the diagrams in the guides are those of the machines', () => {
    const { pairDiagram, programmeDiagram } = machines();
    for (const guide of ['machines.ru.md', 'machines.en.md']) {
      const text = readFileSync(new URL(`./guides/${guide}`, import.meta.url), 'utf8');
      const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
      expect(blocks, guide).toEqual([pairDiagram.trimEnd(), programmeDiagram.trimEnd()]);
    }
  });

  it('recipe-postgres: an event store with retries, conflicts and refusals; the log replays', async () => {
    const s = await recipePostgres();
    expect(s.results).toEqual([
      'applied',
      'duplicate',
      'conflict',
      'refused',
      'applied',
      'applied',
      'applied',
    ]);
    expect(s.phase).toBe('consented');
    expect(s.events).toBe(4);
    expect(s.replayMatches).toBe(true);
  });

  it('indicators: computed for every level, summed shares, comparison, suppression', () => {
    const s = indicators();
    expect(s.organizations).toBe(6);
    expect(s.municipalPairs).toBe(s.schoolPairsSum);
    expect(s.shareIsSumOverSum).toBe(true);
    expect(s.improved).toBeGreaterThan(0);
    expect(s.suppressed).toBeGreaterThan(0);
    expect(s.suppressed).toBeLessThan(s.published);
  });

  it('recipe-regional-indicator: counters roll up, the target is checked, small cells hidden', () => {
    const s = recipeRegionalIndicator();
    expect(s.indicators).toBe(39);
    expect(s.schoolSessions).toEqual([9, 7, 3, 10]);
    expect(s.municipalSessions).toBe(29);
    expect(s.meetsTarget).toBe(true);
    expect(s.busyShareDefined).toBe(true);
    expect(s.hiddenSessionCells).toBeGreaterThanOrEqual(2);
  });

  it('documents: a pairs order from matched pairs with consents, in four formats', async () => {
    const s = await documents();
    expect(s.pairs).toBeGreaterThan(0);
    expect(s.docxIsZip).toBe(true);
    expect(s.docxBytes).toBeGreaterThan(5000);
    expect(s.htmlHasTitle).toBe(true);
    expect(s.markdownLines).toBeGreaterThan(10);
    expect(s.xlsxBytes).toBeGreaterThan(1000);
    expect(s.roadmapTables).toBe(1);
    expect(s.jsonSchemaType).toBe('object');
  });

  it('recipe-attention: findings of the seeds, reminders never twice and up to the curator, the digest', () => {
    const s = recipeAttention();
    expect(s.codes).toEqual(['activity_overdue', 'consent_missing', 'mentee_unpaired']);
    expect(s.remindersFirstDay).toBeGreaterThan(0);
    expect(s.remindersSecondRun).toBe(0);
    expect(s.curatorReached).toBe(true);
    expect(s.digestTitle).toBe('# Пары, которым нужно внимание — 9\u00a0октября 2023\u00a0г.');
    expect(s.mentorSeesOnlyOwn).toBe(true);
  });

  it('recipe-publish: no small count reaches the page; names only with consent', () => {
    const s = recipePublish();
    expect(s.rows).toBe(5);
    expect(s.hiddenRows).toBeGreaterThan(0);
    expect(s.htmlHasNoSmallCounts).toBe(true);
    expect(s.namedMentor).toBe(true);
    expect(s.unnamedMentee).toBe(true);
  });

  it('recipe-import-registry: a hand-filled workbook, row-level errors, redaction, round trip', async () => {
    const s = await recipeImportRegistry();
    expect(s.totals).toEqual({ read: 6, accepted: 3, rejected: 3, empty: 0 });
    expect(s.issueCodes).toEqual(['date_invalid', 'name_initials_only', 'number_invalid']);
    expect(s.warningCodes).toContain('lookalikes_replaced');
    expect(s.warningCodes).toContain('rows_before_header');
    expect(s.redactedHasNoValues).toBe(true);
    expect(s.roundTrip).toBe(true);
    expect(s.duplicates).toBe(3);
    expect(s.templateBytes).toBeGreaterThan(1000);
  });

  it('recipe-school-year: programme, matching, consents, machines, order, report', async () => {
    const s = await recipeSchoolYear();
    expect(s.overdueAfter).toBeLessThan(s.overdueBefore);
    expect(s.proposed).toBeGreaterThan(0);
    expect(s.consentsCollected).toBeGreaterThan(0);
    expect(s.approved).toBe(s.proposed - s.refusals.length);
    expect(s.refusals.every((code) => code === 'consents_incomplete')).toBe(true);
    expect(s.orderBytes).toBeGreaterThan(5000);
    expect(s.coverageRows).toBeGreaterThan(0);
    expect(s.reportBytes).toBeGreaterThan(5000);
    expect(s.activitiesCounted).toBeGreaterThan(0);
  });

  it('every sample is a runnable program with a main() and is checked above', async () => {
    const here = readFileSync(new URL(import.meta.url), 'utf8');
    const helpers = new Set(['dataset.ts']);
    const samples = readdirSync(new URL('./samples/', import.meta.url)).filter((f) => f.endsWith('.ts'));
    for (const file of samples.filter((f) => !helpers.has(f))) {
      const url = new URL(`./samples/${file}`, import.meta.url).href;
      const mod: { main?: unknown } = await import(/* @vite-ignore */ url);
      expect(typeof mod.main, file).toBe('function');
      expect(here, file).toContain(`from './samples/${file.replace(/\.ts$/, '')}'`);
    }
  });
});
