import { defineConfig } from 'tsup';
import { tsupConfig } from '../../scripts/tsup.base';

export default defineConfig(tsupConfig());
