import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobDetail, JobSegmentDetail } from '../../shared/model/jobs';
import {
  detail,
  fakeBridge,
  item,
  jobTarget,
  progress,
  renderHistory,
} from '../support/component/history-fake-bridge';

// Issue 17, item 5: numbers that agree, in English and Catalan. The overall bar and the segment
// bars come from the same source, "sent" leaves out what is on the way, the pace is a sentence,
// a cancelled export says what was never sent, and a retry that delivered the failed rows makes
// the export read completed by it.

const twoSegments = (job: JobDetail): JobDetail => {
  const [first] = job.segments as [JobSegmentDetail];
  return {
    ...job,
    segments: [
      { ...first, name: 'girona', listName: 'Girona', valid: 200, succeeded: 10 },
      { ...first, name: 'lleida', listName: 'Lleida', valid: 100, succeeded: 0 },
    ],
  };
};

const liveEvent = progress({
  segments: [
    { total: 200, succeeded: 120, failed: 2, inFlight: 40 },
    { total: 100, succeeded: 30, failed: 0, inFlight: 20 },
  ],
  succeeded: 150,
  failed: 2,
  inFlight: 60,
  sent: 152,
  contactsPerSecond: 48,
  allowedContactsPerSecond: 500,
});

const count = (name: string) =>
  document.querySelector(`[data-count="${name}"] dd`)?.textContent ?? null;
const bar = (name: string) => screen.getByRole('progressbar', { name });

describe('History: live numbers that agree', () => {
  it('moves the segment bars with the overall one, and keeps what is on the way out of Sent', async () => {
    // The job read (2 s old) says 10 delivered; the event says more: every bar follows the event.
    const fake = fakeBridge(twoSegments(detail({ progress: liveEvent })));
    await renderHistory(fake.bridge, jobTarget);
    await screen.findByText('Sending');

    expect(bar('Overall progress').getAttribute('aria-valuenow')).toBe('152');
    expect(bar('girona → list “Girona”').getAttribute('aria-valuenow')).toBe('122');
    expect(bar('lleida → list “Lleida”').getAttribute('aria-valuenow')).toBe('30');
    expect(count('sent')).toBe('152');
    expect(count('on-the-way')).toBe('60');
    expect(screen.getByText(/40 on the way/)).toBeTruthy();
    expect(count('rate')).toBe('About 48 contacts a second (Autopilot takes up to 500 a second)');
    expect(screen.queryByText(/requests\/s/)).toBeNull();

    fake.emitProgress(
      progress({
        ...liveEvent,
        segments: [
          { total: 200, succeeded: 200, failed: 0, inFlight: 0 },
          { total: 100, succeeded: 60, failed: 0, inFlight: 20 },
        ],
      }),
    );
    await waitFor(() => expect(bar('Overall progress').getAttribute('aria-valuenow')).toBe('260'));
    expect(bar('girona → list “Girona”').getAttribute('aria-valuenow')).toBe('200');
    expect(bar('lleida → list “Lleida”').getAttribute('aria-valuenow')).toBe('60');
    expect(count('sent')).toBe('260');
    expect(count('on-the-way')).toBe('20');
  });

  it('says it in Catalan', async () => {
    const fake = fakeBridge(twoSegments(detail({ progress: liveEvent })));
    await renderHistory(fake.bridge, jobTarget, 'ca');
    await screen.findByText("S'està enviant");
    const onTheWay = document.querySelector('[data-count="on-the-way"]') as HTMLElement;
    expect(within(onTheWay).getByText('En camí')).toBeTruthy();
    expect(count('rate')).toBe(
      "Uns 48 contactes per segon (Autopilot n'accepta fins a 500 per segon)",
    );
    expect(screen.getByText(/40 en camí/)).toBeTruthy();
  });
});

const cancelled = detail({
  status: 'cancelled',
  running: false,
  counts: { ...item().counts, sent: 40, succeeded: 40, unsent: 260 },
  stop: { kind: 'cancel', message: 'Cancelled.', at: '2026-03-01T10:05:00.000Z' },
  reportAvailable: true,
});

