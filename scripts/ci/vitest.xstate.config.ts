// The workspace's vitest config with `xstate` resolved to the copy in
// $XSTATE_DIR (also where @xstate/graph imports it): see machines-xstate-range.sh.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config';

const dir = process.env.XSTATE_DIR;
if (!dir) throw new Error('XSTATE_DIR is not set');

export default mergeConfig(
  base,
  defineConfig({
    resolve: { alias: [{ find: /^xstate$/, replacement: `${dir}/node_modules/xstate` }] },
    test: { server: { deps: { inline: ['@xstate/graph'] } } },
  }),
);
