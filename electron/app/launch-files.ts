import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The segment files the app opens when the system hands it one (double-click, "Open with"). */
export const segmentFileExtensions: readonly string[] = ['.csv', '.tsv', '.txt'];

interface LaunchArguments {
  /** The command line: `process.argv` on first launch, or what 'second-instance' received. */
  readonly argv: readonly string[];
  /**
   * How many leading entries are not the user's: the executable, plus the app folder when started
   * as `electron .` in development (`process.defaultApp`).
   */
  readonly leadingEntries: number;
  /** Relative paths are resolved against the launching shell's folder. */
  readonly workingDirectory: string;
  /** True for an existing regular file; injected so tests use real files without Electron. */
  readonly isFile: (filePath: string) => boolean;
}

/** `process.argv`'s leading entries in a packaged app (1) or under `electron .` (2). */
export function leadingEntriesOf(isDefaultApp: boolean): number {
  return isDefaultApp ? 2 : 1;
}

/**
 * The segment files named on a command line, in order and without repeats.
 *
 * Skips the executable and app folder, every Electron/Chromium switch (Chromium inserts some, e.g.
 * `--allow-file-access-from-files`, into a second instance's argv; macOS may add `-psn_...`),
 * anything that is not a .csv/.tsv/.txt file, and files that do not exist. Linux file managers
 * pass `file://` URLs (the desktop entry's `%U`), which are turned into paths.
 */
export function segmentFilesFromArgv(launch: LaunchArguments): string[] {
  const found: string[] = [];
  for (const entry of launch.argv.slice(launch.leadingEntries)) {
    const filePath = toFilePath(entry, launch.workingDirectory);
    if (filePath === null || found.includes(filePath)) continue;
    if (!hasSegmentExtension(filePath) || !launch.isFile(filePath)) continue;
    found.push(filePath);
  }
  return found;
}

export function hasSegmentExtension(filePath: string): boolean {
  return segmentFileExtensions.includes(path.extname(filePath).toLowerCase());
}

function toFilePath(entry: string, workingDirectory: string): string | null {
  if (entry === '' || entry.startsWith('-')) return null;
  if (/^file:\/\//i.test(entry)) {
    try {
      return fileURLToPath(entry);
    } catch {
      return null; // a file URL for another host, or malformed
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(entry)) return null; // other URLs are never files
  return path.resolve(workingDirectory, entry);
}
