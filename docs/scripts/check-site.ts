/**
 * Checks the built site in Debian's Chromium (CI runs it after `pnpm run docs`):
 * - the search box finds Russian words (lunr used to drop every Cyrillic token)
 *   and English ones, and each query lists the page it should;
 * - Mermaid's script is loaded on the pages with a diagram and on no other;
 * - the landing page has the install line and code;
 * - no link points to a made-up host (such as `http://DOMAIN.md`).
 *
 *   pnpm --filter @nastavnik/docs check:site
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dist, launchChromium, serve } from './site';

/** A query, and a fragment of a result's link that it must list. */
const QUERIES: ReadonlyArray<{ query: string; expect: string }> = [
  { query: 'согласие', expect: '/documents/' },
  { query: 'наставник', expect: '' },
  { query: 'персонализированная', expect: '' },
  { query: 'matchOptimal', expect: 'matchOptimal' },
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

async function main(): Promise<void> {
  const problems: string[] = [];

  // Static checks over every page.
  let withMermaid = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    const diagram = html.includes('class="mermaid"');
    const script = html.includes('mermaid.min.js');
    if (diagram !== script)
      problems.push(`${relative(dist, file)}: diagram ${diagram}, Mermaid script ${script}`);
    if (script) withMermaid++;
    for (const m of html.matchAll(/href="(https?:\/\/[^"/]+)/g)) {
      const host = m[1]!.replace(/^https?:\/\//, '');
      if (/\.(md|ts|json|txt)$/i.test(host)) problems.push(`${relative(dist, file)}: false link ${m[1]}`);
    }
  }
  const home = readFileSync(join(dist, 'index.html'), 'utf8').replace(/<[^>]+>/g, '');
  if (!home.includes('npm install @nastavnik/core')) problems.push('index.html: no install line');
  if (!home.includes('solveAssignment')) problems.push('index.html: no code');

  // Search, as a reader types it.
  const { url, close } = await serve();
  const browser = await launchChromium();
  const found: string[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/index.html`, { waitUntil: 'networkidle' });
    for (const q of QUERIES) {
      await page.click('#tsd-search-trigger').catch(() => undefined);
      const input = page.locator('#tsd-search-input, #tsd-search input').first();
      await input.fill('');
      await input.fill(q.query);
      await page.waitForTimeout(400);
      const links = await page
        .locator('#tsd-search-results a, .results a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      found.push(`«${q.query}»: ${links.length} results`);
      if (process.env.VERBOSE)
        console.log(
          q.query,
          links.map((h) => decodeURIComponent(h)),
        );
      if (links.length === 0) problems.push(`search «${q.query}»: no results`);
      else if (q.expect && !links.some((h) => decodeURIComponent(h).includes(q.expect))) {
        problems.push(`search «${q.query}»: no result links to ${q.expect}`);
      }
    }
  } finally {
    await browser.close();
    close();
  }
  console.log(`${found.join('; ')}; Mermaid on ${withMermaid} pages`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('site checks: ok');
}

await main();
