/**
 * A stand-in for main on the History screen: jobs as main would describe them, every call
 * recorded, and progress and finished events a test can emit.
 */
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import { NavigationContext, type NavigationTarget } from '../../../renderer/src/app/navigation';
import { HistoryScreen } from '../../../renderer/src/features/history/history-screen';
import type { BridgeApi } from '../../../shared/ipc/bridge-api';
import type {
  JobDetail,
  JobFinishedEvent,
  JobListItem,
  JobProgressEvent,
} from '../../../shared/model/jobs';
import { renderWithApp } from './render-app';

export const ok = <T,>(value: T) => ({ ok: true as const, value });

export function item(overrides: Partial<JobListItem> = {}): JobListItem {
  return {
    id: '20260301-100000-abc123',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:05:00.000Z',
    status: 'running',
    running: true,
    interrupted: false,
    resumable: false,
    destination: {
      id: 'dest-1',
      name: 'Autopilot Girona',
      endpoint: 'https://api2.autopilothq.com/v1',
    },
    segments: [{ name: 'clients-girona', listName: 'Girona' }],
    counts: {
      rows: 301,
      valid: 300,
      invalid: 1,
      duplicates: 0,
      sent: 40,
      succeeded: 40,
      failed: 0,
      refused: 0,
      givenUp: 0,
      unsent: 260,
    },
    elapsedMs: 4_000,
    stop: null,
    retryOf: null,
    deliveredByRetry: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<JobDetail> = {}): JobDetail {
  return {
    ...item(),
    segments: [
      {
        name: 'clients-girona',
        listName: 'Girona',
        fileName: 'clients-girona.csv',
        rows: 301,
        valid: 300,
        invalid: 1,
        duplicates: 0,
        succeeded: 40,
        failed: 0,
      },
    ],
    consent: {
      confirmedAt: '2026-03-01T09:59:00.000Z',
      osUser: 'marta',
      destination: { name: 'Autopilot Girona', endpoint: 'https://api2.autopilothq.com/v1' },
      fields: ['Email', 'FirstName'],
      profiles: 300,
      rows: 301,
      files: [{ fileName: 'clients-girona.csv', sha256: 'ab'.repeat(32), size: 20_480 }],
      terms: 'Sending these contacts moves data outside the compliance boundary.',
    },
    progress: null,
    retry: { available: false, retryable: 0, refused: 0, retriedBy: null },
    reportAvailable: false,
    ...overrides,
  };
}

/**
 * A progress event as the engine sends it: the overall counts are the sum of the segments', so
 * unless a test gives segments, its one segment carries the counts it gives.
 */
export function progress(overrides: Partial<JobProgressEvent> = {}): JobProgressEvent {
  const counts = { total: 300, succeeded: 50, failed: 0, inFlight: 10, ...overrides };
  const segments = overrides.segments ?? [
    {
      total: counts.total,
      succeeded: counts.succeeded,
      failed: counts.failed,
      inFlight: counts.inFlight,
    },
  ];
  return {
    jobId: '20260301-100000-abc123',
    state: 'sending',
    message: 'Sending',
    resumesAt: null,
    contactsPerSecond: 12.5,
    allowedContactsPerSecond: 500,
    etaMs: 20_000,
    ...counts,
    sent: counts.succeeded + counts.failed,
    ...overrides,
    segments,
  };
}

/** A bridge answering from the test's data; events are kept so tests can emit them. */
export function fakeBridge(
  job: JobDetail,
  list: JobListItem[] = [item()],
  resumable: JobListItem[] = [],
) {
  let current = job;
  const progressListeners: ((event: JobProgressEvent) => void)[] = [];
  const finishedListeners: ((event: JobFinishedEvent) => void)[] = [];
  const bridge = {
    jobsGet: vi.fn(async () => ok(current)),
    jobsList: vi.fn(async () => ok(list)),
    jobsResumable: vi.fn(async () => ok(resumable)),
    jobsStart: vi.fn(async () => ok(null)),
    jobsPause: vi.fn(async () => ok(null)),
    jobsCancel: vi.fn(async () => ok(null)),
    jobsSaveReport: vi.fn(async () => ok({ saved: true, fileName: 'report.csv', rows: 3 })),
    jobsRetryFailed: vi.fn(async () => ok({ jobId: '20260301-110000-def456', contacts: 20 })),
    onJobsProgress: (listener: (event: JobProgressEvent) => void) => {
      progressListeners.push(listener);
      return () => undefined;
    },
    onJobsFinished: (listener: (event: JobFinishedEvent) => void) => {
      finishedListeners.push(listener);
      return () => undefined;
    },
  };
  return {
    bridge: bridge as unknown as Partial<BridgeApi>,
    calls: bridge,
    setJob: (next: JobDetail) => {
      current = next;
    },
    /** As main does: the event goes out, and the job read from now on carries it. */
    emitProgress: (event: JobProgressEvent) => {
      current = { ...current, progress: event };
      act(() => progressListeners.forEach((listener) => listener(event)));
    },
    emitFinished: (event: JobFinishedEvent) =>
      act(() => finishedListeners.forEach((listener) => listener(event))),
  };
}

export async function renderHistory(
  bridge: Partial<BridgeApi>,
  target: NavigationTarget,
  language: 'en' | 'ca' = 'en',
) {
  const navigate = vi.fn();
  await renderWithApp(
    <NavigationContext.Provider value={{ target, navigate }}>
      <HistoryScreen />
    </NavigationContext.Provider>,
    bridge,
    language,
  );
  return navigate;
}

export const jobTarget: NavigationTarget = { screen: 'history', jobId: '20260301-100000-abc123' };
