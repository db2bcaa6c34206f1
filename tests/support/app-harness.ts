import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { createIpcHandlers } from '../../electron/ipc/handlers';
import { createHostServices, type HostServices } from '../../electron/services/host-services';
import type { HostEnvironment } from '../../electron/services/host-environment';
import { serveFolder, type StaticServer } from './static-server';

/** Runs in the page: hands an event to the listeners the harness preload keeps. */
export function emitInPage([channel, payload]: readonly [string, unknown]): void {
  (globalThis as unknown as { __courierEmit(c: string, p: unknown): void }).__courierEmit(
    channel,
    payload,
  );
}

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
let harnessPreloadSource: Promise<string> | null = null;

/** The page-side bridge, bundled from tests/support/harness-preload.ts once per run. */
function bundleHarnessPreload(): Promise<string> {
  harnessPreloadSource ??= build({
    entryPoints: [path.join(repositoryRoot, 'tests/support/harness-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return harnessPreloadSource;
}

/** Who sent a call, as the dispatcher checks it (the frame's URL, and whether it is the main one). */
export interface CallSender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

type Dispatch = (channel: string, sender: CallSender, input: unknown) => Promise<unknown>;

/**
 * Loads the served renderer in the page with the harness preload, each bridge call carried to
 * `dispatch` with its sender: main's dispatcher here, or one in another process (the Chromium
 * import benchmark's, bench/import/main-child-app.ts).
 */
export async function loadRenderer(page: Page, origin: string, dispatch: Dispatch): Promise<void> {
  await page.exposeBinding('__courierInvoke', (source, channel: string, input: unknown) =>
    dispatch(
      channel,
      { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
      input,
    ),
  );
  await page.addInitScript({ content: await bundleHarnessPreload() });
  await page.goto(`${origin}/index.html`);
}

export interface AppHarness {
  readonly services: HostServices;
  readonly dataFolder: string;
  readonly origin: string;
  /** What the system's folder dialog answers next (null: cancelled), as a person would pick. */
  answerFolderDialog(folder: string | null): void;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Reuse a data folder, as a restarted app would. A fresh temporary one otherwise. */
  readonly dataFolder?: string;
  readonly environment?: Partial<HostEnvironment>;
}

/**
 * Opens the built renderer in the page with the real main-process services behind it. Only the
 * Electron hop is replaced: the binding carries each call to the same dispatcher main registers.
 */
export async function openApp(page: Page, options: OpenAppOptions = {}): Promise<AppHarness> {
  const server: StaticServer = await serveFolder(path.join(repositoryRoot, 'dist/renderer'));
  const ownsDataFolder = !options.dataFolder;
  const dataFolder = options.dataFolder ?? (await mkdtemp(path.join(os.tmpdir(), 'courier-e2e-')));
  let folderAnswer: string | null = null;
  const services = await createHostServices({
    appName: 'Segment Courier',
    appVersion: '0.0.0-e2e',
    platform: process.platform,
    dataFolder,
    events: {
      emit: (channel, payload) => {
        void page
          .evaluate(emitInPage, [channel as string, payload as unknown] as const)
          .catch(() => undefined);
      },
    },
    chooseFolder: async () => folderAnswer,
    ...options.environment,
  });
  const dispatcher = createIpcDispatcher({
    handlers: createIpcHandlers(services),
    trustedOrigins: [server.origin],
    logError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
  });
  await loadRenderer(page, server.origin, (channel, sender, input) =>
    dispatcher.dispatch(channel, sender, input),
  );
  return {
    services,
    dataFolder,
    origin: server.origin,
    answerFolderDialog(folder) {
      folderAnswer = folder;
    },
    async close() {
      await services.dispose();
      await server.close();
      if (ownsDataFolder) await rm(dataFolder, { recursive: true, force: true });
    },
  };
}
