import type { Page } from '@playwright/test';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { expect, test } from './fixtures';
import { dropSegmentFile } from './drop-file';

// Issue 13 in Chromium with the real main-process services: push a segment, drop next week's file
// (some people gone, some renamed, some new), read the preview of changes, export with "Keep the
// list in step with the segment", and find the emulator's list equal to the new file.

const listName = 'Weekly customers';

interface Person {
  readonly email: string;
  readonly first: string;
  readonly last: string;
}

const week1: Person[] = Array.from({ length: 10 }, (_, index) => ({
  email: `client${index}@exemple.cat`,
  first: `Nom${index}`,
  last: `Cognom${index}`,
}));

// Next week: clients 0-2 left, 3 and 4 changed their last name, three joined.
const week2: Person[] = [
  ...week1.slice(3).map((person, index) => (index < 2 ? { ...person, last: 'Renamed' } : person)),
  ...['nova1', 'nova2', 'nova3'].map((name) => ({
    email: `${name}@exemple.cat`,
    first: name,
    last: 'Nou',
  })),
];

const csv = (people: readonly Person[]) =>
  ['Email,First name,Last name', ...people.map((p) => `${p.email},${p.first},${p.last}`)].join(
    '\r\n',
  );

let emulator: RunningEmulator;

test.beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.createList(listName);
});
test.afterEach(async () => {
  await emulator.close();
});

async function chooseExport(page: Page, segment: string): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByLabel('Send to').selectOption({ label: 'Autopilot Girona' });
  await page.getByRole('checkbox', { name: new RegExp(segment) }).check();
  await expect(page.getByLabel('Column for Email')).toHaveValue('Email');
  await page.getByLabel(`List for ${segment}`).selectOption(`existing:${listName}`);
}

async function confirmAndWait(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(page.getByText('Done: every contact was delivered.')).toBeVisible();
}

const emails = (people: readonly Person[]) => people.map((person) => person.email).sort();
const onList = () =>
  emulator
    .contactsInList(listName)
    .map((contact) => String(contact.Email))
    .sort();

test('a weekly re-push with mirror: the preview shows the changes, the list ends equal to the file', async ({
  page,
  app,
}) => {
  await app.services.destinations.create({
    displayName: 'Autopilot Girona',
    apiKey: emulatorTestKey,
    endpoint: emulator.url,
    agreement: true,
  });
  // Made behind the page's back: a reload reads it, as a restarted app would.
  await page.reload();
  await dropSegmentFile(page, 'weekly-1.csv', csv(week1));
  await chooseExport(page, 'weekly-1');
  const firstRow = page.getByTestId('export-changes').locator('tr[data-segment="weekly-1"]');
  await expect(firstRow.locator('[data-count="new"]')).toHaveText('10');
  await page.getByRole('button', { name: 'Export…' }).click();
  await confirmAndWait(page);
  await expect.poll(onList).toEqual(emails(week1));

  // Someone adds a member by hand in Autopilot: a mirror must leave them alone.
  const list = emulator.findList(listName);
  const byHand = emulator.state.upsert(
    { email: 'a.ma@exemple.cat', newEmail: undefined, listId: undefined, fields: {}, custom: {} },
    false,
  );
  emulator.state.addMember(list?.list_id ?? '', byHand);

  await dropSegmentFile(page, 'weekly-2.csv', csv(week2));
  await chooseExport(page, 'weekly-2');
  const row = page.getByTestId('export-changes').locator('tr[data-segment="weekly-2"]');
  await expect(row.locator('[data-count="new"]')).toHaveText('3');
  await expect(row.locator('[data-count="changed"]')).toHaveText('2');
  await expect(row.locator('[data-count="unchanged"]')).toHaveText('5');
  await expect(row.locator('[data-count="leaving"]')).toHaveText('3');
  await expect(row.locator('[data-count="leftOut"]')).toHaveText('0');

  const posted = () =>
    emulator.requests.filter((request) => request.method === 'POST' && request.path === '/contacts')
      .length;
  const postsBefore = posted();
  await page.getByRole('checkbox', { name: 'Keep the list in step with the segment' }).check();
  // Three of ten is more than a fifth: the screen asks, and Start is refused until answered.
  await expect(page.getByText(/would take 3 of the 10 people/)).toBeVisible();
  await page.getByRole('checkbox', { name: /Yes, this is right/ }).check();

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog').locator('[data-fact="changes"]')).toHaveText(
    '3 new to the list, 2 changed (sent); 5 unchanged (not sent); 3 taken off the list',
  );
  await confirmAndWait(page);

  // History's summary of this export, per segment.
  const summary = page.getByTestId('history-sync').locator('tr[data-segment="weekly-2"]');
  await expect(summary.locator('[data-count="new"]')).toHaveText('3');
  await expect(summary.locator('[data-count="changed"]')).toHaveText('2');
  await expect(summary.locator('[data-count="unchanged"]')).toHaveText('5');
  await expect(summary.locator('[data-count="removed"]')).toHaveText('3');

  // The consent receipt states what the person confirmed.
  await page.getByText('Consent receipt').click();
  await expect(page.locator('[data-receipt="changes"]')).toHaveText(
    '3 new to the list, 2 changed, 5 unchanged; 3 to take off the list',
  );

  await expect.poll(onList).toEqual([...emails(week2), 'a.ma@exemple.cat'].sort());
  expect(emulator.contact('client3@exemple.cat')?.LastName).toBe('Renamed');
  for (const person of week1.slice(0, 3)) expect(emulator.contact(person.email)).toBeDefined();
  const sentNow = emulator.requests
    .filter((request) => request.method === 'POST' && request.path === '/contacts')
    .slice(postsBefore)
    .reduce((sum, request) => sum + request.contactCount, 0);
  expect(sentNow).toBe(5);
  expect(emulator.requests.filter((request) => request.method === 'DELETE')).toHaveLength(3);
});
