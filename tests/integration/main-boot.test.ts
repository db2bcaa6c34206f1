// Issue 15, item 9: the built main process boots. tests/security/ checks each piece (window
// options, guards, dispatcher) on its own; this loads dist/electron/main.cjs itself under a
// recording stand-in for Electron and checks that main.ts wires those pieces together.
// main-boot-background, main-boot-automations and main-boot-cli boot it the other ways (issue 18).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appEntryUrl } from '../../electron/security/navigation';
import { ipcChannels } from '../../shared/ipc/contract';
import { baseErrorCodes } from '../../shared/ipc/result';
import { createFakeElectron, loadWithFakeElectron } from '../support/fake-electron';
import { fakeWebContents } from '../support/fake-web-contents';
import { buildMainBundle, repositoryRoot as root, type MainBundle } from '../support/main-bundle';
import { useTempFolder } from '../support/temp-folder';

let bundle: MainBundle;
let bundlePath: string;
let preloadPath: string;

beforeAll(async () => {
  bundle = await buildMainBundle();
  bundlePath = bundle.mainPath;
  preloadPath = bundle.preloadPath;
}, 60_000);

afterAll(async () => {
  await bundle?.remove();
});

/** An IPC event as Electron builds it: from the window's top-level frame at `url`. */
function eventFrom(url: string) {
  const frame = { url };
  return { senderFrame: frame, sender: { mainFrame: frame } };
}

function preventable() {
  return { preventDefault: vi.fn() };
}

describe('the main process, booted from its bundle', () => {
  const dataFolder = useTempFolder('courier-main-boot-data-', { per: 'file' });
  let fake: ReturnType<typeof createFakeElectron>;
  let unload: () => void = () => undefined;

  beforeAll(async () => {
    fake = createFakeElectron({ dataFolder: dataFolder(), lockGranted: true });
    unload = loadWithFakeElectron(bundlePath, fake.electron, root);
  });

  afterAll(async () => {
    // Lets main shut its services down if a test stopped before the quit test did.
    if (fake.calls.quit === 0) fake.app.emit('before-quit', preventable());
    await fake.quitCalled;
    unload();
  });

  it('before the app is ready: app:// is privileged, the guards are in, this is the only copy', () => {
    expect(fake.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      },
    ]);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.calls.lock).toBe(1);
    expect(fake.app.listenerCount('second-instance')).toBe(1);
    expect(fake.app.listenerCount('open-file')).toBe(1);
    expect(fake.app.listenerCount('before-quit')).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(fake.handled).toEqual([]);
  });

  it('once ready, opens one window with the secure options and the built preload', async () => {
    fake.becomeReady();
    await fake.windowOpened;
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    const web = window?.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: preloadPath,
    });
    expect(existsSync(preloadPath)).toBe(true);
    expect(window?.loadedUrl).toBe(appEntryUrl);
    // The quit guard also watches the window's close (the last window closing quits on Linux).
    expect(window?.listenerCount('close')).toBe(1);
  });

  it('registers every channel of the contract exactly once, and nothing else', () => {
    const channels = fake.handled.map(([channel]) => channel);
    expect([...channels].sort()).toEqual([...ipcChannels].sort());
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('guards the default session: every permission is denied', () => {
    const answers: boolean[] = [];
    fake.defaultSession.installed.request?.(null, 'notifications', (granted) =>
      answers.push(granted),
    );
    expect(answers).toEqual([false]);
    expect(fake.defaultSession.installed.check?.(null, 'clipboard-read')).toBe(false);
    expect(fake.defaultSession.installed.device?.({ deviceType: 'usb', origin: '' })).toBe(false);
  });

  it('guards each new web contents: no foreign navigation, no window, no webview', () => {
    const contents = fakeWebContents();
    fake.app.emit('web-contents-created', {}, contents.contents);
    expect(contents.navigate('will-navigate', appEntryUrl)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://good.example.com.evil.com')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-attach-webview', appEntryUrl)).toBe(true);
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
  });

  it('serves the built renderer over app:// with the security headers', async () => {
    const serve = fake.protocolHandlers.get('app');
    const response = await serve?.({ url: appEntryUrl });
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('<title>boot</title>');
    expect(response?.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect((await serve?.({ url: 'app://segment-courier/../package.json' }))?.status).toBe(404);
  });

  function invoke(channel: string, event: unknown, input?: unknown) {
    const listener = fake.handled.find(([name]) => name === channel)?.[1];
    if (!listener) throw new Error(`${channel} is not registered`);
    return listener(event, input);
  }

  it("answers the app's own page from the real services and the data folder", async () => {
    expect(await invoke('app:info', eventFrom(appEntryUrl))).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Segment Courier',
        version: '0.0.0-boot',
        dataFolder: dataFolder(),
      }),
    });
    expect(await invoke('destinations:list', eventFrom(appEntryUrl))).toEqual({
      ok: true,
      value: [],
    });
  });

  it('adds no other IPC listener once the services have run', () => {
    // electron-store (bundled, opened by the first settings read) adds one synchronous listener
    // of its own, for its renderer mode, outside register-ipc.ts. The preload exposes no way to
    // send it; pinned here so any other listener fails this test (reported under issue 15).
    expect(fake.listened).toEqual(['electron-store-get-data']);
  });

  it('refuses a foreign page, and a frame inside our own page', async () => {
    const refused = {
      ok: false,
      error: expect.objectContaining({ code: baseErrorCodes.untrustedSender }),
    };
    expect(await invoke('app:info', eventFrom('https://evil.example/'))).toEqual(refused);
    const embedded = { senderFrame: { url: appEntryUrl }, sender: { mainFrame: {} } };
    expect(await invoke('destinations:list', embedded)).toEqual(refused);
  });

  it('quitting is held until the services have stopped, then let through', async () => {
    const first = preventable();
    fake.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    await fake.quitCalled;
    const second = preventable();
    fake.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(fake.calls.exit).toEqual([]);
  });
});

