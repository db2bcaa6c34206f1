import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  detail,
  fakeBridge,
  item,
  jobTarget,
  progress,
  renderHistory,
} from '../support/component/history-fake-bridge';

describe('History: an export’s live progress', () => {
  it('moves with progress events and words each state plainly, with the countdown', async () => {
    const fake = fakeBridge(detail({ progress: progress() }));
    await renderHistory(fake.bridge, jobTarget);

    const status = await screen.findByRole('status', { name: '' });
    expect(status.textContent).toContain('Sending');
    const overall = screen.getByRole('progressbar', { name: 'Overall progress' });
    expect(overall.getAttribute('aria-valuenow')).toBe('50');
    expect(overall.getAttribute('aria-valuemax')).toBe('300');
    expect(
      screen.getByText('About 12.5 contacts a second (Autopilot takes up to 500 a second)'),
    ).toBeTruthy();

    fake.emitProgress(
      progress({ state: 'slowed-down', resumesAt: Date.now() + 20_000, succeeded: 120 }),
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

  // The keychain's and an unexpected error's own words are often English whatever the app's
  // language: they stand apart as a technical detail, never inside the catalog's sentence.
  it.each([
    [
      'en',
      'keychain',
      'paused',
      'Paused: your keychain did not give the API key. Unlock it, then resume.',
      'Technical detail: ',
    ],
    ['en', 'error', 'failed', 'Stopped on a problem.', 'Technical detail: '],
    [
      'ca',
      'keychain',
      'paused',
      "En pausa: el clauer no ha donat la clau de l'API. Desbloquegeu-lo i reprengueu.",
      'Detall tècnic: ',
    ],
    ['ca', 'error', 'failed', "S'ha aturat per un problema.", 'Detall tècnic: '],
  ] as const)(
    'words a %s %s stop in the catalog, with the cause’s own words apart',
    async (language, kind, status, sentence, label) => {
      const cause = 'Cannot create an item in a locked collection';
      const stopped = detail({
        status,
        running: false,
        resumable: true,
        stop: {
          kind,
          message: `Paused: the keychain did not give the API key. ${cause}`,
          detail: cause,
          at: '',
        },
      });
      await renderHistory(fakeBridge(stopped).bridge, jobTarget, language);
      const state = await screen.findByText(sentence);
      expect(state.getAttribute('role')).toBe('status');
      expect(screen.getByText(`${label}${cause}`)).toBeTruthy();
      expect(document.body.textContent).not.toContain('Paused: the keychain');
    },
  );

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
