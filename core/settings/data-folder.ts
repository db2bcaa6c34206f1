import os from 'node:os';
import path from 'node:path';

/** Electron's userData folder is named after package.json's productName. */
const appFolderName = 'Segment Courier';

/** electron-store's default file name (`name: 'config'`) inside the data folder. */
const settingsFileName = 'config.json';

interface DataFolderContext {
  readonly platform?: NodeJS.Platform;
  readonly env?: NodeJS.ProcessEnv;
  readonly homeFolder?: string;
}

/**
 * The desktop app's data folder, computed as Electron computes `app.getPath('userData')`, so the
 * command line sees the app's settings and jobs without Electron: appData + the product name.
 */
export function defaultDataFolder(context: DataFolderContext = {}): string {
  const platform = context.platform ?? process.platform;
  const env = context.env ?? process.env;
  const home = context.homeFolder ?? os.homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, appFolderName);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', appFolderName);
  }
  // Linux and the other Unixes follow the XDG base-directory rules, as Electron does.
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(configHome, appFolderName);
}

export function settingsFilePath(dataFolder: string): string {
  return path.join(dataFolder, settingsFileName);
}
