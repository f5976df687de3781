/**
 * `pnpm bench`: import a 100 000-row mentee registry (XLSX) with
 * importRegistryStream, and compare with a named peer on the same file:
 * exceljs' non-streaming `workbook.xlsx.load` (which only parses the cells,
 * no mapping or validation). Each case runs in its own child process so that
 * peak memory is measured alone.
 *
 *   ROWS=20000 pnpm bench   # a smaller run
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { MenteeRecord } from '../src/index';
import { exportRegistry, importRegistryStream } from '../src/index';

const ROWS = Number(process.env.ROWS ?? 100_000);
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
  let heap = 0;
  const tick = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const t = setInterval(tick, 20);
  return {
    stop: () => {
      clearInterval(t);
      tick();
      return { rss, heap };
    },
  };
}

async function caseOurs() {
  const s = sampler();
  const t0 = performance.now();
  let accepted = 0;
  let rejected = 0;
  let records = 0;
  for await (const b of importRegistryStream(createReadStream(FILE), {
    kind: 'mentees',
    organizationId: 'region',
  })) {
    records += b.records.length; // handed over and dropped, as a caller writing to a database would
    if (b.done) {
      accepted = b.cumulative.accepted;
      rejected = b.cumulative.rejected;
    }
  }
  const ms = performance.now() - t0;
  const mem = s.stop();
  return { ms, ...mem, accepted, rejected, records };
}

async function casePeer() {
  const s = sampler();
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FILE) as unknown as ExcelJS.Buffer);
  const rows = wb.worksheets[0]?.rowCount ?? 0;
  const ms = performance.now() - t0;
  const mem = s.stop();
  return { ms, ...mem, rows };
}

const mode = process.argv[2];
if (mode === 'ours' || mode === 'peer') {
  const r = mode === 'ours' ? await caseOurs() : await casePeer();
  process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  if (!existsSync(FILE)) {
    const t0 = performance.now();
    const bytes = await exportRegistry(mentees(ROWS), {
      kind: 'mentees',
      format: 'xlsx',
      validationRows: 10,
    });
    writeFileSync(FILE, bytes);
    console.log(
      `wrote ${ROWS} rows, ${(bytes.length / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s (exportRegistry)`,
    );
  }
  const self = fileURLToPath(import.meta.url);
  const run = (m: string) => {
    const out = spawnSync(process.execPath, [...process.execArgv, self, m], {
      encoding: 'utf8',
      maxBuffer: 1e7,
    });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as {
      ms: number;
      rss: number;
      heap: number;
    };
  };
  const ours = run('ours') as ReturnType<typeof run> & { accepted: number; rejected: number };
  const peer = run('peer') as ReturnType<typeof run> & { rows: number };
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MiB`;
  console.log(`file: ${FILE} (${(statSync(FILE).size / 1e6).toFixed(1)} MB, ${ROWS} rows)`);
  console.log(
    `importRegistryStream:        ${(ours.ms / 1000).toFixed(2)} s, ${Math.round((ROWS / ours.ms) * 1000)} rows/s, peak RSS ${mb(ours.rss)}, peak heap ${mb(ours.heap)} (accepted ${ours.accepted}, rejected ${ours.rejected})`,
  );
  console.log(
    `exceljs workbook.xlsx.load:  ${(peer.ms / 1000).toFixed(2)} s, ${Math.round((ROWS / peer.ms) * 1000)} rows/s, peak RSS ${mb(peer.rss)}, peak heap ${mb(peer.heap)} (cells only, no validation)`,
  );
  console.log(
    `ratio ours/peer: time ×${(ours.ms / peer.ms).toFixed(2)}, peak RSS ×${(ours.rss / peer.rss).toFixed(2)}, peak heap ×${(ours.heap / peer.heap).toFixed(2)}`,
  );
}
