import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  SnapshotManifest,
  SnapshotRow,
  SnapshotTable,
} from '../../core/segments/snapshot-format';
import {
  listSnapshots,
  readSnapshotManifest,
  readSnapshotReport,
  readSnapshotRows,
  removeIncompleteSnapshots,
  removeSnapshot,
  renameSnapshot,
} from '../../core/segments/snapshot-store';
import { createSnapshotWriter } from '../../core/segments/snapshot-writer';
import type { ImportReport } from '../../shared/segments/import-report';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-snapshots-');

/** A segment as an import copies it (format 2): the text read, byte for byte. */
const text =
  'Email;Nom\n' +
  'anna@exemple.cat;"Anna ""la gran"""\n' +
  '\n' +
  'joan@exemple.cat;"Joan\nsegona línia"\n' +
  'mal;format;de més\n' +
  'pere@exemple.cat;Pere\n';

/** What the text holds: blank rows and rows with the wrong number of values are not kept. */
const rows: SnapshotRow[] = [
  { line: 2, cells: ['anna@exemple.cat', 'Anna "la gran"'] },
  { line: 4, cells: ['joan@exemple.cat', 'Joan\nsegona línia'] },
  { line: 7, cells: ['pere@exemple.cat', 'Pere'] },
];

function manifest(
  id: string,
  importedAt = '2026-03-01T10:00:00.000Z',
  bytes = Buffer.byteLength(text),
): SnapshotManifest {
  return {
    formatVersion: 2,
    id,
    name: 'clients',
    importedAt,
    source: {
      path: '/home/marta/clients.csv',
      fileName: 'clients.csv',
      size: bytes,
      sha256: 'a'.repeat(64),
      modifiedAt: importedAt,
    },
    format: { encoding: 'utf-8', delimiter: ';', hasBom: false },
    columns: ['Email', 'Nom'],
    rowCount: rows.length,
    emailColumn: 'Email',
    table: { bytes, newline: '\n', skipRows: 0, header: true },
  };
}

const report: ImportReport = {
  counts: { rows: 3, valid: 3, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 1 },
  problems: [],
  problemCount: 0,
  preview: [['anna@exemple.cat', 'Anna']],
};

async function collect(source: AsyncIterable<SnapshotRow>): Promise<SnapshotRow[]> {
  const all: SnapshotRow[] = [];
  for await (const row of source) all.push(row);
  return all;
}

async function commitSnapshot(id: string, importedAt?: string): Promise<void> {
  const writer = await createSnapshotWriter(dataFolder(), id);
  writer.copy(Buffer.from(text));
  await writer.commit(manifest(id, importedAt), report);
}

