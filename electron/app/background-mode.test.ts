import { describe, expect, it, vi } from 'vitest';
import { createBackgroundMode, type TraySpec } from './background-mode';
import type { MainLanguage } from '../i18n/main-texts';
import { fakeAutomationService } from '../../tests/support/fake-automations';

function setUp(options: { on: boolean; windowCloseQuits?: boolean; language?: MainLanguage }) {
  const { service: automations, turn } = fakeAutomationService(options.on);
  const trays: { spec: TraySpec; destroyed: boolean }[] = [];
  const notified: [string, string][] = [];
  const calls = { quit: 0, open: 0, check: 0, guarded: 0 };
  const mode = createBackgroundMode({
    automations: () => automations,
    language: async () => options.language ?? 'en',
    platform: 'win32',
    createTray(spec) {
      const tray = { spec, destroyed: false };
      trays.push(tray);
      return { destroy: () => void (tray.destroyed = true) };
    },
    notify: (title, body) => notified.push([title, body]),
    openWindow: () => calls.open++,
    checkNow: () => calls.check++,
    quit: () => calls.quit++,
    windowCloseQuits: options.windowCloseQuits ?? true,
    quitGuard: { windowClose: () => calls.guarded++ },
  });
  automations.onChanged(() => mode.automationsChanged());
  return { mode, trays, notified, calls, turn };
}

const closeEvent = () => ({ preventDefault: vi.fn() });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('background mode, with an automation on', () => {
  it('lets the window close without asking, and keeps the app in the tray', async () => {
    const { mode, trays, calls } = setUp({ on: true });
    const event = closeEvent();
    mode.windowClose(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(calls.guarded).toBe(0);

    mode.allWindowsClosed();
    await settle();
    expect(calls.quit).toBe(0);
    expect(trays).toHaveLength(1);
    expect(mode.inTray()).toBe(true);
    expect(trays[0]?.spec.items.map((item) => item.label)).toEqual([
      'Open Segment Courier',
      'Check automatic exports now',
      'Quit Segment Courier',
    ]);
  });

  it('says once, the first time only, that the app keeps running', async () => {
    const { mode, notified, trays } = setUp({ on: true });
    mode.allWindowsClosed();
    await settle();
    expect(notified).toEqual([
      ['Segment Courier keeps running', expect.stringContaining('system tray')],
    ]);
    mode.windowOpened();
    expect(trays[0]?.destroyed).toBe(true);
    expect(mode.inTray()).toBe(false);
    mode.allWindowsClosed();
    await settle();
    expect(trays).toHaveLength(2);
    expect(notified).toHaveLength(1);
  });

  it("the tray's items open the window, check now, and quit through app.quit", async () => {
    const { mode, trays, calls } = setUp({ on: true });
    mode.allWindowsClosed();
    await settle();
    const spec = trays[0]?.spec;
    for (const item of spec?.items ?? []) item.click();
    spec?.onClick();
    expect(calls).toMatchObject({ open: 2, check: 1, quit: 1 });
  });

  it('speaks Catalan when that is the language', async () => {
    const { mode, trays, notified } = setUp({ on: true, language: 'ca' });
    mode.allWindowsClosed();
    await settle();
    expect(trays[0]?.spec.items.map((item) => item.label)).toEqual([
      'Obre Segment Courier',
      'Comprova ara les exportacions automàtiques',
      'Surt de Segment Courier',
    ]);
    expect(notified[0]?.[0]).toBe('Segment Courier continua obert');
  });

  it('started at login: sits in the tray with no window and no notification', async () => {
    const { mode, trays, notified, calls } = setUp({ on: true });
    mode.startHidden();
    await settle();
    expect(trays).toHaveLength(1);
    expect(notified).toEqual([]);
    expect(calls.open + calls.quit).toBe(0);
  });

  it('drops a tray still being made when the window opens again meanwhile', async () => {
    const { mode, trays } = setUp({ on: true });
    mode.allWindowsClosed();
    mode.windowOpened();
    await settle();
    expect(trays).toEqual([]);
    expect(mode.inTray()).toBe(false);
  });

  it('when the last automation is turned off in the background, the app goes', async () => {
    const { mode, trays, calls, turn } = setUp({ on: true });
    mode.allWindowsClosed();
    await settle();
    turn(false);
    expect(trays[0]?.destroyed).toBe(true);
    expect(calls.quit).toBe(1);
  });

  it('on macOS turning the last one off only takes the icon away (the Dock keeps the app)', async () => {
    const { mode, trays, calls, turn } = setUp({ on: true, windowCloseQuits: false });
    mode.allWindowsClosed();
    await settle();
    turn(false);
    expect(trays[0]?.destroyed).toBe(true);
    expect(calls.quit).toBe(0);
  });
});

describe('background mode, with no automation on', () => {
  it('closing goes through the quit guard and the last window quits, as before', async () => {
    const { mode, trays, calls, notified } = setUp({ on: false });
    mode.windowClose(closeEvent());
    expect(calls.guarded).toBe(1);
    mode.allWindowsClosed();
    await settle();
    expect(calls.quit).toBe(1);
    expect(trays).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('on macOS the app stays without a window and without a tray', async () => {
    const { mode, trays, calls } = setUp({ on: false, windowCloseQuits: false });
    mode.allWindowsClosed();
    await settle();
    expect(calls.quit).toBe(0);
    expect(trays).toEqual([]);
  });

  it('started at login with nothing to run, it quits', () => {
    const { mode, trays, calls } = setUp({ on: false });
    mode.startHidden();
    expect(calls.quit).toBe(1);
    expect(trays).toEqual([]);
  });

  it('turning one on while the window is open changes nothing until it closes', async () => {
    const { mode, trays, calls, turn } = setUp({ on: false });
    turn(true);
    expect(trays).toEqual([]);
    mode.allWindowsClosed();
    await settle();
    expect(trays).toHaveLength(1);
    expect(calls.quit).toBe(0);
  });
});
