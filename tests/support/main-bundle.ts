import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeElectron, loadWithFakeElectron } from './fake-electron';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface MainBundle {
  /** The folder built into: electron/main.cjs, electron/preload.cjs and a one-page renderer. */
  readonly folder: string;
  readonly mainPath: string;
  readonly preloadPath: string;
  remove(): Promise<void>;
}

/**
 * Builds the main process and preload as `npm run build:electron` does, into a temporary folder
 * (never racing a packaging run over dist/), with the page main serves over app:// beside it.
 */
export async function buildMainBundle(): Promise<MainBundle> {
  const folder = await mkdtemp(path.join(tmpdir(), 'courier-main-boot-'));
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', folder], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build:electron failed:\n${built.stderr}`);
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
