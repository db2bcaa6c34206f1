import { listSnapshots } from '../../core/segments/snapshot-store';
import { dropTextFile } from './drop-file';
import { expect, test } from './fixtures';

// Issue 17, item 6, in Chromium: the first-start checklist, a file dropped anywhere on the window
// (here on the History screen) taken as a segment, and "Export this segment" opening Export with
// it chosen.

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
  await dropTextFile(
    page,
    page.getByRole('main'),
    'clients-girona.csv',
    'Email;Nom\r\nanna@girona.cat;Anna\r\n',
  );
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
