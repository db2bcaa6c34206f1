/**
 * The Export screen's side of a sync (issue 13): with a destination chosen, each segment is judged
 * against its list's delivery ledger (core/sync/), the same way the command line's push does.
 */
import type { SyncChoice } from '../../shared/model/export-plan';
import {
  isMassRemoval,
  type ExportSegmentRequest,
  type PlannedSegment,
  type SegmentSync,
} from '../upload/export-plan';
import { syncResolver } from '../sync/plan-sync';
import { destinationProblem, type DestinationOpener } from './open-destination';

export type SyncFor = (request: ExportSegmentRequest) => Promise<SegmentSync | undefined>;

export const noSync: SyncChoice = { mirror: false, full: false };

/** Reads the account's lists once (throws the destination's problem in plain words). */
export async function openSync(
  destinations: DestinationOpener,
  dataFolder: string,
  destinationId: string,
  choice: SyncChoice,
  timeoutMs: number,
): Promise<SyncFor> {
  const opened = await destinations.open(destinationId);
  const signal = AbortSignal.timeout(timeoutMs);
  const destination = {
    ...opened.destination,
    listLists: () => opened.destination.listLists(signal),
  };
  try {
    return await syncResolver(destination, {
      dataFolder,
      endpoint: opened.record.endpoint,
      full: choice.full,
    });
  } catch (error) {
    throw destinationProblem(error, opened.record);
  }
}

export function changesOf(segment: PlannedSegment) {
  if (!segment.changes) return undefined;
  return {
    ...segment.changes,
    knownMembers: segment.knownMembers ?? 0,
    massRemoval: isMassRemoval(segment),
  };
}
