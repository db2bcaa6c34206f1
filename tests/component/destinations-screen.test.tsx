import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectOutcome } from '../../shared/model/destinations';
import {
  bridgeWith,
  fail,
  key,
  ok,
  render,
  summary,
} from '../support/component/destinations-fake-bridge';

describe('Destinations screen', () => {
  it('checks the form before sending and moves the focus to the first problem', async () => {
    const bridge = bridgeWith();
    await render(bridge);
    const user = userEvent.setup();
    await screen.findByText(/No destination yet/);
    await user.click(screen.getByRole('button', { name: 'Add destination' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Display name'));
    await user.click(screen.getByRole('button', { name: 'Save destination' }));
    expect(screen.getByText('Give the destination a name.')).toBeTruthy();
    expect(screen.getByText('Paste your Autopilot API key.')).toBeTruthy();
    expect(screen.getByText(/Tick “I agree”/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Display name'));
    expect(screen.getByLabelText('Display name').getAttribute('aria-invalid')).toBe('true');
    expect(bridge.destinationsCreate).not.toHaveBeenCalled();
  });

  it('adds a destination with the agreement, then never shows the key again', async () => {
    const bridge = bridgeWith();
    await render(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add destination' }));
    expect(
      screen.getByText(/personal and sensitive data, out of the compliance boundary/),
    ).toBeTruthy();
    expect(
      screen.getByText(/You are responsible for making sure that Autopilot meets/),
    ).toBeTruthy();
    expect(screen.getByText(/delete this destination at any time/)).toBeTruthy();
    await user.type(screen.getByLabelText('Display name'), 'Marketing EU');
    const keyField = screen.getByLabelText('Autopilot API key');
    expect(keyField.getAttribute('type')).toBe('password');
    await user.type(keyField, key);
    await user.click(screen.getByRole('checkbox', { name: 'I agree' }));
    await user.click(screen.getByText('Advanced'));
    await user.type(screen.getByLabelText('API endpoint'), 'http://127.0.0.1:4010/v1');
    await user.clear(screen.getByLabelText('Request rate (requests per second)'));
    await user.type(screen.getByLabelText('Request rate (requests per second)'), '2.5');
    await user.click(screen.getByRole('button', { name: 'Save destination' }));

    await screen.findByText(/Destination “Marketing EU” saved. Key saved in your keychain./);
    expect(bridge.destinationsCreate).toHaveBeenCalledWith({
      displayName: 'Marketing EU',
      apiKey: key,
      service: 'autopilot',
      endpoint: 'http://127.0.0.1:4010/v1',
      requestsPerSecond: 2.5,
      agreement: true,
      checkKey: true,
    });
    const card = screen.getByRole('article', { name: 'Marketing EU' });
    await within(card).findByText('Key saved in your keychain');
    expect(within(card).getByRole('button', { name: 'Replace key' })).toBeTruthy();
    expect(document.activeElement).toBe(
      within(card).getByRole('heading', { name: 'Marketing EU' }),
    );
    expect(screen.queryByLabelText('Autopilot API key')).toBeNull();
    expect(document.body.innerHTML).not.toContain(key);
  });

  it("shows main's objection beside the field it is about, in the person's language", async () => {
    const bridge = bridgeWith();
    bridge.destinationsCreate.mockResolvedValueOnce(fail('duplicate-display-name') as never);
    await render(bridge, 'ca');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Afegeix una destinació' }));
    await user.type(screen.getByLabelText('Nom visible'), 'Vendes');
    await user.type(screen.getByLabelText("Clau de l'API d'Autopilot"), key);
    await user.click(screen.getByRole('checkbox', { name: "Hi estic d'acord" }));
    await user.click(screen.getByRole('button', { name: 'Desa la destinació' }));
    await screen.findByText('Ja hi ha una destinació amb aquest nom. Trieu-ne un altre.');
    expect(document.activeElement).toBe(screen.getByLabelText('Nom visible'));
  });

  // Issue 17, item 2: a wrong key used to be saved with a green "Key saved in your keychain".
  it('checks the key where it is typed: a refused key is not saved, an accepted one says so', async () => {
    const bridge = bridgeWith();
    bridge.destinationsCreate.mockResolvedValueOnce(fail('rejected-api-key') as never);
    await render(bridge, 'ca');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Afegeix una destinació' }));
    await user.type(screen.getByLabelText('Nom visible'), 'Vendes');
    const keyField = screen.getByLabelText("Clau de l'API d'Autopilot");
    await user.type(keyField, key);
    await user.click(screen.getByRole('checkbox', { name: "Hi estic d'acord" }));
    await user.click(screen.getByRole('button', { name: 'Desa la destinació' }));
    await screen.findByText(
      /Autopilot no ha acceptat aquesta clau de l'API, i per això no s'ha desat/,
    );
    expect(document.activeElement).toBe(keyField);
    expect(screen.queryByRole('article')).toBeNull();

    bridge.destinationsCreate.mockImplementationOnce(async (input: { displayName: string }) =>
      ok({
        ...summary(input.displayName),
        keyCheck: { status: 'connected' as const, listCount: 3, checkedAt: '' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Desa la destinació' }));
    await screen.findByText("S'ha desat la destinació «Vendes». Clau acceptada: 3 llistes.");
  });

  it('replacing a key says what the check found', async () => {
    const bridge = bridgeWith([summary('Main')]);
    bridge.destinationsReplaceKey.mockResolvedValueOnce(
      ok({
        hasKey: true as const,
        keyCheck: { status: 'connected' as const, listCount: 1, checkedAt: '' },
      }) as never,
    );
    await render(bridge);
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: 'Main' });
    await user.click(within(card).getByRole('button', { name: 'Replace key' }));
    await user.type(within(card).getByLabelText('New Autopilot API key'), key);
    await user.click(within(card).getByRole('button', { name: 'Save new key' }));
    expect(await within(card).findByText('New key saved. Key accepted: 1 list.')).toBeTruthy();
  });

  it('says what Connect found, or why it failed, in plain words', async () => {
    let answer: unknown = ok<ConnectOutcome>({ status: 'connected', listCount: 3, checkedAt: '' });
    const bridge = bridgeWith([summary('Main')], () => answer);
    await render(bridge);
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: 'Main' });
    await user.click(within(card).getByRole('button', { name: 'Connect' }));
    expect(await within(card).findByText('Connected. Your account has 3 lists.')).toBeTruthy();

    answer = ok<ConnectOutcome>({
      status: 'failed',
      reason: 'rejected-key',
      message: 'x',
      httpStatus: 401,
    });
    await user.click(within(card).getByRole('button', { name: 'Connect' }));
    expect(await within(card).findByText(/Autopilot did not accept this API key/)).toBeTruthy();

    answer = ok<ConnectOutcome>({ status: 'failed', reason: 'offline', message: 'x' });
    await user.click(within(card).getByRole('button', { name: 'Connect' }));
    expect(await within(card).findByText(/could not reach Autopilot/)).toBeTruthy();

    answer = fail('keychain-locked');
    await user.click(within(card).getByRole('button', { name: 'Connect' }));
    expect(await within(card).findByText(/keychain is locked/)).toBeTruthy();
    expect(bridge.destinationsConnect).toHaveBeenLastCalledWith({ id: 'id-Main' });
  });

  it('edits name, endpoint and rate, opening Advanced to show a problem there', async () => {
    const bridge = bridgeWith([summary('Main')]);
    bridge.destinationsUpdate.mockResolvedValue(ok(summary('Main EU', 'id-Main')));
    await render(bridge);
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: 'Main' });
    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const name = within(card).getByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'Main EU');
    const advanced = within(card).getByText('Advanced').closest('details');
    expect(advanced?.open).toBe(false);
    await user.clear(within(card).getByLabelText('Request rate (requests per second)'));
    await user.click(within(card).getByRole('button', { name: 'Save changes' }));
    expect(advanced?.open).toBe(true);
    const rate = within(card).getByLabelText('Request rate (requests per second)');
    expect(document.activeElement).toBe(rate);
    expect(within(card).getByText(/between 0.1 and 50/)).toBeTruthy();
    await user.type(rate, '3');
    await user.click(within(card).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(within(card).queryByRole('button', { name: 'Save changes' })).toBeNull(),
    );
    expect(bridge.destinationsUpdate).toHaveBeenCalledWith({
      id: 'id-Main',
      displayName: 'Main EU',
      endpoint: 'https://api2.autopilothq.com/v1',
      requestsPerSecond: 3,
    });
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Edit' }));
  });

  it('replaces the key without ever showing the old or the new one', async () => {
    const bridge = bridgeWith([summary('Main')]);
    await render(bridge);
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: 'Main' });
    await user.click(within(card).getByRole('button', { name: 'Replace key' }));
    const field = within(card).getByLabelText('New Autopilot API key');
    expect(document.activeElement).toBe(field);
    await user.type(field, `${key}{Enter}`);
    expect(await within(card).findByText('New key saved in your keychain.')).toBeTruthy();
    expect(bridge.destinationsReplaceKey).toHaveBeenCalledWith({
      id: 'id-Main',
      apiKey: key,
      checkKey: true,
    });
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Replace key' }));
    expect(document.body.innerHTML).not.toContain(key);
  });

  it('asks before deleting, keeps the keyboard inside the dialog, and Escape backs out', async () => {
    const bridge = bridgeWith([summary('Main'), summary('Other')]);
    await render(bridge);
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: 'Main' });
    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Main”?' });
    expect(
      within(dialog).getByText(/removes its API key from your computer's keychain/),
    ).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.tab();
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Delete destination' }),
    );
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Delete' }));
    expect(bridge.destinationsDelete).not.toHaveBeenCalled();

    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete destination' }));
    await screen.findByText('Destination “Main” deleted, with its key.');
    expect(bridge.destinationsDelete).toHaveBeenCalledWith({ id: 'id-Main' });
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Main' })).toBeNull());
    expect(screen.getByRole('article', { name: 'Other' })).toBeTruthy();
  });
});
