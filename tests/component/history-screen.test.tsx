import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NavigationContext, type NavigationTarget } from '../../renderer/src/app/navigation';
import { HistoryScreen } from '../../renderer/src/features/history/history-screen';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type {
  JobDetail,
  JobFinishedEvent,
  JobListItem,
  JobProgressEvent,
} from '../../shared/ipc/channels/jobs';
import { renderWithApp } from './render-app';

const ok = <T,>(value: T) => ({ ok: true as const, value });

function item(overrides: Partial<JobListItem> = {}): JobListItem {
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
    },
    elapsedMs: 4_000,
    stop: null,
    retryOf: null,
    ...overrides,
  };
}

function detail(overrides: Partial<JobDetail> = {}): JobDetail {
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

function progress(overrides: Partial<JobProgressEvent> = {}): JobProgressEvent {
  return {
    jobId: '20260301-100000-abc123',
    state: 'sending',
    message: 'Sending',
    resumesAt: null,
    total: 300,
    sent: 60,
    succeeded: 50,
    failed: 0,
    contactsPerSecond: 12.5,
    requestRate: 5,
    etaMs: 20_000,
    ...overrides,
  };
}

/** A bridge answering from the test's data; events are kept so tests can emit them. */
function fakeBridge(job: JobDetail, list: JobListItem[] = [item()], resumable: JobListItem[] = []) {
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

async function renderHistory(
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

const jobTarget: NavigationTarget = { screen: 'history', jobId: '20260301-100000-abc123' };

describe('History: an export’s live progress', () => {
  it('moves with progress events and words each state plainly, with the countdown', async () => {
    const fake = fakeBridge(detail({ progress: progress() }));
    await renderHistory(fake.bridge, jobTarget);

    const status = await screen.findByRole('status', { name: '' });
    expect(status.textContent).toContain('Sending');
    const overall = screen.getByRole('progressbar', { name: 'Overall progress' });
    expect(overall.getAttribute('aria-valuenow')).toBe('50');
    expect(overall.getAttribute('aria-valuemax')).toBe('300');
    expect(screen.getByText('12.5 contacts/s · 5 requests/s allowed')).toBeTruthy();

    fake.emitProgress(
      progress({ state: 'slowed-down', resumesAt: Date.now() + 20_000, succeeded: 120, sent: 140 }),
    );
    await waitFor(() =>
      expect(status.textContent).toBe('Autopilot asked us to slow down; retrying in 20 s'),
    );
    expect(overall.getAttribute('aria-valuenow')).toBe('120');

    fake.emitProgress(progress({ state: 'waiting-network', succeeded: 130 }));
    await waitFor(() => expect(status.textContent).toBe('Waiting for the network'));
    expect(overall.getAttribute('aria-valuenow')).toBe('130');
  });

  it('says why a job paused itself once it ends, and offers Resume', async () => {
    const fake = fakeBridge(detail({ progress: progress() }));
    await renderHistory(fake.bridge, jobTarget);
    await screen.findByText('Sending');

    const stoppedBy = {
      status: 'paused',
      running: false,
      resumable: true,
      stop: { kind: 'rejected-key', message: 'Paused: Autopilot rejected the API key.', at: '' },
    } as const;
    const paused = item(stoppedBy);
    fake.setJob(detail({ ...stoppedBy, progress: progress({ state: 'paused' }) }));
    fake.emitProgress(progress({ state: 'paused' }));
    fake.emitFinished({
      jobId: paused.id,
      status: 'paused',
      stop: paused.stop,
      counts: paused.counts,
    });
    expect(
      await screen.findByText(
        'Paused: Autopilot rejected the API key. Replace the key on the Destinations screen, then resume.',
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(fake.calls.jobsStart).toHaveBeenCalledWith({ jobId: paused.id });
  });

  it('pauses at once, but cancels only after asking', async () => {
    const fake = fakeBridge(detail({ progress: progress() }));
    await renderHistory(fake.bridge, jobTarget);
    await userEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(fake.calls.jobsPause).toHaveBeenCalledWith({ jobId: jobTarget.jobId });

    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this export?' });
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Keep the export' }),
    );
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.calls.jobsCancel).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel export' }),
    );
    expect(fake.calls.jobsCancel).toHaveBeenCalledWith({ jobId: jobTarget.jobId });
  });

  it('speaks Catalan', async () => {
    const fake = fakeBridge(detail({ progress: progress({ state: 'waiting-network' }) }));
    await renderHistory(fake.bridge, jobTarget, 'ca');
    expect(await screen.findByText("S'està esperant la xarxa")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pausa' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Progrés total' })).toBeTruthy();
  });
});

