// Issue 18, item 4: the built main process with an automation on. Main reads the automation
// service through automationsIn(), which this bundle answers from
// tests/support/automations-stand-in.ts (so an automation is on without a saved setup, a key and
// a folder to watch). Everything else is the shipped main.ts.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { automationsStandInKey } from '../support/automations-stand-in';
import { fakeAutomationService } from '../support/fake-automations';
import { bootReady, buildMainBundle, closeWindow, type MainBundle } from '../support/main-bundle';

let bundle: MainBundle;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  bundle = await buildMainBundle({ automationsStandIn: true });
}, 60_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  Reflect.deleteProperty(globalThis, automationsStandInKey);
});

afterAll(async () => {
  await bundle?.remove();
});

async function boot(args: string[], on = true) {
  const automations = fakeAutomationService(on);
  Reflect.set(globalThis, automationsStandInKey, automations.service);
  const { fake, stop } = await bootReady(bundle, args);
  cleanups.push(stop);
  return { fake, automations };
}

describe('the main process with an automation on', () => {
  it('closing the window leaves the app running in the tray, which opens it again', async () => {
    const { fake } = await boot([]);
    await fake.windowOpened;
    expect(closeWindow(fake)).toBe(true);
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
    expect(fake.calls.quit).toBe(0);

    const [tray] = fake.trays;
    expect(tray?.image.path).toBe(path.join(bundle.folder, 'electron', 'tray-icon.png'));
    expect(tray?.tooltip).toBe('Segment Courier: automatic exports on');
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
    const { fake } = await boot(['--background']);
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
    expect(fake.windows).toEqual([]);
    expect(fake.calls.quit).toBe(0);
  });

  it('waking, unlocking and the tray each run a check; quitting from the tray is app.quit', async () => {
    const { fake, automations } = await boot(['--background']);
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
    // One check at a time (a call while one runs shares it): each waits for the last to end.
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    fake.power.emit('resume');
    await settled();
    fake.power.emit('unlock-screen');
    await settled();
    fake.trays[0]?.menu[1]?.click();
    await settled();
    expect(automations.state.checks).toBe(3);
    fake.trays[0]?.menu[2]?.click();
    expect(fake.calls.quit).toBe(1);
  });

  it('turning the last automation off while in the tray quits the app', async () => {
    const { fake, automations } = await boot(['--background']);
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
    automations.turn(false);
    expect(fake.trays[0]?.destroyed).toBe(true);
    expect(fake.calls.quit).toBe(1);
  });

  it('with the stand-in switched off, closing quits as before', async () => {
    const { fake } = await boot([], false);
    await fake.windowOpened;
    expect(closeWindow(fake)).toBe(true);
    await fake.quitCount(1);
    expect(fake.trays).toEqual([]);
    fake.app.emit('second-instance', {}, ['segment-courier'], tmpdir());
    expect(fake.windows).toHaveLength(2);
  });
});
