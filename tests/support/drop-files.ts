import path from 'node:path';
import type { Page } from '@playwright/test';

/** The page's globals (this file is type-checked for Node, which has no DataTransfer). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: File): void } };
  __courierDroppedPath(file: File, filePath: string): void;
}

/**
 * Drops files or folders onto an element by path, as Electron's drop gives main their paths:
 * the page gets empty File objects (main reads the real ones from disk) that the harness preload
 * maps to their paths.
 */
export async function dropPaths(page: Page, selector: string, paths: readonly string[]) {
  const entries = paths.map((filePath) => ({ name: path.basename(filePath), filePath }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const globals = globalThis as unknown as PageGlobals;
    const transfer = new globals.DataTransfer();
    const register = globals.__courierDroppedPath;
    for (const { name, filePath } of files) {
      const file = new File([], name);
      register(file, filePath);
      transfer.items.add(file);
    }
    return transfer;
  }, entries);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
