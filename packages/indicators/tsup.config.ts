import { defineConfig } from 'tsup';
import { tsupConfig } from '../../scripts/tsup.base';

// Entries: the indicators; the machines adapter (optional peers machines + xstate); DuckDB (optional peer).
export default defineConfig(
  tsupConfig({ index: 'src/index.ts', machines: 'src/machines.ts', duckdb: 'src/duckdb.ts' }),
);
