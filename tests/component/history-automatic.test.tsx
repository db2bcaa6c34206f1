import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RunTrigger } from '../../shared/model/automation';
import {
  detail,
  fakeBridge,
  item,
  jobTarget,
  renderHistory,
} from '../support/component/history-fake-bridge';

// Issue 18, item 4: History marks automatic runs and their trigger; the receipt names the
// standing consent the run went under.
const byFolder: RunTrigger = {
  kind: 'folder',
  setupId: 'setup-1',
  setupName: 'Weekly newsletter',
  folder: '/exports/girona',
  exportPath: '/exports/girona/2026-03-02',
  standingConsentId: 'consent-1',
};
const finished = { status: 'completed', running: false } as const;

describe('History: automatic runs', () => {
  it('marks each row with what set it off, and leaves hand-made exports unmarked', async () => {
    const list = [
      item({ id: 'a', ...finished, trigger: byFolder }),
      item({ id: 'b', ...finished, trigger: { ...byFolder, kind: 'schedule', folder: undefined } }),
      item({ id: 'c', ...finished, trigger: { ...byFolder, kind: 'command-line' } }),
      item({ id: 'd', ...finished }),
    ];
    await renderHistory(fakeBridge(detail(), list).bridge, { screen: 'history' });
    await screen.findAllByRole('listitem');
    const row = (id: string) => document.querySelector(`[data-job-id="${id}"]`);
    expect(row('a')?.querySelector('[data-trigger]')?.textContent).toBe(
      'Automatic: new export in /exports/girona',
    );
    expect(row('b')?.querySelector('[data-trigger]')?.textContent).toBe('Automatic: schedule');
    expect(row('c')?.querySelector('[data-trigger]')?.textContent).toBe('Command line');
    expect(row('d')?.querySelector('[data-trigger]')).toBeNull();
  });

  it('says in the detail and its receipt which standing consent the run went under', async () => {
    const job = detail({
      ...finished,
      trigger: byFolder,
      consent: {
        ...detail().consent,
        standingConsent: { id: 'consent-1', confirmedAt: '2026-03-01T08:15:00.000Z' },
      },
    });
    await renderHistory(fakeBridge(job).bridge, jobTarget);
    expect(await screen.findByText('Automatic: new export in /exports/girona')).toBeTruthy();
    await userEvent.click(screen.getByText('Consent receipt'));
    expect(document.querySelector('[data-receipt="standing-consent"]')?.textContent).toMatch(
      /^Under the standing consent given on Mar 1, 2026/,
    );
  });

  it('speaks Catalan, with the date’s article', async () => {
    const job = detail({
      ...finished,
      trigger: { ...byFolder, kind: 'schedule' },
      consent: {
        ...detail().consent,
        standingConsent: { id: 'consent-1', confirmedAt: '2026-03-01T08:15:00.000Z' },
      },
    });
    await renderHistory(fakeBridge(job).bridge, jobTarget, 'ca');
    expect(await screen.findByText('Automàtica: horari')).toBeTruthy();
    expect(document.querySelector('[data-receipt="standing-consent"]')?.textContent).toMatch(
      /^Sota el consentiment permanent donat l'1 de març/,
    );
  });
});
