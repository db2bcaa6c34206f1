import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../tests/support/chromium';
import { openAppWithMainInChild } from './main-child-app';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The little of the page's world the functions below touch. This file is type-checked for Node,
 * which has no DOM; these functions run in the page.
 */
interface PageElement {
  id: string;
  type: string;
  hidden: boolean;
  readonly files?: ArrayLike<File> | null;
  readonly textContent?: string | null;
  dispatchEvent(event: unknown): boolean;
}
interface Page {
  __longTasks: number[];
  __courierDroppedPath(file: File, filePath: string): void;
  document: {
    createElement(tag: string): PageElement;
    getElementById(id: string): PageElement | null;
    querySelector(selector: string): PageElement | null;
    body: PageElement & { append(element: PageElement): void };
  };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string; buffered: boolean }): void;
  };
  DataTransfer: new () => { items: { add(file: File): void } };
  DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void;
    disconnect(): void;
  };
}

/** Records every main-thread task over 50 ms (the Long Tasks API), from before the page loads. */
function observeLongTasks(): void {
  // Inline, not a helper: the function is sent to the page as source text.
  const page = globalThis as unknown as Page;
  const tasks: number[] = [];
  page.__longTasks = tasks;
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Drops the file on the drop zone as Electron's drop does since issue 14: a File whose path the
 * preload finds (here the harness preload, tests/support/harness-preload.ts), so main reads it
 * from disk and no byte crosses IPC.
 */
function dropFileByPath([name, filePath]: readonly [string, string]): void {
  // Inline, not a helper: the function is sent to the page as source text.
  const page = globalThis as unknown as Page;
  const file = new File([], name);
  page.__courierDroppedPath(file, filePath);
  const transfer = new page.DataTransfer();
  transfer.items.add(file);
  const zone = page.document.querySelector('[data-testid="segment-drop-zone"]');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone?.dispatchEvent(
      new page.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  }
}

/** Resolves once a segment card shows the expected row count. */
function cardShows(rowCount: string): Promise<void> {
  // Inline, not a helper, and no named inner functions: the function is sent to the page as
  // source text, where the bundler's naming helper does not exist.
  const page = globalThis as unknown as Page;
  const selector = '[data-testid="segment-card"] [data-count="rows"] dd';
  return new Promise((resolve) => {
    if (page.document.querySelector(selector)?.textContent === rowCount) {
      resolve();
      return;
    }
    const observer = new page.MutationObserver(() => {
      if (page.document.querySelector(selector)?.textContent !== rowCount) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(page.document.body, { subtree: true, childList: true, characterData: true });
  });
}

interface ChromiumImportResult {
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly seconds: number;
}

/**
 * The renderer as Vite builds it, in Debian's Chromium, with the real main-process services in a
 * process of their own behind it (main-child-app.ts): drops a file on the Segments screen and
 * waits for its card, watching the page's main thread the whole time.
 */
export async function importInChromium(file: string, rows: number): Promise<ChromiumImportResult> {
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'error' });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.addInitScript(observeLongTasks);
    const app = await openAppWithMainInChild(page);
    try {
      await page.getByTestId('segment-drop-zone').waitFor();
      await page.evaluate(() => {
        (globalThis as unknown as Page).__longTasks.length = 0;
      });
      const started = performance.now();
      await page.evaluate(dropFileByPath, [path.basename(file), file] as const);
      // Waited on from inside the page with a MutationObserver: Playwright's locators poll and
      // compute accessible names on the page's main thread, which would pollute the measure.
      await page.evaluate(cardShows, rows.toLocaleString('en'));
      const seconds = (performance.now() - started) / 1000;
      const tasks = await page.evaluate(() => (globalThis as unknown as Page).__longTasks);
      return { longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, seconds };
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}
