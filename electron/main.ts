import path from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, powerMonitor, session, shell } from 'electron';
import { automationsIn, checkOnWake, coalescedChecks } from './app/automation-checks';
import { createBackgroundMode } from './app/background-mode';
import { answerCommandLine } from './app/command-line';
import { leadingEntriesOf } from './app/launch-files';
import { commandLineInvocation, launchModeOf, startsInBackground } from './app/launch-mode';
import { createLoginItem, openedByLoginItem } from './app/login-item';
import { segmentFilesDialog, watchedFolderDialog } from './app/open-dialogs';
import { createOpenFilesQueue } from './app/open-files-queue';
import { quitConfirmation } from './app/quit-confirmation';
import { createQuitGuard } from './app/quit-guard';
import { claimSingleInstance, connectQueueToPage, revealWindow } from './app/single-instance';
import { trayIconMaker } from './app/tray-icon';
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
const launchFacts = {
  argv: process.argv,
  leadingEntries: leadingEntriesOf(process.defaultApp === true),
};
const launch = launchModeOf(launchFacts);
let mainWindow: BrowserWindow | null = null;
let services: HostServices | null = null;
// A second launch asked for the window while this one was still starting (in the background).
let windowAsked = false;
// Files the system asks the app to open wait here until the page has loaded (electron/app/).
const openFiles = createOpenFilesQueue((paths) =>
  services?.environment.events.emit('app:openFiles', { paths }),
);
const mainLanguage = async () =>
  services ? savedMainLanguage(services.settings, app.getLocale()) : 'en';
/** The system's Open dialog, attached to the window when there is one. */
const showOpenDialog = (options: Electron.OpenDialogOptions) =>
  mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);

// Quitting while an export runs asks first, then stops it cleanly so it resumes on the next start.
const quitGuard = createQuitGuard({
  runningJobs: () => services?.jobs.runningCount() ?? 0,
  confirmQuit: quitConfirmation(() => mainWindow, mainLanguage),
  shutDown: async () => services?.dispose(),
  quit: () => app.quit(),
  windowCloseQuits: process.platform !== 'darwin',
  logError: (error) => console.error('Segment Courier could not stop cleanly:', error),
});

// With an automation on, closing the window leaves the app in the tray (issue 18, item 4).
const automations = () => automationsIn(services);
const checkAutomations = coalescedChecks(automations, (error) =>
  console.error('[automation] a check failed:', error),
);
const background = createBackgroundMode({
  automations,
  language: mainLanguage,
  platform: process.platform,
  createTray: trayIconMaker(path.join(__dirname, 'tray-icon.png')),
  notify,
  openWindow: () => showMainWindow(),
  checkNow: () => void checkAutomations(),
  quit: () => app.quit(),
  windowCloseQuits: process.platform !== 'darwin',
  quitGuard,
  logError: (error) => console.error('Segment Courier could not show its tray icon:', error),
});

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: path.join(distFolder, 'electron', 'preload.cjs'),
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16191d' : '#f6f7f9',
    }),
  );
  window.once('ready-to-show', () => window.show());
  connectQueueToPage(window.webContents, openFiles);
  window.on('close', (event) => background.windowClose(event));
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  background.windowOpened();
  return window;
}

/** A second launch, an opened file or the tray brings the one window forward, or opens it again. */
function showMainWindow(): void {
  if (!services) {
    windowAsked = true; // still starting: start() opens the window
    return;
  }
  if (mainWindow) revealWindow(mainWindow);
  else mainWindow = createMainWindow();
}

async function start(hidden: () => boolean): Promise<void> {
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
      const chosen = await showOpenDialog(segmentFilesDialog(await mainLanguage()));
      return chosen.canceled ? [] : chosen.filePaths;
    },
    chooseFolder: async () => {
      const chosen = await showOpenDialog(watchedFolderDialog(await mainLanguage()));
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    keepAwake,
    notify,
    saveFile: saveFileDialog(() => mainWindow),
    loginItem: createLoginItem(app, process.platform),
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
  automations().onChanged(() => background.automationsChanged());
  // A schedule missed while the computer slept runs when it wakes.
  checkOnWake(powerMonitor, checkAutomations);
  if (hidden() && !windowAsked) background.startHidden();
  else mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

function startDesktopApp(hidden: () => boolean): void {
  registerAppScheme();
  installSecurityGuards(app, { openExternal: (url) => shell.openExternal(url) });
  app.on('before-quit', (event) => quitGuard.beforeQuit(event));
  app.on('window-all-closed', () => background.allWindowsClosed());
  app.on('will-quit', () => {
    void services?.dispose();
  });

  const isOnlyInstance = claimSingleInstance(app, {
    argv: process.argv,
    workingDirectory: process.cwd(),
    leadingEntries: launchFacts.leadingEntries,
    queue: openFiles,
    showWindow: showMainWindow,
  });
  if (!isOnlyInstance) {
    // Another copy is running: it has received this launch's files and comes to the front.
    app.quit();
    return;
  }
  start(hidden).catch((error: unknown) => {
    console.error('Segment Courier could not start:', error);
    app.exit(1);
  });
}

if (launch.kind === 'command-line') {
  // `--cli`: no window, no single-instance lock, no app:// scheme; the command's exit code.
  app.dock?.hide();
  void answerCommandLine(
    launch.args,
    {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      invocation: commandLineInvocation(launchFacts),
    },
    (code) => app.exit(code),
  );
} else {
  startDesktopApp(() => startsInBackground(launch, () => openedByLoginItem(app, process.platform)));
}
