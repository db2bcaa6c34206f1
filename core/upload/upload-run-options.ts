/** What starting a run takes (upload-run.ts), shared with its senders (run-senders.ts). */
import type { Destination } from '../destination-port/destination';
import type { Clock } from './clock';
import type { FaultStreakPolicy } from './fault-streak';
import type { JobProgress } from './progress';
import type { SnapshotAccess } from './snapshot-access';

export interface UploadRunOptions {
  readonly dataFolder: string;
  readonly jobId: string;
  readonly snapshots: SnapshotAccess;
  readonly destination: Destination;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly onProgress?: (progress: JobProgress) => void;
  /** How long answers already on the way may take to land after a stop (default 2 s). */
  readonly graceMs?: number;
  /** Network probes while offline: first interval and cap (defaults 1 s and 15 s). */
  readonly probeIntervalMs?: number;
  readonly maxProbeIntervalMs?: number;
  /** Give up waiting for the network after this long and pause (default: wait for ever). */
  readonly offlineTimeoutMs?: number;
  /** Overrides the job's request rate for this run (the person changed it). */
  readonly rate?: number;
  /** When repeated failures pause the run (default repeatedFaultsPolicy, fault-streak.ts). */
  readonly faultStreak?: FaultStreakPolicy;
}
