import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobFile, readJobManifest, writeJobManifest } from '../../core/jobs/job-store';
import { createHostServices, type HostServices } from '../../electron/services/host-services';
import type { HostEnvironment } from '../../electron/services/host-environment';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { IpcEventChannel } from '../../shared/ipc/contract';
import type { JobFinishedEvent, JobProgressEvent } from '../../shared/model/jobs';
import { contactAddress, emailsOnList, setUpEmulatorJob } from '../support/jobs-service-fixtures';
import { useTempFolder } from '../support/temp-folder';

// The jobs service over real parts: the importer's snapshots, the engine, job files on disk, the
// OS keychain (run inside a D-Bus session with an unlocked keyring, as .ci/run does) and the local
// Autopilot emulator over HTTP. Tests wait on the service's own events, never on sleeps.

interface Emitted {
  readonly channel: IpcEventChannel;
  readonly payload: unknown;
}

/** Events main sends to the window, and a way to wait for the next one that matches. */
function eventLog() {
  const events: Emitted[] = [];
  const waiters: { test: (event: Emitted) => boolean; resolve: (event: Emitted) => void }[] = [];
  return {
    events,
    sink: {
      emit(channel: IpcEventChannel, payload: unknown) {
        const event = { channel, payload };
        events.push(event);
        for (const waiter of [...waiters]) {
          if (!waiter.test(event)) continue;
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      },
    },
    /** The first matching event from now on. */
    next<T>(channel: IpcEventChannel, test: (payload: T) => boolean = () => true): Promise<T> {
      return new Promise<T>((resolve) => {
        waiters.push({
          test: (event) => event.channel === channel && test(event.payload as T),
          resolve: (event) => resolve(event.payload as T),
        });
      });
    },
  };
}

const keychainService = `segment-courier-jobs-test-${randomUUID()}`;
const folder = useTempFolder('courier-jobs-');
let dataFolder: string;
let emulator: RunningEmulator;
let opened: HostServices[] = [];

beforeEach(async () => {
  dataFolder = path.join(folder(), 'data');
  await mkdir(dataFolder, { recursive: true });
  emulator = await startEmulator();
  opened = [];
});
afterEach(async () => {
  for (const services of opened) {
    for (const destination of await services.destinations.list().catch(() => [])) {
      await services.destinations.delete(destination.id).catch(() => undefined);
    }
    await services.dispose();
  }
  await emulator.close();
});

function hostWith(log: ReturnType<typeof eventLog>, extra: Partial<HostEnvironment> = {}) {
  const environment: HostEnvironment = {
    appName: 'Segment Courier',
    appVersion: '0.0.0-test',
    platform: process.platform,
    dataFolder,
    keychainService,
    events: log.sink as HostEnvironment['events'],
    ...extra,
  };
  return createHostServices(environment).then((services) => {
    opened.push(services);
    return services;
  });
}

const expectedEmails = (count: number) =>
  Array.from({ length: count }, (_, index) => contactAddress(index)).sort();

describe('jobs service: running exports in the background', () => {
  it('starts a job, forwards its progress, tells its end, keeps the computer awake meanwhile', async () => {
    const log = eventLog();
    const awake: string[] = [];
    const notices: string[] = [];
    const services = await hostWith(log, {
      keepAwake: () => {
        awake.push('on');
        return () => awake.push('off');
      },
      notify: (title, body) => notices.push(`${title} | ${body}`),
    });
    const { job } = await setUpEmulatorJob(services, emulator, folder(), {
      place: 'Girona',
      contacts: 120,
      rate: 50,
      invalidRow: true,
    });

    const finished = log.next<JobFinishedEvent>('jobs:finished', (event) => event.jobId === job.id);
    await services.jobs.start(job.id);
    // start() answered once the run was going: it holds the job and has said so.
    expect(services.jobs.runningCount()).toBe(1);
    expect(awake).toEqual(['on']);
    expect((await services.jobs.get(job.id)).running).toBe(true);

    const end = await finished;
    expect(end).toMatchObject({ status: 'completed', stop: null });
    expect(end.counts).toMatchObject({ valid: 120, invalid: 1, succeeded: 120, failed: 0 });
    expect(awake).toEqual(['on', 'off']);
    expect(notices).toEqual([
      'Export finished | “clients-girona”: all 120 contacts were delivered.',
    ]);

    const progress = log.events
      .filter((event) => event.channel === 'jobs:progress')
      .map((event) => event.payload as JobProgressEvent);
    expect(progress[0]).toMatchObject({ jobId: job.id, state: 'starting', total: 120 });
    expect(progress.at(-1)).toMatchObject({ state: 'completed', succeeded: 120, total: 120 });
    expect(emailsOnList(emulator, 'Girona')).toEqual(expectedEmails(120));

    const detail = await services.jobs.get(job.id);
    expect(detail).toMatchObject({ status: 'completed', running: false, resumable: false });
    expect(detail.segments).toEqual([
      expect.objectContaining({ name: 'clients-girona', listName: 'Girona', valid: 120 }),
    ]);
    expect(detail.segments[0]).toMatchObject({ succeeded: 120, failed: 0, invalid: 1 });
    expect(detail.consent).toMatchObject({ osUser: 'marta', profiles: 120, rows: 121 });
    expect(detail.progress?.state).toBe('completed');
  });

  it('pauses after the requests on the way and resumes with the rest, each contact delivered', async () => {
    const log = eventLog();
    const notices: string[] = [];
    const services = await hostWith(log, { notify: (title) => notices.push(title) });
    const { job } = await setUpEmulatorJob(services, emulator, folder(), {
      place: 'Girona',
      contacts: 300,
      rate: 5,
    });

    const someSent = log.next<JobProgressEvent>('jobs:progress', (event) => event.succeeded > 0);
    await services.jobs.start(job.id);
    await someSent;
    const paused = log.next<JobFinishedEvent>('jobs:finished');
    await services.jobs.pause(job.id);
    const pause = await paused;
    expect(pause.status).toBe('paused');
    expect(pause.stop).toMatchObject({ kind: 'user' });
    expect(pause.counts.succeeded).toBeGreaterThan(0);
    expect(pause.counts.succeeded).toBeLessThan(300);
    expect(notices).toEqual([]); // the person paused it: no notification
    expect((await services.jobs.resumable()).map((item) => item.id)).toEqual([job.id]);
    await expect(services.jobs.pause(job.id)).rejects.toMatchObject({ code: 'job-not-running' });

    const done = log.next<JobFinishedEvent>('jobs:finished');
    await services.jobs.start(job.id);
    expect((await done).status).toBe('completed');
    expect(emailsOnList(emulator, 'Girona')).toEqual(expectedEmails(300));
    const sent = emulator.requests.filter((request) => request.path === '/contacts');
    // Batches of 10; at most the four on the way when pausing went twice.
    expect(sent.reduce((sum, request) => sum + request.contactCount, 0)).toBeLessThanOrEqual(340);
    expect(await services.jobs.resumable()).toEqual([]);
  });

  it('stops cleanly on quitting; services created anew over the folder offer it and finish it', async () => {
    const first = await hostWith(eventLog());
    const log = eventLog();
    const { job } = await setUpEmulatorJob(first, emulator, folder(), {
      place: 'Girona',
      contacts: 300,
      rate: 5,
    });
    await first.jobs.start(job.id);
    await emulator.waitForRequests(6);
    await first.dispose();
    expect((await readJobManifest(dataFolder, job.id)).status).toBe('paused');
    const before = emailsOnList(emulator, 'Girona').length;
    expect(before).toBeLessThan(300);

    const second = await hostWith(log);
    const resumable = await second.jobs.resumable();
    expect(resumable.map((item) => item.id)).toEqual([job.id]);
    expect(resumable[0]?.stop).toMatchObject({ kind: 'signal' });
    const done = log.next<JobFinishedEvent>('jobs:finished');
    await second.jobs.start(job.id);
    expect((await done).counts).toMatchObject({ succeeded: 300, failed: 0 });
    expect(emailsOnList(emulator, 'Girona')).toEqual(expectedEmails(300));
  });

  it('offers a job cut short by a crash (it still says running; its process is gone) and finishes it', async () => {
    const first = await hostWith(eventLog());
    const { job } = await setUpEmulatorJob(first, emulator, folder(), {
      place: 'Girona',
      contacts: 200,
      rate: 5,
    });
    await first.jobs.start(job.id);
    await emulator.waitForRequests(5);
    await first.dispose();
    // What a crash leaves: the manifest still says "running", the lock names a process that died.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const manifest = await readJobManifest(dataFolder, job.id);
    await writeJobManifest(dataFolder, { ...manifest, status: 'running', stop: null });
    await writeFile(jobFile(dataFolder, job.id, 'lock'), String(dead));

    const log = eventLog();
    const second = await hostWith(log);
    const [offered] = await second.jobs.resumable();
    expect(offered).toMatchObject({
      id: job.id,
      interrupted: true,
      resumable: true,
      running: false,
    });
    const done = log.next<JobFinishedEvent>('jobs:finished');
    await second.jobs.start(job.id);
    expect((await done).status).toBe('completed');
    expect(emailsOnList(emulator, 'Girona')).toEqual(expectedEmails(200));
  });

  it('pauses a job whose key is not in the keychain before sending anything, saying so', async () => {
    const log = eventLog();
    const services = await hostWith(log);
    const { job, destination } = await setUpEmulatorJob(services, emulator, folder(), {
      place: 'Girona',
      contacts: 20,
      rate: 50,
    });
    await services.secrets.deleteKey(destination.id);

    const finished = log.next<JobFinishedEvent>('jobs:finished');
    await services.jobs.start(job.id);
    expect(await finished).toMatchObject({ status: 'paused', stop: { kind: 'missing-key' } });
    expect(log.events.find((event) => event.channel === 'jobs:progress')?.payload).toMatchObject({
      state: 'paused',
      total: 20,
    });
    expect(emulator.requests).toEqual([]);
    const [item] = await services.jobs.resumable();
    expect(item).toMatchObject({ id: job.id, resumable: true, stop: { kind: 'missing-key' } });
    expect(services.jobs.runningCount()).toBe(0);
  });

  it('refuses what cannot be done with a plain reason', async () => {
    const services = await hostWith(eventLog());
    await expect(services.jobs.get('20990101-000000-abcdef')).rejects.toMatchObject({
      code: 'job-not-found',
    });
    const { job } = await setUpEmulatorJob(services, emulator, folder(), {
      place: 'Girona',
      contacts: 10,
      rate: 50,
    });
    await expect(services.jobs.retryFailed(job.id)).rejects.toMatchObject({
      code: 'job-not-finished',
    });
    await expect(services.jobs.saveReport(job.id)).rejects.toMatchObject({
      code: 'job-save-unavailable',
    });
  });
});

describe('jobs service: faults, the report and retrying failed rows', () => {
  it('reports given-up and refused rows, saves the report, and retries only the given-up ones', async () => {
    const log = eventLog();
    const saveAs = path.join(folder(), 'saved report.csv');
    const services = await hostWith(log, { saveFile: async () => saveAs });
    // The refused row sits in the first batch, and the faults are scheduled only once it has been
    // isolated: a fault on one of the split requests would turn it into a given-up row instead.
    const refusedAddress = contactAddress(3);
    emulator.configure({ invalidEmails: [refusedAddress] });
    const { job } = await setUpEmulatorJob(services, emulator, folder(), {
      place: 'Girona',
      contacts: 300,
      maxAttempts: 1,
      rate: 10,
      invalidRow: true,
    });

    const refusedIsolated = log.next<JobProgressEvent>(
      'jobs:progress',
      (event) => event.succeeded > 0 && event.failed > 0,
    );
    const finished = log.next<JobFinishedEvent>('jobs:finished');
    await services.jobs.start(job.id);
    await refusedIsolated;
    // From now on two upserts fail with a 503; with one try allowed, their rows are given up.
    const arrived = emulator.requests.length;
    emulator.configure({ faultSchedule: { [arrived + 2]: '503', [arrived + 4]: '503' } });
    const end = await finished;
    expect(end.status).toBe('completed_with_errors');
    expect(end.counts.refused).toBe(1);
    expect(end.counts.givenUp).toBeGreaterThan(0);
    expect(end.counts.succeeded + end.counts.failed).toBe(300);

    const detail = await services.jobs.get(job.id);
    expect(detail.retry).toEqual({
      available: true,
      retryable: end.counts.givenUp,
      refused: 1,
      retriedBy: null,
    });
    const saved = await services.jobs.saveReport(job.id);
    expect(saved).toEqual({
      saved: true,
      fileName: 'saved report.csv',
      rows: 1 + 1 + end.counts.givenUp,
    });
    const report = await readFile(saveAs, 'utf8');
    expect(report).toContain('not-an-address');
    expect(report).toContain(`${refusedAddress},refused`);
    expect(report.match(/given up/g)).toHaveLength(end.counts.givenUp);

    emulator.configure({ faultSchedule: {} });
    const retried = log.next<JobFinishedEvent>('jobs:finished');
    const retry = await services.jobs.retryFailed(job.id);
    expect(retry.contacts).toBe(end.counts.givenUp);
    expect(await retried).toMatchObject({
      jobId: retry.jobId,
      status: 'completed',
      counts: { valid: end.counts.givenUp, succeeded: end.counts.givenUp },
    });
    const everyoneButRefused = expectedEmails(300).filter((email) => email !== refusedAddress);
    expect(emailsOnList(emulator, 'Girona')).toEqual(everyoneButRefused);
    expect((await services.jobs.get(retry.jobId)).retryOf).toBe(job.id);
    const original = await services.jobs.get(job.id);
    expect(original.retry).toMatchObject({ available: false, retriedBy: retry.jobId });
    // The original reads as completed by its retry (issue 17, item 5), in its detail and the list.
    const byRetry = { jobId: retry.jobId, status: 'completed', delivered: end.counts.givenUp };
    expect(original.deliveredByRetry).toMatchObject(byRetry);
    const listed = (await services.jobs.list()).find((listedJob) => listedJob.id === job.id);
    expect(listed?.deliveredByRetry).toEqual(original.deliveredByRetry);
    await expect(services.jobs.retryFailed(retry.jobId)).rejects.toMatchObject({
      code: 'job-nothing-to-retry',
    });
  });

  it('cancels a running job: what was sent stays, the rest is reported', async () => {
    const log = eventLog();
    const services = await hostWith(log);
    const { job } = await setUpEmulatorJob(services, emulator, folder(), {
      place: 'Girona',
      contacts: 300,
      rate: 5,
    });
    const someSent = log.next<JobProgressEvent>('jobs:progress', (event) => event.succeeded > 0);
    await services.jobs.start(job.id);
    await someSent;
    const finished = log.next<JobFinishedEvent>('jobs:finished');
    await services.jobs.cancel(job.id);
    const end = await finished;
    expect(end).toMatchObject({ status: 'cancelled', stop: { kind: 'cancel' } });
    expect(end.counts.succeeded).toBe(emailsOnList(emulator, 'Girona').length);
    // What was never sent is counted (issue 17, item 5): every contact is sent or never sent.
    expect(end.counts.unsent).toBeGreaterThan(0);
    expect(end.counts.sent + end.counts.unsent).toBe(300);
    const detail = await services.jobs.get(job.id);
    expect(detail).toMatchObject({ resumable: false, reportAvailable: true });
    await expect(services.jobs.start(job.id)).rejects.toMatchObject({ code: 'job-finished' });
  });
});
