/**
 * Benchmark: pair orders (10 pairs each, consents checked) built and rendered
 * to DOCX, against a peer doing the same work with the `docx` library
 * directly: the same order — the same header, paragraphs, the table of pairs,
 * the signature and the acquaintance table, in Times New Roman on A4 — written
 * by a straightforward hand-made mapping to `docx` paragraphs and tables.
 *
 * Three sides, each in processes of its own, with the same treatment:
 * - `ours`: `buildPairsOrder` (validation, consent policy, declension,
 *   typography, model) + `renderDocx`, from the raw input;
 * - `render`: `renderDocx` alone, of the model built before the clock starts;
 * - `peer`: `docx` directly, from the same model's texts prepared before the
 *   clock starts — the same content and tables as `render`.
 * `render` / `peer` is like for like (the same document from the same texts);
 * `ours` / `peer` adds what the builder does that a hand-written order does not.
 * Cold: the first document of a fresh process (median of 3 processes). Warm:
 * per-document median over the documents after the same warm-up, with the
 * 10th–90th percentile spread. Peak RSS of the warm process.
 *
 *   pnpm --filter @nastavnik/documents bench        (BENCH_N documents a warm run, default 300)
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Consent } from '@nastavnik/core';
import { generateMunicipality } from '@nastavnik/core/sample';
import {
  type Block,
  buildPairsOrder,
  type NastavnikDocument,
  type PairsOrderInput,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { publishBench } from '../../../scripts/bench-publish';

const N = Number(process.env.BENCH_N ?? 300);
const WARMUP = 20;
const PAIRS = 10;
const SIDES = ['ours', 'render', 'peer'] as const;
type Side = (typeof SIDES)[number];

function makeInputs(count: number): PairsOrderInput[] {
  const m = generateMunicipality({ seed: 11, schools: 4 });
  const inputs: PairsOrderInput[] = [];
  for (let k = 0; k < count; k++) {
    const school = m.schools[k % m.schools.length];
    if (!school) throw new Error('no school');
    const mentors = school.mentorProfiles.map((p) => p.personId);
    const mentees = school.menteeProfiles.map((p) => p.personId).filter((id) => !mentors.includes(id));
    const pairs = Array.from({ length: PAIRS }, (_, i) => ({
      id: `pair-${k}-${i}`,
      organizationId: school.organization.id,
      mentorId: mentors[(i + k) % mentors.length] as string,
      menteeIds: [mentees[(i * 3 + k) % mentees.length] as string],
      form: 'teacherTeacher',
      formats: ['traditional'],
      origin: 'matching' as const,
    }));
    const ids = new Set(pairs.flatMap((p) => [p.mentorId, ...p.menteeIds]));
    const consents: Consent[] = [...ids].map((id, i) => {
      const p = school.persons.find((x) => x.id === id);
      const parent = p?.category === 'pupil';
      return {
        id: `c-${k}-${i}`,
        personId: id,
        purpose: 'personalData',
        givenAt: '2023-09-01',
        givenBy: parent ? 'parent' : 'self',
        ...(parent ? { representative: { lastName: 'Родитель', firstName: 'Имя' } } : {}),
      } as Consent;
    });
    inputs.push({
      organization: school.organization,
      order: {
        id: `ord-${k}`,
        organizationId: school.organization.id,
        act: 'order',
        kind: 'approvePairs',
        number: `${100 + k}-о`,
        date: '2023-09-20',
        title: 'О закреплении наставнических пар',
        signatory: { position: 'директор', name: school.head.name },
      },
      people: [...school.persons],
      pairs,
      consents,
      start: '2023-09-20',
      end: '2024-05-31',
      curatorId: school.curator.id,
      // The sample's registry holds personal-data consents only: ask the policy for just those.
      consentPolicy: { id: 'bench', rules: [{ activities: ['pair'], purposes: ['personalData'] }] },
      acquainted: [school.curator.id],
    } as PairsOrderInput);
  }
  return inputs;
}

// ---- the peer: the same document written with docx by hand ----------------

const FONT = 'Times New Roman';
const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 28 });
const para = (
  text: string,
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.JUSTIFIED,
  bold = false,
) => new Paragraph({ alignment: align, children: [run(text, bold)] });
const textOf = (t: string | readonly (string | { readonly text: string })[]) =>
  typeof t === 'string' ? t : t.map((x) => (typeof x === 'string' ? x : x.text)).join('');
const cellText = (c: unknown) => (typeof c === 'string' ? c : ((c as { text?: string })?.text ?? ''));
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows].map(
      (cells, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: cells.map(
            (c) =>
              new TableCell({
                borders,
                children: [
                  new Paragraph({
                    children: [new TextRun({ text: c, bold: i === 0, font: FONT, size: 24 })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });

function peerChildren(blocks: readonly Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'orgHeader':
        for (const line of b.lines) out.push(para(line, AlignmentType.CENTER, true));
        break;
      case 'requisites':
        out.push(
          para(b.act.toUpperCase(), AlignmentType.CENTER, true),
          para(`${b.date}    № ${b.number}`, AlignmentType.LEFT),
        );
        break;
      case 'title':
        out.push(para(b.text, AlignmentType.CENTER, true));
        break;
      case 'heading':
        out.push(para(b.text, AlignmentType.CENTER, true));
        break;
      case 'paragraph':
        out.push(para(textOf(b.text)));
        break;
      case 'numbered':
        out.push(para(`${b.number} ${textOf(b.text)}`));
        for (const it of b.items ?? []) out.push(para(`${it.number} ${it.text}`));
        break;
      case 'list':
        for (const it of b.items) out.push(para(`– ${it}`));
        break;
      case 'table':
        if (b.caption) out.push(para(b.caption, AlignmentType.CENTER));
        out.push(
          table(
            b.columns.map((c) => c.header),
            b.rows.map((r) => r.cells.map(cellText)),
          ),
        );
        break;
      case 'signature':
        out.push(para(`${b.position}    ${b.name}`, AlignmentType.LEFT));
        break;
      case 'signatures':
        for (const s of b.items) out.push(para(`${s.role}    ${s.name}`, AlignmentType.LEFT));
        break;
      case 'acquaintance':
        out.push(para(b.title, AlignmentType.LEFT));
        out.push(
          table(
            ['ФИО', 'Подпись', 'Дата'],
            b.rows.map((r) => [r.name, '', r.date ?? '']),
          ),
        );
        break;
      default:
        break;
    }
  }
  return out;
}

async function peerDocx(doc: NastavnikDocument): Promise<number> {
  const d = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        children: peerChildren(doc.blocks),
      },
      ...doc.annexes.map((a) => ({ children: peerChildren(a.blocks) })),
    ],
  });
  return (await Packer.toArrayBuffer(d)).byteLength;
}

// ---- one side in this process ----------------------------------------------

async function child(side: Side, calls: number): Promise<void> {
  const inputs = makeInputs(calls);
  const models = side === 'ours' ? [] : inputs.map((i) => buildPairsOrder(i));
  let peakRss = process.memoryUsage().rss;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    if (side === 'ours') bytes += (await renderDocx(buildPairsOrder(inputs[i] as PairsOrderInput))).length;
    else if (side === 'render') bytes += (await renderDocx(models[i] as NastavnikDocument)).length;
    else bytes += await peerDocx(models[i] as NastavnikDocument);
    times.push((performance.now() - t) / 1000);
    if (i % 25 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  process.stdout.write(`${JSON.stringify({ times, bytes, peakRss })}\n`);
}

// ---- the parent: every side alike -------------------------------------------

interface Measured {
  times: number[];
  bytes: number;
  peakRss: number;
}
function spawn(side: Side, calls: number): Measured {
  const out = execFileSync(
    process.execPath,
    [
      '--conditions=nastavnik-source',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--side',
      side,
      String(calls),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
}
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;

async function main(): Promise<void> {
  const load0 = loadavg()[0]!;
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  say(
    `\`pnpm bench\` in packages/documents, ${new Date().toISOString().slice(0, 10)}: pair orders × ${PAIRS} pairs, Node ${process.version}; warm: ${N} documents after ${WARMUP} warm-up, cold: the first document of 3 fresh processes.`,
  );
  say('');
  const res = new Map<Side, { cold: number[]; warm: number[]; rss: number; kib: number }>();
  for (const side of SIDES) {
    const warm = spawn(side, WARMUP + N);
    const cold = [warm.times[0]!, spawn(side, 1).times[0]!, spawn(side, 1).times[0]!];
    res.set(side, {
      cold,
      warm: warm.times.slice(WARMUP),
      rss: warm.peakRss,
      kib: warm.bytes / (WARMUP + N) / 1024,
    });
  }
  const peer = res.get('peer')!;
  say(
    '| side | cold (median of 3) | warm median per document [p10–p90] | peak RSS | avg size | cold ratio / peer | warm ratio / peer |',
  );
  say('|---|---|---|---|---|---|---|');
  for (const side of SIDES) {
    const r = res.get(side)!;
    const c = quantile(r.cold, 0.5);
    const w = quantile(r.warm, 0.5);
    say(
      `| ${side} | ${ms(c)} | ${ms(w)} [${ms(quantile(r.warm, 0.1))}–${ms(quantile(r.warm, 0.9))}] | ${(r.rss / 2 ** 20).toFixed(0)} MiB | ${r.kib.toFixed(1)} KiB | ${(c / quantile(peer.cold, 0.5)).toFixed(2)}× | ${(w / quantile(peer.warm, 0.5)).toFixed(2)}× |`,
    );
  }
  say('');
  say(`Load average ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (2 cores).`);
  if (N >= 300) publishBench('documents', lines.join('\n'));
}

const at = process.argv.indexOf('--side');
if (at >= 0) await child(process.argv[at + 1] as Side, Number(process.argv[at + 2]));
else await main();
