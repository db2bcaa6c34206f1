import path from 'node:path';
import { app, BrowserWindow, nativeTheme, session, shell } from 'electron';
import { createIpcDispatcher } from './ipc/dispatcher';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-ipc';
import { registerAppScheme, serveRenderer } from './protocol/app-protocol';
import { installSecurityGuards, guardSession } from './security/install-guards';
import { appEntryUrl, appOrigin } from './security/navigation';
import { createHostServices, type HostServices } from './services/host-services';
import { buildWindowOptions } from './window/window-options';

// Lifecycle and wiring only: every behaviour lives in a module that is tested without Electron.

const distFolder = path.join(__dirname, '..');
let mainWindow: BrowserWindow | null = null;
let services: HostServices | null = null;

registerAppScheme();
installSecurityGuards(app, { openExternal: (url) => shell.openExternal(url) });

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: path.join(distFolder, 'electron', 'preload.cjs'),
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16191d' : '#f6f7f9',
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  return window;
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

start().catch((error: unknown) => {
  console.error('Segment Courier could not start:', error);
  app.exit(1);
});
