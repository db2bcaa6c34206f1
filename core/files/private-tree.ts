/**
 * Narrows what an older version left readable by others (`segments/` 0755, `rows.jsonl` 0644) to
 * the modes private-files.ts gives new files. It walks every file once per data folder: a marker
 * file then says the folder was narrowed, so later starts do not walk snapshots and jobs again
 * (everything written since goes through private-files.ts and is private from the start).
 */
import { chmod, lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { jobsFolder } from '../jobs/job-store';
import { transfersFolder } from '../segments/file-transfers';
import { segmentsFolder } from '../segments/snapshot-paths';
import { privateFileMode, privateFolderMode, writeFileAtomic } from './private-files';

/** Bits that let the group or anyone else read, write or enter. */
const sharedBits = 0o077;

async function tightenEntry(target: string, isFolder: boolean): Promise<boolean> {
  const mode = (await lstat(target)).mode & 0o777;
  if ((mode & sharedBits) === 0) return false;
  await chmod(target, isFolder ? privateFolderMode : privateFileMode);
  return true;
}

/**
 * Tightens a folder and everything inside it; returns the paths it changed. Symbolic links are
 * neither followed nor changed: nothing in the data folder makes them, and following one could
 * reach files that are not ours.
 */
async function tightenPrivateTree(root: string): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const changed: string[] = [];
  const info = await lstat(root).catch(() => null);
  if (!info?.isDirectory()) return changed;
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    if (await tightenEntry(folder, true)) changed.push(folder);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && (await tightenEntry(full, false))) changed.push(full);
    }
  }
  return changed;
}

/**
 * The data folder's parts that hold contacts: snapshots, transferred files, jobs (journals, row
 * selections, reports). The data folder itself is left as it is: the command line accepts any
 * folder (`--data-dir`), and changing the mode of a folder the person named is not ours to do.
 */
function privateDataFolders(dataFolder: string): string[] {
  return [segmentsFolder(dataFolder), transfersFolder(dataFolder), jobsFolder(dataFolder)];
}

/** Present once a data folder's older files have been narrowed (tightenDataFolder). */
export function narrowedMarker(dataFolder: string): string {
  return path.join(dataFolder, '.private-files-narrowed');
}

export async function tightenDataFolder(dataFolder: string): Promise<string[]> {
  const marker = narrowedMarker(dataFolder);
  if (await stat(marker).catch(() => null)) return [];
  const changed: string[] = [];
  for (const folder of privateDataFolders(dataFolder)) {
    changed.push(...(await tightenPrivateTree(folder)));
  }
  if (await stat(dataFolder).catch(() => null)) {
    await writeFileAtomic(marker, 'Older files here were made readable by this user only.\n');
  }
  return changed;
}
