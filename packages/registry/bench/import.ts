/**
 * `pnpm bench`: import a mentee registry (XLSX, 20 000 rows by default) and
 * compare, in the same run and with the same treatment, with named peers
 * that produce the same records from the same file:
 *
 * - exceljs' own streaming reader (`stream.xlsx.WorkbookReader`, rows only)
 *   mapping each row to the same mentee record (no validation);
 * - exceljs' whole-file loader (`workbook.xlsx.load`) with the same mapping;
 * - the XLSX reader alone (bytes to rows, no mapping): the one the import
 *   uses (fflate + saxes, `_internal/sheet.ts`) against the one it used
 *   before (exceljs' streaming reader with its fixes, kept in
 *   `__fixtures__/exceljsSheets.ts`), the before/after of that change.
 *
 * Every case runs in fresh child processes (PROCESSES, default 3): the first
 * run in a process is the cold call, the next WARM runs (default 3) the warm
 * steady state. Reported: median with min–max over runs (wall time, and the
 * process's CPU time), peak RSS of the cold run, ratios ours / peer for cold
 * and warm. Results go through scripts/bench-publish.ts to
 * docs/bench/registry.md and the README's bench block.
 *
 *   ROWS=100000 PROCESSES=3 WARM=3 pnpm bench
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { publishBench } from '../../../scripts/bench-publish';
import { consentCheckFor } from '../src/__fixtures__/consents';
import { exceljsSheets } from '../src/__fixtures__/exceljsSheets';
import { DEFAULT_LIMITS } from '../src/_internal/limits';
import { type XlsxContext, xlsxSheets } from '../src/_internal/sheet';
import type { MenteeRecord } from '../src/index';
import { exportRegistry, importRegistryStream } from '../src/index';

const ROWS = Number(process.env.ROWS ?? 20_000);
const PROCESSES = Number(process.env.PROCESSES ?? 3);
const WARM = Number(process.env.WARM ?? 3);
const FILE = join(tmpdir(), `nastavnik-bench-mentees-${ROWS}.xlsx`);
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
];
const FIRST = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Сергей',
  'Андрей',
  'Алексей',
  'Артём',
  'Илья',
  'Кирилл',
  'Михаил',
];
const MIDDLE = ['Александрович', 'Дмитриевич', 'Сергеевич', 'Андреевич', 'Алексеевич', 'Игоревич'];
const COMP = [
  'academicSupport',
  'publicSpeaking',
  'careerGuidance',
  'socialAdaptation',
  'leadership',
  'creativity',
];
const DIFF = [
  'Трудности с математикой',
  'Не уверен в себе у доски',
  'Выбор профессии',
  'Адаптация в новом классе',
];

function mentees(n: number): MenteeRecord[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: MenteeRecord[] = [];
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    const grade = 1 + Math.floor(r() * 11);
    const y = 2006 + (11 - grade);
    out.push({
      person: {
        id,
        organizationId: `sch-${i % 400}`,
        category: 'pupil',
        name: { lastName: pick(LAST), firstName: pick(FIRST), middleName: pick(MIDDLE) },
        gender: 'male',
        birthDate: `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
        subjects: [],
        grade,
      },
      profile: {
        personId: id,
        group: grade <= 4 ? 'primarySchool' : grade <= 9 ? 'middleSchool' : 'highSchool',
        requests: [
          {
            id: `${id}-r1`,
            menteeId: id,
            competence: pick(COMP),
            difficulty: pick(DIFF),
            priority: 'medium',
            wantedFormats: ['traditional'],
            source: 'classTeacher',
            createdAt: '2023-09-15',
          },
        ],
        interests: [],
        preferredFormats: [],
      },
    } as unknown as MenteeRecord);
  }
  return out;
}

function sampler() {
  let rss = 0;
  const tick = () => {
    rss = Math.max(rss, process.memoryUsage().rss);
  };
  const t = setInterval(tick, 20);
  return {
    stop: () => {
      clearInterval(t);
      tick();
      return rss;
    },
  };
}

/** The peers' mapping: a row of the exported sheet to the same mentee record shape, by header. */
function peerMapper(header: readonly unknown[]) {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (typeof h === 'string') at.set(h.replace(/\s*\*$/, ''), i);
  });
  const col = (name: string) => at.get(name) ?? -1;
  const [cId, cName, cBirth, cGrade, cComp, cDiff, cReq] = [
    col('ID'),
    col('ФИО'),
    col('Дата рождения'),
    col('Класс'),
    col('Компетенция (запрос)'),
    col('Запрос (затруднение)'),
    col('ID запроса'),
  ];
  const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v).trim());
  const iso = (v: unknown) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(text(v) ?? '');
    return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
  };
  return (values: readonly unknown[]) => {
    const id = text(values[cId]) ?? '';
    const [lastName = '', firstName = '', middleName] = (text(values[cName]) ?? '').split(/\s+/);
    return {
      person: {
        id,
        category: 'pupil',
        name: { lastName, firstName, ...(middleName ? { middleName } : {}) },
        birthDate: iso(values[cBirth]),
        grade: Number(values[cGrade]),
        subjects: [],
      },
      profile: {
        personId: id,
        requests: [
          {
            id: text(values[cReq]),
            menteeId: id,
            competence: text(values[cComp]),
            difficulty: text(values[cDiff]),
          },
        ],
      },
    };
  };
}

