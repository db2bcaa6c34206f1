// Issue 12, item 11: the sweep tells an import that is still being written from the remains of
// one whose process is gone, and cleans what a kill left beside complete snapshots.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotManifest } from '../../core/segments/snapshot-format';
import {
  findIncompleteSnapshots,
  listSnapshots,
  sweepIncompleteSnapshots,
} from '../../core/segments/snapshot-store';
import { createSnapshotWriter } from '../../core/segments/snapshot-writer';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-sweep-');
const now = new Date();

/** The pid of a process that has ended (a child run to completion). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (!child.pid) throw new Error('no child pid');
  return child.pid;
}

async function incomplete(id: string, owner: number | null, ageMs = 0): Promise<string> {
  const folder = path.join(dataFolder(), 'segments', id);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'rows.jsonl'), '{"line":2,"cells":["a@b.cat"]}\n');
  if (owner !== null) await writeFile(path.join(folder, 'import-owner.json'), `{"pid":${owner}}`);
  const touched = new Date(now.getTime() - ageMs);
  await utimes(path.join(folder, 'rows.jsonl'), touched, touched);
  return folder;
}

function manifest(id: string): SnapshotManifest {
  return {
    formatVersion: 2,
    id,
    name: 'clients',
    importedAt: '2026-03-01T10:00:00.000Z',
    source: {
      path: '/home/marta/clients.csv',
      fileName: 'clients.csv',
      size: 10,
      sha256: 'a'.repeat(64),
      modifiedAt: '2026-03-01T10:00:00.000Z',
    },
    format: { encoding: 'utf-8', delimiter: ';', hasBom: false },
    columns: ['Email'],
    rowCount: 1,
    emailColumn: 'Email',
    table: { bytes: 14, newline: '\n', skipRows: 0, header: true },
  };
}

const report = {
  counts: { rows: 1, valid: 1, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 0 },
  problems: [],
  problemCount: 0,
  preview: [['a@b.cat']],
};

describe('sweeping unfinished snapshots', () => {
  it('removes at once a snapshot whose writer has ended, however young', async () => {
    await incomplete('killed', endedPid());
    expect(await findIncompleteSnapshots(dataFolder(), now)).toEqual([
      { id: 'killed', reason: 'writer-gone' },
    ]);
    expect(await sweepIncompleteSnapshots(dataFolder(), now)).toEqual([
      { id: 'killed', reason: 'writer-gone' },
    ]);
    expect(await readdir(path.join(dataFolder(), 'segments'))).toEqual([]);
  });

  it('keeps one a running process writes, and an unmarked young one (an older version)', async () => {
    await incomplete('writing', process.pid);
    await incomplete('older-version', null);
    expect(await sweepIncompleteSnapshots(dataFolder(), now)).toEqual([]);
    expect((await readdir(path.join(dataFolder(), 'segments'))).sort()).toEqual([
      'older-version',
      'writing',
    ]);
  });

  it('removes by age one whose marker names a live process untouched for long (a reused pid)', async () => {
    await incomplete('reused-pid', process.pid, 60 * 60 * 1000);
    expect(await sweepIncompleteSnapshots(dataFolder(), now)).toEqual([
      { id: 'reused-pid', reason: 'abandoned' },
    ]);
  });

  it('the writer marks its snapshot while writing and drops the mark at the commit', async () => {
    const writer = await createSnapshotWriter(dataFolder(), 'seg-1');
    const folder = path.join(dataFolder(), 'segments', 'seg-1');
    expect(await readdir(folder)).toContain('import-owner.json');
    writer.copy(Buffer.from('Email\na@b.cat\n'));
    await writer.commit(manifest('seg-1'), report);
    expect((await readdir(folder)).sort()).toEqual([
      'import-report.json',
      'manifest.json',
      'table.txt',
    ]);
  });

  it('cleans what a kill left beside a complete snapshot, but not a live writer’s file', async () => {
    const writer = await createSnapshotWriter(dataFolder(), 'seg-1');
    await writer.commit(manifest('seg-1'), report);
    const folder = path.join(dataFolder(), 'segments', 'seg-1');
    const dead = endedPid();
    // A kill after the commit point, and renames cut short by kills, old and new style.
    await writeFile(path.join(folder, 'import-owner.json'), `{"pid":${dead}}`);
    await writeFile(path.join(folder, `.name.json.${dead}.0123abcd.tmp`), '{"name":"x"}');
    await writeFile(path.join(folder, `.name.json.${process.pid}.89abcdef.tmp`), '{"name":"y"}');
    const oldStyle = path.join(folder, 'name.json.0123456789ab.tmp');
    await writeFile(oldStyle, '{"name":"z"}');
    const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
    await utimes(oldStyle, hourAgo, hourAgo);

    expect(await sweepIncompleteSnapshots(dataFolder(), now)).toEqual([]);
    expect((await readdir(folder)).sort()).toEqual([
      `.name.json.${process.pid}.89abcdef.tmp`,
      'import-report.json',
      'manifest.json',
      'table.txt',
    ]);
    expect((await listSnapshots(dataFolder())).map((snapshot) => snapshot.id)).toEqual(['seg-1']);
  });
});
