import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import { dropPaths } from '../support/drop-files';
import { writeCdmFolder } from '../support/shape-fixtures';
import { expect, test } from './fixtures';

let folder: string;

test.beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-e2e-shapes-'));
});

test.afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a dropped Customer Insights export folder becomes one card with the schema’s columns and the current run’s rows', async ({
  page,
  app,
}) => {
  const run = 'ContactSegment/2026/12/01/0815';
  const exportFolder = await writeCdmFolder(
    path.join(folder, 'Newsletter'),
    'Newsletter',
    [
      {
        name: 'ContactSegment',
        attributes: ['CustomerId', 'FirstName', 'PrimaryEmail'],
        parts: [
          {
            path: `${run}/ContactSegment_1.csv`,
            text: 'c1,Núria,nuria@example.com\nc2,Joan,joan@example.com\n',
          },
          { path: `${run}/ContactSegment_2.csv`, text: 'c3,Pau,pau@example.com\n' },
          { path: `${run}/ContactSegment_3.csv`, text: 'c4,Anna,anna@example.com\n' },
        ],
      },
    ],
    // Yesterday's run, still in the synced folder: not in the schema, so not read.
    [
      {
        path: 'ContactSegment/2026/11/30/0815/ContactSegment_1.csv',
        text: 'c0,Old,old@example.com\n',
      },
    ],
  );

  await dropPaths(page, '[data-testid="segment-drop-zone"]', [exportFolder]);

  const card = page.getByRole('article', { name: 'Newsletter' });
  await expect(card.getByTestId('segment-shape')).toHaveText(
    'Customer Insights export, table ContactSegment: 3 parts, 4 rows',
  );
  await expect(card.locator('[data-count="rows"] dd')).toHaveText('4');
  await expect(card.locator('[data-count="valid"] dd')).toHaveText('4');
  await expect(card.getByText('PrimaryEmail', { exact: true }).first()).toBeVisible();
  const preview = card.getByRole('region', { name: /Preview of the first rows/ });
  await expect(preview).toContainText('nuria@example.com');
  await expect(preview).not.toContainText('old@example.com');
  await expect(page.getByTestId('segment-card')).toHaveCount(1);

  const [segment] = await app.services.segments.list();
  expect(segment?.columns).toEqual(['CustomerId', 'FirstName', 'PrimaryEmail']);
  const rows: string[][] = [];
  for await (const row of readSnapshotRows(app.dataFolder, segment?.id ?? ''))
    rows.push([...row.cells]);
  expect(rows.map((cells) => cells[2])).toEqual([
    'nuria@example.com',
    'joan@example.com',
    'pau@example.com',
    'anna@example.com',
  ]);
});
