/**
 * Quitting while an export runs (product.md, step 5): ask first; when the person quits anyway,
 * stop every run cleanly (the journal already holds each finished batch) and only then let the
 * app go, so the next start offers to resume it. Closing the last window quits on Windows and
 * Linux, so it asks too; on macOS the app stays in the Dock and the export goes on.
 *
 * No Electron here: main.ts hands in the app's quit and a dialog, and tests drive it directly.
 */

/** Electron's event for before-quit and a window's close: preventDefault() keeps things open. */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitGuardOptions {
  /** Exports this app is sending now. */
  readonly runningJobs: () => number;
  /** Asks the person; true = quit anyway. */
  readonly confirmQuit: (runningJobs: number) => Promise<boolean>;
  /** Stops every run cleanly and flushes what must be on disk (HostServices.dispose). */
  readonly shutDown: () => Promise<void>;
  /** Quits the app for good (app.quit()); before-quit runs again and is let through. */
  readonly quit: () => void;
  /** Whether closing the last window quits the app (not on macOS). */
  readonly windowCloseQuits: boolean;
  readonly logError?: (error: unknown) => void;
}

export interface QuitGuard {
  /** For app.on('before-quit'). */
  beforeQuit(event: PreventableEvent): void;
  /** For the main window's 'close'. */
  windowClose(event: PreventableEvent): void;
}

export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  let phase: 'open' | 'deciding' | 'done' = 'open';

  async function decide(): Promise<void> {
    phase = 'deciding';
    const running = options.runningJobs();
    if (running > 0 && !(await options.confirmQuit(running).catch(() => false))) {
      phase = 'open';
      return;
    }
    try {
      await options.shutDown();
    } catch (error) {
      options.logError?.(error);
    }
    phase = 'done';
    options.quit();
  }

  return {
    beforeQuit(event) {
      if (phase === 'done') return;
      event.preventDefault();
      if (phase === 'open') void decide();
    },
    windowClose(event) {
      if (phase === 'done' || !options.windowCloseQuits) return;
      if (phase === 'open' && options.runningJobs() === 0) return;
      event.preventDefault();
      if (phase === 'open') void decide();
    },
  };
}
