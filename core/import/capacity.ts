import { statfs } from 'node:fs/promises';
import { formatBytes, ImportError } from './import-error';

/**
 * Whether this computer can take a file: below the size ceiling, and enough free disk for the
 * snapshot (and for the copy a file transfer keeps). Checked before a byte is read or sent.
 */
export interface CapacityLimits {
  /** The largest source file accepted. */
  readonly maxBytes: number;
  /** Free bytes on the disk holding the folder. */
  readonly freeBytes: (folder: string) => Promise<number>;
}

/**
 * 2 GB is about 20 million rows: far beyond the 100,000 profiles per export Autopilot advises,
 * and the most whose duplicate check fits comfortably in memory.
 */
const defaultMaxSourceBytes = 2 * 1024 ** 3;

async function freeDiskBytes(folder: string): Promise<number> {
  const info = await statfs(folder);
  return info.bavail * info.bsize;
}

export const defaultCapacityLimits: CapacityLimits = {
  maxBytes: defaultMaxSourceBytes,
  freeBytes: freeDiskBytes,
};

/** The snapshot's rows take up to about 1.6 times the file; a margin keeps the disk usable. */
function bytesNeeded(size: number, keepsCopy: boolean): number {
  return Math.ceil(size * (keepsCopy ? 2.6 : 1.6)) + 64 * 1024 ** 2;
}

export async function checkCapacity(
  fileName: string,
  size: number,
  dataFolder: string,
  keepsCopy: boolean,
  limits: CapacityLimits,
): Promise<void> {
  if (size > limits.maxBytes) {
    throw new ImportError(
      'too-large',
      `“${fileName}” is ${formatBytes(size)}, more than the ${formatBytes(limits.maxBytes)} Segment Courier can import at once. Export the segment in smaller parts and drop them one by one.`,
      { fileName, size: formatBytes(size), limit: formatBytes(limits.maxBytes) },
    );
  }
  const needed = bytesNeeded(size, keepsCopy);
  const free = await limits.freeBytes(dataFolder);
  if (free < needed) {
    throw new ImportError(
      'not-enough-space',
      `There is not enough free disk space to import “${fileName}”: it needs about ${formatBytes(needed)} and only ${formatBytes(free)} is free. Free some space and try again.`,
      { fileName, needed: formatBytes(needed), free: formatBytes(free) },
    );
  }
}
