import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The page's DataTransfer (this file is type-checked for Node, which has none). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: File): void } };
}

/** Drops a text file on `target`, as a person drags it from the desktop. */
export function dropTextFile(
  page: Page,
  target: Locator,
  fileName: string,
  text: string,
): Promise<void> {
  return dropFileBytes(page, target, fileName, Buffer.from(text, 'utf8'));
}

/** Drops a file of any bytes (a packed file, a workbook) on `target`. */
export async function dropFileBytes(
  page: Page,
  target: Locator,
  fileName: string,
  bytes: Buffer,
): Promise<void> {
  const base64 = bytes.toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ([name, data]) => {
      const transfer = new (globalThis as unknown as PageGlobals).DataTransfer();
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
      return transfer;
    },
    [fileName, base64] as const,
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Drops a text file on the Segments screen's drop zone and waits for its card. */
export async function dropSegmentFile(page: Page, fileName: string, text: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^Segments$/ })
    .click();
  await dropTextFile(page, page.getByTestId('segment-drop-zone'), fileName, text);
  await expect(page.getByRole('article', { name: fileName.replace(/\.[^.]+$/, '') })).toBeVisible();
}
