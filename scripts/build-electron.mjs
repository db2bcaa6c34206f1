// Bundles the main process and the sandboxed preload into dist/electron (CommonJS, as Electron
// loads a sandboxed preload as a single script that can require nothing but 'electron').
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', '@napi-rs/keyring'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  }),
]);
