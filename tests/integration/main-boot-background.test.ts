// Issue 18, item 4: the built main process in the background. With no automation on, closing the
// window quits as it always has and no tray appears; a start at login (`--background`) opens no
// window. With one on, closing leaves the app running in the tray and `--background` goes
// straight there: main-boot-automations.test.ts.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bootReady, buildMainBundle, closeWindow, type MainBundle } from '../support/main-bundle';

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

async function boot(args: string[]) {
  const { fake, stop } = await bootReady(bundle, args);
  cleanups.push(stop);
  return fake;
}

describe('the main process with no automation on', () => {
  it('closing the window quits, with no tray icon and nothing asked', async () => {
    const fake = await boot([]);
    await fake.windowOpened;
    expect(closeWindow(fake)).toBe(true);
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
