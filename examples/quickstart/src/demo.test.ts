import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgrammeYear, summarize, type WrittenFile, writeOutputs, type YearResult } from './index';

const SMALL = { seed: 7, schools: 2, pupilsPerSchool: 40, teachersPerSchool: 14 };

async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error(`${path}: no word/document.xml`);
  return (
    xml
      .replace(/<w:tab\/>/g, ' ')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      // Typeset text: non-breaking spaces read as spaces.
      .replace(/\u00a0/g, ' ')
  );
}

describe('the demo year (examples/quickstart)', () => {
  let year: YearResult;
  let out: string;
  let files: WrittenFile[];

  beforeAll(async () => {
    year = runProgrammeYear(SMALL);
    out = await mkdtemp(join(tmpdir(), 'nastavnik-demo-'));
    files = await writeOutputs(year, out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('runs every programme through its seven stages', () => {
    expect(year.programmes).toHaveLength(SMALL.schools + 1);
    for (const p of year.programmes) {
      expect(p.snapshot.context.stage).toBe('closed');
      expect(p.snapshot.context.stageHistory.map((h) => h.stage)).toEqual([
        'preparation',
        'menteeBase',
        'mentorBase',
        'mentorTraining',
        'pairFormation',
        'pairWork',
        'completion',
      ]);
    }
  });

  it('forms pairs both ways and explains every unmatched mentee', () => {
    const optimal = year.matching.flatMap((m) => m.optimal.pairs);
    const stable = year.matching.flatMap((m) => m.stable.pairs);
    expect(optimal.length).toBeGreaterThan(0);
    expect(stable.length).toBeGreaterThan(0);
    for (const p of optimal) expect(p.contributions.length).toBeGreaterThan(0);
    for (const m of year.matching)
      for (const u of [...m.optimal.unmatched, ...m.stable.unmatched])
        expect(u.text.ru.length).toBeGreaterThan(0);
  });

  it('keeps the rules of the pair machine: completed pairs had consents, an order and all meetings in order', () => {
    expect(year.pairs.length).toBeGreaterThan(0);
    const order = ['organizational', 'trial', 'planning'];
    for (const j of year.pairs) {
      const c = j.snapshot.context;
      if (j.fate === 'completed' || j.fate === 'extended') {
        expect(c.completedAt).not.toBeNull();
        expect(c.order).not.toBeNull();
        expect(c.meetings.slice(0, 3).map((m) => m.kind)).toEqual(order);
        expect(c.meetings.at(-1)?.kind).toBe('final');
        expect(c.programme?.plan.every((i) => i.doneAt !== null)).toBe(true);
      }
      if (j.fate === 'terminated') expect(c.termination?.reason).toBeDefined();
      if (j.fate === 'consentsIncomplete') {
        expect(c.order).toBeNull();
        expect(j.refusals.map((r) => r.code)).toContain('consents_incomplete');
      }
    }
    // The demo sends one meeting out of sequence on purpose: it must be refused.
    expect(year.pairs.flatMap((j) => j.refusals.map((r) => r.code))).toContain('meeting_out_of_sequence');
  });

  it('writes every document type, and each DOCX reads back with its text', async () => {
    const paths = files.map((f) => f.path);
    for (const expected of [
      'orders/00-municipal-order.docx',
      'orders/01-curator-order.docx',
      'orders/02-introduction-order.docx',
      'regulation.docx',
      `roadmaps/${year.sample.schools[0]?.organization.id}.docx`,
      'roadmaps/templates/prokopyevsk001.docx',
      'roadmaps/templates/dagestanskieOgni002.docx',
      'roadmaps/templates/rassvet003.docx',
      'roadmaps/templates/lyceum7Tikhvin004.docx',
      'checks/document-set.json',
      'questionnaires/q-preference.docx',
      'questionnaires/q-final-satisfaction.schema.json',
      'consents/consent-adult.docx',
      'consents/consent-minor.docx',
      'reports/monitoring-december.docx',
      'reports/final-report.docx',
      'press-release.docx',
      'registries/mentors.xlsx',
      'registries/mentees.xlsx',
      'registries/pairs.xlsx',
      'registries/consents.csv',
      'indicators/indicators-may.xlsx',
      'indicators/published-may.json',
      'pairs/events.json',
    ])
      expect(paths).toContain(expected);
    expect(paths.some((p) => /orders\/.*-pairs-order\.docx$/.test(p))).toBe(true);
    expect(paths.some((p) => /orders\/.*-plans-order\.docx$/.test(p))).toBe(true);
    expect(paths.some((p) => /^programmes\/pair-.*\.docx$/.test(p))).toBe(true);

    const intro = await docxText(join(out, 'orders/02-introduction-order.docx'));
    expect(intro).toContain('ПРИКАЗЫВАЮ');
    expect(intro).toContain('Положение о системе наставничества');
    expect(intro).toMatch(/учитель\s—\sученик/u); // the region's own form, in the Regulation's list
    // The annexed roadmap is the school's own, not the seed's «Лицей № 7».
    expect(intro).not.toContain('Лицей');
    const roadmap = await docxText(join(out, 'roadmaps/templates/dagestanskieOgni002.docx'));
    expect(roadmap).toMatch(/до\s30\sянваря 2023\sг\./u);
    const pairsOrder = files.find((f) => f.path.endsWith('-pairs-order.docx'));
    const text = await docxText(join(out, pairsOrder?.path ?? ''));
    expect(text).toContain('О закреплении наставнических пар');
    const approved = year.pairs.filter(
      (j) =>
        j.snapshot.context.order !== null && `orders/${j.schoolId}-pairs-order.docx` === pairsOrder?.path,
    );
    expect(approved.length).toBeGreaterThan(0);
    const report = await docxText(join(out, 'reports/final-report.docx'));
    expect(report).toMatch(/\d+ из \d+|\d+,\d\s?%/);
  });

  it("writes the municipal authority's order (002) for its schools, with the Regulation and its own roadmap", async () => {
    const t = (await docxText(join(out, 'orders/00-municipal-order.docx'))).replaceAll('\u00a0', ' ');
    expect(t).toContain(
      'муниципальную целевую модель наставничества педагогических работников и обучающихся',
    );
    for (const s of year.sample.schools) expect(t).toContain(s.organization.shortName ?? s.organization.name);
    expect(t).toMatch(/\(муниципальным куратором\)/u);
    expect(t).toContain('Положение о муниципальной целевой модели наставничества');
    expect(t).toContain('Муниципальная дорожная карта');
    // The authority's own roadmap: the demo's dates, not the seed's «январь 2023 г.».
    expect(t).not.toMatch(/январь 2023|Дагестанские Огни/u);
    // The school's pairs order cites the Regulation with the introduction order's date and number.
    const school = year.sample.schools[0]?.organization.id;
    const pairs = (await docxText(join(out, `orders/${school}-pairs-order.docx`))).replaceAll('\u00a0', ' ');
    expect(pairs).toMatch(
      /Положением о системе наставничества[^,]*, утверждённым приказом от 31\.08\.2023 № 102-о\/д/u,
    );
  });

  it("passes checkDocumentSet: the school's and the authority's orders, roadmaps and programmes agree", async () => {
    expect(JSON.parse(await readFile(join(out, 'checks/document-set.json'), 'utf8'))).toEqual([]);
  });

  it('exports registries that read back with exceljs, row for row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'registries/mentors.xlsx'));
    const sheet = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 1);
    expect(sheet).toBeDefined();
    const rows = sheet?.actualRowCount ?? 0;
    // header row(s) + one row per mentor the consent policy lets the school keep; the others listed by id
    const left = JSON.parse(await readFile(join(out, 'registries/left-out-for-consent.json'), 'utf8')) as {
      mentors: { params: { record: number } }[];
    };
    const kept = year.sample.mentorProfiles.length - new Set(left.mentors.map((w) => w.params.record)).size;
    expect(rows).toBeGreaterThanOrEqual(kept + 1);
    expect(rows).toBeLessThanOrEqual(kept + 3);
  });

  it('publishes indicators without personal data and with small cells hidden', async () => {
    const published = await readFile(join(out, 'indicators/published-may.json'), 'utf8');
    const values = JSON.parse(published) as Array<{ numerator: unknown; value: unknown }>;
    expect(values.length).toBeGreaterThan(0);
    expect(values.some((v) => v.value === 'suppressed')).toBe(true);
    for (const v of values)
      if (typeof v.numerator === 'number' && v.numerator > 0) expect(v.numerator).toBeGreaterThanOrEqual(5);
    const press = await readFile(join(out, 'press-release.html'), 'utf8');
    for (const p of year.sample.persons) {
      expect(published).not.toContain(p.name.lastName);
      expect(press).not.toContain(p.name.lastName);
    }
  });

  it('summarises without names, the same for the same seed', () => {
    const lines = summarize(year, files, 'ru');
    const text = lines.join('\n');
    expect(text).toContain('matchOptimal');
    expect(text).toContain('Доля обучающихся — наставляемых');
    for (const p of year.sample.persons) expect(text).not.toContain(p.name.lastName);
    expect(summarize(runProgrammeYear(SMALL), files, 'ru')).toEqual(lines);
    expect(summarize(year, files, 'en').join('\n')).toContain('Share of pupils who are mentees');
  });

  it('runs as a command with options', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nastavnik-cli-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--conditions=nastavnik-source',
          '--import',
          'tsx',
          'src/main.ts',
          '--seed',
          '3',
          '--size',
          'small',
          '--out',
          dir,
          '--lang',
          'en',
        ],
        { cwd: join(__dirname, '..'), env: { ...process.env, INIT_CWD: '' } },
      );
      expect(stdout).toContain('Matching');
      expect(stdout).toMatch(/Done in [\d.]+ s/);
      const files = await readFile(join(dir, 'indicators/published-may.json'), 'utf8');
      expect(JSON.parse(files).length).toBeGreaterThan(0);
      await expect(
        promisify(execFile)(
          process.execPath,
          ['--conditions=nastavnik-source', '--import', 'tsx', 'src/main.ts', '--size', 'huge'],
          {
            cwd: join(__dirname, '..'),
          },
        ),
      ).rejects.toMatchObject({ code: 2 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // A whole demo run in a child process (~16 s of CPU): on a shared, loaded machine its wall time
    // passes 60 s, so this test waits longer; it checks the command's behaviour, not its speed.
  }, 180_000);
});
