import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { buildElectronBundles } from '../../scripts/electron-bundles.mjs';
import { createFakeElectron, loadWithFakeElectron } from './fake-electron';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface MainBundle {
  /** The folder built into: electron/main.cjs, electron/preload.cjs and a one-page renderer. */
  readonly folder: string;
  readonly mainPath: string;
  readonly preloadPath: string;
  remove(): Promise<void>;
}

/** main.ts's import of automation-checks answered by automations-stand-in.ts instead. */
const automationsStandIn: Plugin = {
  name: 'automations-stand-in',
  setup(build) {
    build.onResolve({ filter: /\/automation-checks$/ }, (args) =>
      args.importer === path.join(repositoryRoot, 'electron', 'main.ts')
        ? { path: path.join(repositoryRoot, 'tests', 'support', 'automations-stand-in.ts') }
        : undefined,
    );
  },
};

/**
 * Builds the main process and preload as `npm run build:electron` does, into a temporary folder
 * (never racing a packaging run over dist/), with the page main serves over app:// beside it.
 * `automationsStandIn`: main reads its automations from automations-stand-in.ts (set on
 * globalThis by the test) rather than from the host services.
 */
export async function buildMainBundle(
  options: { automationsStandIn?: boolean } = {},
): Promise<MainBundle> {
  const folder = await mkdtemp(path.join(tmpdir(), 'courier-main-boot-'));
  await buildElectronBundles(folder, {
    mainPlugins: options.automationsStandIn ? [automationsStandIn] : [],
  });
  await mkdir(path.join(folder, 'renderer'));
  await writeFile(
    path.join(folder, 'renderer', 'index.html'),
    '<!doctype html><title>boot</title>',
  );
  return {
    folder,
    mainPath: path.join(folder, 'electron', 'main.cjs'),
    preloadPath: path.join(folder, 'electron', 'preload.cjs'),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/**
 * Loads the bundle under a fresh recording Electron, as launched with `args` after the
 * executable (main reads its command line while it loads).
 */
export function bootMain(
  bundle: MainBundle,
  options: { dataFolder: string; lockGranted?: boolean; args?: readonly string[] },
) {
  const fake = createFakeElectron({
    dataFolder: options.dataFolder,
    lockGranted: options.lockGranted ?? true,
  });
  const launchedWith = process.argv;
  process.argv = [process.execPath, ...(options.args ?? [])];
  try {
    const unload = loadWithFakeElectron(bundle.mainPath, fake.electron, repositoryRoot);
    return { fake, unload };
  } finally {
    process.argv = launchedWith;
  }
}

/**
 * Boots main as launched with `args`, in a fresh data folder, and makes it ready; `stop()` quits
 * it as a person would (before-quit: the quit guard stops the services, then lets app.quit
 * through), unloads it and removes the folder.
 */
export async function bootReady(bundle: MainBundle, args: readonly string[]) {
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'courier-main-boot-data-'));
  const { fake, unload } = bootMain(bundle, { dataFolder, args });
  fake.becomeReady();
  const stop = async () => {
    const quits = fake.calls.quit;
    fake.app.emit('before-quit', { preventDefault: () => undefined });
    await fake.quitCount(quits + 1);
    unload();
    await rm(dataFolder, { recursive: true, force: true });
  };
  return { fake, stop };
}

/**
 * Closes the window at `index` (of those main created) as Electron does when a person closes the
 * only open window: 'close', then, unless main prevented it, 'closed' and the app's
 * 'window-all-closed'. True when it closed.
 */
export function closeWindow(fake: ReturnType<typeof createFakeElectron>, index = 0): boolean {
  const window = fake.windows[index];
  if (!window) throw new Error(`there is no window ${index}`);
  let prevented = false;
  window.emit('close', { preventDefault: () => (prevented = true) });
  if (prevented) return false;
  window.emit('closed');
  fake.app.emit('window-all-closed');
  return true;
}
