/**
 * `pnpm --filter @nastavnik/example-national-rollup start -- [--pupils N] [--region r0] [--out out]`
 *
 * Generates a synthetic country of N pupils as Parquet (once, into
 * /tmp/nastavnik-country-N), computes every indicator at every level on
 * DuckDB, publishes with suppression, and writes `out/dashboard.json` for one
 * region: copy it to examples/regional-dashboard/public/data/ to show it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardFile, generateCountry, nationalRollup } from './rollup';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const pupils = Number(arg('pupils', '1000000'));
const region = arg('region', 'r0');
const out = arg('out', 'out');
const dir = `/tmp/nastavnik-country-${pupils}`;

if (!existsSync(join(dir, 'responses.parquet'))) {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  await generateCountry(pupils, dir);
  console.log(
    `Страна: ${pupils} обучающихся записаны в Parquet за ${((performance.now() - t0) / 1000).toFixed(1)} с (${dir})`,
  );
}
const rollup = await nationalRollup({
  dir,
  asOf: '2024-05-31',
  period: { kind: 'academicYear', year: '2023-2024' },
});
const hidden = rollup.published.filter((v) => v.suppression !== undefined).length;
console.log(
  `Показатели: ${rollup.results.values.length} значений; DuckDB ${(rollup.ms.compute / 1000).toFixed(1)} с, скрытие ${(rollup.ms.suppress / 1000).toFixed(1)} с; скрыто ${hidden}`,
);
const roots = rollup.results.values.filter(
  (v) => v.parentId === undefined && v.indicatorId === 'coverage.pupilMentees',
);
const pupilsIn = roots.reduce((s, v) => s + (v.denominator ?? 0), 0);
const mentees = roots.reduce((s, v) => s + (v.numerator ?? 0), 0);
console.log(
  `Страна: наставляемых ${mentees} из ${pupilsIn} обучающихся возрастной группы (${((100 * mentees) / pupilsIn).toFixed(1)} %)`,
);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'dashboard.json'), JSON.stringify(dashboardFile(rollup, region)));
console.log(`Регион ${region} для регионального дашборда: ${join(out, 'dashboard.json')}`);
