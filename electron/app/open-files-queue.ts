/**
 * Holds the files the system asked the app to open until the page takes them.
 *
 * Files arrive at any time: on the first launch's command line, from a second launch
 * ('second-instance'), and on macOS through 'open-file', which can fire before the app is ready.
 * A message sent to a page that is still loading, or whose screens are not listening yet, is lost,
 * so the page pulls: it takes what waits when it starts (`app:takeOpenFiles`), and the
 * `app:openFiles` event only tells a loaded page that more has arrived.
 */
export interface OpenFilesQueue {
  /** Keeps the paths and, when the page is ready, tells it that files wait. */
  add(paths: readonly string[]): void;
  /** Hands over everything waiting, in arrival order, and forgets it. */
  take(): string[];
  /** The page has loaded: tell it if files wait. */
  pageReady(): void;
  /** The page is reloading or the window has gone: keep quiet until it is back. */
  pageGone(): void;
  /** What is waiting (for tests and diagnostics). */
  pending(): readonly string[];
}

export function createOpenFilesQueue(notify: (paths: string[]) => void): OpenFilesQueue {
  let ready = false;
  let waiting: string[] = [];

  function tellPage(): void {
    if (ready && waiting.length > 0) notify([...waiting]);
  }

  return {
    add(paths) {
      const fresh = paths.filter((filePath) => !waiting.includes(filePath));
      waiting.push(...new Set(fresh));
      if (fresh.length > 0) tellPage();
    },
    take() {
      const batch = waiting;
      waiting = [];
      return batch;
    },
    pageReady() {
      ready = true;
      tellPage();
    },
    pageGone() {
      ready = false;
    },
    pending: () => [...waiting],
  };
}
