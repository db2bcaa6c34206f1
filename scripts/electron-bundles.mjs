// Bundles the main process and the sandboxed preload into <out>/electron (CommonJS, as Electron
// loads a sandboxed preload as a single script that can require nothing but 'electron'), with
// the tray icon beside them. scripts/build-electron.mjs runs it for `npm run build:electron`;
// the main boot tests (tests/support/main-bundle.ts) build with it into a temporary folder.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: repositoryRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', '@napi-rs/keyring'],
};

/** `mainPlugins`: esbuild plugins for the main bundle only (the boot tests' stand-ins). */
export async function buildElectronBundles(outFolder, { mainPlugins = [] } = {}) {
  const out = path.resolve(outFolder);
  await Promise.all([
    build({
      ...common,
      plugins: mainPlugins,
      entryPoints: ['electron/main.ts'],
      outfile: path.join(out, 'electron/main.cjs'),
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(out, 'electron/preload.cjs'),
    }),
  ]);
  // The tray icon (electron/app/tray-icon.ts) loads from beside main.cjs: build/ is not
  // packaged. Electron picks the @2x file on high-density screens.
  await mkdir(path.join(out, 'electron'), { recursive: true });
  const icons = path.join(repositoryRoot, 'build/icons');
  await Promise.all([
    copyFile(path.join(icons, '16x16.png'), path.join(out, 'electron/tray-icon.png')),
    copyFile(path.join(icons, '32x32.png'), path.join(out, 'electron/tray-icon@2x.png')),
  ]);
}
