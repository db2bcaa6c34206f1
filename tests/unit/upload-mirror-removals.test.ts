import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DestinationError } from '../../core/destination-port/destination';
import type { ListRemoval } from '../../core/destination-port/list-removal';
import { JournalWriter } from '../../core/jobs/journal';
import type { RemovalRecord } from '../../core/jobs/sync-records';
import { groupRemover, removeLeavers } from '../../core/upload/mirror-removals';
import { NetworkGate } from '../../core/upload/network-gate';
import { Pacer } from '../../core/upload/pacer';
import { RateController } from '../../core/upload/rate-controller';
import { RunControl } from '../../core/upload/run-control';
import type { SyncJournal } from '../../core/sync/sync-journal';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination } from '../support/upload-fake-destination';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const leavers = Array.from({ length: 250 }, (_, at) => `leaver${at}@example.com`);

async function removeWith(removal: ListRemoval, syncJournal: SyncJournal) {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-mirror-'));
  folders.push(dataFolder);
  const clock = new FakeClock();
  const journalFile = path.join(dataFolder, 'journal.jsonl');
  const journal = await JournalWriter.open(journalFile);
  const pacer = new Pacer({
    rate: new RateController({ maxRate: 100, clock, random: () => 0.5 }),
    gate: new NetworkGate({ destination: createFakeDestination(clock), clock }),
    clock,
    random: () => 0.5,
    maxAttempts: 2,
    control: new RunControl(clock, 1_000),
  });
  await clock.run(
    removeLeavers({
      pacer,
      remover: groupRemover(removal),
      journal,
      syncJournal,
      segment: 0,
      listId: 'Customers',
      leavers,
      ledger: { dataFolder, endpoint: 'http://127.0.0.1:1/v1', listId: 'Customers' },
      jobId: 'job-1',
      concurrency: 4,
    }),
  );
  await journal.close();
  const lines = (await readFile(journalFile, 'utf8')).trim().split('\n');
  return lines.map((line) => JSON.parse(line) as { t: string; seq: number } & RemovalRecord);
}

function recordingRemoval(fail?: (emails: readonly string[]) => boolean) {
  const calls: (readonly string[])[] = [];
  const removal: ListRemoval = {
    groupSize: 100,
    async remove(_listId, emails) {
      calls.push(emails);
      if (fail?.(emails)) throw new DestinationError('invalid-request', 'refused');
    },
  };
  return { calls, removal };
}

const emptyJournal = (): SyncJournal => ({
  removals: new Map(),
  begun: new Map(),
  listed: new Map(),
});

describe('mirror removals a group per request (Ortto)', () => {
  it('sends one request per group of 100, each journaled before and after', async () => {
    const { calls, removal } = recordingRemoval();
    const records = await removeWith(removal, emptyJournal());
    expect(calls.map((emails) => emails.length)).toEqual([100, 100, 50]);
    expect(records.map((record) => `${record.t}:${record.seq}`)).toEqual([
      'removing:0',
      'removal:0',
      'removing:1',
      'removal:1',
      'removing:2',
      'removal:2',
    ]);
    expect(records[1]).toMatchObject({ removed: leavers.slice(0, 100), failed: [], requests: 1 });
  });

  it('skips groups already done and simply sends a half-done group again', async () => {
    const { calls, removal } = recordingRemoval();
    const journal = emptyJournal();
    const done: RemovalRecord = {
      t: 'removal',
      at: 0,
      seg: 0,
      seq: 0,
      removed: leavers.slice(0, 100),
      failed: [],
      requests: 1,
      rateLimited: 0,
      retries: 0,
    };
    journal.removals.set(0, new Map([[0, done]]));
    journal.begun.set(0, new Set([0, 1]));
    await removeWith(removal, journal);
    expect(calls).toEqual([leavers.slice(100, 200), leavers.slice(200)]);
  });

  it("reports a refused group's people as not removed, with the reason, and goes on", async () => {
    const { calls, removal } = recordingRemoval((emails) => emails.includes(leavers[0] as string));
    const records = await removeWith(removal, emptyJournal());
    expect(calls).toHaveLength(3);
    const first = records.find((record) => record.t === 'removal' && record.seq === 0);
    expect(first?.removed).toEqual([]);
    expect(first?.failed).toHaveLength(100);
    expect(first?.failed[0]).toEqual({ email: leavers[0], reason: 'refused' });
  });
});
