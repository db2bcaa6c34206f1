import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotManifest, SnapshotRow } from '../../core/segments/snapshot-format';
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

function manifest(id: string, importedAt = '2026-03-01T10:00:00.000Z'): SnapshotManifest {
  return {
    formatVersion: 1,
    id,
    name: 'clients',
    importedAt,
    source: {
      path: '/home/marta/clients.csv',
      fileName: 'clients.csv',
      size: 10,
      sha256: 'a'.repeat(64),
      modifiedAt: importedAt,
    },
    format: { encoding: 'utf-8', delimiter: ';', hasBom: false },
    columns: ['Email', 'Nom'],
    rowCount: 2,
    emailColumn: 'Email',
  };
}

const report: ImportReport = {
  counts: { rows: 2, valid: 2, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 0 },
  problems: [],
  problemCount: 0,
  preview: [['anna@exemple.cat', 'Anna']],
};

const rows: SnapshotRow[] = [
  { line: 2, cells: ['anna@exemple.cat', 'Anna "la gran"'] },
  { line: 3, cells: ['joan@exemple.cat', 'Joan\nsegona línia', 'extra'] },
];

async function collect(source: AsyncIterable<SnapshotRow>): Promise<SnapshotRow[]> {
  const all: SnapshotRow[] = [];
  for await (const row of source) all.push(row);
  return all;
}

async function commitSnapshot(id: string, importedAt?: string): Promise<void> {
  const writer = await createSnapshotWriter(dataFolder(), id);
  writer.write(rows);
  await writer.commit(manifest(id, importedAt), report);
}

describe('segment snapshots', () => {
  it('exist for readers only once committed, then read back row by row', async () => {
    const writer = await createSnapshotWriter(dataFolder(), 'seg-1');
    writer.write(rows.slice(0, 1));
    writer.write(rows.slice(1));
    await writer.drained();
    await expect(readSnapshotManifest(dataFolder(), 'seg-1')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await listSnapshots(dataFolder())).toEqual([]);

    await writer.commit(manifest('seg-1'), report);
    expect(await readSnapshotManifest(dataFolder(), 'seg-1')).toEqual(manifest('seg-1'));
    expect(await collect(readSnapshotRows(dataFolder(), 'seg-1'))).toEqual(rows);
    expect(await readSnapshotReport(dataFolder(), 'seg-1')).toEqual(report);
    const lines = (await readFile(path.join(dataFolder(), 'segments/seg-1/rows.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(rows);
    const files = await readdir(path.join(dataFolder(), 'segments/seg-1'));
    expect(files.sort()).toEqual(['import-report.json', 'manifest.json', 'rows.jsonl']);
  });

  it('streams a large snapshot', async () => {
    const writer = await createSnapshotWriter(dataFolder(), 'big');
    const total = 120_000;
    for (let start = 0; start < total; start += 5_000) {
      const batch = Array.from({ length: 5_000 }, (_, index) => ({
        line: start + index + 2,
        cells: [`u${start + index}@exemple.cat`, 'Àlex'],
      }));
      if (!writer.write(batch)) await writer.drained();
    }
    await writer.commit({ ...manifest('big'), rowCount: total }, report);
    let seen = 0;
    let inOrder = true;
    for await (const row of readSnapshotRows(dataFolder(), 'big')) {
      inOrder &&= row.line === seen + 2 && row.cells[0] === `u${seen}@exemple.cat`;
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
    // What a crash leaves: rows written, no manifest.
    await mkdir(path.join(dataFolder(), 'segments/crashed'), { recursive: true });
    await writeFile(
      path.join(dataFolder(), 'segments/crashed/rows.jsonl'),
      '{"line":2,"cells":[]}\n',
    );
    await createSnapshotWriter(dataFolder(), 'still-importing');
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
    await utimes(path.join(dataFolder(), 'segments/crashed/rows.jsonl'), hourAgo, hourAgo);
    expect(await removeIncompleteSnapshots(dataFolder(), now)).toEqual(['crashed']);
    const left = await readdir(path.join(dataFolder(), 'segments'));
    expect(left.sort()).toEqual(['done', 'still-importing']);
  });
});
