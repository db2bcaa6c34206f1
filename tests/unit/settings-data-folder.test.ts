import { describe, expect, it } from 'vitest';
import { defaultDataFolder, settingsFilePath } from '../../core/settings/data-folder';
import { defaultDataFolder as reExported } from '../../core/settings/data-folder';

// Electron's app.getPath('userData') is appData + productName ("Segment Courier").
describe('default data folder (the desktop app userData)', () => {
  it('follows XDG on Linux', () => {
    expect(defaultDataFolder({ platform: 'linux', env: {}, homeFolder: '/home/marta' })).toBe(
      '/home/marta/.config/Segment Courier',
    );
    expect(
      defaultDataFolder({
        platform: 'linux',
        env: { XDG_CONFIG_HOME: '/data/cfg' },
        homeFolder: '/home/marta',
      }),
    ).toBe('/data/cfg/Segment Courier');
    expect(
      defaultDataFolder({
        platform: 'linux',
        env: { XDG_CONFIG_HOME: '' },
        homeFolder: '/home/marta',
      }),
    ).toBe('/home/marta/.config/Segment Courier');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataFolder({ platform: 'darwin', env: {}, homeFolder: '/Users/marta' })).toBe(
      '/Users/marta/Library/Application Support/Segment Courier',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultDataFolder({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\marta\\AppData\\Roaming' },
        homeFolder: 'C:\\Users\\marta',
      }),
    ).toBe('C:\\Users\\marta\\AppData\\Roaming\\Segment Courier');
    expect(defaultDataFolder({ platform: 'win32', env: {}, homeFolder: 'C:\\Users\\marta' })).toBe(
      'C:\\Users\\marta\\AppData\\Roaming\\Segment Courier',
    );
  });

  it('is what the command line imports, and holds config.json as electron-store names it', () => {
    expect(reExported).toBe(defaultDataFolder);
    expect(settingsFilePath('/x/Segment Courier')).toBe('/x/Segment Courier/config.json');
  });
});
