/**
 * Every sentence main shows itself, outside the window (issue 17, item 7): the OS notification
 * when an export ends, the quit dialog, the tray icon's menu while automatic exports run, each automatic run's outcome, and the Open
 * dialogs' titles and filters. One table per language, with the same keys (a test
 * checks), in the language the person chose in the window (`app:setLanguage`, saved), else the
 * system's. `{name}` marks a fact filled in by `mainText`.
 */

export type MainLanguage = 'en' | 'ca';

const english = {
  exportFinishedTitle: 'Export finished',
  exportFinishedBody: '{what}: all {succeeded} contacts were delivered.',
  exportWithProblemsTitle: 'Export finished with problems',
  exportWithProblemsBodyOne:
    '{what}: {succeeded} of {valid} contacts delivered; {failed} was not. The report lists them.',
  exportWithProblemsBodyMany:
    '{what}: {succeeded} of {valid} contacts delivered; {failed} were not. The report lists them.',
  exportStoppedTitle: 'Export stopped',
  exportStoppedBody: '{what}: it stopped on a problem. Open Segment Courier to resume it.',
  exportPausedTitle: 'Export paused',
  pausedRejectedKeyBody: '{what}: {service} rejected the API key. Fix the key, then resume.',
  pausedKeychainBody: '{what}: the API key could not be read from the keychain.',
  pausedOfflineBody: '{what}: {service} could not be reached for a long time.',
  pausedRepeatedFaultsBody:
    '{what}: {service} failed again and again. Resume it later to send the rest.',
  quitMessageOne: 'An export is running.',
  quitMessageMany: '{running} exports are running.',
  quitDetail:
    'If you quit now, it stops after the requests on the way, and you can resume it where it stopped the next time you open Segment Courier.',
  quitKeep: 'Keep exporting',
  quitQuit: 'Quit',
  trayTooltip: 'Segment Courier: automatic exports on',
  trayOpen: 'Open Segment Courier',
  trayCheckNow: 'Check automatic exports now',
  trayQuit: 'Quit Segment Courier',
  keepsRunningTitle: 'Segment Courier keeps running',
  keepsRunningBody:
    'Automatic exports go on while the window is closed. Open or quit Segment Courier from its icon in the {place}.',
  placeMenuBar: 'menu bar',
  placeSystemTray: 'system tray',
  openSegmentFilesTitle: 'Choose segment files',
  openSegmentFiles: 'Segment files',
  openAllFiles: 'All files',
  openWatchedFolderTitle: 'Choose the folder new exports arrive in',
  automaticSentTitle: 'Automatic export started',
  automaticSentBody: '"{name}" is sending the new or changed contacts.',
  automaticNothingTitle: 'Automatic export: nothing new',
  automaticNothingBody: 'Nothing changed in "{name}" since the last time, so nothing was sent.',
  automaticStoppedTitle: 'Automatic export held back',
  automaticStoppedBody: '"{name}" did not pass the checks, so nothing was sent.',
  automaticEmailColumnLost:
    'The new file of "{name}" has no email address column, so nothing was sent.',
  automaticProfileCountFell:
    'The new file of "{name}" has more than a fifth fewer profiles than last time, so nothing was sent.',
  automaticTooManyRemovals:
    '"{name}" would take more than a fifth of the contacts off the list, so nothing was sent.',
  automaticFailedTitle: 'Automatic export could not run',
  automaticFailedBody:
    '"{name}" could not run and nothing was sent. Open Segment Courier to see why.',
} as const;

export type MainTextKey = keyof typeof english;

