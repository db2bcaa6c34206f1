import { statSync } from 'node:fs';
import { hasSegmentExtension, segmentFilesFromArgv } from './launch-files';
import type { OpenFilesQueue } from './open-files-queue';

/** The part of Electron's `app` this module uses, so tests drive it with a plain event emitter. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
  on(
    event: 'open-file',
    listener: (event: { preventDefault(): void }, path: string) => void,
  ): unknown;
}

interface SingleInstanceOptions {
  /** This launch's command line and folder: a double-clicked file is named there. */
  readonly argv: readonly string[];
  readonly workingDirectory: string;
  /** `leadingEntriesOf(process.defaultApp)`: the executable, and the app folder in development. */
  readonly leadingEntries: number;
  readonly queue: Pick<OpenFilesQueue, 'add'>;
  /** Brings the one window to the front (or opens it again), once the app is ready. */
  readonly showWindow: () => void;
  readonly isFile?: (filePath: string) => boolean;
}

export function isExistingFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * Makes this the only running copy of the app. Returns false when another copy already runs: the
 * system then hands our command line to that copy ('second-instance') and the caller must quit.
 * Otherwise files from this launch, from later launches and from macOS 'open-file' (which can fire
 * before 'ready') all go to the queue, and later launches bring the window forward.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  options: SingleInstanceOptions,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  const isFile = options.isFile ?? isExistingFile;
  const filesIn = (argv: readonly string[], workingDirectory: string) =>
    segmentFilesFromArgv({
      argv,
      workingDirectory,
      leadingEntries: options.leadingEntries,
      isFile,
    });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    options.showWindow();
    options.queue.add(filesIn(argv, workingDirectory));
  });
  app.on('open-file', (event, filePath) => {
    // Handled here: without preventDefault macOS reports that the app cannot open the file.
    event.preventDefault();
    if (hasSegmentExtension(filePath) && isFile(filePath)) options.queue.add([filePath]);
    options.showWindow();
  });
  options.queue.add(filesIn(options.argv, options.workingDirectory));
  return true;
}

/** The part of a BrowserWindow that `revealWindow` needs. */
interface RevealableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Un-minimises, shows and focuses the window: what a second launch should look like. */
export function revealWindow(window: RevealableWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The part of a window's webContents whose loading state decides when files can be delivered. */
interface LoadingPage {
  on(event: 'did-finish-load' | 'did-start-loading' | 'destroyed', listener: () => void): unknown;
}

/** Delivers queued files once the page has loaded; holds them while it reloads or is gone. */
export function connectQueueToPage(
  page: LoadingPage,
  queue: Pick<OpenFilesQueue, 'pageReady' | 'pageGone'>,
): void {
  page.on('did-start-loading', () => queue.pageGone());
  page.on('did-finish-load', () => queue.pageReady());
  page.on('destroyed', () => queue.pageGone());
}
