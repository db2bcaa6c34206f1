/**
 * The words of the tray (or macOS menu bar) icon and of the one notification that says the app
 * keeps running, in the app's two languages (electron/services/jobs-texts.ts picks which).
 */
import type { MainLanguage } from '../services/jobs-texts';

export interface BackgroundTexts {
  readonly tooltip: string;
  readonly open: string;
  readonly checkNow: string;
  readonly quit: string;
  readonly keepsRunningTitle: string;
  readonly keepsRunningBody: string;
}

export function backgroundTexts(language: MainLanguage, platform: string): BackgroundTexts {
  const macOS = platform === 'darwin';
  if (language === 'ca') {
    return {
      tooltip: 'Segment Courier: exportacions automàtiques actives',
      open: 'Obre Segment Courier',
      checkNow: 'Comprova ara les exportacions automàtiques',
      quit: 'Surt de Segment Courier',
      keepsRunningTitle: 'Segment Courier continua obert',
      keepsRunningBody: `Les exportacions automàtiques continuen mentre la finestra és tancada. Obriu o sortiu de Segment Courier des de la seva icona ${macOS ? 'a la barra de menús' : 'a la safata del sistema'}.`,
    };
  }
  return {
    tooltip: 'Segment Courier: automatic exports on',
    open: 'Open Segment Courier',
    checkNow: 'Check automatic exports now',
    quit: 'Quit Segment Courier',
    keepsRunningTitle: 'Segment Courier keeps running',
    keepsRunningBody: `Automatic exports go on while the window is closed. Open or quit Segment Courier from its icon in the ${macOS ? 'menu bar' : 'system tray'}.`,
  };
}
