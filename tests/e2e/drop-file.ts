import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The page's DataTransfer (this file is type-checked for Node, which has none). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: File): void } };
}

/** Drops a text file on the Segments screen, as a person drags it from the desktop. */
export async function dropSegmentFile(page: Page, fileName: string, text: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^Segments$/ })
    .click();
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ([name, data]) => {
      const transfer = new (globalThis as unknown as PageGlobals).DataTransfer();
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
      return transfer;
    },
    [fileName, base64] as const,
  );
  const zone = page.getByTestId('segment-drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('article', { name: fileName.replace(/\.[^.]+$/, '') })).toBeVisible();
}
