// Issue 12, item 10: repeated failures pause the export instead of grinding. A server that fails
// every upsert (500s, or 200s that confirm nothing) pauses the job for repeated failures, with no
// row given up, and a resume sends those rows; a brief blip still recovers by itself. The engine
// runs on simulated time (VirtualClock) against the real emulator; the command line in real time.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopMessage } from '../../core/upload/run-tally';
import type { JobProgress } from '../../core/upload/progress';
import { seededRandom } from '../../emulator/faults';
import { startEmulator, type FaultKind, type RunningEmulator } from '../../emulator/server';
import { bundleCli, spawnCli } from '../../bench/upload/cli-bundle';
import { createEngineJob, type EngineJob } from '../../bench/upload/engine-harness';
import { VirtualClock } from '../../bench/upload/virtual-clock';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const running = await startEmulator(options);
  cleanups.push(() => running.close());
  return running;
}

async function engineJob(contacts: number): Promise<EngineJob> {
  const job = await createEngineJob({ contacts, rate: 5 });
  cleanups.push(() => job.cleanup());
  return job;
}

function simulatedRun(
  server: RunningEmulator,
  job: EngineJob,
  clock: VirtualClock,
  onProgress?: (progress: JobProgress) => void,
) {
  const run = job.run({
    endpoint: server.url,
    apiKey: server.apiKey,
    fetch: clock.fetch,
    onProgress,
    extra: { clock, random: seededRandom(11) },
  });
  return clock.run(run.done, 600_000);
}

function everyUpsertFails(kind: FaultKind) {
  return { faultRate: 1, faultKinds: [kind], faultRoutes: ['POST /contacts'] };
}

describe('the upload engine when batch after batch fails', () => {
  it.each([
    ['500', 'Autopilot had a temporary problem (error 500).'],
    ['not-json', "Autopilot sent an answer we couldn't read."],
    ['empty', "Autopilot's answer confirmed 0 of the 100 contacts sent"],
  ] as const)(
    'every upsert answered %s: paused within 30 s, nothing given up, and the resume sends it all',
    async (kind, lastAnswer) => {
      const server = await emulator(everyUpsertFails(kind));
      const job = await engineJob(2_000);
      const clock = new VirtualClock();
      const started = clock.now();
      const events: JobProgress[] = [];
      const paused = await simulatedRun(server, job, clock, (progress) => events.push(progress));

      expect(paused.status).toBe('paused');
      expect(paused.stop?.reason).toBe('repeated-faults');
      expect(paused.stop?.message).toContain('Paused after repeated failures.');
      expect(paused.stop?.message).toContain(lastAnswer);
      expect(paused.stop?.message).not.toContain('Trying again usually works');
      expect(Date.parse(paused.stop?.at ?? '') - started).toBeLessThanOrEqual(30_000);
      expect(paused.summary).toMatchObject({ succeeded: 0, failed: 0, givenUp: 0 });
      expect(paused.reportFile).toBeNull();
      expect(events.at(-1)).toMatchObject({ state: 'paused', message: paused.stop?.message });
      // Bounded: a few tries per batch in flight, not 8 tries for each of the 20 batches.
      const failedUpserts = server.requests.filter((request) => request.path === '/contacts');
      expect(failedUpserts.length).toBeLessThan(40);

      server.configure({ faultRate: 0 });
      const resumed = await simulatedRun(server, job, clock);
      expect(resumed.status).toBe('completed');
      expect(resumed.summary).toMatchObject({ succeeded: 2_000, failed: 0 });
      expect(server.contactsInList('Customers')).toHaveLength(2_000);
    },
  );

  it('every request answered 500, the list lookup too: paused (not failed), then resumed', async () => {
    const server = await emulator({ faultRate: 1, faultKinds: ['500'] });
    const job = await engineJob(300);
    const paused = await simulatedRun(server, job, new VirtualClock());
    expect(paused.status).toBe('paused');
    expect(paused.stop?.reason).toBe('repeated-faults');
    expect(paused.stop?.message).toContain('Autopilot had a temporary problem (error 500).');
    expect(server.requests.every((request) => request.path === '/lists')).toBe(true);
    server.configure({ faultRate: 0 });
    const resumed = await simulatedRun(server, job, new VirtualClock());
    expect(resumed.status).toBe('completed');
    expect(server.contactsInList('Customers')).toHaveLength(300);
  });

  it('a brief blip (a few 500s in a row) recovers by itself without pausing', async () => {
    // Requests 1 and 2 find and create the list; the next 8 upserts (two rounds of the four
    // senders) fail, then the server is well again.
    const schedule = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [index + 3, '500' as const]),
    );
    const server = await emulator({ faultSchedule: schedule });
    const job = await engineJob(1_000);
    const result = await simulatedRun(server, job, new VirtualClock());
    expect(server.counters.byStatus['500']).toBe(8);
    expect(result.status).toBe('completed');
    expect(result.stop).toBeNull();
    expect(result.summary).toMatchObject({ succeeded: 1_000, failed: 0 });
    expect(server.contactsInList('Customers')).toHaveLength(1_000);
  });

  it('the sentence of the pause names the last answer and how to go on', () => {
    expect(
      stopMessage(
        'repeated-faults',
        'Autopilot had a temporary problem (error 502). Trying again usually works.',
      ),
    ).toBe(
      'Paused after repeated failures. The last answer: Autopilot had a temporary problem (error 502). Nothing is lost: resume the export later to send the rest.',
    );
  });
});

describe('npm run cli -- push against a server that fails every upsert', () => {
  beforeAll(async () => {
    await bundleCli();
  }, 60_000);

  it('exits 3 with the job paused, and resume sends the rows once the server is well', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-repeated-faults-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const dataFolder = path.join(folder, 'data');
    const file = path.join(folder, 'Outage.csv');
    const rows = Array.from({ length: 500 }, (_, index) => `person.${index}@example.com,P${index}`);
    await writeFile(file, `Email,FirstName\n${rows.join('\n')}\n`, 'utf8');
    const server = await emulator(everyUpsertFails('500'));
    const cli = async (args: string[]) => {
      const child = await spawnCli([...args, '--data-dir', dataFolder], {
        HOME: folder,
        AUTOPILOT_API_KEY: server.apiKey,
      });
      const exit = await child.exited;
      return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
    };

    const push = await cli([
      ...['push', file, '--list', 'Outage', '--endpoint', server.url],
      ...['--consent', '--json', '--rate', '20'],
    ]);
    expect(push.code, push.stderr).toBe(3);
    const paused = JSON.parse(push.stdout) as Record<string, unknown>;
    expect(paused).toMatchObject({ status: 'paused', succeeded: 0, failed: 0, givenUp: 0 });
    expect(String(paused.message)).toContain('Paused after repeated failures.');

    server.configure({ faultRate: 0 });
    const resumed = await cli(['resume', String(paused.jobId), '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'completed', succeeded: 500 });
    expect(server.contactsInList('Outage')).toHaveLength(500);
  }, 90_000);
});
