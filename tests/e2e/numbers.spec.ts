import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { HostServices } from '../../electron/services/host-services';
import {
  addEmulatorDestination,
  createExportJob,
  deleteDestinations,
  emailsOnList,
  importSegment,
  writeSegmentFile,
} from '../support/jobs-service-fixtures';
import { expect, test } from './fixtures';

// Issue 17, item 5, in Chromium against the emulator: during a throttled run (the emulator allows
// fewer requests than the job asks for and answers slowly, so there are 429s, waits and requests
// on the way) the overall numbers equal the sum of the segments' at every moment looked at, and
// "Sent" never counts what is still on the way; a cancelled export says what was never sent.

let emulator: RunningEmulator;
let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-numbers-'));
});
test.afterEach(async () => {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

/** Two segments (Girona 150, Lleida 100 contacts) to one destination, ten contacts a request. */
async function twoSegmentJob(services: HostServices, rate: number) {
  const girona = await writeSegmentFile(folder, 'clients-girona.csv', 150);
  const lleida = await writeSegmentFile(folder, 'clients-lleida.csv', 100, {
    domain: 'lleida.cat',
  });
  const segmentIds = [await importSegment(services, girona), await importSegment(services, lleida)];
  const destination = await addEmulatorDestination(services, emulator, {
    displayName: 'Autopilot Catalunya',
    requestsPerSecond: rate,
  });
  return createExportJob(services, {
    segmentIds,
    listName: (index) => ['Girona', 'Lleida'][index] ?? 'Other',
    destination,
    settings: { batchSize: 10 },
  });
}

interface ScreenNumbers {
  readonly overall: number;
  readonly overallMax: number;
  readonly segments: number[];
  readonly segmentMax: number[];
  readonly sent: number;
  readonly delivered: number;
  readonly failed: number;
  readonly onTheWay: number | null;
  readonly state: string;
}

/** The little of the page's DOM read here (the end-to-end tier is type-checked without DOM types). */
interface PageElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** Every number on the screen read in one go, so they are of the same moment. */
function readNumbers(page: Page): Promise<ScreenNumbers> {
  return page.evaluate(() => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const value = (selector: string) => {
      const text = document.querySelector(selector)?.textContent;
      return text ? Number(text.replace(/\D/g, '')) : null;
    };
    const bars = [...document.querySelectorAll('.history-segments [role="progressbar"]')];
    const overall = document.querySelector('[role="progressbar"][aria-label="Overall progress"]');
    return {
      overall: Number(overall?.getAttribute('aria-valuenow')),
      overallMax: Number(overall?.getAttribute('aria-valuemax')),
      segments: bars.map((bar) => Number(bar.getAttribute('aria-valuenow'))),
      segmentMax: bars.map((bar) => Number(bar.getAttribute('aria-valuemax'))),
      sent: value('[data-count="sent"] dd') ?? -1,
      delivered: value('[data-count="succeeded"] dd') ?? -1,
      failed: value('[data-count="failed"] dd') ?? -1,
      onTheWay: value('[data-count="on-the-way"] dd'),
      state: document.querySelector('.history-state')?.getAttribute('data-state') ?? '',
    };
  });
}

const stateLine = (page: Page) => page.locator('.history-state');
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

async function openJob(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('button', { name: /^Open the export of “clients-girona”/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('clients-lleida');
}

test('during a throttled run the overall numbers are the sum of the segments, and Sent leaves out what is on the way', async ({
  page,
  app,
}) => {
  // The job asks for 8 requests a second; the emulator takes 3 and answers after 400 ms.
  emulator = await startEmulator({ rate: 3, burst: 2, latencyMs: 400 });
  const job = await twoSegmentJob(app.services, 8);
  await app.services.jobs.start(job.id);
  await openJob(page);

  const samples: ScreenNumbers[] = [];
  while (samples.length < 200) {
    const numbers = await readNumbers(page);
    // Read after the screen: what Autopilot holds only grows, so it is never less than Delivered.
    const held = emailsOnList(emulator, 'Girona').length + emailsOnList(emulator, 'Lleida').length;
    expect(numbers.delivered).toBeLessThanOrEqual(held);
    samples.push(numbers);
    if (['completed', 'completed_with_errors'].includes(numbers.state)) break;
    await page.waitForTimeout(50);
  }
  const live = samples.filter((numbers) => numbers.onTheWay !== null);
  expect(live.length).toBeGreaterThan(10);
  for (const numbers of samples) {
    expect(numbers.overallMax).toBe(250);
    expect(numbers.segmentMax).toEqual([150, 100]);
    expect(numbers.overall).toBe(sum(numbers.segments));
    expect(numbers.sent).toBe(numbers.overall);
    expect(numbers.sent).toBe(numbers.delivered + numbers.failed);
  }
  // Requests were seen on the way, counted apart: Sent plus on the way never passes the total.
  const busy = live.filter((numbers) => (numbers.onTheWay ?? 0) > 0);
  expect(busy.length).toBeGreaterThan(0);
  for (const numbers of busy) {
    expect(numbers.sent + (numbers.onTheWay ?? 0)).toBeLessThanOrEqual(250);
  }
  expect(emulator.counters.byStatus['429'] ?? 0).toBeGreaterThan(0);

  await expect(stateLine(page)).toHaveText('Done: every contact was delivered.', {
    timeout: 60_000,
  });
  const end = await readNumbers(page);
  expect(end).toMatchObject({ overall: 250, segments: [150, 100], sent: 250, delivered: 250 });
  expect(emailsOnList(emulator, 'Girona')).toHaveLength(150);
  expect(emailsOnList(emulator, 'Lleida')).toHaveLength(100);
  await deleteDestinations(app.services);
});

test('the pace is a plain sentence, and time left is a duration from the start', async ({
  page,
  app,
}) => {
  emulator = await startEmulator({ rate: 2, burst: 1, latencyMs: 200 });
  const job = await twoSegmentJob(app.services, 8);
  await app.services.jobs.start(job.id);
  await openJob(page);
  const pace = page.locator('[data-count="rate"] dd');
  await expect(pace).toHaveText(
    /^About [\d.,]+ contacts a second \(Autopilot takes up to [\d,]+ a second\)$/,
  );
  await expect(page.getByText(/requests\/s/)).toHaveCount(0);
  // Time left is a duration from the start (the pace allowed), not "Working it out…".
  await expect(page.locator('[data-count="time-left"] dd')).toHaveText(/\d+ (sec|min)/);

  await page.getByLabel('Language').selectOption('ca');
  await expect(pace).toHaveText(
    /^Uns [\d.,]+ contactes per segon \(Autopilot n'accepta fins a [\d.]+ per segon\)$/,
  );
  await expect(page.locator('[data-count="on-the-way"] dt')).toHaveText('En camí');
  await page.getByLabel('Idioma').selectOption('en');
  await app.services.jobs.cancel(job.id);
  await deleteDestinations(app.services);
});

/** "1 min 5 sec", "12 sec" (English short units) in seconds. */
function secondsOf(duration: string): number {
  const minutes = Number(/(\d+) min/.exec(duration)?.[1] ?? 0);
  const seconds = Number(/(\d+) sec/.exec(duration)?.[1] ?? 0);
  return minutes * 60 + seconds;
}

test('while Autopilot makes us wait, time left holds the wait', async ({ page, app }) => {
  // One request every 5 s: after the first, each is answered 429 with "Retry-After: 5".
  emulator = await startEmulator({ rate: 0.2, burst: 1 });
  const job = await twoSegmentJob(app.services, 8);
  await app.services.jobs.start(job.id);
  await openJob(page);
  await expect(stateLine(page)).toHaveText(/^Autopilot asked us to slow down; retrying in \d+ s$/);
  const read = () =>
    page.evaluate(() => {
      const document = (globalThis as unknown as { document: PageDocument }).document;
      return {
        state: document.querySelector('.history-state')?.textContent ?? '',
        timeLeft: document.querySelector('[data-count="time-left"] dd')?.textContent ?? '',
      };
    });
  const { state, timeLeft } = await read();
  const waiting = Number(/retrying in (\d+) s/.exec(state)?.[1] ?? 'NaN');
  expect(waiting).toBeGreaterThan(0);
  // The rest (240 contacts and more) cannot go before the wait is over: time left says more.
  expect(secondsOf(timeLeft)).toBeGreaterThanOrEqual(waiting);
  expect(emulator.counters.byStatus['429'] ?? 0).toBeGreaterThan(0);
  await app.services.jobs.cancel(job.id);
  await deleteDestinations(app.services);
});

test('a cancelled export shows how many contacts were never sent, in English and Catalan', async ({
  page,
  app,
}) => {
  emulator = await startEmulator({ rate: 20 });
  const job = await twoSegmentJob(app.services, 3);
  await app.services.jobs.start(job.id);
  await openJob(page);
  await expect(page.locator('[data-count="succeeded"] dd')).not.toHaveText('0');

  await page.getByRole('button', { name: 'Cancel export' }).click();
  await page
    .getByRole('alertdialog', { name: 'Cancel this export?' })
    .getByRole('button', { name: 'Cancel export' })
    .click();
  await expect(stateLine(page)).toHaveText(/^Cancelled: \d+ contacts were never sent\./);
  const end = await readNumbers(page);
  const delivered =
    emailsOnList(emulator, 'Girona').length + emailsOnList(emulator, 'Lleida').length;
  expect(end.delivered).toBe(delivered);
  expect(end.overall).toBe(sum(end.segments));
  const neverSent = 250 - end.sent;
  expect(neverSent).toBeGreaterThan(0);
  await expect(stateLine(page)).toHaveText(
    `Cancelled: ${neverSent} contacts were never sent. The report lists them.`,
  );
  await expect(page.locator('[data-summary="unsent"]')).toHaveText(`Never sent${neverSent}`);

  await page.getByLabel('Language').selectOption('ca');
  await expect(stateLine(page)).toHaveText(
    `Cancel·lada: ${neverSent} contactes no es van enviar mai. L'informe els detalla.`,
  );
  await expect(page.locator('[data-summary="unsent"]')).toHaveText(`No enviats mai${neverSent}`);
  await page.getByLabel('Idioma').selectOption('en');

  await page.getByRole('button', { name: /All exports/ }).click();
  await expect(
    page.getByRole('list', { name: 'Past exports' }).locator('[data-outcome]'),
  ).toHaveText(`Cancelled: ${neverSent} contacts were never sent. The report lists them.`);
  await deleteDestinations(app.services);
});
