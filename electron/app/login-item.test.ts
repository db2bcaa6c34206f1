import { describe, expect, it } from 'vitest';
import { createLoginItem, openedByLoginItem, type LoginItemApp } from './login-item';

/** Electron's login item settings as Windows keeps them: one entry per executable and arguments. */
function fakeApp(wasOpenedAtLogin = false) {
  const entries = new Map<string, boolean>();
  const key = (args: string[] | undefined) => JSON.stringify(args ?? []);
  const writes: unknown[] = [];
  const app: LoginItemApp = {
    getLoginItemSettings: (options) => ({
      openAtLogin: entries.get(key(options?.args)) ?? false,
      wasOpenedAtLogin,
    }),
    setLoginItemSettings(settings) {
      writes.push(settings);
      entries.set(key(settings.args), settings.openAtLogin);
    },
  };
  return { app, writes };
}

describe('start at login', () => {
  it('on Windows and macOS, turns on and off with --background and reads back the same entry', () => {
    for (const platform of ['win32', 'darwin']) {
      const { app, writes } = fakeApp();
      const item = createLoginItem(app, platform);
      expect(item.supported).toBe(true);
      expect(item.get()).toBe(false);
      item.set(true);
      expect(item.get()).toBe(true);
      item.set(false);
      expect(item.get()).toBe(false);
      expect(writes).toEqual([
        { openAtLogin: true, args: ['--background'] },
        { openAtLogin: false, args: ['--background'] },
      ]);
    }
  });

  it('on Linux is not offered, reads off, and refuses to be set', () => {
    const { app, writes } = fakeApp();
    const item = createLoginItem(app, 'linux');
    expect(item.supported).toBe(false);
    expect(item.get()).toBe(false);
    expect(() => item.set(true)).toThrow('not available on this system');
    expect(writes).toEqual([]);
  });

  it('knows a macOS launch by the login item, and never elsewhere', () => {
    expect(openedByLoginItem(fakeApp(true).app, 'darwin')).toBe(true);
    expect(openedByLoginItem(fakeApp(false).app, 'darwin')).toBe(false);
    expect(openedByLoginItem(fakeApp(true).app, 'win32')).toBe(false);
  });
});
