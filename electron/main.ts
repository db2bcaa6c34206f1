import path from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, session, shell } from 'electron';
import { leadingEntriesOf } from './app/launch-files';
import { createOpenFilesQueue } from './app/open-files-queue';
import { quitConfirmation } from './app/quit-confirmation';
import { createQuitGuard } from './app/quit-guard';
import { claimSingleInstance, connectQueueToPage, revealWindow } from './app/single-instance';
import { createIpcDispatcher } from './ipc/dispatcher';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-ipc';
import { keepAwake, notify, saveFileDialog } from './power/job-host-hooks';
import { registerAppScheme, serveRenderer } from './protocol/app-protocol';
import { installSecurityGuards, guardSession } from './security/install-guards';
import { appEntryUrl, appOrigin } from './security/navigation';
import { createElectronStoreSettingsStore } from './services/electron-store-settings-store';
import { createHostServices, type HostServices } from './services/host-services';
import { savedMainLanguage } from './services/jobs-host';
import { buildWindowOptions } from './window/window-options';

// Lifecycle and wiring only: every behaviour lives in a module that is tested without Electron.

const distFolder = path.join(__dirname, '..');
let mainWindow: BrowserWindow | null = null;
let services: HostServices | null = null;
// Files the system asks the app to open wait here until the page has loaded (electron/app/).
const openFiles = createOpenFilesQueue((paths) =>
  services?.environment.events.emit('app:openFiles', { paths }),
);

registerAppScheme();
installSecurityGuards(app, { openExternal: (url) => shell.openExternal(url) });

// Quitting while an export runs asks first, then stops it cleanly so it resumes on the next start.
const quitGuard = createQuitGuard({
  runningJobs: () => services?.jobs.runningCount() ?? 0,
  confirmQuit: quitConfirmation(
    () => mainWindow,
    async () => (services ? savedMainLanguage(services.settings, app.getLocale()) : 'en'),
  ),
  shutDown: async () => services?.dispose(),
  quit: () => app.quit(),
  windowCloseQuits: process.platform !== 'darwin',
  logError: (error) => console.error('Segment Courier could not stop cleanly:', error),
});
app.on('before-quit', (event) => quitGuard.beforeQuit(event));

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: path.join(distFolder, 'electron', 'preload.cjs'),
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16191d' : '#f6f7f9',
    }),
  );
  window.once('ready-to-show', () => window.show());
  connectQueueToPage(window.webContents, openFiles);
  window.on('close', (event) => quitGuard.windowClose(event));
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  return window;
}

/** A second launch or an opened file brings the one window forward, or opens it again. */
function showMainWindow(): void {
  if (!services) return; // still starting: start() opens the window
  if (mainWindow) revealWindow(mainWindow);
  else mainWindow = createMainWindow();
}

async function start(): Promise<void> {
  await app.whenReady();
  guardSession(session.defaultSession);
  serveRenderer(path.join(distFolder, 'renderer'));
  services = await createHostServices({
    appName: app.getName(),
    appVersion: app.getVersion(),
    platform: process.platform,
    dataFolder: app.getPath('userData'),
    takeOpenFiles: () => openFiles.take(),
    createSettingsStore: createElectronStoreSettingsStore,
    chooseFiles: async () => {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Segment files',
            extensions: ['csv', 'tsv', 'txt', 'gz', 'zip', 'xlsx', 'json'],
          },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const chosen = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? [] : chosen.filePaths;
    },
    chooseFolder: async () => {
      const options: Electron.OpenDialogOptions = { properties: ['openDirectory'] };
      const chosen = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    keepAwake,
    notify,
    saveFile: saveFileDialog(() => mainWindow),
    events: {
      emit: (channel, payload) => mainWindow?.webContents.send(channel, payload),
    },
  });
  registerIpc(
    createIpcDispatcher({
      handlers: createIpcHandlers(services),
      trustedOrigins: [appOrigin],
      logError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
    }),
  );
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void services?.dispose();
});

const isOnlyInstance = claimSingleInstance(app, {
  argv: process.argv,
  workingDirectory: process.cwd(),
  leadingEntries: leadingEntriesOf(process.defaultApp === true),
  queue: openFiles,
  showWindow: showMainWindow,
});
if (!isOnlyInstance) {
  // Another copy is running: it has received this launch's files and comes to the front.
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error('Segment Courier could not start:', error);
    app.exit(1);
  });
}
