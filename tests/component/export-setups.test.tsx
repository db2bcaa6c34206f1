import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type { ExportSetup } from '../../shared/model/exports';
import { fakeExportBridge, renderScreen, segment } from '../support/component/export-fake-bridge';

const ok = <T,>(value: T) => ({ ok: true as const, value });
const columns = ['Mail', 'Nom'];
const weekly = segment('weekly', columns, [['a@x.cat', 'Anna']]);
const signature = `sig-${columns.join('|')}`;
const saved: ExportSetup = {
  id: 'setup-1',
  name: 'Weekly newsletter',
  destinationId: 'dest-1',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  segments: [
    {
      segmentId: 'weekly',
      segmentName: 'weekly',
      signature,
      list: { kind: 'existing', name: 'Newsletter' },
    },
    { segmentId: 'gone', segmentName: 'Old segment', signature, list: { kind: 'segment' } },
  ],
  mappings: [{ signature, mapping: { email: 'Mail', standard: { LastName: 'Nom' }, custom: [] } }],
};

describe('Export screen: saved setups', () => {
  it('opens a saved setup: destination, segments, lists and matching', async () => {
    const fake = fakeExportBridge({ segments: [weekly] });
    const bridge = {
      ...fake.bridge,
      exportsSetups: vi.fn(async () => ok([saved])),
    } as Partial<BridgeApi>;
    await renderScreen(<ExportScreen />, bridge);
    const bar = screen.getByRole('region', { name: 'Saved setups' });
    const picker = within(bar).getByLabelText('Saved setup');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(2));
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(1));
    await userEvent.selectOptions(picker, 'Weekly newsletter');
    await userEvent.click(within(bar).getByRole('button', { name: 'Open' }));

    expect(
      within(bar).getByText(/Some segments of this setup are no longer in Segments: Old segment/),
    ).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /weekly/ }).checked).toBe(true);
    await waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Send to' }).value).toBe(
        'dest-1',
      ),
    );
    const lastName = await screen.findByRole<HTMLSelectElement>('combobox', {
      name: 'Column for Last name',
    });
    expect(lastName.value).toBe('Nom');
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', { name: 'Column for First name' }).value,
    ).toBe('');
    expect(screen.getByText('Matching from the saved setup.')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'List for weekly' }).value).toBe(
      'existing:Newsletter',
    );
  });

  it('saves the current setup under a name', async () => {
    const fake = fakeExportBridge({ segments: [weekly] });
    const saveSetup = vi.fn(async () => ok(saved));
    const bridge = { ...fake.bridge, exportsSaveSetup: saveSetup } as Partial<BridgeApi>;
    await renderScreen(<ExportScreen />, bridge);
    const select = await screen.findByRole('combobox', { name: 'Send to' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(select, 'Autopilot Barcelona');
    await userEvent.click(await screen.findByRole('checkbox', { name: /weekly/ }));
    await screen.findByRole('table');
    const bar = screen.getByRole('region', { name: 'Saved setups' });
    await userEvent.type(within(bar).getByLabelText('Setup name'), 'Weekly newsletter');
    await userEvent.click(within(bar).getByRole('button', { name: 'Save setup' }));

    await waitFor(() => expect(saveSetup).toHaveBeenCalledTimes(1));
    expect(saveSetup.mock.lastCall).toEqual([
      {
        name: 'Weekly newsletter',
        destinationId: 'dest-1',
        segments: [{ segmentId: 'weekly', list: { kind: 'segment' } }],
        mappings: [
          { signature, mapping: { email: 'Mail', standard: { FirstName: 'Nom' }, custom: [] } },
        ],
      },
    ]);
    expect(await within(bar).findByText('Saved the setup “Weekly newsletter”.')).toBeTruthy();
  });

  it('“Make automatic…” opens the Automatic exports screen on the chosen setup', async () => {
    const fake = fakeExportBridge({ segments: [weekly] });
    const bridge = {
      ...fake.bridge,
      exportsSetups: vi.fn(async () => ok([saved])),
    } as Partial<BridgeApi>;
    const { navigate } = await renderScreen(<ExportScreen />, bridge);
    const bar = screen.getByRole('region', { name: 'Saved setups' });
    const picker = within(bar).getByLabelText('Saved setup');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(2));
    const make = within(bar).getByRole<HTMLButtonElement>('button', { name: 'Make automatic…' });
    expect(make.disabled).toBe(true);
    await userEvent.selectOptions(picker, 'Weekly newsletter');
    await userEvent.click(make);
    expect(navigate).toHaveBeenCalledWith({ screen: 'automation', setupId: 'setup-1' });
  });
});
