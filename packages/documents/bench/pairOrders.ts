/**
 * Benchmark: 1,000 pair orders (10 pairs each, consents checked) built and
 * rendered to DOCX, from a generated municipality of core. Reports time,
 * throughput and peak memory, and a named peer in the same run: the `docx`
 * package itself packing a minimal one-paragraph document 1,000 times, so the
 * ratio shows what our model, typography and tables cost on top of docx.
 *
 *   pnpm --filter @nastavnik/documents bench
 */
import { type Consent, generateMunicipality } from '@nastavnik/core';
import { buildPairsOrder, type PairsOrderInput, renderDocx } from '@nastavnik/documents';
import { Document, Packer, Paragraph } from 'docx';

const N = Number(process.env.BENCH_N ?? 1000);
const PAIRS = 10;

const m = generateMunicipality({ seed: 11, schools: 4 });
const inputs: PairsOrderInput[] = [];
for (let k = 0; k < N; k++) {
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
  });
}

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const u = process.memoryUsage();
  peakRss = Math.max(peakRss, u.rss);
  peakHeap = Math.max(peakHeap, u.heapUsed);
};
const timer = setInterval(sample, 20);
const gc = (globalThis as { gc?: () => void }).gc;

async function run(name: string, fn: (i: number) => Promise<number>): Promise<{ ms: number; bytes: number }> {
  gc?.();
  peakRss = 0;
  peakHeap = 0;
  sample();
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    bytes += await fn(i);
    if (i % 50 === 0) sample();
  }
  const ms = performance.now() - t0;
  sample();
  console.log(
    `${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  ${((N / ms) * 1000).toFixed(0).padStart(5)} docs/s  ${(ms / N).toFixed(2).padStart(6)} ms/doc  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB  avg ${(bytes / N / 1024).toFixed(1)} KiB`,
  );
  return { ms, bytes };
}

console.log(`${N} pair orders × ${PAIRS} pairs, Node ${process.version}`);
let built = 0;
const buildOnly = await run('buildPairsOrder (validate + model)', async (i) => {
  built += buildPairsOrder(inputs[i] as PairsOrderInput).blocks.length;
  return 0;
});
const ours = await run(
  'buildPairsOrder + renderDocx',
  async (i) => (await renderDocx(buildPairsOrder(inputs[i] as PairsOrderInput))).length,
);
const peer = await run('peer: docx Packer, minimal 1-paragraph doc', async (i) => {
  const d = new Document({ sections: [{ children: [new Paragraph(`Приказ ${i}`)] }] });
  return (await Packer.toArrayBuffer(d)).byteLength;
});
clearInterval(timer);
console.log(
  `ratio ours / docx minimal: ${(ours.ms / peer.ms).toFixed(2)}×; model building is ${((buildOnly.ms / ours.ms) * 100).toFixed(1)}% of the total (${built} blocks)`,
);
