import { describe, expect, it } from 'vitest';
import { segmentFilesDialog, watchedFolderDialog } from './open-dialogs';

describe('the Open dialogs main shows', () => {
  it('speak the person’s language: titles and filter names', () => {
    const catalan = segmentFilesDialog('ca');
    expect(catalan.title).toBe('Trieu els fitxers de segments');
    expect(catalan.filters?.map((filter) => filter.name)).toEqual([
      'Fitxers de segments',
      'Tots els fitxers',
    ]);
    expect(segmentFilesDialog('en').filters?.map((filter) => filter.name)).toEqual([
      'Segment files',
      'All files',
    ]);
    expect(watchedFolderDialog('ca').title).toBe(
      'Trieu la carpeta on arriben les exportacions noves',
    );
  });

  it('offer every shape the importer reads, several at once, and a folder alone to watch', () => {
    const files = segmentFilesDialog('en');
    expect(files.properties).toEqual(['openFile', 'multiSelections']);
    expect(files.filters?.[0]?.extensions).toEqual([
      'csv',
      'tsv',
      'txt',
      'gz',
      'zip',
      'xlsx',
      'json',
    ]);
    expect(watchedFolderDialog('en').properties).toContain('openDirectory');
    expect(watchedFolderDialog('en').properties).not.toContain('openFile');
  });
});
