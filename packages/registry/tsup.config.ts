import { defineConfig } from 'tsup';
import { tsupConfig } from '../../scripts/tsup.base';

// Entries: everything (import and export, Node); `browser`, the import without a Node built-in.
export default defineConfig(tsupConfig({ index: 'src/index.ts', browser: 'src/browser.ts' }));
