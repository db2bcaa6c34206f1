import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/private-files';
import type { SettingsDocumentStore } from './settings-document-store';
import { SettingsError } from './settings-error';

/** The parts of node:fs/promises the store uses; injectable so tests can make the disk fail. */
export type SettingsFileSystem = Pick<
  typeof nodeFs,
  'readFile' | 'mkdir' | 'open' | 'rename' | 'rm'
>;

/** The same layout electron-store (conf) writes, so either side can read what the other wrote. */
function serialize(document: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(document, undefined, '\t');
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function readDocument(fs: SettingsFileSystem, filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new SettingsError(
      'damaged',
      `Segment Courier could not read its settings file (${filePath}).`,
      {
        cause: error,
      },
    );
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SettingsError(
      'damaged',
      `Segment Courier's settings file (${filePath}) is damaged: it is not valid JSON. Restore it from a backup, or move it away to start with empty settings.`,
      { cause: error },
    );
  }
}

/**
 * Writes the whole document atomically, as every file of the app is (core/files/private-files.ts):
 * a temporary file beside it, fsync, rename over the old one, then the folder flushed. A crash at
 * any moment leaves either the old settings or the new ones, never half a file.
 */
async function writeDocument(
  fs: SettingsFileSystem,
  filePath: string,
  document: Readonly<Record<string, unknown>>,
): Promise<void> {
  const folder = path.dirname(filePath);
  try {
    await fs.mkdir(folder, { recursive: true });
    await writeFileAtomic(filePath, serialize(document), fs);
  } catch (error) {
    throw new SettingsError(
      'unwritable',
      `Segment Courier could not save its settings in ${folder}. Check that the disk is not full and that you may write there.`,
      { cause: error },
    );
  }
}

/** The settings document as a JSON file, without Electron: for the command line and the tests. */
export function createJsonFileStore(
  filePath: string,
  fs: SettingsFileSystem = nodeFs,
): SettingsDocumentStore {
  return {
    location: filePath,
    read: () => readDocument(fs, filePath),
    write: (document) => writeDocument(fs, filePath, document),
  };
}