type Run = { ms: number; cpu: number; records: number };

/** CPU time (user + system) of this process since `c0`, in ms. */
const cpuSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function runOurs(): Promise<Run> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let records = 0;
  const bytes = readFileSync(FILE);
  for await (const b of importRegistryStream(Readable.from([bytes]), {
    kind: 'mentees',
    organizationId: 'region',
  })) {
    records += b.records.length; // handed over and dropped, as a caller writing to a database would
  }
  return { ms: performance.now() - t0, cpu: cpuSince(c0), records };
}

const READER: XlsxContext = {
  limits: DEFAULT_LIMITS,
  onDate1904: () => undefined,
  broken: () => new Error('broken'),
  tooLarge: () => new Error('too large'),
};

/** Rows with any cell read by a reader from the file (the data sheet only, as the peers). */
async function runReader(read: typeof xlsxSheets): Promise<Run> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let records = -1; // the header row
  for await (const sheet of read(Readable.from([readFileSync(FILE)]), READER)) {
    for await (const row of sheet.rows) if (row.cells.length > 0) records++;
    break;
  }
  return { ms: performance.now() - t0, cpu: cpuSince(c0), records };
}

async function runPeerStream(): Promise<Run> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let records = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readFileSync(FILE)]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let map: ReturnType<typeof peerMapper> | undefined;
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<{ number: number; values: unknown[] }>) {
      if (!map) map = peerMapper(row.values);
      else if (map(row.values).person.id) records++;
    }
    break; // the data sheet comes first; the others are the instruction and the lists
  }
  return { ms: performance.now() - t0, cpu: cpuSince(c0), records };
}

async function runPeerLoad(): Promise<Run> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let records = 0;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FILE) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  let map: ReturnType<typeof peerMapper> | undefined;
  ws?.eachRow((row) => {
    const values = row.values as unknown[];
    if (!map) map = peerMapper(values);
    else if (map(values).person.id) records++;
  });
  return { ms: performance.now() - t0, cpu: cpuSince(c0), records };
}

const CASES = {
  ours: { label: '`importRegistryStream` (parse + map + validate)', run: runOurs },
  stream: { label: 'exceljs streaming reader + mapping (peer)', run: runPeerStream },
  load: { label: 'exceljs `workbook.xlsx.load` + mapping (second line)', run: runPeerLoad },
  rowsNew: { label: 'XLSX reader alone, now (fflate + saxes): rows', run: () => runReader(xlsxSheets) },
  rowsOld: {
    label: 'XLSX reader alone, before (exceljs streaming, fixed): rows',
    run: () => runReader(exceljsSheets),
  },
} as const;
type CaseName = keyof typeof CASES;