describe('History: a cancelled export', () => {
  it('says how many contacts were never sent, in the outcome and the summary', async () => {
    const fake = fakeBridge(cancelled, [{ ...item(), ...cancelled }]);
    await renderHistory(fake.bridge, jobTarget);
    expect(
      await screen.findByText('Cancelled: 260 contacts were never sent. The report lists them.'),
    ).toBeTruthy();
    const row = document.querySelector('[data-summary="unsent"]') as HTMLElement;
    expect(row.textContent).toBe('Never sent260');
  });

  it('in Catalan too', async () => {
    const fake = fakeBridge(cancelled);
    await renderHistory(fake.bridge, jobTarget, 'ca');
    expect(
      await screen.findByText(
        "Cancel·lada: 260 contactes no es van enviar mai. L'informe els detalla.",
      ),
    ).toBeTruthy();
    const row = document.querySelector('[data-summary="unsent"]') as HTMLElement;
    expect(row.textContent).toBe('No enviats mai260');
  });
});

const retry = {
  jobId: '20260301-120000-def456',
  createdAt: '2026-03-01T12:00:00.000Z',
  status: 'completed' as const,
  delivered: 20,
};
const retried = (refused: number) =>
  detail({
    status: 'completed_with_errors',
    running: false,
    counts: {
      ...item().counts,
      sent: 300,
      succeeded: 280 - refused,
      failed: 20 + refused,
      refused,
      givenUp: 20,
      unsent: 0,
    },
    deliveredByRetry: retry,
    retry: { available: false, retryable: 20, refused, retriedBy: retry.jobId },
    reportAvailable: true,
  });

const completed =
  /^Done: every contact was delivered, the failed ones by the retry of Mar 1, 2026.*\.$/;

describe('History: an export whose failed rows a retry delivered', () => {
  it('reads completed by that retry in the detail', async () => {
    const job = retried(0);
    const fake = fakeBridge(job, [job]);
    await renderHistory(fake.bridge, jobTarget);
    expect(await screen.findByText(completed)).toBeTruthy();
    expect((document.querySelector('[data-summary="byRetry"]') as HTMLElement).textContent).toMatch(
      /^Delivered later by the retry of Mar 1, 2026.*20$/,
    );
    expect((document.querySelector('[data-summary="givenUp"]') as HTMLElement).textContent).toMatch(
      /0$/,
    );
  });

  it('reads completed by that retry in the list, its delivered count holding the retry’s', async () => {
    const job = retried(0);
    const fake = fakeBridge(job, [job]);
    await renderHistory(fake.bridge, { screen: 'history' });
    const list = await screen.findByRole('list', { name: 'Past exports' });
    const line = within(list).getByRole('listitem');
    expect(within(line).getByText(completed)).toBeTruthy();
    const delivered = line.querySelector('[data-count="succeeded"] dd') as HTMLElement;
    expect(delivered.textContent).toMatch(/^300 of 300 \(20 of them by the retry of Mar 1, 2026/);
    expect(line.querySelector('[data-count="failed"] dd')?.textContent).toBe('0');
  });

  it('says what is still missing when the retry could not deliver everything', async () => {
    const fake = fakeBridge(retried(1));
    await renderHistory(fake.bridge, jobTarget);
    expect(
      await screen.findByText(
        /^Done, but 1 contact was not delivered\. The retry of Mar 1, 2026.* delivered 20 of the failed ones\.$/,
      ),
    ).toBeTruthy();
  });

  it('in Catalan, with the article the date needs', async () => {
    const fake = fakeBridge(retried(0));
    await renderHistory(fake.bridge, jobTarget, 'ca');
    expect(
      await screen.findByText(
        /^Fet: s'han lliurat tots els contactes, els que havien fallat pel reintent de l'1 de març/,
      ),
    ).toBeTruthy();
  });
});
