/**
 * What keeps one automatic setup listening: the watched folder (chokidar through
 * folder-watcher.ts, each complete export taken once through the taken-exports ledger) and/or
 * the schedule (schedule-watch.ts). It only says "run now, because ..."; the service runs.
 */
import path from 'node:path';
import type { Clock } from '../upload/clock';
import type { RunTrigger, SetupAutomation } from '../../shared/model/automation';
import { ExportArrivals, type CompleteExport } from './export-arrival';
import { watchExportFolder, type FolderWatcher } from './folder-watcher';
import { watchSchedule, type ScheduleWatch } from './schedule-watch';
import type { TakenExports } from './taken-exports';

/** How soon the watcher looks and how long an export must stay still; tests shorten both. */
export interface WatchTimings {
  readonly debounceMs?: number;
  readonly stableForMs?: number;
  readonly usePolling?: boolean;
  readonly scheduleCheckIntervalMs?: number;
}

/** Why a run is wanted, and for a folder the export's file to read. */
export interface RunRequest {
  readonly trigger: Omit<RunTrigger, 'setupId' | 'setupName'>;
  /** The absolute path of the export's file (for a Customer Insights folder, its schema). */
  readonly arrived?: string;
}

interface SetupWatchOptions {
  readonly setupId: string;
  readonly automation: SetupAutomation;
  readonly taken: TakenExports;
  readonly clock: Clock;
  readonly timeZone: string;
  /** Turning on: what already lies in the folder is not new, so it is taken without a run. */
  readonly adoptPresent: boolean;
  readonly timings?: WatchTimings;
  /** Runs once; resolves when that run has ended. */
  readonly run: (request: RunRequest) => Promise<void>;
  /** Stores when the schedule last started a run, so a restart knows what is owed. */
  readonly recordScheduledRun: (startedAt: number) => Promise<void>;
  /** The watcher's "waiting for ..." line, or null when nothing is waiting. */
  readonly onWaiting: (waiting: string | null) => void;
  readonly onError: (error: unknown) => void;
}

export interface SetupWatch {
  /** Resolves once the folder watcher listens and has had its first look. */
  readonly ready: Promise<void>;
  /**
   * After the system's resume event: a schedule slot missed while asleep runs now, and the folder
   * gets one look (an export may have arrived without an event).
   */
  checkNow(): Promise<void>;
  close(): Promise<void>;
}

function arrivedFile(folder: string, found: CompleteExport): string {
  return path.join(folder, found.schemaFile ?? found.path);
}

function watchFolder(options: SetupWatchOptions, folder: string): FolderWatcher {
  const timings = options.timings ?? {};
  const arrivals = new ExportArrivals({
    watchedFolder: folder,
    setupId: options.setupId,
    taken: options.taken,
    now: () => options.clock.now(),
    ...(timings.stableForMs === undefined ? {} : { stableForMs: timings.stableForMs }),
  });
  // The exports already there are adopted before the watcher's first look could take one.
  const adopted = options.adoptPresent ? arrivals.adoptPresent() : Promise.resolve(0);
  const watcher = adopted.then(() =>
    watchExportFolder({
      watchedFolder: folder,
      arrivals,
      clock: options.clock,
      ...(timings.debounceMs === undefined ? {} : { debounceMs: timings.debounceMs }),
      ...(timings.usePolling === undefined ? {} : { usePolling: timings.usePolling }),
      onComplete: (found) => {
        const request: RunRequest = {
          trigger: { kind: 'folder', folder, exportPath: found.path || '.' },
          arrived: arrivedFile(folder, found),
        };
        options.run(request).catch(options.onError);
      },
      onCheck: (check) => {
        const [first] = check.waiting;
        options.onWaiting(first ? `${first.path || '.'}: ${first.reason}` : null);
      },
      onError: options.onError,
    }),
  );
  return {
    ready: watcher.then((started) => started.ready),
    lookNow: async () => (await watcher).lookNow(),
    close: async () => (await watcher.catch(() => null))?.close(),
  };
}

export function startSetupWatch(options: SetupWatchOptions): SetupWatch {
  const { automation } = options;
  const folderWatch = automation.folder ? watchFolder(options, automation.folder) : undefined;
  const schedule = automation.schedule;
  let scheduleWatch: ScheduleWatch | undefined;
  if (schedule) {
    const lastRunAt = automation.lastScheduledRunAt;
    scheduleWatch = watchSchedule({
      schedule,
      timeZone: options.timeZone,
      clock: options.clock,
      enabledAt: Date.parse(automation.enabledAt ?? new Date(options.clock.now()).toISOString()),
      ...(lastRunAt === undefined ? {} : { lastRunAt: Date.parse(lastRunAt) }),
      recordRun: options.recordScheduledRun,
      run: () => options.run({ trigger: { kind: 'schedule', schedule } }),
      ...(options.timings?.scheduleCheckIntervalMs === undefined
        ? {}
        : { checkIntervalMs: options.timings.scheduleCheckIntervalMs }),
    });
  }
  return {
    ready: folderWatch?.ready ?? Promise.resolve(),
    async checkNow() {
      await Promise.all([folderWatch?.lookNow(), scheduleWatch?.checkNow()]);
    },
    async close() {
      scheduleWatch?.stop();
      await folderWatch?.close();
      await scheduleWatch?.finished;
    },
  };
}
