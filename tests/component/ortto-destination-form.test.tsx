import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectOutcome, DestinationSummary } from '../../shared/model/destinations';
import {
  bridgeWith,
  key,
  ok,
  render,
  summary,
} from '../support/component/destinations-fake-bridge';

// Issue 16, items 1 and 2: adding a destination asks which kind; Ortto's key, region, address and
// pace follow from it; cards and Connect name the service.

const ortto = (name: string): DestinationSummary => ({
  ...summary(name),
  service: 'ortto',
  region: 'eu',
  endpoint: 'https://api.eu.ap3api.com/v1',
  requestsPerSecond: 10,
});

async function openForm(language: 'en' | 'ca' = 'en') {
  const bridge = bridgeWith();
  await render(bridge, language);
  const add = language === 'en' ? 'Add destination' : 'Afegeix una destinació';
  await userEvent.click(await screen.findByRole('button', { name: add }));
  return bridge;
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

/** As a marketer does with a key or an address: pasted, not typed letter by letter. */
async function paste(input: HTMLInputElement, text: string) {
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('Adding an Ortto destination', () => {
  it('asks which kind first, each with its one-line description, Autopilot chosen', async () => {
    await openForm();
    const kind = screen.getByRole('group', { name: 'Kind of account' });
    const autopilot = within(kind).getByRole<HTMLInputElement>('radio', { name: 'Autopilot' });
    expect(autopilot.checked).toBe(true);
    expect(autopilot.getAttribute('aria-describedby')).toBeTruthy();
    expect(kind.textContent).toContain('Accounts made before 2022, classic API key.');
    expect(kind.textContent).toContain(
      "What Autopilot became; a Custom API data source's private key.",
    );
    expect(screen.queryByRole('group', { name: 'Ortto region' })).toBeNull();
    expect(field('Request rate (requests per second)').value).toBe('5');
    expect(field('API endpoint').value).toBe('');
  });

  it("choosing Ortto and a region sends both, at Ortto's rate, the address following the region", async () => {
    const bridge = await openForm();
    await userEvent.click(screen.getByRole('radio', { name: 'Ortto' }));
    const region = screen.getByRole('group', { name: 'Ortto region' });
    expect(within(region).getByRole<HTMLInputElement>('radio', { name: 'Default' }).checked).toBe(
      true,
    );
    expect(region.textContent).toContain('A key works only in its own region.');
    expect(field('API endpoint').value).toBe('https://api.ap3api.com/v1');
    expect(field('Request rate (requests per second)').value).toBe('10');
    await userEvent.click(within(region).getByRole('radio', { name: 'Europe' }));
    expect(field('API endpoint').value).toBe('https://api.eu.ap3api.com/v1');

    const keyField = field('Ortto private API key');
    expect(screen.getByText(/Settings, Data sources, and a “Custom API” source/)).toBeTruthy();
    await userEvent.type(field('Display name'), 'Ortto Girona');
    await paste(keyField, key);
    await userEvent.click(screen.getByRole('checkbox', { name: 'I agree' }));
    expect(screen.getByText(/making sure that Ortto meets/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save destination' }));

    await screen.findByText(/Destination “Ortto Girona” saved./);
    expect(bridge.destinationsCreate).toHaveBeenCalledWith({
      displayName: 'Ortto Girona',
      apiKey: key,
      service: 'ortto',
      region: 'eu',
      endpoint: undefined,
      requestsPerSecond: 10,
      agreement: true,
      checkKey: true,
    });
    const card = screen.getByRole('article', { name: 'Ortto Girona' });
    expect(card.querySelector('[data-detail="service"]')?.textContent).toBe('Ortto, Europe region');
  });

  it('a typed address and rate stay when the region or the kind changes', async () => {
    const bridge = await openForm();
    await userEvent.click(screen.getByRole('radio', { name: 'Ortto' }));
    await userEvent.clear(field('API endpoint'));
    await paste(field('API endpoint'), 'http://127.0.0.1:4020/v1');
    await userEvent.clear(field('Request rate (requests per second)'));
    await userEvent.type(field('Request rate (requests per second)'), '3');
    await userEvent.click(screen.getByRole('radio', { name: 'Australia' }));
    expect(field('API endpoint').value).toBe('http://127.0.0.1:4020/v1');
    expect(field('Request rate (requests per second)').value).toBe('3');

    await userEvent.type(field('Display name'), 'Ortto test');
    await paste(field('Ortto private API key'), key);
    await userEvent.click(screen.getByRole('checkbox', { name: 'I agree' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save destination' }));
    await screen.findByText(/Destination “Ortto test” saved./);
    expect(bridge.destinationsCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        service: 'ortto',
        region: 'au',
        endpoint: 'http://127.0.0.1:4020/v1',
        requestsPerSecond: 3,
      }),
    );
  });

  it('going back to Autopilot brings back its pace and address, and its words', async () => {
    await openForm();
    await userEvent.click(screen.getByRole('radio', { name: 'Ortto' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Autopilot' }));
    expect(screen.queryByRole('group', { name: 'Ortto region' })).toBeNull();
    expect(field('Request rate (requests per second)').value).toBe('5');
    expect(field('API endpoint').value).toBe('');
    expect(field('Autopilot API key')).toBeTruthy();
  });

  it('speaks Catalan', async () => {
    await openForm('ca');
    await userEvent.click(screen.getByRole('radio', { name: 'Ortto' }));
    const region = screen.getByRole('group', { name: "Regió d'Ortto" });
    expect(within(region).getByRole('radio', { name: 'Europa' })).toBeTruthy();
    expect(field("Clau privada de l'API d'Ortto")).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Desa la destinació' }));
    expect(screen.getByText("Enganxeu la clau privada de l'API d'Ortto.")).toBeTruthy();
  });
});

describe('An Ortto destination card', () => {
  it('says its kind and region, and Connect speaks of Ortto and its tags', async () => {
    let answer: unknown = ok<ConnectOutcome>({ status: 'connected', listCount: 12, checkedAt: '' });
    const bridge = bridgeWith([ortto('Ortto Girona'), summary('Main')], () => answer);
    await render(bridge);
    const card = await screen.findByRole('article', { name: 'Ortto Girona' });
    expect(card.querySelector('[data-detail="service"]')?.textContent).toBe('Ortto, Europe region');
    const classic = screen.getByRole('article', { name: 'Main' });
    expect(classic.querySelector('[data-detail="service"]')?.textContent).toBe('Autopilot');

    await userEvent.click(within(card).getByRole('button', { name: 'Connect' }));
    expect(await within(card).findByText('Connected to Ortto: 12 tags.')).toBeTruthy();
    answer = ok<ConnectOutcome>({ status: 'failed', reason: 'rejected-key', message: 'x' });
    await userEvent.click(within(card).getByRole('button', { name: 'Connect' }));
    const refused = await within(card).findByText(/Ortto did not accept this API key/);
    expect(refused.textContent).not.toContain('Autopilot');

    await userEvent.click(within(card).getByRole('button', { name: 'Replace key' }));
    expect(within(card).getByLabelText('New Ortto private API key')).toBeTruthy();
  });

  it('in Catalan', async () => {
    const answer = ok<ConnectOutcome>({ status: 'connected', listCount: 12, checkedAt: '' });
    const bridge = bridgeWith([ortto('Ortto Girona')], () => answer);
    await render(bridge, 'ca');
    const card = await screen.findByRole('article', { name: 'Ortto Girona' });
    expect(card.querySelector('[data-detail="service"]')?.textContent).toBe('Ortto, regió Europa');
    await userEvent.click(within(card).getByRole('button', { name: 'Connecta' }));
    expect(await within(card).findByText('Connectat amb Ortto: 12 etiquetes.')).toBeTruthy();
  });
});
