// Issue 12, item 6: redirects are failures. The Autopilot emulator answers with a redirect to a
// second local server, which would receive the key and the contacts if the client followed it; it
// must receive nothing at all. Every request the client makes is checked, then the upload engine
// and the key check that Connect and the command line use.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import { autopilotMessages } from '../../core/autopilot/autopilot-errors';
import { createAutopilotDestination } from '../../core/autopilot/autopilot-destination';
import { DestinationError } from '../../core/destination-port/destination';
import { checkConnection } from '../../core/destinations/check-connection';
import { startEmulator, type FaultKind, type RunningEmulator } from '../../emulator/server';
import { spawnCli } from '../../bench/upload/cli-bundle';
import { createEngineJob } from '../../bench/upload/engine-harness';
import { contactEmail } from '../../bench/upload/snapshot-fixtures';

const redirects = ['301', '302', '307', '308'] as const satisfies readonly FaultKind[];

let trap: RunningEmulator;
let server: RunningEmulator;

beforeEach(async () => {
  // The other server accepts the same key, so a followed redirect would look like a success.
  trap = await startEmulator({});
  server = await startEmulator({ redirectTo: trap.url });
});

afterEach(async () => {
  await server.close();
  await trap.close();
});

/** Every request the client can make, by name. */
function everyCall(client: AutopilotClient): Record<string, () => Promise<unknown>> {
  return {
    checkKey: () => client.checkKey(),
    listLists: () => client.listLists(),
    createList: () => client.createList('Spring'),
    findOrCreateList: () => client.findOrCreateList('Spring'),
    getCustomFields: () => client.getCustomFields(),
    upsertContacts: () => client.upsertContacts([{ Email: 'a@example.com', FirstName: 'A' }]),
    upsertContact: () => client.upsertContact({ Email: 'b@example.com' }),
    getContact: () => client.getContact('a@example.com'),
    addContactToList: () => client.addContactToList('contactlist_X', 'a@example.com'),
    removeContactFromList: () => client.removeContactFromList('contactlist_X', 'a@example.com'),
    isContactOnList: () => client.isContactOnList('contactlist_X', 'a@example.com'),
    getListContacts: () => client.getListContacts('contactlist_X'),
    getAllContacts: () => client.getAllContacts(),
  };
}

async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe.each(redirects)('a %s redirect', (status) => {
  it('fails every client request with a plain sentence, and the other server gets nothing', async () => {
    server.configure({ faultRate: 1, faultKinds: [status] });
    const client = new AutopilotClient({ baseUrl: server.url, apiKey: server.apiKey });
    const calls = everyCall(client);
    for (const [name, call] of Object.entries(calls)) {
      const error = await failureOf(call);
      expect(error, name).toBeInstanceOf(DestinationError);
      expect(error, name).toMatchObject({
        kind: 'transient',
        status: Number(status),
        message: autopilotMessages.redirected(Number(status)),
      });
    }
    expect(server.requests.length).toBeGreaterThanOrEqual(Object.keys(calls).length);
    expect(trap.requests).toEqual([]);
    expect(trap.state.contacts.size).toBe(0);
  });

  it('is a wrong endpoint when the key is checked (Connect, the command line)', async () => {
    server.configure({ faultRate: 1, faultKinds: [status] });
    const destination = createAutopilotDestination({
      endpoint: server.url,
      apiKey: server.apiKey,
    });
    const error = await failureOf(() => destination.checkCredentials());
    expect(error).toMatchObject({
      kind: 'invalid-request',
      message: autopilotMessages.redirected(Number(status)),
    });
    const outcome = await checkConnection(destination, 'autopilot', {
      timeoutMs: 2_000,
      now: () => new Date(),
    });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'not-autopilot' });
    expect(trap.requests).toEqual([]);
  });
});

describe('the upload engine and redirects', () => {
  it('retries redirected upserts at the endpoint it was given; the other server gets nothing', async () => {
    // Requests 1 and 2 find and create the list; then one upsert meets each redirect.
    server.configure({ faultSchedule: { 3: '307', 4: '301', 5: '302', 6: '308' } });
    const job = await createEngineJob({ contacts: 600, rate: 50 });
    try {
      const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
      expect(result.status).toBe('completed');
      expect(result.summary).toMatchObject({ succeeded: 600, failed: 0 });
      expect(result.summary.retries).toBeGreaterThanOrEqual(4);
      expect(server.counters.byStatus).toMatchObject({ '301': 1, '302': 1, '307': 1, '308': 1 });
      const members = new Set(
        server.contactsInList('Customers').map((contact) => String(contact.Email).toLowerCase()),
      );
      expect(members.size).toBe(600);
      expect(members.has(contactEmail(599))).toBe(true);
      expect(trap.requests).toEqual([]);
    } finally {
      await job.cleanup();
    }
  });
});

describe('npm run cli -- push to an endpoint that redirects', () => {
  it('refuses before any job exists (exit 2, nothing sent), and the other server gets nothing', async () => {
    server.configure({ faultRate: 1, faultKinds: ['307'] });
    const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-redirect-'));
    try {
      const file = path.join(folder, 'VIP.csv');
      await writeFile(file, 'Email,FirstName\nana@example.com,Ana\nbo@example.com,Bo\n', 'utf8');
      const dataFolder = path.join(folder, 'data');
      const child = await spawnCli(
        [
          ...['push', file, '--list', 'VIP', '--endpoint', server.url, '--consent'],
          ...['--data-dir', dataFolder],
        ],
        { HOME: folder, AUTOPILOT_API_KEY: server.apiKey },
      );
      const exit = await child.exited;
      expect(exit.code, child.stderr()).toBe(2);
      expect(child.stderr()).toContain(autopilotMessages.redirected(307));
      expect(existsSync(path.join(dataFolder, 'jobs'))).toBe(false);
      expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'GET /lists',
      ]);
      expect(trap.requests).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
