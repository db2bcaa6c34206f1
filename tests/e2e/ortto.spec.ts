import { listJobIds, readJobManifest } from '../../core/jobs/job-store';
import {
  orttoTestKey,
  startOrttoEmulator,
  type RunningOrttoEmulator,
} from '../../emulator/ortto/server';
import { dropSegmentFile } from './drop-file';
import { expect, test } from './fixtures';

// Issue 16 in Chromium: an Ortto destination added on the Destinations screen (kind, region, the
// emulator's address under Advanced), a segment exported to it with the email permission
// declared, and the emulator holding the people with the tag; a person who was already in Ortto
// and had unsubscribed keeps that, while the people Ortto creates get the declared answer.

let ortto: RunningOrttoEmulator;

test.beforeEach(async () => {
  ortto = await startOrttoEmulator({
    people: [
      {
        fields: { 'str::email': 'pau@girona.cat', 'str::first': 'Pau', 'bol::p': false },
        tags: ['VIP'],
      },
    ],
  });
});
test.afterEach(async () => {
  await ortto.close();
});

const segmentFile = [
  'Email;Nom;Cognoms;Ciutat',
  'anna@girona.cat;Anna;Puig;Girona',
  'pau@girona.cat;Pau;Serra;Figueres',
  'rosa@girona.cat;Rosa;;Olot',
].join('\r\n');

test('add an Ortto destination, export a segment: people tagged, permissions as declared and kept', async ({
  page,
  app,
}) => {
  await page.getByRole('button', { name: 'Destinations' }).click();
  await page.getByRole('button', { name: 'Add destination' }).click();
  await page.getByRole('radio', { name: /Ortto/ }).check();
  await page
    .getByRole('group', { name: 'Ortto region' })
    .getByRole('radio', { name: 'Europe' })
    .check();
  await page.getByLabel('Display name').fill('Ortto Girona');
  await page.getByLabel('Ortto private API key').fill(orttoTestKey);
  await page.getByText('Advanced').click();
  await expect(page.getByLabel('API endpoint')).toHaveValue('https://api.eu.ap3api.com/v1');
  await page.getByLabel('API endpoint').fill(ortto.url);
  await page.getByRole('checkbox', { name: 'I agree' }).check();
  await page.getByRole('button', { name: 'Save destination' }).click();
  await expect(page.getByText(/Key accepted: 1 tag/)).toBeVisible();

  await dropSegmentFile(page, 'clients-girona.csv', segmentFile);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByLabel('Send to').selectOption({ label: 'Ortto Girona' });
  await page.getByRole('checkbox', { name: /clients-girona/ }).check();
  await expect(page.getByLabel('Column for First name')).toHaveValue('Nom');
  await expect(page.getByLabel('Tag for clients-girona')).toBeVisible();
  await expect(page.getByText(/create an audience with the filter Tag is/)).toBeVisible();

  // Start waits for the email permission answer.
  await expect(page.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await expect(
    page.getByRole('link', { name: 'Say whether these people agreed to receive email.' }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Yes, they agreed' }).check();
  await page.getByRole('button', { name: 'Export…' }).click();

  const dialog = page.getByRole('dialog', { name: /Send 3 profiles to “Ortto Girona”/ });
  await expect(dialog).toContainText('Ortto, Europe region');
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(page.getByText('Done: every contact was delivered.')).toBeVisible();

  await expect
    .poll(() => ortto.peopleWithTag('clients-girona').sort())
    .toEqual(['anna@girona.cat', 'pau@girona.cat', 'rosa@girona.cat']);
  // New people got the declared permission; Pau, already in Ortto and unsubscribed, stays so.
  expect(ortto.person('anna@girona.cat')?.fields).toMatchObject({
    'str::first': 'Anna',
    'str::last': 'Puig',
    'bol::p': true,
  });
  expect(ortto.person('rosa@girona.cat')?.fields['bol::p']).toBe(true);
  expect(ortto.person('pau@girona.cat')?.fields).toMatchObject({
    'str::last': 'Serra',
    'bol::p': false,
  });
  expect([...(ortto.person('pau@girona.cat')?.tags ?? [])].sort()).toEqual([
    'VIP',
    'clients-girona',
  ]);
  expect(ortto.counters.bans).toBe(0);

  const [jobId] = await listJobIds(app.dataFolder);
  const manifest = await readJobManifest(app.dataFolder, jobId ?? '');
  expect(manifest.destination).toMatchObject({
    service: 'ortto',
    region: 'eu',
    emailPermission: 'yes',
  });
  expect(manifest.consent.destination).toMatchObject({ service: 'ortto', region: 'eu' });
  // The receipt keeps the words the dialog showed, naming Ortto.
  expect(manifest.consent.terms).toContain('making sure Ortto meets');
});
