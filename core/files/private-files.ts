/**
 * Files and folders in the data folder hold contacts (snapshots, transferred files, journals,
 * reports), so they are readable by the person who runs the app and nobody else: folders 0700,
 * files 0600 (issue 12, item 11). Every write into the data folder goes through these helpers, so
 * the mode is decided in one place. Windows ignores the modes; the data folder there sits in the
 * user's own profile.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { chmod, mkdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * The calls the atomic writes make, injectable so a test can make the disk fail at one of them
 * (the settings store's tests do).
 */
export type AtomicWriteFileSystem = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>;

export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

/**
 * Creates a folder (and any missing parent) as 0700. An existing folder made by an older version
 * with a wider mode is narrowed too: `mkdir` alone keeps the mode of a folder that exists.
 */
export async function makePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: privateFolderMode });
  await chmod(folder, privateFolderMode);
}

/** Opens a file for writing as 0600, narrowing it when it already existed with a wider mode. */
export async function openPrivateFile(
  file: string,
  flags: 'w' | 'a' | 'wx',
  fs: AtomicWriteFileSystem = nodeFs,
): Promise<FileHandle> {
  const handle = await fs.open(file, flags, privateFileMode);
  try {
    await handle.chmod(privateFileMode);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * A write stream that creates its file as 0600. Meant for a file in a folder this process has
 * just made (a new snapshot's rows): an existing file keeps its mode, as with `open`.
 */
export function createPrivateWriteStream(file: string, highWaterMark: number): WriteStream {
  return createWriteStream(file, { flags: 'w', mode: privateFileMode, highWaterMark });
}

/** Flushes a file or folder to the disk, so a power cut after this cannot lose it. */
export async function syncPath(target: string, fs: AtomicWriteFileSystem = nodeFs): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await fs.open(target, 'r');
  } catch (error) {
    // Windows cannot open a folder for syncing; there NTFS journals the rename already.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

/** `.name.<pid>.<random>.tmp`: the pid tells a later sweep whether its writer is still alive. */
function temporarySibling(target: string): string {
  const hidden = `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(target), hidden);
}

/** Matches temporarySibling's names and gives back the writer's pid. */
export const temporaryFilePattern = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Replaces a file all at once, as 0600: written beside it, flushed, renamed over it, then the
 * folder flushed. A crash leaves either the old file or the new one, never half of either.
 */
export async function writeFileAtomic(
  target: string,
  contents: string | Uint8Array,
  fs: AtomicWriteFileSystem = nodeFs,
): Promise<void> {
  await replaceFileAtomic(target, (handle) => handle.writeFile(contents), fs);
}

/**
 * writeFileAtomic for contents written piece by piece (a ledger rewritten line by line): `write`
 * fills the open temporary file; everything else is the same.
 */
export async function replaceFileAtomic(
  target: string,
  write: (handle: FileHandle) => Promise<void>,
  fs: AtomicWriteFileSystem = nodeFs,
): Promise<void> {
  const temporary = temporarySibling(target);
  const handle = await openPrivateFile(temporary, 'wx', fs);
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncPath(path.dirname(target), fs);
}
