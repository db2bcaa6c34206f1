/**
 * Watches a folder for new exports and hands out each complete export once (issue 18, item 1).
 *
 * chokidar tells us that something below the folder changed; what changed does not matter: after
 * a quiet moment (the debounce) the arrival detector looks at the whole folder, and when an
 * export is still settling it looks again once the stability time has passed, since a copy that
 * has just finished raises no further event. chokidar rather than `fs.watch`: `fs.watch` is not
 * recursive on Linux with Node 20 and reports renames and network drives unevenly per system.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { systemClock, type Clock } from '../upload/clock';
import type { ArrivalCheck, CompleteExport, ExportArrivals } from './export-arrival';

const defaultDebounceMs = 1_000;

interface FolderWatcherOptions {
  readonly watchedFolder: string;
  readonly arrivals: ExportArrivals;
  /** Called once per complete export, after it is recorded as taken. */
  readonly onComplete: (found: CompleteExport) => void;
  /** Every look at the folder, for the screen's "waiting for ..." line and for tests. */
  readonly onCheck?: (check: ArrivalCheck) => void;
  readonly onError?: (error: unknown) => void;
  readonly debounceMs?: number;
  readonly clock?: Clock;
  /** For network drives where change events do not arrive. */
  readonly usePolling?: boolean;
}

export interface FolderWatcher {
  /** Resolves once the watcher listens and the first look at the folder is done. */
  readonly ready: Promise<void>;
  /** One look at the folder now (after the computer woke: a network drive may have missed events). */
  lookNow(): Promise<void>;
  close(): Promise<void>;
}

/** Below the export folder's {Table}/{yyyy}/{MM}/{dd}/{HHmm}/ parts, with room to spare. */
const watchDepth = 10;

export function watchExportFolder(options: FolderWatcherOptions): FolderWatcher {
  const clock = options.clock ?? systemClock;
  const debounceMs = options.debounceMs ?? defaultDebounceMs;
  let closed = false;
  let waitController: AbortController | undefined;
  let checking: Promise<void> | undefined;
  let checkAgain = false;

  async function checkOnce(): Promise<void> {
    try {
      const { taken, check } = await options.arrivals.takeComplete();
      options.onCheck?.(check);
      for (const found of taken) options.onComplete(found);
      if (check.recheckInMs !== undefined) schedule(check.recheckInMs);
    } catch (error) {
      options.onError?.(error);
    }
  }

  /** One look at a time; a change during a look earns one more look right after it. */
  function check(): Promise<void> {
    if (closed) return Promise.resolve();
    if (checking !== undefined) {
      checkAgain = true;
      return checking;
    }
    checking = (async () => {
      do {
        checkAgain = false;
        await checkOnce();
      } while (checkAgain && !closed);
    })().finally(() => (checking = undefined));
    return checking;
  }

  /** Looks after `delayMs` of quiet: each new event moves the look later. */
  function schedule(delayMs: number): void {
    if (closed) return;
    waitController?.abort();
    const controller = new AbortController();
    waitController = controller;
    clock.sleep(delayMs, controller.signal).then(
      () => void check(),
      () => undefined, // a later event or close() cancelled this wait
    );
  }

  const watcher: FSWatcher = watch(options.watchedFolder, {
    ignoreInitial: true,
    depth: watchDepth,
    usePolling: options.usePolling ?? false,
    // Hidden files (where many copiers keep a file being copied) raise no look of their own.
    ignored: (file) =>
      path
        .relative(options.watchedFolder, file)
        .split(path.sep)
        .some((segment) => segment.startsWith('.') && segment !== '..'),
  });
  watcher.on('all', () => schedule(debounceMs));
  watcher.on('error', (error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', resolve)).then(() => check());

  return {
    ready,
    lookNow: () => ready.then(() => check()),
    async close() {
      closed = true;
      waitController?.abort();
      await watcher.close();
      await checking;
    },
  };
}
