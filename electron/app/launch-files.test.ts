import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadingEntriesOf, segmentFilesFromArgv } from './launch-files';
import { isExistingFile } from './single-instance';

describe('segment files from a command line', () => {
  let folder: string;
  let csv: string;
  let tsv: string;
  let txt: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'launch-files-'));
    csv = path.join(folder, 'spring leads.csv');
    tsv = path.join(folder, 'LAPSED.TSV');
    txt = path.join(folder, 'export.txt');
    for (const file of [csv, tsv, txt, path.join(folder, 'notes.pdf')])
      writeFileSync(file, 'a,b\n');
    mkdirSync(path.join(folder, 'folder.csv'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const filesIn = (argv: string[], leadingEntries = 1, workingDirectory = '/') =>
    segmentFilesFromArgv({ argv, leadingEntries, workingDirectory, isFile: isExistingFile });

  it('takes the double-clicked file after the packaged executable', () => {
    expect(filesIn(['/opt/Segment Courier/segment-courier', csv])).toEqual([csv]);
  });

  it('skips the app folder when started as `electron .`', () => {
    expect(leadingEntriesOf(true)).toBe(2);
    expect(leadingEntriesOf(false)).toBe(1);
    expect(filesIn(['/usr/bin/electron', folder, csv], leadingEntriesOf(true))).toEqual([csv]);
  });

  it('skips Electron and Chromium switches, including ones inserted before the file', () => {
    const argv = [
      'C:\\Programs\\Segment Courier.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13371337',
      '-psn_0_1234',
      tsv,
      '--',
    ];
    expect(filesIn(argv)).toEqual([tsv]);
  });

  it('keeps only existing .csv, .tsv and .txt files, in order, once each', () => {
    const argv = [
      'exe',
      txt,
      path.join(folder, 'missing.csv'),
      path.join(folder, 'notes.pdf'),
      path.join(folder, 'folder.csv'),
      csv,
      txt,
      tsv,
    ];
    expect(filesIn(argv)).toEqual([txt, csv, tsv]);
  });

  it('resolves paths relative to the launching folder', () => {
    expect(filesIn(['exe', 'spring leads.csv'], 1, folder)).toEqual([csv]);
    expect(filesIn(['exe', 'spring leads.csv'], 1, tmpdir())).toEqual([]);
  });

  it('turns the file:// URLs Linux file managers pass into paths, and ignores other URLs', () => {
    const url = pathToFileURL(csv).href;
    expect(url).toContain('%20');
    expect(
      filesIn(['exe', url, 'https://example.com/list.csv', 'file://server/share/x.csv']),
    ).toEqual([csv]);
  });

  it('returns nothing for a plain launch', () => {
    expect(filesIn(['exe'])).toEqual([]);
    expect(filesIn([])).toEqual([]);
  });
});
