import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { emitInPage, loadRenderer } from '../../tests/support/app-harness';
import { serveFolder } from '../../tests/support/static-server';
import { bundleChild } from './bundled-child';
import type { MainCall, MainMessage } from './main-child';

const root = path.resolve(import.meta.dirname, '../..');

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: MainMessage) => {
      if (!('ready' in message)) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`The main child exited with ${code}.`)));
  });
}

/**
 * The built renderer in the page, as tests/support/app-harness.ts opens it, but with the
 * main-process services in a process of their own (bench/import/main-child.ts), as in the app:
 * the benchmark's own process holds Playwright, Vite and esbuild, whose heap would slow the
 * import's garbage collection (README, Import figures).
 */
export async function openAppWithMainInChild(page: Page): Promise<{ close(): Promise<void> }> {
  const server = await serveFolder(path.join(root, 'dist/renderer'));
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-bench-app-'));
  const bundle = await bundleChild('main-child.ts');
  const child = spawn(process.execPath, [bundle, dataFolder, server.origin], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (result: unknown) => void>();
  child.on('message', (message: MainMessage) => {
    if ('id' in message) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if ('event' in message) {
      void page.evaluate(emitInPage, [message.event, message.payload] as const).catch(() => {});
    }
  });
  await waitForReady(child);
  let nextId = 0;
  await loadRenderer(page, server.origin, (channel, sender, input) => {
    const call: MainCall = { id: (nextId += 1), channel, sender, input };
    return new Promise((resolve) => {
      pending.set(call.id, resolve);
      child.send(call);
    });
  });
  return {
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
      await server.close();
      await rm(bundle, { force: true });
      await rm(dataFolder, { recursive: true, force: true });
    },
  };
}
