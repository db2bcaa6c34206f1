import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSegment } from '../../core/import/import-segment';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import { writeCdmFolder, type CdmEntitySpec } from '../support/shape-fixtures';
import { contacts, olderRun, useShapeFolders } from '../support/shape-reading';

const shapes = useShapeFolders();
const { at, read, failure, expectNothingImported } = shapes;

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
    expect(await readdir(shapes.workFolder())).toEqual([]);
  });

  it('reads the same from model.json dropped alone', async () => {
    const exportFolder = await writeCdmFolder(at('Alone'), 'Alone', [contacts]);
    const segment = await read(path.join(exportFolder, 'model.json'));
    expect(segment.report.counts.rows).toBe(4);
    expect(segment.shape.parts).toBe(3);
  });

  it('keeps the rows in its own snapshot: the export folder may go away afterwards', async () => {
    const exportFolder = await writeCdmFolder(at('Gone'), 'Gone', [contacts]);
    const dataFolder = await mkdtemp(path.join(shapes.folder(), 'data-'));
    const imported = await importSegment({
      sourcePath: path.join(exportFolder, 'model.json'),
      dataFolder,
      segmentId: 'seg-gone',
      now: () => new Date(),
      workFolder: shapes.workFolder(),
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

describe('the newer manifest form (*.manifest.cdm.json)', () => {
  it('reads entity files for the columns and partition traits for the format', async () => {
    const exportFolder = at('Manifested');
    await mkdir(path.join(exportFolder, 'Contacts'), { recursive: true });
    const manifest = {
      manifestName: 'Manifested',
      entities: [
        {
          type: 'LocalEntity',
          entityName: 'Contacts',
          entityPath: 'Contacts.cdm.json/Contacts',
          dataPartitions: [
            {
              location: 'Contacts/part-00001.csv',
              exhibitsTraits: [
                {
                  traitReference: 'is.partition.format.CSV',
                  arguments: [
                    { name: 'columnHeaders', value: 'true' },
                    { name: 'delimiter', value: ';' },
                  ],
                },
              ],
            },
            { location: 'adls:/Contacts/part-00002.csv' },
          ],
        },
      ],
    };
    const definition = {
      definitions: [
        { entityName: 'Contacts', hasAttributes: [{ name: 'Id' }, { name: 'EmailAddress1' }] },
      ],
    };
    await writeFile(path.join(exportFolder, 'default.manifest.cdm.json'), JSON.stringify(manifest));
    await writeFile(path.join(exportFolder, 'Contacts.cdm.json'), JSON.stringify(definition));
    await writeFile(
      path.join(exportFolder, 'Contacts/part-00001.csv'),
      'Id;EmailAddress1\n1;ann@example.com\n',
    );
    await writeFile(path.join(exportFolder, 'Contacts/part-00002.csv'), '2,bob@example.com\n');
    const segment = await read(exportFolder);
    expect(segment.columns).toEqual(['Id', 'EmailAddress1']);
    expect(segment.report.preview).toEqual([
      ['1', 'ann@example.com'],
      ['2', 'bob@example.com'],
    ]);
    expect(segment.shape).toEqual({ source: 'cdm', entity: 'Contacts', parts: 2 });
  });
});
