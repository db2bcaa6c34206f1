// Bundles the main process and the sandboxed preload into dist/electron (CommonJS, as Electron
// loads a sandboxed preload as a single script that can require nothing but 'electron').
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

// `dist` unless a folder is named: tests/integration/main-boot.test.ts builds into a temporary one,
// so it never races a packaging run over dist/.
const outFolder = process.argv[2] ?? 'dist';

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
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outFolder, 'electron/main.cjs'),
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(outFolder, 'electron/preload.cjs'),
  }),
]);

// The tray icon (electron/app/tray-icon.ts) loads from beside main.cjs: build/ is not packaged.
// Electron picks the @2x file on high-density screens.
await mkdir(path.join(outFolder, 'electron'), { recursive: true });
await Promise.all([
  copyFile('build/icons/16x16.png', path.join(outFolder, 'electron/tray-icon.png')),
  copyFile('build/icons/32x32.png', path.join(outFolder, 'electron/tray-icon@2x.png')),
]);
