// Issue 18, item 4: the built main process in the background. With no automation on, closing the
// window quits as it always has and no tray appears; a start at login (`--background`) opens no
// window. With one on (once the automation service is wired into the host services), closing
// leaves the app running in the tray and `--background` goes straight there.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipc/contract';
import { bootMain, buildMainBundle, type MainBundle } from '../support/main-bundle';

let bundle: MainBundle;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  bundle = await buildMainBundle();
}, 60_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await bundle?.remove();
});

const preventable = () => ({ preventDefault: vi.fn() });

/** Boots main in a fresh data folder (with `settings` as its config.json, when given). */
async function boot(args: string[], settings?: object) {
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'courier-main-background-'));
  if (settings) await writeFile(path.join(dataFolder, 'config.json'), JSON.stringify(settings));
  const booted = bootMain(bundle, { dataFolder, args });
  const { fake } = booted;
  cleanups.push(async () => {
    // Stops the services main started (the quit guard lets app.quit through once they have).
    const quits = fake.calls.quit;
    fake.app.emit('before-quit', preventable());
    await fake.quitCount(quits + 1);
    booted.unload();
    await rm(dataFolder, { recursive: true, force: true });
  });
  fake.becomeReady();
  return fake;
}

describe('the main process with no automation on', () => {
  it('closing the window quits, with no tray icon and nothing asked', async () => {
    const fake = await boot([]);
    await fake.windowOpened;
    const [window] = fake.windows;
    const close = preventable();
    window?.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
    window?.emit('closed');
    fake.app.emit('window-all-closed');
    await fake.quitCount(1);
    expect(fake.trays).toEqual([]);
    // It listens for waking up, to run what an automation missed while asleep.
    expect(fake.power.listenerCount('resume')).toBe(1);
    expect(fake.power.listenerCount('unlock-screen')).toBe(1);
  });

  it('started at login with --background, it opens no window and quits', async () => {
    const fake = await boot(['--background']);
    await fake.quitCount(1);
    expect(fake.windows).toEqual([]);
    expect(fake.trays).toEqual([]);
    // The services did start (a start at login runs the schedules and watchers).
    expect(fake.handled.length).toBeGreaterThan(0);
  });

  it('a second launch while it starts at login opens the window after all', async () => {
    const fake = await boot(['--background']);
    fake.app.emit('second-instance', {}, ['segment-courier'], tmpdir());
    await fake.windowOpened;
    expect(fake.windows).toHaveLength(1);
    expect(fake.calls.quit).toBe(0);
  });

  it('the tray icon is built beside main.cjs, with its high-density twin', () => {
    for (const name of ['tray-icon.png', 'tray-icon@2x.png'])
      expect(existsSync(path.join(bundle.folder, 'electron', name))).toBe(true);
  });
});

/** A saved setup whose automation is on: every Monday at 07:30, under a standing consent. */
const settingsWithAutomation = {
  schemaVersion: 1,
  destinations: [],
  exportSetups: [
    {
      id: 'setup-weekly',
      name: 'Weekly newsletter',
      automation: {
        enabled: true,
        folder: null,
        schedule: { every: 'week', on: 'monday', at: '07:30' },
        standingConsentId: 'consent-weekly',
        enabledAt: '2026-11-30T07:00:00.000Z',
      },
    },
  ],
  headerMappings: [],
  preferences: { language: 'en' },
};

// The automation service (branch auto-service) brings its channels into the contract; until it
// is wired into the host services main sees no automation, and these wait for it.
const automationServiceWired = ipcChannels.some((channel) => channel.startsWith('automation:'));

describe.runIf(automationServiceWired)('the main process with an automation on', () => {
  it('closing the window leaves the app running in the tray, which can open it again', async () => {
    const fake = await boot([], settingsWithAutomation);
    await fake.windowOpened;
    const [window] = fake.windows;
    window?.emit('close', preventable());
    window?.emit('closed');
    fake.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
    expect(fake.calls.quit).toBe(0);
    const [tray] = fake.trays;
    expect(tray?.image.path).toBe(path.join(bundle.folder, 'electron', 'tray-icon.png'));
    expect(tray?.menu.map((item) => item.label)).toEqual([
      'Open Segment Courier',
      'Check automatic exports now',
      'Quit Segment Courier',
    ]);
    tray?.menu[0]?.click();
    expect(fake.windows).toHaveLength(2);
    expect(tray?.destroyed).toBe(true);
  });

  it('started with --background, it sits in the tray without a window', async () => {
    const fake = await boot(['--background'], settingsWithAutomation);
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
    expect(fake.windows).toEqual([]);
    expect(fake.calls.quit).toBe(0);
  });
});
