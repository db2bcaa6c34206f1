import type { Page } from '@playwright/test';
import { listSnapshots } from '../../core/segments/snapshot-store';
import { expect, test } from './fixtures';

// Issue 17, item 6, in Chromium: the first-start checklist, a file dropped anywhere on the window
// (here on the History screen) taken as a segment, and "Export this segment" opening Export with
// it chosen.

interface PageGlobals {
  DataTransfer: new () => { items: { add(file: File): void } };
}

async function dropOnWindow(page: Page, fileName: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([name, content]) => {
      const transfer = new (globalThis as unknown as PageGlobals).DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/csv' }));
      return transfer;
    },
    [fileName, text] as const,
  );
  const target = page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('first start: the checklist, a file dropped anywhere, Export this segment', async ({
  page,
  app,
}) => {
  const checklist = page.getByRole('region', { name: 'Getting started' });
  await expect(checklist.getByRole('listitem')).toHaveText([
    /Add the account .*\(to do\)Add a destination/,
    /Add a segment.*\(to do\)/,
    /Export the segment.*\(to do\)Start an export/,
  ]);

  await page.getByRole('button', { name: 'History', exact: true }).click();
  await dropOnWindow(page, 'clients-girona.csv', 'Email;Nom\r\nanna@girona.cat;Anna\r\n');
  const card = page.getByRole('article', { name: 'clients-girona' });
  await expect(card).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Segments');
  await expect(checklist.getByRole('listitem').nth(1)).toContainText('(done)');
  const snapshots = await listSnapshots(app.dataFolder);
  expect(snapshots.map((snapshot) => snapshot.name)).toEqual(['clients-girona']);

  await card.getByRole('button', { name: 'Export this segment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Export');
  await expect(page.getByRole('checkbox', { name: /clients-girona/ })).toBeChecked();
});
