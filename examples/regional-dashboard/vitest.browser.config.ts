import { defineConfig } from 'vitest/config';

// The browser test drives Debian's Chromium through playwright-core; it runs
// after `vite build` (see the `test:browser` script), never in the unit run.
export default defineConfig({
  test: {
    include: ['src/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