/** One child process: the cold run, then WARM warm runs. */
async function child(name: CaseName): Promise<void> {
  const s = sampler();
  const cold = await CASES[name].run();
  const rss = s.stop();
  const warm: Run[] = [];
  for (let i = 0; i < WARM; i++) warm.push(await CASES[name].run());
  process.stdout.write(`${JSON.stringify({ cold, warm, rss })}\n`);
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(2);
const spread = (xs: readonly number[]) =>
  `${sec(median(xs))} s (${sec(Math.min(...xs))}–${sec(Math.max(...xs))})`;

async function main(): Promise<void> {
  if (!existsSync(FILE)) {
    const records = mentees(ROWS);
    const bytes = await exportRegistry(records, {
      kind: 'mentees',
      format: 'xlsx',
      validationRows: 10,
      consentCheck: consentCheckFor('mentees', records),
    });
    writeFileSync(FILE, bytes);
  }
  const self = fileURLToPath(import.meta.url);
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const results = new Map<
    CaseName,
    { cold: number[]; warm: number[]; cpu: number[]; rss: number[]; records: number }
  >();
  // Interleaved: ours, peer, second line, ours, … so that a change in the machine's load hits every side alike.
  for (let p = 0; p < PROCESSES; p++) {
    for (const name of Object.keys(CASES) as CaseName[]) {
      const out = spawnSync(process.execPath, [...process.execArgv, self, name], {
        encoding: 'utf8',
        maxBuffer: 1e7,
      });
      if (out.status !== 0) throw new Error(out.stderr);
      const r = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as {
        cold: Run;
        warm: Run[];
        rss: number;
      };
      const acc = results.get(name) ?? { cold: [], warm: [], cpu: [], rss: [], records: r.cold.records };
      acc.cold.push(r.cold.ms);
      for (const w of r.warm) {
        acc.warm.push(w.ms);
        acc.cpu.push(w.cpu);
      }
      acc.rss.push(r.rss);
      results.set(name, acc);
    }
  }
  const ours = results.get('ours');
  if (!ours) return;
  const mib = (x: number) => `${Math.round(median([x]) / 2 ** 20)} MiB`;
  const lines = [
    `\`ROWS=${ROWS} PROCESSES=${PROCESSES} WARM=${WARM} pnpm bench\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, load average ${load}; file ${(statSync(FILE).size / 1e6).toFixed(1)} MB, ${ROWS} mentee rows.`,
    '',
    '| case | records | cold: first run in a process | warm: later runs | warm CPU time | peak RSS (cold run) | cold ours/peer | warm ours/peer | warm CPU ours/peer |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const rowsNew = results.get('rowsNew');
  for (const [name, r] of results) {
    // The import against its peers; the reader now against the reader before.
    const base = name === 'rowsOld' ? rowsNew : name === 'rowsNew' ? undefined : ours;
    const ratio = (a: ((x: typeof r) => number[]) | undefined) =>
      !base || base === r || !a ? '—' : `×${(median(a(base)) / median(a(r))).toFixed(2)}`;
    lines.push(
      `| ${CASES[name].label} | ${r.records} | ${spread(r.cold)} | ${spread(r.warm)} | ${spread(r.cpu)} | ${mib(median(r.rss))} | ${ratio((x) => x.cold)} | ${ratio((x) => x.warm)} | ${ratio((x) => x.cpu)} |`,
    );
  }
  lines.push(
    '',
    `Median (min–max) over ${PROCESSES} processes (cold) and ${PROCESSES * WARM} runs (warm); each case runs in its own process, interleaved. Ratios: the import against the two exceljs peers; the reader now against the reader before (last row).`,
  );
  const text = lines.join('\n');
  publishBench('registry', text);
  process.stdout.write(`${text}\n`);
}

const mode = process.argv[2];
if (mode !== undefined && mode in CASES) await child(mode as CaseName);
else await main();
