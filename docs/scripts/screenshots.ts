/**
 * Screenshots of the built site (`pnpm run docs` first): serves docs/dist on a
 * local port, opens the home page, a guide and an API page in Debian's
 * Chromium (never a downloaded browser) and writes
 * docs/images/site-{home,guide,api}.png. Not part of CI.
 *
 *   pnpm --filter @nastavnik/docs screenshots
 *   CHROMIUM=/path/to/chrome pnpm --filter @nastavnik/docs screenshots
 */
import { join } from 'node:path';
import { docsDir, launchChromium, serve } from './site';

const images = join(docsDir, 'images');

/** The pages to shoot: file name → path in the site, and how much of the page. */
const PAGES: ReadonlyArray<{ file: string; path: string; fullPage: boolean }> = [
  { file: 'site-home.png', path: '/index.html', fullPage: false },
  { file: 'site-guide.png', path: '/documents/matching__подбор_пар.html', fullPage: false },
  { file: 'site-api.png', path: '/functions/_nastavnik_matching.matchOptimal.html', fullPage: false },
];

async function main(): Promise<void> {
  const { url, close } = await serve();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    for (const shot of PAGES) {
      await page.goto(url + encodeURI(shot.path), { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(images, shot.file), fullPage: shot.fullPage });
      console.log(`${shot.file}: ${await page.title()}`);
    }
    if (failed.length > 0) throw new Error(`requests failed:\n${failed.join('\n')}`);
  } finally {
    await browser.close();
    close();
  }
}

await main();
