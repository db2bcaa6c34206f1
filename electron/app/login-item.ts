/**
 * "Start at login" (issue 18, item 4): HostEnvironment.loginItem over Electron's login item
 * settings. The app is started with `--background` (launch-mode.ts), so it runs its automations
 * from the tray without opening a window.
 *
 * Electron supports login items on Windows and macOS only. On Windows the entry is matched by the
 * executable and its arguments, so reading it must name the same `--background` as writing it. On
 * macOS the arguments are not passed; the app asks `wasOpenedAtLogin` instead (main.ts).
 */
import { backgroundSwitch } from './launch-mode';

/** The part of Electron's `app` this module uses, so tests hand in a recording fake. */
export interface LoginItemApp {
  getLoginItemSettings(options?: { args?: string[] }): {
    openAtLogin: boolean;
    wasOpenedAtLogin?: boolean;
  };
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

/** HostEnvironment.loginItem: whether the system can start the app at login, and the switch. */
interface LoginItem {
  readonly supported: boolean;
  get(): boolean;
  set(enabled: boolean): void;
}

const loginItemPlatforms: readonly string[] = ['win32', 'darwin'];

export function createLoginItem(app: LoginItemApp, platform: string): LoginItem {
  const supported = loginItemPlatforms.includes(platform);
  const args = [backgroundSwitch];
  return {
    supported,
    get: () => supported && app.getLoginItemSettings({ args }).openAtLogin,
    set(enabled) {
      if (!supported) throw new Error('Starting at login is not available on this system.');
      app.setLoginItemSettings({ openAtLogin: enabled, args });
    },
  };
}

/** macOS: the login item opened this launch (it passes no `--background` there). */
export function openedByLoginItem(app: LoginItemApp, platform: string): boolean {
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
