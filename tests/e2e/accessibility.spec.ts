import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { dropSegmentFile } from './drop-file';
import { expect, test } from './fixtures';

// Issue 17, "Must show": every screen and dialog, light and dark, with axe's full rule set
// (WCAG and best practices): no critical, serious or moderate finding.

const blockingImpacts = new Set(['critical', 'serious', 'moderate']);

let emulator: RunningEmulator;
test.beforeEach(async () => {
  emulator = await startEmulator({ customFields: [{ name: 'Punts', fieldType: 'integer' }] });
  emulator.state.createList('Newsletter');
});
test.afterEach(async () => {
  await emulator.close();
});

async function findings(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => blockingImpacts.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${where}: ${violation.id} (${violation.impact}) x${violation.nodes.length} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

/** Automatic exports (issue 18): the screen, its Turn on form, the standing consent, Turn off. */
async function automaticExportsFindings(page: Page): Promise<string[]> {
  const found: string[] = [];
  await nav(page, 'Automatic exports');
  const card = page
    .getByRole('list', { name: 'Saved setups' })
    .getByRole('listitem')
    .filter({ hasText: 'Weekly clients' });
  await expect(card.getByText('Off', { exact: true })).toBeVisible();
  found.push(...(await findings(page, 'Automatic exports')));
  await card.getByRole('button', { name: 'Turn on…' }).click();
  await card.getByLabel('Repeat').selectOption({ label: 'Every week' });
  found.push(...(await findings(page, 'Automatic exports, Turn on form')));
  await card.getByRole('button', { name: 'Continue…' }).click();
  const consent = page.getByRole('dialog');
  await expect(consent).toBeVisible();
  found.push(...(await findings(page, 'Standing consent dialog')));
  await consent.getByRole('checkbox', { name: /on every run/ }).check();
  await consent.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(card.getByText('On', { exact: true })).toBeVisible();
  found.push(...(await findings(page, 'Automatic exports, one on')));
  await card.getByRole('button', { name: 'Turn off…' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  found.push(...(await findings(page, 'Turn off dialog')));
  await page.getByRole('alertdialog').getByRole('button', { name: 'Turn off' }).click();
  await expect(card.getByText('Off', { exact: true })).toBeVisible();
  return found;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen and dialog has no critical, serious or moderate finding (${colorScheme})`, async ({
    page,
    app,
  }) => {
    await page.emulateMedia({ colorScheme });
    const found: string[] = [];
    found.push(...(await findings(page, 'Segments, empty')));
    await nav(page, 'Destinations');
    found.push(...(await findings(page, 'Destinations, empty')));
    await page.getByRole('button', { name: 'Add destination' }).click();
    found.push(...(await findings(page, 'Destinations, add form')));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await nav(page, 'Export');
    found.push(...(await findings(page, 'Export, no destination')));

    await app.services.destinations.create({
      displayName: 'Autopilot Girona',
      apiKey: emulatorTestKey,
      endpoint: emulator.url,
      agreement: true,
    });
    // Made behind the page's back: a reload reads it, as a restarted app would.
    await page.reload();
    const file = ['Email;Nom;Punts;Accepta correus', 'anna@girona.cat;Anna;n/a;sí'].join('\r\n');
    await dropSegmentFile(page, 'clients.csv', file);
    found.push(...(await findings(page, 'Segments, one segment')));
    await page
      .getByRole('article', { name: 'clients' })
      .getByRole('button', { name: 'Remove' })
      .click();
    found.push(...(await findings(page, 'Remove segment dialog')));
    await page.keyboard.press('Escape');

    await nav(page, 'Destinations');
    await expect(page.getByRole('article', { name: 'Autopilot Girona' })).toBeVisible();
    found.push(...(await findings(page, 'Destinations, one destination')));
    await page.getByRole('button', { name: 'Delete' }).click();
    found.push(...(await findings(page, 'Delete destination dialog')));
    await page.keyboard.press('Escape');

    await nav(page, 'Export');
    await page.getByLabel('Send to').selectOption({ label: 'Autopilot Girona' });
    await page.getByRole('checkbox', { name: /clients/ }).check();
    const add = page.getByRole('form', { name: 'Add a field' });
    await add.getByLabel('Add a field').selectOption({ label: 'Punts (whole number)' });
    await add.getByRole('button', { name: 'Add field' }).click();
    await expect(page.getByRole('button', { name: 'Export…' })).toBeEnabled();
    // Saved now, so the Automatic exports screen below has a setup to show (issue 18).
    const setups = page.getByRole('region', { name: 'Saved setups' });
    await setups.getByLabel('Setup name').fill('Weekly clients');
    await setups.getByRole('button', { name: 'Save setup' }).click();
    await expect(setups.getByText('Saved the setup “Weekly clients”.')).toBeVisible();
    found.push(...(await findings(page, 'Export, ready')));
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    found.push(...(await findings(page, 'Is this the right column? dialog')));
    await page.getByRole('button', { name: 'Send without these values' }).click();
    const consent = page.getByRole('dialog');
    await expect(consent).toBeVisible();
    found.push(...(await findings(page, 'Consent dialog')));
    await consent.getByRole('checkbox').check();
    await consent.getByRole('button', { name: 'Confirm and send' }).click();
    await expect(page.getByText('Done: every contact was delivered.')).toBeVisible();
    found.push(...(await findings(page, 'History, the job')));
    await nav(page, 'History');
    found.push(...(await findings(page, 'History, list')));
    found.push(...(await automaticExportsFindings(page)));
    await nav(page, 'About');
    found.push(...(await findings(page, 'About')));
    expect(found).toEqual([]);
  });
}
