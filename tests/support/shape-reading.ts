import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ImportError } from '../../core/import/import-error';
import { importSegment } from '../../core/import/import-segment';
import { readSegmentFile } from '../../core/import/read-segment-file';
import type { ReadSegmentOptions } from '../../core/import/read-types';
import { listSnapshots } from '../../core/segments/snapshot-store';
import type { CdmEntitySpec } from './shape-fixtures';

/**
 * What the shape tests share (tests/unit/import-shapes-*.test.ts): a folder for the files they
 * write, a folder the importer unpacks into (which must be empty again after every read), and
 * the checks that a bad file is refused with nothing imported.
 */
export function useShapeFolders() {
  let folder = '';
  let workFolder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'courier-shapes-'));
    workFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-shapes-work-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await rm(workFolder, { recursive: true, force: true });
  });
  const at = (name: string) => path.join(folder, name);
  const read = (sourcePath: string, more: Partial<ReadSegmentOptions> = {}) =>
    readSegmentFile({ sourcePath, workFolder, ...more });
  async function failure(sourcePath: string, more: Partial<ReadSegmentOptions> = {}) {
    const caught: unknown = await read(sourcePath, more).then(
      () => null,
      (error: unknown) => error,
    );
    expect(caught).not.toBeNull();
    return caught as ImportError;
  }
  /** A failed import keeps no snapshot and leaves nothing in the folder it unpacks into. */
  async function expectNothingImported(sourcePath: string, code: string) {
    const dataFolder = await mkdtemp(path.join(folder, 'data-'));
    await expect(
      importSegment({
        sourcePath,
        dataFolder,
        segmentId: 'seg-x',
        now: () => new Date(),
        workFolder,
      }),
    ).rejects.toMatchObject({ code });
    expect(await listSnapshots(dataFolder)).toEqual([]);
    expect(await readdir(workFolder)).toEqual([]);
  }
  return {
    at,
    read,
    failure,
    expectNothingImported,
    folder: () => folder,
    workFolder: () => workFolder,
  };
}

export const contacts: CdmEntitySpec = {
  name: 'ContactSegment',
  attributes: ['CustomerId', 'FirstName', 'PrimaryEmail'],
  parts: [
    {
      path: 'ContactSegment/2026/11/30/0815/ContactSegment_1.csv',
      text: 'c1,Núria,nuria@example.com\nc2,"Joan, Jr.",joan@example.com\n',
    },
    {
      path: 'ContactSegment/2026/11/30/0815/ContactSegment_2.csv',
      text: 'c3,Pau,pau@example.com\r\n',
    },
    {
      path: 'ContactSegment/2026/11/30/0815/ContactSegment_3.csv',
      text: 'CustomerId;FirstName;PrimaryEmail\nc4;Anna;anna@example.com\n',
      columnHeaders: true,
      delimiter: ';',
    },
  ],
};

export const olderRun = {
  path: 'ContactSegment/2026/11/29/0815/ContactSegment_1.csv',
  text: 'old1,Old,old@example.com\n',
};

export const people = [
  ['Email', 'Name', 'Joined', 'Spent', 'Phone'],
  [
    'ann@example.com',
    'Ann',
    { number: 46000, style: 1 },
    { number: 1234.5, style: 2 },
    { number: 34600111222 },
  ],
  ['bob@example.com', 'Bob', { number: 45292, style: 1 }, { number: 7, style: 2 }, null],
] as const;