const catalan: Readonly<Record<MainTextKey, string>> = {
  exportFinishedTitle: 'Exportació acabada',
  exportFinishedBody: '{what}: s’han lliurat tots els {succeeded} contactes.',
  exportWithProblemsTitle: 'Exportació acabada amb problemes',
  exportWithProblemsBodyOne:
    '{what}: s’han lliurat {succeeded} de {valid} contactes; {failed} no. L’informe els detalla.',
  exportWithProblemsBodyMany:
    '{what}: s’han lliurat {succeeded} de {valid} contactes; {failed} no. L’informe els detalla.',
  exportStoppedTitle: 'Exportació aturada',
  exportStoppedBody: '{what}: s’ha aturat per un problema. Obriu Segment Courier per reprendre-la.',
  exportPausedTitle: 'Exportació en pausa',
  pausedRejectedKeyBody:
    '{what}: {service} ha rebutjat la clau de l’API. Corregiu-la i reprengueu.',
  pausedKeychainBody: '{what}: no s’ha pogut llegir la clau de l’API del clauer.',
  pausedOfflineBody: '{what}: no s’ha pogut contactar amb {service} durant molta estona.',
  pausedRepeatedFaultsBody:
    '{what}: {service} ha fallat una vegada i una altra. Reprengueu-la més tard per enviar la resta.',
  quitMessageOne: 'Hi ha una exportació en curs.',
  quitMessageMany: 'Hi ha {running} exportacions en curs.',
  quitDetail:
    'Si sortiu ara, s’aturarà després de les peticions que ja són en camí, i la podreu reprendre on s’ha quedat la propera vegada que obriu Segment Courier.',
  quitKeep: 'Continua exportant',
  quitQuit: 'Surt',
  trayTooltip: 'Segment Courier: exportacions automàtiques actives',
  trayOpen: 'Obre Segment Courier',
  trayCheckNow: 'Comprova ara les exportacions automàtiques',
  trayQuit: 'Surt de Segment Courier',
  keepsRunningTitle: 'Segment Courier continua obert',
  keepsRunningBody:
    'Les exportacions automàtiques continuen mentre la finestra és tancada. Obriu o sortiu de Segment Courier des de la seva icona {place}.',
  placeMenuBar: 'a la barra de menús',
  placeSystemTray: 'a la safata del sistema',
  openSegmentFilesTitle: 'Trieu els fitxers de segments',
  openSegmentFiles: 'Fitxers de segments',
  openAllFiles: 'Tots els fitxers',
  openWatchedFolderTitle: 'Trieu la carpeta on arriben les exportacions noves',
  automaticSentTitle: 'Exportació automàtica iniciada',
  automaticSentBody: '«{name}» està enviant els contactes nous o canviats.',
  automaticNothingTitle: 'Exportació automàtica: res de nou',
  automaticNothingBody:
    'No ha canviat res a «{name}» des de l’última vegada, així que no s’ha enviat res.',
  automaticStoppedTitle: 'Exportació automàtica retinguda',
  automaticStoppedBody: '«{name}» no ha passat les comprovacions, així que no s’ha enviat res.',
  automaticEmailColumnLost:
    'El fitxer nou de «{name}» no té la columna de l’adreça electrònica, així que no s’ha enviat res.',
  automaticProfileCountFell:
    'El fitxer nou de «{name}» té més d’una cinquena part menys de perfils que l’última vegada, així que no s’ha enviat res.',
  automaticTooManyRemovals:
    '«{name}» trauria de la llista més d’una cinquena part dels contactes, així que no s’ha enviat res.',
  automaticFailedTitle: 'L’exportació automàtica no s’ha pogut fer',
  automaticFailedBody:
    '«{name}» no s’ha pogut executar i no s’ha enviat res. Obriu Segment Courier per veure’n el motiu.',
};

export const mainTexts: Readonly<Record<MainLanguage, Readonly<Record<MainTextKey, string>>>> = {
  en: english,
  ca: catalan,
};

/** The person's saved choice when main speaks it, else the system's language, else English. */
export function pickMainLanguage(
  preferred: string | undefined,
  systemLocale: string,
): MainLanguage {
  for (const tag of [preferred, systemLocale]) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base === 'en' || base === 'ca') return base;
  }
  return 'en';
}

/** A sentence with its facts filled in; numbers as the language writes them (1,234 / 1.234). */
export function mainText(
  language: MainLanguage,
  key: MainTextKey,
  facts: Readonly<Record<string, string | number>> = {},
): string {
  const numbers = new Intl.NumberFormat(language);
  return mainTexts[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = facts[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

interface QuitDialogText {
  readonly message: string;
  readonly detail: string;
  readonly keep: string;
  readonly quit: string;
}

/** The question quit-guard.ts asks while exports run. */
export function quitDialogText(language: MainLanguage, running: number): QuitDialogText {
  return {
    message: mainText(language, running === 1 ? 'quitMessageOne' : 'quitMessageMany', {
      running,
    }),
    detail: mainText(language, 'quitDetail'),
    keep: mainText(language, 'quitKeep'),
    quit: mainText(language, 'quitQuit'),
  };
}
