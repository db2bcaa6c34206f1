import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { jobFile, listJobIds, readJobManifest } from '../../core/jobs/job-store';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import type { AppHarness } from '../support/app-harness';
import { dropSegmentFile } from './drop-file';
import { expect, test } from './fixtures';

// Issue 17 in Chromium, against the emulator: values that do not fit leave the field out (and
// "Is this the right column?" asks first), a wrong key is caught where it is typed and on the
// Export screen, opt-outs are respected, and the footer's blockers link to their sections.

let emulator: RunningEmulator;

test.beforeEach(async () => {
  emulator = await startEmulator({ customFields: [{ name: 'Punts', fieldType: 'integer' }] });
  emulator.state.createList('Newsletter');
});
test.afterEach(async () => {
  await emulator.close();
});

async function addDestination(page: Page, app: AppHarness, apiKey = emulatorTestKey) {
  const destination = await app.services.destinations.create({
    displayName: 'Autopilot Girona',
    apiKey,
    endpoint: emulator.url,
    agreement: true,
  });
  // Made behind the page's back: a reload reads it, as a restarted app would.
  await page.reload();
  return destination;
}

async function waitForDone(page: Page) {
  await expect(page.getByText('Done: every contact was delivered.')).toBeVisible();
}

test('a value that does not fit leaves the field out, after "Is this the right column?"', async ({
  page,
  app,
}) => {
  await addDestination(page, app);
  const file = [
    'Email;Nom;Punts',
    'anna@girona.cat;Anna;n/a',
    'pau@girona.cat;Pau;n/a',
    'rosa@girona.cat;Rosa;12',
    'marc@girona.cat;Marc;',
  ].join('\r\n');
  await dropSegmentFile(page, 'punts.csv', file);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByLabel('Send to').selectOption({ label: 'Autopilot Girona' });
  await expect(page.getByText('Key accepted: 1 list.')).toBeVisible();

  // The blockers are links to the section they are about.
  await page.getByRole('link', { name: 'Choose at least one segment.' }).click();
  await expect(page.getByRole('heading', { name: '2. Segments' })).toBeFocused();
  await page.getByRole('checkbox', { name: /punts/ }).check();

  const add = page.getByRole('form', { name: 'Add a field' });
  await add.getByLabel('Add a field').selectOption({ label: 'Punts (whole number)' });
  await add.getByRole('button', { name: 'Add field' }).click();
  // Adding a field picks the column that matches it.
  await expect(page.getByLabel('Column for Punts')).toHaveValue('Punts');
  await expect(page.locator('tr[data-field="Punts"] [data-check="misfit"]')).toHaveText(
    '2 values do not fit a whole number, for example “n/a”. Their contacts are sent without them.',
  );
  await expect(page.getByTestId('export-counts')).toContainText('4 profiles will be sent.');

  await page.getByRole('button', { name: 'Export…' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Is this the right column?' });
  await expect(ask).toContainText('Punts ← “Punts”: 2 values are not a whole number');
  await ask.getByRole('button', { name: 'Send without these values' }).click();
  const consent = page.getByRole('dialog', { name: 'Send 4 profiles to “Autopilot Girona”?' });
  await expect(consent.locator('[data-fact="fields"]')).toContainText(
    '2 values do not fit their fields and are left out of their contacts.',
  );
  await consent.getByRole('checkbox', { name: /I understand/ }).check();
  await consent.getByRole('button', { name: 'Confirm and send' }).click();
  await waitForDone(page);

  expect(
    emulator
      .contactsInList('punts')
      .map((contact) => contact.Email)
      .sort(),
  ).toEqual(['anna@girona.cat', 'marc@girona.cat', 'pau@girona.cat', 'rosa@girona.cat']);
  expect(emulator.contact('anna@girona.cat')?.custom ?? {}).toEqual({});
  expect(emulator.contact('rosa@girona.cat')?.custom).toEqual({ 'integer--Punts': 12 });
  const [jobId] = await listJobIds(app.dataFolder);
  await expect
    .poll(() => readFile(jobFile(app.dataFolder, jobId ?? '', 'report'), 'utf8').catch(() => ''))
    .toContain('punts,2,anna@girona.cat,value left out,"Punts: ""n/a"" is not a whole number');
});

test('a wrong key is caught when the destination is chosen, and replaced there', async ({
  page,
  app,
}) => {
  const destination = await addDestination(page, app, 'ffffffffffffffffffffffffffffffff');
  await dropSegmentFile(page, 'clients.csv', 'Email;Nom\r\nanna@girona.cat;Anna\r\n');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByLabel('Send to').selectOption({ label: 'Autopilot Girona' });
  await page.getByRole('checkbox', { name: /clients/ }).check();
  await expect(
    page.getByText(/Autopilot does not accept this destination’s API key/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await expect(
    page.getByRole('link', {
      name: 'Replace the destination’s API key: Autopilot does not accept it.',
    }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Replace key' }).click();
  await page.getByLabel('New Autopilot API key').fill('0000000000000000000000000000000f');
  await page.getByRole('button', { name: 'Save new key' }).click();
  await expect(
    page.getByText(/Autopilot did not accept this API key, so it was not saved/),
  ).toBeVisible();
  await page.getByLabel('New Autopilot API key').fill(emulatorTestKey);
  await page.getByRole('button', { name: 'Save new key' }).click();
  await expect(page.getByText('Key accepted: 1 list.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeEnabled();
  expect(await app.services.destinations.hasKey(destination.id)).toBe(true);
  expect(emulator.requests.filter((request) => request.path === '/contacts')).toEqual([]);
});

test('opt-outs are left out by default and sent unsubscribed when chosen, in Catalan', async ({
  page,
  app,
}) => {
  await addDestination(page, app);
  const file = [
    'Email;Nom;Accepta correus',
    'anna@girona.cat;Anna;sí',
    'pau@girona.cat;Pau;no',
    'rosa@girona.cat;Rosa;',
  ].join('\r\n');
  await dropSegmentFile(page, 'consent.csv', file);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ca');
  await page.getByRole('button', { name: 'Exportació', exact: true }).click();
  await page.getByLabel('Envia a').selectOption({ label: 'Autopilot Girona' });
  await page.getByRole('checkbox', { name: /consent/ }).check();
  await expect(page.getByLabel('Columna per a Accepta rebre correus')).toHaveValue(
    'Accepta correus',
  );
  await expect(page.getByRole('radio', { name: 'Deixa-les fora (recomanat)' })).toBeChecked();
  await expect(page.getByTestId('export-counts')).toContainText(
    "S'enviaran 2 perfils. Files que queden fora: 1 no accepta rebre correus.",
  );
  await page.getByRole('button', { name: 'Exporta…' }).click();
  let consent = page.getByRole('dialog');
  await expect(consent.locator('[data-fact="opt-out"]')).toHaveText(
    '1 persona que no accepta rebre correus queda fora. Els contactes que ja hi són mantenen el seu permís de correu.',
  );
  await consent.getByRole('checkbox').check();
  await consent.getByRole('button', { name: 'Confirma i envia' }).click();
  await expect.poll(() => emulator.contactsInList('consent').length).toBe(2);
  expect(emulator.contact('pau@girona.cat')).toBeUndefined();
  // History labels the reason as itself.
  await expect(page.locator('[data-summary="optedOut"]')).toHaveText(
    'Exclosos: no accepten rebre correus1',
  );
  const [firstJob] = await listJobIds(app.dataFolder);
  const manifest = await readJobManifest(app.dataFolder, firstJob ?? '');
  expect(manifest.consent.fields).toContain(
    'Agreed to receive email from "Accepta correus" (rows that say no are left out: 1 in “consent”)',
  );

  await page.getByRole('navigation').getByRole('button', { name: 'Exportació' }).click();
  await page.getByLabel('Envia a').selectOption({ label: 'Autopilot Girona' });
  await page.getByRole('checkbox', { name: /consent/ }).check();
  await page
    .getByRole('radio', { name: 'Envia-les, marcades com a donades de baixa a Autopilot' })
    .check();
  await expect(page.getByTestId('export-counts')).toContainText("S'enviaran 3 perfils.");
  await page.getByRole('button', { name: 'Exporta…' }).click();
  consent = page.getByRole('dialog');
  await consent.getByRole('checkbox').check();
  await consent.getByRole('button', { name: 'Confirma i envia' }).click();
  await expect.poll(() => emulator.contact('pau@girona.cat')?.unsubscribed).toBe(true);
  // Nobody who said yes, or said nothing, was given a permission by the push.
  expect(emulator.contact('anna@girona.cat')).not.toHaveProperty('unsubscribed');
  expect(emulator.contact('rosa@girona.cat')).not.toHaveProperty('unsubscribed');
});
