/**
 * Runs crafted imports one after the other in this process and prints what
 * happened, one JSON line a case: `{ name, outcome: 'result' | 'error',
 * code?, params?, ms, totals? }`. Spawned by bounded.test.ts with a small
 * heap and a deadline, so that a case that runs out of memory or hangs fails
 * the test instead of the test runner.
 */
import { isNastavnikError } from '@nastavnik/core';
import { type ImportOptions, importRegistry, importRegistryStream } from '../index';
import { blankLinesCsv, commentBomb, farApart, hugeSharedString, sheetOf, textBomb } from './crafted';

type Case = () => Promise<{ bytes: Uint8Array; options?: Partial<ImportOptions<'mentors'>>; slow?: number }>;

const enc = (s: string) => new TextEncoder().encode(s);

export const CASES: Readonly<Record<string, Case>> = {
  'csv: 40,000 blank lines around the header': async () => ({ bytes: blankLinesCsv(40_000) }),
  'csv: a 32,768-character quoted cell': async () => ({
    bytes: enc(`ФИО;Дата рождения\n"${'я'.repeat(32_768)}";01.02.1980\n`),
  }),
  'csv: 1,000,000 separators on one line': async () => ({
    bytes: enc(`ФИО;Дата рождения\nИванов Иван;01.02.1980${';'.repeat(1_000_000)}\n`),
  }),
  'xlsx: data in rows 2 and 150,000': async () => ({ bytes: await farApart(150_000) }),
  'xlsx: 40,000 formatted empty rows before the header': async () => ({
    bytes: await sheetOf(
      new Map([
        [40_001, ['ФИО', 'Дата рождения']],
        [40_002, ['Иванов Иван Иванович', '01.02.1980']],
      ]),
      40_000,
    ),
  }),
  'xlsx: a 480,000-character shared string in 60 cells': async () => ({
    bytes: await hugeSharedString(480_000, 60),
  }),
  'xlsx: the same with maxCellLength 500,000': async () => ({
    bytes: await hugeSharedString(480_000, 60),
    options: { maxCellLength: 500_000 },
  }),
  'xlsx: zip bomb, one 300 MB cell': async () => ({ bytes: await textBomb(300_000_000) }),
  'xlsx: zip bomb, 56 MB of markup over maxUnpackedBytes 16 MB': async () => ({
    bytes: await commentBomb(8_000_000),
    options: { maxUnpackedBytes: 16 * 1024 * 1024 },
  }),
  'xlsx: a part that unpacks to more than it declares': async () => ({
    bytes: await commentBomb(8_000_000, 1000),
  }),
  'xlsx: a part that declares 4 GB': async () => ({ bytes: await commentBomb(10, 0xffff_fff0) }),
  'xlsx: a consumer that takes 2.5 s per batch': async () => ({
    bytes: await sheetOf(
      new Map<number, string[]>([
        [1, ['ФИО', 'Дата рождения']],
        ...Array.from({ length: 20 }, (_, i): [number, string[]] => [
          i + 2,
          [`Иванов Иван ${'И'.repeat(i + 1)}ович`, '01.02.1980'],
        ]),
      ]),
    ),
    options: { batchSize: 10 },
    slow: 2500,
  }),
};

async function run(name: string): Promise<void> {
  const make = CASES[name];
  if (!make) throw new Error(`unknown case ${name}`);
  const { bytes, options, slow } = await make();
  const opts = { kind: 'mentors', organizationId: 'sch-1', ...options } as const;
  const t0 = performance.now();
  let out: Record<string, unknown>;
  try {
    if (slow) {
      let batches = 0;
      let totals: unknown;
      for await (const b of importRegistryStream(bytes, opts)) {
        batches++;
        totals = b.cumulative;
        await new Promise((r) => setTimeout(r, slow));
      }
      out = { outcome: 'result', totals, batches };
    } else {
      const r = await importRegistry(bytes, opts);
      out = { outcome: 'result', totals: r.totals };
    }
  } catch (e) {
    if (!isNastavnikError(e)) throw e;
    const issue = e.issues[0];
    out = { outcome: 'error', code: issue?.code, params: issue?.params, message: issue?.message };
  }
  out.ms = Math.round(performance.now() - t0);
  process.stdout.write(`${JSON.stringify({ name, ...out })}\n`);
}

for (const name of process.argv.slice(2)) await run(name);
