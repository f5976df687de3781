// Browser test: Debian's Chromium driven by playwright-core against the built
// page served by `vite preview` on loopback. Run by `pnpm test:browser` (after
// `vite build`), in CI after Chromium is installed from Debian.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardData, DashboardDataSchema, SHOWN } from './data';
import { formatValue, indexData, indicatorAt } from './view';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const screenshot = join(root, '../../docs/images/dashboard.png');
const regionShot = join(root, '../../docs/images/dashboard-region.png');

describe('regional dashboard in Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let data: DashboardData;

  beforeAll(async () => {
    data = DashboardDataSchema.parse(
      JSON.parse(await readFile(join(root, 'dist/data/dashboard.json'), 'utf8')),
    );
    server = await preview({
      root,
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'ru-RU' });
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  const card = (id: string) => page.locator(`.card[data-indicator="${id}"] .value`).textContent();

  it('shows the region with the SDK’s numbers for the latest period', async () => {
    const ix = indexData(data);
    expect(await page.locator('#title').textContent()).toBe(data.title);
    expect(await page.getAttribute('body', 'data-period')).toBe('may');
    for (const [id, unit] of [
      [SHOWN.coverage, 'percent'],
      [SHOWN.pairs, 'count'],
      [SHOWN.satisfactionMentees, 'score'],
    ] as const)
      expect(await card(id)).toBe(formatValue(indicatorAt(ix, 'may', ix.root.id, id), unit));
    const rows = page.locator('#children tbody tr');
    expect(await rows.count()).toBe(ix.children.get(ix.root.id)?.length);
  });

  it('region view: every municipality label whole, bars full width, hidden cells marked, footnote in the right units', async () => {
    const ix = indexData(data);
    const kids = (ix.children.get(ix.root.id) ?? []).filter((k) => k.kind !== 'own');
    const box = await page.locator('#coverage-chart').boundingBox();
    if (!box) throw new Error('no chart');
    // Labels of the category axis: one per municipality, each inside the chart box.
    const labels = await page.locator('#coverage-chart svg text').evaluateAll((ts) =>
      ts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    for (const k of kids) {
      const own = labels.filter(
        (l) => k.name.startsWith(l.text) || (l.text.length > 0 && k.name.includes(l.text)),
      );
      expect(own.length, `label of ${k.name}`).toBeGreaterThan(0);
      for (const l of own) {
        expect(l.left).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(l.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
    }
    // Bars are not squeezed: the chart is tall enough for one row per municipality.
    expect(box.height).toBeGreaterThanOrEqual(kids.length * 30);
    // Every hidden coverage value has its mark on the chart.
    const hidden = kids.filter((k) => indicatorAt(ix, 'may', k.id, SHOWN.coverage)?.suppressed);
    expect(labels.filter((l) => l.text === 'скрыто: < 5').length).toBe(hidden.length);
    // The footnote names what the hidden cells count.
    const note = await page.locator('#note').textContent();
    const hiddenHere = new Set(
      data.values
        .filter(
          (v) =>
            v.period === 'may' &&
            v.suppressed &&
            [ix.root.id, ...kids.map((k) => k.id)].includes(v.organizationId),
        )
        .map((v) => v.indicatorId),
    );
    if (hiddenHere.has(SHOWN.overdue)) expect(note).toContain('мероприятий');
    if (!hiddenHere.has(SHOWN.coverage)) expect(note).not.toContain('обучающихся');
    await page.screenshot({ path: regionShot, fullPage: true });
  });

  it('a total is the sum of its rows: an authority’s own roadmap is a row of its own', () => {
    const ix = indexData(data);
    for (const period of ['december', 'may']) {
      for (const org of data.organizations.filter((o) => o.kind === 'authority')) {
        const rows = (ix.children.get(org.id) ?? []).map((k) => indicatorAt(ix, period, k.id, SHOWN.overdue));
        expect(rows.some((r) => r !== undefined)).toBe(true);
        const total = indicatorAt(ix, period, org.id, SHOWN.overdue);
        if (total?.suppressed) {
          // hidden at the top: some row must be hidden too, or the total would be a plain sum
          expect(rows.some((r) => r?.suppressed)).toBe(true);
        } else if (total && rows.every((r) => r && !r.suppressed)) {
          const sum = (k: 'numerator' | 'denominator') => rows.reduce((a, r) => a + (r?.[k] ?? 0), 0);
          expect(sum('numerator')).toBe(total.numerator);
          expect(sum('denominator')).toBe(total.denominator);
        }
      }
    }
  });

  it('drills down into a municipality and shows its schools, suppressed cells as such', async () => {
    const ix = indexData(data);
    const municipality = ix.children.get(ix.root.id)?.[0];
    if (!municipality) throw new Error('no municipality');
    await page.locator(`#children tr[data-org="${municipality.id}"]`).click();
    await page.waitForSelector(`body[data-org="${municipality.id}"]`);
    expect(await page.locator('#crumbs').textContent()).toContain(municipality.name);
    const schools = ix.children.get(municipality.id) ?? [];
    expect(await page.locator('#children tbody tr').count()).toBe(schools.length);
    for (const school of schools.filter((s) => s.kind !== 'own')) {
      const expected = formatValue(indicatorAt(ix, 'may', school.id, SHOWN.coverage), 'percent');
      const cell = page.locator(`#children tr[data-org="${school.id}"] td:nth-child(2)`);
      expect(await cell.textContent()).toBe(expected);
    }
    const suppressed = data.values.filter(
      (v) => v.period === 'may' && v.suppressed && schools.some((s) => s.id === v.organizationId),
    );
    if (suppressed.length > 0)
      expect(await page.locator('#children td.suppressed').count()).toBeGreaterThan(0);
    expect(await card(SHOWN.coverage)).toBe(
      formatValue(indicatorAt(ix, 'may', municipality.id, SHOWN.coverage), 'percent'),
    );
    await page.screenshot({ path: screenshot, fullPage: true });
  });

  it('switches the period and goes back up by the breadcrumbs', async () => {
    const ix = indexData(data);
    await page.selectOption('#period', 'december');
    await page.waitForSelector('body[data-period="december"]');
    const org = (await page.getAttribute('body', 'data-org')) ?? '';
    expect(await card(SHOWN.pairs)).toBe(formatValue(indicatorAt(ix, 'december', org, SHOWN.pairs), 'count'));
    await page.locator('#crumbs button').first().click();
    await page.waitForSelector(`body[data-org="${ix.root.id}"]`);
    expect(await card(SHOWN.coverage)).toBe(
      formatValue(indicatorAt(ix, 'december', ix.root.id, SHOWN.coverage), 'percent'),
    );
  });
});
