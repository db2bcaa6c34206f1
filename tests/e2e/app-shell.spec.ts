import { expect, test } from './fixtures';

test('the app loads, navigates by mouse and keyboard, and shows app:info from main', async ({
  page,
  app,
}) => {
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();

  await page.getByRole('button', { name: 'Destinations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Destinations' })).toBeFocused();

  // Keyboard only: arrow down along the navigation (Segments, Export, Automatic exports,
  // History, About), Enter opens the screen.
  await page.getByRole('button', { name: 'Destinations' }).focus();
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'About' })).toBeFocused();
  await page.keyboard.press('Enter');

  const details = page.getByTestId('app-info');
  await expect(details).toContainText('0.0.0-e2e');
  await expect(details).toContainText(process.platform);
  await expect(details).toContainText(app.dataFolder);
});

test('the interface switches to Catalan', async ({ page, app }) => {
  expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ca');
  await expect(page.getByRole('button', { name: 'Destinacions' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();
  // Main keeps the choice too, for its notifications and the quit dialog.
  await expect
    .poll(async () => (await app.services.settings.read()).preferences.language)
    .toBe('ca');
});
