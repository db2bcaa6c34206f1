import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JobDetail } from '../../shared/model/jobs';
import {
  detail,
  fakeBridge,
  item,
  jobTarget,
  renderHistory,
} from '../support/component/history-fake-bridge';

// Issue 16: a job's detail and receipt name the service. Job views do not carry it yet, so the
// screen reads it from the consent receipt's destination.

const base = detail();
const orttoJob: JobDetail = detail({
  status: 'paused',
  running: false,
  resumable: true,
  destination: { id: 'dest-ortto', name: 'Ortto Girona', endpoint: 'https://api.eu.ap3api.com/v1' },
  stop: { kind: 'rejected-key', message: 'rejected', at: '2026-03-01T10:05:00.000Z' },
  consent: {
    ...base.consent,
    destination: {
      name: 'Ortto Girona',
      endpoint: 'https://api.eu.ap3api.com/v1',
      service: 'ortto',
      region: 'eu',
    },
    emailPermission: 'yes',
  },
});

describe('History: an Ortto export', () => {
  it('names Ortto and its region in the detail, its stop and its consent receipt', async () => {
    const fake = fakeBridge(orttoJob);
    await renderHistory(fake.bridge, jobTarget);
    expect(await screen.findByText(/· to Ortto Girona \(Ortto, Europe region\)$/)).toBeTruthy();
    expect(screen.getByText(/Paused: Ortto rejected the API key/)).toBeTruthy();
    await userEvent.click(screen.getByText('Consent receipt'));
    const receipt = screen.getByText('Consent receipt').closest('details') as HTMLElement;
    expect(within(receipt).getByText('Ortto account')).toBeTruthy();
    expect(receipt.querySelector('[data-receipt="service"]')?.textContent).toBe(
      'Ortto, Europe region',
    );
    expect(receipt.querySelector('[data-receipt="email-permission"]')?.textContent).toContain(
      'people already in Ortto kept their own permission',
    );
    expect(document.body.textContent).not.toContain('Autopilot');
  });

  it("names Ortto in the list's line for the job, from the job's own destination", async () => {
    const paused = item({
      status: 'paused',
      running: false,
      resumable: true,
      destination: {
        id: 'dest-ortto',
        name: 'Ortto Girona',
        endpoint: 'https://api.eu.ap3api.com/v1',
        service: 'ortto',
      },
      stop: { kind: 'rejected-key', message: 'rejected', at: '2026-03-01T10:05:00.000Z' },
    });
    const fake = fakeBridge(orttoJob, [paused]);
    await renderHistory(fake.bridge, { screen: 'history' });
    const line = (await screen.findByText(/Paused: Ortto rejected the API key/)).closest('li');
    expect(line?.getAttribute('data-job-id')).toBe(paused.id);
    expect(line?.textContent).not.toContain('Autopilot');
  });

  it('in Catalan', async () => {
    const fake = fakeBridge(orttoJob);
    await renderHistory(fake.bridge, jobTarget, 'ca');
    expect(await screen.findByText(/· a Ortto Girona \(Ortto, regió Europa\)$/)).toBeTruthy();
    expect(screen.getByText(/En pausa: Ortto ha rebutjat la clau/)).toBeTruthy();
  });

  it('an Autopilot receipt, written before Ortto existed, reads as Autopilot', async () => {
    const fake = fakeBridge(detail());
    await renderHistory(fake.bridge, jobTarget);
    await userEvent.click(await screen.findByText('Consent receipt'));
    const receipt = screen.getByText('Consent receipt').closest('details') as HTMLElement;
    expect(receipt.querySelector('[data-receipt="service"]')?.textContent).toBe('Autopilot');
    expect(receipt.querySelector('[data-receipt="email-permission"]')).toBeNull();
  });
});