describe('the main process when another copy already runs', () => {
  it('quits at once without starting anything', async () => {
    const dataFolder = await mkdtemp(path.join(tmpdir(), 'courier-main-boot-second-'));
    const fake = createFakeElectron({ dataFolder, lockGranted: false });
    const unload = loadWithFakeElectron(bundlePath, fake.electron, root);
    try {
      expect(fake.calls.quit).toBe(1);
      expect(fake.calls.whenReady).toBe(0);
      expect(fake.app.listenerCount('second-instance')).toBe(0);
      expect(fake.handled).toEqual([]);
      expect(fake.windows).toEqual([]);
    } finally {
      unload();
      await rm(dataFolder, { recursive: true, force: true });
    }
  });
});

describe('the main process with a damaged settings file', () => {
  it('still starts, and answers with the settings error when asked', async () => {
    const dataFolder = await mkdtemp(path.join(tmpdir(), 'courier-main-boot-damaged-'));
    await writeFile(path.join(dataFolder, 'config.json'), '{"schemaVersion": 1, "destinations": [');
    const fake = createFakeElectron({ dataFolder, lockGranted: true });
    const unload = loadWithFakeElectron(bundlePath, fake.electron, root);
    try {
      fake.becomeReady();
      await fake.windowOpened;
      const listDestinations = fake.handled.find(([name]) => name === 'destinations:list')?.[1];
      expect(await listDestinations?.(eventFrom(appEntryUrl))).toEqual({
        ok: false,
        error: {
          code: 'settings-unreadable',
          params: {},
          message: expect.stringContaining('is damaged'),
        },
      });
    } finally {
      fake.app.emit('before-quit', preventable());
      await fake.quitCalled;
      unload();
      await rm(dataFolder, { recursive: true, force: true });
    }
  });
});
