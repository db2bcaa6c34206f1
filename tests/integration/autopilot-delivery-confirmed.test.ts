// Issue 12, item 5: a 2xx is not a delivery until it says so. A bulk upsert counts only when its
// answer names one contact id per contact sent; a short or empty answer, or a 200 that is not
// JSON, is a fault: retried, then reported. Real engine, real emulator over HTTP, real files.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import { DestinationError } from '../../core/destination-port/destination';
import { startEmulator, type FaultKind, type RunningEmulator } from '../../emulator/server';
import { createEngineJob, type EngineJob } from '../../bench/upload/engine-harness';
import { contactEmail } from '../../bench/upload/snapshot-fixtures';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const running = await startEmulator(options);
  cleanups.push(() => running.close());
  return running;
}

async function engineJob(options: Parameters<typeof createEngineJob>[0]): Promise<EngineJob> {
  const job = await createEngineJob(options);
  cleanups.push(() => job.cleanup());
  return job;
}

/** Emails of the generated contacts that the emulator really has on the list. */
function missingFromList(server: RunningEmulator, count: number): string[] {
  const members = new Set(
    server.contactsInList('Customers').map((contact) => String(contact.Email).toLowerCase()),
  );
  return Array.from({ length: count }, (_, index) => contactEmail(index)).filter(
    (email) => !members.has(email),
  );
}

const contacts = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ Email: `c${index}@example.com` }));

async function rejection(promise: Promise<unknown>): Promise<DestinationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DestinationError);
  return error as DestinationError;
}

describe('the client does not take a 2xx for a delivery', () => {
  it.each([
    ['short', "Autopilot's answer confirmed 2 of the 5 contacts sent"],
    ['empty', "Autopilot's answer confirmed 0 of the 5 contacts sent"],
    ['not-json', "Autopilot sent an answer we couldn't read."],
  ] as const)('a %s 200 to POST /contacts is a transient fault', async (fault, message) => {
    const server = await emulator({ faultSchedule: { 1: fault as FaultKind } });
    const client = new AutopilotClient({ baseUrl: server.url, apiKey: server.apiKey });
    const error = await rejection(client.upsertContacts(contacts(5)));
    expect(error.kind).toBe('transient');
    expect(error.message).toContain(message);
    // The same request again, answered in full, is a delivery with one id per contact.
    expect(await client.upsertContacts(contacts(5))).toHaveLength(5);
  });
});

describe('the upload engine retries an answer that confirms less than it was sent', () => {
  it('short answers: retried until every contact is confirmed, and every one is on the list', async () => {
    // Requests 1 and 2 find and create the list; then three upserts are answered short.
    const server = await emulator({ faultSchedule: { 3: 'short', 5: 'short', 8: 'short' } });
    const job = await engineJob({ contacts: 600, rate: 50 });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({ succeeded: 600, failed: 0 });
    expect(result.summary.retries).toBeGreaterThanOrEqual(3);
    expect(missingFromList(server, 600)).toEqual([]);
  });

  it('a non-JSON 200 is retried, and the contacts it did not store are sent again', async () => {
    const server = await emulator({ faultSchedule: { 3: 'not-json', 4: 'empty' } });
    const job = await engineJob({ contacts: 400, rate: 50 });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({ succeeded: 400, failed: 0 });
    expect(missingFromList(server, 400)).toEqual([]);
  });

  it('answers that never confirm: the rows are given up after their tries and reported, not counted', async () => {
    const server = await emulator({
      faultRate: 1,
      faultKinds: ['empty'],
      faultRoutes: ['POST /contacts'],
    });
    const job = await engineJob({ contacts: 150, rate: 50, settings: { maxAttempts: 2 } });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed_with_errors');
    expect(result.summary).toMatchObject({ succeeded: 0, givenUp: 150, failed: 150 });
    expect(server.contactsInList('Customers')).toEqual([]);
    const report = await readFile(result.reportFile ?? '', 'utf8');
    expect(report).toContain(
      `${contactEmail(0)},given up,"Not delivered after 2 tries. Autopilot's answer confirmed 0 of the 100 contacts sent, so they do not count as delivered yet.`,
    );
    expect(report).toContain(`${contactEmail(149)},given up,`);
  });
});
