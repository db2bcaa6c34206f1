// `npm run build:electron`: main process, preload and tray icon into dist/electron, or into the
// folder named as the first argument (scripts/electron-bundles.mjs).
import { buildElectronBundles } from './electron-bundles.mjs';

await buildElectronBundles(process.argv[2] ?? 'dist');
