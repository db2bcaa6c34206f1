import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import {
  contactAddress,
  deleteDestinations,
  emailsOnList,
  setUpEmulatorJob,
} from '../support/jobs-service-fixtures';
import { expect, test } from './fixtures';

// The History screen in Chromium over the real services: past exports with their outcome and
// consent receipt, "Retry failed rows", cancel with confirmation, a key missing from the keychain,
// and "Export again". Jobs are created through the engine as the Export screen does.

let emulator: RunningEmulator;
let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-history-'));
});
test.afterEach(async () => {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

const title = (page: Page) => page.getByRole('heading', { level: 1 });
const stateLine = (page: Page) => page.locator('.history-state');

test('Retry failed rows sends the given-up rows again; History lists both with their receipts', async ({
  page,
  app,
}) => {
  emulator = await startEmulator({ rate: 50 });
  // Once contacts arrive, two of the next requests fail with a 503; one try is allowed per batch
  // in this job, so exactly those two batches (20 contacts) are given up.
  let armed = false;
  emulator.onRequest((request) => {
    if (armed || request.path !== '/contacts' || request.status !== 200) return;
    armed = true;
    const arrived = emulator.requests.length;
    emulator.configure({ faultSchedule: { [arrived + 1]: '503', [arrived + 3]: '503' } });
  });
  const { job } = await setUpEmulatorJob(app.services, emulator, folder, {
    place: 'Lleida',
    contacts: 100,
    rate: 10,
    maxAttempts: 1,
  });
  await app.services.jobs.start(job.id);

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const past = page.getByRole('list', { name: 'Past exports' });
  await expect(past.getByRole('listitem')).toHaveCount(1);
  await past.getByRole('button', { name: /^Open the export of “clients-lleida”/ }).click();
  await expect(stateLine(page)).toHaveText(
    'Done, but 20 contacts were not delivered. The report lists them.',
  );
  await expect(page.locator('[data-summary="givenUp"] dd')).toHaveText('20');
  expect(emailsOnList(emulator, 'Lleida')).toHaveLength(80);

  await page.getByRole('button', { name: 'Retry failed rows' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Send 20 contacts again?' });
  await expect(dialog).toContainText('They go again to Autopilot Lleida');
  await expect(dialog.getByRole('button', { name: 'Not now' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Retry failed rows' }).click();
  await page.getByRole('button', { name: 'Send again' }).click();

  await expect(
    page.getByText('This export sends again the failed rows of an earlier export.'),
  ).toBeVisible();
  await expect(stateLine(page)).toHaveText('Done: every contact was delivered.');
  const everyone = Array.from({ length: 100 }, (_, index) => contactAddress(index)).sort();
  expect(emailsOnList(emulator, 'Lleida')).toEqual(everyone);

  await page.getByRole('button', { name: /All exports/ }).click();
  const items = past.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator('[data-count="succeeded"] dd')).toHaveText('20 of 20');
  await expect(items.nth(0)).toContainText('Sends again the failed rows of an earlier export');
  // The original reads completed by its retry (issue 17, item 5): its own 80, the retry's 20.
  await expect(items.nth(1).locator('[data-count="succeeded"] dd')).toHaveText(
    /^100 of 100 \(20 of them by the retry of .+\)$/,
  );
  await expect(items.nth(1).locator('[data-count="failed"] dd')).toHaveText('0');
  await expect(items.nth(1).locator('[data-outcome]')).toHaveText(
    /^Done: every contact was delivered, the failed ones by the retry of .+\.$/,
  );
  await expect(items.nth(1)).toContainText('to Autopilot Lleida · lists “Lleida”');

  await items
    .nth(1)
    .getByRole('button', { name: /^Open the export/ })
    .click();
  await expect(
    page.getByText('The failed rows of this export were sent again in another export.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry failed rows' })).toHaveCount(0);
  await expect(stateLine(page)).toHaveText(
    /^Done: every contact was delivered, the failed ones by the retry of .+\.$/,
  );
  await expect(page.locator('[data-summary="byRetry"] dd')).toHaveText('20');
  await expect(page.locator('[data-summary="givenUp"] dd')).toHaveText('0');
  await page.getByText('Consent receipt').click();
  const receipt = page.locator('.history-consent');
  await expect(receipt).toContainText('marta');
  await expect(receipt).toContainText('Email, FirstName, LastName');
  await expect(receipt).toContainText('clients-lleida.csv');
  await expect(receipt).toContainText('outside the compliance boundary');

  await page.getByLabel('Language').selectOption('ca');
  await expect(title(page)).toHaveText('Exportació de “clients-lleida”');
  await expect(stateLine(page)).toHaveText(
    /^Fet: s'han lliurat tots els contactes, els que havien fallat pel reintent (del|de l').+\.$/,
  );
  await page.getByLabel('Idioma').selectOption('en');

  await page.getByRole('button', { name: 'Export again' }).click();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await deleteDestinations(app.services);
});

test('Cancel asks first, then stops the export for good', async ({ page, app }) => {
  emulator = await startEmulator({ rate: 20 });
  const { job } = await setUpEmulatorJob(app.services, emulator, folder, {
    place: 'Lleida',
    contacts: 300,
    rate: 5,
  });
  await app.services.jobs.start(job.id);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('button', { name: /^Open the export of “clients-lleida”/ }).click();
  await expect(stateLine(page)).toHaveText('Sending');

  await page.getByRole('button', { name: 'Cancel export' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this export?' });
  await expect(dialog.getByRole('button', { name: 'Keep the export' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  // What was never sent is said (issue 17, item 5): every contact is delivered or never sent.
  await expect(stateLine(page)).toHaveText(
    /^Cancelled: \d+ contacts were never sent\. The report lists them\.$/,
  );
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save report (CSV)' })).toBeVisible();
  const delivered = await page.locator('[data-summary="succeeded"] dd').textContent();
  expect(Number(delivered)).toBeLessThan(300);
  expect(emailsOnList(emulator, 'Lleida')).toHaveLength(Number(delivered));
  const neverSent = 300 - Number(delivered);
  await expect(page.locator('[data-summary="unsent"] dd')).toHaveText(String(neverSent));
  await expect(stateLine(page)).toHaveText(
    `Cancelled: ${neverSent} contacts were never sent. The report lists them.`,
  );
  await deleteDestinations(app.services);
});

test('an export whose key is not in the keychain pauses saying so, and resumes once it is', async ({
  page,
  app,
}) => {
  emulator = await startEmulator({ rate: 50 });
  const { job, destination } = await setUpEmulatorJob(app.services, emulator, folder, {
    place: 'Lleida',
    contacts: 40,
    rate: 20,
  });
  await app.services.secrets.deleteKey(destination.id);
  await app.services.jobs.start(job.id);

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const unfinished = page.getByRole('list', { name: 'Exports to resume' });
  await expect(unfinished).toContainText(
    'Paused: the API key of this destination is not in your keychain. Add it on the Destinations screen, then resume.',
  );
  expect(emulator.requests).toHaveLength(0);

  await app.services.destinations.replaceKey(destination.id, emulatorTestKey);
  await unfinished.getByRole('button', { name: 'Resume' }).click();
  await expect(stateLine(page)).toHaveText('Done: every contact was delivered.');
  expect(emailsOnList(emulator, 'Lleida')).toHaveLength(40);
  await deleteDestinations(app.services);
});
