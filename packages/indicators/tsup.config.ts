import { defineConfig } from 'tsup';
import { tsupConfig } from '../../scripts/tsup.base';

// Two entries: the indicators, and the machines adapter (optional peers machines + xstate).
export default defineConfig(tsupConfig({ index: 'src/index.ts', machines: 'src/machines.ts' }));
