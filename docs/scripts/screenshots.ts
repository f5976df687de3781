/**
 * Screenshots of the built site (`pnpm docs` first): serves docs/dist on a
 * local port, opens the home page, a guide and an API page in Debian's
 * Chromium (never a downloaded browser) and writes
 * docs/images/site-{home,guide,api}.png. Not part of CI.
 *
 *   pnpm --filter @nastavnik/docs screenshots
 *   CHROMIUM=/path/to/chrome pnpm --filter @nastavnik/docs screenshots
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const dist = join(docsDir, 'dist');
const images = join(docsDir, 'images');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** The pages to shoot: file name → path in the site, and how much of the page. */
const PAGES: ReadonlyArray<{ file: string; path: string; fullPage: boolean }> = [
  { file: 'site-home.png', path: '/index.html', fullPage: false },
  { file: 'site-guide.png', path: '/documents/matching__подбор_пар.html', fullPage: false },
  { file: 'site-api.png', path: '/functions/_nastavnik_matching.matchOptimal.html', fullPage: false },
];

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('docs/dist is empty: run `pnpm run docs` first');
  const { url, close } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
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
