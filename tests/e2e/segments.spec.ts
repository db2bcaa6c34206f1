import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import type { SnapshotRow } from '../../core/segments/snapshot-format';
import {
  catalanCase,
  europeanExcelCase,
  germanUnicodeTextCase,
  type CorpusCase,
} from '../support/corpus/segment-corpus';
import { openApp } from '../support/app-harness';
import { expect, test } from './fixtures';

/** The page's DataTransfer (this file is type-checked for Node, which has none). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: File): void } };
}

/** Drops files on the drop zone the way a person's drag does: dragenter, dragover, drop. */
async function dropFiles(page: Page, cases: readonly CorpusCase[]): Promise<void> {
  const files = cases.map((corpusCase) => ({
    name: corpusCase.fileName,
    base64: corpusCase.bytes().toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new (globalThis as unknown as PageGlobals).DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: 'text/csv' }));
    }
    return transfer;
  }, files);
  const zone = page.getByTestId('segment-drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

function count(card: Locator, name: string): Locator {
  return card.locator(`[data-count="${name}"] dd`);
}

async function expectCounts(card: Locator, counts: CorpusCase['expected']['counts']) {
  for (const [name, value] of Object.entries(counts)) {
    await expect(count(card, name)).toHaveText(value.toLocaleString('en'));
  }
}

async function collect(rows: AsyncIterable<SnapshotRow>): Promise<SnapshotRow[]> {
  const all: SnapshotRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

test('a dropped file becomes a segment card with its exact counts and problems', async ({
  page,
  app,
}) => {
  await dropFiles(page, [catalanCase]);

  const card = page.getByRole('article', { name: 'clients-catalunya' });
  await expectCounts(card, catalanCase.expected.counts);
  await expect(card.getByLabel('Encoding')).toHaveValue('utf-8');
  await expect(card.getByLabel('Separator')).toHaveValue(',');
  await expect(card.getByRole('region', { name: /Preview of the first rows/ })).toContainText(
    'Puig i Cadafalch',
  );
  const problems = card.locator('.problem-list li');
  await expect(problems).toHaveText([
    'Line 5: “mercè@@exemple” is not a valid email address',
    'Line 6: no email address',
    'Line 7: “angel@EXEMPLE.cat” is a duplicate of line 4',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported “clients-catalunya”: 6 rows.',
  );

  // What the card shows is what main keeps: a snapshot with every row, line-numbered.
  const [segment] = await app.services.segments.list();
  const rows = await collect(readSnapshotRows(app.dataFolder, segment?.id ?? ''));
  expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7]);
  expect(rows[1]?.cells).toEqual(['Núria', 'Espert', 'nuria@exemple.cat', 'Lleida']);
});

test('several files at once; the separator can be overridden; rename and remove', async ({
  page,
  app,
}) => {
  await dropFiles(page, [europeanExcelCase, germanUnicodeTextCase]);

  const spanish = page.getByRole('article', { name: 'segmento-clientes' });
  const german = page.getByRole('article', { name: 'kunden' });
  await expectCounts(spanish, europeanExcelCase.expected.counts);
  await expectCounts(german, germanUnicodeTextCase.expected.counts);
  await expect(german.getByLabel('Encoding')).toHaveValue('utf-16le');
  await expect(german.getByText('with byte-order mark')).toBeVisible();

  // Read as tab-separated, the semicolon file is one column and nothing is an email. (Read with
  // commas, every row splits at its decimal comma and is set aside: issue 12.)
  await spanish.getByLabel('Separator').selectOption('\t');
  await expect(spanish.getByLabel('Separator')).toHaveValue('\t');
  await expect(spanish).toContainText('No column looks like an email address');
  await expect(spanish.getByLabel('Separator')).toBeFocused();
  await spanish.getByLabel('Separator').selectOption(';');
  await expectCounts(spanish, europeanExcelCase.expected.counts);

  const name = spanish.getByRole('textbox', { name: 'Segment name' });
  await name.fill('Clientes Andalucía');
  await name.press('Enter');
  const renamed = page.getByRole('article', { name: 'Clientes Andalucía' });
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove “Clientes Andalucía”?' });
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Remove segment' }).click();
  await expect(renamed).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toContainText(
    'Removed “Clientes Andalucía”.',
  );
  await expect(page.getByRole('article')).toHaveCount(1);
  expect((await app.services.segments.list()).map((segment) => segment.name)).toEqual(['kunden']);
});

test('a file that is not a segment is refused in plain words, and the screen keeps working', async ({
  page,
  app,
}) => {
  const empty: CorpusCase = { ...catalanCase, fileName: 'empty.csv', bytes: () => Buffer.alloc(0) };
  await dropFiles(page, [empty, catalanCase]);
  await expect(page.getByRole('alert')).toContainText(
    '“empty.csv” was not imported. The file is empty: there is nothing to import.',
  );
  await expect(page.getByRole('article', { name: 'clients-catalunya' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveText('');
  // Nothing is kept of the refused file: one segment, and no transferred copy left behind.
  expect(await app.services.segments.list()).toHaveLength(1);
  expect(await readdir(path.join(app.dataFolder, 'segment-uploads'))).toHaveLength(1);
});

test('Browse… imports the files chosen in the Open dialog', async ({ page }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-browse-'));
  const chosen = path.join(folder, germanUnicodeTextCase.fileName);
  await writeFile(chosen, germanUnicodeTextCase.bytes());
  const harness = await openApp(page, { environment: { chooseFiles: async () => [chosen] } });
  try {
    await page.getByRole('button', { name: 'Browse…' }).press('Enter');
    const card = page.getByRole('article', { name: 'kunden' });
    await expectCounts(card, germanUnicodeTextCase.expected.counts);
  } finally {
    await harness.close();
    await rm(folder, { recursive: true, force: true });
  }
});
