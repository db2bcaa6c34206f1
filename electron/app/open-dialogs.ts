/**
 * The options of the system's Open dialogs main shows (segment files; a folder to watch), in the
 * person's language (issue 17, item 7). Electron is only a type here, so this is tested without it.
 */
import type { OpenDialogOptions } from 'electron';
import { mainText, type MainLanguage } from '../i18n/main-texts';

/** Every shape the importer reads (issue 14), then anything, since names do not always tell. */
export const segmentFileExtensions = ['csv', 'tsv', 'txt', 'gz', 'zip', 'xlsx', 'json'] as const;

export function segmentFilesDialog(language: MainLanguage): OpenDialogOptions {
  return {
    title: mainText(language, 'openSegmentFilesTitle'),
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: mainText(language, 'openSegmentFiles'), extensions: [...segmentFileExtensions] },
      { name: mainText(language, 'openAllFiles'), extensions: ['*'] },
    ],
  };
}

export function watchedFolderDialog(language: MainLanguage): OpenDialogOptions {
  return {
    title: mainText(language, 'openWatchedFolderTitle'),
    properties: ['openDirectory', 'createDirectory'],
  };
}
