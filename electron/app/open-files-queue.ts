/**
 * Holds the files the system asked the app to open until the window's page can receive them.
 *
 * Files arrive at any time: on the first launch's command line, from a second launch
 * ('second-instance'), and on macOS through 'open-file', which can fire before the app is ready.
 * A message sent to a page that is still loading is lost, so paths wait here until the page has
 * loaded ('did-finish-load') and are queued again while it reloads or after the window closes.
 */
export interface OpenFilesQueue {
  /** Delivers now if the page is ready, otherwise keeps the paths for later. */
  add(paths: readonly string[]): void;
  /** The page has loaded: deliver everything waiting, in arrival order, as one batch. */
  pageReady(): void;
  /** The page is reloading or the window has gone: hold new paths again. */
  pageGone(): void;
  /** What is waiting (for tests and diagnostics). */
  pending(): readonly string[];
}

export function createOpenFilesQueue(deliver: (paths: string[]) => void): OpenFilesQueue {
  let ready = false;
  let waiting: string[] = [];

  function flush(): void {
    if (!ready || waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    deliver(batch);
  }

  return {
    add(paths) {
      for (const filePath of paths) {
        if (!waiting.includes(filePath)) waiting.push(filePath);
      }
      flush();
    },
    pageReady() {
      ready = true;
      flush();
    },
    pageGone() {
      ready = false;
    },
    pending: () => [...waiting],
  };
}
