import { defineConfig } from 'tsup';
import { tsupConfig } from '../../scripts/tsup.base';

// Entries: the domain model; the sample generator and the seed roadmaps apart.
export default defineConfig(
  tsupConfig({
    index: 'src/index.ts',
    'sample/index': 'src/sample/index.ts',
    'roadmaps/index': 'src/roadmaps/index.ts',
  }),
);
