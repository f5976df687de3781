// `pnpm demo`: a whole programme year on the embedded sample municipality.
//   pnpm demo [--seed N] [--size small|medium|large] [--out DIR] [--lang ru|en]
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isNastavnikError, type Lang } from '@nastavnik/core';
import { writeOutputs } from './outputs';
import { summarize } from './summary';
import { runProgrammeYear, YEAR_STEPS, type YearStep } from './year';

const SIZES = {
  small: { schools: 2, pupilsPerSchool: 40, teachersPerSchool: 14 },
  medium: { schools: 4, pupilsPerSchool: 60, teachersPerSchool: 20 },
  large: { schools: 12, pupilsPerSchool: 300, teachersPerSchool: 40 },
} as const;

const STEP_LABEL: Record<YearStep, { ru: string; en: string }> = {
  registries: {
    ru: 'Базы наставников и наставляемых, согласия',
    en: 'Mentor and mentee registries, consents',
  },
  programmes: {
    ru: 'Программы по дорожным картам (7 этапов)',
    en: 'Programmes through their roadmaps (7 stages)',
  },
  surveys: {
    ru: 'Анкетирование: запросы и потенциал наставников',
    en: 'Surveys: needs and mentor potential',
  },
  matching: { ru: 'Подбор пар: matchOptimal и matchStable', en: 'Matching: matchOptimal and matchStable' },
  pairs: {
    ru: 'Пары: согласия, приказ, встречи, программы',
    en: 'Pairs: consents, order, meetings, programmes',
  },
  indicators: { ru: 'Показатели: декабрь и май', en: 'Indicators: December and May' },
};

interface Args {
  seed: number;
  size: keyof typeof SIZES;
  out: string;
  lang: Lang;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: pnpm demo [--seed N] [--size small|medium|large] [--out DIR] [--lang ru|en]\n`,
  );
  process.exit(2);
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { seed: 1, size: 'medium', out: 'out', lang: 'ru' };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    if (raw === '--') continue;
    const [flag, inline] = raw.includes('=') ? raw.split('=', 2) : [raw, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case '--seed': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) usage('--seed takes a whole number');
        args.seed = n;
        break;
      }
      case '--size': {
        const s = value();
        if (!(s in SIZES)) usage('--size is small, medium or large');
        args.size = s as Args['size'];
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--lang': {
        const l = value();
        if (l !== 'ru' && l !== 'en') usage('--lang is ru or en');
        args.lang = l;
        break;
      }
      default:
        usage(`unknown option ${raw}`);
    }
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // pnpm runs the script in the example's folder; the output goes where the user stands.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  const started = Date.now();
  const progress = (s: YearStep, i: number) =>
    process.stdout.write(`[${i + 1}/${YEAR_STEPS.length + 1}] ${STEP_LABEL[s][args.lang]}…\n`);
  const year = runProgrammeYear({ seed: args.seed, ...SIZES[args.size], onProgress: progress });
  process.stdout.write(
    `[${YEAR_STEPS.length + 1}/${YEAR_STEPS.length + 1}] ${args.lang === 'ru' ? 'Документы' : 'Documents'} → ${out}\n`,
  );
  await rm(out, { recursive: true, force: true });
  let n = 0;
  const files = await writeOutputs(year, out, () => {
    n++;
    if (n % 10 === 0) process.stdout.write(`  ${n}…\n`);
  });
  await (await import('./practices')).writePractices(year, out);
  await (await import('./mentorSide')).writeMentorSide(year, out);
  const release = await import('./release');
  await release.writeRelease(year, out);
  const r = release.releaseReport(release.regionRelease(year));
  const linked = Object.values(r.generalisedToParent.linked).reduce((s, n) => s + n, 0);
  const kept = Object.values(r.withheldForConsent).reduce<number>(
    (s, v) => s + (typeof v === 'number' ? v : 0),
    0,
  );
  process.stdout.write(
    args.lang === 'ru'
      ? `Региону — обезличенный набор (release/): ${r.sent.persons} чел., k = ${r.k}, наименьшая группа ${r.smallestClass}; без согласия удержано записей: ${kept}, не нужны показателям: ${r.deletedNotCounted}, подняты на уровень выше: ${r.generalisedToParent.records} чел. и ${linked} связанных записей, без отметки «молодой специалист»: ${r.youngSpecialistMarkDeleted.records}, исключены: ${r.suppressed.records} чел. и ${r.suppressed.responses} ответов; отчёт — dpo/\n`
      : `To the region, depersonalised (release/): ${r.sent.persons} people, k = ${r.k}, smallest class ${r.smallestClass}; records kept back for consent: ${kept}, not needed by indicators: ${r.deletedNotCounted}, moved up: ${r.generalisedToParent.records} people and ${linked} linked records, without the young specialist mark: ${r.youngSpecialistMarkDeleted.records}, suppressed: ${r.suppressed.records} people and ${r.suppressed.responses} answers; report in dpo/\n`,
  );
  process.stdout.write(`\n${summarize(year, files, args.lang).join('\n')}\n`);
  process.stdout.write(
    `\n${args.lang === 'ru' ? 'Готово за' : 'Done in'} ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}\n`,
  );
}

main().catch((error: unknown) => {
  if (isNastavnikError(error)) {
    process.stderr.write(`${error.code} at ${error.path.join('.')}: ${error.messageEn}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
