/**
 * What a killed import leaves in `segments/`: a folder without a manifest (rows half written, an
 * owner marker), or a temporary file beside a complete snapshot. Readers never show such a folder
 * (no manifest, no segment); this lists and removes them when the library starts.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { temporaryFilePattern } from '../files/private-files';
import { isProcessAlive } from '../files/process-alive';
import { snapshotFiles } from './snapshot-format';
import { segmentsFolder } from './snapshot-paths';
import { snapshotSideFiles, type SnapshotOwner } from './snapshot-writer';

/** Old versions wrote `name.<12 hex>.tmp` beside the file, with no writer in the name. */
const olderTemporaryPattern = /\.[0-9a-f]{12}\.tmp$/;

const abandonedAfterMs = 15 * 60 * 1000;

export interface IncompleteSnapshot {
  readonly id: string;
  /** `writer-gone`: its import's process no longer runs; `abandoned`: untouched for long. */
  readonly reason: 'writer-gone' | 'abandoned';
}

async function readOwnerPid(folder: string): Promise<number | null> {
  try {
    const owner = JSON.parse(
      await readFile(path.join(folder, snapshotSideFiles.owner), 'utf8'),
    ) as Partial<SnapshotOwner>;
    return typeof owner.pid === 'number' ? owner.pid : null;
  } catch {
    // No marker (an older version's import) or half a marker: judged by age alone.
    return null;
  }
}

async function lastTouched(folder: string): Promise<number> {
  const table = await stat(path.join(folder, snapshotFiles.table)).catch(() => null);
  const rows = table ?? (await stat(path.join(folder, snapshotFiles.rows)).catch(() => null));
  return (rows ?? (await stat(folder))).mtimeMs;
}

/** Why an incomplete folder is an orphan, or null while its import may still be running. */
async function orphanReason(
  folder: string,
  now: Date,
  staleAfterMs: number,
): Promise<IncompleteSnapshot['reason'] | null> {
  const pid = await readOwnerPid(folder);
  if (pid !== null && !isProcessAlive(pid)) return 'writer-gone';
  // A live writer (the app, or the command line sharing the data folder) keeps writing rows; a
  // pid the system gave to another program since is caught here, by age.
  if (now.getTime() - (await lastTouched(folder)) >= staleAfterMs) return 'abandoned';
  return null;
}

async function snapshotFolders(dataFolder: string): Promise<string[]> {
  const entries = await readdir(segmentsFolder(dataFolder), { withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

async function hasManifest(folder: string): Promise<boolean> {
  return (await stat(path.join(folder, snapshotFiles.manifest)).catch(() => null)) !== null;
}

/** Lists the snapshot folders without a manifest that no running import will finish. */
export async function findIncompleteSnapshots(
  dataFolder: string,
  now: Date,
  staleAfterMs = abandonedAfterMs,
): Promise<IncompleteSnapshot[]> {
  const found: IncompleteSnapshot[] = [];
  for (const id of await snapshotFolders(dataFolder)) {
    const folder = path.join(segmentsFolder(dataFolder), id);
    if (await hasManifest(folder)) continue;
    const reason = await orphanReason(folder, now, staleAfterMs).catch(() => null);
    if (reason) found.push({ id, reason });
  }
  return found;
}

async function isLeftover(file: string, now: Date, staleAfterMs: number): Promise<boolean> {
  const name = path.basename(file);
  if (name === snapshotSideFiles.owner) return true;
  const writer = temporaryFilePattern.exec(name);
  if (writer) return !isProcessAlive(Number(writer[1]));
  if (!olderTemporaryPattern.test(name)) return false;
  const touched = (await stat(file).catch(() => null))?.mtimeMs ?? now.getTime();
  return now.getTime() - touched >= staleAfterMs;
}

/**
 * Temporary files a kill left beside complete snapshots (a rename interrupted before its rename),
 * and owner markers a kill right after the commit point left; returns their paths.
 */
async function removeLeftoverFiles(
  dataFolder: string,
  now: Date,
  staleAfterMs = abandonedAfterMs,
): Promise<string[]> {
  const removed: string[] = [];
  for (const id of await snapshotFolders(dataFolder)) {
    const folder = path.join(segmentsFolder(dataFolder), id);
    if (!(await hasManifest(folder))) continue;
    for (const name of await readdir(folder).catch(() => [])) {
      const file = path.join(folder, name);
      if (!(await isLeftover(file, now, staleAfterMs))) continue;
      await rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

/** Removes the incomplete snapshots no import will finish; returns what it removed and why. */
export async function sweepIncompleteSnapshots(
  dataFolder: string,
  now: Date,
  staleAfterMs = abandonedAfterMs,
): Promise<IncompleteSnapshot[]> {
  const orphans = await findIncompleteSnapshots(dataFolder, now, staleAfterMs);
  for (const orphan of orphans) {
    await rm(path.join(segmentsFolder(dataFolder), orphan.id), { recursive: true, force: true });
  }
  await removeLeftoverFiles(dataFolder, now, staleAfterMs);
  return orphans;
}

/** The ids sweepIncompleteSnapshots removed (the shape callers had before the owner marker). */
export async function removeIncompleteSnapshots(
  dataFolder: string,
  now: Date,
  staleAfterMs = abandonedAfterMs,
): Promise<string[]> {
  return (await sweepIncompleteSnapshots(dataFolder, now, staleAfterMs)).map((orphan) => orphan.id);
}
