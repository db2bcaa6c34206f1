/**
 * The app keeps working in the background while an automation is on (issue 18, item 4): closing
 * the window leaves it running with a tray icon (the menu bar on macOS) instead of quitting, and
 * a start at login (`--background`) goes straight there. With no automation on, closing behaves
 * as it always has: the last window quits except on macOS, and the quit guard asks first while an
 * export runs. Quitting from the tray is app.quit(), so it passes the quit guard too.
 *
 * No Electron here: main.ts hands in the tray, the notification and the window, tests fakes.
 */
import type { MainLanguage } from '../i18n/main-texts';
import type { BackgroundAutomations } from './automation-checks';
import { backgroundTexts } from './background-texts';
import type { PreventableEvent, QuitGuard } from './quit-guard';

interface TrayMenuItem {
  readonly label: string;
  readonly click: () => void;
}

export interface TraySpec {
  readonly tooltip: string;
  readonly items: readonly TrayMenuItem[];
  /** A click on the icon itself (Windows, macOS): opens the window. */
  readonly onClick: () => void;
}

export interface TrayHandle {
  destroy(): void;
}

interface BackgroundModeOptions {
  readonly automations: () => BackgroundAutomations;
  readonly language: () => Promise<MainLanguage>;
  readonly platform: string;
  /** Electron's Tray with its context menu (tray-icon.ts). */
  readonly createTray: (spec: TraySpec) => TrayHandle;
  readonly notify: (title: string, body: string) => void;
  /** Opens the window (again); main.ts then calls windowOpened(). */
  readonly openWindow: () => void;
  /** Runs what is due now (coalescedChecks). */
  readonly checkNow: () => void;
  /** app.quit(): before-quit and the quit guard decide. */
  readonly quit: () => void;
  /** Whether closing the last window quits the app when no automation is on (not on macOS). */
  readonly windowCloseQuits: boolean;
  readonly quitGuard: Pick<QuitGuard, 'windowClose'>;
  readonly logError?: (error: unknown) => void;
}

interface BackgroundMode {
  /** For the window's 'close'. */
  windowClose(event: PreventableEvent): void;
  /** For app.on('window-all-closed'). */
  allWindowsClosed(): void;
  /** Started at login: stays in the tray with no window, or quits when nothing is on. */
  startHidden(): void;
  /** A window opened (or opened again): the tray icon goes. */
  windowOpened(): void;
  /** For the automation service's onChanged: with none left on, the background app goes. */
  automationsChanged(): void;
  /** Whether the app now runs without a window, from the tray. */
  inTray(): boolean;
}

export function createBackgroundMode(options: BackgroundModeOptions): BackgroundMode {
  let tray: TrayHandle | null = null;
  // Bumped whenever the app leaves or enters the tray, so a tray still being made (it waits for
  // the language) is dropped when a window opened meanwhile.
  let generation = 0;
  let background = false;
  let toldKeepsRunning = false;

  const anyOn = () => options.automations().anyEnabled();

  function leaveTray(): void {
    generation += 1;
    background = false;
    tray?.destroy();
    tray = null;
  }

  async function enterTray(tellPerson: boolean): Promise<void> {
    generation += 1;
    const mine = generation;
    background = true;
    const texts = backgroundTexts(await options.language(), options.platform);
    if (mine !== generation || tray) return;
    tray = options.createTray({
      tooltip: texts.tooltip,
      items: [
        { label: texts.open, click: options.openWindow },
        { label: texts.checkNow, click: options.checkNow },
        { label: texts.quit, click: options.quit },
      ],
      onClick: options.openWindow,
    });
    if (tellPerson && !toldKeepsRunning) {
      toldKeepsRunning = true;
      options.notify(texts.keepsRunningTitle, texts.keepsRunningBody);
    }
  }

  function goToTray(tellPerson: boolean): void {
    enterTray(tellPerson).catch((error: unknown) => options.logError?.(error));
  }

  return {
    windowClose(event) {
      // With an automation on the window just closes: the app, and any export, keep running.
      if (!anyOn()) options.quitGuard.windowClose(event);
    },
    allWindowsClosed() {
      if (anyOn()) goToTray(true);
      else if (options.windowCloseQuits) options.quit();
    },
    startHidden() {
      if (anyOn()) goToTray(false);
      else options.quit(); // nothing to run in the background: no window, no icon, no app
    },
    windowOpened: leaveTray,
    automationsChanged() {
      if (!background || anyOn()) return;
      leaveTray();
      if (options.windowCloseQuits) options.quit();
    },
    inTray: () => tray !== null,
  };
}
