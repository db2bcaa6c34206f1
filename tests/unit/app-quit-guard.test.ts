import { describe, expect, it, vi } from 'vitest';
import { createQuitGuard, type QuitGuardOptions } from '../../electron/app/quit-guard';
import { quitDialogText } from '../../electron/i18n/main-texts';

/** An Electron-like event that records whether quitting or closing was held back. */
function event() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function guardWith(overrides: Partial<QuitGuardOptions> = {}) {
  let answer: (quit: boolean) => void = () => undefined;
  const order: string[] = [];
  const options: QuitGuardOptions = {
    runningJobs: () => 1,
    confirmQuit: vi.fn(
      () =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
        }),
    ),
    shutDown: vi.fn(async () => {
      order.push('shut down');
    }),
    quit: vi.fn(() => order.push('quit')),
    windowCloseQuits: true,
    ...overrides,
  };
  return {
    guard: createQuitGuard(options),
    options,
    order,
    answer: (quit: boolean) => answer(quit),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quitting while an export runs', () => {
  it('asks; "Keep exporting" keeps the app and the export going', async () => {
    const { guard, options, answer } = guardWith();
    const first = event();
    guard.beforeQuit(first);
    expect(first.prevented).toBe(true);
    expect(options.confirmQuit).toHaveBeenCalledWith(1);
    guard.beforeQuit(event()); // a second Quit while the question is open asks nothing more
    expect(options.confirmQuit).toHaveBeenCalledTimes(1);
    answer(false);
    await settle();
    expect(options.shutDown).not.toHaveBeenCalled();
    expect(options.quit).not.toHaveBeenCalled();
    guard.beforeQuit(event());
    expect(options.confirmQuit).toHaveBeenCalledTimes(2);
  });

  it('"Quit" stops the runs cleanly first, then quits, and lets that quit through', async () => {
    const { guard, options, order, answer } = guardWith();
    guard.beforeQuit(event());
    answer(true);
    await vi.waitFor(() => expect(options.quit).toHaveBeenCalledTimes(1));
    expect(order).toEqual(['shut down', 'quit']);
    const final = event();
    guard.beforeQuit(final);
    expect(final.prevented).toBe(false);
    const close = event();
    guard.windowClose(close);
    expect(close.prevented).toBe(false);
  });

  it('asks nothing when no export runs, but still shuts down before quitting', async () => {
    const { guard, options, order } = guardWith({ runningJobs: () => 0 });
    const close = event();
    guard.windowClose(close);
    expect(close.prevented).toBe(false);
    const quit = event();
    guard.beforeQuit(quit);
    expect(quit.prevented).toBe(true);
    await settle();
    expect(options.confirmQuit).not.toHaveBeenCalled();
    expect(order).toEqual(['shut down', 'quit']);
  });

  it('asks when the last window is closed (it quits the app), not on macOS', () => {
    const { guard, options } = guardWith();
    const close = event();
    guard.windowClose(close);
    expect(close.prevented).toBe(true);
    expect(options.confirmQuit).toHaveBeenCalledTimes(1);

    const mac = guardWith({ windowCloseQuits: false });
    const macClose = event();
    mac.guard.windowClose(macClose);
    expect(macClose.prevented).toBe(false);
    expect(mac.options.confirmQuit).not.toHaveBeenCalled();
  });

  it('quits even when stopping cleanly fails (the journal already holds every finished batch)', async () => {
    const logError = vi.fn();
    const { guard, options, answer } = guardWith({
      shutDown: vi.fn(async () => {
        throw new Error('disk full');
      }),
      logError,
    });
    guard.beforeQuit(event());
    answer(true);
    await settle();
    expect(logError).toHaveBeenCalled();
    expect(options.quit).toHaveBeenCalledTimes(1);
  });

  it('words the question in English and Catalan', () => {
    expect(quitDialogText('en', 1)).toMatchObject({
      message: 'An export is running.',
      keep: 'Keep exporting',
      quit: 'Quit',
    });
    expect(quitDialogText('en', 2).message).toBe('2 exports are running.');
    expect(quitDialogText('ca', 1)).toMatchObject({
      message: 'Hi ha una exportació en curs.',
      keep: 'Continua exportant',
      quit: 'Surt',
    });
  });
});
