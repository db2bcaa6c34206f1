// Issue 12, item 11: every file holding contacts is readable only by the person (folders 0700,
// files 0600), new ones and those an older version left wider.
import { chmod, lstat, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/files/private-files';
import { narrowedMarker, tightenDataFolder } from '../../core/files/private-tree';
import { importSegment } from '../../core/import/import-segment';
import { createSegmentLibrary } from '../../core/segments/segment-library';
import { renameSnapshot } from '../../core/segments/snapshot-store';
import { useTempFolder } from '../support/temp-folder';

const root = useTempFolder('courier-privacy-');
let dataFolder: string;

beforeEach(async () => {
  dataFolder = path.join(root(), 'data');
  await mkdir(dataFolder);
});

async function modeOf(target: string): Promise<string> {
  return ((await lstat(target)).mode & 0o777).toString(8);
}

/** Every entry under `folder` with its mode, as `relative path: mode`. */
async function modesUnder(folder: string): Promise<string[]> {
  const found: string[] = [`.: ${await modeOf(folder)}`];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      found.push(`${path.relative(folder, full)}: ${await modeOf(full)}`);
      if (entry.isDirectory()) await walk(full);
    }
  };
  await walk(folder);
  return found.sort();
}

const onlyPrivate = (line: string) => /: (700|600)$/.test(line);

async function sourceFile(): Promise<string> {
  const file = path.join(root(), 'clients.csv');
  await writeFile(file, 'Email;Nom\nanna@exemple.cat;Anna\njoan@exemple.cat;Joan\n');
  return file;
}

describe.skipIf(process.platform === 'win32')('files holding contacts', () => {
  it('a new snapshot: folders 0700, every file 0600', async () => {
    await importSegment({
      sourcePath: await sourceFile(),
      dataFolder,
      segmentId: 'seg-1',
      now: () => new Date('2026-03-01T10:00:00Z'),
    });
    await renameSnapshot(dataFolder, 'seg-1', 'Clients Girona');
    const segments = path.join(dataFolder, 'segments');
    const modes = await modesUnder(segments);
    expect(modes).toEqual([
      '.: 700',
      'seg-1/import-report.json: 600',
      'seg-1/manifest.json: 600',
      'seg-1/name.json: 600',
      'seg-1/table.txt: 600',
      'seg-1: 700',
    ]);
  });

  it('a dropped file transferred for import: folders 0700, the copy 0600', async () => {
    const library = await createSegmentLibrary({ dataFolder });
    const bytes = Buffer.from('Email\nanna@exemple.cat\n');
    const begun = await library.beginTransfer('clients.csv', bytes.length);
    if (!begun.ok) throw new Error(begun.error.message);
    await library.appendTransfer(begun.transferId, 0, bytes.toString('base64'));
    const transfers = path.join(dataFolder, 'segment-uploads');
    expect(await modesUnder(transfers)).toEqual([
      '.: 700',
      `${begun.transferId}/clients.csv: 600`,
      `${begun.transferId}: 700`,
    ]);
    const outcome = await library.endTransfer(begun.transferId);
    expect(outcome.ok).toBe(true);
    expect((await modesUnder(path.join(dataFolder, 'segments'))).every(onlyPrivate)).toBe(true);
    await library.dispose();
  });

  it('an atomic replace gives 0600 even over a file that was 0644', async () => {
    const file = path.join(dataFolder, 'anything.json');
    await writeFile(file, '{}', { mode: 0o644 });
    await writeFileAtomic(file, '{"a":1}');
    expect(await modeOf(file)).toBe('600');
  });

  it('what an older version left readable by others is tightened when the library starts', async () => {
    // The old layout: segments/ 0755, rows.jsonl 0644, a transferred copy 0644, a job report 0644.
    const old = [
      ['segments/seg-old/manifest.json', 0o644],
      ['segments/seg-old/rows.jsonl', 0o644],
      ['segment-uploads/abc/clients.csv', 0o644],
      ['jobs/20260301-100000-aaaaaa/report.csv', 0o664],
    ] as const;
    for (const [relative, mode] of old) {
      const file = path.join(dataFolder, relative);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
      await writeFile(file, 'x', { mode });
      await chmod(file, mode);
    }
    await chmod(path.join(dataFolder, 'segments'), 0o755);
    // A link someone put there is neither followed nor changed.
    const outside = path.join(root(), 'outside.txt');
    await writeFile(outside, 'not ours', { mode: 0o644 });
    await chmod(outside, 0o644);
    await symlink(outside, path.join(dataFolder, 'segments', 'link.txt'));

    await tightenDataFolder(dataFolder);
    for (const folder of ['segments', 'segment-uploads', 'jobs']) {
      const modes = await modesUnder(path.join(dataFolder, folder));
      expect(modes.filter((line) => !line.startsWith('link.txt')).every(onlyPrivate)).toBe(true);
    }
    expect(await modeOf(outside)).toBe('644');
    // Nothing wider is left, so a second start changes nothing.
    expect(await tightenDataFolder(dataFolder)).toEqual([]);
  });

  it('walks a data folder once: later starts leave the snapshots and jobs unread', async () => {
    await mkdir(path.join(dataFolder, 'segments'), { recursive: true });
    await tightenDataFolder(dataFolder);
    expect(await modeOf(narrowedMarker(dataFolder))).toBe('600');
    // Written after the first start by something other than this app: not walked again.
    const later = path.join(dataFolder, 'segments', 'later.txt');
    await writeFile(later, 'x');
    await chmod(later, 0o644);
    expect(await tightenDataFolder(dataFolder)).toEqual([]);
    expect(await modeOf(later)).toBe('644');
  });

  it('the library start runs the tightening', async () => {
    const rows = path.join(dataFolder, 'segments/seg-old/rows.jsonl');
    await mkdir(path.dirname(rows), { recursive: true, mode: 0o755 });
    await writeFile(rows, '{"line":2,"cells":[]}\n');
    await chmod(rows, 0o644);
    await chmod(path.join(dataFolder, 'segments'), 0o755);
    const library = await createSegmentLibrary({ dataFolder });
    expect(await modeOf(path.join(dataFolder, 'segments'))).toBe('700');
    expect(await modeOf(path.dirname(rows))).toBe('700');
    expect(await modeOf(rows)).toBe('600');
    await library.dispose();
  });
});