describe('History: a finished export', () => {
  const finished = detail({
    status: 'completed_with_errors',
    running: false,
    counts: { ...item().counts, succeeded: 279, failed: 21, refused: 1, givenUp: 20, sent: 300 },
    retry: { available: true, retryable: 20, refused: 1, retriedBy: null },
    reportAvailable: true,
  });

  it('sums up, saves the report, and retries failed rows after restating the consent', async () => {
    const fake = fakeBridge(finished);
    const navigate = await renderHistory(fake.bridge, jobTarget);
    expect(
      await screen.findByText('Done, but 21 contacts were not delivered. The report lists them.'),
    ).toBeTruthy();
    expect(screen.getByText(/1 contact Autopilot refused is not retried/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Save report (CSV)' }));
    expect(await screen.findByText('Report saved as “report.csv” (3 rows).')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Retry failed rows' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Send 20 contacts again?' });
    expect(dialog.textContent).toContain('They go again to Autopilot Girona');
    expect(dialog.textContent).toContain('Email, FirstName');
    expect(dialog.textContent).toContain('compliance boundary');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send again' }));
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith({ screen: 'history', jobId: '20260301-110000-def456' }),
    );
    expect(fake.calls.jobsRetryFailed).toHaveBeenCalledWith({ jobId: jobTarget.jobId });

    await userEvent.click(screen.getByRole('button', { name: 'Export again' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'export', jobId: jobTarget.jobId });
  });

  it('shows the consent receipt', async () => {
    const fake = fakeBridge(finished);
    await renderHistory(fake.bridge, jobTarget);
    await userEvent.click(await screen.findByText('Consent receipt'));
    expect(screen.getByText('marta')).toBeTruthy();
    expect(screen.getByText(/clients-girona\.csv \(20 kB\) · SHA-256 abababababab/)).toBeTruthy();
  });
});

describe('History: the list', () => {
  it('offers Resume for unfinished exports and opens the export once it runs', async () => {
    const interrupted = item({
      status: 'running',
      running: false,
      interrupted: true,
      resumable: true,
    });
    const done = item({ id: '20260201-090000-aaa111', status: 'completed', running: false });
    const fake = fakeBridge(detail(), [interrupted, done], [interrupted]);
    const navigate = await renderHistory(fake.bridge, { screen: 'history' });

    const unfinished = await screen.findByRole('list', { name: 'Exports to resume' });
    expect(unfinished.textContent).toContain(
      'Cut short when Segment Courier closed or the computer stopped. Resume it to send the rest.',
    );
    const all = screen.getByRole('list', { name: 'Past exports' });
    expect(within(all).getAllByRole('listitem')).toHaveLength(2);
    expect(within(all).getByText('Done: every contact was delivered.')).toBeTruthy();

    await userEvent.click(within(unfinished).getByRole('button', { name: 'Resume' }));
    expect(fake.calls.jobsStart).toHaveBeenCalledWith({ jobId: interrupted.id });
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith({ screen: 'history', jobId: interrupted.id }),
    );
  });

  it('says so when there are no exports yet', async () => {
    const fake = fakeBridge(detail(), []);
    await renderHistory(fake.bridge, { screen: 'history' });
    expect(
      await screen.findByText('No exports yet. Set one up on the Export screen.'),
    ).toBeTruthy();
  });
});
