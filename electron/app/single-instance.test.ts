import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenFilesQueue } from './open-files-queue';
import {
  claimSingleInstance,
  connectQueueToPage,
  revealWindow,
  type SingleInstanceApp,
} from './single-instance';

/** Electron's `app` as far as this module sees it: an emitter with a lock that may be taken. */
class FakeApp extends EventEmitter {
  constructor(private readonly lockFree: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.lockFree;
  }
}

describe('single instance', () => {
  let folder: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'single-instance-'));
    first = path.join(folder, 'first.csv');
    second = path.join(folder, 'second.tsv');
    writeFileSync(first, 'email\n');
    writeFileSync(second, 'email\n');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function claim(lockFree: boolean, argv: string[] = ['exe']) {
    const app = new FakeApp(lockFree);
    const delivered: string[][] = [];
    const queue = createOpenFilesQueue((paths) => {
      delivered.push(paths);
      queue.take();
    });
    let shown = 0;
    const claimed = claimSingleInstance(app as SingleInstanceApp, {
      argv,
      workingDirectory: folder,
      leadingEntries: 1,
      queue,
      showWindow: () => shown++,
    });
    return { app, queue, delivered, claimed, shownCount: () => shown };
  }

  it('steps aside when another copy holds the lock, without taking the files', () => {
    const { app, queue, claimed } = claim(false, ['exe', first]);
    expect(claimed).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(app.listenerCount('open-file')).toBe(0);
    expect(queue.pending()).toEqual([]);
  });

  it("queues the first launch's files until the page is ready", () => {
    const { queue, delivered, claimed } = claim(true, ['exe', 'first.csv']);
    expect(claimed).toBe(true);
    expect(delivered).toEqual([]);
    queue.pageReady();
    expect(delivered).toEqual([[first]]);
  });

  it("brings the window forward on a second launch and hands over that launch's files", () => {
    const { app, queue, delivered, shownCount } = claim(true);
    queue.pageReady();
    app.emit(
      'second-instance',
      {},
      ['exe', '--allow-file-access-from-files', 'second.tsv'],
      folder,
    );
    expect(shownCount()).toBe(1);
    expect(delivered).toEqual([[second]]);

    app.emit('second-instance', {}, ['exe'], folder);
    expect(shownCount()).toBe(2);
    expect(delivered).toHaveLength(1);
  });

  it("takes macOS 'open-file' before the page is ready and marks it handled", () => {
    const { app, queue, delivered } = claim(true);
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    app.emit('open-file', event, first);
    app.emit('open-file', event, path.join(folder, 'slides.key'));
    expect(prevented).toBe(2);
    expect(queue.pending()).toEqual([first]);
    queue.pageReady();
    expect(delivered).toEqual([[first]]);
  });
});

describe('window reveal and page readiness', () => {
  function fakeWindow(minimized: boolean) {
    const calls: string[] = [];
    return {
      calls,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
  }

  it('restores a minimised window before showing and focusing it', () => {
    const minimised = fakeWindow(true);
    revealWindow(minimised);
    expect(minimised.calls).toEqual(['restore', 'show', 'focus']);
    const open = fakeWindow(false);
    revealWindow(open);
    expect(open.calls).toEqual(['show', 'focus']);
  });

  it('delivers once the page has finished loading, and holds files while it reloads', () => {
    const page = new EventEmitter();
    const delivered: string[][] = [];
    // Like the page, take what the notification announces.
    const queue = createOpenFilesQueue((paths) => {
      delivered.push(paths);
      queue.take();
    });
    connectQueueToPage(page, queue);

    page.emit('did-start-loading');
    queue.add(['/a.csv']);
    expect(delivered).toEqual([]);
    page.emit('did-finish-load');
    expect(delivered).toEqual([['/a.csv']]);

    page.emit('did-start-loading');
    queue.add(['/b.csv']);
    expect(delivered).toHaveLength(1);
    page.emit('did-finish-load');
    page.emit('destroyed');
    queue.add(['/c.csv']);
    expect(delivered).toEqual([['/a.csv'], ['/b.csv']]);
    expect(queue.pending()).toEqual(['/c.csv']);
  });
});
