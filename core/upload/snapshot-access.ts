/**
 * The engine's only way to a segment snapshot (core/segments/snapshot-format.ts). Injected, so
 * tests can hand the engine anything that reads like a snapshot; the app and the command line use
 * the importer's store in the data folder.
 */
import type { SnapshotManifest, SnapshotRow } from '../segments/snapshot-format';
import { readSnapshotManifest, readSnapshotRows } from '../segments/snapshot-store';

export interface SnapshotAccess {
  readManifest(segmentId: string): Promise<SnapshotManifest>;
  readRows(segmentId: string): AsyncIterable<SnapshotRow>;
}

/** Snapshots in <dataFolder>/segments/<segmentId>/, as the importer writes them. */
export function fileSnapshotAccess(dataFolder: string): SnapshotAccess {
  return {
    readManifest: (segmentId) => readSnapshotManifest(dataFolder, segmentId),
    readRows: (segmentId) => readSnapshotRows(dataFolder, segmentId),
  };
}
