import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { formatBytes, ImportError } from '../import-error';
import { notGzip } from './source-errors';
import type { ArchiveLimits } from './zip-archive';

/**
 * Unpacks a `.gz` file (an SFTP export from Customer Insights, ../shared/docs/exports.md) into
 * the read folder, streamed, stopping as soon as it grows past the limits a zip file gets.
 */
export async function gunzipTo(
  sourcePath: string,
  fileName: string,
  packedBytes: number,
  destination: string,
  limits: ArchiveLimits,
): Promise<number> {
  const ceiling = Math.min(
    limits.maxExpandedBytes,
    Math.max(limits.ratioFloorBytes, packedBytes * limits.maxRatio),
  );
  let expanded = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      expanded += chunk.length;
      if (expanded > ceiling) done(tooLarge(fileName, ceiling));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(
      createReadStream(sourcePath),
      createGunzip(),
      guard,
      createWriteStream(destination),
    );
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw error;
    throw notGzip(fileName);
  }
  return expanded;
}

function tooLarge(fileName: string, ceiling: number): ImportError {
  return new ImportError(
    'archive-too-large',
    `“${fileName}” unpacks to more than ${formatBytes(ceiling)}, far more than its size suggests, so it was not read. It may be a damaged or malicious file; nothing was imported.`,
    { fileName },
  );
}
