import { describe, expect, it } from 'vitest';
import { createOpenFilesQueue } from './open-files-queue';

function queueWithLog() {
  const notified: string[][] = [];
  const queue = createOpenFilesQueue((paths) => notified.push(paths));
  return { queue, notified };
}

describe('open files queue', () => {
  it('holds files until the page takes them, telling a loaded page they wait', () => {
    const { queue, notified } = queueWithLog();
    queue.add(['/a.csv']);
    queue.add(['/b.csv', '/a.csv']);
    expect(notified).toEqual([]);
    expect(queue.pending()).toEqual(['/a.csv', '/b.csv']);

    queue.pageReady();
    expect(notified).toEqual([['/a.csv', '/b.csv']]);
    // Telling is not handing over: a page that missed the event still finds the files.
    expect(queue.take()).toEqual(['/a.csv', '/b.csv']);
    expect(queue.take()).toEqual([]);
  });

  it('tells a ready page at once when files arrive', () => {
    const { queue, notified } = queueWithLog();
    queue.pageReady();
    queue.add(['/c.csv']);
    queue.add([]);
    expect(notified).toEqual([['/c.csv']]);
    expect(queue.take()).toEqual(['/c.csv']);
  });

  it('keeps quiet while the page reloads or after the window has gone', () => {
    const { queue, notified } = queueWithLog();
    queue.pageReady();
    queue.pageGone();
    queue.add(['/d.csv']);
    expect(notified).toEqual([]);
    queue.pageReady();
    expect(notified).toEqual([['/d.csv']]);
  });

  it('says nothing when nothing waits', () => {
    const { queue, notified } = queueWithLog();
    queue.pageReady();
    queue.pageReady();
    expect(notified).toEqual([]);
    expect(queue.take()).toEqual([]);
  });
});
