/**
 * The question quit-guard.ts asks while an export runs, as a native dialog over the window. The
 * safe answer ("Keep exporting") is the default and what Escape picks.
 */
import { dialog, type BrowserWindow } from 'electron';
import { quitDialogText, type MainLanguage } from '../i18n/main-texts';

export function quitConfirmation(
  window: () => BrowserWindow | null,
  language: () => Promise<MainLanguage>,
): (runningJobs: number) => Promise<boolean> {
  return async (runningJobs) => {
    const text = quitDialogText(await language(), runningJobs);
    const options: Electron.MessageBoxOptions = {
      type: 'warning',
      buttons: [text.keep, text.quit],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      message: text.message,
      detail: text.detail,
    };
    const owner = window();
    const { response } = owner
      ? await dialog.showMessageBox(owner, options)
      : await dialog.showMessageBox(options);
    return response === 1;
  };
}
