import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportError } from '../../core/import/import-error';
import { importSegment } from '../../core/import/import-segment';
import { readSegmentFile, type ReadSegmentOptions } from '../../core/import/read-segment-file';
import { listSnapshots, readSnapshotRows } from '../../core/segments/snapshot-store';
import {
  workbookEntries,
  writeCdmFolder,
  writeWorkbook,
  writeZip,
  type CdmEntitySpec,
} from '../support/shape-fixtures';

let folder: string;
let workFolder: string;

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

const contacts: CdmEntitySpec = {
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

const olderRun = {
  path: 'ContactSegment/2026/11/29/0815/ContactSegment_1.csv',
  text: 'old1,Old,old@example.com\n',
};

describe('Customer Insights export folders', () => {
  it('reads the listed parts in order as one table named by the schema', async () => {
    const exportFolder = await writeCdmFolder(
      at('Newsletter'),
      'Newsletter',
      [contacts],
      [olderRun],
    );
    const segment = await read(exportFolder);
    expect(segment.columns).toEqual(['CustomerId', 'FirstName', 'PrimaryEmail']);
    expect(segment.report.counts.rows).toBe(4);
    expect(segment.report.preview.map((row) => row[2])).toEqual([
      'nuria@example.com',
      'joan@example.com',
      'pau@example.com',
      'anna@example.com',
    ]);
    expect(segment.report.preview[1]?.[1]).toBe('Joan, Jr.');
    expect(segment.emailColumn).toBe('PrimaryEmail');
    expect(segment.shape).toEqual({ source: 'cdm', entity: 'ContactSegment', parts: 3 });
    expect(await readdir(workFolder)).toEqual([]);
  });

  it('reads the same from model.json dropped alone', async () => {
    const exportFolder = await writeCdmFolder(at('Alone'), 'Alone', [contacts]);
    const segment = await read(path.join(exportFolder, 'model.json'));
    expect(segment.report.counts.rows).toBe(4);
    expect(segment.shape.parts).toBe(3);
  });

  it('keeps the rows in its own snapshot: the export folder may go away afterwards', async () => {
    const exportFolder = await writeCdmFolder(at('Gone'), 'Gone', [contacts]);
    const dataFolder = await mkdtemp(path.join(folder, 'data-'));
    const imported = await importSegment({
      sourcePath: path.join(exportFolder, 'model.json'),
      dataFolder,
      segmentId: 'seg-gone',
      now: () => new Date(),
      workFolder,
    });
    expect(imported.manifest).toMatchObject({
      name: 'Gone',
      shape: { source: 'cdm', parts: 3 },
      columns: ['CustomerId', 'FirstName', 'PrimaryEmail'],
    });
    await rm(exportFolder, { recursive: true, force: true });
    const rows = [];
    for await (const row of readSnapshotRows(dataFolder, 'seg-gone')) rows.push(row.cells[2]);
    expect(rows).toEqual([
      'nuria@example.com',
      'joan@example.com',
      'pau@example.com',
      'anna@example.com',
    ]);
  });

  it('picks the table with an email column, and another one when asked', async () => {
    const orders: CdmEntitySpec = {
      name: 'Orders',
      attributes: ['OrderId', 'Total'],
      parts: [{ path: 'Orders/1.csv', text: 'o1,10\no2,20\no3,30\n' }],
    };
    const exportFolder = await writeCdmFolder(at('Two'), 'Two', [orders, contacts]);
    expect((await read(exportFolder)).shape).toMatchObject({
      entity: 'ContactSegment',
      choices: ['Orders'],
    });
    const picked = await read(exportFolder, { choice: { entity: 'orders' } });
    expect(picked.columns).toEqual(['OrderId', 'Total']);
    expect(picked.report.counts.rows).toBe(3);
    const unknown = await failure(exportFolder, { choice: { entity: 'Leads' } });
    expect(unknown.code).toBe('cdm-unknown-entity');
    expect(unknown.message).toContain('Orders, ContactSegment');
  });

  it('refuses a missing part, naming it, and imports nothing', async () => {
    const exportFolder = await writeCdmFolder(at('Missing'), 'Missing', [contacts]);
    await rm(path.join(exportFolder, contacts.parts[1]?.path ?? ''));
    const refused = await failure(exportFolder);
    expect(refused.code).toBe('cdm-part-missing');
    expect(refused.message).toContain('“ContactSegment_2.csv”');
    await expectNothingImported(exportFolder, 'cdm-part-missing');
  });

  it('refuses a part with another number of columns, naming it and the line', async () => {
    const broken = {
      ...contacts,
      parts: [
        ...contacts.parts,
        { path: 'ContactSegment/x/ContactSegment_4.csv', text: 'c5,Eva\n' },
      ],
    };
    const exportFolder = await writeCdmFolder(at('Columns'), 'Columns', [broken]);
    const refused = await failure(exportFolder);
    expect(refused.code).toBe('cdm-part-columns');
    expect(refused.message).toContain('Line 1 of the part “ContactSegment_4.csv”');
    expect(refused.message).toContain('has 2 values, but the schema names 3 columns');
    await expectNothingImported(exportFolder, 'cdm-part-columns');
  });

  it('says a folder without a schema is not an export', async () => {
    await mkdir(at('plain-folder'));
    const refused = await failure(at('plain-folder'));
    expect(refused.code).toBe('folder-without-schema');
    expect(refused.message).toContain('holds no Customer Insights schema');
  });
});

const people = [
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

describe('Excel workbooks', () => {
  it('reads the sheet with an email header, cells as the sheet shows them', async () => {
    const file = await writeWorkbook(at('list.xlsx'), [
      { name: 'Notes', rows: [['Exported by Marta'], ['Do not edit']] },
      { name: 'Contacts', rows: people },
    ]);
    const segment = await read(file);
    expect(segment.shape).toEqual({ source: 'xlsx', sheet: 'Contacts', choices: ['Notes'] });
    expect(segment.columns).toEqual(['Email', 'Name', 'Joined', 'Spent', 'Phone']);
    expect(segment.report.preview).toEqual([
      ['ann@example.com', 'Ann', '2025-12-09', '1,234.50', '34600111222'],
      ['bob@example.com', 'Bob', '2024-01-01', '7.00', ''],
    ]);
    expect(segment.report.counts).toMatchObject({ rows: 2, valid: 2, wrongFieldCount: 0 });
  });

  it('reads the only sheet with rows, and the sheet the person names', async () => {
    const file = await writeWorkbook(at('two.xlsx'), [
      { name: 'Empty', rows: [] },
      {
        name: 'Leads',
        rows: [
          ['Name', 'Mail'],
          ['Carla', 'carla@example.com'],
        ],
      },
      { name: 'Extra', rows: [['Name'], ['Dani']], firstRow: 3 },
    ]);
    expect((await read(file, { choice: { sheet: 'Extra' } })).report.preview).toEqual([['Dani']]);
    const only = await writeWorkbook(at('only.xlsx'), [
      { name: 'Empty', rows: [] },
      {
        name: 'Leads',
        rows: [
          ['Name', 'Phone'],
          ['Carla', '555'],
        ],
      },
    ]);
    expect((await read(only)).shape).toEqual({ source: 'xlsx', sheet: 'Leads' });
    const unknown = await failure(file, { choice: { sheet: 'Nope' } });
    expect(unknown.code).toBe('workbook-unknown-sheet');
    expect(unknown.message).toContain('Leads, Extra');
  });

  it('refuses a workbook that holds only charts', async () => {
    const file = await writeWorkbook(at('charts.xlsx'), [], { chartSheets: ['Chart1'] });
    const refused = await failure(file);
    expect(refused.code).toBe('workbook-no-rows');
    expect(refused.message).toContain('may hold only charts');
    await expectNothingImported(file, 'workbook-no-rows');
  });

  it('refuses a password-protected workbook', async () => {
    // An encrypted .xlsx is an OLE2 compound file whose directory names an EncryptedPackage.
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    const directory = Buffer.alloc(512);
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, index) =>
      Buffer.from(name, 'utf16le').copy(directory, index * 128),
    );
    const file = at('secret.xlsx');
    await writeFile(file, Buffer.concat([header, directory, Buffer.alloc(4096, 0x5a)]));
    const refused = await failure(file);
    expect(refused.code).toBe('workbook-protected');
    expect(refused.message).toContain('protected with a password');
    await expectNothingImported(file, 'workbook-protected');
  });

  it('refuses an old .xls workbook with a sentence', async () => {
    const file = at('old.xls');
    const header = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from('Workbook', 'utf16le').copy(header, 512);
    await writeFile(file, header);
    expect((await failure(file)).code).toBe('workbook-old-format');
  });

  it('never expands entities a sheet declares (billion laughs)', async () => {
    const entries = workbookEntries([{ name: 'Sheet1', rows: [['Email'], ['a@example.com']] }]);
    const laughs = Array.from(
      { length: 9 },
      (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">${laughs}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const file = await writeZip(
      at('laughs.xlsx'),
      entries.map((entry) =>
        entry.name.includes('worksheets/') ? { ...entry, data: bomb } : entry,
      ),
    );
    expect((await failure(file)).code).toBe('workbook-damaged');
  });
});

describe('gzip and zip', () => {
  const csv = 'Email;Nom\nnuria@example.com;Núria\npau@example.com;Pau\n';

  it('reads a .csv.gz as the CSV inside', async () => {
    const file = at('segment.csv.gz');
    await writeFile(file, gzipSync(Buffer.from(csv)));
    const segment = await read(file);
    expect(segment.shape).toEqual({ source: 'gzip' });
    expect(segment.format.delimiter).toBe(';');
    expect(segment.report.preview[0]).toEqual(['nuria@example.com', 'Núria']);
  });

  it('refuses a gzip that is not gzip, and a truncated one', async () => {
    const fake = at('fake.csv.gz');
    await writeFile(fake, csv);
    expect((await failure(fake)).message).toContain('could not be unpacked');
    await expectNothingImported(fake, 'gzip-damaged');
    const cut = at('cut.csv.gz');
    await writeFile(cut, gzipSync(Buffer.from(csv.repeat(100))).subarray(0, 40));
    expect((await failure(cut)).code).toBe('gzip-damaged');
  });

  it('reads a zip holding one segment file, or one export folder', async () => {
    const one = await writeZip(at('one.zip'), [
      { name: '__MACOSX/._segment.csv', data: 'x' },
      { name: 'segment.csv', data: csv },
    ]);
    expect((await read(one)).shape).toEqual({ source: 'zip' });
    expect((await read(one)).report.counts.rows).toBe(2);
    const book = await writeZip(at('book.zip'), [
      { name: 'list.xlsx', data: await zipBytes(workbookEntries([{ name: 'S', rows: people }])) },
    ]);
    expect((await read(book)).shape).toEqual({ source: 'zip', inner: 'xlsx', sheet: 'S' });
    const exportFolder = await writeCdmFolder(at('Zipped'), 'Zipped', [contacts], [olderRun]);
    const entries = await filesBelow(exportFolder);
    const packed = await writeZip(
      at('export.zip'),
      await Promise.all(
        entries.map(async (file) => ({
          name: `Zipped/${path.relative(exportFolder, file).split(path.sep).join('/')}`,
          data: await import('node:fs/promises').then((fs) => fs.readFile(file)),
        })),
      ),
    );
    const segment = await read(packed);
    expect(segment.shape).toMatchObject({ source: 'zip', inner: 'cdm', parts: 3 });
    expect(segment.report.counts.rows).toBe(4);
  });

  it('says when a zip holds no segment, or several', async () => {
    const none = await writeZip(at('none.zip'), [
      { name: 'photo.png', data: 'x' },
      { name: 'a.pdf', data: 'y' },
    ]);
    expect((await failure(none)).code).toBe('archive-no-segment');
    await expectNothingImported(none, 'archive-no-segment');
    const several = await writeZip(at('several.zip'), [
      { name: 'a.csv', data: csv },
      { name: 'b.csv', data: csv },
    ]);
    expect((await failure(several)).message).toContain(
      'several files that could be segments (a.csv, b.csv)',
    );
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const bomb = await writeZip(at('bomb.zip'), [
      { name: 'segment.csv', data: Buffer.alloc(64 * 1024 ** 2) },
    ]);
    const refused = await failure(bomb);
    expect(refused.code).toBe('archive-too-large');
    expect(refused.message).toContain('would unpack to 64.0 MB from one small file');
    await expectNothingImported(bomb, 'archive-too-large');
    const many = await writeZip(
      at('many.zip'),
      Array.from({ length: 30 }, (_, index) => ({ name: `f${index}.txt`, data: 'x' })),
    );
    const limits = {
      maxEntries: 20,
      maxExpandedBytes: 1024 ** 3,
      maxRatio: 200,
      ratioFloorBytes: 1024 ** 2,
    };
    expect((await failure(many, { archiveLimits: limits })).message).toContain(
      'would unpack to 30 files',
    );
  });

  it('stops unpacking a gzip bomb', async () => {
    const file = at('bomb.csv.gz');
    await writeFile(file, gzipSync(Buffer.alloc(64 * 1024 ** 2)));
    const refused = await failure(file);
    expect(refused.code).toBe('archive-too-large');
    await expectNothingImported(file, 'archive-too-large');
  });
});

describe('files that are not files', () => {
  it('says a pipe is not a file it can read', async () => {
    const fifo = at('segment.fifo');
    execFileSync('mkfifo', [fifo]);
    const refused = await failure(fifo);
    expect(refused.code).toBe('not-a-regular-file');
    expect(refused.message).toBe(
      '“segment.fifo” is a pipe (FIFO), not a file Segment Courier can read. Drop the segment file itself.',
    );
  });
});

async function zipBytes(entries: Parameters<typeof writeZip>[1]): Promise<Buffer> {
  const file = at(`inner-${Math.random().toString(36).slice(2)}.zip`);
  await writeZip(file, entries);
  return import('node:fs/promises').then((fs) => fs.readFile(file));
}

async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
