import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { quitDialogText } from '../../electron/i18n/main-texts';
import { savedMainLanguage } from '../../electron/services/jobs-host';
import { endNotification } from '../../electron/services/jobs-texts';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { dropFileBytes, dropTextFile } from './drop-file';
import { expect, test } from './fixtures';

// Issue 17, item 7 and issue 15, item 3: once the person picks Català, what main refuses arrives
// in Catalan, worded from its code and facts by the renderer's one error catalog, and main's own
// words (the quit dialog, the notifications) follow the same choice.

let emulator: RunningEmulator;

test.beforeEach(async () => {
  emulator = await startEmulator();
});
test.afterEach(async () => {
  await emulator.close();
});

test('after switching to Catalan, refused imports and a wrong key are said in Catalan', async ({
  page,
  app,
}) => {
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ca');

  await page.getByRole('navigation').getByRole('button', { name: 'Segments' }).click();
  const dropZone = page.getByTestId('segment-drop-zone');
  await dropTextFile(page, dropZone, 'buit.csv', '');
  await expect(page.getByText('El fitxer és buit: no hi ha res per importar.')).toBeVisible();
  // A gzip bomb: 64 MB of zeros packed into a few kilobytes, refused before it is unpacked.
  await dropFileBytes(page, dropZone, 'bomba.csv.gz', gzipSync(Buffer.alloc(64 * 1024 ** 2)));
  await expect(
    page.getByText(/^Aquest fitxer comprimit ocuparia molt més del que necessita un segment/),
  ).toBeVisible();
  await expect(page.getByText(/The file is empty|packed file would unpack/)).toHaveCount(0);
  expect(await app.services.segments.list()).toEqual([]);

  await page.getByRole('button', { name: 'Destinacions' }).click();
  await page.getByRole('button', { name: 'Afegeix una destinació' }).click();
  await page.getByLabel('Nom visible').fill('Vendes');
  await page.getByLabel("Clau de l'API d'Autopilot").fill(randomBytes(16).toString('hex'));
  await page.getByRole('checkbox', { name: "Hi estic d'acord" }).check();
  await page.getByText('Opcions avançades', { exact: true }).click();
  await page.getByLabel("Adreça de l'API").fill(emulator.url);
  await page.getByRole('button', { name: 'Desa la destinació' }).click();
  await expect(
    page.getByText(/^Autopilot no ha acceptat aquesta clau de l'API, i per això no s'ha desat/),
  ).toBeVisible();
  await expect(page.getByText(/did not accept/)).toHaveCount(0);
  expect(emulator.requests.at(-1)).toMatchObject({ path: '/lists', status: 401 });
  expect(await app.services.destinations.list()).toEqual([]);

  // Main heard the choice (app:setLanguage, saved in its settings) and speaks Catalan too.
  await expect.poll(() => savedMainLanguage(app.services.settings, 'en-US')).toBe('ca');
  const language = await savedMainLanguage(app.services.settings, 'en-US');
  expect(quitDialogText(language, 1).message).toBe('Hi ha una exportació en curs.');
  expect(
    endNotification(language, {
      status: 'completed',
      stopKind: null,
      segments: ['Clients'],
      valid: 1200,
      succeeded: 1200,
      failed: 0,
    }),
  ).toEqual({
    title: 'Exportació acabada',
    body: '“Clients”: s’han lliurat tots els 1.200 contactes.',
  });
});

test('an account that cannot be reached is explained in Catalan, with its name and address', async ({
  page,
  app,
}) => {
  await app.services.destinations.create({
    displayName: 'Vendes',
    apiKey: emulatorTestKey,
    endpoint: emulator.url,
    agreement: true,
  });
  // The account goes away: the Export screen's key check finds nobody answering.
  const endpoint = emulator.url;
  await emulator.close();
  emulator = await startEmulator();
  await page.reload();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ca');
  await page.getByRole('button', { name: 'Exportació', exact: true }).click();
  await page.getByLabel('Envia a').selectOption({ label: 'Vendes' });
  await expect(page.locator('[data-check="key-problem"]')).toHaveText(
    `No s'ha pogut contactar amb Autopilot a ${endpoint}. Comproveu la connexió a internet i l'adreça de «Vendes». No s'ha enviat res.`,
  );
});
