import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardDataSchema } from '../../regional-dashboard/src/data';
import { dashboardFile, generateCountry, nationalRollup, type Rollup } from './rollup';

describe('national rollup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-rollup-'));
  let rollup: Rollup;
  beforeAll(async () => {
    await generateCountry(20_000, dir);
    rollup = await nationalRollup({
      dir,
      asOf: '2024-05-31',
      period: { kind: 'academicYear', year: '2023-2024' },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rolls every region up as the sum of its municipalities, never a mean', () => {
    const cov = rollup.results.values.filter((v) => v.indicatorId === 'coverage.pupilMentees');
    const regions = cov.filter((v) => v.parentId === undefined);
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) {
      const kids = cov.filter((v) => v.parentId === r.organizationId);
      expect(kids.reduce((s, v) => s + (v.numerator ?? 0), 0)).toBe(r.numerator);
      expect(kids.reduce((s, v) => s + (v.denominator ?? 0), 0)).toBe(r.denominator);
    }
  });

  it('writes a region the regional dashboard reads (its own schema), with suppressed cells marked', () => {
    const file = dashboardFile(rollup, 'r0');
    const parsed = DashboardDataSchema.parse(file);
    expect(parsed.organizations[0]).toMatchObject({ id: 'r0', kind: 'region' });
    expect(parsed.organizations.some((o) => o.kind === 'school')).toBe(true);
    expect(parsed.values.length).toBeGreaterThan(0);
    for (const v of parsed.values) if (v.suppressed) expect(v.numerator).toBeNull();
  });
});