describe('segment snapshots', () => {
  it('exist for readers only once committed, then read back row by row', async () => {
    const writer = await createSnapshotWriter(dataFolder(), 'seg-1');
    const bytes = Buffer.from(text);
    // Cut inside "í", which takes two bytes: the reader decodes across the cut.
    const cut = bytes.indexOf('í') + 1;
    writer.copy(bytes.subarray(0, cut));
    writer.copy(bytes.subarray(cut));
    await writer.drained();
    await expect(readSnapshotManifest(dataFolder(), 'seg-1')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await listSnapshots(dataFolder())).toEqual([]);

    await writer.commit(manifest('seg-1'), report);
    expect(await readSnapshotManifest(dataFolder(), 'seg-1')).toEqual(manifest('seg-1'));
    expect(await collect(readSnapshotRows(dataFolder(), 'seg-1'))).toEqual(rows);
    expect(await readSnapshotReport(dataFolder(), 'seg-1')).toEqual(report);
    expect(await readFile(path.join(dataFolder(), 'segments/seg-1/table.txt'), 'utf8')).toBe(text);
    const files = await readdir(path.join(dataFolder(), 'segments/seg-1'));
    expect(files.sort()).toEqual(['import-report.json', 'manifest.json', 'table.txt']);
  });

  it('reads a format 1 snapshot, as older versions wrote it, from its JSON lines', async () => {
    const folder = path.join(dataFolder(), 'segments/older');
    await mkdir(folder, { recursive: true });
    const older = [...rows, { line: 9, cells: ['extra@exemple.cat', 'Extra', 'de més'] }];
    await writeFile(
      path.join(folder, 'rows.jsonl'),
      older.map((row) => `${JSON.stringify(row)}\n`).join(''),
    );
    const { table: _table, ...rest } = manifest('older');
    await writeFile(
      path.join(folder, 'manifest.json'),
      JSON.stringify({ ...rest, formatVersion: 1, rowCount: older.length }),
    );
    expect(await collect(readSnapshotRows(dataFolder(), 'older'))).toEqual(older);
  });

  it('says a manifest whose format and table disagree is damaged', async () => {
    await commitSnapshot('seg-1');
    const file = path.join(dataFolder(), 'segments/seg-1/manifest.json');
    const { table: _table, ...withoutTable } = manifest('seg-1');
    await writeFile(file, JSON.stringify(withoutTable));
    await expect(readSnapshotManifest(dataFolder(), 'seg-1')).rejects.toMatchObject({
      code: 'damaged',
    });
    await writeFile(file, JSON.stringify({ ...manifest('seg-1'), formatVersion: 1 }));
    await expect(readSnapshotManifest(dataFolder(), 'seg-1')).rejects.toMatchObject({
      code: 'damaged',
    });
  });

  it('says a copy of the text damaged since the import is damaged', async () => {
    await commitSnapshot('seg-1');
    const bytes = Buffer.from(text);
    bytes[bytes.indexOf('í')] = 0xff;
    await writeFile(path.join(dataFolder(), 'segments/seg-1/table.txt'), bytes);
    await expect(collect(readSnapshotRows(dataFolder(), 'seg-1'))).rejects.toMatchObject({
      code: 'damaged',
    });
  });

  it('streams a large snapshot', async () => {
    const writer = await createSnapshotWriter(dataFolder(), 'big');
    const total = 120_000;
    let table = 'Email;Nom\r\n';
    for (let index = 0; index < total; index += 1) table += `u${index}@exemple.cat;Àlex\r\n`;
    const bytes = Buffer.from(table);
    // Slices of an odd size, so some cut a character or a CRLF in two.
    for (let start = 0; start < bytes.length; start += 4099) {
      if (!writer.copy(bytes.subarray(start, start + 4099))) await writer.drained();
    }
    const big = manifest('big', undefined, bytes.length);
    await writer.commit(
      { ...big, rowCount: total, table: { ...(big.table as SnapshotTable), newline: '\r\n' } },
      report,
    );
    let seen = 0;
    let inOrder = true;
    for await (const row of readSnapshotRows(dataFolder(), 'big')) {
      inOrder &&=
        row.line === seen + 2 && row.cells[0] === `u${seen}@exemple.cat` && row.cells[1] === 'Àlex';
      seen += 1;
    }
    expect(seen).toBe(total);
    expect(inOrder).toBe(true);
  });

  it('renames in a side file and never rewrites the manifest or rows', async () => {
    await commitSnapshot('seg-1');
    const folder = path.join(dataFolder(), 'segments/seg-1');
    const before = await readFile(path.join(folder, 'manifest.json'));
    const renamed = await renameSnapshot(dataFolder(), 'seg-1', '  Clients   Girona ');
    expect(renamed.name).toBe('Clients Girona');
    expect((await readSnapshotManifest(dataFolder(), 'seg-1')).name).toBe('Clients Girona');
    expect(await readFile(path.join(folder, 'manifest.json'))).toEqual(before);
    await expect(renameSnapshot(dataFolder(), 'seg-1', '   ')).rejects.toMatchObject({
      code: 'invalid-name',
    });
    expect((await readdir(folder)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('lists complete snapshots oldest first and removes them', async () => {
    await commitSnapshot('seg-b', '2026-03-02T10:00:00.000Z');
    await commitSnapshot('seg-a', '2026-03-01T10:00:00.000Z');
    await createSnapshotWriter(dataFolder(), 'half-written');
    await mkdir(path.join(dataFolder(), 'segments/damaged'), { recursive: true });
    await writeFile(
      path.join(dataFolder(), 'segments/damaged/manifest.json'),
      '{"formatVersion":9',
    );
    expect((await listSnapshots(dataFolder())).map((item) => item.id)).toEqual(['seg-a', 'seg-b']);
    await removeSnapshot(dataFolder(), 'seg-a');
    expect((await listSnapshots(dataFolder())).map((item) => item.id)).toEqual(['seg-b']);
    await expect(collect(readSnapshotRows(dataFolder(), 'seg-a'))).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(readSnapshotManifest(dataFolder(), 'damaged')).rejects.toMatchObject({
      code: 'damaged',
    });
  });

  it('refuses ids that would leave the segments folder', async () => {
    for (const id of ['../settings', 'a/b', '', '.hidden']) {
      await expect(readSnapshotManifest(dataFolder(), id)).rejects.toMatchObject({
        code: 'not-found',
      });
    }
  });

  it('sweeps only the unfinished snapshots a crash left long ago', async () => {
    await commitSnapshot('done');
    // What a crash leaves: text copied, no manifest.
    await mkdir(path.join(dataFolder(), 'segments/crashed'), { recursive: true });
    await writeFile(path.join(dataFolder(), 'segments/crashed/table.txt'), 'Email\na@b.cat\n');
    await createSnapshotWriter(dataFolder(), 'still-importing');
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
    await utimes(path.join(dataFolder(), 'segments/crashed/table.txt'), hourAgo, hourAgo);
    expect(await removeIncompleteSnapshots(dataFolder(), now)).toEqual(['crashed']);
    const left = await readdir(path.join(dataFolder(), 'segments'));
    expect(left.sort()).toEqual(['done', 'still-importing']);
  });
});
