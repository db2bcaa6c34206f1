import { randomBytes } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';
import { defaultKeychainService } from '../../core/secrets/secret-store';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { expect, test } from './fixtures';
import { filesHolding } from '../support/files-holding';

// The Destinations screen in Chromium, with the real main-process services behind it: the JSON
// settings file in the app's data folder, the real Secret Service, and the local Autopilot
// emulator, whose URL travels in the form's Advanced endpoint field as a person would type it.

const pinned = { linux: { store: 'secret-service' as const } };
let emulator: RunningEmulator;

test.beforeEach(async () => {
  emulator = await startEmulator();
  ['Newsletter', 'Customers', 'VIP'].forEach((title) => emulator.state.createList(title));
});
test.afterEach(async () => {
  await emulator.close();
});

test('add a destination, Connect, a wrong key is explained, delete removes the keychain entry', async ({
  page,
  app,
}) => {
  const wrongKey = randomBytes(16).toString('hex');
  const consoleText: string[] = [];
  page.on('console', (message) => consoleText.push(message.text()));

  await page.getByRole('button', { name: 'Destinations' }).click();
  await page.getByRole('button', { name: 'Add destination' }).click();
  await page.getByLabel('Display name').fill('Marketing EU');
  await page.getByLabel('Autopilot API key').fill(emulatorTestKey);
  await expect(
    page.getByText(/personal and sensitive data, out of the compliance boundary/),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'I agree' }).check();
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByLabel('API endpoint').fill(emulator.url);
  await page.getByRole('button', { name: 'Save destination' }).click();

  const card = page.getByRole('article', { name: 'Marketing EU' });
  // Issue 17, item 2: the key was checked before it was saved.
  await expect(
    page.getByText('Destination “Marketing EU” saved. Key accepted: 3 lists.'),
  ).toBeVisible();
  await expect(card.getByText('Key saved in your keychain')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Replace key' })).toBeVisible();
  await expect(page.getByLabel('Autopilot API key')).toHaveCount(0);
  const [destination] = await app.services.destinations.list();
  const entry = new AsyncEntry(defaultKeychainService, destination?.id ?? '', pinned);
  expect(await entry.getPassword()).toBe(emulatorTestKey);

  await card.getByRole('button', { name: 'Connect' }).click();
  await expect(card.getByText('Connected. Your account has 3 lists.')).toBeVisible();
  expect(emulator.requests.at(-1)).toMatchObject({ path: '/lists', status: 200 });

  await card.getByRole('button', { name: 'Replace key' }).click();
  await card.getByLabel('New Autopilot API key').fill(wrongKey);
  await card.getByRole('button', { name: 'Save new key' }).click();
  // A wrong key is refused where it is typed (issue 17, item 2): the good one stays.
  await expect(
    card.getByText(/Autopilot did not accept this API key, so it was not saved/),
  ).toBeVisible();
  await expect(card.getByLabel('New Autopilot API key')).toBeFocused();
  expect(await entry.getPassword()).toBe(emulatorTestKey);
  await card.getByRole('button', { name: 'Cancel' }).click();

  // A key revoked in Autopilot later is still explained by Connect.
  await app.services.destinations.replaceKey(destination?.id ?? '', wrongKey);
  await card.getByRole('button', { name: 'Connect' }).click();
  await expect(card.getByText(/Autopilot did not accept this API key/)).toBeVisible();
  expect(emulator.requests.at(-1)).toMatchObject({ path: '/lists', status: 401 });

  await card.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete “Marketing EU”?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete destination' }).click();
  await expect(page.getByText('Destination “Marketing EU” deleted, with its key.')).toBeVisible();
  await expect(card).toHaveCount(0);
  expect(await entry.getPassword()).toBeNull();
  expect(await app.services.destinations.list()).toEqual([]);

  // After the whole run, neither key is in any file of the data folder nor in the page's log.
  for (const key of [emulatorTestKey, wrongKey]) {
    expect(await filesHolding(app.dataFolder, key)).toEqual([]);
    expect(consoleText.join('\n')).not.toContain(key);
  }
});

test('a destination can be added with the keyboard alone, in Catalan', async ({ page, app }) => {
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ca');
  await page.getByRole('button', { name: 'Destinacions' }).click();
  await page.getByRole('button', { name: 'Afegeix una destinació' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Nom visible')).toBeFocused();
  await page.keyboard.type('Vendes');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel("Clau de l'API d'Autopilot")).toBeFocused();
  await page.keyboard.type(emulatorTestKey);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: "Hi estic d'acord" })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // opens "Opcions avançades"
  await page.keyboard.press('Tab');
  await expect(page.getByLabel("Adreça de l'API")).toBeFocused();
  await page.keyboard.type(emulator.url);
  await page.getByRole('button', { name: 'Desa la destinació' }).focus();
  await page.keyboard.press('Enter');

  const card = page.getByRole('article', { name: 'Vendes' });
  await expect(card.getByRole('heading', { name: 'Vendes' })).toBeFocused();
  await expect(card.getByText('Clau desada al clauer')).toBeVisible();
  await card.getByRole('button', { name: 'Connecta' }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText('Connectat. El vostre compte té 3 llistes.')).toBeVisible();

  const [destination] = await app.services.destinations.list();
  await app.services.destinations.delete(destination?.id ?? '');
});
