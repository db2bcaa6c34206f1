import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readJobManifest } from '../../core/jobs/job-store';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { openApp } from '../support/app-harness';
import {
  contactAddress,
  deleteDestinations,
  emailsOnList,
  setUpEmulatorJob,
} from '../support/jobs-service-fixtures';
import { expect, test } from './fixtures';

// An export's progress in Chromium, with the real main-process services behind the page: the
// importer's snapshot, the engine writing its journal, the keychain holding the key, and the local
// Autopilot emulator receiving the contacts. The job is created through the engine as the Export
// screen does (planExport, the consent receipt, createJob) and started with services.jobs.start.

let emulator: RunningEmulator;
let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-progress-'));
});
test.afterEach(async () => {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

async function openJob(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('button', { name: /^Open the export of “clients-girona”/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Export of “clients-girona”', level: 1 }),
  ).toBeVisible();
}

const overall = (page: Page) => page.getByRole('progressbar', { name: 'Overall progress' });
const stateLine = (page: Page) => page.locator('.history-state');
const count = (page: Page, name: string) => page.locator(`[data-count="${name}"] dd`);

test('progress moves; pause stops the export and resume sends the rest', async ({ page, app }) => {
  emulator = await startEmulator({ rate: 20 });
  const { job } = await setUpEmulatorJob(app.services, emulator, folder, {
    place: 'Girona',
    contacts: 300,
    rate: 5,
  });
  await app.services.jobs.start(job.id);
  await openJob(page);

  await expect(overall(page)).toHaveAttribute('aria-valuemax', '300');
  await expect(overall(page)).not.toHaveAttribute('aria-valuenow', '0');
  await expect(stateLine(page)).toHaveText('Sending');
  await expect(count(page, 'rate')).toContainText('contacts a second');
  await expect(count(page, 'time-left')).toBeVisible();

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(stateLine(page)).toHaveText('Paused.');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const delivered = Number((await count(page, 'succeeded').textContent())?.replace(/\D/g, ''));
  expect(delivered).toBeGreaterThan(0);
  expect(delivered).toBeLessThan(300);
  // Nothing more leaves while paused: Autopilot holds exactly what the screen says.
  expect(emailsOnList(emulator, 'Girona')).toHaveLength(delivered);
  expect((await readJobManifest(app.dataFolder, job.id)).status).toBe('paused');

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(stateLine(page)).toHaveText('Done: every contact was delivered.', {
    timeout: 20_000,
  });
  await expect(overall(page)).toHaveAttribute('aria-valuenow', '300');
  await expect(
    page.getByRole('progressbar', { name: 'clients-girona → list “Girona”' }),
  ).toHaveAttribute('aria-valuenow', '300');
  await expect(count(page, 'succeeded')).toHaveText('300');
  expect(emailsOnList(emulator, 'Girona')).toHaveLength(300);
  await deleteDestinations(app.services);
});

test('an export with injected faults finishes and offers its report', async ({ page }) => {
  const refused = contactAddress(42);
  emulator = await startEmulator({
    rate: 50,
    faultRate: 0.25,
    faultKinds: ['503', 'reset'],
    seed: 11,
    invalidEmails: [refused],
  });
  const saved: string[] = [];
  const notices: string[] = [];
  const app = await openApp(page, {
    environment: {
      saveFile: async (name) => {
        saved.push(name);
        return path.join(folder, 'report.csv');
      },
      notify: (title, body) => notices.push(`${title}: ${body}`),
    },
  });
  try {
    const { job } = await setUpEmulatorJob(app.services, emulator, folder, {
      place: 'Girona',
      contacts: 150,
      rate: 20,
      invalidRow: true,
    });
    await app.services.jobs.start(job.id);
    await openJob(page);

    await expect(stateLine(page)).toHaveText(
      'Done, but 1 contact was not delivered. The report lists it.',
      { timeout: 25_000 },
    );
    await expect(page.locator('[data-summary="succeeded"] dd')).toHaveText('149');
    await expect(page.locator('[data-summary="refused"] dd')).toHaveText('1');
    await expect(page.locator('[data-summary="invalid"] dd')).toHaveText('1');
    expect(emulator.counters.byStatus['503'] ?? 0).toBeGreaterThan(0);
    expect(emailsOnList(emulator, 'Girona')).toHaveLength(149);
    expect(notices).toEqual([
      'Export finished with problems: “clients-girona”: 149 of 150 contacts delivered; 1 was not. The report lists them.',
    ]);

    await page.getByRole('button', { name: 'Save report (CSV)' }).click();
    await expect(page.getByText('Report saved as “report.csv” (2 rows).')).toBeVisible();
    expect(saved).toEqual([`clients-girona - not delivered ${job.createdAt.slice(0, 10)}.csv`]);
    const report = await readFile(path.join(folder, 'report.csv'), 'utf8');
    expect(report).toContain('not-an-address');
    expect(report).toContain(`${refused},refused`);
    // A refused row is not one to retry: Autopilot would refuse the same data again.
    await expect(page.getByRole('button', { name: 'Retry failed rows' })).toHaveCount(0);
    await expect(
      page.getByText('1 contact Autopilot refused is not retried', { exact: false }),
    ).toBeVisible();
    await deleteDestinations(app.services);
  } finally {
    await app.close();
  }
});

test('a restart offers Resume and finishes the export with every contact delivered', async ({
  page,
  context,
}) => {
  emulator = await startEmulator({ rate: 20 });
  const dataFolder = path.join(folder, 'data');
  await mkdir(dataFolder);
  const first = await openApp(page, { dataFolder });
  const { job } = await setUpEmulatorJob(first.services, emulator, folder, {
    place: 'Girona',
    contacts: 400,
    rate: 5,
  });
  await first.services.jobs.start(job.id);
  await openJob(page);
  await expect(overall(page)).not.toHaveAttribute('aria-valuenow', '0');
  // Quitting: the host services stop every run cleanly, then go away with the page.
  await first.close();
  await page.close();
  const before = emailsOnList(emulator, 'Girona').length;
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(400);

  const nextPage = await context.newPage();
  const second = await openApp(nextPage, { dataFolder });
  try {
    await nextPage.getByRole('button', { name: 'History', exact: true }).click();
    const unfinished = nextPage.getByRole('list', { name: 'Exports to resume' });
    await expect(unfinished.getByRole('listitem')).toHaveCount(1);
    await expect(unfinished).toContainText(
      'Stopped when Segment Courier was closed. Resume it to send the rest.',
    );
    await unfinished.getByRole('button', { name: 'Resume' }).click();
    await expect(
      nextPage.getByRole('heading', { name: 'Export of “clients-girona”', level: 1 }),
    ).toBeVisible();
    await expect(stateLine(nextPage)).toHaveText('Done: every contact was delivered.', {
      timeout: 25_000,
    });
    const expected = Array.from({ length: 400 }, (_, index) => contactAddress(index)).sort();
    expect(emailsOnList(emulator, 'Girona')).toEqual(expected);
    await nextPage.getByRole('button', { name: /All exports/ }).click();
    await expect(nextPage.getByRole('list', { name: 'Exports to resume' })).toHaveCount(0);
    await deleteDestinations(second.services);
  } finally {
    await second.close();
  }
});
