import { defineConfig } from 'tsup';
import { tsupConfig } from '../../scripts/tsup.base';

// Entries: the model, builders, typography, HTML and Markdown; the DOCX and XLSX renderers and the calendars apart.
export default defineConfig(
  tsupConfig({ index: 'src/index.ts', docx: 'src/docx.ts', xlsx: 'src/xlsx.ts', ics: 'src/ics.ts' }),
);
