/**
 * What only Electron can do for export jobs (HostEnvironment.keepAwake, notify, saveFile): keep
 * the computer from suspending the app while an export runs, show an OS notification when one
 * ends, and ask where to save a report. The jobs service (core/jobs/jobs-service.ts)
 * decides when; these only do.
 */
import path from 'node:path';
import { app, dialog, Notification, powerSaveBlocker, type BrowserWindow } from 'electron';

/**
 * 'prevent-app-suspension' keeps the system awake (and the network up) but lets the screen turn
 * off: an export can take hours and needs no one watching it.
 */
export function keepAwake(): () => void {
  const id = powerSaveBlocker.start('prevent-app-suspension');
  return () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  };
}

export function notify(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  new Notification({ title, body }).show();
}

/** The Save dialog for a report CSV, over the window when there is one. */
export function saveFileDialog(
  window: () => BrowserWindow | null,
): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const options: Electron.SaveDialogOptions = {
      // In Downloads, where people look for what they saved.
      defaultPath: path.join(app.getPath('downloads'), suggestedName),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const owner = window();
    const chosen = owner
      ? await dialog.showSaveDialog(owner, options)
      : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };
}
