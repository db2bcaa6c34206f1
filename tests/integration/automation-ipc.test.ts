import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { createIpcHandlers } from '../../electron/ipc/handlers';
import { createHostServices, type HostServices } from '../../electron/services/host-services';
import type { HostEnvironment } from '../../electron/services/host-environment';
import type { IpcResult } from '../../shared/ipc/result';
import { useTempFolder } from '../support/temp-folder';

// The automation channels through main's one dispatcher over the real host services: the folder
// dialog's answer is granted, a folder the page merely names is not, and "start at login" is
// offered only where the host gives a login item.

const origin = 'app://segment-courier';
const sender = { url: `${origin}/index.html`, isMainFrame: true };
const dataFolder = useTempFolder('courier-automation-ipc-');
let services: HostServices | undefined;

afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function start(environment: Partial<HostEnvironment> = {}) {
  services = await createHostServices({
    appName: 'Segment Courier',
    appVersion: '0.0.0-test',
    platform: process.platform,
    dataFolder: dataFolder(),
    events: { emit: () => undefined },
    ...environment,
  });
  const dispatcher = createIpcDispatcher({
    handlers: createIpcHandlers(services),
    trustedOrigins: [origin],
    logError: () => undefined,
  });
  return async (channel: string, input?: unknown) =>
    (await dispatcher.dispatch(channel, sender, input)) as IpcResult<unknown>;
}

const enableInput = (folder: string) => ({
  setupId: 'weekly',
  folder,
  schedule: null,
  consent: { confirmed: true, language: 'en' },
});

describe('automation channels', () => {
  it('a folder from the dialog may be watched; a folder the page names is refused', async () => {
    const chosen = path.join(dataFolder(), 'Exports');
    const call = await start({ chooseFolder: async () => chosen });
    const named = await call('automation:enable', enableInput(path.join(dataFolder(), 'Other')));
    expect(named).toMatchObject({ ok: false, error: { code: 'automation-folder-missing' } });

    expect(await call('automation:chooseFolder')).toEqual({ ok: true, value: { folder: chosen } });
    // Granted now: the next refusal is the service's own (there is no such setup).
    expect(await call('automation:enable', enableInput(chosen))).toMatchObject({
      ok: false,
      error: { code: 'automation-setup-not-found' },
    });
    expect(await call('automation:list')).toEqual({ ok: true, value: [] });
    expect(await call('automation:runs')).toEqual({ ok: true, value: [] });
  });

  it('a consent that was not confirmed never reaches the service', async () => {
    const call = await start();
    const unconfirmed = {
      ...enableInput(dataFolder()),
      consent: { confirmed: false, language: 'en' },
    };
    const result = await call('automation:enable', unconfirmed);
    expect(result.ok).toBe(false);
    expect(services?.automation.anyEnabled()).toBe(false);
  });

  it('start at login is offered only where the host has a login item', async () => {
    const without = await start();
    const unsupported = { startAtLoginSupported: false, startAtLogin: false };
    expect(await without('automation:background')).toEqual({ ok: true, value: unsupported });
    expect(await without('automation:setStartAtLogin', { enabled: true })).toEqual({
      ok: true,
      value: unsupported,
    });
    await services?.dispose();

    let atLogin = false;
    const call = await start({
      loginItem: { supported: true, get: () => atLogin, set: (enabled) => (atLogin = enabled) },
    });
    expect(await call('automation:setStartAtLogin', { enabled: true })).toEqual({
      ok: true,
      value: { startAtLoginSupported: true, startAtLogin: true },
    });
    expect(atLogin).toBe(true);
  });
});
