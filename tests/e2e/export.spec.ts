import os from 'node:os';
import type { Page } from '@playwright/test';
import { listJobIds, readJobManifest } from '../../core/jobs/job-store';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import type { AppHarness } from '../support/app-harness';
import { expect, test } from './fixtures';
import { dropSegmentFile } from './drop-file';

// The Export screen in Chromium with the real main-process services behind it: a destination in
// the keychain pointing at the local Autopilot emulator, a file dropped on the Segments screen,
// auto-matching, the consent dialog, Start handing the job to the engine, and the contacts
// arriving in the emulator (or, when the dialog is cancelled, nothing arriving at all).

/** A Catalan export: semicolons, an invalid address, a duplicate, an empty last name. */
const segmentFile = [
  'Nom;Cognoms;Correu electrònic;Població',
  'Jordi;Puig i Cadafalch;jordi@exemple.cat;Barcelona',
  'Núria;;nuria@exemple.cat;Lleida',
  'Mercè;Rodoreda;mercè@@exemple;Sant Cugat',
  'Àngel;Guimerà;angel@exemple.cat;Girona',
  'Joan;Miró; ANGEL@EXEMPLE.cat ;Palma',
].join('\r\n');

let emulator: RunningEmulator;

test.beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.createList('Newsletter');
});
test.afterEach(async () => {
  await emulator.close();
});

/** Destination and segment set up through the real services and a drop; Export ready to press. */
async function setUpExport(page: Page, app: AppHarness): Promise<void> {
  await app.services.destinations.create({
    displayName: 'Autopilot Barcelona',
    apiKey: emulatorTestKey,
    endpoint: emulator.url,
    agreement: true,
  });
  // Made behind the page's back: a reload reads it, as a restarted app would.
  await page.reload();
  await dropSegmentFile(page, 'clients-catalunya.csv', segmentFile);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByLabel('Send to').selectOption({ label: 'Autopilot Barcelona' });
  await page.getByRole('checkbox', { name: /clients-catalunya/ }).check();

  // Auto-matched from the Catalan headers, with sample values beside each column.
  await expect(page.getByLabel('Column for Email')).toHaveValue('Correu electrònic');
  await expect(page.getByLabel('Column for First name')).toHaveValue('Nom');
  await expect(page.getByLabel('Column for Last name')).toHaveValue('Cognoms');
  await expect(page.getByLabel('Column for Mailing city')).toHaveValue('Població');
  await expect(page.locator('tr[data-field="Email"] .export-samples')).toContainText(
    'jordi@exemple.cat',
  );
  await expect(page.getByTestId('export-total')).toHaveText('3 profiles in 1 segment');
  await expect(page.getByTestId('export-counts')).toContainText(
    '3 profiles will be sent. Rows left out: 1 without a usable email',
  );

  // What will be sent: the body of the first request, exactly.
  const preview = JSON.parse((await page.getByTestId('export-preview').textContent()) ?? '');
  expect(preview.contacts[0]).toEqual({
    FirstName: 'Jordi',
    LastName: 'Puig i Cadafalch',
    MailingCity: 'Barcelona',
    Email: 'jordi@exemple.cat',
  });
  expect(preview.contacts[1]).toEqual({
    FirstName: 'Núria',
    MailingCity: 'Lleida',
    Email: 'nuria@exemple.cat',
  });
  await expect(page.getByLabel('List for clients-catalunya')).toHaveValue('segment');
}

const contactPosts = () =>
  emulator.requests.filter((request) => request.method === 'POST' && request.path === '/contacts');

test('drop, auto-match, consent, export: the emulator holds exactly the expected contacts', async ({
  page,
  app,
}) => {
  await setUpExport(page, app);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send 3 profiles to “Autopilot Barcelona”?' });
  await expect(dialog.locator('[data-fact="destination"]')).toHaveText(
    `Autopilot Barcelona (${emulator.url})`,
  );
  await expect(dialog.locator('[data-fact="fields"]')).toHaveText(
    'Email, First name, Last name, Mailing city',
  );
  await expect(dialog.getByRole('button', { name: 'Confirm and send' })).toBeDisabled();
  expect(contactPosts()).toEqual([]);
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Confirm and send' }).click();

  // Start opens the export's progress in History, which ends when every contact is delivered.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('clients-catalunya');
  await expect(page.getByText('Done: every contact was delivered.')).toBeVisible();
  await expect.poll(() => emulator.contactsInList('clients-catalunya').length).toBe(3);

  const onList = emulator.contactsInList('clients-catalunya');
  expect(onList.map((contact) => contact.Email).sort()).toEqual([
    'angel@exemple.cat',
    'jordi@exemple.cat',
    'nuria@exemple.cat',
  ]);
  expect(emulator.contact('jordi@exemple.cat')).toMatchObject({
    FirstName: 'Jordi',
    LastName: 'Puig i Cadafalch',
    MailingCity: 'Barcelona',
  });
  // The empty last name was not sent, and the duplicate's values did not overwrite the first.
  expect(emulator.contact('nuria@exemple.cat')?.LastName).toBeUndefined();
  expect(emulator.contact('angel@exemple.cat')?.FirstName).toBe('Àngel');
  expect(emulator.contactsInList('Newsletter')).toEqual([]);
  expect(contactPosts().reduce((sum, request) => sum + request.contactCount, 0)).toBe(3);

  // The consent receipt is in the job: when, who, what, where, and the file's hash.
  const [jobId] = await listJobIds(app.dataFolder);
  const manifest = await readJobManifest(app.dataFolder, jobId ?? '');
  expect(manifest.status).toBe('completed');
  expect(manifest.consent).toMatchObject({
    osUser: os.userInfo().username,
    destination: { name: 'Autopilot Barcelona', endpoint: emulator.url },
    fields: ['Email', 'FirstName', 'LastName', 'MailingCity'],
    profiles: 3,
    rows: 5,
    files: [{ fileName: 'clients-catalunya.csv', size: Buffer.byteLength(segmentFile) }],
  });
  expect(manifest.consent.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);

  // Export again: the same destination, segment, list and matching, ready to confirm.
  await page.getByRole('button', { name: 'Export again' }).click();
  await expect(page.getByRole('heading', { name: 'Export again' })).toBeVisible();
  await expect(page.getByText(/“clients-catalunya”: the file is unchanged/)).toBeVisible();
  await expect(page.getByLabel('Send to')).toHaveValue(manifest.destination.id);
  await expect(page.getByRole('checkbox', { name: /clients-catalunya/ })).toBeChecked();
  await expect(page.getByLabel('Column for Email')).toHaveValue('Correu electrònic');
  await expect(page.getByText('Matching from the earlier export.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeEnabled();
});

test('cancelling the consent dialog sends nothing', async ({ page, app }) => {
  await setUpExport(page, app);
  const exportButton = page.getByRole('button', { name: 'Export…' });

  await exportButton.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  await exportButton.click();
  await expect(page.getByRole('dialog').getByRole('checkbox')).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Export');

  expect(contactPosts()).toEqual([]);
  expect(emulator.requests.filter((request) => request.method === 'POST')).toEqual([]);
  expect(emulator.findList('clients-catalunya')).toBeUndefined();
  expect(await listJobIds(app.dataFolder)).toEqual([]);
});
