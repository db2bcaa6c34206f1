import path from 'node:path';
import type { ErrorParams } from '../../shared/model/error-params';

/** Every code a SnapshotError has: the renderer's catalogs word each (a test checks). */
export const snapshotErrorCodes = ['not-found', 'damaged', 'invalid-name'] as const;
export type SnapshotErrorCode = (typeof snapshotErrorCodes)[number];

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly code: SnapshotErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }
}

export const snapshotIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function segmentsFolder(dataFolder: string): string {
  return path.join(dataFolder, 'segments');
}

/** The snapshot's folder; refuses ids that could point outside the segments folder. */
export function snapshotFolder(dataFolder: string, segmentId: string): string {
  if (!snapshotIdPattern.test(segmentId)) {
    throw new SnapshotError('not-found', 'This segment does not exist (any more).');
  }
  return path.join(segmentsFolder(dataFolder), segmentId);
}
