/**
 * `sync-repush` (issue 13): a 100,000-contact segment pushed once, then pushed again unchanged
 * (target: 0 contacts sent; its time is reported as a ratio of the first push's) and again with 1%
 * of the contacts changed (target: contacts sent = the changes). The real engine, the real ledger
 * in a throw-away data folder, the local emulator without a rate limit and an engine rate of 200
 * requests per second, so the figures measure the sync and not the pacing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAutopilotDestination } from '../../core/autopilot/autopilot-destination';
import { buildConsentReceipt } from '../../core/jobs/consent';
import { createJob } from '../../core/jobs/create-job';
import { planExport } from '../../core/upload/export-plan';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { startUploadRun } from '../../core/upload/upload-run';
import { syncResolver } from '../../core/sync/plan-sync';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { Figure } from '../benchmark';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../upload/snapshot-fixtures';

const contacts = 100_000;
const changedEvery = 100;

interface Push {
  readonly ms: number;
  readonly sent: number;
  readonly requests: number;
}

function* rows(changed: boolean): Generator<string[]> {
  let index = 0;
  for (const row of generatedRows(contacts)) {
    if (changed && index % changedEvery === 0) row[2] = `Changed${index}`;
    index += 1;
    yield row;
  }
}

async function push(
  dataFolder: string,
  server: RunningEmulator,
  segmentId: string,
  changed: boolean,
): Promise<Push> {
  await writeSnapshot(dataFolder, {
    segmentId,
    name: 'Customers',
    columns: generatedColumns,
    rows: rows(changed),
  });
  const sentBefore = server.counters.contactsAccepted;
  const requestsBefore = server.counters.total;
  const started = performance.now();
  const destination = createAutopilotDestination({ endpoint: server.url, apiKey: server.apiKey });
  const jobDestination = { id: 'env', name: 'Bench', endpoint: server.url, rate: 200 };
  const syncFor = await syncResolver(destination, {
    dataFolder,
    endpoint: server.url,
    full: false,
  });
  const plan = await planExport(
    fileSnapshotAccess(dataFolder),
    [{ segmentId, listName: 'Customers', mapping: generatedMapping }],
    { syncFor },
  );
  const job = await createJob({
    dataFolder,
    segments: plan.segments,
    destination: jobDestination,
    consent: buildConsentReceipt({
      segments: plan.segments,
      destination: jobDestination,
      confirmedAt: new Date(),
      osUser: 'bench',
    }),
    sync: { full: false, mirror: false },
  });
  const result = await startUploadRun({
    dataFolder,
    jobId: job.id,
    snapshots: fileSnapshotAccess(dataFolder),
    destination,
  }).done;
  if (result.status !== 'completed') throw new Error(`The push ended ${result.status}.`);
  return {
    ms: performance.now() - started,
    sent: server.counters.contactsAccepted - sentBefore,
    requests: server.counters.total - requestsBefore,
  };
}

export async function measureRepush(): Promise<Figure[]> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-sync-bench-'));
  const server = await startEmulator({});
  try {
    const first = await push(dataFolder, server, 'week-1', false);
    const unchanged = await push(dataFolder, server, 'week-2', false);
    const changed = await push(dataFolder, server, 'week-3', true);
    const changes = contacts / changedEvery;
    return [
      { label: 'first push: contacts sent', value: first.sent, unit: `of ${contacts}` },
      { label: 'first push: time', value: first.ms / 1000, unit: 's' },
      { label: 'first push: requests', value: first.requests, unit: '' },
      { label: 'unchanged re-push: contacts sent', value: unchanged.sent, unit: '', max: 0 },
      { label: 'unchanged re-push: requests', value: unchanged.requests, unit: '' },
      {
        label: 'unchanged re-push: time / first push',
        value: unchanged.ms / first.ms,
        unit: 'ratio',
        max: 0.25,
      },
      {
        label: `1% changed: contacts sent (changes ${changes})`,
        value: changed.sent,
        unit: '',
        min: changes,
        max: changes,
      },
      { label: '1% changed: requests', value: changed.requests, unit: '' },
      { label: '1% changed: time / first push', value: changed.ms / first.ms, unit: 'ratio' },
    ];
  } finally {
    await server.close();
    await rm(dataFolder, { recursive: true, force: true });
  }
}
