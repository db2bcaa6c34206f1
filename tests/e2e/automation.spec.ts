import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { dropSegmentFile } from './drop-file';
import { expect, test } from './fixtures';

// Issue 18, "Must show", in Chromium with the real main-process services: save a setup, turn its
// automation on with the standing consent for a watched folder, a new export arrives in it,
// History shows the automatic run and its receipt names the standing consent.

const csv = (people: readonly string[]) =>
  ['Email;Nom', ...people.map((name) => `${name}@girona.cat;${name}`)].join('\r\n');

let emulator: RunningEmulator;
let watched: string;

test.beforeEach(async () => {
  emulator = await startEmulator();
  watched = await mkdtemp(path.join(os.tmpdir(), 'courier-watched-'));
});
test.afterEach(async () => {
  await emulator.close();
  await rm(watched, { recursive: true, force: true });
});

test('a new export in the watched folder runs the saved setup under its standing consent', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  await app.services.destinations.create({
    displayName: 'Autopilot Girona',
    apiKey: emulatorTestKey,
    endpoint: emulator.url,
    agreement: true,
  });
  await page.reload();
  await dropSegmentFile(page, 'clients.csv', csv(['anna', 'jordi']));

  const nav = (name: string) =>
    page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await nav('Export');
  await page.getByLabel('Send to').selectOption({ label: 'Autopilot Girona' });
  await page.getByRole('checkbox', { name: /clients/ }).check();
  await expect(page.getByLabel('Column for Email')).toHaveValue('Email');
  const setups = page.getByRole('region', { name: 'Saved setups' });
  await setups.getByLabel('Setup name').fill('Weekly clients');
  await setups.getByRole('button', { name: 'Save setup' }).click();
  await expect(setups.getByText('Saved the setup “Weekly clients”.')).toBeVisible();
  await setups.getByLabel('Saved setup').selectOption({ label: 'Weekly clients' });
  await setups.getByRole('button', { name: 'Make automatic…' }).click();

  // "Make automatic…" lands on the setup's own Turn on form.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Automatic exports');
  const form = page.getByRole('form', { name: 'Turn on “Weekly clients”' });
  app.answerFolderDialog(watched);
  await form.getByRole('button', { name: 'Browse…' }).click();
  await expect(form.getByText(watched, { exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Continue…' }).click();

  const consent = page.getByRole('dialog', { name: 'Let “Weekly clients” run by itself?' });
  await expect(consent).toContainText('Every run will do this until you turn it off.');
  await expect(consent).toContainText(`When a new export appears in ${watched}`);
  await expect(consent).toContainText('clients → “clients”');
  await consent.getByRole('checkbox', { name: /on every run/ }).check();
  await consent.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(consent).toBeHidden();

  const card = page
    .getByRole('list', { name: 'Saved setups' })
    .getByRole('listitem')
    .filter({ hasText: 'Weekly clients' });
  await expect(card.getByText('On', { exact: true })).toBeVisible();
  await expect(card).toContainText(`When a new export appears in ${watched}`);
  expect(emulator.contactsInList('clients')).toHaveLength(0);

  // Next week's export lands in the folder (the way a storage sync or OneDrive would put it).
  await writeFile(path.join(watched, 'clients.csv'), csv(['anna', 'jordi', 'marta']));
  await expect(card.locator('[data-field="last-run"]')).toContainText('Sent 3 contacts.', {
    timeout: 60_000,
  });
  const runs = page.getByRole('list', { name: 'Automatic runs, newest first' });
  await expect(runs).toContainText(`Weekly clients · Automatic: new export in ${watched}`);
  expect(
    emulator
      .contactsInList('clients')
      .map((contact) => contact.Email)
      .sort(),
  ).toEqual(['anna@girona.cat', 'jordi@girona.cat', 'marta@girona.cat']);

  await card.getByRole('button', { name: 'Open it in History' }).click();
  await expect(page.locator('[data-trigger="folder"]')).toHaveText(
    `Automatic: new export in ${watched}`,
  );
  await expect(page.getByText('Done: every contact was delivered.')).toBeVisible();
  await page.getByText('Consent receipt').click();
  await expect(page.locator('[data-receipt="standing-consent"]')).toContainText(
    'Under the standing consent given on',
  );

  await nav('History');
  const row = page.getByRole('listitem').filter({ hasText: 'Automatic: new export in' });
  await expect(row).toHaveCount(1);
});
