/**
 * The words of the tray (or macOS menu bar) icon and of the one notification that says the app
 * keeps running, from main's catalog (electron/i18n/main-texts.ts) in the person's language.
 */
import { mainText, type MainLanguage } from '../i18n/main-texts';

interface BackgroundTexts {
  readonly tooltip: string;
  readonly open: string;
  readonly checkNow: string;
  readonly quit: string;
  readonly keepsRunningTitle: string;
  readonly keepsRunningBody: string;
}

export function backgroundTexts(language: MainLanguage, platform: string): BackgroundTexts {
  const place = mainText(language, platform === 'darwin' ? 'placeMenuBar' : 'placeSystemTray');
  return {
    tooltip: mainText(language, 'trayTooltip'),
    open: mainText(language, 'trayOpen'),
    checkNow: mainText(language, 'trayCheckNow'),
    quit: mainText(language, 'trayQuit'),
    keepsRunningTitle: mainText(language, 'keepsRunningTitle'),
    keepsRunningBody: mainText(language, 'keepsRunningBody', { place }),
  };
}
