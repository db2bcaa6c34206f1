import { describe, expect, it } from 'vitest';
import { createOpenFilesQueue } from './open-files-queue';

function queueWithLog() {
  const delivered: string[][] = [];
  const queue = createOpenFilesQueue((paths) => delivered.push(paths));
  return { queue, delivered };
}

describe('open files queue', () => {
  it('holds files until the page has loaded, then delivers them as one batch', () => {
    const { queue, delivered } = queueWithLog();
    queue.add(['/a.csv']);
    queue.add(['/b.csv', '/a.csv']);
    expect(delivered).toEqual([]);
    expect(queue.pending()).toEqual(['/a.csv', '/b.csv']);

    queue.pageReady();
    expect(delivered).toEqual([['/a.csv', '/b.csv']]);
    expect(queue.pending()).toEqual([]);
  });

  it('delivers at once while the page is ready', () => {
    const { queue, delivered } = queueWithLog();
    queue.pageReady();
    queue.add(['/c.csv']);
    queue.add([]);
    expect(delivered).toEqual([['/c.csv']]);
  });

  it('holds files again while the page reloads or after the window has gone', () => {
    const { queue, delivered } = queueWithLog();
    queue.pageReady();
    queue.pageGone();
    queue.add(['/d.csv']);
    expect(delivered).toEqual([]);
    queue.pageReady();
    expect(delivered).toEqual([['/d.csv']]);
  });

  it('sends nothing when nothing waits', () => {
    const { queue, delivered } = queueWithLog();
    queue.pageReady();
    queue.pageReady();
    expect(delivered).toEqual([]);
  });
});
